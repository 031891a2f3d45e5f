"""One runner for every exercise: the public check in the notebook and the hidden cases.

``public_check`` runs in the student's kernel: it prints the student's outputs
beside the stored expected ones and ends with ``✔ 공개 테스트 통과``. Graded
functions the exercise calls answer from the stored record of the reference's
calls (falling back on the student's own function for any other input).
``hidden_cases`` draws the hidden inputs and ``judge_case`` decides one case; the
judge (``testcases.engine.judge``) runs them outside the kernel, and the tests run
them in-process with ``run_hidden``.
"""
import contextlib
import copy
import importlib
import io
import pkgutil
import sys
import zlib

import numpy as np

from testcases.engine import lessons, store
from testcases.engine.compare import equal
from testcases.engine.exercise import hidden_label
from testcases.engine.invoke import _namespace, invoke
from testcases.engine.report import CheckFailed, fail, passed, show

HIDDEN_SALT = 20261126


def _printable(got, shown):
    """The outputs to print, with dict outputs (parameters, grads) spread into their keys."""
    printable = {}
    for name in shown:
        if name.startswith("len(") and name.endswith(")"):
            value = got[name[4:-1]]
            printable[name] = len(value) if isinstance(value, (list, tuple)) else value
        elif isinstance(got[name], dict):
            printable.update(got[name])
        else:
            printable[name] = got[name]
    return printable


def judge_case(exercise, label, got, after, inputs, expected):
    """Compare the outputs, then check that no input was changed that may not be."""
    exercise.compare(label, got, inputs, expected)
    for name in exercise.inputs:
        if name not in exercise.may_modify and not equal(after[name], inputs[name]):
            hint = exercise.mutation_hints.get(
                name, f"{name}에 바로 값을 쓰면 함수를 부른 쪽의 값도 바뀝니다. "
                      f"np.array({name}, copy=True)나 copy.deepcopy({name})로 복사한 뒤 고치세요.")
            fail(label, [f"입력 {name}의 값을 그대로 고쳤습니다. 이 함수는 입력을 바꾸면 안 됩니다."], [hint])


def _write_back(target, value):
    """Change ``target`` in place into ``value``, as the recorded reference call changed its argument."""
    if isinstance(target, np.ndarray) and np.shape(value) == target.shape:
        target[...] = value
    elif isinstance(target, dict) and isinstance(value, dict):
        for key, item in value.items():
            if key in target and isinstance(target[key], (np.ndarray, dict, list)):
                _write_back(target[key], item)
            else:
                target[key] = copy.deepcopy(item)
    elif isinstance(target, list) and isinstance(value, list) and len(target) == len(value):
        for index, item in enumerate(value):
            if isinstance(target[index], (np.ndarray, dict, list)):
                _write_back(target[index], item)
            else:
                target[index] = copy.deepcopy(item)


def _from_record(name, record, fallback):
    """A stand-in for graded function ``name``: the reference's recorded answers, else ``fallback``."""
    def provider(*args, **kwargs):
        try:
            arguments = store.positional(record["signatures"][name], args, kwargs)
        except TypeError:
            arguments = None
        key = None if arguments is None else store.digest(arguments)
        for call in record["calls"]:
            if call["name"] == name and call["digest"] == key:
                for index, value in call.get("changed", {}).items():
                    _write_back(arguments[int(index)], value)
                return copy.deepcopy(call["result"])
        if fallback is None:
            raise CheckFailed(f"{name} 함수가 정의되지 않았습니다. 위의 {name} 셀을 먼저 실행하세요.")
        return fallback(*args, **kwargs)
    provider.__name__ = name
    return provider


def public_check(number, name, target):
    """The check under an exercise in the notebook: show, compare, then the pass line."""
    exercise = lessons.load(number).exercises[name]
    namespace = _namespace(target)
    for case, record in zip(exercise.public(), store.records(number, name)):
        if case.title:
            print(f"── {case.title} ──")
        if exercise.show_inputs:
            show("입력", {k: v for k, v in case.inputs.items() if not callable(v)})
        providers = {dep: _from_record(dep, record, namespace.get(dep))
                     for dep in exercise.calls if dep in record["signatures"]}
        got, after = invoke(exercise, target, case.inputs, providers)
        show("내 출력", _printable(got, exercise.shown or exercise.outputs))
        show("기댓값", record["expected"])
        judge_case(exercise, name, got, after, case.inputs, record["expected"])
    passed()


