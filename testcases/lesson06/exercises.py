"""Lesson 06 (Affine, SoftmaxWithLoss and a two-layer network): every graded function and class, declared once.

Conventions of the lesson: examples are ROWS. A batch ``x`` has shape ``(N, n_in)``, ``W``
shape ``(n_in, n_out)``, ``b`` shape ``(n_out,)`` and ``Affine`` computes ``x @ W + b``.
Labels ``t`` are one-hot ``(N, C)`` or integer ``(N,)``. ``TwoLayerNet`` seeds numpy's
global generator with ``NET_SEED`` inside its constructor, so its weights are known.

Classes are graded through their methods (``Step``). ``SoftmaxWithLoss`` calls the graded
``softmax`` and ``cross_entropy_error``; ``TwoLayerNet`` uses the graded ``Affine`` and
``SoftmaxWithLoss`` (and may call the two functions). In hidden cases the judge answers
those names with the reference, so a wrong layer costs only its own cell. In the public
check a recorded reference answer stands in for a graded FUNCTION when the arguments
match; for the CLASSES the student's own are used (the store records no objects), so in
the notebook a wrong ``Affine`` also shows in ``TwoLayerNet``'s check (the lesson says
so), while a correct ``TwoLayerNet`` over correct layers passes.

Mistakes are the outputs typical wrong answers produce, each with its Korean hint,
computed here with numpy from the inputs.
"""
import numpy as np

from testcases.engine.compare import check_array, check_dict, check_keys, check_scalar, pick
from testcases.engine.exercise import Case, Exercise, Step, function
from testcases.engine.invoke import missing
from testcases.engine.report import fail

DELTA = 1e-7
NET_SEED = 1        # the seed TwoLayerNet's constructor gives np.random.seed (as in the reference)
PARAMETER_NAMES = ("W1", "b1", "W2", "b2")

MATMUL = ("행렬 곱의 모양이 맞지 않습니다. 이번 실습은 예제가 행입니다: 순전파 out = x @ W "
          "((N, 입력 수) · (입력 수, 출력 수)), 역전파 dx = dout @ W.T, dW = x.T @ dout. "
          "곱하는 순서와 전치(.T)를 확인하세요.")
NOT_STORED_X = "self.x가 없습니다(None). forward에서 self.x = x로 입력을 저장해야 backward에서 dW = x.T @ dout을 구합니다."
NO_SHIFT = ("최댓값을 빼지 않아 exp가 넘쳤습니다(overflow): exp(1000)은 float64로 나타낼 수 없어 inf가 되고, "
            "inf / inf는 nan입니다. np.exp(x - np.max(x, axis=-1, keepdims=True))처럼 먼저 최댓값을 빼세요.")
GLOBAL_MAX = ("최댓값을 배열 전체에서 하나만 구해 뺐습니다. 점수의 크기가 아주 다른 행이 있으면 그 행의 exp가 모두 0이 되어 "
              "0 / 0 = nan이 됩니다. 예제(행)마다 자기 최댓값을 빼세요: np.max(x, axis=-1, keepdims=True).")
GLOBAL_SUM = ("exp의 합을 배열 전체에서 구했습니다. 소프트맥스는 예제(행)마다 따로 계산해 각 행의 합이 1이어야 합니다: "
              "np.sum(e, axis=-1, keepdims=True).")
LECTURE_GLOBAL = ("최댓값과 exp의 합을 배열 전체에서 하나씩 구했습니다. 예제가 하나(1차원)일 때는 맞지만, 배치에서는 "
                  "예제(행)마다 따로 구해야 각 행의 합이 1이 됩니다: np.max(x, axis=-1, keepdims=True), "
                  "np.sum(e, axis=-1, keepdims=True).")
COLUMN_AXIS = "axis=0은 열 방향(예제들 사이)입니다. 예제가 행이므로 한 예제의 점수는 마지막 축 axis=-1(2차원에서는 axis=1)을 따라 있습니다."
NOT_FINITE_SOFTMAX = ("결과에 nan이나 inf가 있습니다. exp(1000)은 float64로 나타낼 수 없어 inf가 됩니다. "
                      "예제(행)마다 최댓값을 빼고 exp를 계산하세요.")
AXIS_1_ON_1D = ("axis=1은 2차원 배열에만 있습니다. 1차원 입력(예제 하나)도 받으려면 마지막 축을 뜻하는 axis=-1을 쓰거나 "
                "x.ndim으로 나누어 처리하세요.")
CEE_DELTA = ("nan이나 inf가 나왔습니다. 확률이 0인 자리에서 log(0) = -inf가 됩니다. "
             "np.log(y + 1e-7)처럼 log 안에 아주 작은 값 1e-7을 더하세요 (log 밖이 아니라 안입니다).")
