"""Lesson 04 (backpropagation): every graded function, declared once.

Conventions of the lesson (those of lesson 02): one example ``x`` has shape ``(n[0],)``;
a batch ``X`` has one example per ROW, ``(m, n[0])``; ``W[l]`` has shape ``(n[l], n[l-1])``
and ``b[l]`` shape ``(n[l],)``; every layer is sigmoid; caches are the dicts of the given
``feed_forward`` / ``feed_forward_batch`` (``{"a0": ..., "z1": ..., "a1": ..., ...}``). The
loss of one example is ``mean((a[L] - y) ** 2) / 2``, so backpropagation starts from
``da[L] = (a[L] - y) / n[L]``.

The graded functions that others call are declared in ``calls``: ``back_prop``,
``backprop_one_neuron_chain`` and ``back_prop_batch`` may call ``d_sigmoid``;
``train_nn`` calls ``back_prop`` and ``update``; ``back_prop_batch`` may loop over
``back_prop``. The judge answers those calls with the reference, the public check with
the reference's recorded answers, so a wrong upstream answer costs only its own cell.

``train_nn`` starts from the given ``initialize_parameters``, as the lecture's does: every
check seeds numpy's global generator right before the call (the input ``seed``). Its
mistakes are whole training runs of typical wrong answers (the lecture's shallow copy,
dividing by m twice, ...), computed here on the small networks of the checks; their
random draws leave the global generator as it was.
"""
import copy

import numpy as np

from dlutils.given.lesson04 import feed_forward, feed_forward_batch, initialize_parameters, sigmoid
from testcases.engine.compare import RTOL, check_array, check_dict, check_scalar, pick
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

TRAIN_TOLERANCE = 1e-8   # train_nn: loss list and parameters against the reference
BATCH_TOLERANCE = 1e-10  # back_prop_batch: against the summed per-example gradients

# ── hints ──

OUTER = ("dW는 db와 앞 층 출력 a_prev의 외적(outer product)입니다: np.outer(db, a_prev), 모양 (n[l], n[l-1]). "
         "np.dot(db, a_prev)나 db @ a_prev는 두 1차원 배열의 내적이라 숫자 하나가 나옵니다.")
OUTER_ORDER = ("np.outer(db, a_prev) 순서로 쓰세요. np.outer(a_prev, db)는 전치된 (n[l-1], n[l]) 모양입니다. "
               "행은 이번 층 뉴런, 열은 앞 층 뉴런입니다 (W와 같은 모양).")
NO_DERIV = "σ'(z)를 곱하지 않았습니다: db = d_sigmoid(z) * da. 시그모이드를 거꾸로 지날 때 σ'(z[l])이 곱해집니다."
SIGMOID_NOT_DERIV = "σ'(z) 대신 σ(z)를 곱했습니다. 시그모이드 자체가 아니라 그 도함수 d_sigmoid(z)를 곱하세요."
DERIV_OF_A = ("σ'은 z[l]에 적용합니다 (cache의 \"z\" + str(l) 값). cache의 a[l]에 적용하면 σ'(σ(z))가 되어 "
              "값이 달라집니다.")
SIGN = "기울기의 부호가 반대입니다. 손실 (a - y)²/2를 a로 미분하면 a - y입니다 (y - a가 아니라)."
START_N = ("시작값에서 출력 뉴런 수로 나누지 않았습니다: da = (prediction - y) / y.shape[0]. 손실이 출력 n[L]개의 "
           "평균(np.mean)이라 1/n[L]이 붙습니다.")
PROPAGATE_DB = ("앞 층으로 넘길 da는 W.T @ db입니다 (W.T @ da가 아니라). σ'(z)를 거친 db를 넘겨야 앞 층이 "
                "이번 층의 시그모이드까지 지난 변화를 받습니다.")
W_NOT_T = "앞 층으로 넘길 da는 W.T @ db입니다. W가 아니라 전치한 W.T를 곱하세요 (모양 (n[l-1],))."
OWN_OUTPUT = ("dW에는 이번 층의 출력 a[l]이 아니라 앞 층의 출력 a[l-1]이 들어갑니다: "
              "cache[\"a\" + str(layer - 1)].")
REVERSED = ("층의 순서가 거꾸로입니다. 역전파는 마지막 층부터 계산하지만 돌려주는 리스트는 1번 층부터 담습니다. "
            "뒤에서부터 append했다면 마지막에 reverse()하세요 (또는 insert(0, ...)).")
NO_HALF = "(a - y)²/2를 a로 미분하면 a - y입니다. 2와 1/2이 약분되므로 2를 곱하지 마세요."
CHAIN_NO_W = "앞 층으로 넘길 값은 da[l-1] = w[l] · σ'(z[l]) · da[l] = w[l] · db[l]입니다. w[l]을 곱하지 않았습니다."
CHAIN_NO_DERIV = "앞 층으로 넘길 값은 da[l-1] = w[l] · db[l]입니다. σ'(z[l])이 든 db[l]을 쓰세요 (w[l] · da[l]이 아니라)."
CHAIN_INPUT = "dw[l]에는 바로 앞 층의 출력 a[l-1]이 들어갑니다. 모든 층에서 입력 x를 쓰면 안 됩니다 (a[0] = x는 1번 층만)."
UPDATE_SIGN = "기울기의 반대 방향으로 움직이세요: W -= alpha * dW / m (더하기가 아니라 빼기)."
UPDATE_NO_M = "m으로 나누세요: W -= alpha * dW / m. gradients는 m개 예제의 기울기를 더한 합입니다."
UPDATE_TWICE = "m으로 두 번 나누었습니다. alpha * dW / m이면 충분합니다."
UPDATE_NO_ALPHA = "학습률 alpha를 곱하세요: W -= alpha * dW / m."
UPDATE_ONLY_W = "b도 업데이트하세요: b -= alpha * db / m."
UPDATE_DOUBLE = ("두 번 뺐습니다. -=로 한 번 빼고 = ... - ...로 또 빼면 두 번 움직입니다. 층마다 W와 b를 "
                 "한 번씩만 바꾸세요.")
