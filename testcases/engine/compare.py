"""Comparisons that explain themselves in Korean, shared by public and hidden checks.

Every ``check_*`` function returns quietly when the student's value is right and
raises ``CheckFailed`` otherwise, naming what differs (type, shape, dtype, keys,
the first mismatching entry) and, where a known mistake reproduces the student's
value, its hint.

A *mistake* is a pair ``(hint, wrong)``: the value a typical wrong implementation
produces on the same input (or a predicate on the student's value), and the hint
to show when it matches. Only the first matching mistake is named, so two hints
never contradict each other.
"""
import numpy as np

from testcases.engine.report import fail

RTOL = 1e-5
ATOL = 1e-8
TUPLE_HINT = ("튜플을 돌려주었습니다. 두 값을 돌려주는 함수의 결과는 A, cache = ...처럼 나누어 받으세요 "
              "(예: 07 실습의 sigmoid와 relu는 (A, cache) 두 값을 돌려줍니다).")


def close(got, expected):
    try:
        return np.shape(got) == np.shape(expected) and bool(np.allclose(got, expected, rtol=RTOL, atol=ATOL))
    except (TypeError, ValueError):
        return False


def matching_hint(got, mistakes):
    """The hint of the first mistake that reproduces ``got``, as a list of zero or one hint."""
    for hint, wrong in mistakes:
        if wrong(got) if callable(wrong) else close(got, wrong):
            return [hint]
    return []


def pick(mistakes, output):
    """The ``(hint, value)`` pairs of one output from ``[(hint, {output: value})]``."""
    return [(hint, wrong[output]) for hint, wrong in mistakes if output in wrong]


def _shape_hints(got_shape, expected_shape):
    hints = []
    if len(got_shape) == 2 and got_shape == expected_shape[::-1] and got_shape[0] != got_shape[1]:
        hints.append("행과 열이 뒤바뀐 모양입니다. 전치(.T)와 곱셈 순서를 확인하세요.")
    if (len(got_shape) == 1 and len(expected_shape) == 2 and expected_shape[1] == 1
            and got_shape[0] == expected_shape[0]):
        hints.append("(n,) 모양의 1차원 배열입니다. (n, 1) 열 벡터여야 합니다. 배열을 만들 때는 np.zeros((n, 1))처럼 "
                     "두 차원을 모두 쓰고, 합을 구할 때는 keepdims=True로 차원을 유지하세요.")
    if (len(got_shape) == 2 and len(expected_shape) == 2 and got_shape[0] == 1
            and expected_shape[1] == 1 and got_shape[1] == expected_shape[0] and expected_shape[0] > 1):
        hints.append("열 방향 대신 행 방향으로 더한 것 같습니다. 예제(열)를 따라 더하려면 axis=1입니다.")
    return hints


NOT_FINITE_HINT = ("nan 또는 inf가 있습니다. np.exp가 넘치지(overflow) 않는지, log(0)이나 0으로 나누기가 생기지 "
                   "않는지 확인하세요.")


def check_array(label, got, expected, mistakes=()):
    """A numeric array equal to ``expected`` within tolerance."""
    expected = np.asarray(expected, dtype=float)
    if isinstance(got, tuple):
        fail(label, [f"numpy 배열(np.ndarray)이어야 하는데 길이 {len(got)}인 튜플입니다."], [TUPLE_HINT])
    if not isinstance(got, np.ndarray):
        fail(label, [f"numpy 배열(np.ndarray)이어야 하는데 {type(got).__name__}입니다."],
             ["np.array, np.dot, np.zeros 같은 numpy 연산의 결과를 반환하세요."])
    if got.shape != expected.shape:
        fail(label, ["모양(shape)이 다릅니다.", f"기댓값 shape: {expected.shape}", f"받은 값 shape: {got.shape}"],
             matching_hint(got, mistakes) + _shape_hints(got.shape, expected.shape))
    if got.dtype.kind not in "fiub":
        fail(label, [f"숫자 배열이어야 하는데 dtype이 {got.dtype}입니다."])
    if got.dtype.kind != "f" and not np.array_equal(got, expected):
        fail(label, [f"정수 배열(dtype {got.dtype})이라 값이 잘렸습니다. 실수(float) 배열이어야 합니다."],
             ["정수 나눗셈(//)이나 dtype=int를 쓰지 않았는지, float 배열을 만들었는지 확인하세요."])
    bad = ~np.isclose(got, expected, rtol=RTOL, atol=ATOL)
    if bad.any():
        index = tuple(int(i) for i in np.argwhere(bad)[0])
        lines = ["값이 기댓값과 다릅니다.",
                 f"처음 다른 위치 {list(index)}: 기댓값 {expected[index]:.8g}, 받은 값 {got[index]:.8g}",
                 f"다른 원소 수: {int(bad.sum())} / {bad.size}"]
        hints = matching_hint(got, mistakes)
        if not hints and not np.isfinite(got).all():  # a named mistake already says where nan or inf came from
            hints.append(NOT_FINITE_HINT)
        fail(label, lines, hints)


