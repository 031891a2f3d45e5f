"""Helpers given in lesson 09 (activations, losses and gradient descent); none of them is graded.

Conventions of the lesson (as in lesson 07): examples are COLUMNS. ``X`` has shape
``(n[0], m)``, ``W[l]`` shape ``(n[l], n[l-1])``, ``b[l]`` shape ``(n[l], 1)``;
parameters are ``{"W1": ..., "b1": ..., ..., "WL": ..., "bL": ...}``.

- ``sigmoid(z)``: the logistic function of lesson 01 §6 (``dlutils.given.lesson01.sigmoid``,
  re-exported): the value alone, stable for a large ``|z|``.
- ``relu(z)``: ``max(0, z)`` entry by entry, the value alone; the ReLU of lesson 05
  (``Relu`` layer) and lesson 07 (``dlutils.activations.relu``, which also returns a cache).
- ``initialize_parameters_he(layer_dims, seed)``: He initialisation, explained in lesson 09
  §8 as a tool of the lesson's ``train``.
- ``forward_logits(X, parameters, hidden="relu")`` and
  ``backward_from_dZ(dZL, caches, hidden="relu")``: the forward and backward passes of
  lesson 07 (``L_model_forward``, ``L_model_backward``) with a choice of hidden
  activation (``"relu"``, ``"sigmoid"`` or ``"linear"``), stopped before the output
  function: the forward pass returns the last layer's ``Z[L]``, and the backward pass
  starts from ``dZ[L]``, so that any output function and loss can sit on top.
"""
import numpy as np

from dlutils.given.lesson01 import sigmoid

__all__ = ["sigmoid", "relu", "initialize_parameters_he", "forward_logits", "backward_from_dZ", "HIDDEN"]

HIDDEN = ("relu", "sigmoid", "linear")


def relu(z):
    """``max(0, z)`` entry by entry, the value alone."""
    return np.maximum(0, z)


def _activate(Z, hidden):
    if hidden == "relu":
        return relu(Z)
    if hidden == "sigmoid":
        return sigmoid(Z)
    if hidden == "linear":
        return Z
    raise ValueError(f"hidden은 {HIDDEN} 가운데 하나여야 합니다: {hidden!r}")


def _derivative(Z, hidden):
    """``g'(Z)`` of the hidden activation; ReLU's is 1 where ``Z > 0`` and 0 elsewhere (also at 0)."""
    if hidden == "relu":
        return (Z > 0).astype(float)
    if hidden == "sigmoid":
        s = sigmoid(Z)
        return s * (1 - s)
    if hidden == "linear":
        return np.ones_like(Z, dtype=float)
    raise ValueError(f"hidden은 {HIDDEN} 가운데 하나여야 합니다: {hidden!r}")


def initialize_parameters_he(layer_dims, seed):
    """He initialisation from ``np.random.default_rng(seed)``, layer by layer.

    For l = 1..L: ``W[l] = rng.standard_normal((n[l], n[l-1])) * np.sqrt(2 / n[l-1])`` and
    ``b[l] = np.zeros((n[l], 1))`` (only the weights draw numbers, W1 first).
    """
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * np.sqrt(
            2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_logits(X, parameters, hidden="relu"):
    """``Z[L]`` of the network, before any output function, and the caches of every layer.

    Layers 1..L-1: ``Z = W A_prev + b``, ``A = g(Z)`` with ``g`` the ``hidden`` activation;
    layer L: ``Z[L] = W[L] A[L-1] + b[L]`` only. ``caches[l-1] = ((A_prev, W, b), Z)`` for
    layer ``l``, as in lesson 07. Returns ``(ZL, caches)``.
    """
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        W, b = parameters["W" + str(l)], parameters["b" + str(l)]
        Z = W @ A + b
        caches.append(((A, W, b), Z))
        A = Z if l == L else _activate(Z, hidden)
    return A, caches


def backward_from_dZ(dZL, caches, hidden="relu"):
    """Gradients ``dW1, db1, ..., dWL, dbL`` from ``dZL`` = dJ/dZ[L], back through the layers.

    ``dZL`` already holds the 1/m of the cost (for example ``(AL - Y) / m``), so nothing
    here divides by m again: ``dW = dZ A_prev^T``, ``db`` = the row sums of ``dZ``,
    ``dA_prev = W^T dZ`` and ``dZ[l-1] = dA_prev * g'(Z[l-1])``.
    """
    grads = {}
    dZ = dZL
    for l in range(len(caches), 0, -1):
        (A_prev, W, _), _ = caches[l - 1]
        grads["dW" + str(l)] = dZ @ A_prev.T
        grads["db" + str(l)] = np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dZ = (W.T @ dZ) * _derivative(caches[l - 2][1], hidden)
    return dict(sorted(grads.items(), key=lambda item: (int(item[0][2:]), item[0][1])))