UPDATE_FIXED = "강의의 숫자(alpha = 300, m = 250)를 적어 넣지 말고 인자로 받은 alpha와 m을 쓰세요."
UPDATE_OTHER_RATE = ("기울기의 반대 방향으로 움직였지만 alpha / m이 아닌 다른 수를 곱한 만큼입니다. 학습률이나 m을 숫자로 "
                     "적어 넣었다면, 인자로 받은 alpha와 m을 쓰세요.")
UPDATE_RANGE = "모든 층(l = 1, …, L)을 업데이트하세요. range(1, L + 1)인지 확인하세요."
SHALLOW = ("예제마다 매개변수를 업데이트했습니다. 강의 코드의 parameters.copy()는 얕은 복사(shallow copy)라서 복사본과 "
           "원본이 같은 배열을 나눠 씁니다. 그래서 update가 복사본을 고치면 다음 예제의 순전파도 바뀐 값을 씁니다. "
           "에폭마다 모든 예제의 기울기를 먼저 더한 뒤 update를 한 번만 부르세요.")
TWICE_M = ("m으로 두 번 나누었습니다. 기울기의 평균을 낸 뒤 update(..., m)가 또 m으로 나눕니다. update에는 "
           "예제들의 기울기를 더한 합을 넘기세요.")
LAST_ONLY = "마지막 예제의 기울기만 썼습니다. 예제마다의 기울기를 모두 더하세요 (gradients = ...로 덮어쓰지 말고)."
KEPT_SUM = ("gradients_sum을 에폭 반복문 밖에서 한 번만 만들어, 앞 에폭들의 기울기까지 쌓였습니다. "
            "에폭마다 0으로 새로 만드세요 (에폭 반복문 안에서).")
TWO_UPDATES = ("에폭마다 두 번 움직였습니다. update는 parameters의 배열을 제자리에서 고치고 돌려주므로, "
               "update(...)를 부른 뒤 parameters = update(...)를 또 부르면 두 번 업데이트됩니다. 한 번만 부르세요.")
TRAIN_FIXED = ("공개 테스트의 숫자(예제 6개, alpha = 5.0)를 적어 넣지 마세요. 예제 수 m은 X_train.shape[0]으로 구하고, "
               "학습률은 인자 alpha를 쓰세요.")
NOT_UPDATED = ("매개변수가 처음 값 그대로입니다. parameters = update(parameters, gradients, alpha, m)처럼 "
               "update가 돌려준 매개변수를 받으세요.")
BATCH_MEAN = ("예제들의 기울기를 평균 냈습니다. back_prop_batch는 예제마다 back_prop을 부른 결과의 합을 돌려줍니다 "
              "(m으로 나누는 것은 update가 합니다).")
BATCH_START_M = ("시작값을 Y.shape[0](예제 수 m)으로 나누었습니다. 행이 예제이므로 출력 뉴런 수는 Y.shape[1]입니다: "
                 "dA = (A - Y) / Y.shape[1].")
BATCH_START_N = ("시작값에서 출력 뉴런 수로 나누지 않았습니다: dA = (A - Y) / Y.shape[1]. 손실이 출력 n[L]개의 "
                 "평균이라 1/n[L]이 붙습니다.")
BATCH_DW = ("dW = dZ.T @ A_prev입니다, 모양 (n[l], n[l-1]). 예제들의 외적 np.outer(dz, a_prev)를 모두 더한 것이 "
            "이 행렬 곱입니다. A_prev.T @ dZ는 전치된 모양입니다.")
BATCH_DB = "db는 dZ의 행(예제)을 모두 더한 dZ.sum(axis=0)입니다, 모양 (n[l],)."
BATCH_KEEPDIMS = ("db는 b와 같은 1차원 (n[l],) 모양입니다. keepdims=True를 빼세요 (예제가 열인 07 실습과 달리 "
                  "여기서는 b가 1차원입니다).")
BATCH_DB_AXIS = "db는 예제를 따라(행 방향으로) 더합니다: dZ.sum(axis=0). axis=1은 한 예제 안의 뉴런끼리 더합니다."
BATCH_DA = "앞 층으로 넘길 dA = dZ @ W입니다, 모양 (m, n[l-1]). 예제 하나의 W.T @ db를 행으로 쌓은 것입니다."

D_SIGMOID_OVERFLOW = ("nan이 나왔습니다. x = -1000에서 np.exp(-x)가 넘쳐(overflow) inf / inf = nan이 됩니다. "
                      "np.exp(-x)를 직접 쓰지 말고 넘치지 않는 sigmoid(x)로 σ(x)(1 - σ(x))를 계산하세요.")
