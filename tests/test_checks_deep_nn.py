"""Lesson 07's graded cells: behaviour beyond the bank (see test_banks.py)."""
import pytest

from course import run_test_cell, student_namespace

LESSON = "07_deep_nn_step_by_step"


PATCH_EVERYTHING = """
import testcases.checks.deep_nn, testcases.feedback, testcases.hidden.deep_nn, testcases.isolation
import dlutils.reference.deep_nn

def linear_forward(A, W, b):
    return np.dot(W, A), (A, W, b)

def _pass(*args, **kwargs):
    print("✅ 공개 테스트 통과")

testcases.checks.deep_nn.check_linear_forward = _pass
testcases.checks.deep_nn.verify = _pass
testcases.feedback.check_array = _pass
testcases.hidden.deep_nn.hidden_linear_forward = _pass
testcases.isolation.run_hidden = _pass
dlutils.reference.deep_nn.linear_forward = linear_forward
"""


def test_monkeypatching_the_checks_from_an_answer_cell_does_not_help():
    namespace = student_namespace(LESSON, {"linear_forward": PATCH_EVERYTHING})
    try:
        with pytest.raises(AssertionError, match="숨겨진 테스트"):
            run_test_cell(LESSON, "linear_forward", namespace)
    finally:
        import importlib
        for module in ("testcases.feedback", "testcases.checks.deep_nn", "testcases.hidden.deep_nn",
                       "testcases.isolation", "dlutils.reference.deep_nn"):
            importlib.reload(importlib.import_module(module))


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def compute_cost(AL, Y):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    np.log(np.zeros(1))\n"
             "    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n")
    run_test_cell(LESSON, "compute_cost", student_namespace(LESSON, {"compute_cost": noisy}))
    assert capfd.readouterr().err == ""
