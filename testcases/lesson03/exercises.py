"""Lesson 03 (gradient descent): every graded function, declared once.

Conventions of the lesson: a point is a float array of shape ``(n,)``; a loss ``f(p)``
returns one number and a gradient function returns an array of shape ``(n,)``. The
lesson's ``sigmoid`` (``dlutils.given.lesson03``) returns the value alone.

Functions are inputs here (the ``f`` of ``numerical_gradient``, the ``gradient`` of
``gradient_descent``): they travel to the judge by name, so each one is a
module-level function of ``dlutils.given.lesson03`` (the losses the lesson draws)
or of this module (``cubic``, ``coupled_loss`` and ``coupled_gradient``, used only by
the checks). The public cases are the lesson's own numbers: the slopes 2 and -4 of
``x²``, and the worked example ``J(w, b) = (w - 2)² + ½ (b - 9)²`` from
``(w, b) = (3, 5)``, where the gradient is ``(2, -4)``; beside them, public cases change what an
answer may write in as a number (``h``, the learning rate, the number of steps, losses all
negative or all positive). Hidden cases take points of 1
to 4 coordinates, other functions and step sizes ``h``, learning rates 0 and too
large, and 0 or 1 steps. Mistakes are the outputs typical wrong answers produce,
each with its Korean hint.
"""
import numpy as np

from dlutils.given.lesson03 import bowl_gradient, bowl_loss, bumpy_gradient, bumpy_loss, sigmoid, square, wave
from testcases.engine.compare import check_array, check_scalar
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

DEFAULT_H = 1e-4
COUPLING = 0.5
TILT = np.array([0.8, -0.5, 0.3, 0.6])

CENTRAL = ("중앙 차분을 쓰세요: (f(x + h) - f(x - h)) / (2 * h). 한쪽으로만 움직인 (f(x + h) - f(x)) / h는 "
           "오차가 h에 비례해서 훨씬 큽니다.")
TWO_H = "두 점 x + h와 x - h 사이의 거리는 2h입니다. h가 아니라 2 * h로 나누세요."
PARENTHESES = ("괄호가 빠졌습니다. ... / 2 * h는 (... / 2) * h로 계산됩니다. "
               "분모 전체를 괄호로 묶어 / (2 * h)로 쓰세요.")
IGNORED_H = "인자로 받은 h를 쓰세요. 1e-4를 숫자로 적어 넣으면 다른 h로 부를 때 값이 달라집니다."
RESTORE = ("x[i]를 바꾼 뒤 원래 값으로 되돌리지 않았습니다. 바꾸기 전에 old = x[i]로 저장해 두고, f를 두 번 부른 뒤 "
           "x[i] = old로 되돌리세요. 그러지 않으면 다음 성분을 계산할 때 x가 이미 옮겨져 있습니다.")
RESTORE_INPUT = ("x가 부르기 전과 달라졌습니다. x[i]를 되돌리지 않았거나, x[i] += h … x[i] -= h처럼 더하고 빼서 되돌려 "
                 "반올림 오차가 남았을 수 있습니다. 바꾸기 전에 old = x[i]로 저장해 두고 f를 두 번 부른 뒤 "
                 "x[i] = old로 되돌리세요. x_plus = x처럼 이름만 붙이는 것도 복사가 아니라서 x가 바뀝니다.")
ALIAS = ("모든 성분이 0입니다. x_plus = x, x_minus = x처럼 이름만 붙이면 두 이름이 같은 배열이라 f(x_plus)와 "
         "f(x_minus)가 같아집니다. x[i]를 직접 옮겼다가 되돌리거나, x.copy()로 복사하세요.")
HALF = ("f(x - h) 자리에 f(x)를 썼습니다. 그래서 값이 기울기의 절반쯤입니다. x를 x - h로 옮긴 뒤 f를 한 번 더 "
        "부르세요 (x[i] = old - h).")
ONE_AT_A_TIME = ("모든 성분을 한꺼번에 h만큼 움직였습니다. i번째 편미분은 x[i] 하나만 움직이고 나머지는 그대로 둔 채 "
                 "구합니다.")