BACK_PROP_ERRORS = {
    "does not have enough dimensions": ("숫자 하나(0차원)와 행렬 곱을 했습니다. db가 벡터가 아니라 숫자가 되었습니다: "
                                        "σ'(z)와 da는 원소별로 곱합니다 (@나 np.dot이 아니라 *)."),
    "not aligned": ("np.dot의 모양이 맞지 않습니다. dW는 내적이 아니라 외적 np.outer(db, a_prev)로 구하고, "
                    "앞 층으로 넘길 da는 W.T @ db로 구하세요."),
    "matmul": ("행렬 곱의 모양이 맞지 않습니다. 앞 층으로 넘길 da는 W.T @ db입니다 (W를 전치). "
               "dW는 @가 아니라 외적 np.outer(db, a_prev)입니다."),
}
BATCH_ERRORS = {
    "not aligned": "행렬 곱의 모양이 맞지 않습니다. 행이 예제이므로 dW = dZ.T @ A_prev, dA = dZ @ W입니다.",
    "matmul": "행렬 곱의 모양이 맞지 않습니다. 행이 예제이므로 dW = dZ.T @ A_prev, dA = dZ @ W입니다.",
}


def d_sig(x):
    """σ'(x) = σ(x) σ(-x), for the mistakes below (written unlike the answer, which ships to no student)."""
    return sigmoid(x) * sigmoid(-x)


def _seeded(function_, seed, *args):
    """``function_(*args)`` right after ``np.random.seed(seed)``; the global generator is put back."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        return function_(*args)
    finally:
        np.random.set_state(state)


def _quietly(compute):
    """Wrong values on extreme inputs may overflow: they are computed without warnings."""
    with np.errstate(all="ignore"):
        try:
            return compute()
        except (ValueError, IndexError, ZeroDivisionError):
            return None  # the mistake does not fit these shapes: no hint from it


def _mistakes(pairs):
    """The ``(hint, value)`` pairs whose value could be computed."""
    return [(hint, value) for hint, value in pairs if value is not None]


# ── shapes of hidden cases: the edges where wrong code looks right, then random ones ──

EDGES = (("이웃한 층의 크기가 같음", 3), ("유닛 하나, 예제 하나", 2), ("넓은 행렬과 좁고 긴 행렬", 4),
         ("좁고 긴 행렬과 넓은 행렬", 2), ("무작위", 1), ("무작위", 3))  # (what the trial tests, depth L)
TRIALS = len(EDGES)


def _dims(rng, trial):
    """``neurons_per_layer`` and a number of examples for hidden trial ``trial`` (see ``EDGES``).

    Equal sizes everywhere (the input too), so ``np.dot(db, a_prev)`` and ``W @ db`` run
    without an error; single units and one example; alternating small and large layers,
    so every ``W`` is tall or wide; then random sizes. The number of examples is never the
    number of outputs (except with single units), so dividing by the one or the other shows.
    """
    count = EDGES[trial][1] + 1
    if trial == 0:
        n = int(rng.integers(2, 6))
        return [n] * count, n + int(rng.integers(1, 3))
    if trial == 1:
        return [1] * count, 1
    if trial in (2, 3):
        small, large = int(rng.integers(2, 4)), int(rng.integers(7, 10))
        pattern = (large, small) if trial == 2 else (small, large)
        return [pattern[i % 2] for i in range(count)], large + 1
    dims = [int(n) for n in rng.integers(2, 8, size=count)]
    return dims, dims[-1] + int(rng.integers(1, 4))


def _detail(trial, dims, extra=""):
    return f"{EDGES[trial][0]}: neurons_per_layer {dims}{extra}"


def _random_parameters(rng, dims, scale=1.0):
    """Parameters of any shape, scaled like ``initialize_parameters`` (times ``scale``)."""
    parameters = {}
    for l in range(1, len(dims)):
        spread = scale * np.sqrt(1 / dims[l])
        parameters["W" + str(l)] = rng.standard_normal((dims[l], dims[l - 1])) * spread
        parameters["b" + str(l)] = rng.standard_normal(dims[l]) * spread
    return parameters


def _one_hot(rng, m, n):
    return np.eye(n)[rng.integers(0, n, size=m)]


# ── d_sigmoid ──

OUTPUT = "d_sigmoid(x)"


def _d_sigmoid_mistakes(x):
    x = np.asarray(x, dtype=float)
    s = sigmoid(x)
    return _mistakes([
        ("시그모이드 값 σ(x)가 아니라 그 도함수 σ(x)(1 - σ(x))를 돌려주세요.", s),
        ("x * (1 - x)는 x가 이미 σ(z)일 때의 식입니다. d_sigmoid(x)는 z를 받으므로 "
         "sigmoid(x) * (1 - sigmoid(x))로 쓰세요.", _quietly(lambda: x * (1 - x))),
        ("부호가 반대입니다. 시그모이드는 증가 함수라 도함수가 항상 0보다 큽니다.", -s * (1 - s)),
        ("분모를 제곱하세요: e^(-x) / (e^(-x) + 1)².", _quietly(lambda: np.exp(-x) / (np.exp(-x) + 1))),
        ("1 - σ(x)²는 시그모이드가 아니라 tanh 쪽의 식입니다. σ(x)(1 - σ(x))를 쓰세요.", 1 - s ** 2),
        ("σ(x)(1 - σ(x))입니다. 1 - σ(x)를 곱하세요 (1 + σ(x)가 아니라).", s * (1 + s)),
    ])


def _not_finite(value):
    try:
        return not bool(np.all(np.isfinite(value)))
    except TypeError:
        return False


def _compare_d_sigmoid(label, got, inputs, expected):
    x = inputs["x"]
    mistakes = _d_sigmoid_mistakes(x)
    if np.shape(got[OUTPUT]) == np.shape(expected[OUTPUT]) and _not_finite(got[OUTPUT]):
        fail(f"{label}의 결과", ["nan이나 inf가 있습니다."], [D_SIGMOID_OVERFLOW])
    if np.ndim(x) == 0:
        check_scalar(f"{label}의 결과", got[OUTPUT], expected[OUTPUT], mistakes)
    else:
        check_array(f"{label}의 결과", got[OUTPUT], expected[OUTPUT], mistakes)


def _d_sigmoid_cases():
    return [Case({"x": 2.0}, title="숫자 하나"),
            Case({"x": np.array([[-4.0, -1.0, -0.5], [0.5, 2.0, 10.0]])}, title="배열: 원소마다 계산합니다")]


def _hidden_d_sigmoid(rng, trial):
    if trial == 0:
        return Case({"x": float(rng.normal(0, 2))}, detail="숫자 하나")
    if trial == 1:
        return Case({"x": np.zeros(int(rng.integers(2, 5)))}, detail="모두 0인 배열")
    if trial == 2:
        x = rng.uniform(15, 40, size=(2, 3)) * rng.choice([-1.0, 1.0], size=(2, 3))
        x[:, 0] = [-1000.0, 1000.0]
        return Case({"x": x}, detail="절댓값이 큰 값 (15~40과 ±1000)")
    if trial == 3:
        return Case({"x": rng.normal(0, 3, size=(int(rng.integers(2, 6)), int(rng.integers(2, 6))))},
                    detail="2차원 배열 (예제가 행인 z)")
    if trial == 4:
        return Case({"x": np.array([float(rng.normal())])}, detail="원소 하나인 배열")
    return Case({"x": float(rng.uniform(-8, -3))}, detail="음수 하나")


# ── backprop_one_neuron_chain ──

def _chain(x, y, weights, biases, *, deriv="z", through="db", use_input=False, start=1.0, reverse=False):
    """A chain's ``{"dweights": [...], "dbiases": [...]}`` as an answer with these choices computes it."""
    a, zs, outputs = x, [], [x]
    for w, b in zip(weights, biases):
        z = w * a + b
        a = sigmoid(z)
        zs.append(z)
        outputs.append(a)
    L = len(weights)
    dweights, dbiases = [0.0] * L, [0.0] * L
    da = start * (a - y)
    for l in range(L, 0, -1):
        factor = {"z": d_sig(zs[l - 1]), "none": 1.0, "a": d_sig(outputs[l])}[deriv]
        db = factor * da
        dweights[l - 1] = float((x if use_input else outputs[l - 1]) * db)
        dbiases[l - 1] = float(db)
        da = {"db": weights[l - 1] * db, "no_w": db, "da": weights[l - 1] * da}[through]
    if reverse:
        dweights, dbiases = dweights[::-1], dbiases[::-1]
    return {"dweights": dweights, "dbiases": dbiases}


