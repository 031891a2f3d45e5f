"""Reference solutions for lesson 02, forward propagation.

Conventions: one example ``x`` has shape ``(n[0],)``; a batch ``X`` has one example
per ROW, shape ``(m, n[0])`` (lesson 07 puts examples in columns instead);
``W[l]`` has shape ``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l],)``. Every layer is
sigmoid. Caches are dicts ``{"a0": input, "z1": ..., "a1": ..., ..., "zL": ..., "aL": ...}``.
``initialize_parameters`` and ``sigmoid`` are the helpers given in the lesson (``dlutils.given.lesson02``).
"""
import numpy as np

from dlutils.given.lesson02 import initialize_parameters, sigmoid

__all__ = ["initialize_parameters", "sigmoid", "feed_forward", "compute_loss", "compute_accuracy",
           "feed_forward_batch"]


def _forward(a0, parameters, linear):
    """Sigmoid layers 1..L with ``z = linear(W, a_prev, b)``; returns ``(aL, cache)``."""
    cache = {"a0": a0}
    a = a0
    for l in range(1, len(parameters) // 2 + 1):
        z = linear(parameters["W" + str(l)], a, parameters["b" + str(l)])
        a = sigmoid(z)
        cache["z" + str(l)] = z
        cache["a" + str(l)] = a
    return a, cache


def feed_forward(x, parameters):
    """One example: ``z[l] = W[l] a[l-1] + b[l]``, ``a[l] = sigmoid(z[l])``; returns ``(a[L], cache)``."""
    return _forward(x, parameters, lambda W, a_prev, b: W @ a_prev + b)


def compute_loss(x_val, y_val, parameters):
    """Mean over examples of ``mean((h(x) - y)**2) / 2``, as a Python float."""
    loss = 0.0
    for x, y in zip(x_val, y_val):
        a, _ = feed_forward(x, parameters)
        loss += np.mean((a - y) ** 2) / 2
    return float(loss / len(x_val))


def compute_accuracy(x_val, y_val, parameters):
    """Fraction of examples whose most active output neuron is the one-hot label's index."""
    hits = [np.argmax(feed_forward(x, parameters)[0]) == np.argmax(y) for x, y in zip(x_val, y_val)]
    return float(np.mean(hits))


def feed_forward_batch(X, parameters):
    """All rows of ``X`` at once: ``Z[l] = A[l-1] @ W[l].T + b[l]``; returns ``(A[L], cache)``.

    ``A[L]`` has shape ``(m, n[L])``, one row per example.
    """
    return _forward(X, parameters, lambda W, A_prev, b: A_prev @ W.T + b)
