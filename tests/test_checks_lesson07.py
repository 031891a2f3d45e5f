"""Lesson 07's graded cells: behaviour beyond the bank (see test_banks.py)."""
import pytest

from bank.lesson07 import CORRECT, WRONG
from course import grade_in_process, run_test_cell, student_namespace
from testcases.engine import lessons
from testcases.engine.invoke import invoke
from testcases.engine.report import CheckFailed
from testcases.engine.runner import hidden_cases, judge_case
from testcases.engine.report import PASSED

LESSON = "07_deep_nn_step_by_step"


def test_student_warnings_do_not_reach_stderr(capfd):
    noisy = ("def compute_cost(AL, Y):\n"
             "    import warnings\n"
             "    warnings.warn('noisy')\n"
             "    np.log(np.zeros(1))\n"
             "    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))\n")
    run_test_cell(LESSON, "compute_cost", student_namespace(LESSON, {"compute_cost": noisy}))
    assert capfd.readouterr().err == ""


# A wrong answer costs only its own cell: a correct function that calls a wrong one still passes.
UPSTREAM_BUGS = [
    ("linear_forward_no_bias", "linear_activation_forward"),
    ("linear_forward_no_bias", "L_model_forward"),
    ("laf_swapped", "L_model_forward"),
    ("lb_dW_no_mean", "linear_activation_backward"),
    ("lb_dW_no_mean", "L_model_backward"),
    ("lab_swapped", "L_model_backward"),
]


@pytest.mark.parametrize("wrong, function", UPSTREAM_BUGS, ids=[f"{w}-{f}" for w, f in UPSTREAM_BUGS])
def test_correct_function_passes_although_a_function_it_calls_is_wrong(wrong, function, capsys):
    upstream = WRONG[wrong]
    with pytest.raises(Exception):  # the upstream answer is wrong on its own
        grade_in_process(LESSON, upstream.function, {upstream.function: upstream.source})
    capsys.readouterr()
    grade_in_process(LESSON, function, {upstream.function: upstream.source})
    assert capsys.readouterr().out.rstrip().endswith(PASSED)


def test_correct_function_passes_when_every_function_before_it_is_wrong(capsys):
    replacements = {WRONG[name].function: WRONG[name].source
                    for name in ("linear_forward_no_bias", "laf_swapped", "lb_dW_no_mean", "lab_swapped")}
    for function in ("L_model_forward", "L_model_backward"):
        grade_in_process(LESSON, function, replacements)
        assert capsys.readouterr().out.rstrip().endswith(PASSED)


def _failure(excinfo):
    return "\n".join([str(excinfo.value), *getattr(excinfo.value, "__notes__", [])])


def test_cost_left_as_a_1x1_array_is_told_to_squeeze_not_about_np_dot():
    answer = WRONG["cost_keepdims_1x1"]
    with pytest.raises(CheckFailed) as excinfo:
        grade_in_process(LESSON, "compute_cost", {"compute_cost": answer.source})
    message = _failure(excinfo)
    assert "(1, 1)" in message and "np.squeeze" in message
    assert "np.dot" not in message


def _hidden_results(function, source):
    """``(case, failure message or None)`` for every hidden case of ``function``, answered by ``source``."""
    exercise = lessons.load("07").exercises[function]
    ref = lessons.load("07").reference()
    namespace = student_namespace(LESSON, {function: source})
    providers = {dep: getattr(ref, dep) for dep in exercise.calls}
    results = []
    for label, case in hidden_cases("07", exercise):
        got, after = invoke(exercise, namespace[function], case.inputs, providers, label)
        try:
            judge_case(exercise, label, got, after, case.inputs, exercise.expected(ref, case.inputs))
            results.append((case, None))
        except CheckFailed as failure:
            results.append((case, str(failure)))
    return results


def test_L_model_forward_hints_never_contradict_each_other():
    """On a one-layer network the hidden-layer hints are left out, and no failure names two causes."""
    for name, hint in (("lmf_all_sigmoid", "은닉층에 sigmoid"), ("lmf_last_relu", "마지막 층은 sigmoid")):
        results = _hidden_results("L_model_forward", WRONG[name].source)
        layers = [len(case.inputs["parameters"]) // 2 for case, _ in results]
        assert 1 in layers and max(layers) > 1
        for (case, message), L in zip(results, layers):
            if name == "lmf_all_sigmoid" and L == 1:
                assert message is None  # sigmoid in every layer is right when the only layer is the last
                continue
            assert message is not None and message.count("힌트:") == 1, message
            assert hint in message or (L == 1 and "마지막 층은 sigmoid" in message), message
            if L == 1:
                assert "은닉층" not in message, message


def test_relu_derivative_written_into_dA_is_caught_on_hidden_cases_too():
    results = _hidden_results("linear_activation_backward", WRONG["lab_relu_overwrites_dA"].source)
    relu_failures = [message for case, message in results if case.inputs["activation"] == "relu" and message]
    assert relu_failures and all("np.array(dA, copy=True)" in message for message in relu_failures)


def test_update_parameters_may_change_the_dict_it_was_given(capsys):
    for name in ("update_in_place", "update_same_dict"):
        grade_in_process(LESSON, "update_parameters", {"update_parameters": CORRECT[name].source})
        assert capsys.readouterr().out.rstrip().endswith(PASSED)


def test_caches_in_reverse_order_are_named_in_the_notebook_and_on_hidden_cases():
    answer = WRONG["lmf_caches_inserted_first"]
    with pytest.raises(CheckFailed) as excinfo:
        run_test_cell(LESSON, "L_model_forward", student_namespace(LESSON, {"L_model_forward": answer.source}))
    message = str(excinfo.value)
    assert "순서가 거꾸로" in message and "caches.insert(0, cache)" in message
    assert "그대로 담으세요" not in message
    results = _hidden_results("L_model_forward", answer.source)
    for case, message in results:
        if len(case.inputs["parameters"]) // 2 == 1:
            assert message is None  # one layer: the order cannot be wrong
        else:
            assert message is not None and "caches.insert(0, cache)" in message, message


# dAL with the wrong sign and a linear_backward that returns a 1-D db: the notebook's check finishes the
# backward pass with the student's own helpers, and the message says so.
SIGN_AND_FLAT_DB = {"L_model_backward": WRONG["lmb_dAL_sign"].source,
                    "linear_backward": WRONG["lb_db_no_keepdims"].source}


def test_shown_values_of_a_wrong_dAL_are_said_to_come_from_the_students_helpers(capsys):
    with pytest.raises(CheckFailed) as excinfo:
        run_test_cell(LESSON, "L_model_backward", student_namespace(LESSON, SIGN_AND_FLAT_DB))
    shown = capsys.readouterr().out.split("[기댓값]")[0]
    assert "db2 = [" in shown and "db2 = [[" not in shown  # the student's 1-D db is what is shown
    message = str(excinfo.value)
    assert "dAL의 부호" in message and "여러분이 만든 linear_activation_backward" in message and "내 출력" in message


def test_hidden_cases_of_a_wrong_dAL_name_the_sign_only():
    for case, message in _hidden_results("L_model_backward", WRONG["lmb_dAL_sign"].source):
        assert message is not None and "dAL의 부호" in message and "여러분이 만든" not in message
