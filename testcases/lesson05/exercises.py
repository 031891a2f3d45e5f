"""Lesson 05 (computational graphs and simple layers): every graded class and function, declared once.

The four layers are classes, graded through their methods: the constructor, then
``forward``, then ``backward`` on the same object (``Step``s), and the attributes
the lecture's layers keep (``keeps``): ``MulLayer`` keeps ``x`` and ``y``, ``Relu``
keeps ``mask`` (True where ``x <= 0``), ``Sigmoid`` keeps ``out``; ``AddLayer`` keeps
nothing. The checks compare the forward output first, then the kept attributes
(what ``forward`` left for ``backward``), then the gradients.

Layers take numbers or numpy arrays of any shape and work entry by entry (``Relu``
arrays only, as the lecture's ``x.copy()`` does). Hidden cases try numbers, 1-D and
2-D arrays and a batch of one row; exact zeros and negative values for ``Relu``;
``|x|`` up to 1000 for ``Sigmoid`` (the engine silences warnings during a call, so
the lecture's ``1 / (1 + np.exp(-x))`` passes, while ``np.exp(x) / (1 + np.exp(x))``
turns into nan). ``Relu.forward`` must not change its input ``x``; ``Relu.backward``
may overwrite ``dout`` as the lecture does (``dout[self.mask] = 0``).

A ``backward`` that finds nothing kept (``forward`` stored nothing, or ``backward``
ran first) fails with an error about ``None`` or a missing attribute; ``error_hints``
name that cause in Korean.

``buy_apples_and_oranges`` builds the shopping graph from ``MulLayer`` and
``AddLayer`` (``calls=``). The judge answers those with the reference classes, in
its public and hidden cases, so a wrong layer never costs this function. Its
expected values are written out from the graph's formula instead of by running the
reference: the store would record the reference's layer objects for the public
check, and an object cannot be stored (it would come back as an empty stand-in).
With nothing recorded, the public check in the student's kernel runs the student's
own ``MulLayer`` and ``AddLayer``; the public case is the lecture's, which correct
layers pass.
"""
import numpy as np

from dlutils.activations import sigmoid
from testcases.engine.compare import check_array, check_keys, check_scalar, close, pick
from testcases.engine.exercise import Case, Exercise, Step, function
from testcases.engine.invoke import missing
from testcases.engine.report import fail

GRAD_KEYS = ("apple", "apple_num", "orange", "orange_num", "tax")

RETURN_HINT = "메서드(함수) 끝에 return 줄이 있는지 확인하세요. return이 없으면 None이 돌아갑니다."
MUL_STORE = "forward에서 self.x = x, self.y = y로 두 입력을 저장하세요. backward가 이 두 값을 서로 바꿔 곱합니다."
RELU_STORE = ("forward에서 self.mask = (x <= 0)으로 0 이하인 자리를 True로 저장하세요. "
              "backward가 그 자리의 기울기를 0으로 막습니다.")
SIGMOID_STORE = ("forward에서 self.out = out으로 순전파의 출력을 저장하세요. "
                 "backward는 이 출력 y로 dout * (1 - y) * y를 계산합니다.")
NO_SWAP = ("곱셈 노드의 역전파는 두 입력을 서로 바꿔 곱합니다: dx = dout * self.y, dy = dout * self.x. "
           "x에 대한 미분은 ∂(xy)/∂x = y입니다.")
MUL_NO_DOUT = "상류에서 온 기울기 dout을 곱하세요: dx = dout * self.y, dy = dout * self.x (연쇄 법칙)."
MUL_LIKE_ADD = ("dout을 그대로 내려보내는 것은 덧셈 노드의 역전파입니다. 곱셈 노드는 dout에 다른 쪽 입력을 곱합니다: "
                "dx = dout * self.y, dy = dout * self.x.")
MUL_FORWARD = "곱셈 노드의 순전파는 x * y입니다."
MUL_STORED_SWAPPED = "self.x에는 forward의 첫 번째 입력 x를, self.y에는 두 번째 입력 y를 저장하세요. 둘이 바뀌었습니다."
ADD_LIKE_MUL = ("덧셈 노드는 입력을 바꿔 곱하지 않습니다. ∂(x + y)/∂x = 1이므로 dout을 두 입력 모두에 그대로 "
                "내려보냅니다: dx = dout * 1, dy = dout * 1.")
