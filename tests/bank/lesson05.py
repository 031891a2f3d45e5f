"""Student answers for lesson 05: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell (a whole class, or the shopping function).
``WRONG`` answers must lose that cell's points; ``CORRECT`` alternatives must keep
full marks. ``feedback`` is a phrase the failure message must contain (``None``
where only the hidden cases can catch the mistake).
"""
from bank import Answer

MUL_LAYER = '''
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        {store}
        return {out}

    def backward(self, dout):
        dx = {dx}
        dy = {dy}
        return dx, dy
'''


def mul_layer(store="self.x = x\n        self.y = y", out="x * y", dx="dout * self.y", dy="dout * self.x"):
    return MUL_LAYER.format(store=store, out=out, dx=dx, dy=dy)


ADD_LAYER = '''
class AddLayer:
    def __init__(self):
        pass

    def forward(self, x, y):
        {forward}

    def backward(self, dout):
        {backward}
'''


def add_layer(forward="return x + y", backward="return dout * 1, dout * 1"):
    return ADD_LAYER.format(forward=forward, backward=backward)


RELU = '''
class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        {forward}

    def backward(self, dout):
        {backward}
'''


def relu(forward="self.mask = (x <= 0)\n        out = x.copy()\n        out[self.mask] = 0\n        return out",
         backward="dx = dout.copy()\n        dx[self.mask] = 0\n        return dx"):
    return RELU.format(forward=forward, backward=backward)


SIGMOID = '''
class Sigmoid:
    def __init__(self):
        self.out = None

    def forward(self, x):
        {forward}

    def backward(self, dout):
        {backward}
'''


def sigmoid(forward="out = 1 / (1 + np.exp(-x))\n        self.out = out\n        return out",
            backward="return dout * (1.0 - self.out) * self.out"):
    return SIGMOID.format(forward=forward, backward=backward)


BUY = '''
def buy_apples_and_oranges(apple, apple_num, orange, orange_num, tax):
    mul_apple_layer = MulLayer()
    mul_orange_layer = MulLayer()
    add_apple_orange_layer = AddLayer()
    mul_tax_layer = MulLayer()

    apple_price = mul_apple_layer.forward(apple, apple_num)
    orange_price = mul_orange_layer.forward(orange, orange_num)
    all_price = add_apple_orange_layer.forward(apple_price, orange_price)
    price = {price}

    dprice = 1
    {backward}

    grads = {{"apple": {dapple}, "apple_num": {dapple_num}, "orange": dorange, "orange_num": dorange_num,
             "tax": dtax}}
    return price, grads
'''

BACKWARD = """dall_price, dtax = mul_tax_layer.backward(dprice)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)"""


def buy(price="mul_tax_layer.forward(all_price, tax)", backward=BACKWARD, dapple="dapple", dapple_num="dapple_num"):
    return BUY.format(price=price, backward=backward, dapple=dapple, dapple_num=dapple_num)


