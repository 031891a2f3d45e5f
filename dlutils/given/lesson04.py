"""Helpers given in lesson 04 (backpropagation); none of them is graded here.

All four were graded exercises of lesson 02 (forward propagation), and this is the
course's one implementation of them: ``dlutils.reference.lesson02`` imports them
from here.

- ``feed_forward(x, parameters)``: lesson 02 §6, one example through sigmoid layers;
  returns ``(a[L], cache)`` with ``cache = {"a0": x, "z1": ..., "a1": ..., ..., "zL": ..., "aL": ...}``.
  Lesson 04's ``back_prop`` reads this cache.
- ``compute_loss(x_val, y_val, parameters)``: lesson 02 §8, the mean over examples of
  ``mean((h(x) - y) ** 2) / 2``.
- ``compute_accuracy(x_val, y_val, parameters)``: lesson 02 §9, the fraction of examples
  whose most active output neuron is the label.
- ``feed_forward_batch(X, parameters)``: lesson 02 §11, all examples at once, one
  example per ROW of ``X``; its cache is what lesson 04's ``back_prop_batch`` reads.

``initialize_parameters`` (lesson 01) and ``sigmoid`` (lesson 01 §6) are re-exported
from ``dlutils.given.lesson02``, so lesson 04 imports every helper from one place.

Conventions of lessons 01-04: one example ``x`` has shape ``(n[0],)``; a batch ``X`` has
one example per row, ``(m, n[0])``; ``W[l]`` has shape ``(n[l], n[l-1])`` and ``b[l]``
shape ``(n[l],)``; every layer is sigmoid.
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
