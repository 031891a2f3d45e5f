"""Seeded inputs for lesson 07. Draw order matters: it reproduces the anchor lab's numbers.

Every builder returns fresh arrays, so a check that calls it gets inputs no earlier
call has touched.
"""
import numpy as np

from dlutils.reference import deep_nn as ref


def initialize_parameters_test_case():
    return 3, 2, 1


def initialize_parameters_deep_test_case():
    return [5, 4, 3]


def _randn(*shapes):
    return [np.random.randn(*shape) for shape in shapes]


def linear_forward_test_case():
    np.random.seed(1)
    A, W, b = _randn((3, 2), (1, 3), (1, 1))
    return A, W, b


def linear_activation_forward_test_case():
    np.random.seed(2)
    A_prev, W, b = _randn((3, 2), (1, 3), (1, 1))
    return A_prev, W, b


def L_model_forward_test_case_2hidden():
    np.random.seed(6)
    X, W1, b1, W2, b2, W3, b3 = _randn((5, 4), (4, 5), (4, 1), (3, 4), (3, 1), (1, 3), (1, 1))
    return X, {"W1": W1, "b1": b1, "W2": W2, "b2": b2, "W3": W3, "b3": b3}


def compute_cost_test_case():
    Y = np.array([[1, 1, 0]])
    AL = np.array([[0.8, 0.9, 0.4]])
    return Y, AL


def linear_backward_test_case():
    np.random.seed(1)
    dZ, A, W, b = _randn((3, 4), (5, 4), (3, 5), (3, 1))
    return dZ, (A, W, b)


def linear_activation_backward_test_case():
    np.random.seed(2)
    dA, A, W, b, Z = _randn((1, 2), (3, 2), (1, 3), (1, 1), (1, 2))
    return dA, ((A, W, b), Z)


def L_model_backward_test_case():
    np.random.seed(3)
    AL = np.random.randn(1, 2)
    Y = np.array([[1, 0]])
    A1, W1, b1, Z1 = _randn((4, 2), (3, 4), (3, 1), (3, 2))
    A2, W2, b2, Z2 = _randn((3, 2), (1, 3), (1, 1), (1, 2))
    return AL, Y, [((A1, W1, b1), Z1), ((A2, W2, b2), Z2)]


def update_parameters_test_case():
    np.random.seed(2)
    W1, b1, W2, b2 = _randn((3, 4), (3, 1), (1, 3), (1, 1))
    np.random.seed(3)
    dW1, db1, dW2, db2 = _randn((3, 4), (3, 1), (1, 3), (1, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return parameters, grads, 0.1


def expected_outputs():
    """What the reference solutions return on every public test case."""
    A, W, b = linear_forward_test_case()
    A_prev, W2, b2 = linear_activation_forward_test_case()
    X, parameters = L_model_forward_test_case_2hidden()
    dZ, linear_cache = linear_backward_test_case()
    dA, activation_cache = linear_activation_backward_test_case()
    AL, Y, caches = L_model_backward_test_case()
    AL_forward, caches_forward = ref.L_model_forward(X, parameters)
    return {
        "initialize_parameters": ref.initialize_parameters(*initialize_parameters_test_case()),
        "initialize_parameters_deep": ref.initialize_parameters_deep(initialize_parameters_deep_test_case()),
        "linear_forward": {"Z": ref.linear_forward(A, W, b)[0]},
        "linear_activation_forward": {
            act: {"A": ref.linear_activation_forward(A_prev, W2, b2, act)[0]} for act in ("sigmoid", "relu")},
        "L_model_forward": {"AL": AL_forward, "len(caches)": len(caches_forward)},
        "compute_cost": {"cost": ref.compute_cost(*compute_cost_test_case()[::-1])},
        "linear_backward": dict(zip(("dA_prev", "dW", "db"), ref.linear_backward(dZ, linear_cache))),
        "linear_activation_backward": {
            act: dict(zip(("dA_prev", "dW", "db"), ref.linear_activation_backward(dA, activation_cache, act)))
            for act in ("sigmoid", "relu")},
        "L_model_backward": ref.L_model_backward(AL, Y, caches),
        "update_parameters": ref.update_parameters(*update_parameters_test_case()),
    }