def _chain_mistakes(x, y, weights, biases):
    args = (x, y, weights, biases)
    return [(REVERSED, _chain(*args, reverse=True)),
            (SIGN, _chain(*args, start=-1.0)),
            (NO_HALF, _chain(*args, start=2.0)),
            (NO_DERIV, _chain(*args, deriv="none")),
            (DERIV_OF_A, _chain(*args, deriv="a")),
            (CHAIN_NO_W, _chain(*args, through="no_w")),
            (CHAIN_NO_DERIV, _chain(*args, through="da")),
            (CHAIN_INPUT, _chain(*args, use_input=True))]


def _numbers(label, got, length):
    """``got`` as a float array: a list (or tuple, or 1-D array) of ``length`` numbers, one per layer."""
    if isinstance(got, np.ndarray) and got.ndim == 1:
        values = list(got)
    elif isinstance(got, (list, tuple)):
        values = list(got)
    else:
        fail(label, [f"층마다 숫자 하나씩 담은 리스트여야 하는데 {type(got).__name__}입니다."],
             ["dweights와 dbiases는 길이 L인 리스트입니다: [dw1, dw2, ..., dwL]."])
    if len(values) != length:
        fail(label, [f"길이가 {length}(층의 수)여야 하는데 {len(values)}입니다."],
             ["층마다 기울기 하나씩, 1번 층부터 L번 층까지 담으세요. 반복문의 범위를 확인하세요."])
    for i, value in enumerate(values):
        if isinstance(value, (bool, np.bool_)) or not (isinstance(value, (int, float, np.number))
                                                      or (isinstance(value, np.ndarray) and value.size == 1)):
            fail(label, [f"{i}번째 값이 숫자가 아니라 {type(value).__name__}입니다."],
                 ["뉴런이 하나씩이므로 기울기도 층마다 숫자 하나입니다."])
    return np.array([float(np.squeeze(value)) for value in values])


def _compare_chain(label, got, inputs, expected):
    mistakes = _chain_mistakes(*inputs.values())
    L = len(inputs["weights"])
    for name in ("dweights", "dbiases"):
        values = _numbers(f"{label}의 {name}", got[name], L)
        check_array(f"{label}의 {name}", values, expected[name], pick(mistakes, name))


def _chain_cases():
    return [Case({"x": 0.9, "y": 1.0, "weights": [0.7, -1.3, 2.1], "biases": [-0.2, 0.4, 0.1]},
                 title="층 3개, 층마다 뉴런 하나")]


