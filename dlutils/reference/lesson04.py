"""Reference solutions for lesson 04, backpropagation.

Conventions of lessons 01-04: one example ``x`` has shape ``(n[0],)``; a batch ``X`` has
one example per ROW, shape ``(m, n[0])``; ``W[l]`` has shape ``(n[l], n[l-1])`` and
``b[l]`` shape ``(n[l],)``; every layer is sigmoid; caches are the dicts of lesson 02's
``feed_forward`` and ``feed_forward_batch``: ``{"a0": input, "z1": ..., "a1": ..., ...}``.
The loss of one example is ``mean((a[L] - y) ** 2) / 2``, so backpropagation starts from
``da[L] = (a[L] - y) / n[L]``. Gradients are stored as ``{"dW1": ..., "db1": ..., ...}``.

``feed_forward``, ``compute_loss``, ``compute_accuracy``, ``feed_forward_batch``,
``initialize_parameters`` and ``sigmoid`` are the helpers given in the lesson
(``dlutils.given.lesson04``).
"""
import numpy as np

from dlutils.given.lesson04 import (compute_accuracy, compute_loss, feed_forward, feed_forward_batch,
                                    initialize_parameters, sigmoid)

__all__ = ["d_sigmoid", "backprop_one_neuron_chain", "back_prop", "update", "train_nn", "back_prop_batch",
           "feed_forward", "feed_forward_batch", "compute_loss", "compute_accuracy", "initialize_parameters",
           "sigmoid"]


def d_sigmoid(x):
    """The derivative of the sigmoid, ``sigma(x) * (1 - sigma(x))``, entry by entry.

    It equals the lecture's ``e^-x / (e^-x + 1)^2`` and, built on the stable sigmoid,
    stays finite (and warning-free) for any ``x``. A number for a number.
    """
    s = sigmoid(x)
    return s * (1 - s)


def backprop_one_neuron_chain(x, y, weights, biases):
    """Gradients of ``J = (a[L] - y)^2 / 2`` for a chain of one sigmoid neuron per layer.

    Layer ``l`` (1-based) computes ``z[l] = weights[l-1] * a[l-1] + biases[l-1]`` and
    ``a[l] = sigma(z[l])``, with ``a[0] = x``. Going backwards from ``dJ/da[L] = a[L] - y``:
    ``db[l] = sigma'(z[l]) * da[l]``, ``dw[l] = a[l-1] * db[l]``, ``da[l-1] = w[l] * db[l]``.
    Returns ``(dweights, dbiases)``: lists of Python floats in layer order 1..L.
    """
    a, zs, activations = x, [], [x]
    for w, b in zip(weights, biases):
        z = w * a + b
        a = sigmoid(z)
        zs.append(z)
        activations.append(a)
    L = len(weights)
    dweights, dbiases = [0.0] * L, [0.0] * L
    da = a - y
    for l in range(L, 0, -1):
        db = d_sigmoid(zs[l - 1]) * da
        dweights[l - 1] = float(activations[l - 1] * db)
        dbiases[l - 1] = float(db)
        da = weights[l - 1] * db
    return dweights, dbiases


def back_prop(prediction, y, cache, parameters):
    """One example's gradients, from the last layer to the first.

    ``da[L] = (prediction - y) / n[L]``; for l = L..1: ``db = sigma'(z[l]) * da``,
    ``dW = outer(db, a[l-1])``, ``da = W[l]^T db`` (not for l = 1: the input needs no
    gradient). ``cache`` is ``feed_forward``'s.
    Returns ``{"dW1": ..., "db1": ..., ..., "dWL": ..., "dbL": ...}`` (filled from layer L down).
    """
    gradients = {}
    L = len(cache) // 2
    da = (prediction - y) / y.shape[0]
    for l in range(L, 0, -1):
        db = d_sigmoid(cache["z" + str(l)]) * da
        dW = np.outer(db, cache["a" + str(l - 1)])
        if l > 1:  # da[0] would be the input's gradient, which nothing uses
            da = parameters["W" + str(l)].T @ db
        gradients["dW" + str(l)] = dW
        gradients["db" + str(l)] = db
    return gradients


def update(parameters, gradients, alpha, m):
    """Gradient descent step in place: ``W[l] -= alpha * dW[l] / m``, ``b[l] -= alpha * db[l] / m``.

    ``gradients`` hold sums over ``m`` examples (or one example's, with ``m`` the size of
    the training set, as the lecture's loop does). Changes the arrays of ``parameters``
    and returns the same dict.
    """
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] -= alpha * gradients["dW" + str(l)] / m
        parameters["b" + str(l)] -= alpha * gradients["db" + str(l)] / m
    return parameters


def train_nn(X_train, Y_train, X_test, Y_test, neurons_per_layer, epoch, alpha, verbose=False):
    """Full-batch gradient descent: per epoch, sum every example's ``back_prop``, then ``update`` once.

    Parameters start from ``initialize_parameters(neurons_per_layer)`` (numpy's global
    generator: seed it before the call). After each update the training loss
    (``compute_loss``) is appended to ``loss_list``; with ``verbose`` one line per epoch is
    printed to stdout with that loss and the accuracy on ``X_test``. Returns ``(loss_list, parameters)``.
    """
    parameters = initialize_parameters(neurons_per_layer)
    loss_list = []
    m = X_train.shape[0]
    for i in range(epoch):
        gradients_sum = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
        for x, y in zip(X_train, Y_train):
            prediction, cache = feed_forward(x, parameters)
            gradients = back_prop(prediction, y, cache, parameters)
            for key in gradients_sum:
                gradients_sum[key] += gradients[key]
        parameters = update(parameters, gradients_sum, alpha, m)
        loss_list.append(compute_loss(X_train, Y_train, parameters))
        if verbose:
            accuracy = compute_accuracy(X_test, Y_test, parameters)
            print(f"{i + 1}번째 경사 하강: 학습 손실 {loss_list[-1]:.4f}, 시험 정확도 {accuracy:.2f}")
    return loss_list, parameters


def back_prop_batch(X, Y, cache, parameters):
    """The gradients of all ``m`` examples at once, summed over the examples (rows).

    ``cache`` is ``feed_forward_batch``'s (rows are examples). ``dA[L] = (A[L] - Y) / n[L]``;
    for l = L..1: ``dZ = sigma'(Z[l]) * dA`` ``(m, n[l])``, ``dW = dZ^T A[l-1]`` (the sum of
    the examples' outer products), ``db = sum of dZ's rows``, ``dA = dZ W[l]`` (not for l = 1).
    Equals the sum of ``back_prop`` over the examples.
    """
    gradients = {}
    L = len(cache) // 2
    dA = (cache["a" + str(L)] - Y) / Y.shape[1]
    for l in range(L, 0, -1):
        dZ = d_sigmoid(cache["z" + str(l)]) * dA
        gradients["dW" + str(l)] = dZ.T @ cache["a" + str(l - 1)]
        gradients["db" + str(l)] = dZ.sum(axis=0)
        if l > 1:  # dA[0] would be the inputs' gradient, which nothing uses
            dA = dZ @ parameters["W" + str(l)]
    return gradients
