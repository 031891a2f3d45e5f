"""Lesson 09 (activations, output functions, losses, three kinds of gradient descent): every graded function.

Conventions of the lesson: examples are COLUMNS, as in lesson 07. ``softmax(z)`` normalises
each column of ``z`` ``(K, m)``; ``mse``, ``binary_cross_entropy`` (``(1, m)``) and
``categorical_cross_entropy`` (``(K, m)``) add over the rows and average over the ``m``
columns, and both cross-entropies first clip predictions to ``[1e-12, 1 - 1e-12]``;
``make_mini_batches`` shuffles the columns of ``X`` and ``Y`` with ONE permutation from
``np.random.default_rng(seed)`` and keeps the last, smaller batch; ``train`` is spelled
out in ``dlutils.reference.lesson09.train`` and calls ``make_mini_batches``, ``softmax``
and ``categorical_cross_entropy`` (answered by the reference while it is graded).

Hidden cases hold the edges where wrong code looks right: exact zeros (where the
leaky ReLU's derivative is ``alpha``), exact 0 and 1 predictions (where an unclipped
log gives nan or inf), huge values (where a naive ``exp`` overflows), square and
one-column matrices (where a wrong axis hides), batch sizes that do not divide ``m``
and the three kinds of gradient descent. Mistakes are the outputs typical wrong
answers produce, each with its Korean hint.
"""
import numpy as np

from dlutils.given.lesson09 import backward_from_dZ, forward_logits, initialize_parameters_he
from testcases.engine.compare import check_array, check_dict, check_scalar, matching_hint, pick
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

EPS = 1e-12
OVERFLOW = ("nan이나 inf가 나왔습니다. |x|가 크면 np.exp(x)가 넘쳐서(overflow) inf / inf = nan이 됩니다. "
            "np.tanh(x)를 쓰거나, 넘치지 않는 식 np.sign(x) * (1 - e) / (1 + e), e = np.exp(-2 * np.abs(x))를 쓰세요.")
SOFTMAX_OVERFLOW = ("nan이 나왔습니다. np.exp가 넘쳐서(overflow) inf / inf가 되었거나, 모든 값이 0이 되어 0 / 0이 되었습니다. "
                    "열마다 그 열의 최댓값을 빼고 exp를 계산하세요: z - np.max(z, axis=0, keepdims=True).")
NO_CLIP = ("nan이나 inf가 나왔습니다. 예측이 정확히 0이나 1이면 np.log(0) = -inf이고, 0 * (-inf) = nan입니다. "
           "로그를 취하기 전에 y_hat = np.clip(y_hat, eps, 1 - eps)로 (eps = 1e-12) 잘라 두세요.")
EPS_1E7 = ("eps는 1e-12입니다 (06 실습의 1e-7이 아니라). 1e-7을 더하거나 1e-7로 자르면 정확히 틀린 예측"
           "(정답 확률 0)의 손실이 달라집니다: np.clip(y_hat, 1e-12, 1 - 1e-12).")
KEYWORD_CALL = ("함수가 받지 않는 이름의 인자를 넘겼습니다. 인자 이름을 확인하세요: make_mini_batches(X, Y, batch_size, seed), "
                "softmax(z), categorical_cross_entropy(y_hat, y).")


def _detail(edge, text):
    return f"{edge}: {text}"


def _not_finite(got):
    try:
        return not bool(np.all(np.isfinite(got)))
    except TypeError:
        return False


# ── element-wise activations: tanh, d_tanh, leaky_relu, d_leaky_relu ──

ELEMENTWISE_EDGES = ("정확히 0이 들어 있음", "원소 하나", "아주 큰 값 (|x| ≥ 500)", "모두 음수", "1차원 배열", "무작위")


def _elementwise_input(rng, trial):
    """``x`` for hidden trial ``trial`` (see ``ELEMENTWISE_EDGES``): always floats."""
    if trial == 0:
        x = rng.normal(0, 2, (int(rng.integers(2, 4)), int(rng.integers(3, 6))))
        x[rng.uniform(size=x.shape) < 0.4] = 0.0
        x[0, 0] = 0.0
    elif trial == 1:
        x = np.full((1, 1), float(rng.choice([-1.5, 0.0, 2.5])))
    elif trial == 2:
        x = rng.choice([-1, 1], size=(2, 4)) * rng.uniform(500, 1000, (2, 4))
        x[0, 0], x[1, 1] = 0.0, -0.5
    elif trial == 3:
        x = -rng.uniform(0.1, 5, (int(rng.integers(2, 5)), int(rng.integers(1, 4))))
    elif trial == 4:
        x = rng.normal(0, 3, int(rng.integers(3, 9)))
        x[int(rng.integers(0, x.size))] = 0.0
    else:
        x = rng.normal(0, 3, (int(rng.integers(1, 5)), int(rng.integers(1, 6))))
    return x, ELEMENTWISE_EDGES[min(trial, len(ELEMENTWISE_EDGES) - 1)]


def _sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


ACTIVATION_INPUT = np.array([[-800.0, -2.0, -0.5, 0.0], [0.5, 1.0, 2.0, 800.0]])