SIGN = "기울기의 반대 방향으로 움직이세요: p = p - learning_rate * gradient(p) (더하기가 아니라 빼기)."
FIXED_RATE = "인자로 받은 learning_rate를 쓰세요. 0.1을 숫자로 적어 넣으면 다른 학습률로 부를 때 경로가 달라집니다."
NO_RATE = "learning_rate를 곱하세요: p = p - learning_rate * gradient(p)."
STUCK_GRADIENT = "기울기는 매번 현재 점에서 다시 구합니다: gradient(start)가 아니라 gradient(p)입니다."
NO_START = "경로의 첫 행은 시작점 start입니다. 반복문에 들어가기 전에 start를 먼저 넣으세요."
SHORT_PATH = ("n_steps번 움직이면 점은 시작점을 포함해 n_steps + 1개입니다. 반복문은 range(n_steps)로 n_steps번 돕니다.")
LONG_PATH = "점이 하나 많습니다. 반복문은 range(n_steps)로 n_steps번만 돕니다."
LAST_ONLY = "마지막 점만 반환했습니다. 지나간 점을 모두 모아 (n_steps + 1, n) 모양의 배열로 반환하세요."
SAME_ARRAY = ("첫 행 다음의 모든 행이 마지막 점과 같습니다. p -= ...처럼 배열을 제자리에서 고치면서 같은 배열을 계속 append하면 "
              "리스트에 든 것이 모두 한 배열입니다. p = p - ...로 새 배열을 만들거나 append(p.copy())를 쓰세요.")
START_INPUT = ("start를 그대로 고쳤습니다. p = start는 복사가 아니라 같은 배열에 이름을 하나 더 붙인 것입니다. "
               "p = np.array(start, dtype=float)로 복사하거나, p = p - ...처럼 새 배열을 만드세요.")
BEST_START = ("시작점이 아니라 경사 하강이 끝난 점을 비교하세요. 시작점마다 gradient_descent의 경로 path를 구하고, "
              "마지막 점 path[-1]과 그 손실 loss(path[-1])을 씁니다.")
LARGEST = "손실이 가장 작은 점을 고르세요 (가장 큰 점이 아니라). 비교는 < 또는 np.argmin입니다."
LAST_RESTART = ("마지막 시작점의 결과만 남았습니다. 모든 시작점의 결과를 비교해 지금까지의 최솟값보다 작을 때만 "
                "best_point와 best_loss를 바꾸세요.")
ZERO_START = ("best_loss를 0에서 시작했습니다. 손실이 모두 0보다 크면 어느 결과도 0보다 작지 않아 한 번도 바뀌지 "
              "않습니다. best_loss는 np.inf나 첫 시작점의 손실에서 시작하세요.")
BY_START_LOSS = "시작점의 손실이 아니라 끝난 점의 손실 loss(path[-1])로 비교하세요."
NO_OUTER_PRIME = "바깥 시그모이드의 미분 σ'(z2) = y (1 - y)가 빠졌습니다. 연쇄 법칙에서는 모든 고리의 미분을 곱합니다."
NO_INNER_PRIME = "안쪽 시그모이드의 미분 σ'(z1) = a1 (1 - a1)이 빠졌습니다. 연쇄 법칙에서는 모든 고리의 미분을 곱합니다."
NO_PRIMES = "시그모이드의 미분 σ'(z) = σ(z) (1 - σ(z))가 두 곳 모두 빠졌습니다. 시그모이드를 지날 때마다 σ'을 곱합니다."
SIGMA_NOT_PRIME = "σ(z)가 아니라 σ'(z) = σ(z) (1 - σ(z))를 곱하세요. 시그모이드의 값과 기울기는 다릅니다."
PRIME_OF_Z = "σ'(z)는 z (1 - z)가 아니라 σ(z) (1 - σ(z))입니다. 시그모이드를 먼저 계산한 값 a로 a (1 - a)를 쓰세요."
NO_X = "마지막 고리 dz1/dw1 = x가 빠졌습니다. z1 = w1 x + b1을 w1로 미분하면 x입니다."
WRONG_WEIGHT = "dz2/da1은 w2입니다 (w1이 아니라). z2 = w2 a1 + b2를 a1로 미분하세요."


# ── functions the checks pass in (module level, so they travel to the judge by name) ──

def cubic(x):
    """``x³ - 2x``."""
    return x ** 3 - 2 * x


def coupled_loss(p):
    """A loss whose partial derivatives each depend on several coordinates (any ``n`` up to 4).

    ``½ |p|² + ½ Σ pᵢ pᵢ₊₁ + log(1 + exp(t · p))`` with the fixed tilt ``t = TILT[:n]``.
    """
    p = np.asarray(p, dtype=float)
    return 0.5 * p @ p + COUPLING * np.sum(p[:-1] * p[1:]) + np.logaddexp(0, TILT[:p.size] @ p)