def checker(number):
    """The ``check(name, target)`` a lesson's test cells call."""
    def check(name, target):
        public_check(number, name, target)
    check.__doc__ = f"실습 {number}의 공개 테스트: check(\"함수 이름\", 함수)"
    return check


def hidden_cases(number, exercise):
    """``(label, case)`` for each hidden trial, drawn from seeds the students never see."""
    for trial in range(exercise.trials):
        seed = zlib.crc32(f"{number}/{exercise.name}/{trial}".encode()) ^ HIDDEN_SALT
        case = exercise.hidden(np.random.default_rng(seed), trial)
        yield hidden_label(exercise.name, trial, exercise.trials, case.detail), case


class ReferenceGuard:
    """Stands in for the reference of the exercise being graded and remembers being called.

    Put in place before a student's answers run, in the reference module and in
    every other loaded ``dlutils`` module that holds the same function (the given
    helpers of later lessons), so ``from dlutils.reference.lessonNN import f`` or
    ``from dlutils.given.lessonMM import f`` in an answer cell gets the guard.
    """

    def __init__(self, module, name, keep_original=True, forbids=()):
        self.module, self.name, self.called = module, name, False
        original = getattr(module, name)
        self.places = [(m, attr) for m in list(sys.modules.values()) if getattr(m, "__name__", "").startswith("dlutils.")
                       for attr, value in list(vars(m).items()) if value is original]
        self.places += [(importlib.import_module(path.rpartition(".")[0]), path.rpartition(".")[2]) for path in forbids]
        self.saved = [getattr(place, attr) for place, attr in self.places] if keep_original else []
        self.original = original if keep_original else None
        for place, attr in self.places:
            setattr(place, attr, self)

    def __call__(self, *args, **kwargs):
        self.called = True
        raise CheckFailed(self.message(self.name))

    @staticmethod
    def message(name):
        return (f"{name}: 채점용 참조 구현이나 이 문제의 답을 대신하는 도구 함수(dlutils)를 불렀습니다. "
                "그 함수는 답이 아닙니다. numpy로 직접 구현하세요.")

    @contextlib.contextmanager
    def lifted(self):
        """The real reference back in place while the expected values are computed."""
        setattr(self.module, self.name, self.original)
        try:
            yield self.module
        finally:
            setattr(self.module, self.name, self)

    def remove(self):
        for (place, attr), value in zip(self.places, self.saved):
            setattr(place, attr, value)


def import_given_helpers():
    """Load every ``dlutils.given`` module, so that a guard reaches the answers they give."""
    import dlutils.given

    for info in pkgutil.iter_modules(dlutils.given.__path__, "dlutils.given."):
        importlib.import_module(info.name)


def guard_reference(number, name):
    lesson = lessons.load(number)
    reference = lesson.reference()
    import_given_helpers()
    return ReferenceGuard(reference, name, forbids=lesson.exercises[name].forbids)


def run_hidden(number, name, target, guard):
    """Every hidden case in this process; graded functions it calls are answered by the reference.

    ``guard`` is the ``ReferenceGuard`` put in place before the answers ran.
    """
    exercise = lessons.load(number).exercises[name]
    providers = {dep: getattr(guard.module, dep) for dep in exercise.calls}
    for label, case in hidden_cases(number, exercise):
        with contextlib.redirect_stdout(io.StringIO()):  # as in the judge, whose children print to /dev/null
            got, after = invoke(exercise, target, case.inputs, providers, label)
        if guard.called:
            raise CheckFailed(ReferenceGuard.message(name))
        with guard.lifted() as ref:
            expected = exercise.expected(ref, case.inputs)
        judge_case(exercise, label, got, after, case.inputs, expected)
