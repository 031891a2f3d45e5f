"""The graded cells of lesson 02, run in-process on the bank of student answers.

Each wrong answer must fail its test cell with the expected Korean diagnosis, each
correct alternative must pass it. tests/test_autograde_forward.py proves the same
answers in a real nbgrader run.
"""
import numpy as np
import pytest

from bank.forward import CORRECT, WRONG
from course import run_test_cell, student_namespace
from testcases import forward as cases

LESSON = "02_forward_propagation"
FUNCTIONS = ["feed_forward", "compute_loss", "compute_accuracy", "feed_forward_batch"]
WRONG_FEED_FORWARD = WRONG["ff_no_bias"].source


def _failure_text(excinfo):
    return "\n".join([str(excinfo.value), *getattr(excinfo.value, "__notes__", [])])


@pytest.mark.parametrize("function", FUNCTIONS)
def test_solution_passes_public_and_hidden_tests(function, capsys):
    run_test_cell(LESSON, function, student_namespace(LESSON))
    out, err = capsys.readouterr()
    assert out.rstrip().endswith("✅ 공개 테스트 통과")
    assert "모든 테스트" not in out
    assert err == ""


@pytest.mark.parametrize("name", sorted(WRONG))
def test_wrong_answer_fails_its_test_cell(name):
    answer = WRONG[name]
    with pytest.raises(Exception) as excinfo:
        run_test_cell(LESSON, answer.function, student_namespace(LESSON, {answer.function: answer.source}))
    assert not isinstance(excinfo.value, NotImplementedError)
    if answer.feedback:
        assert answer.feedback in _failure_text(excinfo)


@pytest.mark.parametrize("name", sorted(n for n, a in WRONG.items() if a.feedback is None))
def test_only_hidden_tests_catch_answers_fitted_to_the_public_case(name):
    answer = WRONG[name]
    answers = student_namespace(LESSON, {answer.function: answer.source})
    run_test_cell(LESSON, answer.function, answers, hidden=False)
    with pytest.raises(Exception) as excinfo:
        run_test_cell(LESSON, answer.function, answers)
    assert "숨겨진 테스트" in _failure_text(excinfo)


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_alternative_passes_its_test_cell(name, capsys):
    answer = CORRECT[name]
    run_test_cell(LESSON, answer.function, student_namespace(LESSON, {answer.function: answer.source}))
    out, err = capsys.readouterr()
    assert out.rstrip().endswith("✅ 공개 테스트 통과") and err == ""


def test_bank_is_large_enough():
    assert len(WRONG) >= 10 and len(CORRECT) >= 3
    assert {a.function for a in WRONG.values()} == set(FUNCTIONS)
    assert {a.function for a in CORRECT.values()} == set(FUNCTIONS)


@pytest.mark.parametrize("function", ["compute_loss", "compute_accuracy"])
def test_loss_and_accuracy_are_graded_apart_from_a_wrong_feed_forward(function, capsys):
    answers = student_namespace(LESSON, {"feed_forward": WRONG_FEED_FORWARD})
    wrong_feed_forward = answers["feed_forward"]
    run_test_cell(LESSON, function, answers)
    assert capsys.readouterr().out.rstrip().endswith("✅ 공개 테스트 통과")
    assert answers["feed_forward"] is wrong_feed_forward, "the student's feed_forward must be put back"


def test_lent_feed_forward_only_answers_rows_of_x_val():
    passes_everything = "def compute_loss(x_val, y_val, parameters):\n    return feed_forward(x_val, parameters)\n"
    with pytest.raises(AssertionError, match="x_val의 한 행이 아닌"):
        run_test_cell(LESSON, "compute_loss", student_namespace(LESSON, {"compute_loss": passes_everything}))


def test_lent_feed_forward_is_put_back_after_an_error():
    raises = "def compute_loss(x_val, y_val, parameters):\n    return 1 / 0\n"
    answers = student_namespace(LESSON, {"compute_loss": raises})
    student_feed_forward = answers["feed_forward"]
    with pytest.raises(ZeroDivisionError):
        run_test_cell(LESSON, "compute_loss", answers)
    assert answers["feed_forward"] is student_feed_forward


def test_checks_leave_the_global_random_state_alone():
    answers = student_namespace(LESSON)  # its set-up cell seeds the generator itself
    np.random.seed(0)
    expected = np.random.rand()
    np.random.seed(0)
    for function in FUNCTIONS:
        run_test_cell(LESSON, function, answers)
    cases.loss_accuracy_test_case()
    assert np.random.rand() == expected


def test_untouched_blank_raises_not_implemented():
    for function in FUNCTIONS:
        stub = f"def {function}(*args):\n    raise NotImplementedError('빈칸을 채우세요')\n"
        with pytest.raises(NotImplementedError):
            run_test_cell(LESSON, function, student_namespace(LESSON, {function: stub}))


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def compute_accuracy(x_val, y_val, parameters):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    np.log(np.zeros(1))\n"
             "    outputs = np.array([feed_forward(x, parameters)[0] for x in x_val])\n"
             "    return np.mean(outputs.argmax(axis=1) == y_val.argmax(axis=1))\n")
    run_test_cell(LESSON, "compute_accuracy", student_namespace(LESSON, {"compute_accuracy": noisy}))
    assert capfd.readouterr().err == ""