def _hidden_x(rng, trial):
    x, edge = _elementwise_input(rng, trial)
    return Case({"x": x}, detail=_detail(edge, f"x {x.shape}"))


def _compare_tanh(label, got, inputs, expected):
    x = inputs["x"]
    t = np.tanh(x)
    mistakes = [(OVERFLOW, _not_finite),
                ("tanh가 아니라 시그모이드를 계산했습니다. tanh의 값은 -1과 1 사이입니다.", _sigmoid(x)),
                ("tanh(x) = 2σ(2x) - 1입니다. 괄호 안의 x에 2를 곱하세요 (2σ(x) - 1은 tanh(x / 2)입니다).",
                 2 * _sigmoid(x) - 1),
                ("tanh의 도함수가 아니라 tanh 자체를 돌려주세요.", 1 - t ** 2)]
    check_array(label, got["A"], expected["A"], mistakes)


def _compare_d_tanh(label, got, inputs, expected):
    x = inputs["x"]
    t = np.tanh(x)
    mistakes = [("d_tanh(x)의 x는 tanh를 지나기 전의 값입니다. 1 - x ** 2가 아니라 1 - tanh(x) ** 2입니다 "
                 "(1 - a ** 2는 a = tanh(x)일 때의 식입니다).", 1 - x ** 2),
                ("tanh(x)를 제곱하세요: 1 - tanh(x) ** 2.", 1 - t),
                ("tanh(x) * (1 - tanh(x))는 시그모이드의 도함수 모양입니다. tanh의 도함수는 1 - tanh(x) ** 2입니다.",
                 t * (1 - t)),
                ("도함수가 아니라 tanh 자체를 돌려주었습니다. 1 - tanh(x) ** 2를 돌려주세요.", t),
                (OVERFLOW, _not_finite)]
    check_array(label, got["dA"], expected["dA"], mistakes)


def _leaky(x, alpha):
    return np.where(x > 0, x, alpha * x)


def _compare_leaky_relu(label, got, inputs, expected):
    x, alpha = inputs["x"], inputs["alpha"]
    mistakes = [("기울기 alpha를 양수 쪽에 곱했습니다. x > 0이면 x 그대로, x ≤ 0이면 alpha * x입니다.",
                 np.where(x > 0, alpha * x, x)),
                ("음수 쪽을 0으로 만들면 보통의 ReLU입니다. leaky ReLU는 x ≤ 0에서 alpha * x입니다.", np.maximum(0, x)),
                ("alpha를 0.01로 적어 넣지 말고 인자 alpha를 쓰세요. 채점할 때는 다른 alpha로도 부릅니다.",
                 _leaky(x, 0.01) if alpha != 0.01 else np.full(x.shape, np.nan))]
    check_array(label, got["A"], expected["A"], mistakes)


def _compare_d_leaky_relu(label, got, inputs, expected):
    x, alpha = inputs["x"], inputs["alpha"]
    mistakes = [("x = 0에서의 기울기는 alpha입니다 (x > 0일 때만 1). 비교를 x >= 0이 아니라 x > 0으로 쓰세요.",
                 np.where(x >= 0, 1.0, alpha)),
                ("1과 alpha가 바뀌었습니다. x > 0이면 1, x ≤ 0이면 alpha입니다.", np.where(x > 0, alpha, 1.0)),
                ("x ≤ 0에서의 기울기는 0이 아니라 alpha입니다 (보통의 ReLU와 다른 점).", np.where(x > 0, 1.0, 0.0)),
                ("도함수가 아니라 leaky ReLU 자체를 돌려주었습니다.", _leaky(x, alpha)),
                ("alpha를 0.01로 적어 넣지 말고 인자 alpha를 쓰세요. 채점할 때는 다른 alpha로도 부릅니다.",
                 np.where(x > 0, 1.0, 0.01) if alpha != 0.01 else np.full(x.shape, np.nan))]
    check_array(label, got["dA"], expected["dA"], mistakes)
    if got["dA"].dtype.kind != "f":
        fail(label, [f"값은 맞지만 dtype이 {got['dA'].dtype}입니다. 실수(float) 배열이어야 합니다."],
             ["np.where(x > 0, 1.0, alpha)처럼 실수로 쓰거나 .astype(float)로 바꾸세요."])


ALPHAS = (0.01, 0.1, 0.2, 0.05, 0.3, 0.25)


def _hidden_leaky(rng, trial):
    x, edge = _elementwise_input(rng, trial)
    alpha = ALPHAS[trial % len(ALPHAS)]
    return Case({"x": x, "alpha": alpha}, detail=_detail(edge, f"x {x.shape}, alpha={alpha}"))


def _leaky_case():
    x = np.array([[-3.0, -0.5, 0.0, 0.5], [2.0, 0.0, -1.0, 4.0]])
    return [Case({"x": x, "alpha": 0.01}, title="alpha = 0.01"), Case({"x": x, "alpha": 0.2}, title="alpha = 0.2")]


# ── softmax ──

SOFTMAX_EDGES = ("정사각 행렬 (K = m)", "열 하나 (m = 1)", "클래스 하나 (K = 1)", "넓은 행렬, 큰 값", "좁고 긴 행렬, 큰 값",
                 "무작위")


