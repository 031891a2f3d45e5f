"""Lesson 08 (a deep network applied to images): every graded function, declared once.

Conventions of lesson 07: examples are columns (``X`` has shape ``(n_x, m)``, ``Y`` shape
``(1, m)`` of 0/1 labels). The models are built from the helpers of
``dlutils.given.lesson08`` (lesson 07's functions and ``initialize_parameters_he``), so the
checks may use them too. Both models are graded on small random data with a few hundred
iterations at most: every parameter and every recorded cost must equal the reference's
to ``TOLERANCE``. ``predict`` thresholds with ``> 0.5``; its public and hidden cases hold
probabilities of exactly 0.5 (zero weights and biases, or an all-zero input column with
zero biases), so ``>= 0.5`` fails.

Mistakes are the outputs typical wrong answers produce, each with its Korean hint. The
model mistakes are computed only when an answer is wrong (they retrain the model), and
the global random state is restored afterwards.
"""
import contextlib
import io
import warnings

import numpy as np

from dlutils.given.lesson08 import (
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    initialize_parameters_he,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)
from testcases.engine.compare import check_array, check_dict
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

TOLERANCE = 1e-8
COST_EVERY = 100
DEFAULT_RATE = 0.0075

ASCENT = ("비용이 줄지 않고 커지는 쪽으로 움직였습니다(경사 상승). 역전파의 출발점 dA2 = -(Y/A2 - (1-Y)/(1-A2))의 "
          "부호를 확인하세요. 앞의 마이너스가 빠지면 모든 기울기의 부호가 뒤집혀, update_parameters가 비용을 키웁니다.")
ASCENT_DEEP = ("비용이 줄지 않고 커지는 쪽으로 움직였습니다(경사 상승). 기울기의 부호가 뒤집혔습니다. "
               "L_model_backward가 돌려준 grads를 그대로 update_parameters에 넘기세요.")
DZ_AS_DA = ("dA2 = A2 - Y는 시그모이드의 미분까지 거친 dZ2입니다. linear_activation_backward(..., \"sigmoid\")가 "
            "σ'(Z2)를 한 번 더 곱하므로, 출발점은 비용 J를 A2로 미분한 dA2여야 합니다 (07 실습의 dAL과 같은 식).")
LAST_COST = ("마지막 반복(i = num_iterations - 1)의 비용도 기록했습니다. Coursera 과제와 달리 이 실습은 i가 100의 배수일 "
             "때만 기록합니다. 마지막 반복을 더하는 조건을 빼세요.")
NO_UPDATE = ("매개변수가 처음 값 그대로입니다. update_parameters는 새 딕셔너리를 돌려줍니다: "
             "parameters = update_parameters(parameters, grads, learning_rate)처럼 다시 담으세요.")
FIXED_RATE = "인자로 받은 learning_rate를 update_parameters에 넘기세요. 0.0075를 숫자로 적어 넣으면 안 됩니다."
MORE_STEPS = "반복을 한 번 더 했습니다. for i in range(num_iterations)로 정확히 num_iterations번 업데이트하세요."
FEWER_STEPS = "반복을 한 번 덜 했습니다. for i in range(num_iterations)로 정확히 num_iterations번 업데이트하세요."
HIDDEN_SIGMOID = "은닉층은 \"relu\", 출력층만 \"sigmoid\"입니다. 은닉층에 sigmoid를 썼습니다."
TWO_INIT = ("두 층 모델은 initialize_parameters(n_x, n_h, n_y)로 시작합니다. "
            "n_x, n_h, n_y = layers_dims로 나누어 넘기세요.")
DEEP_INIT_07 = ("L_layer_model은 initialize_parameters_he(layers_dims)로 시작합니다. 07의 "
                "initialize_parameters_deep(가중치 × 0.01)으로는 깊은 신경망의 기울기가 사라져 학습이 멈춥니다.")
HE_IN_TWO = "두 층 모델은 07의 initialize_parameters(n_x, n_h, n_y)로 시작합니다 (He 초기화가 아니라)."
GREATER_EQUAL = ("확률이 정확히 0.5인 예제는 0으로 예측합니다. 0.5보다 클 때만 1이므로 >= 대신 >를 쓰세요: "
                 "(AL > 0.5).")