def _hidden_chain(rng, trial):
    lengths = (3, 1, 2, 4, 6, 3)
    L = lengths[trial % len(lengths)]
    weights = [float(w) for w in rng.normal(0, 1.5, size=L)]
    biases = [float(b) for b in rng.normal(0, 0.5, size=L)]
    x, y = float(rng.uniform(0.1, 1)), float(rng.integers(0, 2))
    detail = f"층 {L}개"
    if trial == 1:
        detail = "층 하나"
    if trial == 5:
        x, detail = 0.0, "입력 x = 0 (첫 층의 dw가 0)"
    return Case({"x": x, "y": y, "weights": weights, "biases": biases}, detail=detail)


# ── back_prop ──

def _backward(prediction, y, cache, parameters, *, start="n", deriv="z", outer="db,a", through="WT@db",
              own_output=False):
    """One example's gradients as an answer with these choices computes them (None if the shapes refuse)."""
    def compute():
        L = len(cache) // 2
        da = {"n": (prediction - y) / y.shape[0], "none": prediction - y, "neg": (y - prediction) / y.shape[0]}[start]
        gradients = {}
        for l in range(L, 0, -1):
            z, W = cache["z" + str(l)], parameters["W" + str(l)]
            a_prev = cache["a" + str(l if own_output else l - 1)]
            factor = {"z": d_sig, "none": lambda _: 1.0, "a": lambda _: d_sig(cache["a" + str(l)]),
                      "sigmoid": sigmoid}[deriv](z)
            db = factor * da
            gradients["dW" + str(l)] = np.outer(db, a_prev) if outer == "db,a" else np.outer(a_prev, db)
            gradients["db" + str(l)] = db
            da = {"WT@db": lambda: W.T @ db, "W@db": lambda: W @ db, "WT@da": lambda: W.T @ da}[through]()
        return gradients
    return _quietly(compute)


def _back_prop_mistakes(prediction, y, cache, parameters):
    args = (prediction, y, cache, parameters)
    return _mistakes([(SIGN, _backward(*args, start="neg")),
                      (START_N, _backward(*args, start="none")),
                      (NO_DERIV, _backward(*args, deriv="none")),
                      (SIGMOID_NOT_DERIV, _backward(*args, deriv="sigmoid")),
                      (DERIV_OF_A, _backward(*args, deriv="a")),
                      (OUTER_ORDER, _backward(*args, outer="a,db")),
                      (OWN_OUTPUT, _backward(*args, own_output=True)),
                      (PROPAGATE_DB, _backward(*args, through="WT@da")),
                      (W_NOT_T, _backward(*args, through="W@db"))])


def _no_scalar_gradients(label, gradients):
    """``np.dot(db, a_prev)`` of two equal-length vectors gives one number where ``dW`` is a matrix."""
    if not isinstance(gradients, dict):
        return
    for key, value in gradients.items():
        if str(key).startswith("dW") and not isinstance(value, (dict, list, tuple)) and np.ndim(value) == 0:
            fail(f"{label}[{key!r}]", ["행렬이어야 하는데 숫자 하나입니다."], [OUTER])


def _compare_back_prop(label, got, inputs, expected):
    _no_scalar_gradients(label, got["gradients"])
    check_dict(label, got["gradients"], expected, _back_prop_mistakes(*inputs.values()))


def _back_prop_inputs(dims, seed):
    """A network ``dims`` from the given ``initialize_parameters`` after ``seed``, one example through it."""
    parameters = _seeded(initialize_parameters, seed, dims)
    x = np.random.default_rng(seed).uniform(0, 1, dims[0])
    prediction, cache = feed_forward(x, parameters)
    return prediction, cache, parameters


def _back_prop_cases():
    """One example of 4 features through ``[4, 3, 3, 2]`` (the network of lesson 02's checks), label 1."""
    prediction, cache, parameters = _back_prop_inputs([4, 3, 3, 2], seed=2)
    return [Case({"prediction": prediction, "y": np.array([0.0, 1.0]), "cache": cache, "parameters": parameters})]


def _hidden_back_prop(rng, trial):
    dims, _ = _dims(rng, trial)
    parameters = _random_parameters(rng, dims)
    x = rng.uniform(0, 1, dims[0])
    if trial == 5:
        x[rng.integers(0, dims[0])] = 0.0
    prediction, cache = feed_forward(x, parameters)
    y = _one_hot(rng, 1, dims[-1])[0]
    return Case({"prediction": prediction, "y": y, "cache": cache, "parameters": parameters},
                detail=_detail(trial, dims))


# ── update ──

def _stepped(parameters, gradients, rate, layers, keys="Wb"):
    new = dict(parameters)
    for l in layers:
        for key in keys:
            new[key + str(l)] = parameters[key + str(l)] - rate * gradients["d" + key + str(l)]
    return new


def _moved_by_another_rate(before, gradient, rate):
    """A predicate: an array moved from ``before`` along ``-gradient`` by one rate, not 0 and not ``rate``."""
    def check(got):
        try:
            step, direction = np.ravel(before - got), np.ravel(gradient)
        except (TypeError, ValueError):
            return False
        if step.shape != direction.shape or not direction.any():
            return False
        found = step @ direction / (direction @ direction)
        return (not np.isclose(found, 0) and not np.isclose(found, rate, rtol=RTOL)
                and np.allclose(step, found * direction, rtol=RTOL, atol=1e-12))
    return check


