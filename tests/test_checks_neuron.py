"""Lesson 01's graded cells: behaviour beyond the bank (see test_banks.py)."""
import numpy as np

from course import run_test_cell, student_namespace

LESSON = "01_mnist_and_the_neuron"


def test_public_check_seeds_the_generator_itself(capsys):
    """The check calls np.random.seed(42) right before the student's function, whatever ran before."""
    np.random.seed(0)
    np.random.randn(7)
    run_test_cell(LESSON, "initialize_parameters", student_namespace(LESSON), hidden=False)
    assert "seed = 42" in capsys.readouterr().out


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
