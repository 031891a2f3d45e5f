"""Reference solutions for lesson 01, MNIST and the artificial neuron.

Conventions of lessons 01-02: one example at a time, ``x`` of shape ``(784,)``,
``W[l]`` of shape ``(n[l], n[l-1])`` and ``b[l]`` of shape ``(n[l],)``.
"""
import numpy as np


def normalize(images):
    """Min-max normalisation with the minimum and maximum of the whole array, as floats in [0, 1].

    An array whose values are all equal has no range to divide by: it becomes all zeros.
    """
    images = np.asarray(images, dtype=float)
    low, high = images.min(), images.max()
    if high == low:
        return np.zeros_like(images)
    return (images - low) / (high - low)


def one_hot(labels, num_classes):
    """Float array ``(len(labels), num_classes)``: row ``i`` is 1 in column ``labels[i]``, 0 elsewhere."""
    encoded = np.zeros((len(labels), num_classes))
    encoded[np.arange(len(labels)), labels] = 1
    return encoded


def initialize_parameters(neurons_per_layer):
    """``W1, b1, ..., WL, bL`` drawn from the global generator (seed it before the call).

    For l = 1..L: ``W`` = randn(n[l], n[l-1]) * sqrt(1 / n[l]), then ``b`` = randn(n[l]) * sqrt(1 / n[l]).
    """
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