def _compare_update(label, got, inputs, expected):
    parameters, gradients, alpha, m = (inputs[name] for name in ("parameters", "gradients", "alpha", "m"))
    if got["parameters"] is None:
        fail(label, ["None을 반환했습니다."], ["함수 끝에서 return parameters를 하세요 (강의 코드처럼)."])
    L = len(parameters) // 2
    every = range(1, L + 1)
    mistakes = [(UPDATE_SIGN, _stepped(parameters, gradients, -alpha / m, every)),
                (UPDATE_NO_M, _stepped(parameters, gradients, alpha, every)),
                (UPDATE_TWICE, _stepped(parameters, gradients, alpha / m / m, every)),
                (UPDATE_NO_ALPHA, _stepped(parameters, gradients, 1 / m, every)),
                (UPDATE_ONLY_W, _stepped(parameters, gradients, alpha / m, every, keys="W")),
                (UPDATE_DOUBLE, _stepped(parameters, gradients, 2 * alpha / m, every)),
                (UPDATE_FIXED, _stepped(parameters, gradients, alpha / LECTURE_M, every)),
                (UPDATE_FIXED, _stepped(parameters, gradients, LECTURE_ALPHA / m, every))]
    if L > 1:
        mistakes.append((UPDATE_RANGE, _stepped(parameters, gradients, alpha / m, range(1, L))))
    mistakes.append((UPDATE_OTHER_RATE, {key: _moved_by_another_rate(value, gradients["d" + key], alpha / m)
                                         for key, value in parameters.items()}))
    check_dict(label, got["parameters"], expected, mistakes)


def _update_expected(ref, inputs):
    """The reference changes its ``parameters`` in place: it gets a copy, so the inputs stay as drawn."""
    parameters, gradients, alpha, m = (inputs[name] for name in ("parameters", "gradients", "alpha", "m"))
    return ref.update(copy.deepcopy(parameters), gradients, alpha, m)


def _gradients_like(rng, parameters, spread):
    return {"d" + key: rng.standard_normal(value.shape) * spread for key, value in parameters.items()}


LECTURE_ALPHA, LECTURE_M = 300, 250


def _update_cases():
    """The lecture's learning rate and training-set size (alpha = 300, m = 250), then other ones."""
    rng = np.random.default_rng(4)
    parameters = _random_parameters(rng, [3, 4, 2])
    gradients = _gradients_like(rng, parameters, 0.05)
    other = _random_parameters(rng, [2, 3, 3, 1])
    return [Case({"parameters": parameters, "gradients": gradients, "alpha": LECTURE_ALPHA, "m": LECTURE_M},
                 title="강의의 학습률과 예제 수"),
            Case({"parameters": other, "gradients": _gradients_like(rng, other, 0.5), "alpha": 2.0, "m": 8},
                 title="층 3개, alpha = 2.0, m = 8")]


def _hidden_update(rng, trial):
    dims, _ = _dims(rng, trial)
    parameters = _random_parameters(rng, dims)
    m = 1 if trial == 1 else int(rng.integers(2, 300))
    gradients = _gradients_like(rng, parameters, float(rng.uniform(0.05, 1)) * min(m, 20))
    alpha = float(rng.uniform(0.1, 3)) * (m if trial == 4 else 1)
    return Case({"parameters": parameters, "gradients": gradients, "alpha": alpha, "m": m},
                detail=_detail(trial, dims, f", alpha {alpha:.3f}, m {m}"))


# ── train_nn ──

def _loss(X, Y, parameters):
    A, _ = feed_forward_batch(X, parameters)
    return float(np.mean((A - Y) ** 2) / 2)


def _train(X, Y, dims, epoch, alpha, seed, mode="full", rate=1.0):
    """``{"loss_list": ..., "W1": ..., ...}`` of a training as an answer with these choices runs it.

    ``mode``: "full" (sum every example's gradients, update once), "per_example" (the
    lecture's shallow copy: update after every example), "last" (only the last example's
    gradients), "kept" (the sum never reset between epochs), "frozen" (never updated).
    ``rate`` multiplies ``alpha / m``.
    """
    parameters = _seeded(initialize_parameters, seed, dims)
    m, losses, total = len(X), [], None
    for _ in range(epoch):
        if mode == "per_example":
            for x, y in zip(X, Y):
                prediction, cache = feed_forward(x, parameters)
                parameters = _stepped(parameters, _backward(prediction, y, cache, parameters), rate * alpha / m,
                                      range(1, len(dims)))
        elif mode != "frozen":
            total = total if mode == "kept" else None
            for x, y in zip(X, Y):
                prediction, cache = feed_forward(x, parameters)
                gradients = _backward(prediction, y, cache, parameters)
                total = gradients if total is None or mode == "last" else {k: total[k] + gradients[k] for k in total}
            parameters = _stepped(parameters, total, rate * alpha / m, range(1, len(dims)))
        losses.append(_loss(X, Y, parameters))
    return {"loss_list": losses, **parameters}


def _train_mistakes(inputs):
    X, Y, dims, epoch, alpha, seed = (inputs[name] for name in ("X_train", "Y_train", "neurons_per_layer", "epoch",
                                                                "alpha", "seed"))
    m = len(X)
    run = lambda **choice: _train(X, Y, dims, epoch, alpha, seed, **choice)  # noqa: E731
    mistakes = [(NOT_UPDATED, run(mode="frozen"))]
    if m > 1:
        mistakes += [(SHALLOW, run(mode="per_example")), (TWICE_M, run(rate=1 / m)), (LAST_ONLY, run(mode="last"))]
    if epoch > 1:
        mistakes.append((KEPT_SUM, run(mode="kept")))
    mistakes += [(UPDATE_SIGN, run(rate=-1.0)), (UPDATE_NO_M, run(rate=m)), (TWO_UPDATES, run(rate=2.0))]
    if m != PUBLIC_M:
        mistakes.append((TRAIN_FIXED, run(rate=m / PUBLIC_M)))
    if alpha != PUBLIC_ALPHA:
        mistakes.append((TRAIN_FIXED, run(rate=PUBLIC_ALPHA / alpha)))
    return mistakes


