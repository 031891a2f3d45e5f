"""Numerical gradients by central differences, to check analytic backward passes."""
import numpy as np


def numerical_gradient(f, x, eps=1e-6):
    """d f() / d x for a scalar function ``f`` of no arguments that reads ``x``.

    ``x`` is perturbed in place one entry at a time and restored afterwards.
    """
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + eps
        f_plus = f()
        x[idx] = original - eps
        f_minus = f()
        x[idx] = original
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """||a - b|| / (||a|| + ||b||), the usual gradient-check measure (0 when both are 0)."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)
