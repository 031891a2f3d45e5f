"""Reference solutions for lesson 02, forward propagation.

Conventions: one example ``x`` has shape ``(n[0],)``; a batch ``X`` has one example
per ROW, shape ``(m, n[0])`` (lesson 07 puts examples in columns instead);
``W[l]`` has shape ``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l],)``. Every layer is
sigmoid. Caches are dicts ``{"a0": input, "z1": ..., "a1": ..., ..., "zL": ..., "aL": ...}``.
``initialize_parameters`` and ``sigmoid`` are the helpers given in the lesson (``dlutils.given.lesson02``).
"""
from dlutils.given.lesson02 import initialize_parameters, sigmoid

# feed_forward, compute_loss, compute_accuracy and feed_forward_batch: lesson 04 gives them to students
# (dlutils.given.lesson04), and they are kept there so the course has one implementation; these
# references are the same functions.
from dlutils.given.lesson04 import compute_accuracy, compute_loss, feed_forward, feed_forward_batch

__all__ = ["initialize_parameters", "sigmoid", "feed_forward", "compute_loss", "compute_accuracy",
           "feed_forward_batch"]
