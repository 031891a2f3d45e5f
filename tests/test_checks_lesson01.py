"""Lesson 01's graded cells: behaviour beyond the bank (see test_banks.py)."""
import numpy as np
import pytest

from bank.lesson01 import WRONG
from course import run_test_cell, student_namespace
from testcases.engine.report import CheckFailed
from testcases.engine.report import PASSED

LESSON = "01_mnist_and_the_neuron"


def test_public_check_seeds_the_generator_itself(capsys):
    """The check calls np.random.seed(42) right before the student's function, whatever ran before."""
    np.random.seed(0)
    np.random.randn(7)
    run_test_cell(LESSON, "initialize_parameters", student_namespace(LESSON))
    out = capsys.readouterr().out
    assert "seed = 42" in out and out.rstrip().endswith(PASSED)


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def normalize(images):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    x = images.astype(float)\n"
             "    span = x.max() - x.min()\n"
             "    scaled = (x - x.min()) / span\n"
             "    return np.nan_to_num(scaled, nan=0.0)\n")
    run_test_cell(LESSON, "normalize", student_namespace(LESSON, {"normalize": noisy}))
    assert capfd.readouterr().err == ""


def test_normalize_shows_both_public_images_with_titles(capsys):
    run_test_cell(LESSON, "normalize", student_namespace(LESSON))
    out = capsys.readouterr().out
    assert out.count("[입력]") == out.count("[내 출력]") == out.count("[기댓값]") == 2
    assert "── 모든 픽셀이 128인 회색 이미지 (max == min) ──" in out


def test_seed_hint_is_shown_once():
    inside = ("def initialize_parameters(neurons_per_layer):\n"
              "    parameters = {}\n"
              "    for l in range(1, len(neurons_per_layer)):\n"
              "        np.random.seed(42)\n"
              "        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]\n"
              "        parameters['W' + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)\n"
              "        parameters['b' + str(l)] = np.random.randn(n) * np.sqrt(1 / n)\n"
              "    return parameters\n")
    with pytest.raises(CheckFailed) as excinfo:
        run_test_cell(LESSON, "initialize_parameters",
                      student_namespace(LESSON, {"initialize_parameters": inside}))
    assert str(excinfo.value).count("np.random.seed") == 1


# Wrong answers that fit a single public case: the notebook's check itself now catches them, with their hint.
CAUGHT_IN_THE_NOTEBOOK = [("onehot_always_ten", "열의 수를 10으로 정해 두지 말고 num_classes 인자를 쓰세요"),
                          ("init_seeds_inside", "함수 안에서 np.random.seed를 부르지 마세요"),
                          ("init_reseeds_each_layer", "함수 안에서 np.random.seed를 부르지 마세요")]


@pytest.mark.parametrize("name, hint", CAUGHT_IN_THE_NOTEBOOK, ids=[name for name, _ in CAUGHT_IN_THE_NOTEBOOK])
def test_public_check_catches_answers_fitted_to_mnist_or_the_lecture_seed(name, hint, capsys):
    answer = WRONG[name]
    with pytest.raises(CheckFailed) as excinfo:
        run_test_cell(LESSON, answer.function, student_namespace(LESSON, {answer.function: answer.source}))
    assert hint in str(excinfo.value)


def test_public_checks_show_a_case_with_another_number_of_classes_and_another_seed(capsys):
    namespace = student_namespace(LESSON)
    run_test_cell(LESSON, "one_hot", namespace)
    out = capsys.readouterr().out
    assert "num_classes = 10" in out and "num_classes = 4" in out and out.rstrip().endswith(PASSED)
    run_test_cell(LESSON, "initialize_parameters", namespace)
    out = capsys.readouterr().out
    assert out.count("[내 출력]") == 2 and "seed = 42" in out and "seed = 7" in out
