"""Ready-made parts of the one-example-at-a-time network of lessons 01–02.

Students import these (they are not graded in lesson 02). ``initialize_parameters``
is lesson 01's graded answer, so it is re-exported from the reference and not copied:
a lesson 01 answer that calls it is caught as a call into the reference. Conventions: an example
``x`` has shape ``(n[0],)``, ``W[l]`` shape ``(n[l], n[l-1])`` and ``b[l]`` shape
``(n[l],)``; parameters are stored as ``{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}``.
"""
from dlutils import activations
from dlutils.reference.neuron import initialize_parameters  # noqa: F401  (lesson 01's answer, given here)


def sigmoid(z):
    """Sigmoid of every entry of ``z``: the value only (``activations.sigmoid`` also returns a cache)."""
    return activations.sigmoid(z)[0]
