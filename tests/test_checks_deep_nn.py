"""The graded cells of lesson 07, run in-process on the bank of student answers.

Fast and precise: each wrong answer must fail its test cell with the expected
Korean diagnosis, each correct alternative must pass it. tests/test_autograde.py
proves the same answers in real nbgrader runs.
"""
import pytest

from bank.deep_nn import CORRECT, WRONG
from course import run_test_cell, student_namespace

LESSON = "07_deep_nn_step_by_step"
FUNCTIONS = ["initialize_parameters", "initialize_parameters_deep", "linear_forward",
             "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
             "linear_activation_backward", "L_model_backward", "update_parameters"]


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
    assert len(WRONG) >= 25 and len(CORRECT) >= 6
    assert {a.function for a in WRONG.values()} == set(FUNCTIONS)


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


def test_untouched_blank_raises_not_implemented():
    stub = 'def linear_forward(A, W, b):\n    raise NotImplementedError("빈칸을 채우세요")\n'
    namespace = student_namespace(LESSON, {"linear_forward": stub})
    with pytest.raises(NotImplementedError):
        run_test_cell(LESSON, "linear_forward", namespace)


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def compute_cost(AL, Y):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    np.log(np.zeros(1))\n"
             "    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n")
    run_test_cell(LESSON, "compute_cost", student_namespace(LESSON, {"compute_cost": noisy}))
    assert capfd.readouterr().err == ""