CEE_INTEGER = ("t가 정수 레이블 (N,)이면 (N, C)인 y와 원소별로 곱할 수 없습니다. t.size == y.size(또는 t.ndim)로 원-핫인지 "
               "확인하고, 정수 레이블이면 y[np.arange(N), t]로 예제마다 정답 확률만 꺼내세요.")
SWL_INTEGER = ("정수 레이블 t ((N,) 모양)는 (N, C)인 y에서 바로 뺄 수 없습니다. forward에서 np.eye(C)[t]로 원-핫으로 바꿔 "
               "저장하거나, backward에서 dx[np.arange(N), t] -= 1처럼 정답 자리에서만 1을 빼세요.")
NO_BATCH = ("batch_size로 나누지 않았습니다. 손실이 N개 예제의 평균이므로 기울기도 (y - t) / N입니다. "
            "batch_size는 예제 수 x.shape[0]입니다.")
NONE_ATTRIBUTE = ("아직 값이 없는(None) 속성을 썼습니다. 역전파는 순전파가 저장한 값을 씁니다: 계층은 forward에서 "
                  "필요한 값을 self에 저장하고, TwoLayerNet.gradient는 먼저 self.loss(x, t)로 순전파를 합니다.")
NET_MATMUL = ("행렬 곱의 모양이 맞지 않습니다. W1은 (input_size, hidden_size), W2는 (hidden_size, output_size) 모양이고, "
              "gradient에서는 계층을 뒤에서부터 지나야 합니다: reversed(list(self.layers.values())).")
COPIED_PARAMS = ("수치 미분 기울기가 모두 0입니다. numerical_gradient가 바꾸는 배열이 손실을 계산하는 계층의 배열과 달라서, "
                 "값을 조금 바꿔도 손실이 그대로입니다. numerical_gradient에는 self.params[key]를 복사(.copy())하지 말고 "
                 "그대로 넘기고, Affine 계층에도 self.params의 배열을 복사하지 말고 그대로 넘겨 모두 같은 배열을 쓰게 하세요.")
BACKPROP_AS_NUMERICAL = ("numerical_gradient가 역전파 gradient와 똑같은 값을 돌려주었습니다. 기울기 확인은 두 방법을 비교하는 "
                         "것이라, 여기서는 역전파를 부르지 말고 손실 함수와 numerical_gradient(f, self.params[key])로 "
                         "수치 미분을 하세요.")
LOSS_TAKES_NO_ARGUMENT = ("이 실습의 numerical_gradient(f, x)는 f를 인자 없이 f()로 부릅니다. 강의처럼 W를 받는 함수"
                          "(lambda W: ...)가 아니라 인자를 받지 않는 함수(lambda: ...)를 넘기세요.")
ONE_HOT_ACCURACY = "원-핫 t는 np.argmax(t, axis=1)로 정수 레이블로 바꾼 뒤 예측과 비교하세요."
NET_BROADCAST = ("두 배열의 모양이 맞지 않아 원소별 연산을 할 수 없습니다. accuracy에서는 " + ONE_HOT_ACCURACY +
                 " 편향의 모양도 확인하세요: b1은 (hidden_size,), b2는 (output_size,)입니다.")
UPSTREAM = ("노트북의 채점 셀은 여러분의 Affine과 SoftmaxWithLoss를 그대로 씁니다. 두 계층의 채점 셀을 먼저 통과했는지 "
            "확인하세요 (기울기는 Affine 계층이 backward에서 저장한 dW와 db입니다).")
INTEGER_ACCURACY = ("정수 레이블 t는 1차원이라 axis=1이 없습니다. accuracy에서는 t가 원-핫일 때(t.ndim != 1)만 "
                    "np.argmax(t, axis=1)로 바꾸세요.")
SEED_HINT = ("생성자 맨 앞에서 np.random.seed(1)을 부르고, W1을 먼저 그다음 W2를 "
             "weight_init_std * np.random.randn(...)으로 뽑았는지 확인하세요.")


def _same(wrong):
    """A predicate: ``got`` equals ``wrong`` (nan where ``wrong`` has nan)."""
    wrong = np.asarray(wrong, dtype=float)

    def matches(got):
        try:
            got = np.asarray(got, dtype=float)
            return got.shape == wrong.shape and bool(np.allclose(got, wrong, rtol=1e-5, atol=1e-8, equal_nan=True))
        except (TypeError, ValueError):
            return False
    return matches


def _not_finite(got):
    try:
        return not bool(np.isfinite(np.asarray(got, dtype=float)).all())
    except (TypeError, ValueError):
        return False


def _softmax(x):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _one_hot(t, n_classes):
    return np.eye(n_classes)[t]


