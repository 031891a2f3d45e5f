"""Hidden tests of lesson 02: random network depths, sizes and inputs, compared with the reference.

Every function meets networks of 1 to 4 layers with sizes other than the public
case's, so hard-coded answers and code written for one depth fail. Reached through
``testcases.isolation.run_hidden``, which imports this module and everything it uses afresh.
"""
import numpy as np

from dlutils.reference import forward as ref
from testcases.checks.forward import verify
from testcases.exercise import hidden_label
from testcases.forward import random_parameters

SEEDS = (5, 17, 29)
DEPTHS = (1, 2, 4)


def _label(name, trial, description):
    return hidden_label(name, trial, len(SEEDS), description)


def _each_network(depths=DEPTHS):
    """``(trial, rng, neurons_per_layer, parameters)`` for each seed, with ``depths[trial]`` layers."""
    for trial, seed in enumerate(SEEDS):
        rng = np.random.default_rng(seed)
        dims = [int(n) for n in rng.integers(2, 8, size=depths[trial] + 1)]
        yield trial, rng, dims, random_parameters(rng, dims)


def _examples(rng, dims):
    m = int(rng.integers(3, 9))
    return rng.uniform(0, 1, (m, dims[0]))


def hidden_feed_forward(fn):
    for trial, rng, dims, parameters in _each_network():
        x = rng.uniform(0, 1, dims[0])
        a, cache = ref.feed_forward(x, parameters)
        verify("feed_forward", fn, {"x": x, "parameters": parameters}, {"a": a, **cache},
               _label("feed_forward", trial, f"neurons_per_layer {dims}"))


def hidden_feed_forward_batch(fn):
    for trial, rng, dims, parameters in _each_network():
        X = _examples(rng, dims)
        A, cache = ref.feed_forward_batch(X, parameters)
        verify("feed_forward_batch", fn, {"X": X, "parameters": parameters}, {"A": A, **cache},
               _label("feed_forward_batch", trial, f"neurons_per_layer {dims}, X {X.shape}"))


def _one_hot(labels, n_classes):
    return np.eye(n_classes)[labels]


def hidden_compute_loss(fn):
    for trial, rng, dims, parameters in _each_network():
        x_val = _examples(rng, dims)
        y_val = _one_hot(rng.integers(0, dims[-1], size=len(x_val)), dims[-1])
        verify("compute_loss", fn, {"x_val": x_val, "y_val": y_val, "parameters": parameters},
               {"loss": ref.compute_loss(x_val, y_val, parameters)},
               _label("compute_loss", trial, f"neurons_per_layer {dims}, 예제 {len(x_val)}개"))


def hidden_compute_accuracy(fn):
    """Labels agree with the network's prediction on a random 1..m-1 of the examples."""
    for trial, rng, dims, parameters in _each_network():
        x_val = _examples(rng, dims)
        m, n_classes = len(x_val), dims[-1]
        predicted = np.array([np.argmax(ref.feed_forward(x, parameters)[0]) for x in x_val])
        right = rng.permutation(m) < int(rng.integers(1, m))
        labels = np.where(right, predicted, (predicted + rng.integers(1, n_classes, size=m)) % n_classes)
        y_val = _one_hot(labels, n_classes)
        verify("compute_accuracy", fn, {"x_val": x_val, "y_val": y_val, "parameters": parameters},
               {"accuracy": ref.compute_accuracy(x_val, y_val, parameters)},
               _label("compute_accuracy", trial, f"neurons_per_layer {dims}, 예제 {m}개"))
