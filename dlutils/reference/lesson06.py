"""Reference solutions for lesson 06: the Affine and SoftmaxWithLoss layers and a two-layer network.

Conventions of lessons 05-06: examples are ROWS. A batch ``x`` has shape ``(N, n_in)``,
``W`` shape ``(n_in, n_out)`` and ``b`` shape ``(n_out,)``, so an Affine layer computes
``x @ W + b`` (lesson 07 stacks examples as columns instead). Labels ``t`` are either
one-hot, shape ``(N, C)``, or integer class numbers, shape ``(N,)``. A layer's
``forward`` keeps what its ``backward`` needs; ``backward`` never changes ``dout``.
"""
from collections import OrderedDict

import numpy as np

from dlutils.given.lesson06 import Relu
from dlutils.gradcheck import numerical_gradient as _numerical_gradient

DELTA = 1e-7        # added inside the log so that log(0) never happens
NET_SEED = 1        # TwoLayerNet seeds numpy's global generator with it before drawing weights
PARAMETER_NAMES = ("W1", "b1", "W2", "b2")


class Affine:
    """``out = x @ W + b`` for a batch ``x`` of shape ``(N, n_in)``.

    ``backward(dout)`` returns ``dx = dout @ W.T`` (the shape of ``x``) and keeps
    ``dW = x.T @ dout`` (the shape of ``W``) and ``db`` = ``dout`` summed over the
    examples, axis 0 (the shape of ``b``).
    """

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):
        dx = np.dot(dout, self.W.T)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return dx


def softmax(x):
    """Softmax of a score vector ``(C,)`` or of every row of a batch ``(N, C)``.

    The row's maximum is subtracted first: the result is the same, and ``exp`` never overflows.
    """
    x = np.asarray(x, dtype=float)
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    """Mean cross-entropy ``-sum(t * log(y + 1e-7)) / N`` over a batch of ``N`` examples.

    ``y``: probabilities ``(N, C)``, or ``(C,)`` for one example. ``t``: one-hot labels of the
    shape of ``y``, or integer labels ``(N,)``. With integer labels only the probability of
    the right class of each row enters the sum.
    """
    y = np.asarray(y, dtype=float)
    t = np.asarray(t)
    if y.ndim == 1:
        y = y.reshape(1, y.size)
        t = t.reshape(1, t.size) if t.size == y.size else t.reshape(1)
    if t.size == y.size:
        t = t.argmax(axis=1)
    batch_size = y.shape[0]
    return -np.sum(np.log(y[np.arange(batch_size), t] + DELTA)) / batch_size


class SoftmaxWithLoss:
    """Softmax followed by the cross-entropy loss, as one layer at the end of a network.

    ``forward(x, t)`` returns the mean loss over the batch ``x`` ``(N, C)``; ``backward(dout=1)``
    returns ``(y - t) / N`` (``y`` the softmax output, ``t`` one-hot), times ``dout``.
    """

    def __init__(self):
        self.loss = None
        self.y = None
        self.t = None

    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss

    def backward(self, dout=1):
        batch_size = self.y.shape[0]
        if self.t.size == self.y.size:
            dx = self.y - self.t
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
        return dx * dout / batch_size


class TwoLayerNet:
    """Affine -> Relu -> Affine -> SoftmaxWithLoss, with parameters ``W1, b1, W2, b2`` in ``params``.

    The constructor seeds numpy's global generator (``NET_SEED``), then draws
    ``W1 = weight_init_std * randn(input_size, hidden_size)`` and
    ``W2 = weight_init_std * randn(hidden_size, output_size)``; the biases start at 0.
    The layers hold the very arrays of ``params``, so changing ``params`` in place
    (``params["W1"] -= ...``) changes the network.
    """

    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        np.random.seed(NET_SEED)
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = Relu()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = SoftmaxWithLoss()

    def predict(self, x):
        """Scores ``(N, output_size)`` before the softmax."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        return self.last_layer.forward(self.predict(x), t)

    def accuracy(self, x, t):
        """Share of the rows whose largest score is at the right class (``t`` one-hot or integer)."""
        y = np.argmax(self.predict(x), axis=1)
        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return np.sum(y == t) / float(x.shape[0])

    def numerical_gradient(self, x, t):
        """Gradients of the loss by central differences, parameter entry by parameter entry (slow)."""
        def loss():
            return self.loss(x, t)
        return {name: _numerical_gradient(loss, self.params[name]) for name in PARAMETER_NAMES}

    def gradient(self, x, t):
        """Gradients of the loss by backpropagation: forward, then every layer backward in reverse."""
        self.loss(x, t)
        dout = self.last_layer.backward(1)
        for layer in reversed(list(self.layers.values())):
            dout = layer.backward(dout)
        return {"W1": self.layers["Affine1"].dW, "b1": self.layers["Affine1"].db,
                "W2": self.layers["Affine2"].dW, "b2": self.layers["Affine2"].db}
