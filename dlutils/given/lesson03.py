"""Helpers given in lesson 03 (gradient descent); none of them is graded.

- ``sigmoid(z)``: the logistic function of lesson 01 §6, the same function as
  ``dlutils.given.lesson01.sigmoid`` (re-exported): the value alone, no cache.
- The losses the lesson draws and descends, each with its gradient written out by
  hand (students check these gradients with their own ``numerical_gradient``):

  - ``square(x)``: ``x²``, the one-variable function of §3 (slope 2 at ``x = 1``,
    slope -4 at ``x = -2``).
  - ``bowl_loss(p)`` / ``bowl_gradient(p)``: ``Σ sᵢ (pᵢ - cᵢ)²`` with fixed scales
    ``s = (1, 0.5, 2, 1.5)`` and centre ``c = (2, 9, -1, 0.5)``, for a point of 1 to
    4 coordinates. With two coordinates ``p = (w, b)`` it is the lesson's worked
    example ``J(w, b) = (w - 2)² + ½ (b - 9)²``: at ``(3, 5)`` its gradient is
    ``(2, -4)``, the numbers of the lecture.
  - ``wave(x)``: ``sin(3x) + 0.1 x²``, a curve with several local minima (§9), and
    ``bumpy_loss(p)`` / ``bumpy_gradient(p)``: the same curve summed over the
    coordinates of ``p`` (any number of them), a non-convex loss.

Every loss takes a point ``p`` of shape ``(n,)`` and returns one number; it also
accepts a stack of points of shape ``(n, ...)`` (a grid for a contour plot) and
then returns one value per point.
"""
import numpy as np

from dlutils.given.lesson01 import sigmoid

__all__ = ["sigmoid", "square", "bowl_loss", "bowl_gradient", "wave", "bumpy_loss", "bumpy_gradient",
           "BOWL_SCALES", "BOWL_CENTER"]

BOWL_SCALES = np.array([1.0, 0.5, 2.0, 1.5])
BOWL_CENTER = np.array([2.0, 9.0, -1.0, 0.5])


def _per_coordinate(values, p):
    """The first ``len(p)`` of ``values``, shaped to broadcast against ``p`` (coordinates on axis 0)."""
    n = p.shape[0]
    if n > len(values):
        raise ValueError(f"점의 좌표는 {len(values)}개까지입니다 (받은 좌표 {n}개).")
    return values[:n].reshape((n,) + (1,) * (p.ndim - 1))


def square(x):
    """``x ** 2``."""
    return x ** 2


def bowl_loss(p):
    """``Σ sᵢ (pᵢ - cᵢ)²``: a bowl whose lowest point is ``BOWL_CENTER[:n]`` (loss 0)."""
    p = np.asarray(p, dtype=float)
    return np.sum(_per_coordinate(BOWL_SCALES, p) * (p - _per_coordinate(BOWL_CENTER, p)) ** 2, axis=0)


def bowl_gradient(p):
    """The gradient of ``bowl_loss``: ``2 sᵢ (pᵢ - cᵢ)`` for every coordinate."""
    p = np.asarray(p, dtype=float)
    return 2 * _per_coordinate(BOWL_SCALES, p) * (p - _per_coordinate(BOWL_CENTER, p))


def wave(x):
    """``sin(3x) + 0.1 x²`` for every entry of ``x``: local minima about 2.1 apart."""
    return np.sin(3 * x) + 0.1 * x ** 2


def bumpy_loss(p):
    """``Σ (sin(3 pᵢ) + 0.1 pᵢ²)``: ``wave`` summed over the coordinates, non-convex."""
    return np.sum(wave(np.asarray(p, dtype=float)), axis=0)


def bumpy_gradient(p):
    """The gradient of ``bumpy_loss``: ``3 cos(3 pᵢ) + 0.2 pᵢ`` for every coordinate."""
    p = np.asarray(p, dtype=float)
    return 3 * np.cos(3 * p) + 0.2 * p
