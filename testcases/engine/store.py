"""Each lesson's stored expected values: what the public check shows and compares with.

For every public case the store keeps the reference's outputs and the calls the
reference made to the other graded functions it uses (``Exercise.calls``): a
digest of each call's arguments and its result. The public check answers those calls from this record, so a
student's wrong ``linear_forward`` cannot fail a correct
``linear_activation_forward``, and the check needs no reference solution.

``python -m testcases.engine.store`` rewrites every lesson's file;
``tests/test_expected_store.py`` fails when one drifts from the reference (``drift``: numbers compared
as numbers, so another CPU's last bits are no drift).
"""
import copy
import hashlib
import inspect
import json
import math
import sys
from functools import cache

import numpy as np

from testcases.engine import codec, lessons
from testcases.engine.invoke import swapped


def signature_of(fn):
    """A function's parameters as plain data: ``[[name, default or None, has default], ...]``."""
    return [[p.name, p.default if p.default is not p.empty else None, p.default is not p.empty]
            for p in inspect.signature(fn).parameters.values()]


def positional(signature, args, kwargs):
    """The arguments of a call as one positional tuple, defaults filled in, given ``signature_of`` data."""
    parameters = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                    default=default if has_default else inspect.Parameter.empty)
                  for name, default, has_default in signature]
    bound = inspect.Signature(parameters).bind(*args, **kwargs)
    bound.apply_defaults()
    return bound.args


DIGEST_DROPPED_BITS = 26  # of a float64's 52 mantissa bits: arguments equal to ~1.5e-8 share a digest


def _coarse(value):
    """``value`` with every float rounded to ``52 - DIGEST_DROPPED_BITS`` mantissa bits, by integer arithmetic.

    Another CPU computes an argument with different last bits; rounding the bits away
    (no libm, so the same on every CPU) keeps its digest, and so the recorded call is found.
    """
    if isinstance(value, (float, np.floating)) and not isinstance(value, np.ndarray):
        return type(value)(_coarse(np.array(value, dtype=np.float64)).item()) if np.isfinite(value) else value
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        bits = value.view(np.int64)
        half, keep = np.int64(1 << (DIGEST_DROPPED_BITS - 1)), ~np.int64((1 << DIGEST_DROPPED_BITS) - 1)
        rounded = ((bits + half) & keep).view(np.float64)
        return np.where(np.isfinite(value), rounded, value)
    if isinstance(value, (list, tuple)):
        return type(value)(_coarse(x) for x in value)
    if isinstance(value, dict):
        return {k: _coarse(v) for k, v in value.items()}
    return value


def digest(args):
    """A digest of call arguments: equal values of equal types give equal digests, and so do
    floats that differ only in their last 26 bits (``_coarse``)."""
    return hashlib.sha256(json.dumps(codec.to_plain(_coarse(tuple(args)))).encode()).hexdigest()[:32]


def _recorder(name, fn, calls, may_modify):
    """``fn`` that records each call: its arguments' digest, its result, and the arguments it
    may change in place (``may_modify``), as the call left them, so a stand-in can do the same."""
    signature = signature_of(fn)
    changed = [i for i, (parameter, _, _) in enumerate(signature) if parameter in may_modify]

    def record(*args, **kwargs):
        arguments = positional(signature, args, kwargs)
        key = digest(arguments)
        result = fn(*args, **kwargs)
        calls.append({"name": name, "digest": key, "result": copy.deepcopy(result),
                      "changed": {str(i): copy.deepcopy(arguments[i]) for i in changed}})
        return result
    return record


def _may_modify(lesson, name):
    exercise = lesson.exercises.get(name)
    return exercise.may_modify if exercise else ()


def compute(number):
    """``{exercise: [{"expected", "calls", "signatures"}, one per public case]}``, from the reference.

    Graded classes an exercise uses are not recorded (an object cannot be replayed):
    the public check lets the student's own classes answer, the judge the reference's.
    """
    lesson = lessons.load(number)
    ref = lesson.reference()
    records = {}
    for name, exercise in lesson.exercises.items():
        records[name] = []
        functions = [dep for dep in exercise.calls if not isinstance(getattr(ref, dep), type)]
        signatures = {dep: signature_of(getattr(ref, dep)) for dep in functions}
        for case in exercise.public():
            calls = []
            providers = {dep: _recorder(dep, getattr(ref, dep), calls, _may_modify(lesson, dep))
                         for dep in functions}
            with swapped(getattr(ref, name), providers):
                expected = exercise.expected(ref, copy.deepcopy(case.inputs))
            records[name].append({"expected": expected, "calls": calls, "signatures": signatures})
    return records


def text(number):
    return json.dumps(codec.to_plain(compute(number)), ensure_ascii=False, separators=(",", ":")) + "\n"


DRIFT_RTOL, DRIFT_ATOL = 1e-12, 1e-15  # another CPU's last bits pass; any real change of a reference fails


def differences(stored, fresh, path="$"):
    """Where two stored-value files (as parsed JSON) differ: keys, lengths, strings, dtypes and shapes
    exactly, floats within ``DRIFT_RTOL``/``DRIFT_ATOL``. An empty list means they agree."""
    if isinstance(stored, float) and isinstance(fresh, float):
        return [] if math.isclose(stored, fresh, rel_tol=DRIFT_RTOL, abs_tol=DRIFT_ATOL) else [
            f"{path}: {stored!r} != {fresh!r}"]
    if type(stored) is not type(fresh):
        return [f"{path}: {type(stored).__name__} != {type(fresh).__name__}"]
    if isinstance(stored, dict):
        if stored.keys() != fresh.keys():
            return [f"{path}: keys {sorted(stored)} != {sorted(fresh)}"]
        return [line for key in stored for line in differences(stored[key], fresh[key], f"{path}.{key}")]
    if isinstance(stored, list):
        if len(stored) != len(fresh):
            return [f"{path}: length {len(stored)} != {len(fresh)}"]
        return [line for i, (a, b) in enumerate(zip(stored, fresh)) for line in differences(a, b, f"{path}[{i}]")]
    return [] if stored == fresh else [f"{path}: {stored!r} != {fresh!r}"]


def drift(number):
    """``differences`` between lesson ``number``'s stored file and what the reference computes now."""
    stored = json.loads(lessons.load(number).expected_path.read_text(encoding="utf-8"))
    return differences(stored, json.loads(text(number)))


def write(number):
    lessons.load(number).expected_path.write_text(text(number), encoding="utf-8")


@cache
def _load(number):
    return codec.from_plain(json.loads(lessons.load(number).expected_path.read_text(encoding="utf-8")))


def records(number, name):
    """The stored records of one exercise (fresh copies: a check may hand them to a student)."""
    return copy.deepcopy(_load(number)[name])


if __name__ == "__main__":
    for lesson_number in sys.argv[1:] or lessons.numbers():
        write(lesson_number)
        print(f"wrote {lessons.load(lesson_number).expected_path}")
