"""Lesson 07 (a deep network step by step): every graded function, declared once.

Conventions of the lesson: examples are columns (``X`` has shape ``(n_x, m)``),
``W[l]`` has shape ``(n[l], n[l-1])``, ``b[l]`` shape ``(n[l], 1)``; caches are
``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
``cache = (linear_cache, activation_cache)``. The public cases use the seeds of the
anchor lab, so the numbers match it. Mistakes are the outputs typical wrong
answers produce, each with its Korean hint; their random draws use private
``RandomState`` objects, so the student's global random state is left alone.
"""
import numpy as np

from dlutils.activations import relu, relu_backward, sigmoid, sigmoid_backward
from testcases.engine.compare import check_array, check_dict, check_keys, check_same, check_scalar, pick
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

NO_SCALE = "가중치에 0.01을 곱하지 않았습니다. np.random.randn(...) * 0.01로 작은 값에서 시작하세요."
UNIFORM = "np.random.rand(균등분포)가 아니라 np.random.randn(표준정규분포)을 쓰세요."
NONZERO_BIAS = "편향은 np.zeros((n, 1))로 0에서 시작합니다."
SWAPPED = "sigmoid와 relu가 바뀌었습니다. activation 문자열에 맞는 함수를 부르는지 확인하세요."
NO_MEAN = "1/m을 곱하지 않았습니다. dW와 db는 m개 예제의 평균입니다."
CACHES_REVERSED = ("caches.append(cache)로 층을 지나는 순서대로 담으세요. caches.insert(0, cache)는 새 캐시를 "
                   "맨 앞에 넣으므로 순서가 뒤집힙니다. 역전파는 caches[l - 1]을 l번 층의 캐시로 꺼내 씁니다.")
OWN_HELPERS = ("위의 '내 출력'은 이 채점 셀이 여러분이 만든 linear_activation_backward(그 안의 linear_backward까지)로 "
               "계산한 값입니다. 이 셀은 linear_activation_backward에 기록해 둔 입력이 들어올 때만 정답을 대신 "
               "돌려주는데, 입력이 달랐기 때문입니다. 채점할 때는 그 자리에 정답 함수를 넣어 L_model_backward만 따로 봅니다.")
MAYBE_OWN_HELPERS = ("이 채점 셀은 linear_activation_backward에 기록해 둔 입력이 들어올 때만 정답을 대신 돌려주고, 다른 입력이 "
                     "들어오면 여러분이 만든 함수(그 안의 linear_backward까지)로 계산합니다. 그래서 위의 '내 출력'에는 그 "
                     "함수들의 결과가 섞여 있을 수 있습니다. 두 함수의 채점 셀을 먼저 통과했는지 확인하세요.")
ACTIVATIONS = ("sigmoid", "relu")


# ── shapes of hidden cases: the edges where wrong code looks right, then random ones ──

EDGES = ("이웃한 층의 크기가 같음", "유닛 하나, 예제 하나", "넓은 행렬", "좁고 긴 행렬", "무작위")


def _dims(rng, trial, count):
    """``count`` layer sizes and a number of examples for hidden trial ``trial`` (see ``EDGES``)."""
    if trial == 0:
        return [int(rng.integers(2, 6))] * count, int(rng.integers(2, 5))
    if trial == 1:
        return [1] * count, 1
    if trial in (2, 3):
        small, large = int(rng.integers(1, 3)), int(rng.integers(7, 10))
        pattern = (small, large) if trial == 2 else (large, small)
        return [pattern[i % 2] for i in range(count)], (large if trial == 2 else small)
    return [int(n) for n in rng.integers(1, 8, size=count)], int(rng.integers(1, 7))


def _detail(trial, text):
    return f"{EDGES[min(trial, len(EDGES) - 1)]}: {text}"


def _linear_inputs(rng, trial):
    (n_prev, n), m = _dims(rng, trial, 2)
    return rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev)), rng.standard_normal((n, 1))


def _network(rng, trial, n_layers):
    """Random ``X`` and parameters of a network with ``n_layers`` layers."""
    dims, m = _dims(rng, trial, n_layers + 1)
    parameters = {}
    for l in range(1, n_layers + 1):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((dims[l], 1))
    return rng.standard_normal((dims[0], m)), parameters, dims