def _softmax_variant(z, max_axis=0, sum_axis=0, shift=True):
    with np.errstate(all="ignore"):
        shifted = z - (np.max(z, axis=max_axis, keepdims=True) if max_axis is not None else np.max(z)) if shift else z
        e = np.exp(shifted)
        return e / (np.sum(e, axis=sum_axis, keepdims=True) if sum_axis is not None else np.sum(e))


def _compare_softmax(label, got, inputs, expected):
    z = inputs["z"]
    mistakes = [(SOFTMAX_OVERFLOW, _not_finite),
                ("행(axis=1)마다 정규화했습니다. 이번 실습은 예제가 열이므로 열마다(axis=0) 합이 1이어야 합니다. "
                 "np.max와 np.sum 모두 axis=0, keepdims=True로 쓰세요.", _softmax_variant(z, 1, 1)),
                ("np.sum(e)는 행렬 전체를 더합니다. 열마다 더하세요: np.sum(e, axis=0, keepdims=True).",
                 _softmax_variant(z, 0, None)),
                ("빼는 최댓값도 열마다 하나씩이어야 합니다: np.max(z, axis=0, keepdims=True). 행마다 다른 값을 빼면 "
                 "결과가 달라집니다.", _softmax_variant(z, 1, 0)),
                ("exp 값을 합으로 나누어 열마다 합이 1이 되게 하세요.", np.exp(z - np.max(z, axis=0, keepdims=True)))]
    check_array(label, got["A"], expected["A"], mistakes)


def _softmax_case():
    z = np.array([[1.0, 1000.0, -1000.0, 0.5],
                  [2.0, 1001.0, -999.0, 0.5],
                  [3.0, 1002.0, -1001.0, 0.5]])
    return [Case({"z": z}, title="열마다 예제 하나: 보통 값, 아주 큰 값, 아주 작은 값, 모두 같은 값")]


def _hidden_softmax(rng, trial):
    if trial == 0:
        K = m = int(rng.integers(2, 5))
    elif trial == 1:
        K, m = int(rng.integers(2, 6)), 1
    elif trial == 2:
        K, m = 1, int(rng.integers(2, 6))
    elif trial == 3:
        K, m = int(rng.integers(2, 4)), int(rng.integers(6, 9))
    elif trial == 4:
        K, m = int(rng.integers(6, 11)), int(rng.integers(2, 4))
    else:
        K, m = int(rng.integers(1, 7)), int(rng.integers(1, 7))
    z = rng.normal(0, 3, (K, m))
    if trial in (1, 3, 4, 5):
        z[:, 0] += float(rng.choice([-1, 1])) * rng.uniform(800, 1200)
    if trial in (0, 3) and m > 1:
        z[:, -1] -= rng.uniform(800, 1200)
    return Case({"z": z}, detail=_detail(SOFTMAX_EDGES[min(trial, 5)], f"z {z.shape}"))


# ── losses ──

LOSS_EDGES = ("정확히 0과 1인 예측", "예제 하나 (m = 1)", "정사각 행렬 (K = m)", "한 클래스만 정답", "무작위")


def _check_loss(label, got, expected, mistakes):
    check_scalar(f"{label}의 loss", got["loss"], expected["loss"], mistakes)


def _compare_mse(label, got, inputs, expected):
    y_hat, y = inputs["y_hat"], inputs["y"]
    K, m = y.shape
    squares = np.sum((y_hat - y) ** 2)
    mistakes = [("1/2을 곱하지 않았습니다. 예제 하나의 손실은 1/2 * ||y_hat - y||^2입니다.", squares / m),
                ("np.mean은 K * m개 원소 모두의 평균입니다. 출력(행)에 대해서는 더하고, 예제(열)의 수 m으로만 "
                 "나누세요: np.sum(...) / (2 * m).", squares / (2 * K * m)),
                ("m은 예제의 수, 즉 열의 수 y.shape[1]입니다. 행의 수 y.shape[0]으로 나누었습니다.", squares / (2 * K)),
                ("예제의 수 m으로 나누어 평균을 내세요.", squares / 2),
                ("오차를 제곱하세요: (y_hat - y) ** 2.", np.sum(np.abs(y_hat - y)) / (2 * m))]
    _check_loss(label, got, expected, mistakes)


def _mse_case():
    return [Case({"y_hat": np.array([[0.5, 1.5, -1.0], [2.0, 0.0, 1.0]]),
                  "y": np.array([[1.0, 1.0, 0.0], [2.0, 1.0, 0.0]])}, title="출력 2개, 예제 3개")]


def _loss_shape(rng, trial):
    if trial == 1:
        return int(rng.integers(2, 5)), 1
    if trial == 2:
        K = int(rng.integers(2, 5))
        return K, K
    return int(rng.integers(2, 5)), int(rng.integers(3, 8))