def _as_one_hot(t, n_classes):
    return t if t.ndim == 2 else _one_hot(t, n_classes)


def _probabilities(rng, n, c):
    """``(n, c)`` probabilities, each row a softmax of random scores (every row sums to 1)."""
    return _softmax(rng.standard_normal((n, c)) * 2)


# ── Affine ──

def _affine_expected(ref, inputs):
    layer = ref.Affine(inputs["W"].copy(), inputs["b"].copy())
    out = layer.forward(inputs["x"].copy())
    dx = layer.backward(inputs["dout"].copy())
    return {"out": out, "dx": dx, "self.dW": layer.dW, "self.db": layer.db}


def _check_kept(label, got, name, hint):
    value = got[f"self.{name}"]
    if missing(value) or value is None:
        fail(label, [f"self.{name}에 기울기를 저장하지 않았습니다."], [hint])


def _compare_affine(label, got, inputs, expected):
    x, W, b, dout = inputs["x"], inputs["W"], inputs["b"], inputs["dout"]
    n = x.shape[0]
    check_array(f"{label}.forward의 out", got["out"], expected["out"],
                [("편향 b를 더하지 않았습니다: out = x @ W + b.", x @ W),
                 ("b를 빼지 말고 더하세요: out = x @ W + b.", x @ W - b)])
    check_array(f"{label}.backward의 dx", got["dx"], expected["dx"],
                [("dx는 입력 x와 같은 모양 (N, 입력 수)입니다: dx = dout @ W.T.", _returns_other_shape_than(x.shape))])
    _check_kept(label, got, "dW", "backward 안에서 self.dW = ...로 저장하세요. TwoLayerNet이 이 값을 꺼내 씁니다.")
    check_array(f"{label}의 self.dW", got["self.dW"], expected["self.dW"],
                [("dW = x.T @ dout에는 N으로 나누기가 없습니다. 평균의 1/N은 SoftmaxWithLoss가 dout에 이미 넣었습니다.",
                  x.T @ dout / n),
                 ("dW는 W와 같은 모양 (입력 수, 출력 수)입니다: dW = x.T @ dout.", _returns_other_shape_than(W.shape))])
    _check_kept(label, got, "db", "backward 안에서 self.db = ...로 저장하세요. TwoLayerNet이 이 값을 꺼내 씁니다.")
    db = got["self.db"]
    if not isinstance(db, np.ndarray) or db.ndim == 0:
        fail(f"{label}의 self.db", [f"(출력 수,) 모양의 배열이어야 하는데 {type(db).__name__}입니다 (숫자 하나)."],
             ["np.sum(dout)는 모든 원소를 더합니다. 예제 방향으로만 더하세요: np.sum(dout, axis=0)."])
    check_array(f"{label}의 self.db", db, expected["self.db"],
                [("db는 예제 방향(axis=0)으로 더합니다: np.sum(dout, axis=0). axis=1은 한 예제의 출력들을 더합니다.",
                  np.sum(dout, axis=1)),
                 ("db는 b와 같은 1차원 (출력 수,) 모양입니다. keepdims=True를 빼세요.",
                  np.sum(dout, axis=0, keepdims=True)),
                 ("db는 평균이 아니라 합입니다: np.sum(dout, axis=0). 평균의 1/N은 dout에 이미 들어 있습니다.",
                  np.mean(dout, axis=0))])


AFFINE_EDGES = ("예제 하나 (N = 1)", "예제 수 = 출력 수", "정사각 행렬 (N = 입력 수 = 출력 수)", "넓은 입력", "무작위")


def _hidden_affine(rng, trial):
    if trial == 0:
        n, n_in, n_out = 1, int(rng.integers(2, 6)), int(rng.integers(2, 6))
    elif trial == 1:
        n_in, n_out = int(rng.integers(2, 5)), int(rng.integers(3, 6))
        n = n_out
    elif trial == 2:
        n = n_in = n_out = int(rng.integers(2, 5))
    elif trial == 3:
        n, n_in, n_out = int(rng.integers(2, 4)), int(rng.integers(8, 12)), int(rng.integers(1, 3))
    else:
        n, n_in, n_out = (int(v) for v in rng.integers(1, 7, size=3))
    x, W = rng.standard_normal((n, n_in)), rng.standard_normal((n_in, n_out))
    b, dout = rng.standard_normal(n_out), rng.standard_normal((n, n_out))
    return Case({"W": W, "b": b, "x": x, "dout": dout},
                detail=f"{AFFINE_EDGES[min(trial, 4)]}: x {x.shape}, W {W.shape}")