def _randn(seed, *shapes):
    """The arrays ``np.random.seed(seed)`` then ``np.random.randn`` would give (the anchor lab's
    cases), drawn from a generator of their own so the global one is left alone."""
    rng = np.random.RandomState(seed)
    return [rng.randn(*shape) for shape in shapes]


def _returns(name, *outputs, keep=None):
    """``expected(ref, inputs)``: the reference's outputs, named, keeping ``keep`` of them."""
    def expected(ref, inputs):
        result = getattr(ref, name)(*inputs.values())
        values = dict(zip(outputs, result)) if len(outputs) > 1 else {outputs[0]: result}
        return {k: values[k] for k in (keep or outputs)}
    return expected


def _parameters_of(name):
    return lambda ref, inputs: getattr(ref, name)(*inputs.values())


# ── initialize_parameters ──

def _weights(seed, layer_dims, sample, scale, order=None):
    """``W1..WL`` drawn from a fresh RandomState, layers taken in ``order``."""
    rng = np.random.RandomState(seed)
    layers = order or range(1, len(layer_dims))
    return {f"W{l}": getattr(rng, sample)(layer_dims[l], layer_dims[l - 1]) * scale for l in layers}


def _anything(got):
    return True


def _nonzero(value):
    return isinstance(value, np.ndarray) and bool(np.any(value != 0))


def _parameter_keys(layer_dims):
    return [f"{kind}{l}" for l in range(1, len(layer_dims)) for kind in "Wb"]


def _compare_initialize_parameters(label, got, inputs, expected):
    dims = [inputs["n_x"], inputs["n_h"], inputs["n_y"]]
    mistakes = [(NO_SCALE, _weights(1, dims, "randn", 1)), (UNIFORM, _weights(1, dims, "rand", 0.01)),
                ("W1을 먼저, 그다음 W2를 뽑으세요. 난수를 뽑는 순서가 바뀌면 값이 달라집니다.",
                 _weights(1, dims, "randn", 0.01, order=[2, 1])),
                (NONZERO_BIAS, {"b1": _nonzero, "b2": _nonzero})]
    check_dict(label, got["parameters"], expected, mistakes)


def _hidden_initialize_parameters(rng, trial):
    (n_x, n_h, n_y), _ = _dims(rng, trial, 3)
    return Case({"n_x": n_x, "n_h": n_h, "n_y": n_y}, detail=_detail(trial, f"{(n_x, n_h, n_y)}"))


# ── initialize_parameters_deep ──

def _compare_initialize_parameters_deep(label, got, inputs, expected):
    dims = inputs["layer_dims"]
    check_keys(label, got["parameters"], _parameter_keys(dims))
    biases = {f"b{l}": _nonzero for l in range(1, len(dims))}
    mistakes = [(NO_SCALE, _weights(3, dims, "randn", 1)), (UNIFORM, _weights(3, dims, "rand", 0.01)),
                (NONZERO_BIAS, biases)]
    check_dict(label, got["parameters"], expected, mistakes)


def _hidden_initialize_parameters_deep(rng, trial):
    dims, _ = _dims(rng, trial, 2 + trial % 3)
    return Case({"layer_dims": dims}, detail=_detail(trial, f"{dims}"))


# ── linear_forward ──

def _is_input(got, value):
    """``got`` is the input ``value`` itself, or an array equal to it."""
    return got is value or (isinstance(got, np.ndarray) and got.shape == np.shape(value)
                            and bool(np.array_equal(got, value)))


