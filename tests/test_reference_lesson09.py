"""The reference solutions of lesson 09, its given helpers and its exercises' cases.

The lecture (seed 001, second half) prints no numbers for these topics, so the
reference is checked against hand computations, numerical derivatives and lesson 07.
"""
import warnings

import numpy as np
import pytest

from bank.lesson09 import WRONG
from course import grade_in_process
from dlutils.given import lesson09 as given
from dlutils.gradcheck import numerical_gradient, relative_error
from dlutils.reference import lesson07 as ref07
from dlutils.reference import lesson09 as ref
from testcases.engine import lessons
from testcases.engine.report import CheckFailed
from testcases.engine.runner import hidden_cases

LESSON = lessons.load("09")


def public_inputs(name):
    return [case.inputs for case in LESSON.exercises[name].public()]


def hidden_inputs(name):
    return [case.inputs for _, case in hidden_cases("09", LESSON.exercises[name])]


@pytest.fixture(autouse=True)
def warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# ── activations ──

def test_tanh_matches_its_formula_and_never_overflows():
    x = np.linspace(-5, 5, 41)
    np.testing.assert_allclose(ref.tanh(x), (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)), atol=1e-15)
    np.testing.assert_allclose(ref.tanh(x), 2 * given.sigmoid(2 * x) - 1, atol=1e-15)
    np.testing.assert_array_equal(ref.tanh(np.array([-1e4, -800.0, 800.0, 1e4])), [-1, -1, 1, 1])


@pytest.mark.parametrize("name, function, derivative", [
    ("tanh", ref.tanh, ref.d_tanh),
    ("leaky", lambda x: ref.leaky_relu(x, 0.2), lambda x: ref.d_leaky_relu(x, 0.2))])
def test_derivatives_agree_with_numerical_ones(name, function, derivative):
    x = np.array([-3.0, -1.2, -0.3, 0.4, 1.1, 2.5])  # away from the kink of the leaky ReLU
    numeric = numerical_gradient(lambda: float(np.sum(function(x))), x)
    np.testing.assert_allclose(derivative(x), numeric, atol=1e-7)


def test_leaky_relu_and_its_derivative_at_the_kink_and_on_both_sides():
    x = np.array([[-2.0, 0.0, 3.0]])
    np.testing.assert_array_equal(ref.leaky_relu(x, 0.1), [[-0.2, 0.0, 3.0]])
    np.testing.assert_array_equal(ref.d_leaky_relu(x, 0.1), [[0.1, 0.1, 1.0]])
    assert ref.d_leaky_relu(x).dtype == float and ref.d_leaky_relu(x)[0, 1] == 0.01
    np.testing.assert_array_equal(ref.leaky_relu(x), np.maximum(0.01 * x, x))


# ── softmax ──

def test_softmax_normalises_columns_and_ignores_a_shift_per_column():
    z = np.random.default_rng(0).normal(size=(4, 6))
    A = ref.softmax(z)
    np.testing.assert_allclose(A.sum(axis=0), 1)
    np.testing.assert_allclose(A, np.exp(z) / np.exp(z).sum(axis=0))
    np.testing.assert_allclose(ref.softmax(z + np.arange(6) * 300.0), A)
    assert (A.argmax(axis=0) == z.argmax(axis=0)).all()


def test_softmax_is_stable_for_huge_and_tiny_columns():
    (inputs,) = public_inputs("softmax")
    A = ref.softmax(inputs["z"])
    assert np.isfinite(A).all()
    np.testing.assert_allclose(A[:, 0], A[:, 1])       # 1, 2, 3 and 1000, 1001, 1002
    np.testing.assert_allclose(A[:, 3], 1 / 3)
    with np.errstate(all="ignore"):
        naive = np.exp(inputs["z"]) / np.exp(inputs["z"]).sum(axis=0)
        global_max = np.exp(inputs["z"] - inputs["z"].max())
        global_max = global_max / global_max.sum(axis=0)
    assert not np.isfinite(naive).all() and not np.isfinite(global_max).all()


def test_an_overflowing_softmax_is_told_about_the_overflow_alone():
    """Without the shift, exp overflows into inf / inf: no hint about a log(0) that is not there."""
    answer = WRONG["softmax_no_shift"]
    with pytest.raises(CheckFailed) as excinfo:
        grade_in_process("09_activations_losses_optimizers", answer.function, {answer.function: answer.source})
    assert "최댓값을 빼고" in str(excinfo.value) and "log(0)" not in str(excinfo.value)



# ── losses ──

