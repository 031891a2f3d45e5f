"""The reference solutions of lesson 02, its given helpers and its exercises' cases."""
import warnings

import numpy as np
import pytest

from course import load_script
from dlutils import activations
from dlutils.given import lesson02 as given
from dlutils.reference import lesson01 as ref01
from dlutils.reference import lesson02 as ref
from testcases.engine import lessons
from testcases.engine.runner import hidden_cases
from testcases.lesson02 import exercises

LESSON = lessons.load("02")


def public_inputs(name):
    (case,) = LESSON.exercises[name].public()
    return case.inputs


def hidden_inputs(name):
    return [(label, case.inputs) for label, case in hidden_cases("02", LESSON.exercises[name])]


def test_initialize_parameters_reproduces_the_lecture():
    """The numbers the lecture prints for seed 42 and ``[10, 5, 5, 3]``."""
    np.random.seed(42)
    parameters = given.initialize_parameters([10, 5, 5, 3])
    assert list(parameters) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    np.testing.assert_allclose(parameters["W1"][0, :3], [0.22213732, -0.06183368, 0.28965512], atol=5e-9)
    np.testing.assert_allclose(parameters["b1"], [0.14493476, -0.17221403, -0.30272872, 0.27354995, 0.461077],
                               atol=5e-9)
    np.testing.assert_allclose(parameters["W2"][0, :2], [0.41648113, -0.37530949], atol=5e-9)
    assert parameters["W3"].shape == (3, 5) and parameters["b3"].shape == (3,)


def test_given_helpers_have_one_implementation():
    assert ref01.initialize_parameters is given.initialize_parameters
    assert ref.initialize_parameters is given.initialize_parameters and ref.sigmoid is given.sigmoid


def test_sigmoid_is_the_stable_one_without_its_cache():
    z = np.array([-1e4, -800.0, -1.0, 0.0, 2.0, 800.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = given.sigmoid(z)
    np.testing.assert_array_equal(value, activations.sigmoid(z)[0])
    np.testing.assert_allclose(value[2:5], 1 / (1 + np.exp(-z[2:5])))


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


@pytest.mark.parametrize("dims", [[3, 2], [5, 4, 3], [6, 5, 4, 3, 2], [1, 1, 1]])
def test_batch_equals_the_loop_row_by_row(dims):
    rng = np.random.default_rng(len(dims))
    parameters = exercises._random_parameters(rng, dims)
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
    inputs = public_inputs("compute_loss")
    A, _ = ref.feed_forward_batch(inputs["x_val"], inputs["parameters"])
    assert ref.compute_loss(*inputs.values()) == pytest.approx(np.mean((A - inputs["y_val"]) ** 2) / 2)


def test_the_lesson_module_computes_the_network_outputs_as_the_reference():
    inputs = public_inputs("compute_loss")
    expected = [ref.feed_forward(x, inputs["parameters"])[0] for x in inputs["x_val"]]
    np.testing.assert_allclose(exercises._outputs(inputs["x_val"], inputs["parameters"]), expected)


class Recorder(Exception):
    """Raised by ``check_scalar`` stand-ins to hand back the mistakes a compare function built."""


@pytest.mark.parametrize("name, output", [("compute_loss", "loss"), ("compute_accuracy", "accuracy")])
def test_public_case_tells_every_mistake_apart(name, output, monkeypatch):
    inputs = public_inputs(name)
    correct = getattr(ref, name)(*inputs.values())

    def capture(label, got, expected, mistakes=()):
        raise Recorder(mistakes)

    monkeypatch.setattr(exercises, "check_scalar", capture)
    with pytest.raises(Recorder) as caught:
        LESSON.exercises[name].compare(name, {output: correct}, inputs, {output: correct})
    values = [float(wrong) for _, wrong in caught.value.args[0] if not callable(wrong)] + [correct]
    assert len(set(np.round(values, 9))) == len(values), values
    assert 0 < correct < 1


def test_public_cases_keep_the_lesson_numbers():
    """The cases the lesson always had: the batch starts with feed_forward's x, the same network."""
    x, parameters = public_inputs("feed_forward").values()
    X, batch_parameters = public_inputs("feed_forward_batch").values()
    assert x.shape == (4,) and X.shape == (3, 4)
    np.testing.assert_array_equal(X[0], x)
    for key, value in parameters.items():
        np.testing.assert_array_equal(batch_parameters[key], value)
    loss_inputs = public_inputs("compute_loss")
    assert loss_inputs["x_val"].shape == (8, 784) and loss_inputs["y_val"].shape == (8, 10)
    assert ref.compute_loss(*loss_inputs.values()) == pytest.approx(0.1521642064897178, abs=1e-15)
    assert ref.compute_accuracy(*public_inputs("compute_accuracy").values()) == 0.25


def _dims(parameters):
    L = len(parameters) // 2
    return [parameters["W1"].shape[1]] + [parameters["W" + str(l)].shape[0] for l in range(1, L + 1)]


@pytest.mark.parametrize("name", list(LESSON.exercises))
def test_hidden_cases_cover_the_edges(name):
    networks = [_dims(inputs["parameters"]) for _, inputs in hidden_inputs(name)]
    assert sorted({len(dims) - 1 for dims in networks}) == [1, 2, 3, 4]
    assert any(len(dims) >= 3 and len(set(dims)) == 1 and dims[0] > 1 for dims in networks), "equal sizes"
    assert [1, 1, 1] in networks, "single units"
    shapes = [W.shape for _, inputs in hidden_inputs(name) for key, W in inputs["parameters"].items() if key[0] == "W"]
    assert any(rows >= 3 * cols for rows, cols in shapes) and any(cols >= 3 * rows for rows, cols in shapes)
    if name != "feed_forward":
        examples = [len(next(iter(inputs.values()))) for _, inputs in hidden_inputs(name)]
        assert 1 in examples and max(examples) > 1


def test_hidden_accuracy_is_never_all_or_nothing_where_it_can_be_neither():
    for label, inputs in hidden_inputs("compute_accuracy"):
        accuracy = ref.compute_accuracy(*inputs.values())
        m, n_classes = inputs["y_val"].shape
        if m > 1 and n_classes > 1:
            assert 0 < accuracy < 1, label


def test_benchmark_compares_loop_and_batch():
    benchmark = load_script("benchmark_forward")
    np.random.seed(0)
    parameters = given.initialize_parameters([6, 4, 3])
    loop, batched, same = benchmark.compare(np.random.rand(5, 6), parameters, repeat=1)
    assert same and loop > 0 and batched > 0
