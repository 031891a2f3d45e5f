"""Comparisons that explain themselves in Korean, shared by public and hidden checks.

Every ``check_*`` function returns quietly when the student's value is right and
raises ``CheckFailed`` (an ``AssertionError``) otherwise, with a message that names what differs
(type, shape, dtype, keys, the first mismatching entry), shows expected vs. got
and, where a known mistake reproduces the student's value, says which one.

A *mistake* is a pair ``(hint, wrong_value)``: the value a typical wrong
implementation would produce on the same input, and the hint to show when the
student's value equals it.
"""
import copy
import sys
import warnings
from pathlib import Path

import numpy as np

RTOL = 1e-5
ATOL = 1e-8
PACKAGE_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = PACKAGE_DIR.parent / "dlutils" / "reference"
PASSED = "✅ 공개 테스트 통과"


class CheckFailed(AssertionError):
    """A check found a difference; its Korean message is all a student needs to read."""

    brief = True  # shown as its message alone, see testcases.tracebacks


def render(value):
    """How a value is printed to students: numpy's own ``str`` for arrays."""
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return repr(value.item())
    return str(value)


def show(title, outputs):
    """Print ``[title]`` and one ``name = value`` line per output."""
    print(f"[{title}]")
    for name, value in outputs.items():
        text = render(value)
        sep = "\n" if "\n" in text else " "
        print(f"{name} ={sep}{text}")


def passed():
    print(PASSED)


def _describe_inputs(inputs):
    parts = []
    for name, value in inputs.items():
        if isinstance(value, np.ndarray):
            parts.append(f"{name} {value.shape}")
        elif isinstance(value, (list, tuple, dict)):
            parts.append(f"{name} ({type(value).__name__})")
        else:
            parts.append(f"{name}={value!r}")
    return ", ".join(parts)


def _calls_reference(fn, args):
    """Run ``fn(*args)`` and report whether any function under dlutils/reference ran."""
    called = []

    def profiler(frame, event, _arg):
        if event == "call" and Path(frame.f_code.co_filename).resolve().is_relative_to(REFERENCE_DIR):
            called.append(frame.f_code.co_name)

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        result = fn(*args)
    finally:
        sys.setprofile(previous)
    return result, called


def _exception_hint(exc):
    if isinstance(exc, KeyError):
        return f"딕셔너리에 없는 키 {exc.args[0]!r}를 찾았습니다. 키 이름과 반복문의 범위를 확인하세요."
    if isinstance(exc, NameError):
        return "아직 정의하지 않은 이름을 썼습니다. 오타이거나, 앞의 셀을 실행하지 않았을 수 있습니다."
    return "위 오류 줄을 보고 배열의 모양과 연산 순서를 확인하세요."


def call(fn, inputs, outputs, label=None):
    """Call a student's function with ``inputs`` (name -> value, passed in order).

    The function gets deep copies, so ``inputs`` stay as they were even if it works
    in place. Returns ``{output name: value}``. Warnings are silenced so that nothing
    reaches stderr; an exception keeps its type and gains a Korean note with the inputs.
    """
    name = getattr(fn, "__name__", "함수")
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            result, called = _calls_reference(fn, copy.deepcopy(list(inputs.values())))
    except NotImplementedError:
        raise
    except Exception as exc:
        exc.add_note(f"{label or name}: {name}을(를) 실행하다가 오류가 났습니다. "
                     f"입력: {_describe_inputs(inputs)}. {_exception_hint(exc)}")
        raise
    if called:
        raise CheckFailed(
            f"{name}이(가) 참조 구현 dlutils.reference의 {called[0]}을(를) 호출했습니다. "
            "참조 구현은 채점용입니다: numpy로 직접 구현하세요.")
    if len(outputs) == 1:
        return {outputs[0]: result}
    if not isinstance(result, (tuple, list)) or len(result) != len(outputs):
        got = f"{len(result)}개 값" if isinstance(result, (tuple, list)) else type(result).__name__
        raise CheckFailed(
            f"{name}은(는) {', '.join(outputs)} {len(outputs)}개를 튜플로 반환해야 하는데 "
            f"{got}을(를) 반환했습니다. return 줄을 확인하세요.")
    return dict(zip(outputs, result))


def _close(got, expected):
    try:
        return np.shape(got) == np.shape(expected) and np.allclose(
            got, expected, rtol=RTOL, atol=ATOL)
    except (TypeError, ValueError):
        return False