WRONG = {
    # MulLayer
    "mul_no_swap": Answer("MulLayer", mul_layer(dx="dout * self.x", dy="dout * self.y"), "서로 바꿔 곱합니다"),
    "mul_forgets_dout": Answer("MulLayer", mul_layer(dx="self.y", dy="self.x"), "dout을 곱하세요"),
    "mul_passes_dout_on": Answer("MulLayer", mul_layer(dx="dout", dy="dout"), "덧셈 노드의 역전파"),
    "mul_stores_x_twice": Answer("MulLayer", mul_layer(store="self.x = x\n        self.y = x"), "self.y에 x를 저장했습니다"),
    "mul_stores_swapped": Answer("MulLayer", mul_layer(store="self.x = y\n        self.y = x"), "둘이 바뀌었습니다"),
    "mul_adds": Answer("MulLayer", mul_layer(out="x + y"), "순전파는 x * y"),
    "mul_stores_nothing": Answer("MulLayer", mul_layer(store="out = x * y"), "backward보다 forward를 먼저"),
    "mul_other_names": Answer("MulLayer", mul_layer(store="self.a = x\n        self.b = y",
                                                    dx="dout * self.b", dy="dout * self.a"),
                              "self.x = x, self.y = y로 두 입력을 저장"),
    # AddLayer
    "add_swaps_like_mul": Answer("AddLayer", add_layer(
        forward="self.x, self.y = x, y\n        return x + y",
        backward="return dout * self.y, dout * self.x"), "입력을 바꿔 곱하지 않습니다"),
    "add_returns_ones": Answer("AddLayer", add_layer(backward="return 1, 1"), "1만 돌려주면 안 됩니다"),
    "add_halves": Answer("AddLayer", add_layer(backward="return dout / 2, dout / 2"), "나누어 갖지 않습니다"),
    "add_forward_multiplies": Answer("AddLayer", add_layer(forward="return x * y"), "순전파는 x + y"),
    # buy_apples_and_oranges
    "buy_tax_outputs_swapped": Answer("buy_apples_and_oranges", buy(backward=BACKWARD.replace(
        "dall_price, dtax =", "dtax, dall_price =")), "dall_price, dtax = mul_tax_layer.backward(dprice)"),
    "buy_backward_on_new_layers": Answer("buy_apples_and_oranges", buy(backward=BACKWARD.replace(
        "mul_tax_layer.backward", "MulLayer().backward")), "새로 만든 MulLayer()"),
    "buy_grads_swapped": Answer("buy_apples_and_oranges", buy(dapple="dapple_num", dapple_num="dapple"),
                                "기울기가 바뀌었습니다"),
    "buy_tax_without_its_layer": Answer("buy_apples_and_oranges", buy(price="all_price * tax"),
                                        "아직 forward를 부르지 않은 객체"),
    "buy_backward_skips_tax": Answer("buy_apples_and_oranges", buy(backward=BACKWARD.replace(
        "add_apple_orange_layer.backward(dall_price)", "add_apple_orange_layer.backward(dprice)")),
        "소비세 노드부터 시작하지"),
    "buy_lecture_numbers": Answer("buy_apples_and_oranges", '''
def buy_apples_and_oranges(apple, apple_num, orange, orange_num, tax):
    grads = {"apple": 2.2, "apple_num": 110, "orange": 3.3, "orange_num": 165, "tax": 650}
    return 715.0, grads
''', None),
    # Relu
    "relu_changes_input": Answer("Relu", relu(
        forward="self.mask = (x <= 0)\n        x[self.mask] = 0\n        return x"), "out = x.copy()로 복사한 다음"),
    "relu_mask_below_zero_only": Answer("Relu", relu(
        forward="self.mask = (x < 0)\n        out = x.copy()\n        out[self.mask] = 0\n        return out"),
        "x < 0이 아니라 x <= 0"),
    "relu_backward_uses_unstored_x": Answer("Relu", relu(backward="return dout * (self.x > 0)"),
                                            "forward에서 저장하지 않은 속성"),
    "relu_backward_no_mask": Answer("Relu", relu(backward="return dout"), "기울기를 0으로 막아야"),
    "relu_mask_positive": Answer("Relu", relu(
        forward="self.mask = (x > 0)\n        return x * self.mask", backward="return dout * self.mask"),
        "x <= 0인 자리가 True인 배열"),
    "relu_backward_inverted": Answer("Relu", relu(
        backward="dx = dout.copy()\n        dx[~self.mask] = 0\n        return dx"), "반대로 막았습니다"),
    "relu_no_cut": Answer("Relu", relu(forward="self.mask = (x <= 0)\n        return x.copy()"),
                          "0 이하인 자리를 0으로 바꾸지 않았습니다"),
    # Sigmoid
    "sigmoid_grad_from_x": Answer("Sigmoid", sigmoid(
        forward="self.x = x\n        out = 1 / (1 + np.exp(-x))\n        self.out = out\n        return out",
        backward="return dout * (1.0 - self.x) * self.x"), "출력 y로 계산합니다"),
    "sigmoid_no_minus": Answer("Sigmoid", sigmoid(forward="self.out = 1 / (1 + np.exp(x))\n        return self.out"),
                               "마이너스가 빠졌습니다"),
    "sigmoid_ratio_overflows": Answer("Sigmoid", sigmoid(
        forward="self.out = np.exp(x) / (1 + np.exp(x))\n        return self.out"), "inf / inf = nan"),
    "sigmoid_stores_nothing": Answer("Sigmoid", sigmoid(forward="return 1 / (1 + np.exp(-x))"),
                                     "self.out = out처럼 속성에 저장"),
    "sigmoid_no_dout": Answer("Sigmoid", sigmoid(backward="return (1.0 - self.out) * self.out"), "dout을 곱하세요"),
    "sigmoid_forgets_one_minus": Answer("Sigmoid", sigmoid(backward="return dout * self.out"), "(1 - y)가 빠졌습니다"),
}

CORRECT = {
    "mul_tuple_and_multiply": Answer("MulLayer", '''
class MulLayer:
    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        self.x, self.y = x, y
        return np.multiply(x, y)

    def backward(self, dout):
        return np.multiply(self.y, dout), np.multiply(self.x, dout)
'''),
    "add_dout_itself": Answer("AddLayer", add_layer(forward="out = np.add(x, y)\n        return out",
                                                    backward="return dout, dout")),
    "buy_other_backward_order": Answer("buy_apples_and_oranges", buy(
        backward="""dall_price, dtax = mul_tax_layer.backward(dprice)
    dapple_price, dorange_price = add_apple_orange_layer.backward(dall_price)
    dapple, dapple_num = mul_apple_layer.backward(dapple_price)
    dorange, dorange_num = mul_orange_layer.backward(dorange_price)""")),
    "buy_dprice_ones_like": Answer("buy_apples_and_oranges", buy(backward=BACKWARD.replace(
        "mul_tax_layer.backward(dprice)", "mul_tax_layer.backward(np.ones_like(price))"))),
    "relu_maximum_where": Answer("Relu", relu(forward="self.mask = x <= 0\n        return np.maximum(x, 0)",
                                              backward="return np.where(self.mask, 0, dout)")),
    "relu_lecture_overwrites_dout": Answer("Relu", relu(
        backward="dout[self.mask] = 0\n        dx = dout\n        return dx")),
    "sigmoid_tanh": Answer("Sigmoid", sigmoid(forward="self.out = 0.5 * (1 + np.tanh(x / 2))\n        return self.out",
                                              backward="return dout * self.out * (1 - self.out)")),
    "sigmoid_recomputes_from_x": Answer("Sigmoid", sigmoid(
        forward="self.x = x\n        self.out = 1 / (1 + np.exp(-x))\n        return self.out",
        backward="s = 1 / (1 + np.exp(-self.x))\n        return dout * s * (1 - s)")),
}