ADD_NO_DOUT = "국소적 미분 1에 상류에서 온 dout을 곱해야 합니다: dx = dout * 1, dy = dout * 1 (1만 돌려주면 안 됩니다)."
ADD_HALVES = "덧셈 노드는 기울기를 나누어 갖지 않습니다. 두 입력 모두 dout 전체를 받습니다: dx = dout, dy = dout."
ADD_FORWARD = "덧셈 노드의 순전파는 x + y입니다."
RELU_NO_CUT = "0 이하인 자리를 0으로 바꾸지 않았습니다. out = x.copy() 다음 out[self.mask] = 0을 하세요."
RELU_NO_MASK = ("순전파 때 x <= 0이었던 자리는 역전파 때 기울기를 0으로 막아야 합니다. dx = dout.copy() 다음 "
                "dx[self.mask] = 0을 하세요.")
RELU_INVERTED = ("반대로 막았습니다. x > 0이었던 자리는 dout을 그대로 통과시키고, x <= 0이었던 자리(mask가 True인 자리)를 "
                 "0으로 만듭니다.")
RELU_ZERO_EDGE = ("x = 0인 자리도 0 이하입니다. mask는 x < 0이 아니라 x <= 0으로 만드세요. x = 0에서 ReLU의 출력은 0이고, "
                  "역전파 때 기울기도 0입니다.")
RELU_MASK_INVERTED = ("mask는 x <= 0인 자리가 True인 배열입니다 (x > 0인 자리가 아니라). "
                      "backward에서 dx[self.mask] = 0으로 그 자리를 0으로 막습니다.")
RELU_MUTATES = ("forward에서 x[self.mask] = 0처럼 입력 배열에 바로 0을 쓰면 함수를 부른 쪽의 x도 바뀝니다. "
                "out = x.copy()로 복사한 다음 out[self.mask] = 0을 하세요.")
SIGMOID_NO_MINUS = "지수에 마이너스가 빠졌습니다: y = 1 / (1 + np.exp(-x))."
SIGMOID_NAN = ("x가 아주 크면 np.exp(x)가 inf가 되어 np.exp(x) / (1 + np.exp(x))는 inf / inf = nan이 됩니다. "
               "1 / (1 + np.exp(-x))로 쓰면 1 / (1 + inf) = 0처럼 올바른 값이 나옵니다.")
SIGMOID_FROM_X = ("시그모이드의 역전파는 순전파의 출력 y로 계산합니다: dx = dout * (1 - y) * y. 입력 x를 넣어 "
                  "dout * (1 - x) * x를 계산했습니다. forward에서 저장한 self.out을 쓰세요.")
SIGMOID_NO_DOUT = "상류에서 온 기울기 dout을 곱하세요: dx = dout * (1 - self.out) * self.out."
SIGMOID_HALF = "y(1 - y)에서 (1 - y)가 빠졌습니다: dx = dout * (1 - self.out) * self.out."
BUY_NO_TAX = "소비세를 곱하지 않았습니다. 마지막 곱셈 노드에서 all_price * tax를 계산해야 합니다."
BUY_TAX_ORDER = ("mul_tax_layer.backward(dprice)는 forward(all_price, tax)에 넣은 순서대로 (d all_price, d tax)를 "
                 "돌려줍니다. dall_price, dtax = mul_tax_layer.backward(dprice)로 받으세요.")
BUY_SWAPPED = ("값(apple)과 개수(apple_num)의 기울기가 바뀌었습니다. 사과 값의 기울기는 사과 개수 × 소비세(2 × 1.1 = 2.2), "
               "사과 개수의 기울기는 사과 값 × 소비세(100 × 1.1 = 110)입니다. forward(apple, apple_num)에 넣은 순서대로 "
               "dapple, dapple_num = mul_apple_layer.backward(...)로 받으세요.")
BUY_NO_TAX_GRAD = ("역전파를 소비세 노드부터 시작하지 않았습니다. dprice = 1에서 시작해 "
                   "dall_price, dtax = mul_tax_layer.backward(dprice)를 먼저 하고, 그 dall_price를 덧셈 노드로 내려보내세요.")
