"""Helpers given in lesson 08 (a deep network applied to images); none of them is graded here.

Taught in lesson 07 (a deep network step by step), where students write each one as a
graded exercise; this is the course's one implementation, and
``dlutils.reference.lesson07`` imports them from here:

- ``initialize_parameters(n_x, n_h, n_y)``: a two-layer network, weights ``randn * 0.01``
  (seed 1 inside), zero biases.
- ``initialize_parameters_deep(layer_dims)``: an L-layer network, weights ``randn * 0.01``
  (seed 3 inside), zero biases.
- ``linear_forward``, ``linear_activation_forward``, ``L_model_forward``: the forward module.
- ``compute_cost``: the binary cross-entropy cost, as a Python float.
- ``linear_backward``, ``linear_activation_backward``, ``L_model_backward``: the backward module.
- ``update_parameters``: one gradient-descent step (returns a new dict).

Introduced in lesson 08 itself, as a tool (explained in its section on initialisation):

- ``initialize_parameters_he(layer_dims)``: weights ``randn * sqrt(2 / n[l-1])`` (He
  initialisation), zero biases, drawn from numpy's global generator (seed it first).
  Lesson 07's ``* 0.01`` makes the signal and the gradients of a four-layer network
  vanish, so ``L_layer_model`` starts from this one.

Conventions: examples are columns (``X`` has shape ``(n_x, m)``), ``W[l]`` has shape
``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l], 1)``. Caches are
``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
``cache = (linear_cache, activation_cache)``.
"""
import numpy as np

from dlutils.activations import relu, relu_backward, sigmoid, sigmoid_backward

__all__ = [
    "ACTIVATIONS",
    "initialize_parameters",
    "initialize_parameters_deep",
    "initialize_parameters_he",
    "linear_forward",
    "linear_activation_forward",
    "L_model_forward",
    "compute_cost",
    "linear_backward",
    "linear_activation_backward",
    "L_model_backward",
    "update_parameters",
]

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


def initialize_parameters_he(layer_dims):
    """Parameters ``W1, b1, ..., WL, bL`` for ``layer_dims = [n0, ..., nL]``: ``randn * sqrt(2 / n[l-1])``, zero biases.

    Draws from numpy's global generator in layer order (``W1``, then ``W2``, ...) and does not
    seed it: the caller does (``L_layer_model`` calls ``np.random.seed(1)`` first).
    """
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
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
