"""Hidden tests of lesson 01: random shapes, values and seeds, compared with the reference.

Images of 1 to 3 dimensions and of several dtypes (a flat one included), labels with
other class counts than 10, layer lists of other lengths, and generators seeded with
other values than the lectures' 42, so hard-coded answers, a seed set inside the
function and shape-specific code fail. Reached through
``testcases.isolation.run_hidden``, which imports this module and everything it uses afresh.
"""
import numpy as np

from dlutils.reference import neuron as ref
from testcases.checks.neuron import verify
from testcases.exercise import hidden_label
from testcases.neuron import after_seed

SEEDS = (11, 23, 37)


def _label(name, trial, detail):
    return hidden_label(name, trial, len(SEEDS), detail)


def _each_trial():
    for trial, seed in enumerate(SEEDS):
        yield trial, seed, np.random.default_rng(seed)


def _images(rng, trial):
    """Trial 0: 8-bit images (m, 784); 1: one float vector with negative values; 2: an int stack."""
    if trial == 0:
        low = int(rng.integers(1, 60))
        return rng.integers(low, low + 150, size=(int(rng.integers(2, 5)), 784)).astype(np.uint8)
    if trial == 1:
        return rng.normal(-2.0, 3.0, size=int(rng.integers(5, 12)))
    return rng.integers(-40, 300, size=(int(rng.integers(2, 4)), 3, 5))


def hidden_normalize(fn):
    for trial, _, rng in _each_trial():
        images = _images(rng, trial)
        verify("normalize", fn, {"images": images}, {"normalized": ref.normalize(images)},
               _label("normalize", trial, f"images {images.shape} {images.dtype}"))
    flat = np.full((3, 4), -1.5)
    verify("normalize", fn, {"images": flat}, {"normalized": ref.normalize(flat)},
           "normalize [숨겨진 테스트: 모든 값이 -1.5인 배열]")


def hidden_one_hot(fn):
    for trial, _, rng in _each_trial():
        num_classes = (3, 7, 12)[trial]
        m = int(rng.integers(4, 10))
        labels = rng.integers(0, num_classes - 1, size=m)  # the last class is absent
        verify("one_hot", fn, {"labels": labels, "num_classes": num_classes},
               {"Y": ref.one_hot(labels, num_classes)},
               _label("one_hot", trial, f"labels {labels.tolist()}, num_classes={num_classes}"))


def hidden_initialize_parameters(fn):
    for trial, seed, rng in _each_trial():
        dims = [int(n) for n in rng.integers(1, 9, size=trial + 3)]
        expected = after_seed(ref.initialize_parameters)(dims, seed)
        verify("initialize_parameters", fn, {"neurons_per_layer": dims, "seed": seed}, expected,
               _label("initialize_parameters", trial, f"neurons_per_layer {dims}, np.random.seed({seed})"))