BUY_LECTURE = "강의의 숫자(715, 2.2, 110, …)를 그대로 돌려주었습니다. 입력으로 받은 값으로 계층을 거쳐 계산하세요."
BUY_LAYERS = ("노트북의 공개 테스트는 여러분이 만든 MulLayer와 AddLayer로 이 함수를 실행합니다. 두 클래스의 공개 테스트가 "
              "통과했는지 먼저 확인하세요 (채점할 때는 두 클래스 자리에 정답 클래스를 넣어 이 함수만 따로 채점합니다).")


def _before_forward(attributes, assignment):
    return (f"backward가 순전파 때 저장했어야 할 값({attributes})을 찾지 못했습니다(None이거나 속성이 없음). "
            f"forward에서 {assignment}처럼 속성에 저장했는지, 그리고 backward보다 forward를 먼저 불렀는지 확인하세요. "
            "역전파는 순전파가 남긴 값으로 계산하므로, 한 계층 객체에서 forward → backward 순서로 불러야 합니다.")


MUL_BEFORE_FORWARD = _before_forward("self.x, self.y", "self.x = x, self.y = y")
RELU_BEFORE_FORWARD = _before_forward("self.mask", "self.mask = (x <= 0)")
SIGMOID_BEFORE_FORWARD = _before_forward("self.out", "self.out = out")
RELU_ONLY_MASK = ("backward가 forward에서 저장하지 않은 속성을 썼습니다. Relu의 forward는 self.mask만 저장합니다. "
                  "입력 x를 다시 볼 필요 없이, dout을 복사한 뒤 self.mask가 True인 자리를 0으로 만드세요.")
BUY_BEFORE_FORWARD = ("계층 객체에 순전파 때 저장된 값이 없습니다(None이거나 속성이 없음). 역전파는 순전파를 거친 바로 그 "
                      "객체로 해야 합니다: mul_tax_layer.forward(...)를 부른 mul_tax_layer의 backward를 부르세요. "
                      "새로 만든 MulLayer()나 아직 forward를 부르지 않은 객체의 backward에는 저장된 x, y가 없습니다. "
                      "계층의 forward가 결과를 return하는지도 확인하세요.")


# ── comparing numbers or arrays, and the attributes a layer keeps ──

def _value(label, got, expected, mistakes=()):
    """A number where the reference gives a number (0-d), else an array of the expected shape."""
    if got is None:
        fail(label, ["None을 돌려주었습니다."], [RETURN_HINT])
    if np.ndim(expected) == 0:
        check_scalar(label, got, expected, mistakes)
    else:
        check_array(label, got, expected, mistakes)


def _kept(label, got, attribute, store_hint):
    """The kept attribute ``self.<attribute>``, set (not missing, not None)."""
    value = got[f"self.{attribute}"]
    if missing(value):
        fail(f"{label}의 self.{attribute}", [f"self.{attribute} 속성이 없습니다."], [store_hint])
    if value is None:
        fail(f"{label}의 self.{attribute}", [f"self.{attribute} 속성이 None입니다. forward에서 값을 저장하지 않았습니다."],
             [store_hint])
    return value


def _all_ones(got):
    try:
        return bool(np.all(np.asarray(got, dtype=float) == 1))
    except (TypeError, ValueError):
        return False


def _not_finite(got):
    try:
        return not bool(np.all(np.isfinite(np.asarray(got, dtype=float))))
    except (TypeError, ValueError):
        return False


# ── shapes of hidden cases ──

LAYER_EDGES = ("숫자(스칼라)", "1차원 배열", "2차원 배열", "예제 하나짜리 배치 (1, n)", "무작위 모양")


def _shape(rng, trial):
    """The shape of a hidden case's inputs (see ``LAYER_EDGES``); ``()`` means plain Python numbers."""
    if trial == 0:
        return ()
    if trial == 1:
        return (int(rng.integers(2, 7)),)
    if trial == 2:
        return int(rng.integers(2, 5)), int(rng.integers(2, 5))
    if trial == 3:
        return 1, int(rng.integers(2, 6))
    return tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 3))))


