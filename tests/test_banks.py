"""Every lesson's graded cells, run in-process on its bank of student answers.

Each answer runs as the judge runs it: the lesson's setup cell and answer cells,
then the public check and the hidden cases, with the exercise's own reference
replaced by a guard. The solution and each correct alternative must pass; each
wrong answer must fail, with the expected Korean diagnosis where the bank names
one; an untouched blank must fail with NotImplementedError. Fast and precise:
tests/test_autograde.py proves the same answers in real nbgrader runs.
"""
import pytest

from course import LESSONS, bank, grade_in_process, graded_functions, number, run_test_cell, student_namespace
from testcases.engine.report import PASSED

MINIMUM_BANK = (12, 4)  # wrong and correct answers, for every lesson


def answers(kind, keep=lambda answer: True):
    """``(lesson, name)`` for every answer of ``kind`` ("WRONG" or "CORRECT") that ``keep`` accepts."""
    return [pytest.param(lesson, name, id=f"{number(lesson)}-{name}")
            for lesson in LESSONS for name, answer in sorted(getattr(bank(lesson), kind).items())
            if keep(answer)]


def every_function():
    return [pytest.param(lesson, f, id=f"{number(lesson)}-{f}") for lesson in LESSONS for f in graded_functions(lesson)]


def failure_text(excinfo):
    return "\n".join([str(excinfo.value), *getattr(excinfo.value, "__notes__", [])])


def assert_public_tests_passed(capsys):
    out, err = capsys.readouterr()
    assert out.rstrip().endswith(PASSED)
    assert "모든 테스트" not in out and err == ""


@pytest.mark.parametrize("lesson, function", every_function())
def test_solution_passes_public_and_hidden_tests(lesson, function, capsys):
    grade_in_process(lesson, function)
    assert_public_tests_passed(capsys)


@pytest.mark.parametrize("lesson, name", answers("CORRECT"))
def test_correct_alternative_passes(lesson, name, capsys):
    answer = bank(lesson).CORRECT[name]
    grade_in_process(lesson, answer.function, {answer.function: answer.source})
    assert_public_tests_passed(capsys)


@pytest.mark.parametrize("lesson, name", answers("WRONG"))
def test_wrong_answer_fails(lesson, name):
    answer = bank(lesson).WRONG[name]
    with pytest.raises(Exception) as excinfo:
        grade_in_process(lesson, answer.function, {answer.function: answer.source})
    assert not isinstance(excinfo.value, NotImplementedError)
    if answer.feedback:
        assert answer.feedback in failure_text(excinfo)


@pytest.mark.parametrize("lesson, name", answers("WRONG", keep=lambda answer: answer.feedback is None))
def test_only_hidden_cases_catch_answers_fitted_to_the_public_case(lesson, name):
    answer = bank(lesson).WRONG[name]
    run_test_cell(lesson, answer.function, student_namespace(lesson, {answer.function: answer.source}))
    with pytest.raises(Exception) as excinfo:
        grade_in_process(lesson, answer.function, {answer.function: answer.source})
    assert "숨겨진 테스트" in failure_text(excinfo)


@pytest.mark.parametrize("lesson", LESSONS)
def test_bank_covers_every_graded_function(lesson):
    wrong, correct = bank(lesson).WRONG.values(), bank(lesson).CORRECT.values()
    assert len(wrong) >= MINIMUM_BANK[0] and len(correct) >= MINIMUM_BANK[1]
    assert {a.function for a in wrong} == set(graded_functions(lesson))


@pytest.mark.parametrize("lesson, function", every_function())
def test_untouched_blank_raises_not_implemented(lesson, function):
    stub = f"def {function}(*args):\n    raise NotImplementedError('빈칸을 채우세요')\n"
    with pytest.raises(NotImplementedError):
        run_test_cell(lesson, function, student_namespace(lesson, {function: stub}))