def coupled_gradient(p):
    """The gradient of ``coupled_loss``."""
    p = np.asarray(p, dtype=float)
    grad = p + TILT[:p.size] * sigmoid(TILT[:p.size] @ p)
    grad[:-1] += COUPLING * p[1:]
    grad[1:] += COUPLING * p[:-1]
    return grad


# ── helpers ──

def _point(rng, n, low=-3.0, high=3.0):
    return np.round(rng.uniform(low, high, size=n), 3)


def _descend(gradient, start, learning_rate, n_steps, sign=-1.0, frozen=False):
    """The path of an update rule: ``p + sign · rate · gradient(p or start)``, ``n_steps`` times."""
    p = np.array(start, dtype=float)
    path = [p]
    for _ in range(n_steps):
        p = p + sign * learning_rate * gradient(start if frozen else p)
        path.append(p)
    return np.array(path)


# ── numerical_derivative ──

def _compare_numerical_derivative(label, got, inputs, expected):
    f, x, h = inputs["f"], inputs["x"], inputs["h"]
    mistakes = [(CENTRAL, (f(x + h) - f(x)) / h), (CENTRAL, (f(x) - f(x - h)) / h), (HALF, (f(x + h) - f(x)) / (2 * h)),
                (TWO_H, (f(x + h) - f(x - h)) / h), (PARENTHESES, (f(x + h) - f(x - h)) / 2 * h)]
    if h != DEFAULT_H:
        mistakes.append((IGNORED_H, (f(x + DEFAULT_H) - f(x - DEFAULT_H)) / (2 * DEFAULT_H)))
    check_scalar(f"{label}의 derivative", got["derivative"], expected["derivative"], mistakes)


def _numerical_derivative_cases():
    return [Case({"f": square, "x": 1.0, "h": DEFAULT_H}, title="f(x) = x², x = 1 (기울기 2)"),
            Case({"f": square, "x": -2.0, "h": DEFAULT_H}, title="f(x) = x², x = -2 (기울기 -4)"),
            Case({"f": cubic, "x": 1.0, "h": 0.1}, title="f(x) = x³ - 2x, x = 1, h = 0.1 (기울기 1, 중앙 차분은 1 + h²)")]


_DERIVATIVE_TRIALS = (  # (what the trial tests, function, x or None for random, h or None for random)
    ("x = 0", cubic, 0.0, DEFAULT_H),
    ("작은 h", square, None, 1e-5),
    ("sin(3x) + 0.1x²", wave, None, 1e-3),
    ("큰 h", cubic, None, 0.1),
    ("sigmoid", sigmoid, None, DEFAULT_H),
    ("무작위 h", wave, None, None),
)


def _hidden_numerical_derivative(rng, trial):
    what, f, x, h = _DERIVATIVE_TRIALS[trial]
    x = float(np.round(rng.uniform(-3, 3), 3)) if x is None else x
    h = float(10 ** rng.uniform(-5, -3)) if h is None else h
    return Case({"f": f, "x": x, "h": h}, detail=f"{what}: f = {f.__name__}, x = {x}, h = {h:.3g}")


# ── numerical_gradient ──

def _unit(n, i):
    e = np.zeros(n)
    e[i] = 1.0
    return e


