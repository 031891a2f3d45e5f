"""Reference solutions for lesson 07, a deep network step by step.

Conventions: examples are columns (``X`` has shape ``(n_x, m)``), ``W[l]`` has shape
``(n[l], n[l-1])`` and ``b[l]`` shape ``(n[l], 1)``. Caches are
``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
``cache = (linear_cache, activation_cache)``.
"""
# One implementation: lesson 08 gives these functions to its students (dlutils.given.lesson08),
# and this reference is the same functions.
from dlutils.given.lesson08 import (  # noqa: F401
    ACTIVATIONS,
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
    update_parameters,
)