def _draw(rng, shape, low=-3.0, high=3.0):
    """Values away from 0 (so every mistake shows), rounded to read well in a failure message."""
    values = rng.uniform(0.2, 1.0, size=shape) * np.where(rng.uniform(size=shape) < 0.5, low, high)
    values = np.round(values, 3)
    return float(values) if shape == () else values


def _shape_text(shape):
    return "숫자" if shape == () else f"모양 {shape}"


# ── MulLayer ──

def _stored_other(attribute, other):
    return f"self.{attribute}에 {other}를 저장했습니다. self.{attribute}에는 forward의 입력 {attribute}를 저장하세요."


def _compare_mul(label, got, inputs, expected):
    x, y, dout = inputs["x"], inputs["y"], inputs["dout"]
    _value(f"{label}의 out", got["out"], expected["out"], [(MUL_FORWARD, x + y)])
    kept = {attribute: _kept(label, got, attribute, MUL_STORE) for attribute in ("x", "y")}
    swapped = close(kept["x"], y) and close(kept["y"], x)
    for attribute, value, other in (("x", x, "y"), ("y", y, "x")):
        hint = MUL_STORED_SWAPPED if swapped else _stored_other(attribute, other)
        _value(f"{label}의 self.{attribute}", kept[attribute], value, [(hint, inputs[other])])
    mistakes = [(NO_SWAP, {"dx": dout * x, "dy": dout * y}),
                (MUL_NO_DOUT, {"dx": y, "dy": x}),
                (MUL_LIKE_ADD, {"dx": dout, "dy": dout})]
    for name in ("dx", "dy"):
        _value(f"{label}의 {name}", got[name], expected[name], pick(mistakes, name))


def _two_input_expected(class_name):
    """``expected(ref, inputs)`` of a two-input layer: the reference layer's forward, then backward."""
    def expected(ref, inputs):
        layer = getattr(ref, class_name)()
        out = layer.forward(inputs["x"], inputs["y"])
        dx, dy = layer.backward(inputs["dout"])
        return {"out": out, "dx": dx, "dy": dy}
    return expected


def _mul_cases():
    return [Case({"x": 100, "y": 2, "dout": 1.1}, title="숫자: 사과 값 100 × 사과 개수 2, 위에서 내려온 기울기 1.1"),
            Case({"x": np.array([[1.0, 2.0, -3.0], [0.5, -1.5, 4.0]]),
                  "y": np.array([[2.0, -1.0, 0.5], [3.0, 2.5, -2.0]]),
                  "dout": np.array([[1.0, -2.0, 0.5], [1.5, 0.3, -1.0]])}, title="배열 (2, 3)")]


def _hidden_two_inputs(rng, trial):
    shape = _shape(rng, trial)
    x, y, dout = _draw(rng, shape), _draw(rng, shape), _draw(rng, shape)
    return Case({"x": x, "y": y, "dout": dout}, detail=f"{LAYER_EDGES[trial]}: {_shape_text(shape)}")


# ── AddLayer ──

def _compare_add(label, got, inputs, expected):
    x, y, dout = inputs["x"], inputs["y"], inputs["dout"]
    _value(f"{label}의 out", got["out"], expected["out"], [(ADD_FORWARD, x * y)])
    mistakes = [(ADD_LIKE_MUL, {"dx": dout * y, "dy": dout * x}),
                (ADD_NO_DOUT, {"dx": _all_ones, "dy": _all_ones}),
                (ADD_HALVES, {"dx": dout / 2, "dy": dout / 2})]
    for name in ("dx", "dy"):
        _value(f"{label}의 {name}", got[name], expected[name], pick(mistakes, name))


def _add_cases():
    return [Case({"x": 200, "y": 450, "dout": 1.1}, title="숫자: 사과 금액 200 + 귤 금액 450, 위에서 내려온 기울기 1.1"),
            Case({"x": np.array([[1.0, 2.0, -3.0], [0.5, -1.5, 4.0]]),
                  "y": np.array([[2.0, -1.0, 0.5], [3.0, 2.5, -2.0]]),
                  "dout": np.array([[1.0, -2.0, 0.5], [1.5, 0.3, -1.0]])}, title="배열 (2, 3)")]