def _affine_cases():
    """The lecture's batch example: two examples of two features, three outputs, dout = [[1, 2, 3], [4, 5, 6]]."""
    return [Case({"W": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), "b": np.array([0.1, 0.2, 0.3]),
                  "x": np.array([[1.0, 0.5], [-2.0, 3.0]]), "dout": np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])})]


# ── softmax ──

def _softmax_mistakes(x):
    x = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        e = np.exp(x)
        e_global = np.exp(x - np.max(x))
        e_row = np.exp(x - np.max(x, axis=-1, keepdims=True))
        mistakes = [(NO_SHIFT, _same(e / np.sum(e, axis=-1, keepdims=True))),
                    (NO_SHIFT, _same(e / np.sum(e))),
                    (GLOBAL_MAX, _same(e_global / np.sum(e_global, axis=-1, keepdims=True))),
                    (LECTURE_GLOBAL, _same(e_global / np.sum(e_global))),
                    (GLOBAL_SUM, _same(e_row / np.sum(e_row)))]
        if x.ndim == 2:
            e_col = np.exp(x - np.max(x, axis=0, keepdims=True))
            mistakes.append((COLUMN_AXIS, _same(e_col / np.sum(e_col, axis=0, keepdims=True))))
            mistakes.append((COLUMN_AXIS, _same(e_row / np.sum(e_row, axis=0, keepdims=True))))
    return mistakes + [(NOT_FINITE_SOFTMAX, _not_finite)]


def _compare_softmax(label, got, inputs, expected):
    check_array(label, got["y"], expected["y"], _softmax_mistakes(inputs["x"]))


def _softmax_cases():
    return [Case({"x": np.array([0.3, 2.9, 4.0])}, title="점수 세 개 (1차원)"),
            Case({"x": np.array([1010.0, 1000.0, 990.0])}, title="1000 근처의 큰 점수 (1차원)"),
            Case({"x": np.array([[0.3, 2.9, 4.0], [1010.0, 1000.0, 990.0]])}, title="예제 두 개의 배치 (2차원)")]


SOFTMAX_EDGES = ("1차원", "1000 근처의 1차원", "예제 하나의 배치 (1, C), 큰 점수", "크기가 아주 다른 행들",
                 "정사각 배치 (N = C)", "범주 하나 (C = 1)")


def _hidden_softmax(rng, trial):
    c = int(rng.integers(3, 8))
    if trial == 0:
        x = rng.standard_normal(c) * 3
    elif trial == 1:
        x = 1000 + rng.standard_normal(c) * 10
    elif trial == 2:
        x = 1000 + rng.standard_normal((1, c)) * 10
    elif trial == 3:
        x = rng.standard_normal((4, c)) * 5 + np.array([[-1000.0], [0.0], [1000.0], [3.0]])
    elif trial == 4:
        x = rng.standard_normal((c, c)) * 3
    else:
        x = rng.standard_normal((int(rng.integers(2, 5)), 1)) * 3
    return Case({"x": x}, detail=f"{SOFTMAX_EDGES[trial]}: x {x.shape}")


# ── cross_entropy_error ──

def _cee_mistakes(y, t):
    y = np.asarray(y, dtype=float)
    y2 = y.reshape(1, -1) if y.ndim == 1 else y
    n, c = y2.shape
    labels = np.asarray(t).reshape(y2.shape).argmax(axis=1) if np.size(t) == y.size else np.asarray(t).reshape(n)
    p = y2[np.arange(n), labels]
    total = -np.sum(np.log(p + DELTA))
    mistakes = [(CEE_DELTA, _not_finite),
                ("앞의 마이너스 부호가 빠졌습니다. 교차 엔트로피는 0 이상입니다: -np.sum(...).", -total / n),
                ("np.log(자연로그)를 쓰세요. log10이 아닙니다.", -np.sum(np.log10(p + DELTA)) / n),
                ]
    if y.ndim == 1:
        mistakes.append(("1차원 y는 예제 하나입니다. 이때 y.shape[0]은 예제 수가 아니라 범주 수입니다. "
                         "y.reshape(1, y.size)처럼 (1, C)로 바꾼 뒤 계산하세요.", total / c))
    mistakes.append(("np.mean(t * np.log(y + 1e-7))은 N × C개 원소의 평균입니다. 합을 예제 수 N으로만 나누세요.",
                     total / (n * c)))
    if n > 1:
        mistakes.append(("배치의 평균이어야 합니다. 합을 예제 수 N(= y.shape[0])으로 나누세요.", total))
    if np.ndim(t) == 1 and y.ndim == 2 and np.size(t) == c:
        with np.errstate(all="ignore"):
            mistakes.append((CEE_INTEGER, -np.sum(np.asarray(t)[None, :] * np.log(y + DELTA)) / n))
    return mistakes