def _hidden_mse(rng, trial):
    K, m = (1, int(rng.integers(3, 8))) if trial == 3 else _loss_shape(rng, trial)
    y = rng.normal(0, 2, (K, m))
    y_hat = y + rng.normal(0, 1, (K, m))
    if trial == 0:
        y_hat[:, 0] = y[:, 0]
    edge = ("예측과 정답이 같은 예제", "예제 하나 (m = 1)", "정사각 행렬 (K = m)", "출력 하나 (회귀)", "무작위")[min(trial, 4)]
    return Case({"y_hat": y_hat, "y": y}, detail=_detail(edge, f"y_hat {y_hat.shape}"))


def _clipped(y_hat):
    return np.clip(y_hat, EPS, 1 - EPS)


def _bce_terms(y_hat, y, log=np.log):
    p = _clipped(y_hat)
    return y * log(p), (1 - y) * log(1 - p)


def _compare_binary_cross_entropy(label, got, inputs, expected):
    y_hat, y = inputs["y_hat"], inputs["y"]
    m = y.shape[1]
    positive, negative = _bce_terms(y_hat, y)
    with np.errstate(all="ignore"):
        delta = -np.sum(y * np.log(y_hat + 1e-7) + (1 - y) * np.log(1 - y_hat + 1e-7)) / m
        wide = np.clip(y_hat, 1e-7, 1 - 1e-7)
        wide_clip = -np.sum(y * np.log(wide) + (1 - y) * np.log(1 - wide)) / m
    mistakes = [(NO_CLIP, _not_finite),
                (EPS_1E7, delta),
                ("eps는 1e-12입니다: np.clip(y_hat, 1e-12, 1 - 1e-12).", wide_clip),
                ("앞의 마이너스 부호가 빠졌습니다. 교차 엔트로피는 0 이상입니다.", float(np.sum(positive + negative)) / m),
                ("(1 - y) * log(1 - y_hat) 항이 빠졌습니다. 정답이 0인 예제도 손실에 들어가야 합니다.",
                 -float(np.sum(positive)) / m),
                ("np.log(자연로그)를 쓰세요. log10이 아닙니다.", -float(np.sum(sum(_bce_terms(y_hat, y, np.log10)))) / m),
                ("예제 수 m으로 나누어 평균을 내세요.", -float(np.sum(positive + negative)))]
    _check_loss(label, got, expected, mistakes)


def _bce_case():
    return [Case({"y_hat": np.array([[0.9, 0.2, 1.0, 0.0, 0.0, 0.6]]), "y": np.array([[1.0, 0.0, 1.0, 0.0, 1.0, 1.0]])},
                 title="정확히 맞힌 1과 0, 정확히 틀린 0이 있는 예측")]


def _hidden_binary_cross_entropy(rng, trial):
    m = 1 if trial == 1 else int(rng.integers(3, 9))
    y = rng.integers(0, 2, (1, m)).astype(float)
    if trial == 3:
        y[:] = float(rng.integers(0, 2))
    y_hat = rng.uniform(0.02, 0.98, (1, m))
    if trial < 4:
        exact = rng.uniform(size=m) < (1.0 if trial == 2 else 0.5)
        exact[0] = True
        right = (rng.uniform(size=m) < 0.7) | (trial == 2)
        y_hat[0, exact] = np.where(right, y[0], 1 - y[0])[exact]
    edge = ("정확히 0과 1인 예측이 섞임", "예제 하나, 정확히 0이나 1인 예측", "모든 예측이 정확히 맞은 0과 1",
            "정답이 모두 같음", "무작위")[min(trial, 4)]
    return Case({"y_hat": y_hat, "y": y}, detail=_detail(edge, f"y_hat {np.round(y_hat, 3).tolist()}, y {y.tolist()}"))


def _compare_categorical_cross_entropy(label, got, inputs, expected):
    y_hat, y = inputs["y_hat"], inputs["y"]
    K, m = y.shape
    total = float(np.sum(y * np.log(_clipped(y_hat))))
    positive, negative = _bce_terms(y_hat, y)
    with np.errstate(all="ignore"):
        delta = -float(np.sum(y * np.log(y_hat + 1e-7))) / m
        wide_clip = -float(np.sum(y * np.log(np.clip(y_hat, 1e-7, 1 - 1e-7)))) / m
    mistakes = [(NO_CLIP, _not_finite), (EPS_1E7, delta), (EPS_1E7, wide_clip),
                ("np.mean은 K * m개 원소 모두의 평균입니다. 클래스(행)에 대해서는 더하고, 예제(열)의 수 m으로만 "
                 "나누세요: -np.sum(y * np.log(y_hat)) / m.", -total / (K * m)),
                ("m은 예제의 수, 즉 열의 수 y.shape[1]입니다. 행(클래스)의 수 y.shape[0]으로 나누었습니다.", -total / K),
                ("앞의 마이너스 부호가 빠졌습니다. 교차 엔트로피는 0 이상입니다.", total / m),
                ("다중 분류의 교차 엔트로피에는 정답 클래스의 -log(y_hat) 항만 있습니다. 이진 분류처럼 "
                 "(1 - y) * log(1 - y_hat) 항을 더하지 마세요.", -float(np.sum(positive + negative)) / m),
                ("np.log(자연로그)를 쓰세요. log10이 아닙니다.", -float(np.sum(y * np.log10(_clipped(y_hat)))) / m),
                ("예제 수 m으로 나누어 평균을 내세요.", -total)]
    _check_loss(label, got, expected, mistakes)


