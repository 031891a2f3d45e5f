"""Lesson 05's graded cells: behaviour beyond the bank (see test_banks.py)."""
import dataclasses

import numpy as np
import pytest

from bank.lesson05 import WRONG
from course import guarded, run_test_cell, student_namespace
from testcases.engine import lessons
from testcases.engine.invoke import invoke
from testcases.engine.report import CheckFailed
from testcases.engine.runner import hidden_cases, judge_case, run_hidden

LESSON = "05_computational_graph"
EXERCISES = lessons.load("05").exercises


def failure_text(excinfo):
    return "\n".join([str(excinfo.value), *getattr(excinfo.value, "__notes__", [])])


def without_forward(name):
    """The exercise's steps with ``forward`` left out: the constructor, then ``backward``."""
    exercise = EXERCISES[name]
    steps = tuple(step for step in exercise.steps if step.method != "forward")
    return dataclasses.replace(exercise, steps=steps, keeps=())


NO_INIT = {
    "MulLayer": "class MulLayer:\n    def forward(self, x, y):\n        self.x, self.y = x, y\n        return x * y\n"
                "    def backward(self, dout):\n        return dout * self.y, dout * self.x\n",
    "Relu": "class Relu:\n    def forward(self, x):\n        self.mask = x <= 0\n        return np.maximum(x, 0)\n"
            "    def backward(self, dout):\n        return np.where(self.mask, 0, dout)\n",
    "Sigmoid": "class Sigmoid:\n    def forward(self, x):\n        self.out = 1 / (1 + np.exp(-x))\n"
               "        return self.out\n"
               "    def backward(self, dout):\n        return dout * (1 - self.out) * self.out\n",
}


@pytest.mark.parametrize("name, source", [("MulLayer", None), ("Sigmoid", None), *NO_INIT.items()],
                         ids=["MulLayer", "Sigmoid", "MulLayer-no-init", "Relu-no-init", "Sigmoid-no-init"])
def test_backward_before_forward_is_explained_in_korean(name, source):
    """None (set in __init__, never stored) or a missing attribute: a Korean hint, not a bare error."""
    namespace = student_namespace(LESSON, {name: source} if source else None)
    case = EXERCISES[name].public()[-1]
    with pytest.raises((TypeError, AttributeError)) as excinfo:
        invoke(without_forward(name), namespace[name], case.inputs)
    text = failure_text(excinfo)
    assert "backward보다 forward를 먼저" in text and f"{name}.backward 메서드를 실행하다가" in text


def test_backward_on_a_layer_that_never_ran_forward_is_named_in_the_shopping_function():
    with pytest.raises(TypeError) as excinfo:
        run_test_cell(LESSON, "buy_apples_and_oranges",
                      student_namespace(LESSON, {"buy_apples_and_oranges": WRONG["buy_backward_on_new_layers"].source}))
    text = failure_text(excinfo)
    assert "forward를 부르지 않은 객체" in text


@pytest.mark.parametrize("wrong", ["mul_no_swap", "mul_stores_nothing", "add_halves"])
def test_shopping_is_graded_apart_from_wrong_layers(wrong, capsys):
    """The judge answers MulLayer and AddLayer with the reference (public and hidden cases alike)."""
    layer = WRONG[wrong]
    namespace = student_namespace(LESSON, {layer.function: layer.source})
    exercise = EXERCISES["buy_apples_and_oranges"]
    with guarded(LESSON, "buy_apples_and_oranges") as guard:
        for case in exercise.public():  # as the judge runs a public case: the reference's layers
            providers = {dep: getattr(guard.module, dep) for dep in exercise.calls}
            got, after = invoke(exercise, namespace["buy_apples_and_oranges"], case.inputs, providers, "공개")
            judge_case(exercise, "buy_apples_and_oranges [공개 테스트]", got, after, case.inputs,
                       exercise.expected(None, case.inputs))
        run_hidden("05", "buy_apples_and_oranges", namespace["buy_apples_and_oranges"], guard)
    assert namespace[layer.function].__name__ == layer.function  # the student's own class is put back


def test_the_kernels_public_check_runs_the_students_layers_and_says_so():
    namespace = student_namespace(LESSON, {"MulLayer": WRONG["mul_no_swap"].source})
    with pytest.raises(CheckFailed) as excinfo:
        run_test_cell(LESSON, "buy_apples_and_oranges", namespace)
    assert "두 클래스의 공개 테스트가 통과했는지" in str(excinfo.value)


def test_the_layers_hint_is_not_given_where_the_reference_layers_ran():
    exercise = EXERCISES["buy_apples_and_oranges"]
    case = exercise.public()[0]
    expected = exercise.expected(None, case.inputs)
    wrong = {"price": 1.0, "grads": dict.fromkeys(expected, 1.0)}
    with pytest.raises(CheckFailed) as excinfo:
        exercise.compare("buy_apples_and_oranges [공개 테스트]", wrong, case.inputs, expected)
    assert "여러분이 만든" not in str(excinfo.value)


def test_a_hard_coded_answer_is_told_to_compute():
    answer = WRONG["buy_lecture_numbers"]
    namespace = student_namespace(LESSON, {answer.function: answer.source})
    with guarded(LESSON, answer.function) as guard, pytest.raises(CheckFailed) as excinfo:
        run_hidden("05", answer.function, namespace[answer.function], guard)
    assert "강의의 숫자" in str(excinfo.value) and "숨겨진 테스트" in str(excinfo.value)


def test_the_lectures_sigmoid_overflows_silently_and_passes(capfd):
    """1 / (1 + np.exp(-x)) overflows for x = -1000: the engine hides the warning and the value is right."""
    namespace = student_namespace(LESSON)
    with guarded(LESSON, "Sigmoid") as guard:
        run_hidden("05", "Sigmoid", namespace["Sigmoid"], guard)
    assert capfd.readouterr().err == ""
    assert any(np.max(np.abs(case.inputs["x"])) >= 1000 for _, case in hidden_cases("05", EXERCISES["Sigmoid"]))


def test_relu_may_overwrite_dout_but_not_x():
    assert EXERCISES["Relu"].may_modify == ("dout",)
    assert "x.copy()" in EXERCISES["Relu"].mutation_hints["x"]