def _not_restored(f, x, h):
    """The gradient of the loop that moves ``x[i]`` to ``x[i] + h``, then ``x[i] - h``, and leaves it there."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(x.size):
        x[i] += h
        f_plus = f(x)
        x[i] -= 2 * h
        grad[i] = (f_plus - f(x)) / (2 * h)
    return grad


def _all_zero(expected):
    return lambda got: (isinstance(got, np.ndarray) and got.shape == np.shape(expected)
                        and not np.any(got) and bool(np.any(np.abs(expected) > 1e-6)))


def _compare_numerical_gradient(label, got, inputs, expected):
    f, x, h = inputs["f"], inputs["x"], inputs["h"]
    n = x.size
    central = lambda step: np.array([(f(x + step * _unit(n, i)) - f(x - step * _unit(n, i))) / (2 * step)
                                     for i in range(n)])
    forward = np.array([f(x + h * _unit(n, i)) - f(x) for i in range(n)])
    mistakes = [(CENTRAL, forward / h), (HALF, forward / (2 * h)),
                (TWO_H, 2 * expected["grad"]),
                (PARENTHESES, expected["grad"] * h * h),
                (ALIAS, _all_zero(expected["grad"])),
                (RESTORE, _not_restored(f, x, h))]
    if n > 1:
        together = (f(x + h) - f(x - h)) / (2 * h)
        mistakes.append((ONE_AT_A_TIME, np.full(n, together)))
    if h != DEFAULT_H:
        mistakes.append((IGNORED_H, central(DEFAULT_H)))
    check_array(f"{label}의 grad", got["grad"], expected["grad"], mistakes)


def _numerical_gradient_cases():
    return [Case({"f": bowl_loss, "x": np.array([3.0, 5.0]), "h": DEFAULT_H},
                 title="J(w, b) = (w - 2)² + ½(b - 9)², (w, b) = (3, 5)"),
            Case({"f": bumpy_loss, "x": np.array([0.5, -1.0, 2.0]), "h": 0.01},
                 title="J(p) = Σ (sin(3pᵢ) + 0.1pᵢ²), 좌표 3개, h = 0.01")]


_GRADIENT_TRIALS = (  # (what the trial tests, function, number of coordinates, h or None for random)
    ("좌표 하나", bowl_loss, 1, DEFAULT_H),
    ("성분끼리 얽힌 함수, 좌표 4개", coupled_loss, 4, DEFAULT_H),
    ("볼록하지 않은 함수, 좌표 3개", bumpy_loss, 3, 1e-3),
    ("0인 좌표가 있음", coupled_loss, 2, 1e-5),
    ("무작위 h, 좌표 4개", bowl_loss, 4, None),
    ("큰 h", coupled_loss, 3, 0.05),
)


def _hidden_numerical_gradient(rng, trial):
    what, f, n, h = _GRADIENT_TRIALS[trial]
    x = _point(rng, n)
    if trial == 3:
        x[0] = 0.0
    h = float(10 ** rng.uniform(-5, -3)) if h is None else h
    return Case({"f": f, "x": x, "h": h}, detail=f"{what}: f = {f.__name__}, x {x.shape}, h = {h:.3g}")


# ── gradient_descent ──

def _compare_gradient_descent(label, got, inputs, expected):
    gradient, start, learning_rate, n_steps = inputs.values()
    path = expected["path"]
    if isinstance(got["path"], list):
        fail(f"{label}의 path", ["numpy 배열이어야 하는데 list입니다."],
             ["점들을 모은 리스트를 np.array(path)로 바꿔 반환하세요."])
    mistakes = [(NO_START, path[1:]), (SHORT_PATH, path[:-1]), (LAST_ONLY, path[-1]),
                (LONG_PATH, lambda value: np.shape(value) == (n_steps + 2, start.size)),
                (SAME_ARRAY, lambda value: n_steps > 1 and np.shape(value) == path.shape
                 and bool(np.allclose(value[1:], path[-1]))),
                (SIGN, _descend(gradient, start, learning_rate, n_steps, sign=+1)),
                (NO_RATE, _descend(gradient, start, 1.0, n_steps)),
                (FIXED_RATE, _descend(gradient, start, 0.1, n_steps)),
                (STUCK_GRADIENT, _descend(gradient, start, learning_rate, n_steps, frozen=True))]
    check_array(f"{label}의 path", got["path"], path, mistakes)


def _gradient_descent_case():
    return [Case({"gradient": bowl_gradient, "start": np.array([3.0, 5.0]), "learning_rate": 0.1, "n_steps": 3},
                 title="J(w, b) = (w - 2)² + ½(b - 9)²의 기울기, (w, b) = (3, 5)에서 세 걸음"),
            Case({"gradient": bumpy_gradient, "start": np.array([2.0]), "learning_rate": 0.05, "n_steps": 4},
                 title="J(p) = sin(3p) + 0.1p²의 기울기, p = 2에서 학습률 0.05로 네 걸음")]


_DESCENT_TRIALS = (  # (what the trial tests, gradient, coordinates, learning rate, steps); None: random
    ("n_steps = 0", bowl_gradient, 2, 0.1, 0),
    ("n_steps = 1, 좌표 하나", bumpy_gradient, 1, 0.05, 1),
    ("학습률 0", coupled_gradient, 3, 0.0, 3),
    ("발산하는 큰 학습률", bowl_gradient, 4, 1.1, 5),
    ("무작위", coupled_gradient, None, None, None),
    ("볼록하지 않은 함수", bumpy_gradient, 2, 0.05, 10),
)


def _hidden_gradient_descent(rng, trial):
    what, gradient, n, learning_rate, n_steps = _DESCENT_TRIALS[trial]
    n = int(rng.integers(1, 5)) if n is None else n
    learning_rate = float(np.round(rng.uniform(0.05, 0.3), 3)) if learning_rate is None else learning_rate
    n_steps = int(rng.integers(2, 9)) if n_steps is None else n_steps
    start = _point(rng, n)
    return Case({"gradient": gradient, "start": start, "learning_rate": learning_rate, "n_steps": n_steps},
                detail=f"{what}: gradient = {gradient.__name__}, start {start.shape}, "
                       f"learning_rate = {learning_rate}, n_steps = {n_steps}")


# ── best_of_restarts ──

def _ends(inputs):
    loss, gradient, starts, learning_rate, n_steps = inputs.values()
    ends = [_descend(gradient, start, learning_rate, n_steps)[-1] for start in starts]
    return ends, [float(loss(end)) for end in ends]


def _compare_best_of_restarts(label, got, inputs, expected):
    loss, starts = inputs["loss"], inputs["starts"]
    point, value = got["best_point"], got["best_loss"]
    if point is None:
        fail(f"{label}의 best_point", ["None을 돌려주었습니다. best_point가 한 번도 바뀌지 않았습니다."],
             [ZERO_START] if expected["best_loss"] > 0 else [])
    if np.ndim(point) == 0 and isinstance(value, np.ndarray) and value.ndim == 1:
        fail(label, ["best_point가 숫자 하나이고 best_loss가 배열입니다."],
             ["반환 순서는 (best_point, best_loss)입니다. 점을 먼저, 손실을 나중에 돌려주세요."])
    ends, losses = _ends(inputs)
    start_losses = [float(loss(start)) for start in starts]
    by_start = int(np.argmin(start_losses))
    mistakes = [(BEST_START, (starts[by_start], start_losses[by_start])),
                (LARGEST, (ends[int(np.argmax(losses))], max(losses))),
                (LAST_RESTART, (ends[-1], losses[-1])),
                (BY_START_LOSS, (ends[by_start], losses[by_start]))]
    check_array(f"{label}의 best_point", point, expected["best_point"],
                [(hint, wrong[0]) for hint, wrong in mistakes])
    check_scalar(f"{label}의 best_loss", value, expected["best_loss"],
                 [(hint, wrong[1]) for hint, wrong in mistakes] + [(ZERO_START, 0.0)])


def _best_of_restarts_case():
    starts = np.array([[-4.0], [-2.2], [0.3], [2.4], [4.3]])
    return [Case({"loss": bumpy_loss, "gradient": bumpy_gradient, "starts": starts, "learning_rate": 0.05,
                  "n_steps": 60}, title="J(p) = sin(3p) + 0.1p², 시작점 5개"),
            Case({"loss": bowl_loss, "gradient": bowl_gradient, "starts": np.array([[3.0, 5.0], [0.0, 0.0], [6.0, 12.0]]),
                  "learning_rate": 0.1, "n_steps": 5}, title="J(w, b) = (w - 2)² + ½(b - 9)², 손실이 모두 양수")]


_RESTART_TRIALS = (  # (what the trial tests, loss, gradient, coordinates, starts, learning rate, steps)
    ("좌표 하나, 시작점 4개", bumpy_loss, bumpy_gradient, 1, 4, 0.05, 40),
    ("시작점 하나", bumpy_loss, bumpy_gradient, 2, 1, 0.05, 20),
    ("n_steps = 0", bumpy_loss, bumpy_gradient, 3, 4, 0.05, 0),
    ("좌표 4개, 시작점 6개", bumpy_loss, bumpy_gradient, 4, 6, 0.04, 30),
    ("다 내려가지 못한 그릇 모양", bowl_loss, bowl_gradient, 2, 3, 0.1, 2),
)


def _hidden_best_of_restarts(rng, trial):
    what, loss, gradient, n, k, learning_rate, n_steps = _RESTART_TRIALS[trial]
    starts = np.round(rng.uniform(-4.5, 4.5, size=(k, n)), 3)
    return Case({"loss": loss, "gradient": gradient, "starts": starts, "learning_rate": learning_rate,
                 "n_steps": n_steps},
                detail=f"{what}: loss = {loss.__name__}, starts {starts.shape}, n_steps = {n_steps}")


def _best_of_restarts_expected(ref, inputs):
    best_point, best_loss = ref.best_of_restarts(*inputs.values())
    return {"best_point": best_point, "best_loss": best_loss}


# ── chain_rule_derivative ──

def _compare_chain_rule_derivative(label, got, inputs, expected):
    x, w1, b1, w2, b2 = inputs.values()
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    y = sigmoid(z2)
    outer, inner = y * (1 - y), a1 * (1 - a1)
    mistakes = [(NO_PRIMES, w2 * x), (NO_OUTER_PRIME, w2 * inner * x), (NO_INNER_PRIME, outer * w2 * x),
                (SIGMA_NOT_PRIME, y * w2 * a1 * x), (PRIME_OF_Z, z2 * (1 - z2) * w2 * z1 * (1 - z1) * x),
                (PRIME_OF_Z, outer * w2 * z1 * (1 - z1) * x), (PRIME_OF_Z, z2 * (1 - z2) * w2 * inner * x),
                (NO_X, outer * w2 * inner), (WRONG_WEIGHT, outer * w1 * inner * x)]
    check_scalar(f"{label}의 dy_dw1", got["dy_dw1"], expected["dy_dw1"], mistakes)


def _chain_rule_case():
    return [Case({"x": 1.5, "w1": 0.8, "b1": -0.5, "w2": -1.3, "b2": 0.4},
                 title="y = σ(w2·σ(w1·x + b1) + b2)")]


def _hidden_chain_rule_derivative(rng, trial):
    x, w1, b1, w2, b2 = (float(v) for v in np.round(rng.uniform(-2, 2, size=5), 3))
    what = "무작위"
    if trial == 0:
        what, x = "x = 0", 0.0
    elif trial == 1:
        what, w1, x = "포화된 안쪽 시그모이드", 4.0, 1.5
    elif trial == 2:
        what, w2 = "음수 w2", float(np.round(-abs(w2) - 0.5, 3))
    return Case({"x": x, "w1": w1, "b1": b1, "w2": w2, "b2": b2},
                detail=f"{what}: x = {x}, w1 = {w1}, b1 = {b1}, w2 = {w2}, b2 = {b2}")


GRADCHECK = ("dlutils.gradcheck.numerical_gradient",)  # lesson 07's tool would answer these two exercises


def _returns(name, output):
    return lambda ref, inputs: {output: getattr(ref, name)(*inputs.values())}


EXERCISES = [
    function("numerical_derivative", ("f", "x", "h"), ("derivative",), show_inputs=True, trials=6,
             public=_numerical_derivative_cases, hidden=_hidden_numerical_derivative,
             expected=_returns("numerical_derivative", "derivative"), compare=_compare_numerical_derivative,
             forbids=GRADCHECK),
    function("numerical_gradient", ("f", "x", "h"), ("grad",), show_inputs=True, trials=6,
             public=_numerical_gradient_cases, hidden=_hidden_numerical_gradient,
             expected=_returns("numerical_gradient", "grad"), compare=_compare_numerical_gradient,
             mutation_hints={"x": RESTORE_INPUT}, forbids=GRADCHECK),
    function("gradient_descent", ("gradient", "start", "learning_rate", "n_steps"), ("path",),
             show_inputs=True, trials=6,
             public=_gradient_descent_case, hidden=_hidden_gradient_descent,
             expected=_returns("gradient_descent", "path"), compare=_compare_gradient_descent,
             mutation_hints={"start": START_INPUT}),
    function("best_of_restarts", ("loss", "gradient", "starts", "learning_rate", "n_steps"),
             ("best_point", "best_loss"), calls=("gradient_descent",), show_inputs=True,
             public=_best_of_restarts_case, hidden=_hidden_best_of_restarts,
             expected=_best_of_restarts_expected, compare=_compare_best_of_restarts),
    function("chain_rule_derivative", ("x", "w1", "b1", "w2", "b2"), ("dy_dw1",), show_inputs=True, trials=6,
             public=_chain_rule_case, hidden=_hidden_chain_rule_derivative,
             expected=_returns("chain_rule_derivative", "dy_dw1"), compare=_compare_chain_rule_derivative),
]
