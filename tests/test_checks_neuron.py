"""Lesson 01's graded cells: behaviour beyond the bank (see test_banks.py)."""
import numpy as np
import pytest

from course import run_test_cell, student_namespace

LESSON = "01_mnist_and_the_neuron"


def test_public_check_seeds_the_generator_itself(capsys):
    """The check calls np.random.seed(42) right before the student's function, whatever ran before."""
    np.random.seed(0)
    np.random.randn(7)
    run_test_cell(LESSON, "initialize_parameters", student_namespace(LESSON), hidden=False)
    assert "seed = 42" in capsys.readouterr().out


PATCH_EVERYTHING = """
import testcases.checks.neuron, testcases.feedback, testcases.hidden.neuron, testcases.isolation
import dlutils.reference.neuron

def one_hot(labels, num_classes):
    return np.zeros((len(labels), 10))

def _pass(*args, **kwargs):
    print("✅ 공개 테스트 통과")

testcases.checks.neuron.check_one_hot = _pass
testcases.checks.neuron.verify = _pass
testcases.feedback.check_array = _pass
testcases.hidden.neuron.hidden_one_hot = _pass
testcases.isolation.run_hidden = _pass
dlutils.reference.neuron.one_hot = one_hot
"""


def test_monkeypatching_the_checks_from_an_answer_cell_does_not_help():
    namespace = student_namespace(LESSON, {"one_hot": PATCH_EVERYTHING})
    try:
        with pytest.raises(AssertionError, match="숨겨진 테스트"):
            run_test_cell(LESSON, "one_hot", namespace)
    finally:
        import importlib
        for module in ("testcases.feedback", "testcases.checks.neuron", "testcases.hidden.neuron",
                       "testcases.isolation", "dlutils.reference.neuron"):
            importlib.reload(importlib.import_module(module))


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