def _close_enough(label, got, expected, tolerance, hint):
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    error = np.abs(got - expected)
    allowed = tolerance * np.maximum(1.0, np.abs(expected))
    if (error > allowed).any():
        index = tuple(int(i) for i in np.argwhere(error > allowed)[0])
        fail(label, [f"값이 기댓값과 {tolerance:g}보다 더 다릅니다.",
                     f"처음 다른 위치 {list(index)}: 기댓값 {expected[index]!r}, 받은 값 {got[index]!r}"], [hint])


def _compare_train_nn(label, got, inputs, expected):
    epoch = inputs["epoch"]
    expected_parameters = {key: value for key, value in expected.items() if key != "loss_list"}
    mistakes = _train_mistakes(inputs)
    losses = _numbers(f"{label}의 loss_list", got["loss_list"], epoch) if epoch else np.zeros(0)
    check_dict(f"{label}의 parameters", got["parameters"], expected_parameters,
               [(hint, {k: v for k, v in wrong.items() if k != "loss_list"}) for hint, wrong in mistakes])
    check_array(f"{label}의 loss_list", losses, expected["loss_list"], pick(mistakes, "loss_list"))
    precision = ("계산 순서가 달라 생기는 반올림 오차보다 큰 차이입니다. float32가 아닌 float64로 계산하고, "
                 "예제마다의 기울기를 더한 합으로 에폭마다 한 번 update하는지 확인하세요.")
    for key, value in expected_parameters.items():
        _close_enough(f"{label}의 parameters[{key!r}]", got["parameters"][key], value, TRAIN_TOLERANCE, precision)
    _close_enough(f"{label}의 loss_list", losses, expected["loss_list"], TRAIN_TOLERANCE, precision)


def _train_nn_expected(ref, inputs):
    args = [inputs[name] for name in ("X_train", "Y_train", "X_test", "Y_test", "neurons_per_layer", "epoch", "alpha")]
    loss_list, parameters = _seeded(ref.train_nn, inputs["seed"], *args)
    return {"loss_list": loss_list, **parameters}


PUBLIC_M, PUBLIC_ALPHA = 6, 5.0


def _train_nn_cases():
    """Six examples of 4 features, 3 classes, a ``[4, 5, 3]`` network, 3 epochs; then four examples, 2 epochs."""
    rng = np.random.default_rng(5)
    X = rng.uniform(0, 1, (8, 4))
    Y = np.eye(3)[[0, 1, 2, 1, 0, 2, 1, 0]]
    six = {"X_train": X[:PUBLIC_M], "Y_train": Y[:PUBLIC_M], "X_test": X[PUBLIC_M:], "Y_test": Y[PUBLIC_M:],
           "neurons_per_layer": [4, 5, 3], "epoch": 3, "alpha": PUBLIC_ALPHA, "seed": 1}
    four = {"X_train": X[:4, :3], "Y_train": np.eye(2)[[0, 1, 1, 0]], "X_test": X[4:, :3],
            "Y_test": np.eye(2)[[1, 0, 0, 1]], "neurons_per_layer": [3, 2, 2], "epoch": 2, "alpha": 2.0, "seed": 3}
    return [Case(six, title="np.random.seed(1)을 부른 바로 다음에 호출합니다"),
            Case(four, title="예제 4개, 에폭 2번, alpha = 2.0, np.random.seed(3) 다음에 호출합니다")]


def _hidden_train_nn(rng, trial):
    dims, m = _dims(rng, trial)
    m = min(m, 6)
    X = rng.uniform(0, 1, (m + 2, dims[0]))
    Y = _one_hot(rng, m + 2, dims[-1])
    epoch = (2, 3, 1, 2, 4, 3)[trial]
    alpha = float(rng.uniform(1, 4))
    seed = int(rng.integers(100, 100_000))
    return Case({"X_train": X[:m], "Y_train": Y[:m], "X_test": X[m:], "Y_test": Y[m:],
                 "neurons_per_layer": dims, "epoch": epoch, "alpha": alpha, "seed": seed},
                detail=_detail(trial, dims, f", 예제 {m}개, 에폭 {epoch}번, alpha {alpha:.3f}, "
                                            f"np.random.seed({seed})"))


# ── back_prop_batch ──

def _backward_batch(X, Y, cache, parameters, *, start="n", deriv="z", dW="dZ.T@A", db="axis0", dA="dZ@W",
                    mean=False):
    """All examples' summed gradients as an answer with these choices computes them (None if shapes refuse)."""
    def compute():
        L = len(cache) // 2
        m = X.shape[0]
        divisor = {"n": Y.shape[1], "m": Y.shape[0], "none": 1}[start]
        grad = (cache["a" + str(L)] - Y) / divisor
        gradients = {}
        for l in range(L, 0, -1):
            Z, W, A_prev = cache["z" + str(l)], parameters["W" + str(l)], cache["a" + str(l - 1)]
            dZ = (d_sig(Z) if deriv == "z" else 1.0) * grad
            gradients["dW" + str(l)] = (dZ.T @ A_prev if dW == "dZ.T@A" else A_prev.T @ dZ) / (m if mean else 1)
            summed = {"axis0": lambda: dZ.sum(axis=0), "none": lambda: dZ, "axis1": lambda: dZ.sum(axis=1),
                      "keepdims": lambda: dZ.sum(axis=0, keepdims=True)}[db]()
            gradients["db" + str(l)] = summed / (m if mean else 1)
            grad = dZ @ W if dA == "dZ@W" else dZ @ W.T
        return gradients
    return _quietly(compute)


