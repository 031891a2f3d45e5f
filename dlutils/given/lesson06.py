"""Helpers given in lesson 06 (Affine, SoftmaxWithLoss and the two-layer network); none is graded here.

- ``Relu``: the ReLU layer taught in lesson 05 (computational graphs), where students
  write it as a graded exercise. This is the course's one implementation: lesson 05's
  reference imports it from here.

Layer convention of lessons 05-06: ``forward`` keeps what ``backward`` needs, ``backward(dout)``
returns the gradient for the layer's input and never changes ``dout``.
"""
import numpy as np

__all__ = ["Relu"]


class Relu:
    """ReLU layer: ``forward(x)`` gives ``max(0, x)`` entry by entry; ``backward(dout)`` lets ``dout``
    through where ``x > 0`` and gives 0 where ``x <= 0``.

    ``self.mask`` (a boolean array, True where ``x <= 0``) is kept by ``forward`` for ``backward``.
    """

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = (x <= 0)
        out = np.array(x, dtype=float, copy=True)
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = np.array(dout, dtype=float, copy=True)
        dx[self.mask] = 0
        return dx
