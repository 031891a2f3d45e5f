"""Reference solutions for lesson 09: activations, output functions, losses, and three kinds of gradient descent.

Conventions: examples are COLUMNS, as in lesson 07. ``softmax`` takes ``z`` of shape
``(K, m)`` and normalises every column; the losses take predictions and targets of
shape ``(K, m)`` (``(1, m)`` for the binary cross-entropy) and average over the ``m``
columns; ``make_mini_batches`` shuffles and cuts the columns of ``X`` ``(n, m)`` and
``Y`` ``(K, m)``. ``train`` uses the given helpers of ``dlutils.given.lesson09``.
"""
import numpy as np

from dlutils.given.lesson09 import backward_from_dZ, forward_logits, initialize_parameters_he

EPS = 1e-12


def tanh(x):
    """Hyperbolic tangent ``(e^x - e^-x) / (e^x + e^-x)`` entry by entry, in (-1, 1); no overflow for a large ``|x|``."""
    return np.tanh(x)


def d_tanh(x):
    """Derivative of tanh at the pre-activation ``x``: ``1 - tanh(x)**2``."""
    return 1 - tanh(x) ** 2


def leaky_relu(x, alpha=0.01):
    """``x`` where ``x > 0``, ``alpha * x`` elsewhere."""
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, alpha * x)


def d_leaky_relu(x, alpha=0.01):
    """Derivative of the leaky ReLU: 1 where ``x > 0``, ``alpha`` elsewhere (also at ``x == 0``), as floats."""
    return np.where(np.asarray(x) > 0, 1.0, float(alpha))


def softmax(z):
    """Softmax of every column of ``z`` ``(K, m)``: ``exp(z - max) / sum(exp(z - max))``, the max taken per column."""
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)


def mse(y_hat, y):
    """``J = 1/m * sum over examples of 1/2 * ||y_hat - y||^2`` for columns of shape ``(K, m)``, as a float."""
    m = y.shape[1]
    return float(np.sum((y_hat - y) ** 2) / (2 * m))


def binary_cross_entropy(y_hat, y):
    """``J = -1/m * sum(y log p + (1 - y) log(1 - p))`` with ``p = clip(y_hat, eps, 1 - eps)``, ``(1, m)`` inputs."""
    m = y.shape[1]
    p = np.clip(y_hat, EPS, 1 - EPS)
    return float(-np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / m)


def categorical_cross_entropy(y_hat, y):
    """``J = -1/m * sum over examples and classes of y log p`` with ``p = clip(y_hat, eps, 1 - eps)``, ``(K, m)``."""
    m = y.shape[1]
    p = np.clip(y_hat, EPS, 1 - EPS)
    return float(-np.sum(y * np.log(p)) / m)


def make_mini_batches(X, Y, batch_size, seed=0):
    """``[(X_batch, Y_batch), ...]``: the columns of ``X`` and ``Y`` shuffled by ONE permutation, then cut.

    The permutation is ``np.random.default_rng(seed).permutation(m)``; batches take
    ``batch_size`` columns in order, and the last one keeps whatever is left (it may be smaller).
    """
    m = X.shape[1]
    permutation = np.random.default_rng(seed).permutation(m)
    X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation]
    return [(X_shuffled[:, k:k + batch_size], Y_shuffled[:, k:k + batch_size]) for k in range(0, m, batch_size)]


def train(X, Y, layer_dims, batch_size, epochs, learning_rate, seed=0):
    """Gradient descent on a [LINEAR->RELU] x (L-1) -> LINEAR->SOFTMAX network with the categorical cross-entropy.

    Parameters start from ``initialize_parameters_he(layer_dims, seed)``. Epoch ``e`` (from 0)
    goes through ``make_mini_batches(X, Y, batch_size, seed + e)`` in order; for each mini-batch
    of ``m_b`` columns: ``ZL, caches = forward_logits(X_b, parameters)``, ``AL = softmax(ZL)``,
    ``dZL = (AL - Y_b) / m_b``, ``grads = backward_from_dZ(dZL, caches)``, then every
    ``W[l]``, ``b[l]`` moves by ``- learning_rate * dW[l]``, ``- learning_rate * db[l]``.
    After each epoch the cost on the whole ``(X, Y)`` is appended to ``costs``.
    ``batch_size >= m`` is batch gradient descent, ``1`` stochastic, anything between mini-batch.
    Returns ``(parameters, costs)``, ``costs`` a list of ``epochs`` floats.
    """
    parameters = initialize_parameters_he(layer_dims, seed)
    costs = []
    for epoch in range(epochs):
        for X_batch, Y_batch in make_mini_batches(X, Y, batch_size, seed + epoch):
            ZL, caches = forward_logits(X_batch, parameters)
            dZL = (softmax(ZL) - Y_batch) / X_batch.shape[1]
            grads = backward_from_dZ(dZL, caches)
            parameters = {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}
        costs.append(categorical_cross_entropy(softmax(forward_logits(X, parameters)[0]), Y))
    return parameters, costs
