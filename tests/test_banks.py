"""Every lesson's graded cells, run in-process on its bank of student answers.

The solution and each correct alternative must pass their test cell; each wrong
answer must fail it, with the expected Korean diagnosis where the bank names one;
an untouched blank must fail with NotImplementedError. Fast and precise:
tests/test_autograde_<module>.py proves the same answers in real nbgrader runs.
"""
import importlib

import pytest

from course import LESSONS, answer_cells, read, run_test_cell, solution_path, student_namespace

MINIMUM_BANK = {"deep_nn": (25, 6)}  # (wrong, correct) answers; (10, 3) for other lessons
PATCHER = {"deep_nn": "linear_forward_no_bias", "neuron": "onehot_off_by_one", "forward": "ff_no_bias"}


def bank(lesson):
    return importlib.import_module(f"bank.{LESSONS[lesson]}")


def graded_functions(lesson):
    return list(answer_cells(read(solution_path(lesson))))


def answers(kind, keep=lambda answer: True):
    """``(lesson, name)`` for every answer of ``kind`` ("WRONG" or "CORRECT") that ``keep`` accepts."""
    return [pytest.param(lesson, name, id=f"{LESSONS[lesson]}-{name}")
            for lesson in LESSONS for name, answer in sorted(getattr(bank(lesson), kind).items())
            if keep(answer)]


def failure_text(excinfo):
    return "\n".join([str(excinfo.value), *getattr(excinfo.value, "__notes__", [])])


def assert_public_tests_passed(capsys):
    out, err = capsys.readouterr()
    assert out.rstrip().endswith("✅ 공개 테스트 통과")
    assert "모든 테스트" not in out and err == ""


@pytest.mark.parametrize("lesson, function",
                         [(lesson, f) for lesson in LESSONS for f in graded_functions(lesson)])
def test_solution_passes_public_and_hidden_tests(lesson, function, capsys):
    run_test_cell(lesson, function, student_namespace(lesson))
    assert_public_tests_passed(capsys)


@pytest.mark.parametrize("lesson, name", answers("CORRECT"))
def test_correct_alternative_passes_its_test_cell(lesson, name, capsys):
    answer = bank(lesson).CORRECT[name]
    run_test_cell(lesson, answer.function, student_namespace(lesson, {answer.function: answer.source}))
    assert_public_tests_passed(capsys)


@pytest.mark.parametrize("lesson, name", answers("WRONG"))
def test_wrong_answer_fails_its_test_cell(lesson, name):
    answer = bank(lesson).WRONG[name]
    with pytest.raises(Exception) as excinfo:
        run_test_cell(lesson, answer.function, student_namespace(lesson, {answer.function: answer.source}))
    assert not isinstance(excinfo.value, NotImplementedError)
    if answer.feedback:
        assert answer.feedback in failure_text(excinfo)


@pytest.mark.parametrize("lesson, name", answers("WRONG", keep=lambda answer: answer.feedback is None))
def test_only_hidden_tests_catch_answers_fitted_to_the_public_case(lesson, name):
    answer = bank(lesson).WRONG[name]
    namespace = student_namespace(lesson, {answer.function: answer.source})
    run_test_cell(lesson, answer.function, namespace, hidden=False)
    with pytest.raises(Exception) as excinfo:
        run_test_cell(lesson, answer.function, namespace)
    assert "숨겨진 테스트" in failure_text(excinfo)


@pytest.mark.parametrize("lesson", LESSONS)
def test_bank_covers_every_graded_function(lesson):
    wrong, correct = bank(lesson).WRONG.values(), bank(lesson).CORRECT.values()
    least_wrong, least_correct = MINIMUM_BANK.get(LESSONS[lesson], (10, 3))
    assert len(wrong) >= least_wrong and len(correct) >= least_correct
    assert {a.function for a in wrong} == set(graded_functions(lesson))


@pytest.mark.parametrize("lesson, function",
                         [(lesson, f) for lesson in LESSONS for f in graded_functions(lesson)])
def test_untouched_blank_raises_not_implemented(lesson, function):
    stub = f"def {function}(*args):\n    raise NotImplementedError('빈칸을 채우세요')\n"
    with pytest.raises(NotImplementedError):
        run_test_cell(lesson, function, student_namespace(lesson, {function: stub}))


def patched_answer(lesson, answer):
    """``answer``'s source plus lines that rebind every check, helper and reference it can reach."""
    module, function = LESSONS[lesson], answer.function
    return answer.source + f"""
import testcases.checks.{module}, testcases.feedback, testcases.hidden.{module}, testcases.isolation
import dlutils.reference.{module}

def _pass(*args, **kwargs):
    print("✅ 공개 테스트 통과")

testcases.checks.{module}.check_{function} = _pass
testcases.checks.{module}.verify = _pass
testcases.feedback.check_array = _pass
testcases.hidden.{module}.hidden_{function} = _pass
testcases.isolation.run_hidden = _pass
dlutils.reference.{module}.{function} = {function}
"""


@pytest.mark.parametrize("lesson", LESSONS)
def test_monkeypatching_the_checks_from_an_answer_cell_does_not_help(lesson):
    module = LESSONS[lesson]
    answer = bank(lesson).WRONG[PATCHER[module]]
    namespace = student_namespace(lesson, {answer.function: patched_answer(lesson, answer)})
    try:
        run_test_cell(lesson, answer.function, namespace, hidden=False)  # the patched public check passes
        with pytest.raises(Exception) as excinfo:
            run_test_cell(lesson, answer.function, namespace)
        assert "숨겨진 테스트" in failure_text(excinfo)
    finally:
        for name in ("testcases.feedback", f"testcases.checks.{module}", f"testcases.hidden.{module}",
                     "testcases.isolation", f"dlutils.reference.{module}"):
            importlib.reload(importlib.import_module(name))
