"""Calling a student's function or class the way its ``Exercise`` declares.

The same code runs in the student's kernel (the public check) and in the judge's
child process (grading), so both call a submission in exactly the same way:
inputs are deep-copied first (the copies, as the call left them, come back for
the check that inputs were not changed), warnings are silenced so nothing
reaches stderr, and the graded functions it calls are answered by ``providers``.
"""
import contextlib
import copy
import inspect
import warnings

import numpy as np

from testcases.engine.codec import Foreign
from testcases.engine.report import CheckFailed

_ABSENT = object()
NO_ATTRIBUTE = "속성없음"  # the type name a kept attribute that was never set arrives as
ERROR_HINTS = {
    'can only concatenate str (not "int") to str':
        '"W" + l처럼 문자열과 정수를 더했습니다. "W" + str(l)로 쓰세요.',
    "list indices must be integers": "리스트의 인덱스는 정수여야 합니다. range로 만든 번호나 int(...)를 쓰세요.",
    "index out of range": "인덱스가 범위를 벗어났습니다. 반복문의 범위(range의 시작과 끝)와 층 번호가 "
                          "0부터인지 1부터인지 확인하세요.",
    "out of bounds": "인덱스가 범위를 벗어났습니다. 반복문의 범위(range의 시작과 끝)와 배열의 모양을 확인하세요.",
    "tuple": "튜플을 배열처럼 썼습니다. 두 값을 돌려주는 함수의 결과는 a, cache = ...처럼 나누어 받으세요.",
    "inhomogeneous": "튜플을 배열처럼 썼습니다. 두 값을 돌려주는 함수의 결과는 a, cache = ...처럼 나누어 받으세요.",
    "not aligned": "행렬 곱의 모양이 맞지 않습니다. 곱하는 순서와 전치(.T)를 확인하세요.",
    "matmul": "행렬 곱의 모양이 맞지 않습니다. 곱하는 순서와 전치(.T)를 확인하세요.",
    "could not be broadcast": "두 배열의 모양이 맞지 않아 원소별 연산을 할 수 없습니다. 각 배열의 모양을 확인하세요.",
}


def describe(inputs):
    """The inputs in a few words: shapes of arrays, types of containers, small values as they are."""
    parts = []
    for name, value in inputs.items():
        if isinstance(value, np.ndarray):
            parts.append(f"{name} {value.shape}")
        elif isinstance(value, (list, tuple, dict)):
            parts.append(f"{name} ({type(value).__name__}, 길이 {len(value)})")
        elif callable(value):
            parts.append(f"{name} (함수)")
        else:
            parts.append(f"{name}={value!r}")
    return ", ".join(parts)


KEY_ERROR_HINT = "딕셔너리에 없는 키를 찾았습니다(키는 위 오류 줄에 있습니다). 키 이름과 반복문의 범위를 확인하세요."
NAME_ERROR_HINT = "아직 정의하지 않은 이름을 썼습니다. 오타이거나, 앞의 셀을 실행하지 않았을 수 있습니다."
UNKNOWN_ERROR_HINT = "위 오류 줄을 보고 배열의 모양과 연산 순서를 확인하세요."  # names no mistake


def error_hints(extra_hints=None):
    """Every hint ``error_hint`` can give that names a mistake, in the order it tries them."""
    return [*(extra_hints or {}).values(), KEY_ERROR_HINT, NAME_ERROR_HINT, *ERROR_HINTS.values()]


def error_hint(exc, extra_hints=None):
    """A Korean hint for a runtime error, chosen by its type or by words in its message."""
    if isinstance(exc, KeyError):
        return KEY_ERROR_HINT
    if isinstance(exc, NameError):
        return NAME_ERROR_HINT
    text = str(exc)
    for hints in (extra_hints or {}, ERROR_HINTS):
        for words, hint in hints.items():
            if words in text:
                return hint
    return UNKNOWN_ERROR_HINT


def _namespace(target):
    """The globals a student's function or class looks names up in."""
    if inspect.isfunction(target):
        return target.__globals__
    for member in vars(target).values() if isinstance(target, type) else ():
        if inspect.isfunction(member):
            return member.__globals__
    return {}


@contextlib.contextmanager
def swapped(target, providers):
    """While inside, the names in ``providers`` answer for ``target`` as the providers do."""
    namespace = _namespace(target)
    saved = {name: namespace.get(name, _ABSENT) for name in providers}
    namespace.update(providers)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is _ABSENT:
                namespace.pop(name, None)
            else:
                namespace[name] = value


def _spread(label, result, names):
    if len(names) <= 1:
        return dict(zip(names, [result]))
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        got = f"{len(result)}개 값" if isinstance(result, (tuple, list)) else type(result).__name__
        raise CheckFailed(f"{label}: {', '.join(names)} {len(names)}개를 튜플로 반환해야 하는데 받은 것은 {got}입니다. "
                          "return 줄을 확인하세요.")
    return dict(zip(names, result))


def _call(exercise, label, what, fn, args, inputs):
    try:
        return fn(*args)
    except (NotImplementedError, CheckFailed):
        raise
    except Exception as exc:
        exc.add_note(f"{label}: {what} 실행하다가 오류가 났습니다. 입력: {describe(inputs)}. "
                     f"{error_hint(exc, exercise.error_hints)}")
        raise


def invoke(exercise, target, inputs, providers=None, label=None):
    """Run ``exercise``'s steps on ``target`` with copies of ``inputs``.

    Returns ``(outputs, after)``: outputs by name (``self.<attr>`` for kept
    attributes) and the copies of the inputs as the calls left them.
    """
    label = label or exercise.name
    after = copy.deepcopy(inputs)
    outputs, obj = {}, target
    with swapped(target, providers or {}), warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if exercise.seed_input:
            np.random.seed(inputs[exercise.seed_input])
        for step in exercise.steps:
            fn = obj if step.method is None else getattr(obj, step.method, None)
            if fn is None:
                raise CheckFailed(f"{label}: {exercise.name} 클래스에 {step.method} 메서드가 없습니다.")
            what = f"{exercise.name} 함수를" if step.method is None else f"{exercise.name}.{step.method} 메서드를"
            result = _call(exercise, label, what, fn, [after[name] for name in step.args], inputs)
            if step.method is None and exercise.is_class:
                obj = result
            else:
                outputs.update(_spread(label, result, step.outputs))
        for attr in exercise.keeps:
            outputs[f"self.{attr}"] = getattr(obj, attr, None) if hasattr(obj, attr) else _no_attribute()
    return outputs, after


def _no_attribute():
    return type(NO_ATTRIBUTE, (Foreign,), {})()


def missing(value):
    """Whether a kept attribute was never set (also after a trip through the codec)."""
    return isinstance(value, Foreign) and type(value).__name__ == NO_ATTRIBUTE
