"""Helpers given in lesson 01 (MNIST and the neuron); none of them is graded.

- ``sigmoid(z)``: the logistic function ``1 / (1 + e^-z)``, explained in lesson 01 §6
  (logistic regression seen as one neuron) and again, with the other activations,
  in lesson 09. It returns the value alone, the convention of lessons 01-02; lesson
  07 uses ``dlutils.activations.sigmoid``, which returns ``(A, cache)``.
"""
from dlutils import activations


def sigmoid(z):
    """Sigmoid of every entry of ``z``, the value alone (a number for a number, an array for an array).

    Built on the stable sigmoid of ``dlutils.activations``: a large ``|z|`` raises no overflow warning.
    """
    value = activations.sigmoid(z)[0]
    return value[()] if value.ndim == 0 else value
