import warnings

import numpy as np
import pytest

from dlutils.activations import relu, relu_backward, sigmoid, sigmoid_backward
from dlutils.gradcheck import numerical_gradient, relative_error


def test_forward_values_and_cache():
    Z = np.array([[-2.0, 0.0, 3.0]])
    A, cache = sigmoid(Z)
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-Z)))
    assert cache is Z
    A, cache = relu(Z)
    np.testing.assert_array_equal(A, [[0.0, 0.0, 3.0]])
    assert cache is Z


def test_large_inputs_raise_no_warning():
    Z = np.array([[-1e4, -800.0, 0.0, 800.0, 1e4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A, _ = sigmoid(Z)
        dZ = sigmoid_backward(np.ones_like(Z), Z)
    np.testing.assert_allclose(A, [[0.0, 0.0, 0.5, 1.0, 1.0]])
    assert np.isfinite(dZ).all()


@pytest.mark.parametrize("forward, backward", [(sigmoid, sigmoid_backward), (relu, relu_backward)])
def test_backward_matches_numerical_gradient(forward, backward):
    rng = np.random.default_rng(0)
    Z = rng.standard_normal((3, 4))
    Z[np.abs(Z) < 1e-3] = 0.5  # keep away from ReLU's kink
    dA = rng.standard_normal((3, 4))
    numeric = numerical_gradient(lambda: float(np.sum(forward(Z)[0] * dA)), Z)
    assert relative_error(backward(dA, Z), numeric) < 1e-7


def test_relu_backward_leaves_dA_alone():
    dA = np.ones((2, 2))
    relu_backward(dA, np.array([[-1.0, 1.0], [1.0, -1.0]]))
    np.testing.assert_array_equal(dA, np.ones((2, 2)))