def _compare_cross_entropy_error(label, got, inputs, expected):
    check_scalar(label, got["loss"], expected["loss"], _cee_mistakes(inputs["y"], inputs["t"]))


_LECTURE_Y = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0],
                       [0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]])


def _cross_entropy_error_cases():
    """Ten-class probabilities with exact zeros, labels 2 and 7 one-hot then as integers, and one
    example given as a 1-D vector whose right class (3) has probability 0, so log(0) needs the 1e-7."""
    return [Case({"y": _LECTURE_Y, "t": _one_hot(np.array([2, 7]), 10)}, title="원-핫 레이블, 예제 두 개"),
            Case({"y": _LECTURE_Y, "t": np.array([2, 7])}, title="정수 레이블, 예제 두 개"),
            Case({"y": _LECTURE_Y[0], "t": _one_hot(np.array([3]), 10)[0]},
                 title="예제 하나 (1차원), 정답 확률이 0")]


CEE_EDGES = ("원-핫, 예제 하나의 배치 (1, C)", "정수 레이블", "예제 하나 (1차원 y, 원-핫 t)",
             "정수 레이블, 예제 수 = 범주 수", "원-핫, 정답 확률이 0인 예제")


def _hidden_cross_entropy_error(rng, trial):
    c = int(rng.integers(3, 8))
    n = {0: 1, 2: 1, 3: c}.get(trial, int(rng.integers(2, 6)))
    y = _probabilities(rng, n, c)
    labels = rng.integers(0, c, size=n)
    if trial == 4:
        y[0, labels[0]] = 0.0
        y[0] /= y[0].sum()
    if trial == 2:
        y, t = y[0], _one_hot(labels, c)[0]
    elif trial in (1, 3):
        t = labels
    else:
        t = _one_hot(labels, c)
    return Case({"y": y, "t": t}, detail=f"{CEE_EDGES[trial]}: y {y.shape}, t {t.shape}")


# ── SoftmaxWithLoss ──

def _softmax_with_loss_expected(ref, inputs):
    layer = ref.SoftmaxWithLoss()
    loss = layer.forward(inputs["x"].copy(), inputs["t"].copy())
    return {"loss": loss, "dx": layer.backward(inputs["dout"])}


def _returns_other_shape_than(shape):
    return lambda got: isinstance(got, np.ndarray) and got.shape != shape


def _returns_array_of(shape):
    return lambda got: isinstance(got, np.ndarray) and got.shape == shape


def _compare_softmax_with_loss(label, got, inputs, expected):
    x, t = inputs["x"], inputs["t"]
    n, c = x.shape
    y, T = _softmax(x), _as_one_hot(t, c)
    check_scalar(f"{label}.forward의 loss", got["loss"], expected["loss"],
                 [("forward는 확률 y가 아니라 손실(숫자 하나)을 돌려줍니다: "
                   "self.loss = cross_entropy_error(self.y, self.t); return self.loss.", _returns_array_of(x.shape))])
    mistakes = [("부호가 반대입니다: dx = (y - t) / batch_size (t - y가 아닙니다).", (T - y) / n),
                ("batch_size는 범주 수가 아니라 예제 수입니다: batch_size = x.shape[0] (또는 self.t.shape[0]).",
                 (y - T) / c),
                ("y에서 t를 빼세요: dx = (y - t) / batch_size.", y / n)]
    if n > 1:
        mistakes.insert(0, (NO_BATCH, y - T))
    check_array(f"{label}.backward의 dx", got["dx"], expected["dx"], mistakes)


def _softmax_with_loss_cases():
    x = np.array([[0.3, 2.9, 4.0], [2.0, 1.0, -1.0]])
    return [Case({"x": x, "t": np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]), "dout": 1}, title="원-핫 레이블"),
            Case({"x": x, "t": np.array([2, 0]), "dout": 1}, title="정수 레이블")]


SWL_EDGES = ("원-핫, 예제 하나 (1, C)", "정수 레이블", "원-핫, 예제 수 = 범주 수", "1000 근처의 큰 점수, 원-핫",
             "정수 레이블, 예제 하나")


def _hidden_softmax_with_loss(rng, trial):
    c = int(rng.integers(2, 7))
    n = {0: 1, 2: c, 4: 1}.get(trial, int(rng.integers(2, 6)))
    x = rng.standard_normal((n, c)) * 3 + (1000 if trial == 3 else 0)
    labels = rng.integers(0, c, size=n)
    t = labels if trial in (1, 4) else _one_hot(labels, c)
    return Case({"x": x, "t": t, "dout": 1}, detail=f"{SWL_EDGES[trial]}: x {x.shape}, t {t.shape}")


