"""The reference solutions of lesson 02, its ready-made helpers and its test cases."""
import importlib.util
import warnings
from pathlib import Path

import numpy as np
import pytest

from dlutils import activations, network
from dlutils.reference import forward as ref
from testcases import forward as cases
from testcases.hidden import forward as hidden
from testcases.mistakes import forward as mistakes

BENCHMARK = Path(__file__).resolve().parents[1] / "scripts" / "benchmark_forward.py"


def test_initialize_parameters_reproduces_the_lecture():
    """The numbers the lecture prints for seed 42 and ``[10, 5, 5, 3]``."""
    np.random.seed(42)
    parameters = network.initialize_parameters([10, 5, 5, 3])
    assert list(parameters) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    np.testing.assert_allclose(parameters["W1"][0, :3], [0.22213732, -0.06183368, 0.28965512], atol=5e-9)
    np.testing.assert_allclose(parameters["b1"], [0.14493476, -0.17221403, -0.30272872, 0.27354995, 0.461077],
                               atol=5e-9)
    np.testing.assert_allclose(parameters["W2"][0, :2], [0.41648113, -0.37530949], atol=5e-9)
    assert parameters["W3"].shape == (3, 5) and parameters["b3"].shape == (3,)
    assert ref.initialize_parameters is network.initialize_parameters


def test_sigmoid_is_the_stable_one_without_its_cache():
    z = np.array([-1e4, -800.0, -1.0, 0.0, 2.0, 800.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = network.sigmoid(z)
    np.testing.assert_array_equal(value, activations.sigmoid(z)[0])
    np.testing.assert_allclose(value[2:5], 1 / (1 + np.exp(-z[2:5])))
    assert ref.sigmoid is network.sigmoid


def test_feed_forward_by_hand():
    parameters = {"W1": np.array([[1.0, -1.0], [0.5, 2.0]]), "b1": np.array([0.0, -1.0]),
                  "W2": np.array([[2.0, -3.0]]), "b2": np.array([0.5])}
    x = np.array([1.0, 0.5])
    a, cache = ref.feed_forward(x, parameters)
    z1 = np.array([1.0 - 0.5, 0.5 + 1.0 - 1.0])
    a1 = 1 / (1 + np.exp(-z1))
    z2 = np.array([2 * a1[0] - 3 * a1[1] + 0.5])
    assert list(cache) == ["a0", "z1", "a1", "z2", "a2"]
    assert cache["a0"] is x
    np.testing.assert_allclose(cache["z1"], z1)
    np.testing.assert_allclose(cache["a1"], a1)
    np.testing.assert_allclose(cache["z2"], z2)
    np.testing.assert_allclose(a, 1 / (1 + np.exp(-z2)))
    assert cache["a2"] is a and a.shape == (1,)


@pytest.mark.parametrize("dims", [[3, 2], [5, 4, 3], [6, 5, 4, 3, 2]])
def test_batch_equals_the_loop_row_by_row(dims):
    rng = np.random.default_rng(len(dims))
    parameters = cases.random_parameters(rng, dims)
    X = rng.uniform(0, 1, (7, dims[0]))
    A, cache = ref.feed_forward_batch(X, parameters)
    assert A.shape == (7, dims[-1])
    for i, x in enumerate(X):
        a, row_cache = ref.feed_forward(x, parameters)
        np.testing.assert_allclose(A[i], a)
        assert list(row_cache) == list(cache)
        for key, value in row_cache.items():
            np.testing.assert_allclose(cache[key][i], value)


def test_loss_and_accuracy_by_hand():
    """A zero network outputs 0.5 everywhere: each example's loss is mean((0.5 - y)^2) / 2 = 0.125."""
    parameters = {"W1": np.zeros((4, 3)), "b1": np.zeros(4)}
    x_val, y_val = np.ones((5, 3)), np.eye(4)[[0, 1, 2, 3, 0]]
    assert ref.compute_loss(x_val, y_val, parameters) == 0.125
    # Output neuron k copies input k (large weights): the prediction is the input's argmax.
    parameters = {"W1": 20 * np.eye(3), "b1": np.full(3, -10.0)}
    x_val = np.eye(3)[[0, 1, 2, 2]]
    y_val = np.eye(3)[[0, 1, 0, 2]]
    assert ref.compute_accuracy(x_val, y_val, parameters) == 0.75
    assert isinstance(ref.compute_loss(x_val, y_val, parameters), float)


def test_loss_is_the_mean_of_all_squared_errors_halved():
    x_val, y_val, parameters = cases.loss_accuracy_test_case()
    A, _ = ref.feed_forward_batch(x_val, parameters)
    assert ref.compute_loss(x_val, y_val, parameters) == pytest.approx(np.mean((A - y_val) ** 2) / 2)


def _values(mistake_list, output):
    return [wrong[output] for _, wrong in mistake_list if output in wrong and not callable(wrong[output])]


@pytest.mark.parametrize("function, output", [("compute_loss", "loss"), ("compute_accuracy", "accuracy")])
def test_public_case_tells_every_mistake_apart(function, output):
    x_val, y_val, parameters = cases.loss_accuracy_test_case()
    correct = getattr(ref, function)(x_val, y_val, parameters)
    values = [float(v) for v in _values(getattr(mistakes, function)(x_val, y_val, parameters), output)] + [correct]
    assert len(set(np.round(values, 9))) == len(values), values
    assert 0 < correct < 1


def test_public_cases_do_not_touch_the_global_random_state():
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    cases.feed_forward_test_case()
    cases.feed_forward_batch_test_case()
    cases.loss_accuracy_test_case()
    assert np.random.rand() == expected


def test_batch_case_starts_with_the_single_example():
    x, parameters = cases.feed_forward_test_case()
    X, batch_parameters = cases.feed_forward_batch_test_case()
    np.testing.assert_array_equal(X[0], x)
    for key, value in parameters.items():
        np.testing.assert_array_equal(batch_parameters[key], value)


def test_hidden_networks_vary_in_depth_and_accuracy_is_never_all_or_nothing(monkeypatch):
    assert [len(dims) - 1 for _, _, dims, _ in hidden._each_network()] == list(hidden.DEPTHS)
    accuracies = []
    monkeypatch.setattr(hidden, "verify", lambda name, fn, inputs, expected, label: accuracies.append(
        expected["accuracy"]))
    hidden.hidden_compute_accuracy(None)
    assert len(accuracies) == len(hidden.SEEDS) and all(0 < a < 1 for a in accuracies)


def test_benchmark_compares_loop_and_batch():
    spec = importlib.util.spec_from_file_location("benchmark_forward", BENCHMARK)
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    np.random.seed(0)
    parameters = network.initialize_parameters([6, 4, 3])
    loop, batched, same = benchmark.compare(np.random.rand(5, 6), parameters, repeat=1)
    assert same and loop > 0 and batched > 0