def test_losses_by_hand():
    y_hat, y = np.array([[0.5, 1.5, -1.0], [2.0, 0.0, 1.0]]), np.array([[1.0, 1.0, 0.0], [2.0, 1.0, 0.0]])
    assert ref.mse(y_hat, y) == pytest.approx((0.25 + 0.25 + 1 + 0 + 1 + 1) / (2 * 3))
    assert ref.binary_cross_entropy(np.array([[0.8, 0.4]]), np.array([[1.0, 0.0]])) == pytest.approx(
        -(np.log(0.8) + np.log(0.6)) / 2)
    p = np.array([[0.7, 0.1], [0.2, 0.3], [0.1, 0.6]])
    assert ref.categorical_cross_entropy(p, np.eye(3)[:, [0, 2]]) == pytest.approx(-(np.log(0.7) + np.log(0.6)) / 2)


def test_binary_cross_entropy_is_lesson_07s_cost_inside_zero_and_one():
    rng = np.random.default_rng(1)
    y_hat, y = rng.uniform(0.01, 0.99, (1, 9)), rng.integers(0, 2, (1, 9))
    assert ref.binary_cross_entropy(y_hat, y) == pytest.approx(ref07.compute_cost(y_hat, y), rel=1e-12)


def test_clipping_makes_exact_predictions_finite():
    right = ref.binary_cross_entropy(np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]]))
    wrong = ref.binary_cross_entropy(np.array([[0.0]]), np.array([[1.0]]))
    assert 0 <= right < 1e-11 and wrong == pytest.approx(-np.log(1e-12))
    assert ref.categorical_cross_entropy(np.eye(3), np.eye(3)) < 1e-11
    assert ref.categorical_cross_entropy(np.eye(2)[:, [1]], np.eye(2)[:, [0]]) == pytest.approx(-np.log(1e-12))


@pytest.mark.parametrize("name", ["binary_cross_entropy", "categorical_cross_entropy"])
def test_unclipped_cross_entropy_fails_on_the_public_and_most_hidden_cases(name):
    """Exact 0 and 1 predictions: without clipping, a log gives nan or inf."""
    def unclipped(y_hat, y):
        terms = y * np.log(y_hat)
        if name == "binary_cross_entropy":
            terms = terms + (1 - y) * np.log(1 - y_hat)
        return -np.sum(terms) / y.shape[1]

    cases = public_inputs(name) + hidden_inputs(name)
    with np.errstate(all="ignore"):
        broken = [not np.isfinite(unclipped(c["y_hat"], c["y"])) for c in cases]
    assert broken[0] and sum(broken) >= 4


@pytest.mark.parametrize("output, loss", [
    (lambda Z: Z, ref.mse),
    (given.sigmoid, ref.binary_cross_entropy),
    (ref.softmax, ref.categorical_cross_entropy)])
def test_each_matching_pair_has_the_gradient_A_minus_Y_over_m(output, loss):
    rng = np.random.default_rng(2)
    K = 1 if loss is ref.binary_cross_entropy else 3
    Z = rng.normal(size=(K, 5))
    Y = rng.uniform(size=(K, 5)) if loss is ref.mse else (
        rng.integers(0, 2, (1, 5)).astype(float) if K == 1 else np.eye(3)[:, rng.integers(0, 3, 5)])
    numeric = numerical_gradient(lambda: loss(output(Z), Y), Z)
    assert relative_error((output(Z) - Y) / 5, numeric) < 1e-7


# ── given helpers ──

def test_he_initialisation_draws_weights_in_order_from_default_rng():
    parameters = given.initialize_parameters_he([4, 3, 2], seed=5)
    rng = np.random.default_rng(5)
    np.testing.assert_array_equal(parameters["W1"], rng.standard_normal((3, 4)) * np.sqrt(2 / 4))
    np.testing.assert_array_equal(parameters["W2"], rng.standard_normal((2, 3)) * np.sqrt(2 / 3))
    assert list(parameters) == ["W1", "b1", "W2", "b2"] and not parameters["b2"].any()
    assert parameters["b1"].shape == (3, 1)


def test_forward_and_backward_agree_with_lesson_07():
    """relu hidden layers, sigmoid output and dZL = (AL - Y) / m: lesson 07's L_model_forward and L_model_backward."""
    rng = np.random.default_rng(3)
    X, Y = rng.normal(size=(4, 6)), rng.integers(0, 2, (1, 6))
    parameters = given.initialize_parameters_he([4, 5, 3, 1], seed=2)
    ZL, caches = given.forward_logits(X, parameters)
    AL, caches07 = ref07.L_model_forward(X, parameters)
    np.testing.assert_allclose(given.sigmoid(ZL), AL)
    np.testing.assert_allclose(ZL, caches07[-1][1])
    grads = given.backward_from_dZ((AL - Y) / 6, caches)
    grads07 = ref07.L_model_backward(AL, Y, caches07)
    assert list(grads) == ["dW1", "db1", "dW2", "db2", "dW3", "db3"]
    for key, value in grads.items():
        np.testing.assert_allclose(value, grads07[key], atol=1e-12)


