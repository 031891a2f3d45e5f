"""Student answers for lesson 06: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain, so the diagnosis is tested too (``None`` where only the hidden
tests can catch the mistake).
"""
from bank import Answer

_TWO_LAYER_NET = '''
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        np.random.seed(1)
        self.params = {}
        self.params["W1"] = weight_init_std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = weight_init_std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        f = lambda: self.loss(x, t)
        return {key: numerical_gradient(f, self.params[key]) for key in ("W1", "b1", "W2", "b2")}

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {"W1": self.layers["Affine1"].dW, "b1": self.layers["Affine1"].db,
                "W2": self.layers["Affine2"].dW, "b2": self.layers["Affine2"].db}
'''


def _net(old, new):
    """The solution's TwoLayerNet with one piece of code replaced."""
    assert _TWO_LAYER_NET.count(old) == 1, old
    return _TWO_LAYER_NET.replace(old, new)


_AFFINE = '''
class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx
'''


def _affine(old, new):
    assert _AFFINE.count(old) == 1, old
    return _AFFINE.replace(old, new)


_SOFTMAX_WITH_LOSS = '''
class SoftmaxWithLoss:
    def __init__(self):
        self.loss = self.y = self.t = None

    def forward(self, x, t):
        if t.ndim == 1:
            t = np.eye(x.shape[1])[t]
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.t.shape[0]
        return (self.y - self.t) * dout / batch_size
'''


def _swl(old, new):
    assert _SOFTMAX_WITH_LOSS.count(old) == 1, old
    return _SOFTMAX_WITH_LOSS.replace(old, new)