# ── Relu ──

def _check_mask(label, got, inputs, expected):
    x = inputs["x"]
    mask = _kept(label, got, "mask", RELU_STORE)
    name = f"{label}의 self.mask"
    if not isinstance(mask, np.ndarray) or mask.dtype != bool:
        kind = f"dtype {mask.dtype}인 배열" if isinstance(mask, np.ndarray) else type(mask).__name__
        fail(name, [f"True/False(bool) 배열이어야 하는데 {kind}입니다."], [RELU_STORE])
    if mask.shape != np.shape(x):
        fail(name, ["모양(shape)이 x와 다릅니다.", f"기댓값 shape: {np.shape(x)}", f"받은 값 shape: {mask.shape}"],
             [RELU_STORE])
    if not np.array_equal(mask, expected):
        index = tuple(int(i) for i in np.argwhere(mask != expected)[0])
        hints = [RELU_MASK_INVERTED] if np.array_equal(mask, x > 0) else (
            [RELU_ZERO_EDGE] if np.array_equal(mask, x < 0) else [RELU_STORE])
        fail(name, ["값이 기댓값과 다릅니다.",
                    f"처음 다른 위치 {list(index)}: x = {x[index]:g}, 기댓값 {bool(expected[index])}, "
                    f"받은 값 {bool(mask[index])}"], hints)


def _compare_relu(label, got, inputs, expected):
    x, dout = inputs["x"], inputs["dout"]
    _value(f"{label}의 out", got["out"], expected["out"], [(RELU_NO_CUT, x)])
    _check_mask(label, got, inputs, expected["self.mask"])
    mistakes = [(RELU_NO_MASK, dout), (RELU_INVERTED, np.where(x > 0, 0, dout)),
                (RELU_ZERO_EDGE, np.where(x < 0, 0, dout))]
    _value(f"{label}의 dx", got["dx"], expected["dx"], mistakes)


def _relu_expected(ref, inputs):
    layer = ref.Relu()
    out = layer.forward(inputs["x"])
    mask = np.array(layer.mask, dtype=bool)
    return {"out": out, "self.mask": mask, "dx": layer.backward(np.array(inputs["dout"], copy=True))}


def _relu_cases():
    return [Case({"x": np.array([[1.0, -0.5, 0.0], [-2.0, 3.0, 0.5]]),
                  "dout": np.array([[1.5, -0.7, 2.0], [0.3, -1.2, 0.8]])}, title="0과 음수가 섞인 배열 (2, 3)")]


RELU_EDGES = ("0과 음수가 섞인 1차원 배열", "2차원 배열", "예제 하나짜리 배치 (1, n)", "모두 0 이하", "무작위 모양")


def _hidden_relu(rng, trial):
    if trial == 0:
        shape = (int(rng.integers(4, 8)),)
    elif trial in (1, 4):
        shape = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    elif trial == 2:
        shape = 1, int(rng.integers(3, 7))
    else:
        shape = (int(rng.integers(3, 7)),) if rng.uniform() < 0.5 else (2, int(rng.integers(2, 4)))
    x = rng.integers(-4, 5, size=shape) / 2.0  # halves: exact zeros come up
    flat = x.reshape(-1)
    special = rng.permutation(flat.size)[:3]
    flat[special] = [0.0, -1.5, 2.0][:special.size]  # always a zero, a negative and a positive entry
    if trial == 3:
        x = np.where(x > 0, -x, x)
    dout = _draw(rng, shape, -2.0, 2.0)
    return Case({"x": x, "dout": dout}, detail=f"{RELU_EDGES[trial]}: x {shape}")


# ── Sigmoid ──

def _compare_sigmoid(label, got, inputs, expected):
    x, dout = inputs["x"], inputs["dout"]
    _value(f"{label}의 out", got["out"], expected["out"],
           [(SIGMOID_NO_MINUS, _sigmoid(-np.asarray(x, dtype=float))), (SIGMOID_NAN, _not_finite)])
    kept = _kept(label, got, "out", SIGMOID_STORE)
    _value(f"{label}의 self.out", kept, expected["out"])
    y = expected["out"]
    with np.errstate(all="ignore"):
        from_x = dout * (1.0 - np.asarray(x, dtype=float)) * x
    mistakes = [(SIGMOID_FROM_X, from_x), (SIGMOID_NO_DOUT, (1.0 - y) * y), (SIGMOID_HALF, dout * y),
                (SIGMOID_NAN, _not_finite)]
    _value(f"{label}의 dx", got["dx"], expected["dx"], mistakes)