def _back_prop_batch_mistakes(X, Y, cache, parameters):
    args = (X, Y, cache, parameters)
    return _mistakes([(BATCH_START_M, _backward_batch(*args, start="m")),
                      (BATCH_MEAN, _backward_batch(*args, mean=True)),
                      (BATCH_START_N, _backward_batch(*args, start="none")),
                      (NO_DERIV, _backward_batch(*args, deriv="none")),
                      (BATCH_DW, _backward_batch(*args, dW="A.T@dZ")),
                      (BATCH_KEEPDIMS, _backward_batch(*args, db="keepdims")),
                      (BATCH_DB, _backward_batch(*args, db="none")),
                      (BATCH_DB_AXIS, _backward_batch(*args, db="axis1")),
                      (BATCH_DA, _backward_batch(*args, dA="dZ@W.T"))])


def _compare_back_prop_batch(label, got, inputs, expected):
    check_dict(label, got["gradients"], expected, _back_prop_batch_mistakes(*inputs.values()))
    for key, value in expected.items():
        _close_enough(f"{label}[{key!r}]", got["gradients"][key], value, BATCH_TOLERANCE,
                      "예제마다 back_prop을 부른 결과의 합과 반올림 오차 이상으로 다릅니다. float64로 계산하세요.")


def _back_prop_batch_inputs(X, Y, parameters):
    _, cache = feed_forward_batch(X, parameters)
    return {"X": X, "Y": Y, "cache": cache, "parameters": parameters}


def _back_prop_batch_cases():
    """Five examples as rows through the network of ``back_prop``'s check; the first row is its ``x``."""
    rng = np.random.default_rng(2)
    parameters = _seeded(initialize_parameters, 2, [4, 3, 3, 2])
    x = rng.uniform(0, 1, 4)
    X = np.vstack([x, np.random.default_rng(6).uniform(0, 1, (4, 4))])
    Y = np.eye(2)[[1, 0, 0, 1, 1]]
    return [Case(_back_prop_batch_inputs(X, Y, parameters))]


def _hidden_back_prop_batch(rng, trial):
    dims, m = _dims(rng, trial)
    parameters = _random_parameters(rng, dims)
    X = rng.uniform(0, 1, (m, dims[0]))
    Y = _one_hot(rng, m, dims[-1])
    return Case(_back_prop_batch_inputs(X, Y, parameters), detail=_detail(trial, dims, f", X {X.shape}"))


NUMERICAL = "dlutils.gradcheck.numerical_gradient"  # lesson 07's tool: differences instead of backpropagation
SIGMOID_BACKWARD = "dlutils.activations.sigmoid_backward"  # lesson 07's tool: sigmoid_backward(1, x) is σ'(x)


def _returns(name, *outputs):
    def expected(ref, inputs):
        result = getattr(ref, name)(*inputs.values())
        return dict(zip(outputs, result)) if len(outputs) > 1 else {outputs[0]: result}
    return expected


def _gradients_of(name):
    return lambda ref, inputs: getattr(ref, name)(*inputs.values())


EXERCISES = [
    function("d_sigmoid", ("x",), (OUTPUT,), show_inputs=True, forbids=(SIGMOID_BACKWARD, NUMERICAL),
             public=_d_sigmoid_cases, hidden=_hidden_d_sigmoid, trials=TRIALS,
             expected=_returns("d_sigmoid", OUTPUT), compare=_compare_d_sigmoid),
    function("backprop_one_neuron_chain", ("x", "y", "weights", "biases"), ("dweights", "dbiases"),
             calls=("d_sigmoid",), show_inputs=True, forbids=(NUMERICAL,),
             public=_chain_cases, hidden=_hidden_chain, trials=TRIALS,
             expected=_returns("backprop_one_neuron_chain", "dweights", "dbiases"), compare=_compare_chain),
    function("back_prop", ("prediction", "y", "cache", "parameters"), ("gradients",), calls=("d_sigmoid",),
             forbids=(NUMERICAL,),
             public=_back_prop_cases, hidden=_hidden_back_prop, trials=TRIALS,
             expected=_gradients_of("back_prop"), compare=_compare_back_prop, error_hints=BACK_PROP_ERRORS),
    function("update", ("parameters", "gradients", "alpha", "m"), ("parameters",), may_modify=("parameters",),
             public=_update_cases, hidden=_hidden_update, trials=TRIALS,
             expected=_update_expected, compare=_compare_update,
             mutation_hints={"gradients": "gradients의 배열을 제자리에서 고쳤습니다 (예: dW *= alpha). "
                                          "alpha * dW / m처럼 새 값을 만들어 빼세요."}),
    function("train_nn", ("X_train", "Y_train", "X_test", "Y_test", "neurons_per_layer", "epoch", "alpha"),
             ("loss_list", "parameters"), seed_input="seed", calls=("back_prop", "update"),
             public=_train_nn_cases, hidden=_hidden_train_nn, trials=TRIALS,
             expected=_train_nn_expected, compare=_compare_train_nn),
    function("back_prop_batch", ("X", "Y", "cache", "parameters"), ("gradients",),
             calls=("d_sigmoid", "back_prop"), forbids=(NUMERICAL,),
             public=_back_prop_batch_cases, hidden=_hidden_back_prop_batch, trials=TRIALS,
             expected=_gradients_of("back_prop_batch"), compare=_compare_back_prop_batch,
             error_hints=BATCH_ERRORS),
]