WRONG = {
    # Affine
    "affine_dW_wrong_order": Answer("Affine", _affine("self.dW = np.dot(self.x.T, dout)", "self.dW = np.dot(dout, self.x.T)"),
                                    "dW = x.T @ dout"),
    "affine_db_wrong_axis": Answer("Affine", _affine("np.sum(dout, axis=0)", "np.sum(dout, axis=1)"), "axis=0"),
    "affine_db_sums_everything": Answer("Affine", _affine("np.sum(dout, axis=0)", "np.sum(dout)"), "np.sum(dout, axis=0)"),
    "affine_db_keepdims": Answer("Affine", _affine("np.sum(dout, axis=0)", "np.sum(dout, axis=0, keepdims=True)"),
                                 "keepdims=True를 빼세요"),
    "affine_no_bias": Answer("Affine", _affine("np.dot(x, self.W) + self.b", "np.dot(x, self.W)"), "편향 b를 더하지"),
    "affine_dW_divided_by_batch": Answer("Affine", _affine("self.dW = np.dot(self.x.T, dout)",
                                                           "self.dW = np.dot(self.x.T, dout) / dout.shape[0]"),
                                         "N으로 나누기가 없습니다"),
    "affine_forgets_x": Answer("Affine", _affine("        self.x = x\n", ""), "forward에서 self.x = x"),
    # softmax
    "softmax_without_max_shift": Answer("softmax", """
def softmax(x):
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)
""", "최댓값을 빼지 않아"),
    "softmax_lecture_global_sum": Answer("softmax", """
def softmax(x):
    exp_x = np.exp(x - np.max(x))
    return exp_x / np.sum(exp_x)
""", "배열 전체에서 하나씩"),
    "softmax_global_max": Answer("softmax", """
def softmax(x):
    exp_x = np.exp(x - np.max(x))
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)
""", "최댓값을 배열 전체에서 하나만"),
    "softmax_axis_1_only": Answer("softmax", """
def softmax(x):
    exp_x = np.exp(x - np.max(x, axis=1, keepdims=True))
    return exp_x / np.sum(exp_x, axis=1, keepdims=True)
""", "axis=1은 2차원 배열에만"),
    "softmax_in_place": Answer("softmax", """
def softmax(x):
    x -= np.max(x, axis=-1, keepdims=True)
    exp_x = np.exp(x)
    return exp_x / np.sum(exp_x, axis=-1, keepdims=True)
""", "새 배열을 만드세요"),
    # cross_entropy_error
    "cee_sum_not_mean": Answer("cross_entropy_error", """
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size == y.size:
        t = t.argmax(axis=1)
    return -np.sum(np.log(y[np.arange(y.shape[0]), t] + 1e-7))
""", "배치의 평균"),
    "cee_without_delta": Answer("cross_entropy_error", """
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    return -np.sum(t * np.log(y)) / y.shape[0]
""", "1e-7을 더하세요"),
    "cee_one_hot_only": Answer("cross_entropy_error", """
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    return -np.sum(t * np.log(y + 1e-7)) / y.shape[0]
""", "정수 레이블이면 y[np.arange(N), t]"),
    "cee_1d_divides_by_classes": Answer("cross_entropy_error", """
def cross_entropy_error(y, t):
    if t.size == y.size:
        t = t.argmax(axis=-1)
    if y.ndim == 1:
        return -np.log(y[t] + 1e-7) / y.shape[0]
    return -np.sum(np.log(y[np.arange(y.shape[0]), t] + 1e-7)) / y.shape[0]
""", "1차원 y는 예제 하나"),
    "cee_mean_over_all_entries": Answer("cross_entropy_error", """
def cross_entropy_error(y, t):
    if y.ndim == 1:
        t = t.reshape(1, t.size)
        y = y.reshape(1, y.size)
    if t.size != y.size:
        t = np.eye(y.shape[1])[t]
    return -np.mean(t * np.log(y + 1e-7))
""", "N × C개 원소의 평균"),
    # SoftmaxWithLoss
    "swl_forgets_batch_size": Answer("SoftmaxWithLoss", _swl("return (self.y - self.t) * dout / batch_size",
                                                            "return (self.y - self.t) * dout"), "batch_size로 나누지"),
    "swl_wrong_sign": Answer("SoftmaxWithLoss", _swl("return (self.y - self.t) * dout / batch_size",
                                                    "return (self.t - self.y) * dout / batch_size"), "부호가 반대"),
    "swl_divides_by_classes": Answer("SoftmaxWithLoss", _swl("batch_size = self.t.shape[0]",
                                                            "batch_size = self.t.shape[1]"), "범주 수가 아니라 예제 수"),
    "swl_returns_probabilities": Answer("SoftmaxWithLoss", _swl("        return self.loss\n", "        return self.y\n"),
                                        "확률 y가 아니라 손실"),
    "swl_integer_labels_unsupported": Answer("SoftmaxWithLoss", _swl("        if t.ndim == 1:\n            t = np.eye(x.shape[1])[t]\n", ""),
                                             "np.eye(C)[t]"),
    # TwoLayerNet
    "net_gradient_skips_relu": Answer("TwoLayerNet", _net("for layer in reversed(list(self.layers.values())):",
                                                          "for layer in (self.layers['Affine2'], self.layers['Affine1']):"),
                                      "Relu1 계층의 backward를 건너뛰었습니다"),
    "net_gradient_forward_order": Answer("TwoLayerNet", _net("for layer in reversed(list(self.layers.values())):",
                                                             "for layer in self.layers.values():"), "뒤에서부터"),
    "net_gradient_without_forward": Answer("TwoLayerNet", _net("        self.loss(x, t)\n        dout", "        dout"),
                                           "먼저 self.loss(x, t)로 순전파"),
    "net_layers_copy_params": Answer("TwoLayerNet", _net(
        'self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])',
        'self.layers["Affine1"] = Affine(self.params["W1"].copy(), self.params["b1"].copy())'), "복사하지 말고"),
    "net_numerical_gradient_of_copies": Answer("TwoLayerNet", _net(
        "numerical_gradient(f, self.params[key])", "numerical_gradient(f, self.params[key].copy())"),
        "self.params[key]를 복사(.copy())하지 말고"),
    "net_numerical_gradient_is_backprop": Answer("TwoLayerNet", _net(
        "        f = lambda: self.loss(x, t)\n        return {key: numerical_gradient(f, self.params[key]) for key in "
        "(\"W1\", \"b1\", \"W2\", \"b2\")}", "        return self.gradient(x, t)"), "역전파를 부르지 말고"),
    "net_lecture_loss_takes_W": Answer("TwoLayerNet", _net("f = lambda: self.loss(x, t)", "f = lambda W: self.loss(x, t)"),
                                       "인자를 받지 않는 함수"),
    "net_ignores_weight_init_std": Answer("TwoLayerNet", _net(
        'self.params["W1"] = weight_init_std * np.random.randn(input_size, hidden_size)',
        'self.params["W1"] = 0.01 * np.random.randn(input_size, hidden_size)').replace(
        'self.params["W2"] = weight_init_std * np.random.randn(hidden_size, output_size)',
        'self.params["W2"] = 0.01 * np.random.randn(hidden_size, output_size)'), "인자 weight_init_std"),
    "net_accuracy_compares_one_hot": Answer("TwoLayerNet", _net(
        "        if t.ndim != 1:\n            t = np.argmax(t, axis=1)\n", ""), "np.argmax(t, axis=1)"),
    "net_accuracy_ignores_integer_labels": Answer("TwoLayerNet", _net(
        "        if t.ndim != 1:\n            t = np.argmax(t, axis=1)\n", "        t = np.argmax(t, axis=1)\n"), None),
    "net_relu_after_output": Answer("TwoLayerNet", _net(
        '        self.last_layer = SoftmaxWithLoss()',
        '        self.layers["Relu2"] = Relu()\n        self.last_layer = SoftmaxWithLoss()'), "마지막 Affine 뒤에는 Relu가 없습니다"),
    "net_swapped_gradients": Answer("TwoLayerNet", _net(
        '''return {"W1": self.layers["Affine1"].dW, "b1": self.layers["Affine1"].db,
                "W2": self.layers["Affine2"].dW, "b2": self.layers["Affine2"].db}''',
        '''return {"W1": self.layers["Affine2"].dW, "b1": self.layers["Affine2"].db,
                "W2": self.layers["Affine1"].dW, "b2": self.layers["Affine1"].db}'''), "바꿔 담았습니다"),
}

