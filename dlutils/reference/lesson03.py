"""Reference solutions for lesson 03, gradient descent.

Conventions: a point (the parameters being optimised) is a float array of shape
``(n,)``; a loss ``f(p)`` returns one number and a gradient function ``gradient(p)``
returns an array of shape ``(n,)``. ``sigmoid`` is the lesson's given helper
(``dlutils.given.lesson03``), which returns the value alone.
"""
import numpy as np

from dlutils.given.lesson03 import sigmoid

__all__ = ["numerical_derivative", "numerical_gradient", "gradient_descent", "best_of_restarts",
           "chain_rule_derivative"]


def numerical_derivative(f, x, h=1e-4):
    """The central difference ``(f(x + h) - f(x - h)) / (2h)`` at the number ``x``."""
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, x, h=1e-4):
    """The gradient of ``f`` at ``x`` (shape ``(n,)``), one central difference per coordinate.

    Each coordinate is moved in place and put back to the value it had, so ``x``
    is exactly as it was when the function returns.
    """
    grad = np.zeros_like(x, dtype=float)
    for i in range(x.size):
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def gradient_descent(gradient, start, learning_rate, n_steps):
    """``n_steps`` updates ``p ← p - learning_rate · gradient(p)`` from ``start``.

    Returns the visited points, shape ``(n_steps + 1, n)``: row 0 is ``start``
    (which is not changed), row ``k`` the point after ``k`` updates.
    """
    p = np.array(start, dtype=float)
    path = [p]
    for _ in range(n_steps):
        p = p - learning_rate * gradient(p)
        path.append(p)
    return np.array(path)


def best_of_restarts(loss, gradient, starts, learning_rate, n_steps):
    """Gradient descent from every row of ``starts``; the end point with the lowest loss.

    Returns ``(best_point, best_loss)``: the last point of the best run, shape
    ``(n,)``, and its loss as a float. A tie goes to the earlier start.
    """
    best_point, best_loss = None, None
    for start in starts:
        end = gradient_descent(gradient, start, learning_rate, n_steps)[-1]
        end_loss = float(loss(end))
        if best_loss is None or end_loss < best_loss:
            best_point, best_loss = end, end_loss
    return best_point, best_loss


def chain_rule_derivative(x, w1, b1, w2, b2):
    """``dy/dw1`` of ``y = σ(w2 · σ(w1 · x + b1) + b2)`` by the chain rule.

    With ``z1 = w1 x + b1``, ``a1 = σ(z1)``, ``z2 = w2 a1 + b2``, ``y = σ(z2)``:
    ``dy/dw1 = σ'(z2) · w2 · σ'(z1) · x`` where ``σ'(z) = σ(z) (1 - σ(z))``.
    """
    a1 = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * a1 + b2)
    return float(y * (1 - y) * w2 * a1 * (1 - a1) * x)