def _sigmoid(x):
    value = sigmoid(x)[0]
    return value[()] if value.ndim == 0 else value


def _sigmoid_expected(ref, inputs):
    layer = ref.Sigmoid()
    out = layer.forward(inputs["x"])
    return {"out": out, "dx": layer.backward(inputs["dout"])}


def _sigmoid_cases():
    return [Case({"x": 0.5, "dout": 2.0}, title="숫자"),
            Case({"x": np.array([[-2.0, 0.0, 1.0], [3.0, -0.5, 0.25]]),
                  "dout": np.array([[1.0, 0.5, -1.0], [2.0, -0.3, 0.7]])}, title="배열 (2, 3)")]


SIGMOID_EDGES = ("숫자(스칼라)", "1차원 배열", "아주 큰 |x| (최대 1000)", "예제 하나짜리 배치 (1, n)", "2차원 배열")
HUGE = np.array([-1000.0, -710.0, -40.0, 0.0, 40.0, 710.0, 1000.0])


def _hidden_sigmoid(rng, trial):
    if trial == 2:
        x = np.concatenate([HUGE, np.round(rng.uniform(-3, 3, size=3), 3)])[rng.permutation(HUGE.size + 3)]
        shape = x.shape
    else:
        if trial == 3:
            shape = 1, int(rng.integers(2, 6))
        elif trial == 4:
            shape = int(rng.integers(2, 5)), int(rng.integers(2, 5))
        else:
            shape = _shape(rng, trial)
        x = _draw(rng, shape, -4.0, 4.0)
    return Case({"x": x, "dout": _draw(rng, shape, -2.0, 2.0)}, detail=f"{SIGMOID_EDGES[trial]}: {_shape_text(shape)}")


# ── buy_apples_and_oranges ──

def _shopping(apple, apple_num, orange, orange_num, tax, *, dprice=1):
    """The graph's price and gradients, written out: ``(apple*apple_num + orange*orange_num) * tax``."""
    all_price = apple * apple_num + orange * orange_num
    dall_price = dprice * tax
    return {"price": all_price * tax, "apple": dall_price * apple_num, "apple_num": dall_price * apple,
            "orange": dall_price * orange_num, "orange_num": dall_price * orange, "tax": dprice * all_price}


def _buy_expected(ref, inputs):
    # Not ref.buy_apples_and_oranges: see the module docstring (the layers it makes cannot be stored).
    return _shopping(*inputs.values())


def _compare_buy(label, got, inputs, expected):
    apple, apple_num, orange, orange_num, tax = inputs.values()
    all_price = apple * apple_num + orange * orange_num
    lecture = _shopping(*_buy_cases()[0].inputs.values())
    # Only the public check in the student's kernel (labelled with the bare name) runs the student's layers.
    layers = [] if "[" in label else [(BUY_LAYERS, lambda g: True)]
    _value(f"{label}의 price", got["price"], expected["price"],
           [(BUY_NO_TAX, all_price), (BUY_LECTURE, lecture["price"])] + layers)
    grads = got["grads"]
    check_keys(f"{label}의 grads", grads, list(GRAD_KEYS))
    swapped = {"apple": expected["apple_num"], "apple_num": expected["apple"],
               "orange": expected["orange_num"], "orange_num": expected["orange"]}
    tax_order = {"apple": all_price * apple_num, "apple_num": all_price * apple, "orange": all_price * orange_num,
                 "orange_num": all_price * orange, "tax": tax}
    no_tax = {"apple": apple_num, "apple_num": apple, "orange": orange_num, "orange_num": orange}
    mistakes = [(BUY_TAX_ORDER, tax_order), (BUY_SWAPPED, swapped), (BUY_NO_TAX_GRAD, no_tax), (BUY_LECTURE, lecture)]
    for key in GRAD_KEYS:
        _value(f"{label}의 grads[{key!r}]", grads[key], expected[key], pick(mistakes, key) + layers)


