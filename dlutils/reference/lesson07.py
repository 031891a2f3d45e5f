"""Reference solutions for lesson 07, a deep network step by step.

Conventions: examples are columns (``X`` has shape ``(n_x, m)``), ``W[l]`` has shape
``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l], 1)``. Caches are
``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
``cache = (linear_cache, activation_cache)``.
"""
import numpy as np

from dlutils.activations import relu, relu_backward, sigmoid, sigmoid_backward

ACTIVATIONS = {"relu": (relu, relu_backward), "sigmoid": (sigmoid, sigmoid_backward)}


def initialize_parameters(n_x, n_h, n_y):
    """LINEAR->RELU->LINEAR->SIGMOID parameters: small random weights (seed 1), zero biases."""
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims):
    """Parameters ``W1, b1, ..., WL, bL`` for ``layer_dims = [n0, n1, ..., nL]`` (seed 3)."""
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """``Z = W A + b``; returns ``(Z, (A, W, b))``."""
    Z = np.dot(W, A) + b
    return Z, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """LINEAR then ACTIVATION (``"relu"`` or ``"sigmoid"``); returns ``(A, (linear_cache, Z))``."""
    forward, _ = ACTIVATIONS[activation]
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = forward(Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """[LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID; returns ``(AL, caches)`` with L caches."""
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(
            A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(
        A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    """Binary cross-entropy averaged over the ``m`` examples, as a Python float."""
    m = Y.shape[1]
    cost = (-1 / m) * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(cost)


def linear_backward(dZ, cache):
    """Gradients of the linear step; returns ``(dA_prev, dW, db)``."""
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """Backward through ACTIVATION then LINEAR; returns ``(dA_prev, dW, db)``."""
    _, backward = ACTIVATIONS[activation]
    linear_cache, activation_cache = cache
    dZ = backward(dA, activation_cache)
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """Gradients ``dA0..dA(L-1)``, ``dW1..dWL``, ``db1..dbL`` of the cross-entropy cost."""
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA = dAL
    for l in reversed(range(L)):
        activation = "sigmoid" if l == L - 1 else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)] = dA
        grads["dW" + str(l + 1)] = dW
        grads["db" + str(l + 1)] = db
    return grads


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step; returns a new dict and leaves ``parameters`` unchanged."""
    L = len(parameters) // 2
    updated = {}
    for l in range(1, L + 1):
        updated["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        updated["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return updated