CORRECT = {
    "affine_matmul_operator": Answer("Affine", """
class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T
"""),
    "affine_loops_over_examples": Answer("Affine", """
class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return np.array([row @ self.W + self.b for row in x])

    def backward(self, dout):
        self.dW = sum(np.outer(row, d) for row, d in zip(self.x, dout))
        self.db = np.zeros_like(self.b, dtype=float)
        for d in dout:
            self.db = self.db + d
        return np.array([self.W @ d for d in dout])
"""),
    "softmax_by_dimension": Answer("softmax", """
def softmax(x):
    if x.ndim == 2:
        x = x - x.max(axis=1, keepdims=True)
        return np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    x = x - np.max(x)
    return np.exp(x) / np.sum(np.exp(x))
"""),
    "softmax_log_sum_exp": Answer("softmax", """
def softmax(x):
    m = np.max(x, axis=-1, keepdims=True)
    log_sum = m + np.log(np.sum(np.exp(x - m), axis=-1, keepdims=True))
    return np.exp(x - log_sum)
"""),
    "cee_one_hot_multiply": Answer("cross_entropy_error", """
def cross_entropy_error(y, t):
    y2 = np.atleast_2d(y)
    if t.ndim == y.ndim:
        t2 = np.atleast_2d(t)
    else:
        t2 = np.eye(y2.shape[1])[t]
    return -np.sum(t2 * np.log(y2 + 1e-7)) / y2.shape[0]
"""),
    "swl_integer_labels_in_backward": Answer("SoftmaxWithLoss", """
class SoftmaxWithLoss:
    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.y.shape[0]
        if self.t.size == self.y.size:
            dx = (self.y - self.t) / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx
"""),
    "net_own_numerical_gradient_loop": Answer("TwoLayerNet", _net(
        '''        f = lambda: self.loss(x, t)
        return {key: numerical_gradient(f, self.params[key]) for key in ("W1", "b1", "W2", "b2")}''',
        '''        h = 1e-4
        grads = {}
        for key in ("W1", "b1", "W2", "b2"):
            param = self.params[key]
            grad = np.zeros_like(param)
            it = np.nditer(param, flags=["multi_index"])
            while not it.finished:
                i = it.multi_index
                original = param[i]
                param[i] = original + h
                plus = self.loss(x, t)
                param[i] = original - h
                minus = self.loss(x, t)
                param[i] = original
                grad[i] = (plus - minus) / (2 * h)
                it.iternext()
            grads[key] = grad
        return grads''').replace(
        "        return np.sum(y == t) / float(x.shape[0])", "        return float(np.mean(y == t))")),
    "net_layers_by_name_reversed": Answer("TwoLayerNet", _net(
        "        for layer in reversed(list(self.layers.values())):\n            dout = layer.backward(dout)",
        "        names = list(self.layers.keys())\n        for name in names[::-1]:\n"
        "            dout = self.layers[name].backward(dout)")),
}
