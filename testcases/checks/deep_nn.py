"""Checks of lesson 07 (a deep network step by step).

``verify(name, student_fn, inputs, expected)`` calls the student's function on
``inputs`` and raises a Korean ``CheckFailed`` (an ``AssertionError``) at the first difference from
``expected`` (values, shapes, dtypes, caches, keys), with a hint where a typical
mistake reproduces the student's output. The public ``check_<name>(student_fn)``
runs it on the seeded test case, printing the student's output beside the stored
expected output, and ends with ``✅ 공개 테스트 통과``. The hidden tests run the same
``verify`` on random inputs against the reference.
"""
import numpy as np

from testcases import deep_nn as cases
from testcases import store
from testcases import exercise
from testcases.exercise import Exercise
from testcases.feedback import check_array, check_dict, check_keys, check_same, check_scalar, fail, passed, pick
from testcases.mistakes import deep_nn as mistakes

LESSON = "deep_nn"


def _check_linear_cache(label, cache, A_prev, W, b):
    if not isinstance(cache, (tuple, list)) or len(cache) != 3:
        length = f" (길이 {len(cache)})" if isinstance(cache, (tuple, list)) else ""
        fail(label, [f"linear_cache는 (A_prev, W, b) 튜플이어야 하는데 {type(cache).__name__}{length}입니다."])
    for name, got, value in zip(("A_prev", "W", "b"), cache, (A_prev, W, b)):
        check_same(f"{label}의 {name}", got, value)


def _check_activation_cache(label, cache, A_prev, W, b):
    """``cache == ((A_prev, W, b), Z)`` with ``Z = W A_prev + b``."""
    if not isinstance(cache, (tuple, list)) or len(cache) != 2:
        fail(label, ["cache는 (linear_cache, activation_cache) 두 값의 튜플이어야 합니다."],
             ["linear_forward와 활성화 함수가 돌려준 캐시를 그대로 묶으세요."])
    _check_linear_cache(f"{label}[0] (linear_cache)", cache[0], A_prev, W, b)
    Z = np.dot(W, A_prev) + b
    hint = "activation_cache에는 활성화 전의 Z를 담으세요 (활성화 후의 A가 아니라)."
    check_array(f"{label}[1] (activation_cache = Z)", cache[1], Z,
                [(hint, np.maximum(0, Z)), (hint, 1 / (1 + np.exp(-Z)))])


def _parameter_keys(layer_dims):
    return [f"{kind}{l}" for l in range(1, len(layer_dims)) for kind in "Wb"]


def _compare_initialize_parameters(label, got, inputs, expected):
    check_dict(label, got["parameters"], expected, mistakes.initialize_parameters(**inputs))


def _compare_initialize_parameters_deep(label, got, inputs, expected):
    check_keys(label, got["parameters"], _parameter_keys(inputs["layer_dims"]))
    check_dict(label, got["parameters"], expected, mistakes.initialize_parameters_deep(**inputs))


def _compare_linear_forward(label, got, inputs, expected):
    check_array(f"{label}의 Z", got["Z"], expected["Z"], pick(mistakes.linear_forward(**inputs), "Z"))
    _check_linear_cache(f"{label}의 cache", got["cache"], *inputs.values())


def _compare_linear_activation_forward(label, got, inputs, expected):
    check_array(f"{label}의 A", got["A"], expected["A"],
                pick(mistakes.linear_activation_forward(**inputs), "A"))
    _check_activation_cache(f"{label}의 cache", got["cache"], inputs["A_prev"], inputs["W"], inputs["b"])


def _compare_L_model_forward(label, got, inputs, expected):
    X, parameters = inputs["X"], inputs["parameters"]
    check_array(f"{label}의 AL", got["AL"], expected["AL"], pick(mistakes.L_model_forward(X, parameters), "AL"))
    caches, L = got["caches"], len(parameters) // 2
    if not isinstance(caches, list) or len(caches) != L:
        length = f" (길이 {len(caches)})" if isinstance(caches, (list, tuple)) else ""
        fail(label, [f"caches는 층마다 하나씩, 길이 {L}인 리스트여야 하는데 {type(caches).__name__}{length}입니다."],
             ["매 층 caches.append(cache)를 했는지, 마지막 층의 캐시도 넣었는지 확인하세요."])
    A_prev = X
    for l, cache in enumerate(caches, start=1):
        _check_activation_cache(f"{label}의 caches[{l - 1}]", cache, A_prev,
                                parameters[f"W{l}"], parameters[f"b{l}"])
        A_prev = np.maximum(0, cache[1])


def _compare_compute_cost(label, got, inputs, expected):
    check_scalar(f"{label}의 cost", got["cost"], expected["cost"], pick(mistakes.compute_cost(**inputs), "cost"))


def _check_gradients(label, got, expected, mistake_list):
    for name in ("dA_prev", "dW", "db"):
        check_array(f"{label}의 {name}", got[name], expected[name], pick(mistake_list, name))