def _check_linear_cache(label, cache, A_prev, W, b):
    if not isinstance(cache, (tuple, list)) or len(cache) != 3:
        length = f" (길이 {len(cache)})" if isinstance(cache, (tuple, list)) else ""
        fail(label, [f"linear_cache는 (A_prev, W, b) 튜플이어야 하는데 {type(cache).__name__}{length}입니다."])
    inputs = (A_prev, W, b)
    if (not all(_is_input(got, value) for got, value in zip(cache, inputs))
            and all(any(_is_input(got, value) for value in inputs) for got in cache)):
        fail(label, ["캐시에 입력을 담았지만 순서가 다릅니다."],
             ["linear_cache는 (A_prev, W, b) 순서의 튜플입니다. 역전파가 이 순서로 꺼내 씁니다."])
    for name, got, value in zip(("A_prev", "W", "b"), cache, inputs):
        check_same(f"{label}의 {name}", got, value)


def _compare_linear_forward(label, got, inputs, expected):
    A, W, b = inputs["A"], inputs["W"], inputs["b"]
    mistakes = [("편향 b를 더하지 않았습니다: Z = W·A + b.", np.dot(W, A)),
                ("b를 빼지 말고 더하세요: Z = W·A + b.", np.dot(W, A) - b)]
    check_array(f"{label}의 Z", got["Z"], expected["Z"], mistakes)
    _check_linear_cache(f"{label}의 cache", got["cache"], A, W, b)


def _hidden_linear_forward(rng, trial):
    A, W, b = _linear_inputs(rng, trial)
    return Case({"A": A, "W": W, "b": b}, detail=_detail(trial, f"A {A.shape}, W {W.shape}"))


def _linear_forward_case():
    A, W, b = _randn(1, (3, 2), (1, 3), (1, 1))
    return [Case({"A": A, "W": W, "b": b})]


# ── linear_activation_forward ──

def _check_activation_cache(label, cache, A_prev, W, b):
    """``cache == ((A_prev, W, b), Z)`` with ``Z = W A_prev + b``."""
    if not isinstance(cache, (tuple, list)) or len(cache) != 2:
        fail(label, ["cache는 (linear_cache, activation_cache) 두 값의 튜플이어야 합니다."],
             ["linear_forward와 활성화 함수가 돌려준 캐시를 그대로 묶으세요."])
    _check_linear_cache(f"{label}[0] (linear_cache)", cache[0], A_prev, W, b)
    Z = np.dot(W, A_prev) + b
    hint = "activation_cache에는 활성화 전의 Z를 담으세요 (활성화 후의 A가 아니라)."
    check_array(f"{label}[1] (activation_cache = Z)", cache[1], Z, [(hint, relu(Z)[0]), (hint, sigmoid(Z)[0])])


def _compare_linear_activation_forward(label, got, inputs, expected):
    A_prev, W, b, activation = inputs.values()
    Z = np.dot(W, A_prev) + b
    other = relu if activation == "sigmoid" else sigmoid
    mistakes = [(SWAPPED, other(Z)[0]), ("활성화 함수를 적용하지 않고 Z를 그대로 반환했습니다.", Z)]
    check_array(f"{label}의 A", got["A"], expected["A"], mistakes)
    _check_activation_cache(f"{label}의 cache", got["cache"], A_prev, W, b)


def _linear_activation_forward_cases():
    cases = []
    for activation in ACTIVATIONS:
        A_prev, W, b = _randn(2, (3, 2), (1, 3), (1, 1))
        cases.append(Case({"A_prev": A_prev, "W": W, "b": b, "activation": activation}, title=activation))
    return cases


def _hidden_linear_activation_forward(rng, trial):
    A_prev, W, b = _linear_inputs(rng, trial)
    activation = ACTIVATIONS[trial % 2]
    return Case({"A_prev": A_prev, "W": W, "b": b, "activation": activation},
                detail=_detail(trial, f"{activation!r}, A_prev {A_prev.shape}, W {W.shape}"))


# ── L_model_forward ──

