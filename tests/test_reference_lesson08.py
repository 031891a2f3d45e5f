"""The reference solutions of lesson 08, its given helpers and its graded cases."""
import numpy as np
import pytest

import dlutils.given.lesson08 as given
from dlutils.gradcheck import numerical_gradient, relative_error
from dlutils.reference import lesson07 as ref07
from dlutils.reference import lesson08 as ref
from testcases.engine import lessons
from testcases.engine.runner import hidden_cases
from testcases.lesson08.exercises import n_costs, train

EXERCISES = lessons.load("08").exercises


def small_data(n_x=4, m=7, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 1, size=(n_x, m)), rng.integers(0, 2, size=(1, m))


# --- given helpers: one implementation, shared with lesson 07's reference ---------

@pytest.mark.parametrize("name", ["initialize_parameters", "initialize_parameters_deep", "linear_forward",
                                  "linear_activation_forward", "L_model_forward", "compute_cost", "linear_backward",
                                  "linear_activation_backward", "L_model_backward", "update_parameters",
                                  "ACTIVATIONS"])
def test_lesson07_reference_is_the_given_implementation(name):
    assert getattr(ref07, name) is getattr(given, name)


def test_he_initialization_scales_by_fan_in_and_leaves_the_seed_to_the_caller():
    np.random.seed(1)
    first = given.initialize_parameters_he([784, 200, 1])
    second = given.initialize_parameters_he([784, 200, 1])
    assert list(first) == ["W1", "b1", "W2", "b2"]
    assert first["W1"].shape == (200, 784) and first["b1"].shape == (200, 1) and not first["b1"].any()
    assert abs(first["W1"].std() - np.sqrt(2 / 784)) < 0.002
    assert not np.array_equal(first["W1"], second["W1"])  # no reseeding inside
    np.random.seed(1)
    expected = np.random.randn(200, 784) * np.sqrt(2 / 784)
    np.random.seed(1)
    np.testing.assert_array_equal(given.initialize_parameters_he([784, 200, 1])["W1"], expected)


# --- predict ---------------------------------------------------------------------

def test_predict_is_one_only_above_one_half(capsys):
    X = np.array([[0.0, 1.0, -1.0, 1e-9]])
    parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    p = ref.predict(X, np.array([[0, 1, 0, 1]]), parameters)
    np.testing.assert_array_equal(p, [[0.0, 1.0, 0.0, 1.0]])  # sigmoid(0) = 0.5 exactly -> 0
    assert p.shape == (1, 4) and p.dtype == float
    assert capsys.readouterr().out == "정확도: 1.0000\n"


def test_every_predict_case_but_one_holds_an_exact_one_half():
    exercise = EXERCISES["predict"]
    cases = [case for case in exercise.public()] + [case for _, case in hidden_cases("08", exercise)]
    exact = [bool(np.any(given.L_model_forward(c.inputs["X"], c.inputs["parameters"])[0] == 0.5)) for c in cases]
    assert exact == [False, True, True, True, True, False, True]
    for case in cases[2:]:
        probabilities = given.L_model_forward(case.inputs["X"], case.inputs["parameters"])[0]
        if probabilities.size > 1 and not np.all(probabilities == 0.5):
            assert np.any(probabilities > 0.5) and np.any(probabilities < 0.5)


# --- the two models ----------------------------------------------------------------

def test_two_layer_model_is_gradient_descent_from_initialize_parameters():
    X, Y = small_data()
    parameters, costs = ref.two_layer_model(X, Y, (4, 3, 1), learning_rate=0.1, num_iterations=250)
    expected_parameters, expected_costs = train(X, Y, [4, 3, 1], 0.1, 250, init="two")
    for key, value in expected_parameters.items():
        np.testing.assert_array_equal(parameters[key], value)
    assert costs == expected_costs and len(costs) == 3


