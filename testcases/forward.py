"""Seeded inputs for lesson 02 (forward propagation).

Parameters come from the lesson's own ``initialize_parameters`` after a fixed seed,
with numpy's global random state put back afterwards, so a check never changes
the random numbers a student's notebook draws next. Every builder returns fresh arrays.
"""
import numpy as np

from dlutils.data import load_mnist_preprocessed_csv, split_features_labels
from dlutils.reference import forward as ref

TINY_NETWORK = [4, 3, 3, 2]
MNIST_NETWORK = [784, 16, 10]
MNIST_ROWS = slice(0, 8)


def seeded_parameters(neurons_per_layer, seed):
    """``initialize_parameters`` after ``np.random.seed(seed)``, leaving the global random state as it was."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        return ref.initialize_parameters(neurons_per_layer)
    finally:
        np.random.set_state(state)


def random_parameters(rng, neurons_per_layer):
    """Parameters of any shape drawn from ``rng`` (hidden tests), scaled like ``initialize_parameters``."""
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        scale = np.sqrt(1 / neurons_per_layer[l])
        parameters["W" + str(l)] = rng.standard_normal((neurons_per_layer[l], neurons_per_layer[l - 1])) * scale
        parameters["b" + str(l)] = rng.standard_normal(neurons_per_layer[l]) * scale
    return parameters


def feed_forward_test_case():
    """One example of 4 features through a 3-layer network ``[4, 3, 3, 2]``."""
    x = np.random.default_rng(1).uniform(0, 1, TINY_NETWORK[0])
    return x, seeded_parameters(TINY_NETWORK, seed=2)


def feed_forward_batch_test_case():
    """Three examples as rows; the first row is ``feed_forward_test_case``'s ``x``."""
    x, parameters = feed_forward_test_case()
    others = np.random.default_rng(3).uniform(0, 1, (2, x.size))
    return np.vstack([x, others]), parameters


def loss_accuracy_test_case():
    """The first 8 digits of the lecture CSV and a random ``[784, 16, 10]`` network."""
    x, y = split_features_labels(load_mnist_preprocessed_csv())
    return x[MNIST_ROWS], y[MNIST_ROWS], seeded_parameters(MNIST_NETWORK, seed=31)


def expected_outputs():
    """What the reference solutions return on every public test case."""
    a, cache = ref.feed_forward(*feed_forward_test_case())
    A, batch_cache = ref.feed_forward_batch(*feed_forward_batch_test_case())
    x_val, y_val, parameters = loss_accuracy_test_case()
    return {
        "feed_forward": {"a": a, **cache},
        "compute_loss": {"loss": ref.compute_loss(x_val, y_val, parameters)},
        "compute_accuracy": {"accuracy": ref.compute_accuracy(x_val, y_val, parameters)},
        "feed_forward_batch": {"A": A, **batch_cache},
    }
