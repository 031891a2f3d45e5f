"""Seeded inputs for lesson 01 (MNIST and the neuron), and what the reference returns on them.

Every builder returns fresh arrays, so a check that calls it gets inputs no earlier
call has touched. ``initialize_parameters`` draws from numpy's global generator:
the check seeds it right before calling, as the lectures do (``np.random.seed(42)``).
"""
import functools

import numpy as np

from dlutils.reference import neuron as ref

LECTURE_SEED = 42


def after_seed(fn):
    """``fn`` called as ``wrapper(*args, seed)``: seeds the global generator, then runs ``fn(*args)``."""
    @functools.wraps(fn)
    def wrapper(*args):
        *args, seed = args
        np.random.seed(seed)
        return fn(*args)
    return wrapper


def normalize_test_cases():
    """A small 8-bit image whose values reach neither 0 nor 255, and an image of one flat gray."""
    rng = np.random.default_rng(1)
    images = rng.integers(30, 221, size=(4, 6)).astype(np.uint8)
    gray = np.full((2, 3), 128, dtype=np.uint8)
    return {"images": images, "gray": gray}


def one_hot_test_case():
    """Labels without the last class, so counting classes from the labels gives too few columns."""
    return np.array([3, 0, 7, 1, 5]), 10


def initialize_parameters_test_case():
    return [10, 5, 5, 3]


def expected_outputs():
    """What the reference solutions return on every public test case."""
    labels, num_classes = one_hot_test_case()
    return {
        "normalize": {f"normalize({name})": ref.normalize(images)
                      for name, images in normalize_test_cases().items()},
        "one_hot": {"Y": ref.one_hot(labels, num_classes)},
        "initialize_parameters": after_seed(ref.initialize_parameters)(
            initialize_parameters_test_case(), LECTURE_SEED),
    }