PROBABILITIES = "확률 AL을 그대로 돌려주었습니다. 0.5보다 크면 1, 아니면 0인 예측으로 바꾸세요: (AL > 0.5)."
INVERTED = "0과 1이 뒤바뀌었습니다. 확률이 0.5보다 큰 예제가 1(셔츠)입니다."
FLAT = "예측 p는 (1, m) 모양이어야 합니다. np.zeros((1, m))로 만들거나 reshape(1, -1)로 모양을 맞추세요."
ERROR_HINTS = {
    "missing 2 required positional arguments": "initialize_parameters(n_x, n_h, n_y)는 세 수를 따로 받습니다. "
                                               "n_x, n_h, n_y = layers_dims로 나눈 뒤 넘기세요.",
    "cannot unpack non-iterable": "두 값을 돌려주는 함수입니다. A, cache = linear_activation_forward(...)처럼 "
                                  "나누어 받으세요.",
}


# ── a small trainer for the mistakes: the reference loop with one thing changed ──

INITS = {
    "two": lambda dims: initialize_parameters(*dims),
    "deep07": initialize_parameters_deep,
    "he": initialize_parameters_he,
}


def train(X, Y, dims, learning_rate, num_iterations, init, hidden="relu", ascent=False, update=True,
          hidden_backward=None, dz_as_da=False):
    """``(parameters, costs)`` of full-batch gradient descent, as the reference trains, with one change.

    Seeds numpy with 1 first and restores the caller's random state afterwards.
    """
    state = np.random.get_state()
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return _train(X, Y, dims, learning_rate, num_iterations, init, hidden, hidden_backward or hidden,
                          ascent, update, dz_as_da)
    finally:
        np.random.set_state(state)


def _train(X, Y, dims, learning_rate, num_iterations, init, hidden, hidden_backward, ascent, update, dz_as_da):
    np.random.seed(1)
    parameters = INITS[init](dims)
    L = len(dims) - 1
    costs = []
    for i in range(num_iterations):
        A, caches = X, []
        for l in range(1, L + 1):
            A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                                 "sigmoid" if l == L else hidden)
            caches.append(cache)
        cost = compute_cost(A, Y)
        dA = A - Y if dz_as_da else -(np.divide(Y, A) - np.divide(1 - Y, 1 - A))
        if ascent:
            dA = -dA
        grads = {}
        for l in reversed(range(1, L + 1)):
            dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
                dA, caches[l - 1], "sigmoid" if l == L else hidden_backward)
        if update:
            parameters = update_parameters(parameters, grads, learning_rate)
        if i % COST_EVERY == 0:
            costs.append(cost)
    return parameters, costs


def n_costs(num_iterations):
    """How many costs a model records: one at i = 0, 100, 200, ... below ``num_iterations``."""
    return len(range(0, num_iterations, COST_EVERY))


# ── comparing a trained model ──

def _close_enough(got, expected):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    return got.shape == np.shape(expected) and bool(np.all(np.abs(got - expected) <= TOLERANCE))


def _params_close(got, expected):
    return (isinstance(got, dict) and set(got) == set(expected)
            and all(_close_enough(got[k], v) for k, v in expected.items()))


def _tight(label, got, expected):
    """Within ``TOLERANCE`` (after ``check_array`` accepted it within its looser tolerance)."""
    difference = float(np.max(np.abs(np.asarray(got, dtype=float) - expected), initial=0.0))
    if difference > TOLERANCE:
        fail(label, ["값이 기댓값과 아주 조금 다릅니다.",
                     f"가장 큰 차이: {difference:.2e} (허용 오차 {TOLERANCE:g})"],
             ["참조와 같은 계산을 같은 순서로 하면 차이는 1e-12보다 작습니다. float32로 바꾸거나 값을 반올림하지 "
              "않았는지, 학습률과 반복 횟수를 인자 그대로 썼는지 확인하세요."])