def _one_hot_columns(labels, K):
    return np.eye(K)[:, labels]


def _cce_case():
    y_hat = np.array([[0.7, 0.0, 0.1, 1.0],
                      [0.2, 0.5, 0.0, 0.0],
                      [0.1, 0.5, 0.9, 0.0]])
    return [Case({"y_hat": y_hat, "y": _one_hot_columns([0, 0, 2, 0], 3)},
                 title="클래스 3개, 예제 4개 (열 하나가 예제 하나), 정확히 0과 1인 확률, 정답 확률이 0인 예제")]


def _hidden_categorical_cross_entropy(rng, trial):
    K, m = _loss_shape(rng, trial)
    labels = np.full(m, int(rng.integers(0, K))) if trial == 3 else rng.integers(0, K, m)
    y_hat = rng.dirichlet(np.ones(K), size=m).T
    if trial in (0, 1, 2, 3):
        columns = [0] + [j for j in range(1, m) if rng.uniform() < 0.5]
        for j in columns:
            k = labels[j] if rng.uniform() < 0.7 or j == 0 else (labels[j] + 1) % K
            y_hat[:, j] = 0.0
            y_hat[k, j] = 1.0
    return Case({"y_hat": y_hat, "y": _one_hot_columns(labels, K)},
                detail=_detail(LOSS_EDGES[min(trial, 4)], f"y_hat {y_hat.shape}, 정답 클래스 {labels.tolist()}"))


# ── make_mini_batches ──

DROP_LAST = ("마지막에 batch_size보다 적게 남은 예제들도 버리지 말고 작은 미니배치 하나로 넣으세요 "
             "(range(0, m, batch_size)로 시작 위치를 잡으면 마지막 조각도 들어갑니다).")
TWO_PERMUTATIONS = ("X와 Y가 서로 다른 순서로 섞였습니다. 예제의 입력과 정답이 짝을 잃습니다. permutation을 한 번만 만들어 "
                    "X와 Y에 똑같이 쓰세요: X[:, permutation], Y[:, permutation].")
NO_SHUFFLE = ("섞지 않고 앞에서부터 잘랐습니다. 먼저 permutation = np.random.default_rng(seed).permutation(m)으로 "
              "순서를 정하고 X[:, permutation]처럼 열을 섞으세요.")
GLOBAL_RNG = ("전역 난수 생성기의 np.random.permutation 대신, rng = np.random.default_rng(seed)로 만든 생성기의 "
              "rng.permutation(m)을 쓰세요. 생성기가 다르면 같은 시드라도 순서가 다릅니다.")


def _cut(X, Y, batch_size, drop_last=False):
    m = X.shape[1]
    stop = m - m % batch_size if drop_last else m
    return [(X[:, k:k + batch_size], Y[:, k:k + batch_size]) for k in range(0, stop, batch_size)]


def _global_permutation(seed, m):
    return np.random.RandomState(seed).permutation(m)


def _is_column_subset(got, Y):
    """Every column of ``got`` is a column of ``Y`` (values shuffled, shapes right)."""
    if not isinstance(got, np.ndarray) or got.ndim != 2 or got.shape[0] != Y.shape[0]:
        return False
    return all(any(np.array_equal(got[:, j], Y[:, k]) for k in range(Y.shape[1])) for j in range(got.shape[1]))


