"""Each lesson's stored expected values: what the public check shows and compares with.

For every public case the store keeps the reference's outputs and the calls the
reference made to the other graded functions it uses (``Exercise.calls``): a
digest of each call's arguments and its result. The public check answers those calls from this record, so a
student's wrong ``linear_forward`` cannot fail a correct
``linear_activation_forward``, and the check needs no reference solution.

``python -m testcases.engine.store`` rewrites every lesson's file;
``tests/test_expected_store.py`` fails when one drifts from the reference.
"""
import copy
import hashlib
import inspect
import json
import sys
from functools import cache

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


def digest(args):
    """A digest of call arguments: equal values of equal types give equal digests."""
    return hashlib.sha256(json.dumps(codec.to_plain(tuple(args))).encode()).hexdigest()[:32]


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