def _model_mistakes(kind, inputs):
    """``[(hint, parameters)]`` of typical wrong models on these inputs (retrained: only on failure)."""
    X, Y, dims, rate, n, _ = inputs.values()
    init = "two" if kind == "two" else "he"
    variants = [(ASCENT if kind == "two" else ASCENT_DEEP, dict(ascent=True)), (NO_UPDATE, dict(update=False))]
    if rate != DEFAULT_RATE:
        variants.append((FIXED_RATE, dict(learning_rate=DEFAULT_RATE)))
    variants += [(MORE_STEPS, dict(num_iterations=n + 1)), (FEWER_STEPS, dict(num_iterations=max(n - 1, 0)))]
    if kind == "two":
        variants += [(DZ_AS_DA, dict(dz_as_da=True)), (HIDDEN_SIGMOID, dict(hidden="sigmoid")),
                     (HIDDEN_SIGMOID, dict(hidden="sigmoid", hidden_backward="relu")), (TWO_INIT, dict(init="deep07")),
                     (HE_IN_TWO, dict(init="he"))]
    else:
        variants.append((DEEP_INIT_07, dict(init="deep07")))
        if len(dims) > 2:
            variants.append((HIDDEN_SIGMOID, dict(hidden="sigmoid")))
    mistakes = []
    for hint, change in variants:
        settings = dict(learning_rate=rate, num_iterations=n, init=init) | change
        wrong = train(X, Y, list(dims), **settings)[0]
        mistakes.append((hint, {key: _same_as(value) for key, value in wrong.items()}))
    return mistakes


def _same_as(value):
    """A predicate: the student's array equals ``value`` (nan where ``value`` has nan: a diverged model)."""
    def same(got):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return False
        return got.shape == value.shape and bool(np.allclose(got, value, rtol=1e-5, atol=TOLERANCE, equal_nan=True))
    return same


