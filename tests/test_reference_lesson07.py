"""The reference solutions of lesson 07: the anchor lab's numbers, and gradients."""
import numpy as np
import pytest

from dlutils.gradcheck import numerical_gradient, relative_error
from dlutils.reference import lesson07 as ref
from testcases.engine import lessons


def public(name, index=0):
    """The inputs of public case ``index`` of exercise ``name``, in the order the function takes them."""
    exercise = lessons.load("07").exercises[name]
    inputs = exercise.public()[index].inputs
    return tuple(inputs[arg] for arg in exercise.steps[0].args)


def close(actual, expected):
    np.testing.assert_allclose(actual, expected, rtol=0, atol=5e-9)


def test_anchor_numbers_are_reproduced():
    """Values printed by the anchor lab (to 8 decimals), from the same seeds and draws."""
    p = ref.initialize_parameters(3, 2, 1)
    close(p["W1"], [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]])
    close(p["W2"], [[0.01744812, -0.00761207]])
    assert not p["b1"].any() and p["b1"].shape == (2, 1)
    p = ref.initialize_parameters_deep([5, 4, 3])
    close(p["W1"][0], [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388])
    close(p["W2"][2], [-0.00768836, -0.00230031, 0.00745056, 0.01976111])
    close(ref.linear_forward(*public("linear_forward"))[0], [[3.26295337, -1.23429987]])
    close(ref.linear_activation_forward(*public("linear_activation_forward", 0))[0], [[0.96890023, 0.11013289]])
    close(ref.linear_activation_forward(*public("linear_activation_forward", 1))[0], [[3.43896131, 0.0]])
    AL, caches = ref.L_model_forward(*public("L_model_forward"))
    close(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]])
    assert len(caches) == 3
    assert ref.compute_cost(*public("compute_cost")) == 0.2797765635793422
    dA_prev, dW, db = ref.linear_backward(*public("linear_backward"))
    close(db, [[-0.14713786], [-0.11313155], [-0.13209101]])
    close(dA_prev[0], [-1.15171336, 0.06718465, -0.3204696, 2.09812712])
    close(dW[0], [0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716])
    dA_prev, dW, db = ref.linear_activation_backward(*public("linear_activation_backward", 0))
    close(dW, [[0.10266786, 0.09778551, -0.01968084]])
    close(db, [[-0.05729622]])
    dA_prev, dW, db = ref.linear_activation_backward(*public("linear_activation_backward", 1))
    close(dA_prev, [[0.44090989, 0.0], [0.37883606, 0.0], [-0.2298228, 0.0]])
    grads = ref.L_model_backward(*public("L_model_backward"))
    close(grads["dW1"][0], [0.41010002, 0.07807203, 0.13798444, 0.10502167])
    close(grads["db1"], [[-0.22007063], [0.0], [-0.02835349]])
    close(grads["dA1"], [[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]])
    p = ref.update_parameters(*public("update_parameters"))
    close(p["W1"][0], [-0.59562069, -0.09991781, -2.14584584, 1.82662008])
    close(p["b1"], [[-0.04659241], [-1.28888275], [0.53405496]])
    close(p["W2"], [[-0.55569196, 0.0354055, 1.32964895]])
    close(p["b2"], [[-0.84610769]])


def test_cost_case_detects_a_missing_negative_class_term():
    AL, Y = public("compute_cost")
    without_term = -np.sum(Y * np.log(AL)) / Y.shape[1]
    assert abs(without_term - ref.compute_cost(AL, Y)) > 0.1


def _network(seed, dims, m):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(dims)):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((dims[l], 1))
    X = rng.standard_normal((dims[0], m))
    Y = (rng.uniform(size=(dims[-1], m)) < 0.5).astype(float)
    return X, Y, parameters


@pytest.mark.parametrize("dims", [[3, 1], [4, 3, 1], [5, 4, 3, 2]])
def test_L_model_backward_matches_numerical_gradient(dims):
    X, Y, parameters = _network(1, dims, m=6)

    def cost():
        AL, _ = ref.L_model_forward(X, parameters)
        return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / X.shape[1]

    AL, caches = ref.L_model_forward(X, parameters)
    grads = ref.L_model_backward(AL, Y, caches)
    for name, value in parameters.items():
        assert relative_error(grads["d" + name], numerical_gradient(cost, value)) < 1e-6, name
    numeric_dA0 = numerical_gradient(lambda: cost() * X.shape[1], X)  # dA has no 1/m
    assert relative_error(grads["dA0"], numeric_dA0) < 1e-6


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_linear_activation_backward_matches_numerical_gradient(activation):
    rng = np.random.default_rng(2)
    A_prev, W, b = rng.standard_normal((4, 5)), rng.standard_normal((3, 4)), rng.standard_normal((3, 1))
    dA = rng.standard_normal((3, 5))
    m = A_prev.shape[1]

    def objective():  # J such that dJ/dA = dA / m per example, as the lesson's convention
        return np.sum(ref.linear_activation_forward(A_prev, W, b, activation)[0] * dA) / m

    _, cache = ref.linear_activation_forward(A_prev, W, b, activation)
    dA_prev, dW, db = ref.linear_activation_backward(dA, cache, activation)
    assert relative_error(dW, numerical_gradient(objective, W)) < 1e-7
    assert relative_error(db, numerical_gradient(objective, b)) < 1e-7
    assert relative_error(dA_prev / m, numerical_gradient(objective, A_prev)) < 1e-7


def test_linear_backward_matches_numerical_gradient():
    rng = np.random.default_rng(3)
    A_prev, W, b = rng.standard_normal((4, 6)), rng.standard_normal((2, 4)), rng.standard_normal((2, 1))
    dZ = rng.standard_normal((2, 6))

    def objective():
        return np.sum(ref.linear_forward(A_prev, W, b)[0] * dZ) / A_prev.shape[1]

    dA_prev, dW, db = ref.linear_backward(dZ, (A_prev, W, b))
    assert relative_error(dW, numerical_gradient(objective, W)) < 1e-8
    assert relative_error(db, numerical_gradient(objective, b)) < 1e-8
    assert relative_error(dA_prev / A_prev.shape[1], numerical_gradient(objective, A_prev)) < 1e-8


def test_update_parameters_leaves_its_input_alone():
    parameters, grads, learning_rate = public("update_parameters")
    before = {k: v.copy() for k, v in parameters.items()}
    ref.update_parameters(parameters, grads, learning_rate)
    for key, value in before.items():
        np.testing.assert_array_equal(parameters[key], value)