def check_scalar(label, got, expected, mistakes=()):
    """A single number (Python float, numpy scalar or 0-d array) close to ``expected``."""
    if isinstance(got, np.ndarray) and got.ndim > 0:
        if got.size == 1:
            hint = f"결과가 {got.shape} 배열로 남았습니다. np.squeeze(...)나 .item()으로 숫자 하나로 바꾸세요."
        else:
            hint = (f"값이 {got.size}개인 배열입니다. 예제마다의 값을 하나로 모으세요 "
                    "(평균이라면 np.mean, 합이라면 np.sum).")
        fail(label, [f"숫자 하나(0차원)여야 하는데 shape {got.shape}인 배열입니다."],
             matching_hint(got, mistakes) + [hint])
    if isinstance(got, tuple):
        fail(label, [f"숫자 하나여야 하는데 길이 {len(got)}인 튜플입니다."], [TUPLE_HINT])
    if not isinstance(got, (float, int, np.number, np.ndarray)) or isinstance(got, (bool, np.bool_)):
        fail(label, [f"숫자여야 하는데 {type(got).__name__}입니다."])
    if not close(float(got), expected):
        fail(label, ["값이 기댓값과 다릅니다.", f"기댓값: {float(expected)!r}", f"받은 값: {float(got)!r}"],
             matching_hint(float(got), mistakes))


def check_keys(label, got, expected_keys):
    """A dict with exactly ``expected_keys``."""
    if not isinstance(got, dict):
        fail(label, [f"딕셔너리(dict)여야 하는데 {type(got).__name__}입니다."])
    missing = [k for k in expected_keys if k not in got]
    extra = [k for k in got if k not in expected_keys]
    if missing or extra:
        lines = ["딕셔너리의 키가 다릅니다.", f"기댓값 키: {list(expected_keys)}", f"받은 키: {list(got)}"]
        if missing:
            lines.append(f"빠진 키: {missing}")
        if extra:
            lines.append(f"남는 키: {extra}")
        fail(label, lines, ["반복문의 범위(range의 시작과 끝)와 키 이름('W' + str(l))을 확인하세요."])


def check_dict(label, got, expected, mistakes=()):
    """A dict with the same keys as ``expected`` whose values match array by array."""
    check_keys(label, got, list(expected))
    for key, value in expected.items():
        check_array(f"{label}[{key!r}]", got[key], value, pick(mistakes, key))


def check_same(label, got, expected):
    """``got`` is the very input object, or an array equal to it."""
    if got is expected:
        return
    if not (isinstance(got, np.ndarray) and got.shape == np.shape(expected) and np.array_equal(got, expected)):
        fail(label, ["캐시에 저장한 값이 입력과 다릅니다."], ["캐시에는 계산에 쓴 입력을 그대로 담으세요."])


def equal(a, b):
    """Structural equality of inputs: arrays by value, containers item by item."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape
                and a.dtype == b.dtype and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f")))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if callable(a) and callable(b):
        return a is b
    try:
        return bool(a == b)
    except Exception:
        return False