# ── TwoLayerNet ──

def _two_layer_net_expected(ref, inputs):
    net = ref.TwoLayerNet(inputs["input_size"], inputs["hidden_size"], inputs["output_size"], inputs["weight_init_std"])
    x, t = inputs["x"].copy(), inputs["t"].copy()
    grads = net.gradient(x, t)
    expected = {"scores": net.predict(x), "loss": net.loss(x, t), "accuracy": net.accuracy(x, t)}
    expected.update({name: grads[name] for name in PARAMETER_NAMES})
    return expected


def _initial_params(inputs, order=("W1", "W2"), scale=None, transposed=False):
    """The parameters the constructor draws (``np.random.seed(NET_SEED)`` then W1, W2), or a wrong variant."""
    rng = np.random.RandomState(NET_SEED)
    n_in, n_h, n_out = inputs["input_size"], inputs["hidden_size"], inputs["output_size"]
    std = inputs["weight_init_std"] if scale is None else scale
    shapes = {"W1": (n_in, n_h), "W2": (n_h, n_out)}
    params = {}
    for name in order:
        shape = shapes[name][::-1] if transposed else shapes[name]
        params[name] = std * rng.randn(*shape)
    return {"W1": params["W1"], "b1": np.zeros(n_h), "W2": params["W2"], "b2": np.zeros(n_out)}


def _forward_backward(params, x, t):
    """Every value of the network's forward and backward pass, and of typical wrong backward passes."""
    W1, b1, W2, b2 = (params[name] for name in PARAMETER_NAMES)
    h = x @ W1 + b1
    a = np.maximum(h, 0)
    scores = a @ W2 + b2
    n = x.shape[0]
    y, T = _softmax(scores), _as_one_hot(t, scores.shape[1])
    right = np.sum(y * T, axis=1, keepdims=True)

    def backward(ds):
        da = ds @ W2.T
        dh = da * (h > 0)
        return {"W1": x.T @ dh, "b1": dh.sum(axis=0), "W2": a.T @ ds, "b2": ds.sum(axis=0)}, da
    grads, da = backward((y - T) / n)
    exact, _ = backward((y - T) * right / (right + DELTA) / n)
    return {"scores": scores, "no_relu": h @ W2 + b2, "grads": grads, "exact": exact,
            "skip_relu": {"W1": x.T @ da, "b1": da.sum(axis=0)}}


def _anything(got):
    return True


def _nonzero(value):
    return isinstance(value, np.ndarray) and bool(np.any(value != 0))


def _close_not_equal(initial):
    """``got`` is within a numerical-gradient step of ``initial`` but not equal to it."""
    return lambda got: (isinstance(got, np.ndarray) and got.shape == initial.shape
                        and bool(np.allclose(got, initial, rtol=0, atol=1e-3)) and not np.array_equal(got, initial))


def _check_params(label, params, inputs):
    if missing(params):
        fail(label, ["self.params가 없습니다."], ["생성자에서 self.params = {'W1': ..., 'b1': ..., 'W2': ..., 'b2': ...}를 만드세요."])
    check_keys(f"{label}의 self.params", params, list(PARAMETER_NAMES))
    initial = _initial_params(inputs)
    restore = "수치 미분 뒤에 매개변수가 원래 값으로 돌아오지 않았습니다. 값을 바꿔 손실을 잰 뒤에는 원래 값을 다시 넣으세요."
    mistakes = [(restore, {name: _close_not_equal(value) for name, value in initial.items()}),
                ("가중치에 weight_init_std를 곱하지 않았습니다: weight_init_std * np.random.randn(...).",
                 _initial_params(inputs, scale=1.0)),
                ("0.01로 정해 두지 말고 인자 weight_init_std를 곱하세요.", _initial_params(inputs, scale=0.01)),
                ("W1을 먼저, 그다음 W2를 뽑으세요. 난수를 뽑는 순서가 바뀌면 값이 달라집니다.",
                 _initial_params(inputs, order=("W2", "W1"))),
                ("편향은 np.zeros(hidden_size), np.zeros(output_size)로 0에서 시작합니다.", {"b1": _nonzero, "b2": _nonzero})]
    for name, value in initial.items():
        check_array(f"{label}의 self.params[{name!r}]", params[name], value, pick(mistakes, name) + [(SEED_HINT, _nonzero)])