def _buy_cases():
    return [Case({"apple": 100, "apple_num": 2, "orange": 150, "orange_num": 3, "tax": 1.1},
                 title="강의의 예: 사과 100원 2개, 귤 150원 3개, 소비세 10%")]


BUY_EDGES = ("무작위 가격과 개수", "사과 0개", "손님 여러 명 (1차원 배열)", "소비세 없음 (tax = 1)", "무작위 가격과 개수")


def _hidden_buy(rng, trial):
    shape = (int(rng.integers(2, 5)),) if trial == 2 else ()

    def draw(low, high, scale=1):
        values = rng.integers(low, high, size=shape) * scale
        return int(values) if shape == () else values

    while True:
        apple, orange = draw(5, 50, 10), draw(5, 50, 10)
        apple_num, orange_num = draw(1, 10), draw(1, 10)
        if np.all(np.not_equal(apple, orange)) and np.all(np.not_equal(apple_num, orange_num)):
            break
    if trial == 1:
        apple_num = 0
    tax = 1.0 if trial == 3 else np.round(rng.uniform(1.02, 1.2, size=shape), 2)
    tax = float(tax) if shape == () else tax
    inputs = {"apple": apple, "apple_num": apple_num, "orange": orange, "orange_num": orange_num, "tax": tax}
    text = "모두 " + _shape_text(shape) if shape else ", ".join(f"{k}={v}" for k, v in inputs.items())
    return Case(inputs, detail=f"{BUY_EDGES[trial]}: {text}")


def _layer(name, forward_args, backward_outputs, **kwargs):
    """A layer exercise: the constructor, ``forward(*forward_args) -> out``, ``backward(dout) -> backward_outputs``."""
    steps = (Step(None, ()), Step("forward", forward_args, ("out",)), Step("backward", ("dout",), backward_outputs))
    return Exercise(name=name, steps=steps, show_inputs=True, **kwargs)


EXERCISES = [
    _layer("MulLayer", ("x", "y"), ("dx", "dy"), keeps=("x", "y"), shown=("out", "dx", "dy"),
           public=_mul_cases, hidden=_hidden_two_inputs, expected=_two_input_expected("MulLayer"), compare=_compare_mul,
           error_hints={"has no attribute 'x'": MUL_BEFORE_FORWARD, "has no attribute 'y'": MUL_BEFORE_FORWARD,
                        "NoneType": MUL_BEFORE_FORWARD}),
    _layer("AddLayer", ("x", "y"), ("dx", "dy"), shown=("out", "dx", "dy"),
           public=_add_cases, hidden=_hidden_two_inputs, expected=_two_input_expected("AddLayer"), compare=_compare_add),
    function("buy_apples_and_oranges", ("apple", "apple_num", "orange", "orange_num", "tax"), ("price", "grads"),
             calls=("MulLayer", "AddLayer"),
             public=_buy_cases, hidden=_hidden_buy, expected=_buy_expected, compare=_compare_buy,
             error_hints={"NoneType": BUY_BEFORE_FORWARD, "object has no attribute 'x'": BUY_BEFORE_FORWARD,
                          "object has no attribute 'y'": BUY_BEFORE_FORWARD}),
    _layer("Relu", ("x",), ("dx",), keeps=("mask",), shown=("out", "self.mask", "dx"), may_modify=("dout",),
           public=_relu_cases, hidden=_hidden_relu, expected=_relu_expected, compare=_compare_relu,
           mutation_hints={"x": RELU_MUTATES},
           error_hints={"has no attribute 'mask'": RELU_BEFORE_FORWARD, "NoneType": RELU_BEFORE_FORWARD,
                        "'Relu' object has no attribute": RELU_ONLY_MASK}),
    _layer("Sigmoid", ("x",), ("dx",), keeps=("out",), shown=("out", "dx"),
           public=_sigmoid_cases, hidden=_hidden_sigmoid, expected=_sigmoid_expected, compare=_compare_sigmoid,
           error_hints={"has no attribute 'out'": SIGMOID_BEFORE_FORWARD, "NoneType": SIGMOID_BEFORE_FORWARD}),
]