def _compare_make_mini_batches(label, got, inputs, expected):
    X, Y, batch_size, seed = inputs["X"], inputs["Y"], inputs["batch_size"], inputs["seed"]
    n, m = X.shape
    batches, wanted = got["mini_batches"], expected["mini_batches"]
    if not isinstance(batches, (list, tuple)):
        fail(label, [f"(X_batch, Y_batch) 튜플들의 리스트여야 하는데 {type(batches).__name__}입니다."],
             ["mini_batches = []로 시작해 미니배치마다 mini_batches.append((X_batch, Y_batch))를 하세요."])
    if len(batches) != len(wanted):
        hints = []
        if m % batch_size and len(batches) == m // batch_size:
            hints.append(DROP_LAST)
        if n != m and len(batches) == -(-n // batch_size):
            hints.append("예제의 수 m은 열의 수 X.shape[1]입니다. 이번 실습은 예제가 열입니다.")
        fail(label, [f"미니배치의 수가 다릅니다. 기댓값 {len(wanted)}개, 받은 값 {len(batches)}개.",
                     f"(m = {m}, batch_size = {batch_size}: 크기 {batch_size}인 미니배치 {m // batch_size}개"
                     + (f"와 남은 {m % batch_size}개짜리 하나" if m % batch_size else "") + ")"], hints)
    rng = np.random.default_rng(seed)
    first, second = rng.permutation(m), rng.permutation(m)
    unshuffled = _cut(X, Y, batch_size)
    global_order = _global_permutation(seed, m)
    global_rng = _cut(X[:, global_order], Y[:, global_order], batch_size)
    two = _cut(X[:, first], Y[:, second], batch_size)
    for i, (batch, (X_want, Y_want)) in enumerate(zip(batches, wanted)):
        where = f"{label}의 {i}번 미니배치"
        if not isinstance(batch, (tuple, list)) or len(batch) != 2:
            fail(where, ["(X_batch, Y_batch) 두 값의 튜플이어야 합니다."],
                 ["mini_batches.append((X_batch, Y_batch))처럼 X와 Y의 조각을 튜플로 묶으세요."])
        x_mistakes = [(NO_SHUFFLE, unshuffled[i][0]), (GLOBAL_RNG, global_rng[i][0])]
        check_array(f"{where}의 X_batch", batch[0], X_want, x_mistakes)
        y_mistakes = [(TWO_PERMUTATIONS, two[i][1]), (NO_SHUFFLE, unshuffled[i][1]),
                      (TWO_PERMUTATIONS, lambda got: _is_column_subset(got, Y))]
        check_array(f"{where}의 Y_batch", batch[1], Y_want, y_mistakes)


def _mini_batches_case():
    X = np.vstack([np.arange(7.0), 10 * np.arange(7.0)])
    Y = 100 + np.arange(7.0).reshape(1, 7)
    return [Case({"X": X, "Y": Y, "batch_size": 3, "seed": 0},
                 title="열 j에 X[:, j] = (j, 10j), Y[0, j] = 100 + j인 예제 7개를 3개씩")]


BATCH_EDGES = ("나누어떨어지지 않음 (마지막 미니배치가 작음)", "나누어떨어짐", "batch_size = 1 (확률적 경사 하강법)",
               "batch_size ≥ m (배치 경사 하강법)", "예제 하나", "무작위")


def _hidden_make_mini_batches(rng, trial):
    if trial == 0:
        batch_size = int(rng.integers(3, 5))
        m = batch_size * int(rng.integers(2, 4)) + int(rng.integers(1, batch_size))
    elif trial == 1:
        batch_size = int(rng.integers(2, 5))
        m = batch_size * int(rng.integers(2, 4))
    elif trial == 2:
        batch_size, m = 1, int(rng.integers(3, 7))
    elif trial == 3:
        m = int(rng.integers(3, 8))
        batch_size = m + int(rng.integers(0, 3))
    elif trial == 4:
        batch_size, m = int(rng.integers(1, 4)), 1
    else:
        batch_size, m = int(rng.integers(2, 6)), int(rng.integers(5, 14))
    n, K = int(rng.integers(1, 5)), int(rng.integers(1, 4))
    X = rng.normal(0, 1, (n, m))
    Y = rng.normal(0, 1, (K, m))
    seed = int(rng.integers(1, 10_000))
    return Case({"X": X, "Y": Y, "batch_size": batch_size, "seed": seed},
                detail=_detail(BATCH_EDGES[min(trial, 5)], f"X {X.shape}, Y {Y.shape}, batch_size={batch_size}, seed={seed}"))


# ── train ──

SAME_SEED = ("에폭마다 섞는 순서가 달라야 합니다. e번째 에폭(0부터 셉니다)에서는 make_mini_batches(X, Y, batch_size, seed + e)로 "
             "부르세요. 모든 에폭에 seed를 그대로 쓰면 같은 순서만 되풀이합니다.")
DIVIDE_BY_M = ("dZL = (AL - Y_batch) / m_b의 m_b는 전체 예제 수가 아니라 이번 미니배치의 예제 수 X_batch.shape[1]입니다 "
               "(마지막 미니배치는 더 작을 수 있습니다).")
NO_DIVIDE = "dZL을 미니배치의 예제 수 X_batch.shape[1]로 나누세요. 비용이 예제들의 평균이므로 기울기에도 1/m_b가 붙습니다."
COST_LAST_BATCH = ("costs에는 에폭을 마친 뒤 전체 학습 데이터 (X, Y)에서 잰 비용을 넣으세요. 마지막 미니배치에서 잰 비용이 "
                   "아닙니다.")
COST_BEFORE = "비용은 그 에폭의 업데이트를 모두 마친 뒤에 잽니다. 에폭을 시작하기 전에 잰 것 같습니다."
NO_SOFTMAX = "dZL = (AL - Y_batch) / m_b의 AL은 softmax(ZL)입니다. softmax를 적용하지 않은 ZL을 그대로 썼습니다."
PLUS = "기울기의 반대 방향으로 움직이세요: W = W - learning_rate * dW (더하기가 아니라 빼기)."
SEED_IGNORED = ("seed 인자를 쓰세요. 초기화는 initialize_parameters_he(layer_dims, seed), e번째 에폭의 섞기는 seed + e입니다. "
                "시드를 숫자로 적어 넣지 마세요.")
FULL_BATCH_ONLY = ("batch_size를 쓰지 않고 전체 데이터로만 업데이트했습니다. make_mini_batches가 돌려준 미니배치마다 "
                   "한 번씩 업데이트하세요.")
NO_LEARNING_RATE = "학습률 learning_rate를 곱해서 움직이세요: W = W - learning_rate * dW."


def _softmax(z):
    return _softmax_variant(z)


def _cost(AL, Y):
    return float(-np.sum(Y * np.log(_clipped(AL))) / Y.shape[1])


def _batches(X, Y, batch_size, seed):
    order = np.random.default_rng(seed).permutation(X.shape[1])
    return _cut(X[:, order], Y[:, order], batch_size)


def _train_variant(X, Y, layer_dims, batch_size, epochs, learning_rate, seed, shuffle_seed=lambda seed, e: seed + e,
                   divide="batch", softmax=True, cost="full", sign=-1.0, rate=None, init_seed=None, full_batch=False):
    """``train`` as the lesson defines it, or with one typical flaw (the keyword that differs)."""
    parameters = initialize_parameters_he(layer_dims, seed if init_seed is None else init_seed)
    rate = learning_rate if rate is None else rate
    costs = []
    for epoch in range(epochs):
        if cost == "before":
            costs.append(_cost(_softmax(forward_logits(X, parameters)[0]), Y))
        batches = [(X, Y)] if full_batch else _batches(X, Y, batch_size, shuffle_seed(seed, epoch))
        for X_batch, Y_batch in batches:
            ZL, caches = forward_logits(X_batch, parameters)
            AL = _softmax(ZL) if softmax else ZL
            m_b = {"batch": X_batch.shape[1], "all": X.shape[1], "none": 1}[divide]
            grads = backward_from_dZ((AL - Y_batch) / m_b, caches)
            parameters = {key: value + sign * rate * grads["d" + key] for key, value in parameters.items()}
        if cost == "full":
            costs.append(_cost(_softmax(forward_logits(X, parameters)[0]), Y))
        elif cost == "last batch":
            costs.append(_cost(_softmax(forward_logits(X_batch, parameters)[0]), Y_batch))
    return parameters, costs


def _train_mistakes(inputs):
    """``[(hint, {"W1": ..., ..., "costs": ...})]`` for the flaws that change anything on these inputs."""
    args = tuple(inputs[name] for name in ("X", "Y", "layer_dims", "batch_size", "epochs", "learning_rate", "seed"))
    flaws = [(SAME_SEED, {"shuffle_seed": lambda seed, e: seed}), (DIVIDE_BY_M, {"divide": "all"}),
             (NO_DIVIDE, {"divide": "none"}), (NO_SOFTMAX, {"softmax": False}), (PLUS, {"sign": 1.0}),
             (NO_LEARNING_RATE, {"rate": 1.0}), (SEED_IGNORED, {"init_seed": 0, "shuffle_seed": lambda seed, e: e}),
             (FULL_BATCH_ONLY, {"full_batch": True}),
             (COST_LAST_BATCH, {"cost": "last batch"}), (COST_BEFORE, {"cost": "before"})]
    mistakes = []
    with np.errstate(all="ignore"):
        for hint, flaw in flaws:
            parameters, costs = _train_variant(*args, **flaw)
            mistakes.append((hint, {**parameters, "costs": np.array(costs)}))
    return mistakes


def _compare_train(label, got, inputs, expected):
    parameters, costs = got["parameters"], got["costs"]
    epochs = inputs["epochs"]
    mistakes = _train_mistakes(inputs)
    wanted = {key: value for key, value in expected.items() if key != "costs"}
    check_dict(f"{label}의 parameters", parameters, wanted, mistakes)
    if isinstance(costs, np.ndarray):
        costs = list(costs.ravel()) if costs.ndim == 1 else costs
    if not isinstance(costs, (list, tuple)):
        fail(f"{label}의 costs", [f"에폭마다 비용 하나씩 담은 리스트여야 하는데 {type(costs).__name__}입니다."],
             ["costs = []로 시작해 에폭이 끝날 때마다 costs.append(비용)을 하세요."])
    if len(costs) != epochs:
        fail(f"{label}의 costs", [f"에폭마다 비용이 하나씩, 모두 {epochs}개여야 하는데 {len(costs)}개입니다."],
             ["costs.append는 미니배치마다가 아니라 에폭마다 한 번, 에폭의 업데이트를 모두 마친 뒤에 합니다."])
    try:
        values = np.array([float(np.squeeze(cost)) for cost in costs])
    except (TypeError, ValueError):
        fail(f"{label}의 costs", ["costs의 원소가 숫자 하나씩이 아닙니다."],
             ["categorical_cross_entropy가 돌려주는 숫자 하나를 그대로 넣으세요."])
    check_array(f"{label}의 costs", values, np.asarray(expected["costs"], dtype=float), pick(mistakes, "costs"))


def _train_expected(ref, inputs):
    parameters, costs = ref.train(*inputs.values())
    return {**parameters, "costs": costs}


def _train_data(rng, n, K, m):
    X = rng.uniform(0, 1, (n, m))
    labels = np.arange(m) % K
    rng.shuffle(labels)
    return X, _one_hot_columns(labels, K)


def _train_case():
    rng = np.random.default_rng(9)
    X, Y = _train_data(rng, 5, 3, 12)
    return [Case({"X": X, "Y": Y, "layer_dims": [5, 4, 3], "batch_size": 5, "epochs": 3, "learning_rate": 0.5,
                  "seed": 1}, title="예제 12개를 5개씩 (5, 5, 2), 3 에폭")]


TRAIN_EDGES = ("배치 경사 하강법 (batch_size = m)", "확률적 경사 하강법 (batch_size = 1)",
               "미니배치, 나누어떨어지지 않음, 은닉층 둘", "은닉층 없음 (L = 1), batch_size > m",
               "이웃한 층의 크기가 같음", "무작위")


def _hidden_train(rng, trial):
    n, K = int(rng.integers(2, 6)), int(rng.integers(2, 5))
    if trial == 0:
        m, layer_dims = int(rng.integers(4, 9)), [n, int(rng.integers(2, 6)), K]
        batch_size = m
    elif trial == 1:
        m, layer_dims, batch_size = int(rng.integers(3, 6)), [n, int(rng.integers(2, 5)), K], 1
    elif trial == 2:
        batch_size = int(rng.integers(2, 4))
        m = batch_size * 2 + 1
        layer_dims = [n, int(rng.integers(2, 5)), int(rng.integers(2, 5)), K]
    elif trial == 3:
        m, layer_dims = int(rng.integers(3, 7)), [n, K]
        batch_size = m + int(rng.integers(1, 4))
    elif trial == 4:
        m, layer_dims = int(rng.integers(5, 9)), [K, K, K, K]
        n, batch_size = K, int(rng.integers(2, 4))
    else:
        m = int(rng.integers(4, 11))
        layer_dims = [n] + [int(h) for h in rng.integers(1, 6, size=int(rng.integers(1, 3)))] + [K]
        batch_size = int(rng.integers(1, m + 2))
    X, Y = _train_data(rng, n, K, m)
    epochs = int(rng.integers(2, 4))
    learning_rate = float(np.round(rng.uniform(0.05, 0.8), 3))
    seed = int(rng.integers(1, 1000))
    return Case({"X": X, "Y": Y, "layer_dims": layer_dims, "batch_size": batch_size, "epochs": epochs,
                 "learning_rate": learning_rate, "seed": seed},
                detail=_detail(TRAIN_EDGES[min(trial, 5)],
                               f"layer_dims {layer_dims}, m = {m}, batch_size={batch_size}, epochs={epochs}, "
                               f"learning_rate={learning_rate}, seed={seed}"))


def _returns(name, output):
    return lambda ref, inputs: {output: getattr(ref, name)(*inputs.values())}


EXERCISES = [
    function("tanh", ("x",), ("A",), public=lambda: [Case({"x": ACTIVATION_INPUT})], hidden=_hidden_x, trials=6,
             expected=_returns("tanh", "A"), compare=_compare_tanh),
    function("d_tanh", ("x",), ("dA",), calls=("tanh",), public=lambda: [Case({"x": ACTIVATION_INPUT})],
             hidden=_hidden_x, trials=6, expected=_returns("d_tanh", "dA"), compare=_compare_d_tanh),
    function("leaky_relu", ("x", "alpha"), ("A",), public=_leaky_case, hidden=_hidden_leaky, trials=6,
             expected=_returns("leaky_relu", "A"), compare=_compare_leaky_relu),
    function("d_leaky_relu", ("x", "alpha"), ("dA",), public=_leaky_case, hidden=_hidden_leaky, trials=6,
             expected=_returns("d_leaky_relu", "dA"), compare=_compare_d_leaky_relu),
    function("softmax", ("z",), ("A",), public=_softmax_case, hidden=_hidden_softmax, trials=6,
             expected=_returns("softmax", "A"), compare=_compare_softmax),
    function("mse", ("y_hat", "y"), ("loss",), public=_mse_case, hidden=_hidden_mse,
             expected=_returns("mse", "loss"), compare=_compare_mse),
    function("binary_cross_entropy", ("y_hat", "y"), ("loss",), public=_bce_case, hidden=_hidden_binary_cross_entropy,
             expected=_returns("binary_cross_entropy", "loss"), compare=_compare_binary_cross_entropy),
    function("categorical_cross_entropy", ("y_hat", "y"), ("loss",), public=_cce_case,
             hidden=_hidden_categorical_cross_entropy,
             expected=_returns("categorical_cross_entropy", "loss"), compare=_compare_categorical_cross_entropy),
    function("make_mini_batches", ("X", "Y", "batch_size", "seed"), ("mini_batches",), public=_mini_batches_case,
             hidden=_hidden_make_mini_batches, trials=6,
             expected=_returns("make_mini_batches", "mini_batches"), compare=_compare_make_mini_batches,
             error_hints={"out of bounds for axis 0": "예제는 열입니다. 행이 아니라 열을 섞으세요: X[:, permutation], "
                                                      "Y[:, permutation]."}),
    function("train", ("X", "Y", "layer_dims", "batch_size", "epochs", "learning_rate", "seed"), ("parameters", "costs"),
             calls=("make_mini_batches", "softmax", "categorical_cross_entropy"),
             public=_train_case, hidden=_hidden_train, trials=6,
             expected=_train_expected, compare=_compare_train,
             error_hints={"unexpected keyword argument": KEYWORD_CALL}),
]