def _check_numerical_gradient(label, got, expected_grads, backprop):
    """Numerical gradients close to the exact gradient of the loss (with the 1e-7 inside its log),
    within the error of central differences whatever step the student took, and not the
    student's own ``backprop`` gradients (no difference quotient equals them to the last bit)."""
    check_keys(label, got, list(PARAMETER_NAMES))
    if all(np.array_equal(got[name], backprop[name]) for name in PARAMETER_NAMES):
        fail(label, ["역전파 gradient의 결과와 마지막 자리까지 같습니다."], [BACKPROP_AS_NUMERICAL])
    for name in PARAMETER_NAMES:
        value, expected = got[name], expected_grads[name]
        if not isinstance(value, np.ndarray) or value.shape != expected.shape:
            shape = value.shape if isinstance(value, np.ndarray) else type(value).__name__
            fail(f"{label}[{name!r}]", [f"params[{name!r}]와 같은 모양 {expected.shape}이어야 하는데 {shape}입니다."],
                 ["numerical_gradient(f, self.params[key])는 매개변수와 같은 모양의 기울기를 돌려줍니다."])
        if not np.allclose(value, expected, rtol=1e-4, atol=1e-7):
            hints = [COPIED_PARAMS] if not np.any(value) and np.any(expected) else []
            index = tuple(int(i) for i in np.argwhere(~np.isclose(value, expected, rtol=1e-4, atol=1e-7))[0])
            fail(f"{label}[{name!r}]", ["수치 미분 기울기가 역전파 기울기와 너무 다릅니다.",
                                        f"처음 다른 위치 {list(index)}: 정확한 값 {expected[index]:.8g}, 받은 값 {value[index]:.8g}"],
                 hints + ["손실 함수 f = lambda: self.loss(x, t)와 numerical_gradient(f, self.params[key])를 키마다 부르세요."])


def _compare_two_layer_net(label, got, inputs, expected):
    x, t = inputs["x"], inputs["t"]
    _check_params(label, got["self.params"], inputs)
    values = _forward_backward(_initial_params(inputs), x, t)
    scores = values["scores"]
    with np.errstate(all="ignore"):
        check_array(f"{label}.predict의 결과", got["scores"], expected["scores"],
                    [("마지막 Affine 뒤에는 Relu가 없습니다. 계층은 Affine1 → Relu1 → Affine2 세 개입니다.",
                      np.maximum(scores, 0)),
                     ("predict는 소프트맥스 전의 점수를 돌려줍니다. 소프트맥스는 마지막 계층(SoftmaxWithLoss)이 합니다.",
                      _softmax(scores)),
                     ("Relu 계층이 빠졌습니다: Affine1 → Relu1 → Affine2.", values["no_relu"]),
                     (UPSTREAM, _anything)])
    check_scalar(f"{label}.loss의 결과", got["loss"], expected["loss"],
                 [("loss는 predict의 점수를 self.last_layer.forward(점수, t)에 넘긴 값입니다.", _returns_array_of(scores.shape)),
                  (UPSTREAM, _anything)])
    labels = t if t.ndim == 1 else t.argmax(axis=1)
    predicted = scores.argmax(axis=1)
    n = x.shape[0]
    accuracy_mistakes = [("정확도는 맞힌 개수가 아니라 비율입니다: 맞힌 개수 / 예제 수.", float(np.sum(predicted == labels)))]
    if t.ndim == 2 and t.shape[1] == n:
        accuracy_mistakes.append((ONE_HOT_ACCURACY, float(np.sum(predicted[None, :] == t)) / n))
    check_scalar(f"{label}.accuracy의 결과", got["accuracy"], expected["accuracy"], accuracy_mistakes)
    grads_expected = {name: expected[name] for name in PARAMETER_NAMES}
    skip = ("Relu1 계층의 backward를 건너뛰었습니다. 역전파는 모든 계층을 뒤에서부터 지나야 합니다: "
            "for layer in reversed(list(self.layers.values())): dout = layer.backward(dout).")
    grads_mistakes = [(skip, values["skip_relu"]),
                      ("Affine1과 Affine2의 기울기를 바꿔 담았습니다. W1과 b1은 self.layers['Affine1']의 dW, db입니다.",
                       {"W1": _same(values["grads"]["W2"]), "b1": _same(values["grads"]["b2"]),
                        "W2": _same(values["grads"]["W1"]), "b2": _same(values["grads"]["b1"])})]
    if n > 1:
        grads_mistakes.append((NO_BATCH, {name: value * n for name, value in values["grads"].items()}))
    grads_mistakes.append((UPSTREAM, {name: _anything for name in PARAMETER_NAMES}))
    check_dict(f"{label}.gradient의 결과", got["grads"], grads_expected, grads_mistakes)
    _check_numerical_gradient(f"{label}.numerical_gradient의 결과", got["numerical_grads"], values["exact"], got["grads"])


def _two_layer_net_cases():
    x = np.array([[0.5, -1.2, 0.8], [-0.3, 0.9, 1.5]])
    return [Case({"input_size": 3, "hidden_size": 4, "output_size": 3, "weight_init_std": 0.5,
                  "x": x, "t": np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])})]