def _check_costs(label, got, inputs, expected):
    n, print_cost = inputs["num_iterations"], inputs["print_cost"]
    if not isinstance(got, (list, tuple, np.ndarray)):
        fail(label, [f"비용의 리스트여야 하는데 {type(got).__name__}입니다."],
             ["costs = []로 시작해 costs.append(cost)로 모으고, 마지막에 return parameters, costs를 하세요."])
    try:
        values = np.asarray(got, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        fail(label, ["비용의 리스트에 숫자가 아닌 값이 있습니다."], ["costs.append(cost)로 숫자만 모으세요."])
    if len(values) != len(expected):
        hints = [f"비용은 반복 i가 {COST_EVERY}의 배수일 때(i = 0, {COST_EVERY}, {2 * COST_EVERY}, …) 한 번씩 "
                 f"기록합니다: if i % {COST_EVERY} == 0: costs.append(cost). num_iterations = {n}이면 "
                 f"{len(expected)}개입니다."]
        if len(values) == len(expected) + 1 and (n - 1) % COST_EVERY:
            hints.insert(0, LAST_COST)
        if len(values) == 0 and not print_cost:
            hints.insert(0, "print_cost가 False여도 비용은 기록해야 합니다. costs.append는 print_cost를 "
                            "확인하는 if 문 밖에 두세요.")
        fail(label, ["기록한 비용의 개수가 다릅니다.", f"기댓값: {len(expected)}개", f"받은 값: {len(values)}개"], hints)
    check_array(label, values, expected)
    _tight(label, values, expected)


def _compare_model(kind):
    def compare(label, got, inputs, expected):
        parameters = {k: v for k, v in expected.items() if k != "costs"}
        if not _params_close(got["parameters"], parameters):
            check_dict(f"{label}의 parameters", got["parameters"], parameters, _model_mistakes(kind, inputs))
            for key, value in parameters.items():
                _tight(f"{label}의 parameters[{key!r}]", got["parameters"][key], value)
        _check_costs(f"{label}의 costs", got["costs"], inputs, np.asarray(expected["costs"], dtype=float))
    return compare


def _model_expected(name):
    def expected(ref, inputs):
        with contextlib.redirect_stdout(io.StringIO()):
            parameters, costs = getattr(ref, name)(*inputs.values())
        return {**parameters, "costs": [float(cost) for cost in costs]}  # shown as the list a model returns
    return expected


def _model_inputs(rng, dims, m, learning_rate, num_iterations, as_tuple=False):
    X = rng.uniform(0, 1, size=(dims[0], m))
    Y = rng.integers(0, 2, size=(1, m))
    layers = tuple(dims) if as_tuple else list(dims)
    return {"X": X, "Y": Y, "layers_dims": layers, "learning_rate": learning_rate,
            "num_iterations": num_iterations, "print_cost": False}


def _public_model(dims, as_tuple):
    rng = np.random.default_rng(8)
    return [Case(_model_inputs(rng, dims, 12, 0.1, 150, as_tuple))]


def _detail(text, inputs):
    return (f"{text}: layers_dims {list(inputs['layers_dims'])}, m = {inputs['X'].shape[1]}, "
            f"learning_rate {inputs['learning_rate']:.3f}, num_iterations {inputs['num_iterations']}")


# ── two_layer_model ──

TWO_EDGES = ("입력층과 은닉층의 크기가 같음", "은닉 유닛 하나, 예제 하나", "넓은 은닉층, 예제 많음",
             "좁은 은닉층, 예제 둘", "무작위")


def _hidden_two_layer_model(rng, trial):
    rate = float(rng.uniform(0.02, 0.3))
    if trial == 0:
        n = int(rng.integers(2, 6))
        dims, m, steps = (n, n, 1), int(rng.integers(3, 8)), 101
    elif trial == 1:
        dims, m, steps = (int(rng.integers(1, 5)), 1, 1), 1, 100
    elif trial == 2:
        dims, m, steps = (2, int(rng.integers(7, 10)), 1), int(rng.integers(8, 13)), 250
    elif trial == 3:
        dims, m, steps = (int(rng.integers(7, 10)), 2, 1), 2, int(rng.integers(150, 200))
    else:
        dims = (int(rng.integers(1, 9)), int(rng.integers(1, 9)), 1)
        m, steps = int(rng.integers(1, 11)), int(rng.integers(1, 251))
    inputs = _model_inputs(rng, dims, m, rate, steps, as_tuple=True)
    return Case(inputs, detail=_detail(TWO_EDGES[trial], inputs))


# ── L_layer_model ──

DEEP_EDGES = ("이웃한 층의 크기가 같음", "층 하나(로지스틱 회귀), 예제 하나", "넓고 좁은 층이 번갈아",
              "좁은 은닉층 하나", "무작위 깊이")


def _hidden_L_layer_model(rng, trial):
    rate = float(rng.uniform(0.02, 0.3))
    if trial == 0:
        n = int(rng.integers(2, 6))
        dims, m, steps = [n, n, n, 1], int(rng.integers(3, 8)), 101
    elif trial == 1:
        dims, m, steps = [int(rng.integers(1, 6)), 1], 1, 100
    elif trial == 2:
        dims, m, steps = [2, 9, 2, 9, 1], int(rng.integers(8, 13)), 250
    elif trial == 3:
        dims, m, steps = [int(rng.integers(7, 10)), 2, 1], 2, int(rng.integers(150, 200))
    else:
        depth = int(rng.integers(1, 5))
        dims = [int(n) for n in rng.integers(1, 8, size=depth)] + [1]
        m, steps = int(rng.integers(1, 11)), int(rng.integers(1, 251))
    inputs = _model_inputs(rng, dims, m, rate, steps)
    return Case(inputs, detail=_detail(DEEP_EDGES[trial], inputs))


# ── predict ──

def _compare_predict(label, got, inputs, expected):
    X, parameters = inputs["X"], inputs["parameters"]
    p = got["p"]
    if isinstance(p, (int, float, np.number)) or (isinstance(p, np.ndarray) and p.ndim == 0):
        fail(f"{label}의 p", ["예측 배열이어야 하는데 숫자 하나입니다."],
             ["정확도는 print로 출력만 하고, 예측 p((1, m) 모양의 0과 1)를 return 하세요."])
    if isinstance(p, np.ndarray) and p.dtype.kind in "biu":
        p = p.astype(float)  # 0/1 as integers or booleans is fine
    probabilities = L_model_forward(X, parameters)[0]
    m = X.shape[1]
    mistakes = [(GREATER_EQUAL, (probabilities >= 0.5).astype(float)),
                (PROBABILITIES, probabilities),
                (INVERTED, (probabilities < 0.5).astype(float)),
                (INVERTED, (probabilities <= 0.5).astype(float)),
                (FLAT, lambda value: np.shape(value) in ((m,), (m, 1)) and m > 1)]
    check_array(f"{label}의 p", p, expected["p"], mistakes)


def _predict_expected(ref, inputs):
    with contextlib.redirect_stdout(io.StringIO()):
        return {"p": ref.predict(inputs["X"], inputs["y"], inputs["parameters"])}


def _network(rng, dims, zero_biases=False):
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((dims[l], 1)) if zero_biases else rng.standard_normal((dims[l], 1))
    return parameters


def _predict_cases():
    rng = np.random.default_rng(80)
    dims = [4, 3, 2, 1]
    X, y = rng.standard_normal((4, 6)), rng.integers(0, 2, size=(1, 6))
    random_network = _network(rng, dims)
    silent = dict(random_network, W3=np.zeros((1, 2)), b3=np.zeros((1, 1)))
    return [Case({"X": X, "y": y, "parameters": random_network}, title="3층 신경망"),
            Case({"X": X, "y": y, "parameters": silent}, title="W3 = 0, b3 = 0: 모든 확률이 정확히 0.5")]


PREDICT_EDGES = ("마지막 층이 0: 모든 확률이 정확히 0.5", "층 하나, 예제 하나, 확률 정확히 0.5",
                 "입력이 0인 열: 확률 정확히 0.5가 섞임", "편향이 있는 4층 신경망", "무작위 깊이, 확률 0.5가 섞임")


def _hidden_predict(rng, trial):
    depth = (2, 1, 3, 4, int(rng.integers(1, 5)))[trial]
    m = 1 if trial == 1 else int(rng.integers(5, 11))
    zero = rng.choice(m, size=max(1, m // 3), replace=False) if trial in (1, 2, 4) else []
    while True:  # redraw until the examples that are not exactly 0.5 get both predictions
        dims = [int(n) for n in rng.integers(2, 7, size=depth)] + [1]
        X = rng.standard_normal((dims[0], m))
        X[:, zero] = 0.0
        parameters = _network(rng, dims, zero_biases=trial in (1, 2, 4))
        if trial == 0:
            parameters[f"W{depth}"] = np.zeros((1, dims[-2]))
            parameters[f"b{depth}"] = np.zeros((1, 1))
        probabilities = np.delete(L_model_forward(X, parameters)[0], zero, axis=1)
        if trial in (0, 1) or (np.any(probabilities > 0.5) and np.any(probabilities < 0.5)):
            break
    y = rng.integers(0, 2, size=(1, m))
    return Case({"X": X, "y": y, "parameters": parameters},
                detail=f"{PREDICT_EDGES[trial]}: layer_dims {dims}, m = {m}")


EXERCISES = [
    function("predict", ("X", "y", "parameters"), ("p",),
             public=_predict_cases, hidden=_hidden_predict, expected=_predict_expected, compare=_compare_predict),
    function("two_layer_model", ("X", "Y", "layers_dims", "learning_rate", "num_iterations", "print_cost"),
             ("parameters", "costs"),
             public=lambda: _public_model((5, 4, 1), as_tuple=True), hidden=_hidden_two_layer_model,
             expected=_model_expected("two_layer_model"), compare=_compare_model("two"), error_hints=ERROR_HINTS),
    function("L_layer_model", ("X", "Y", "layers_dims", "learning_rate", "num_iterations", "print_cost"),
             ("parameters", "costs"),
             public=lambda: _public_model([5, 4, 3, 1], as_tuple=False), hidden=_hidden_L_layer_model,
             expected=_model_expected("L_layer_model"), compare=_compare_model("deep"), error_hints=ERROR_HINTS),
]
