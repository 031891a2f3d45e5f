"""Lesson 07's graded cells: behaviour beyond the bank (see test_banks.py)."""

from course import run_test_cell, student_namespace

LESSON = "07_deep_nn_step_by_step"


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def compute_cost(AL, Y):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    np.log(np.zeros(1))\n"
             "    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n")
    run_test_cell(LESSON, "compute_cost", student_namespace(LESSON, {"compute_cost": noisy}))
    assert capfd.readouterr().err == ""
