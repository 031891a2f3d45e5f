"""Lesson 02's graded cells: behaviour beyond the bank (see test_banks.py)."""
import numpy as np
import pytest

from bank.forward import WRONG
from course import run_test_cell, student_namespace
from testcases import forward as cases

LESSON = "02_forward_propagation"
FUNCTIONS = ["feed_forward", "compute_loss", "compute_accuracy", "feed_forward_batch"]
WRONG_FEED_FORWARD = WRONG["ff_no_bias"].source


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


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def compute_accuracy(x_val, y_val, parameters):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    np.log(np.zeros(1))\n"
             "    outputs = np.array([feed_forward(x, parameters)[0] for x in x_val])\n"
             "    return np.mean(outputs.argmax(axis=1) == y_val.argmax(axis=1))\n")
    run_test_cell(LESSON, "compute_accuracy", student_namespace(LESSON, {"compute_accuracy": noisy}))
    assert capfd.readouterr().err == ""