@pytest.mark.parametrize("hidden", given.HIDDEN)
def test_backward_from_dZ_is_the_gradient_of_softmax_cross_entropy(hidden):
    rng = np.random.default_rng(4)
    X, Y = rng.normal(size=(3, 5)), np.eye(4)[:, rng.integers(0, 4, 5)]
    parameters = given.initialize_parameters_he([3, 4, 4], seed=1)
    parameters = {key: value + 0.1 * rng.normal(size=value.shape) for key, value in parameters.items()}

    def cost():
        return ref.categorical_cross_entropy(ref.softmax(given.forward_logits(X, parameters, hidden)[0]), Y)

    ZL, caches = given.forward_logits(X, parameters, hidden)
    grads = given.backward_from_dZ((ref.softmax(ZL) - Y) / 5, caches, hidden)
    for key in parameters:
        assert relative_error(grads["d" + key], numerical_gradient(cost, parameters[key])) < 1e-6, key


def test_a_linear_network_collapses_to_one_layer():
    parameters = given.initialize_parameters_he([2, 5, 4, 1], seed=0)
    X = np.random.default_rng(1).normal(size=(2, 6))
    W = parameters["W3"] @ parameters["W2"] @ parameters["W1"]
    b = parameters["W3"] @ (parameters["W2"] @ parameters["b1"] + parameters["b2"]) + parameters["b3"]
    np.testing.assert_allclose(given.forward_logits(X, parameters, "linear")[0], W @ X + b)
    with pytest.raises(ValueError):
        given.forward_logits(X, parameters, "tanh")


# ── mini-batches and train ──

