"""Helpers given in lesson 02 (forward propagation); none of them is graded here.

- ``initialize_parameters(neurons_per_layer)``: taught in lesson 01 (MNIST and the
  neuron), where students write it as a graded exercise. This is the course's one
  implementation: ``dlutils.reference.lesson01`` imports it from here.
- ``sigmoid(z)``: the logistic function of lesson 01 §6, the same function as
  ``dlutils.given.lesson01.sigmoid`` (re-exported): the value alone, no cache.

Conventions of lessons 01-02: one example ``x`` has shape ``(n[0],)``, ``W[l]`` shape
``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l],)``; parameters are stored as
``{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}``.
"""
import numpy as np

from dlutils.given.lesson01 import sigmoid

__all__ = ["initialize_parameters", "sigmoid"]


def initialize_parameters(neurons_per_layer):
    """``W1, b1, ..., WL, bL`` drawn from numpy's global generator (seed it before the call).

    For l = 1..L: ``W`` = randn(n[l], n[l-1]) * sqrt(1 / n[l]), then ``b`` = randn(n[l]) * sqrt(1 / n[l]).
    """
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
