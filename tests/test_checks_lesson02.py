"""Lesson 02's graded cells: behaviour beyond the bank (see test_banks.py)."""
import numpy as np
import pytest

from bank.lesson02 import WRONG
from course import grade_in_process, run_test_cell, student_namespace
from testcases.engine import lessons
from testcases.engine.report import PASSED

LESSON = "02_forward_propagation"
FUNCTIONS = ["feed_forward", "compute_loss", "compute_accuracy", "feed_forward_batch"]
WRONG_FEED_FORWARD = WRONG["ff_no_bias"].source


def failure_text(excinfo):
    return "\n".join([str(excinfo.value), *getattr(excinfo.value, "__notes__", [])])


def failure(answer):
    with pytest.raises(Exception) as excinfo:
        grade_in_process(LESSON, answer.function, {answer.function: answer.source})
    return failure_text(excinfo)


@pytest.mark.parametrize("function", ["compute_loss", "compute_accuracy"])
def test_loss_and_accuracy_are_graded_apart_from_a_wrong_feed_forward(function, capsys):
    answers = student_namespace(LESSON, {"feed_forward": WRONG_FEED_FORWARD})
    wrong_feed_forward = answers["feed_forward"]
    run_test_cell(LESSON, function, answers)
    assert capsys.readouterr().out.rstrip().endswith(PASSED)
    assert answers["feed_forward"] is wrong_feed_forward, "the student's feed_forward must be put back"
    grade_in_process(LESSON, function, {"feed_forward": WRONG_FEED_FORWARD})


def test_the_students_feed_forward_is_put_back_after_an_error():
    raises = "def compute_loss(x_val, y_val, parameters):\n    feed_forward(x_val[0], parameters)\n    return 1 / 0\n"
    answers = student_namespace(LESSON, {"compute_loss": raises})
    student_feed_forward = answers["feed_forward"]
    with pytest.raises(ZeroDivisionError):
        run_test_cell(LESSON, "compute_loss", answers)
    assert answers["feed_forward"] is student_feed_forward


def test_checks_leave_the_global_random_state_alone():
    answers = student_namespace(LESSON)  # its setup cell seeds the generator itself
    np.random.seed(0)
    expected = np.random.rand()
    np.random.seed(0)
    for function in FUNCTIONS:
        run_test_cell(LESSON, function, answers)
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


def test_an_array_of_hits_is_told_to_average_not_to_convert():
    text = failure(WRONG["acc_per_example_array"])
    assert "np.mean" in text and "float(" not in text and "squeeze" not in text


@pytest.mark.parametrize("name", ["loss_no_unpacking", "acc_no_unpacking"])
def test_a_feed_forward_result_not_unpacked_is_named(name):
    text = failure(WRONG[name])
    assert "a, _ = feed_forward(x, parameters)" in text and "튜플" in text


@pytest.mark.parametrize("name", ["ff_sigmoid_first_element", "ff_dot_sigmoid_first_element",
                                  "batch_sigmoid_first_row"])
def test_sigmoid_first_element_is_named(name):
    text = failure(WRONG[name])
    assert "sigmoid(z)[0]" in text and "첫 번째 원소" in text


def test_feeding_x_to_a_later_layer_fails_on_equal_sizes_with_its_hint(capsys):
    answer = WRONG["ff_input_to_every_fitting_layer"]
    run_test_cell(LESSON, "feed_forward", student_namespace(LESSON, {"feed_forward": answer.source}))
    assert capsys.readouterr().out.rstrip().endswith(PASSED)
    text = failure(answer)
    assert "이웃한 층의 크기가 같음" in text and "입력 x를 다음 층에 넣었습니다" in text


def test_hidden_cases_of_every_exercise_are_labelled_with_their_edge():
    from testcases.engine.runner import hidden_cases
    lesson = lessons.load("02")
    for name in FUNCTIONS:
        labels = [label for label, _ in hidden_cases("02", lesson.exercises[name])]
        assert len(labels) == 6 and all(label.startswith(f"{name} [숨겨진 테스트 ") for label in labels)
        assert any("유닛 하나, 예제 하나" in label for label in labels)