@pytest.mark.parametrize("m, batch_size", [(7, 3), (8, 4), (5, 1), (4, 9), (1, 2)])
def test_mini_batches_partition_the_columns_with_pairs_kept(m, batch_size):
    X = np.vstack([np.arange(m), -np.arange(m)]).astype(float)
    Y = 100.0 + np.arange(m).reshape(1, m)
    batches = ref.make_mini_batches(X, Y, batch_size, seed=4)
    assert len(batches) == -(-m // batch_size)
    assert [b[0].shape[1] for b in batches[:-1]] == [batch_size] * (len(batches) - 1)
    order = np.concatenate([b[0][0] for b in batches]).astype(int)
    np.testing.assert_array_equal(order, np.random.default_rng(4).permutation(m))
    for X_batch, Y_batch in batches:
        np.testing.assert_array_equal(Y_batch[0] - 100, X_batch[0])
        np.testing.assert_array_equal(X_batch[1], -X_batch[0])


def test_train_with_one_batch_is_plain_gradient_descent():
    rng = np.random.default_rng(6)
    X, Y = rng.uniform(size=(5, 9)), np.eye(3)[:, np.arange(9) % 3]
    parameters, costs = ref.train(X, Y, [5, 4, 3], batch_size=20, epochs=4, learning_rate=0.3, seed=2)
    expected = given.initialize_parameters_he([5, 4, 3], 2)
    for _ in range(4):
        ZL, caches = given.forward_logits(X, expected)
        grads = given.backward_from_dZ((ref.softmax(ZL) - Y) / 9, caches)
        expected = {key: value - 0.3 * grads["d" + key] for key, value in expected.items()}
    for key, value in expected.items():
        np.testing.assert_allclose(parameters[key], value, atol=1e-12)
    assert len(costs) == 4 and all(isinstance(cost, float) for cost in costs)
    assert costs == sorted(costs, reverse=True)


def test_train_learns_mnist_digits_with_every_kind_of_descent():
    from dlutils.data import load_mnist_preprocessed_csv, split_features_labels

    x, y = split_features_labels(load_mnist_preprocessed_csv())
    X, Y = x[:250].T, y[:250].T
    for batch_size in (250, 32, 1):
        _, costs = ref.train(X, Y, [784, 16, 10], batch_size, epochs=3, learning_rate=0.05, seed=0)
        assert costs[-1] < costs[0] < np.log(10) + 0.5, batch_size


def _mnist_250():
    from dlutils.data import load_mnist_preprocessed_csv, split_features_labels

    x, y = split_features_labels(load_mnist_preprocessed_csv())
    return x[:250].T, y[:250].T, x[250:].T, y[250:].T


def _compare_descents(learning_rate, X, Y, X_test, Y_test):
    """§8.2's comparison: ``{batch_size: (costs, test accuracy)}`` after 15 epochs."""
    results = {}
    for batch_size in (250, 32, 1):
        parameters, costs = ref.train(X, Y, [784, 64, 10], batch_size, 15, learning_rate, seed=0)
        predictions = ref.softmax(given.forward_logits(X_test, parameters)[0]).argmax(axis=0)
        results[batch_size] = (np.array(costs), np.mean(predictions == Y_test.argmax(axis=0)))
    return results


def test_the_descent_comparison_says_what_the_lesson_says_at_0_05():
    X, Y, X_test, Y_test = _mnist_250()
    results = _compare_descents(0.05, X, Y, X_test, Y_test)
    for costs, _ in results.values():
        assert (np.diff(costs) < 0).all()  # every method comes down, epoch after epoch
    batch, mini, stochastic = (results[b][0] for b in (250, 32, 1))
    assert (stochastic < mini).all() and (mini < batch).all()  # more updates per epoch, faster per epoch
    faster = _compare_descents(0.1, X, Y, X_test, Y_test)
    assert all(faster[b][0][-1] < results[b][0][-1] for b in (250, 32))  # "배치와 미니배치는 더 빨리"
    assert (np.diff(faster[1][0]) > 0).any()  # "비용이 에폭 사이에 다시 오르기도"


def test_the_descent_comparison_at_0_05_prints_the_same_on_any_cpu():
    """The last bits of the data stand in for another CPU's: the printed figures must not move."""
    X, Y, X_test, Y_test = _mnist_250()
    nudged = X * (1 + np.finfo(float).eps * np.random.default_rng(0).choice([-1, 1], X.shape))
    for (costs, accuracy), (nudged_costs, nudged_accuracy) in zip(
            _compare_descents(0.05, X, Y, X_test, Y_test).values(),
            _compare_descents(0.05, nudged, Y, X_test, Y_test).values()):
        assert f"{costs[-1]:.4f} {accuracy:.0%}" == f"{nudged_costs[-1]:.4f} {nudged_accuracy:.0%}"
        np.testing.assert_allclose(nudged_costs, costs, rtol=1e-7)


def test_train_leaves_its_inputs_alone():
    rng = np.random.default_rng(7)
    X, Y = rng.uniform(size=(3, 7)), np.eye(2)[:, np.arange(7) % 2]
    X_copy, Y_copy, dims = X.copy(), Y.copy(), [3, 2, 2]
    ref.train(X, Y, dims, 3, 2, 0.5, seed=1)
    np.testing.assert_array_equal(X, X_copy)
    np.testing.assert_array_equal(Y, Y_copy)
    assert dims == [3, 2, 2]


# ── the exercises' cases hold the edges ──

def test_hidden_cases_hold_the_edges():
    assert any((c["x"] == 0).any() for c in hidden_inputs("d_leaky_relu"))
    assert {c["alpha"] for c in hidden_inputs("leaky_relu")} - {0.01}
    assert any(np.abs(c["x"]).max() > 500 for c in hidden_inputs("tanh"))
    shapes = [c["z"].shape for c in hidden_inputs("softmax")]
    assert any(K == m for K, m in shapes) and any(m == 1 for _, m in shapes) and any(K == 1 for K, _ in shapes)
    assert all(np.abs(c["z"]).max() > 500 for c in hidden_inputs("softmax")[3:5])
    batches = [(c["X"].shape[1], c["batch_size"]) for c in hidden_inputs("make_mini_batches")]
    assert any(m % b for m, b in batches) and any(b == 1 for _, b in batches) and any(b >= m for m, b in batches)
    trains = [(c["X"].shape[1], c["batch_size"], len(c["layer_dims"])) for c in hidden_inputs("train")]
    assert {1} <= {b for _, b, _ in trains} and any(b >= m for m, b, _ in trains) and any(m % b for m, b, _ in trains)
    assert any(L == 2 for _, _, L in trains) and any(L >= 4 for _, _, L in trains)


@pytest.mark.parametrize("name", list(LESSON.exercises))
def test_the_reference_passes_its_own_checks(name):
    exercise = LESSON.exercises[name]
    for case in exercise.public() + [case for _, case in hidden_cases("09", exercise)]:
        expected = exercise.expected(ref, case.inputs)
        if name == "train":
            got = {"parameters": {k: v for k, v in expected.items() if k != "costs"}, "costs": expected["costs"]}
        else:
            got = expected
        exercise.compare(name, got, case.inputs, expected)
