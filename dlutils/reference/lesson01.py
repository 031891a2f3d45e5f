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


# initialize_parameters: lesson 02 gives it to students (dlutils.given.lesson02), and it is kept
# there so the course has one implementation; this reference is the same function.
from dlutils.given.lesson02 import initialize_parameters  # noqa: E402,F401