NET_EDGES = ("예제 하나, 원-핫, weight_init_std = 0.01", "정수 레이블", "모든 크기가 같음", "은닉 유닛 하나",
             "무작위, 정수 레이블")


def _hidden_two_layer_net(rng, trial):
    if trial == 2:
        n_in = n_h = n_out = n = int(rng.integers(2, 5))
    else:
        n_in, n_h, n_out = int(rng.integers(2, 7)), int(rng.integers(2, 6)), int(rng.integers(2, 5))
        n = 1 if trial == 0 else int(rng.integers(2, 6))
        if trial == 3:
            n_h = 1
    std = 0.01 if trial == 0 else float(np.round(rng.uniform(0.3, 1.5), 2))
    x = rng.standard_normal((n, n_in))
    labels = rng.integers(0, n_out, size=n)
    t = labels if trial in (1, 4) else _one_hot(labels, n_out)
    return Case({"input_size": n_in, "hidden_size": n_h, "output_size": n_out, "weight_init_std": std, "x": x, "t": t},
                detail=f"{NET_EDGES[trial]}: ({n_in}, {n_h}, {n_out}), x {x.shape}, t {t.shape}")


# ── the lesson's exercises, in notebook order ──

LAYER_ERRORS = {"matmul": MATMUL, "not aligned": MATMUL, "'NoneType' object has no attribute 'T'": NOT_STORED_X,
                "has no attribute 'x'": NOT_STORED_X}

EXERCISES = [
    Exercise(name="Affine",
             steps=(Step(None, ("W", "b")), Step("forward", ("x",), ("out",)), Step("backward", ("dout",), ("dx",))),
             keeps=("dW", "db"), public=_affine_cases, hidden=_hidden_affine, expected=_affine_expected,
             compare=_compare_affine, error_hints=LAYER_ERRORS),
    function("softmax", ("x",), ("y",), public=_softmax_cases, hidden=_hidden_softmax, trials=6,
             expected=lambda ref, inputs: {"y": ref.softmax(inputs["x"].copy())}, compare=_compare_softmax,
             error_hints={"axis 1 is out of bounds": AXIS_1_ON_1D},
             mutation_hints={"x": "x -= np.max(x)처럼 쓰면 함수를 부른 쪽의 x도 바뀝니다. "
                                  "x = x - np.max(...)처럼 새 배열을 만드세요."}),
    function("cross_entropy_error", ("y", "t"), ("loss",), public=_cross_entropy_error_cases,
             hidden=_hidden_cross_entropy_error,
             expected=lambda ref, inputs: {"loss": ref.cross_entropy_error(inputs["y"].copy(), inputs["t"].copy())},
             compare=_compare_cross_entropy_error,
             error_hints={"could not be broadcast": CEE_INTEGER, "arrays used as indices must be of integer": CEE_INTEGER}),
    Exercise(name="SoftmaxWithLoss",
             steps=(Step(None, ()), Step("forward", ("x", "t"), ("loss",)), Step("backward", ("dout",), ("dx",))),
             calls=("softmax", "cross_entropy_error"), public=_softmax_with_loss_cases, hidden=_hidden_softmax_with_loss,
             expected=_softmax_with_loss_expected, compare=_compare_softmax_with_loss,
             error_hints={"could not be broadcast": SWL_INTEGER, "'NoneType'": NONE_ATTRIBUTE}),
    Exercise(name="TwoLayerNet",
             steps=(Step(None, ("input_size", "hidden_size", "output_size", "weight_init_std")),
                    Step("gradient", ("x", "t"), ("grads",)),
                    Step("predict", ("x",), ("scores",)),
                    Step("loss", ("x", "t"), ("loss",)),
                    Step("accuracy", ("x", "t"), ("accuracy",)),
                    Step("numerical_gradient", ("x", "t"), ("numerical_grads",))),
             keeps=("params",), shown=("scores", "loss", "accuracy", "grads"),
             calls=("Affine", "SoftmaxWithLoss", "softmax", "cross_entropy_error"),
             public=_two_layer_net_cases, hidden=_hidden_two_layer_net,
             expected=_two_layer_net_expected, compare=_compare_two_layer_net,
             error_hints={"'NoneType'": NONE_ATTRIBUTE, "matmul": NET_MATMUL, "axis 1 is out of bounds": INTEGER_ACCURACY, "not aligned": NET_MATMUL,
                          "could not be broadcast": NET_BROADCAST, "<lambda>() missing": LOSS_TAKES_NO_ARGUMENT,
                          "required positional argument: 'W'": LOSS_TAKES_NO_ARGUMENT}),
]