def test_L_layer_model_is_gradient_descent_from_he_initialization():
    X, Y = small_data(n_x=5)
    parameters, costs = ref.L_layer_model(X, Y, [5, 4, 3, 1], learning_rate=0.1, num_iterations=201)
    expected_parameters, expected_costs = train(X, Y, [5, 4, 3, 1], 0.1, 201, init="he")
    assert list(parameters) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    for key, value in expected_parameters.items():
        np.testing.assert_array_equal(parameters[key], value)
    assert costs == expected_costs


def test_one_step_follows_the_numerical_gradient_of_the_cost():
    X, Y = small_data(n_x=3, m=6)
    dims, rate = [3, 5, 4, 1], 0.5
    np.random.seed(1)
    start = given.initialize_parameters_he(dims)
    _, caches = given.L_model_forward(X, start)
    assert all(np.all(Z != 0) for _, Z in caches), "no unit sits on the ReLU kink, where differences are one-sided"
    after_one_step, _ = ref.L_layer_model(X, Y, dims, learning_rate=rate, num_iterations=1)
    for key, value in start.items():
        gradient = numerical_gradient(lambda: given.compute_cost(given.L_model_forward(X, start)[0], Y), value)
        assert relative_error((value - after_one_step[key]) / rate, gradient) < 1e-6, key


@pytest.mark.parametrize("num_iterations", [1, 99, 100, 101, 250])
def test_costs_are_recorded_and_printed_every_hundred_iterations(num_iterations, capsys):
    X, Y = small_data()
    for model, dims in ((ref.two_layer_model, (4, 2, 1)), (ref.L_layer_model, [4, 2, 1])):
        _, costs = model(X, Y, dims, learning_rate=0.05, num_iterations=num_iterations, print_cost=True)
        lines = capsys.readouterr().out.splitlines()
        assert len(costs) == len(lines) == n_costs(num_iterations) == len(range(0, num_iterations, 100))
        assert lines[0] == f"반복     0: 비용 {costs[0]:.6f}"


def test_models_start_at_the_cost_of_a_coin_toss_and_learn():
    X, Y = small_data(n_x=6, m=20, seed=3)
    _, costs = ref.two_layer_model(X, Y, (6, 4, 1), learning_rate=0.5, num_iterations=301)
    assert abs(costs[0] - np.log(2)) < 1e-3 and costs[-1] < costs[0]
    _, costs = ref.L_layer_model(X, Y, [6, 4, 3, 1], learning_rate=0.2, num_iterations=301)
    assert costs[-1] < costs[0]


def test_lesson07_initialization_stalls_a_four_layer_network_and_he_does_not():
    X, _ = small_data(n_x=50, m=40, seed=5)
    Y = np.arange(40).reshape(1, 40) % 2  # balanced, as the lesson's data: no class prior to learn
    dims = [50, 20, 7, 5, 1]
    _, small = train(X, Y, dims, 0.05, 201, init="deep07")
    _, he = train(X, Y, dims, 0.05, 201, init="he")
    assert abs(small[-1] - small[0]) < 1e-6
    assert he[-1] < he[0] - 0.01


# --- graded cases ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["two_layer_model", "L_layer_model"])
def test_model_cases_are_small_finite_and_cover_the_edges(name):
    exercise = EXERCISES[name]
    cases = [case for case in exercise.public()] + [case for _, case in hidden_cases("08", exercise)]
    steps = [case.inputs["num_iterations"] for case in cases]
    assert max(steps) <= 250 and {100, 101}.issubset(steps)
    assert any(case.inputs["X"].shape[1] == 1 for case in cases)
    if name == "L_layer_model":
        assert {len(case.inputs["layers_dims"]) for case in cases} >= {2, 3, 4, 5}
    for case in cases:
        expected = exercise.expected(ref, case.inputs)
        assert all(np.isfinite(value).all() for value in expected.values())
        assert len(expected["costs"]) == n_costs(case.inputs["num_iterations"])


def test_the_mistake_trainer_leaves_the_global_random_state_alone():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    X, Y = small_data()
    train(X, Y, [4, 3, 1], 0.1, 5, init="he")
    np.testing.assert_array_equal(np.random.get_state()[1], before)
