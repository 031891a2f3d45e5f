"""The reference solutions of lesson 01: the lectures' printed numbers, and the promised behaviour."""
import numpy as np
import pytest

from dlutils.data import load_mnist
from dlutils.reference import lesson01 as ref
from testcases.engine import lessons, store
from testcases.engine.runner import hidden_cases


def public_inputs(name):
    return [case.inputs for case in lessons.load("01").exercises[name].public()]


def close(actual, expected):
    np.testing.assert_allclose(actual, expected, rtol=0, atol=5e-9)


def test_lecture_initialisation_is_reproduced():
    """np.random.seed(42), then initialize_parameters([10, 5, 5, 3]): the values the lecture printed."""
    np.random.seed(42)
    p = ref.initialize_parameters([10, 5, 5, 3])
    close(p["W1"][0, :3], [0.22213732, -0.06183368, 0.28965512])
    close(p["W1"], [
        [0.22213732, -0.06183368, 0.28965512, 0.68111966, -0.10471657,
         -0.10470923, 0.70624544, 0.34320724, -0.20995533, 0.24264023],
        [-0.20724669, -0.20828068, 0.10820882, -0.85564494, -0.77140671,
         -0.25146263, -0.45295185, 0.14053568, -0.40608071, -0.63160142],
        [0.65545806, -0.10097023, 0.03019953, -0.63716676, -0.24345536,
         0.04960609, -0.51473998, 0.16801726, -0.26861379, -0.13044941],
        [-0.26909138, 0.82836399, -0.00603614, -0.47302271, 0.36785327,
         -0.54597788, 0.09340664, -0.87639112, -0.59398286, 0.08803902],
        [0.33025229, 0.07663823, -0.05171948, -0.13465767, -0.66121514,
         -0.32192412, -0.20600392, 0.47275943, 0.15367077, -0.78845553]])
    close(p["b1"], [0.14493476, -0.17221403, -0.30272872, 0.27354995, 0.461077])
    close(p["W2"][:2], [[0.41648113, -0.37530949, -0.13828398, 0.14814551, 0.43627704],
                        [-0.21429323, -0.08302922, -0.49476804, -0.53495987, 0.36337259]])
    assert list(p) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert [p[k].shape for k in p] == [(5, 10), (5,), (5, 5), (5,), (3, 5), (3,)]


def test_first_public_case_is_the_lecture_case_and_the_second_another_seed():
    lecture, other = public_inputs("initialize_parameters")
    assert lecture == {"neurons_per_layer": [10, 5, 5, 3], "seed": 42}
    assert other["seed"] != 42 and other["neurons_per_layer"] != lecture["neurons_per_layer"]
    expected = store.records("01", "initialize_parameters")[0]["expected"]
    close(expected["W1"][0, :3], [0.22213732, -0.06183368, 0.28965512])
    close(expected["b1"], [0.14493476, -0.17221403, -0.30272872, 0.27354995, 0.461077])


def test_initialisation_uses_the_generator_as_seeded_by_the_caller():
    np.random.seed(7)
    first = ref.initialize_parameters([3, 2])
    second = ref.initialize_parameters([3, 2])
    assert not np.allclose(first["W1"], second["W1"])
    exercise = lessons.load("01").exercises["initialize_parameters"]
    np.random.seed(0)
    state = np.random.get_state()[1].copy()
    seeded = exercise.expected(ref, {"neurons_per_layer": [3, 2], "seed": 7})
    assert seeded["W1"].tolist() == first["W1"].tolist()
    assert np.array_equal(np.random.get_state()[1], state), "expected() must put the caller's generator back"


def test_initialisation_scale_follows_the_layer_size():
    np.random.seed(0)
    p = ref.initialize_parameters([50, 400, 4])
    assert abs(p["W1"].std() - np.sqrt(1 / 400)) < 0.005
    assert p["W2"].shape == (4, 400) and p["b2"].shape == (4,)


def test_normalize_uses_the_whole_array():
    images = np.array([[10, 20], [30, 50]], dtype=np.uint8)
    close(ref.normalize(images), [[0.0, 0.25], [0.5, 1.0]])
    assert ref.normalize(images).dtype == np.float64


@pytest.mark.parametrize("flat", [np.full((2, 3), 128, dtype=np.uint8), np.zeros(5), np.full(4, -2.5)])
def test_normalize_turns_a_flat_array_into_zeros_without_warning(flat, recwarn):
    result = ref.normalize(flat)
    assert result.shape == flat.shape and result.dtype == np.float64 and not result.any()
    assert len(recwarn) == 0


def test_normalize_of_all_mnist_equals_dividing_by_255():
    raw, _ = load_mnist(normalize=False, flatten=True, one_hot=False)
    scaled, _ = load_mnist(normalize=True, flatten=True, one_hot=False)
    np.testing.assert_array_equal(ref.normalize(raw), scaled)


def test_one_hot_matches_the_loader_and_counts_columns_from_the_argument():
    _, labels = load_mnist(normalize=False, flatten=True, one_hot=False)
    _, encoded = load_mnist(normalize=False, flatten=True, one_hot=True)
    np.testing.assert_array_equal(ref.one_hot(labels, 10), encoded)
    Y = ref.one_hot(np.array([0, 1, 1]), 4)
    assert Y.shape == (3, 4) and Y.dtype == np.float64
    np.testing.assert_array_equal(Y, [[1, 0, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0]])


def test_public_cases_separate_the_typical_mistakes():
    images, gray = (inputs["images"] for inputs in public_inputs("normalize"))
    assert 0 < images.min() and images.max() < 255 and images.ndim == 2 and images.dtype == np.uint8
    assert gray.min() == gray.max() and gray.dtype == np.uint8
    one_hot = public_inputs("one_hot")
    assert all(case["labels"].max() + 1 != case["num_classes"] for case in one_hot)
    assert {case["num_classes"] == 10 for case in one_hot} == {True, False}


def test_hidden_cases_cover_the_edges():
    """Equal adjacent sizes, single units, L = 1, a flat gray image, labels missing classes, other seeds."""
    exercises = lessons.load("01").exercises
    dims = [case.inputs["neurons_per_layer"] for _, case in hidden_cases("01", exercises["initialize_parameters"])]
    seeds = [case.inputs["seed"] for _, case in hidden_cases("01", exercises["initialize_parameters"])]
    assert any(len(set(d)) == 1 and d[0] > 1 for d in dims) and [1, 1, 1] in dims
    assert any(len(d) == 2 for d in dims) and any(len(d) > 4 for d in dims)
    assert 42 not in seeds and len(set(seeds)) == len(seeds)
    images = [case.inputs["images"] for _, case in hidden_cases("01", exercises["normalize"])]
    assert any(x.dtype == np.uint8 and x.min() == x.max() for x in images)
    assert any(x.dtype.kind == "f" and x.min() == x.max() for x in images)
    assert any(x.ndim == 3 for x in images) and any(x.ndim == 1 for x in images)
    one_hot = [case.inputs for _, case in hidden_cases("01", exercises["one_hot"])]
    assert all(c["num_classes"] != 10 for c in one_hot)
    assert any(c["labels"].max() + 1 < c["num_classes"] for c in one_hot)
    assert any(len(c["labels"]) == 1 for c in one_hot)