def _forward_with(X, parameters, hidden, output):
    L = len(parameters) // 2
    A = X
    for l in range(1, L + 1):
        A = (output if l == L else hidden)(np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"])[0]
    return A


def _linear_inputs_of(cache):
    """``(A_prev, W)`` of a ``((A_prev, W, b), Z)`` cache, or ``(None, None)`` if it has another form."""
    try:
        linear_cache = cache[0]
        return linear_cache[0], linear_cache[1]
    except (TypeError, IndexError, KeyError):
        return None, None


def _in_reverse_order(caches, X, parameters):
    """The first layer's cache is last and the last layer's first: caches.insert(0, cache)."""
    L = len(caches)
    first_A, first_W = _linear_inputs_of(caches[-1])
    last_W = _linear_inputs_of(caches[0])[1]
    return (_is_input(first_A, X) and _is_input(first_W, parameters["W1"])
            and _is_input(last_W, parameters[f"W{L}"]) and not _is_input(last_W, parameters["W1"]))


def _compare_L_model_forward(label, got, inputs, expected):
    X, parameters = inputs["X"], inputs["parameters"]
    L = len(parameters) // 2
    mistakes = [("마지막 층은 sigmoid여야 합니다 (0과 1 사이의 확률을 내야 하므로).", _forward_with(X, parameters, relu, relu))]
    if L > 1:
        mistakes += [("은닉층은 relu, 마지막 층만 sigmoid입니다. 은닉층에 sigmoid를 썼습니다.",
                      _forward_with(X, parameters, sigmoid, sigmoid)),
                     ("은닉층과 출력층의 활성화가 뒤바뀌었습니다.", _forward_with(X, parameters, sigmoid, relu))]
    check_array(f"{label}의 AL", got["AL"], expected["AL"], mistakes)
    caches = got["caches"]
    if not isinstance(caches, list) or len(caches) != L:
        length = f" (길이 {len(caches)})" if isinstance(caches, (list, tuple)) else ""
        fail(label, [f"caches는 층마다 하나씩, 길이 {L}인 리스트여야 하는데 {type(caches).__name__}{length}입니다."],
             ["매 층 caches.append(cache)를 했는지, 마지막 층의 캐시도 넣었는지 확인하세요."])
    if L > 1 and _in_reverse_order(caches, X, parameters):
        fail(label, ["caches의 순서가 거꾸로입니다. caches[0]에 마지막 층의 캐시가, "
                     f"caches[{L - 1}]에 첫 층의 캐시가 들어 있습니다."], [CACHES_REVERSED])
    A_prev = X
    for l, cache in enumerate(caches, start=1):
        _check_activation_cache(f"{label}의 caches[{l - 1}]", cache, A_prev, parameters[f"W{l}"], parameters[f"b{l}"])
        A_prev = relu(cache[1])[0]


def _L_model_forward_expected(ref, inputs):
    AL, caches = ref.L_model_forward(inputs["X"], inputs["parameters"])
    return {"AL": AL, "len(caches)": len(caches)}


def _L_model_forward_case():
    X, W1, b1, W2, b2, W3, b3 = _randn(6, (5, 4), (4, 5), (4, 1), (3, 4), (3, 1), (1, 3), (1, 1))
    return [Case({"X": X, "parameters": {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}})]


def _hidden_L_model_forward(rng, trial):
    X, parameters, dims = _network(rng, trial, n_layers=1 + trial % 4)
    return Case({"X": X, "parameters": parameters}, detail=_detail(trial, f"layer_dims {dims}, m = {X.shape[1]}"))


# ── compute_cost ──

def _compare_compute_cost(label, got, inputs, expected):
    AL, Y = inputs["AL"], inputs["Y"]
    m = Y.shape[1]
    positive = np.sum(Y * np.log(AL))
    negative = np.sum((1 - Y) * np.log(1 - AL))
    mistakes = [("(1 - Y) * log(1 - AL) 항이 빠졌습니다. y = 0인 예제도 비용에 들어가야 합니다.", -positive / m),
                ("앞의 마이너스 부호가 빠졌습니다. 교차 엔트로피 비용은 0 이상입니다.", (positive + negative) / m),
                ("m으로 나누지 않았습니다. 비용은 예제들의 평균입니다 (1/m).", -(positive + negative)),
                ("np.log(자연로그)를 쓰세요. log10이 아닙니다.",
                 -np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / m)]
    check_scalar(f"{label}의 cost", got["cost"], expected["cost"], mistakes)


def _compute_cost_case():
    return [Case({"AL": np.array([[0.8, 0.9, 0.4]]), "Y": np.array([[1, 1, 0]])})]


def _hidden_compute_cost(rng, trial):
    m = 1 if trial == 1 else int(rng.integers(3, 9))
    AL = rng.uniform(0.05, 0.95, size=(1, m))
    Y = (np.arange(m) % 2 == 0).astype(int).reshape(1, m) if trial < 2 else rng.integers(0, 2, size=(1, m))
    return Case({"AL": AL, "Y": Y}, detail=_detail(trial, f"m = {m}"))


# ── linear_backward ──

def _linear_step(dZ, linear_cache):
    A_prev, W, _ = linear_cache
    m = A_prev.shape[1]
    return {"dA_prev": np.dot(W.T, dZ), "dW": np.dot(dZ, A_prev.T) / m, "db": np.sum(dZ, axis=1, keepdims=True) / m}


def _check_gradients(label, got, expected, mistakes):
    for name in ("dA_prev", "dW", "db"):
        check_array(f"{label}의 {name}", got[name], expected[name], pick(mistakes, name))


def _compare_linear_backward(label, got, inputs, expected):
    dZ, (A_prev, W, _) = inputs["dZ"], inputs["cache"]
    m = A_prev.shape[1]
    mistakes = [(NO_MEAN, {"dW": np.dot(dZ, A_prev.T), "db": np.sum(dZ, axis=1, keepdims=True)}),
                ("np.sum(dZ)는 모든 원소를 더합니다. axis=1, keepdims=True로 행마다 더하세요.",
                 {"db": np.full((dZ.shape[0], 1), np.sum(dZ) / m)}),
                ("dA_prev = W.T · dZ 에는 1/m이 없습니다.", {"dA_prev": np.dot(W.T, dZ) / m})]
    _check_gradients(label, got, expected, mistakes)


def _linear_backward_case():
    dZ, A, W, b = _randn(1, (3, 4), (5, 4), (3, 5), (3, 1))
    return [Case({"dZ": dZ, "cache": (A, W, b)})]


def _hidden_linear_backward(rng, trial):
    A_prev, W, b = _linear_inputs(rng, trial)
    dZ = rng.standard_normal((W.shape[0], A_prev.shape[1]))
    return Case({"dZ": dZ, "cache": (A_prev, W, b)}, detail=_detail(trial, f"A_prev {A_prev.shape}, W {W.shape}"))


# ── linear_activation_backward ──

def _compare_linear_activation_backward(label, got, inputs, expected):
    dA, (linear_cache, Z), activation = inputs.values()
    other = relu_backward if activation == "sigmoid" else sigmoid_backward
    wrong_dZ = [(SWAPPED, other(dA, Z))]
    if activation == "sigmoid":
        wrong_dZ.append(("시그모이드의 도함수는 s * (1 - s)입니다.", dA * sigmoid(Z)[0]))
    else:
        wrong_dZ.append(("relu_backward(dA, activation_cache)로 dZ를 구하세요. dZ가 dA 그대로입니다.", dA))
    _check_gradients(label, got, expected, [(hint, _linear_step(dZ, linear_cache)) for hint, dZ in wrong_dZ])


def _linear_activation_backward_cases():
    cases = []
    for activation in ACTIVATIONS:
        dA, A, W, b, Z = _randn(2, (1, 2), (3, 2), (1, 3), (1, 1), (1, 2))
        cases.append(Case({"dA": dA, "cache": ((A, W, b), Z), "activation": activation}, title=activation))
    return cases


def _hidden_linear_activation_backward(rng, trial):
    A_prev, W, b = _linear_inputs(rng, trial)
    Z = rng.standard_normal((W.shape[0], A_prev.shape[1]))
    dA = rng.standard_normal(Z.shape)
    activation = ACTIVATIONS[(trial + 1) % 2]
    return Case({"dA": dA, "cache": ((A_prev, W, b), Z), "activation": activation},
                detail=_detail(trial, f"{activation!r}, A_prev {A_prev.shape}, W {W.shape}"))


# ── L_model_backward ──

def _backward_with(AL, Y, caches, hidden, output):
    L = len(caches)
    Y = Y.reshape(AL.shape)
    grads, dA = {}, -(Y / AL - (1 - Y) / (1 - AL))
    for l in reversed(range(L)):
        linear_cache, Z = caches[l]
        step = _linear_step((output if l == L - 1 else hidden)(dA, Z), linear_cache)
        dA = grads[f"dA{l}"] = step["dA_prev"]
        grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = step["dW"], step["db"]
    return grads


def _compare_L_model_backward(label, got, inputs, expected):
    AL, Y, caches = inputs.values()
    # Only the notebook's check (labelled with the bare name) lets the student's own helpers answer
    # calls it has no record of; the judge always answers them with the reference.
    in_notebook = label == "L_model_backward"
    shown = " " + OWN_HELPERS if in_notebook else ""
    mistakes = [("dAL의 부호가 반대입니다: dAL = -(Y/AL - (1-Y)/(1-AL))." + shown, {k: -v for k, v in expected.items()})]
    if len(caches) > 1:
        mistakes += [("마지막 층은 sigmoid, 은닉층은 relu로 역전파합니다 (둘이 바뀌었습니다)." + shown,
                      _backward_with(AL, Y, caches, sigmoid_backward, relu_backward)),
                     ("은닉층도 relu로 역전파해야 합니다 (모두 sigmoid를 썼습니다)." + shown,
                      _backward_with(AL, Y, caches, sigmoid_backward, sigmoid_backward))]
    if in_notebook:
        mistakes.append((MAYBE_OWN_HELPERS, {k: _anything for k in expected}))
    check_dict(label, got["grads"], expected, mistakes)


def _L_model_backward_case():
    AL, A1, W1, b1, Z1, A2, W2, b2, Z2 = _randn(3, (1, 2), (4, 2), (3, 4), (3, 1), (3, 2),
                                                (3, 2), (1, 3), (1, 1), (1, 2))
    Y = np.array([[1, 0]])
    return [Case({"AL": AL, "Y": Y, "caches": [((A1, W1, b1), Z1), ((A2, W2, b2), Z2)]})]


def _hidden_L_model_backward(rng, trial):
    X, parameters, dims = _network(rng, trial, n_layers=1 + (trial + 1) % 4)
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        Z = np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
        caches.append(((A, parameters[f"W{l}"], parameters[f"b{l}"]), Z))
        A = (sigmoid if l == L else relu)(Z)[0]
    AL = np.clip(A, 0.02, 0.98)
    Y = (rng.uniform(size=AL.shape) < 0.5).astype(int)
    return Case({"AL": AL, "Y": Y, "caches": caches}, detail=_detail(trial, f"layer_dims {dims}, m = {X.shape[1]}"))


# ── update_parameters ──

def _compare_update_parameters(label, got, inputs, expected):
    parameters, grads, learning_rate = inputs.values()
    if got["parameters"] is None:
        fail(label, ["None을 반환했습니다."], ["함수 끝에서 return parameters를 하세요."])
    L = len(parameters) // 2

    def step(sign, rate, layers, keys="Wb"):
        new = dict(parameters)
        for l in layers:
            for key in keys:
                new[f"{key}{l}"] = parameters[f"{key}{l}"] + sign * rate * grads[f"d{key}{l}"]
        return new

    every = range(1, L + 1)
    mistakes = [("기울기의 반대 방향으로 움직이세요: W = W - α·dW (더하기가 아니라 빼기).", step(+1, learning_rate, every)),
                ("학습률 learning_rate를 곱하세요.", step(-1, 1, every)),
                ("b도 업데이트하세요.", step(-1, learning_rate, every, keys="W"))]
    if L > 1:
        mistakes.append(("모든 층(l = 1 … L)을 업데이트하세요. range의 범위를 확인하세요.",
                         step(-1, learning_rate, range(1, 2))))
    check_dict(label, got["parameters"], expected, mistakes)


def _update_parameters_case():
    W1, b1, W2, b2 = _randn(2, (3, 4), (3, 1), (1, 3), (1, 1))
    dW1, db1, dW2, db2 = _randn(3, (3, 4), (3, 1), (1, 3), (1, 1))
    return [Case({"parameters": {"W1": W1, "b1": b1, "W2": W2, "b2": b2},
                  "grads": {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, "learning_rate": 0.1})]


def _hidden_update_parameters(rng, trial):
    _, parameters, dims = _network(rng, trial, n_layers=1 + trial % 3)
    grads = {f"d{key}": rng.standard_normal(value.shape) for key, value in parameters.items()}
    learning_rate = float(rng.uniform(0.01, 0.5))
    return Case({"parameters": parameters, "grads": grads, "learning_rate": learning_rate},
                detail=_detail(trial, f"layer_dims {dims}, learning_rate {learning_rate:.3f}"))


EXERCISES = [
    function("initialize_parameters", ("n_x", "n_h", "n_y"), ("parameters",),
             public=lambda: [Case({"n_x": 3, "n_h": 2, "n_y": 1})], hidden=_hidden_initialize_parameters,
             expected=_parameters_of("initialize_parameters"), compare=_compare_initialize_parameters),
    function("initialize_parameters_deep", ("layer_dims",), ("parameters",),
             public=lambda: [Case({"layer_dims": [5, 4, 3]})], hidden=_hidden_initialize_parameters_deep,
             expected=_parameters_of("initialize_parameters_deep"), compare=_compare_initialize_parameters_deep),
    function("linear_forward", ("A", "W", "b"), ("Z", "cache"), shown=("Z",),
             public=_linear_forward_case, hidden=_hidden_linear_forward,
             expected=_returns("linear_forward", "Z", "cache", keep=("Z",)), compare=_compare_linear_forward),
    function("linear_activation_forward", ("A_prev", "W", "b", "activation"), ("A", "cache"), shown=("A",),
             calls=("linear_forward",),
             public=_linear_activation_forward_cases, hidden=_hidden_linear_activation_forward,
             expected=_returns("linear_activation_forward", "A", "cache", keep=("A",)),
             compare=_compare_linear_activation_forward),
    function("L_model_forward", ("X", "parameters"), ("AL", "caches"), shown=("AL", "len(caches)"),
             calls=("linear_activation_forward",),
             public=_L_model_forward_case, hidden=_hidden_L_model_forward,
             expected=_L_model_forward_expected, compare=_compare_L_model_forward),
    function("compute_cost", ("AL", "Y"), ("cost",),
             public=_compute_cost_case, hidden=_hidden_compute_cost,
             expected=_returns("compute_cost", "cost"), compare=_compare_compute_cost),
    function("linear_backward", ("dZ", "cache"), ("dA_prev", "dW", "db"),
             public=_linear_backward_case, hidden=_hidden_linear_backward,
             expected=_returns("linear_backward", "dA_prev", "dW", "db"), compare=_compare_linear_backward),
    function("linear_activation_backward", ("dA", "cache", "activation"), ("dA_prev", "dW", "db"),
             calls=("linear_backward",),
             public=_linear_activation_backward_cases, hidden=_hidden_linear_activation_backward,
             expected=_returns("linear_activation_backward", "dA_prev", "dW", "db"),
             compare=_compare_linear_activation_backward,
             mutation_hints={"dA": "dZ = dA처럼 이름만 새로 붙이면 같은 배열입니다. "
                                   "dZ = np.array(dA, copy=True)로 복사한 뒤 고치세요."}),
    function("L_model_backward", ("AL", "Y", "caches"), ("grads",),
             calls=("linear_activation_backward",),
             public=_L_model_backward_case, hidden=_hidden_L_model_backward,
             expected=_parameters_of("L_model_backward"), compare=_compare_L_model_backward,
             error_hints={"list index out of range": "caches의 인덱스가 범위를 벗어났습니다. 인덱스는 0부터 L - 1까지라서 "
                                                     "l번 층의 캐시는 caches[l - 1]이고, caches[L]은 없습니다."}),
    function("update_parameters", ("parameters", "grads", "learning_rate"), ("parameters",),
             may_modify=("parameters",),
             public=_update_parameters_case, hidden=_hidden_update_parameters,
             expected=_parameters_of("update_parameters"), compare=_compare_update_parameters),
]