def _compare_linear_backward(label, got, inputs, expected):
    _check_gradients(label, got, expected, mistakes.linear_backward(**inputs))


def _compare_linear_activation_backward(label, got, inputs, expected):
    _check_gradients(label, got, expected, mistakes.linear_activation_backward(**inputs))


def _compare_L_model_backward(label, got, inputs, expected):
    check_dict(label, got["grads"], expected, mistakes.L_model_backward(**inputs, correct_grads=expected))


def _compare_update_parameters(label, got, inputs, expected):
    if got["parameters"] is None:
        fail(label, ["None을 반환했습니다."], ["함수 끝에서 return parameters를 하세요."])
    check_dict(label, got["parameters"], expected, mistakes.update_parameters(**inputs))


EXERCISES = {
    "initialize_parameters": Exercise(("parameters",), _compare_initialize_parameters, ("parameters",)),
    "initialize_parameters_deep": Exercise(("parameters",), _compare_initialize_parameters_deep, ("parameters",)),
    "linear_forward": Exercise(("Z", "cache"), _compare_linear_forward, ("Z",)),
    "linear_activation_forward": Exercise(("A", "cache"), _compare_linear_activation_forward, ("A",)),
    "L_model_forward": Exercise(("AL", "caches"), _compare_L_model_forward, ("AL", "len(caches)")),
    "compute_cost": Exercise(("cost",), _compare_compute_cost, ("cost",)),
    "linear_backward": Exercise(("dA_prev", "dW", "db"), _compare_linear_backward, ("dA_prev", "dW", "db")),
    "linear_activation_backward": Exercise(("dA_prev", "dW", "db"), _compare_linear_activation_backward,
                                           ("dA_prev", "dW", "db")),
    "L_model_backward": Exercise(("grads",), _compare_L_model_backward, ("grads",)),
    "update_parameters": Exercise(("parameters",), _compare_update_parameters, ("parameters",)),
}


def verify(name, fn, inputs, expected, label=None):
    """Call ``fn`` on ``inputs`` and compare with ``expected`` (used by the hidden tests)."""
    return exercise.verify(EXERCISES[name], name, fn, inputs, expected, label)


def _public(name, fn, inputs, expected, title=""):
    exercise.public(EXERCISES[name], name, fn, inputs, expected, title)


def check_initialize_parameters(fn):
    n_x, n_h, n_y = cases.initialize_parameters_test_case()
    _public("initialize_parameters", fn, {"n_x": n_x, "n_h": n_h, "n_y": n_y},
            store.expected(LESSON, "initialize_parameters"))
    passed()


def check_initialize_parameters_deep(fn):
    _public("initialize_parameters_deep", fn, {"layer_dims": cases.initialize_parameters_deep_test_case()},
            store.expected(LESSON, "initialize_parameters_deep"))
    passed()


def check_linear_forward(fn):
    A, W, b = cases.linear_forward_test_case()
    _public("linear_forward", fn, {"A": A, "W": W, "b": b}, store.expected(LESSON, "linear_forward"))
    passed()


def check_linear_activation_forward(fn):
    expected = store.expected(LESSON, "linear_activation_forward")
    for activation in ("sigmoid", "relu"):
        A_prev, W, b = cases.linear_activation_forward_test_case()
        inputs = {"A_prev": A_prev, "W": W, "b": b, "activation": activation}
        _public("linear_activation_forward", fn, inputs, expected[activation], title=activation)
    passed()


def check_L_model_forward(fn):
    X, parameters = cases.L_model_forward_test_case_2hidden()
    _public("L_model_forward", fn, {"X": X, "parameters": parameters},
            store.expected(LESSON, "L_model_forward"))
    passed()


def check_compute_cost(fn):
    Y, AL = cases.compute_cost_test_case()
    _public("compute_cost", fn, {"AL": AL, "Y": Y}, store.expected(LESSON, "compute_cost"))
    passed()


def check_linear_backward(fn):
    dZ, cache = cases.linear_backward_test_case()
    _public("linear_backward", fn, {"dZ": dZ, "cache": cache}, store.expected(LESSON, "linear_backward"))
    passed()


def check_linear_activation_backward(fn):
    expected = store.expected(LESSON, "linear_activation_backward")
    for activation in ("sigmoid", "relu"):
        dA, cache = cases.linear_activation_backward_test_case()
        inputs = {"dA": dA, "cache": cache, "activation": activation}
        _public("linear_activation_backward", fn, inputs, expected[activation], title=activation)
    passed()


def check_L_model_backward(fn):
    AL, Y, caches = cases.L_model_backward_test_case()
    _public("L_model_backward", fn, {"AL": AL, "Y": Y, "caches": caches},
            store.expected(LESSON, "L_model_backward"))
    passed()


def check_update_parameters(fn):
    parameters, grads, learning_rate = cases.update_parameters_test_case()
    _public("update_parameters", fn, {"parameters": parameters, "grads": grads, "learning_rate": learning_rate},
            store.expected(LESSON, "update_parameters"))
    passed()