def _mistake_hints(got, mistakes):
    return [hint for hint, wrong in mistakes if (wrong(got) if callable(wrong) else _close(got, wrong))]


def pick(mistakes, output):
    """The ``(hint, value)`` pairs of one output from ``[(hint, {output: value})]``."""
    return [(hint, wrong[output]) for hint, wrong in mistakes if output in wrong]


def fail(label, lines, hints=()):
    """Raise ``CheckFailed``: ``label: lines[0]``, the other lines indented, then the hints."""
    text = "\n".join([f"{label}: {lines[0]}", *("  " + line for line in lines[1:]),
                      *(f"  힌트: {hint}" for hint in hints)])
    raise CheckFailed(text)


def _shape_hints(got_shape, expected_shape):
    hints = []
    if len(got_shape) == 2 and got_shape == expected_shape[::-1]:
        hints.append("행과 열이 뒤바뀐 모양입니다. 전치(.T)와 곱셈 순서를 확인하세요.")
    if (len(got_shape) == 1 and len(expected_shape) == 2 and expected_shape[1] == 1
            and got_shape[0] == expected_shape[0]):
        hints.append("1차원 배열이 되었습니다. np.sum(..., axis=1, keepdims=True)처럼 "
                     "keepdims=True로 열 벡터 (n, 1) 모양을 유지하세요.")
    if (len(got_shape) == 2 and len(expected_shape) == 2 and got_shape[0] == 1
            and expected_shape[1] == 1 and got_shape[1] == expected_shape[0] and expected_shape[0] > 1):
        hints.append("열 방향 대신 행 방향으로 더한 것 같습니다. 예제(열)를 따라 더하려면 axis=1입니다.")
    return hints


def check_array(label, got, expected, mistakes=()):
    """A float array equal to ``expected`` within tolerance."""
    expected = np.asarray(expected, dtype=float)
    if not isinstance(got, np.ndarray):
        fail(label, [f"numpy 배열(np.ndarray)이어야 하는데 {type(got).__name__}입니다."],
              ["np.array, np.dot, np.zeros 같은 numpy 연산의 결과를 반환하세요."])
    if got.shape != expected.shape:
        fail(label, ["모양(shape)이 다릅니다.",
                      f"기댓값 shape: {expected.shape}", f"받은 값 shape: {got.shape}"],
              _mistake_hints(got, mistakes) + _shape_hints(got.shape, expected.shape))
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
        hints = _mistake_hints(got, mistakes)
        if not np.isfinite(got).all():
            hints.append("nan 또는 inf가 있습니다. log(0)이나 0으로 나누기가 생기지 않는지 확인하세요.")
        fail(label, lines, hints)


def check_scalar(label, got, expected, mistakes=()):
    """A single number (Python float, numpy scalar or 0-d array) close to ``expected``."""
    if isinstance(got, np.ndarray) and got.ndim > 0:
        fail(label, [f"숫자 하나(0차원)여야 하는데 shape {got.shape}인 배열입니다."],
              _mistake_hints(got, mistakes)
              + ["np.squeeze(...)나 float(...)로 숫자 하나로 바꾸세요."])
    if not isinstance(got, (float, int, np.number, np.ndarray)) or isinstance(got, bool):
        fail(label, [f"숫자여야 하는데 {type(got).__name__}입니다."])
    if not _close(float(got), expected):
        fail(label, ["값이 기댓값과 다릅니다.", f"기댓값: {expected!r}", f"받은 값: {float(got)!r}"],
              _mistake_hints(float(got), mistakes))


def check_keys(label, got, expected_keys):
    """A dict with exactly ``expected_keys``."""
    if not isinstance(got, dict):
        fail(label, [f"딕셔너리(dict)여야 하는데 {type(got).__name__}입니다."])
    missing = [k for k in expected_keys if k not in got]
    extra = [k for k in got if k not in expected_keys]
    if missing or extra:
        lines = ["딕셔너리의 키가 다릅니다.", f"기댓값 키: {list(expected_keys)}",
                 f"받은 키: {list(got)}"]
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
    if not (isinstance(got, np.ndarray) and got.shape == np.shape(expected)
            and np.array_equal(got, expected)):
        fail(label, ["캐시에 저장한 값이 입력과 다릅니다."],
              ["캐시에는 계산에 쓴 입력을 그대로 담으세요."])

