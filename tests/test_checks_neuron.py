"""The graded cells of lesson 01, run in-process on the bank of student answers.

Each wrong answer must fail its test cell with the expected Korean diagnosis, each
correct alternative must pass it. tests/test_autograde_neuron.py proves the same
answers in a real nbgrader run.
"""
import numpy as np
import pytest

from bank.neuron import CORRECT, WRONG
from course import run_test_cell, student_namespace

LESSON = "01_mnist_and_the_neuron"
FUNCTIONS = ["normalize", "one_hot", "initialize_parameters"]


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
    namespace = student_namespace(LESSON, {answer.function: answer.source})
    with pytest.raises(Exception) as excinfo:
        run_test_cell(LESSON, answer.function, namespace)
    assert not isinstance(excinfo.value, NotImplementedError)
    if answer.feedback:
        assert answer.feedback in _failure_text(excinfo)


@pytest.mark.parametrize("name", sorted(n for n, a in WRONG.items() if a.feedback is None))
def test_only_hidden_tests_catch_answers_fitted_to_the_public_case(name):
    answer = WRONG[name]
    namespace = student_namespace(LESSON, {answer.function: answer.source})
    run_test_cell(LESSON, answer.function, namespace, hidden=False)
    with pytest.raises(Exception) as excinfo:
        run_test_cell(LESSON, answer.function, namespace)
    assert "숨겨진 테스트" in _failure_text(excinfo)


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_alternative_passes_its_test_cell(name, capsys):
    answer = CORRECT[name]
    run_test_cell(LESSON, answer.function, student_namespace(LESSON, {answer.function: answer.source}))
    out, err = capsys.readouterr()
    assert out.rstrip().endswith("✅ 공개 테스트 통과") and err == ""


def test_bank_is_large_enough():
    assert len(WRONG) >= 10 and len(CORRECT) >= 3
    for function in FUNCTIONS:
        assert sum(a.function == function for a in WRONG.values()) >= 3, function
        assert any(a.function == function for a in CORRECT.values()), function


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


def test_untouched_blank_raises_not_implemented():
    stub = 'def one_hot(labels, num_classes):\n    raise NotImplementedError("빈칸을 채우세요")\n'
    with pytest.raises(NotImplementedError):
        run_test_cell(LESSON, "one_hot", student_namespace(LESSON, {"one_hot": stub}))


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
