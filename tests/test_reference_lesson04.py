"""The reference solutions of lesson 04, its given helpers, figures, benchmark and exercises' cases."""
import warnings

import matplotlib
import numpy as np
import pytest

from course import load_script
from dlutils import backprop_plots
from figures import render
from figures import texts as figure_texts
from dlutils.data import load_mnist_preprocessed_csv, split_features_labels
from dlutils.given import lesson02 as given02
from dlutils.given import lesson04 as given
from dlutils.reference import lesson02 as ref02
from dlutils.reference import lesson04 as ref
from testcases.engine import lessons
from testcases.engine.runner import hidden_cases
from testcases.lesson04 import exercises

matplotlib.use("Agg")

LESSON = lessons.load("04")
NETWORK = [784, 128, 64, 10]


def public_inputs(name):
    return [case.inputs for case in LESSON.exercises[name].public()]


def hidden_inputs(name):
    return [(label, case.inputs) for label, case in hidden_cases("04", LESSON.exercises[name])]


def mnist():
    X, Y = split_features_labels(load_mnist_preprocessed_csv())
    return X[:250], Y[:250], X[250:], Y[250:]


def _loss(parameters, x, y):
    a, _ = given.feed_forward(x, parameters)
    return np.mean((a - y) ** 2) / 2


def numerical_gradients(parameters, x, y, h=1e-6):
    """Central differences of one example's loss for every entry of every parameter."""
    gradients = {}
    for key, value in parameters.items():
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            original = value[index]
            value[index] = original + h
            up = _loss(parameters, x, y)
            value[index] = original - h
            down = _loss(parameters, x, y)
            value[index] = original
            grad[index] = (up - down) / (2 * h)
        gradients["d" + key] = grad
    return gradients


# ── given helpers ──

def test_given_helpers_have_one_implementation():
    for name in ("feed_forward", "compute_loss", "compute_accuracy", "feed_forward_batch"):
        assert getattr(ref02, name) is getattr(given, name) is getattr(ref, name), name
    assert given.initialize_parameters is given02.initialize_parameters is ref.initialize_parameters
    assert given.sigmoid is given02.sigmoid is ref.sigmoid


# ── d_sigmoid ──

def test_d_sigmoid_is_the_lecture_formula_and_stays_finite():
    x = np.linspace(-20, 20, 81)
    np.testing.assert_allclose(ref.d_sigmoid(x), np.exp(-x) / (np.exp(-x) + 1) ** 2, rtol=1e-9, atol=1e-15)
    assert ref.d_sigmoid(0.0) == 0.25 and np.ndim(ref.d_sigmoid(0.0)) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        extreme = ref.d_sigmoid(np.array([-1e4, -800.0, 800.0, 1e4]))
    assert np.all(np.isfinite(extreme)) and np.all(extreme >= 0) and np.all(extreme < 1e-300)


def test_d_sigmoid_is_the_slope_of_the_sigmoid():
    x, h = np.linspace(-6, 6, 25), 1e-6
    numerical = (given.sigmoid(x + h) - given.sigmoid(x - h)) / (2 * h)
    np.testing.assert_allclose(ref.d_sigmoid(x), numerical, atol=1e-9)


# ── backprop_one_neuron_chain ──

def _chain_loss(x, y, weights, biases):
    a = x
    for w, b in zip(weights, biases):
        a = given.sigmoid(w * a + b)
    return (a - y) ** 2 / 2


@pytest.mark.parametrize("L", [1, 2, 3, 5])
def test_chain_gradients_match_numerical_derivatives(L):
    rng = np.random.default_rng(L)
    x, y = 0.7, 1.0
    weights, biases = list(rng.normal(0, 1.5, L)), list(rng.normal(0, 0.5, L))
    dweights, dbiases = ref.backprop_one_neuron_chain(x, y, weights, biases)
    assert len(dweights) == len(dbiases) == L and all(type(v) is float for v in dweights + dbiases)
    h = 1e-6
    for l in range(L):
        for values, grads in ((weights, dweights), (biases, dbiases)):
            up, down = list(values), list(values)
            up[l] += h
            down[l] -= h
            args_up = (up, biases) if values is weights else (weights, up)
            args_down = (down, biases) if values is weights else (weights, down)
            numerical = (_chain_loss(x, y, *args_up) - _chain_loss(x, y, *args_down)) / (2 * h)
            assert grads[l] == pytest.approx(numerical, abs=1e-9)


def test_chain_is_back_prop_with_one_neuron_per_layer():
    """With n[l] = 1 everywhere the general back_prop gives the chain's numbers."""
    weights, biases = [0.7, -1.3, 2.1], [-0.2, 0.4, 0.1]
    parameters = {}
    for l, (w, b) in enumerate(zip(weights, biases), start=1):
        parameters["W" + str(l)], parameters["b" + str(l)] = np.array([[w]]), np.array([b])
    prediction, cache = given.feed_forward(np.array([0.9]), parameters)
    gradients = ref.back_prop(prediction, np.array([1.0]), cache, parameters)
    dweights, dbiases = ref.backprop_one_neuron_chain(0.9, 1.0, weights, biases)
    for l in range(1, 4):
        assert gradients["dW" + str(l)][0, 0] == pytest.approx(dweights[l - 1], rel=1e-12)
        assert gradients["db" + str(l)][0] == pytest.approx(dbiases[l - 1], rel=1e-12)


# ── back_prop ──

@pytest.mark.parametrize("dims", [[3, 2], [4, 3, 3, 2], [2, 5, 1], [1, 1, 1], [3, 4, 2, 5, 2]])
def test_back_prop_matches_the_numerical_gradient(dims):
    rng = np.random.default_rng(len(dims))
    parameters = exercises._random_parameters(rng, dims)
    x = rng.uniform(0, 1, dims[0])
    y = np.eye(dims[-1])[rng.integers(0, dims[-1])]
    prediction, cache = given.feed_forward(x, parameters)
    gradients = ref.back_prop(prediction, y, cache, parameters)
    expected = numerical_gradients(parameters, x, y)
    assert set(gradients) == set(expected)
    for key, value in expected.items():
        assert gradients[key].shape == value.shape
        np.testing.assert_allclose(gradients[key], value, atol=1e-9)


# ── update, train_nn ──

def test_update_changes_the_arrays_in_place_and_returns_the_same_dict():
    parameters = {"W1": np.ones((2, 3)), "b1": np.ones(2)}
    W1 = parameters["W1"]
    gradients = {"dW1": np.full((2, 3), 10.0), "db1": np.array([5.0, -5.0])}
    result = ref.update(parameters, gradients, 3, 30)
    assert result is parameters and parameters["W1"] is W1
    np.testing.assert_allclose(W1, 0.0, atol=1e-15)
    np.testing.assert_allclose(parameters["b1"], [0.5, 1.5])
    assert np.all(gradients["dW1"] == 10.0)


def _tiny_data(seed=0, m=7, dims=(5, 4, 3)):
    rng = np.random.default_rng(seed)
    X = rng.uniform(0, 1, (m, dims[0]))
    Y = np.eye(dims[-1])[rng.integers(0, dims[-1], size=m)]
    return X, Y, list(dims)


def test_train_nn_updates_once_per_epoch_with_the_summed_gradients():
    X, Y, dims = _tiny_data()
    np.random.seed(3)
    loss_list, parameters = ref.train_nn(X, Y, X, Y, dims, 3, 2.5)
    np.random.seed(3)
    expected = given.initialize_parameters(dims)
    losses = []
    for _ in range(3):
        _, cache = given.feed_forward_batch(X, expected)
        expected = ref.update(expected, ref.back_prop_batch(X, Y, cache, expected), 2.5, len(X))
        losses.append(given.compute_loss(X, Y, expected))
    np.testing.assert_allclose(loss_list, losses, rtol=1e-12)
    for key, value in expected.items():
        np.testing.assert_allclose(parameters[key], value, rtol=1e-12, atol=1e-14)


def test_train_nn_prints_progress_only_when_asked(capsys):
    X, Y, dims = _tiny_data()
    np.random.seed(0)
    ref.train_nn(X, Y, X, Y, dims, 2, 1.0)
    assert capsys.readouterr().out == ""
    np.random.seed(0)
    ref.train_nn(X, Y, X, Y, dims, 2, 1.0, verbose=True)
    out, err = capsys.readouterr()
    assert out.count("번째 경사 하강") == 2 and err == ""


def _lecture_train(X_train, Y_train, X_test, Y_test, epochs, alpha):
    """The lecture's train_nn as it runs: ``parameters.copy()`` shares the arrays, so it updates per example."""
    parameters = given.initialize_parameters(NETWORK)
    m, accuracies = X_train.shape[0], []
    for _ in range(epochs):
        parameters_copy = parameters.copy()
        for x, y in zip(X_train, Y_train):
            prediction, cache = given.feed_forward(x, parameters)
            gradients = ref.back_prop(prediction, y, cache, parameters)
            parameters_copy = ref.update(parameters_copy, gradients, alpha, m)
        parameters = parameters_copy
        accuracies.append(given.compute_accuracy(X_test, Y_test, parameters))
    return accuracies


def test_the_lecture_code_reaches_its_printed_accuracy():
    """The lecture prints 0.86 after 25 epochs with alpha = 300: so does its code with this lesson's data."""
    X_train, Y_train, X_test, Y_test = mnist()
    np.random.seed(42)
    accuracies = _lecture_train(X_train, Y_train, X_test, Y_test, 25, 300)
    assert round(accuracies[-1], 2) == 0.86
    assert accuracies[0] < 0.5 < accuracies[-1]


def test_full_batch_gradient_descent_with_the_lecture_rate_saturates():
    X_train, Y_train, X_test, Y_test = mnist()
    np.random.seed(42)
    parameters = given.initialize_parameters(NETWORK)
    for _ in range(25):
        _, cache = given.feed_forward_batch(X_train, parameters)
        ref.update(parameters, ref.back_prop_batch(X_train, Y_train, cache, parameters), 300, 250)
    assert given.compute_accuracy(X_test, Y_test, parameters) == 0.1
    assert given.compute_loss(X_train, Y_train, parameters) == pytest.approx(0.05, abs=1e-3)


# ── back_prop_batch ──

@pytest.mark.parametrize("dims, m", [([4, 3, 3, 2], 5), ([1, 1, 1], 1), ([6, 2, 7, 3], 9), ([3, 3], 4)])
def test_back_prop_batch_is_the_sum_of_back_prop(dims, m):
    rng = np.random.default_rng(m)
    parameters = exercises._random_parameters(rng, dims)
    X = rng.uniform(0, 1, (m, dims[0]))
    Y = np.eye(dims[-1])[rng.integers(0, dims[-1], size=m)]
    _, cache = given.feed_forward_batch(X, parameters)
    batch = ref.back_prop_batch(X, Y, cache, parameters)
    total = {key: np.zeros_like(value) for key, value in batch.items()}
    for x, y in zip(X, Y):
        prediction, row_cache = given.feed_forward(x, parameters)
        for key, value in ref.back_prop(prediction, y, row_cache, parameters).items():
            total[key] += value
    assert set(batch) == set(total)
    for key in total:
        assert batch[key].shape == parameters[key[1:]].shape
        np.testing.assert_allclose(batch[key], total[key], rtol=0, atol=1e-10)


def test_benchmark_times_both_epochs_and_they_agree():
    benchmark = load_script("benchmark_backprop")
    X, Y, dims = _tiny_data(m=6, dims=(8, 5, 3))
    np.random.seed(0)
    parameters = given.initialize_parameters(dims)
    before = {key: value.copy() for key, value in parameters.items()}
    loop, batched, difference = benchmark.compare(parameters, X, Y, repeat=1)
    assert loop > 0 and batched > 0 and difference <= benchmark.TOLERANCE
    for key, value in before.items():
        np.testing.assert_array_equal(parameters[key], value)  # every timed run starts from a copy


# ── the exercises' cases ──

def test_compare_functions_leave_the_global_random_state_alone():
    inputs = public_inputs("train_nn")[0]
    np.random.seed(11)
    expected = np.random.rand()
    np.random.seed(11)
    exercises._train_mistakes(inputs)
    assert np.random.rand() == expected


def _differs(wrong, correct):
    if isinstance(correct, dict):
        return any(key not in wrong or _differs(wrong[key], correct[key]) for key in correct if key in wrong)
    return np.shape(wrong) != np.shape(correct) or not np.allclose(wrong, correct)


@pytest.mark.parametrize("name, mistakes", [
    ("backprop_one_neuron_chain", lambda inputs: exercises._chain_mistakes(*inputs.values())),
    ("back_prop", lambda inputs: exercises._back_prop_mistakes(*inputs.values())),
    ("back_prop_batch", lambda inputs: exercises._back_prop_batch_mistakes(*inputs.values())),
    ("train_nn", exercises._train_mistakes),
])
def test_every_public_mistake_differs_from_the_right_answer(name, mistakes):
    """A right answer never gets a mistake's hint, and each mistake shows in the public cases."""
    exercise = LESSON.exercises[name]
    for inputs in public_inputs(name):
        expected = exercise.expected(ref, inputs)
        for hint, wrong in mistakes(inputs):
            if name in ("back_prop", "back_prop_batch"):
                assert _differs(wrong, expected), hint
            else:
                assert any(_differs(np.asarray(wrong[key]), np.asarray(expected[key]))
                           for key in wrong if key in expected), hint


def _dims(parameters):
    L = len(parameters) // 2
    return [parameters["W1"].shape[1]] + [parameters["W" + str(l)].shape[0] for l in range(1, L + 1)]


@pytest.mark.parametrize("name", ["back_prop", "update", "back_prop_batch"])
def test_hidden_cases_cover_the_edges(name):
    networks = [_dims(inputs["parameters"]) for _, inputs in hidden_inputs(name)]
    assert sorted({len(dims) - 1 for dims in networks}) == [1, 2, 3, 4]
    assert any(len(dims) >= 3 and len(set(dims)) == 1 and dims[0] > 1 for dims in networks), "equal sizes"
    assert [1, 1, 1] in networks, "single units"
    shapes = [W.shape for _, inputs in hidden_inputs(name) for key, W in inputs["parameters"].items() if key[0] == "W"]
    assert any(rows >= 3 * cols for rows, cols in shapes) and any(cols >= 3 * rows for rows, cols in shapes)
    if name == "back_prop_batch":
        examples = [inputs["X"].shape[0] for _, inputs in hidden_inputs(name)]
        assert 1 in examples and max(examples) > 1
        outputs = [inputs["Y"].shape for _, inputs in hidden_inputs(name)]
        assert sum(m != n for m, n in outputs) >= 4, "m and n[L] differ, so Y.shape[0] and Y.shape[1] tell apart"


def test_hidden_train_nn_cases_vary_network_data_and_seed():
    cases = [inputs for _, inputs in hidden_inputs("train_nn")]
    assert len({inputs["seed"] for inputs in cases}) == len(cases)
    assert {len(inputs["X_train"]) for inputs in cases} >= {1, 6}
    assert [1, 1, 1] in [inputs["neurons_per_layer"] for inputs in cases]
    assert len({len(inputs["neurons_per_layer"]) for inputs in cases}) >= 3


def test_hidden_d_sigmoid_cases_hold_numbers_zeros_and_large_values():
    values = [inputs["x"] for _, inputs in hidden_inputs("d_sigmoid")]
    assert any(np.ndim(x) == 0 for x in values) and any(np.ndim(x) == 2 for x in values)
    assert any(np.ndim(x) > 0 and np.all(x == 0) for x in values)
    assert any(np.ndim(x) > 0 and np.abs(x).min() >= 15 for x in values)


# ── figures ──

@pytest.mark.parametrize("n_layers", [1, 3, 4])
def test_neuron_chain_figure_renders(n_layers):
    texts = figure_texts(render(lambda: backprop_plots.draw_neuron_chain(n_layers)))
    assert "순전파: 왼쪽에서 오른쪽으로" in texts and "역전파: 오른쪽에서 왼쪽으로" in texts
    assert f"$da_{n_layers} = a_{n_layers} - y$" in texts
    assert sum("db_" in t for t in texts) == n_layers


def test_training_histories_figure_renders():
    histories = {"가": {"loss": [0.05, 0.04, 0.03], "accuracy": [0.1, 0.5, 0.8]},
                 "나": {"loss": [0.05] * 3, "accuracy": [0.1] * 3}}
    texts = figure_texts(render(lambda: backprop_plots.plot_training_histories(histories, title="비교")))
    assert {"학습 손실", "시험 데이터 50장의 정확도", "에폭", "가", "나", "비교"} <= set(texts)


@pytest.mark.parametrize("answer", ["upd_new_dict", "upd_reassign"])
def test_the_shallow_copy_demo_holds_for_an_update_that_returns_new_arrays(answer):
    """§11 reproduces the lecture's 0.86 whether the student's update changes arrays in place, returns a
    new dictionary or puts new arrays into the one it was given (all right answers): the demo makes the
    lecture's in-place step itself."""
    from nbclient import NotebookClient

    from bank.lesson04 import CORRECT
    from course import answer_cells, read, solution_path

    lesson = "04_backpropagation"
    notebook = read(solution_path(lesson))
    answer_cells(notebook)["update"].source = CORRECT[answer].source
    last = next(i for i, cell in enumerate(notebook.cells) if "lecture_history = train_with(" in cell.source)
    notebook.cells = notebook.cells[:last + 1]
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(solution_path(lesson).parent)}}).execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[last].outputs)
    assert "25에폭 뒤 시험 정확도: 강의 코드 0.86, 배치 경사 하강법 0.10" in printed, printed


def test_section_10_says_why_nothing_moved_when_train_nn_drops_what_a_new_array_update_returns():
    """Two answers that each keep full marks, ``update`` returning new arrays and a ``train_nn`` that relies on
    ``update`` changing its arrays in place, never move the parameters together: §10 says so instead of
    leaving the student with a flat loss the text does not describe."""
    from nbclient import NotebookClient

    from bank.lesson04 import CORRECT
    from course import answer_cells, read, solution_path

    lesson = "04_backpropagation"
    notebook = read(solution_path(lesson))
    answers = answer_cells(notebook)
    answers["update"].source = CORRECT["upd_new_dict"].source
    answers["train_nn"].source = CORRECT["train_update_in_place_unassigned"].source
    last = next(i for i, cell in enumerate(notebook.cells)
                if "batch_losses, batch_parameters = train_nn(" in cell.source)
    notebook.cells = notebook.cells[:last + 1]
    notebook.cells[last].source = notebook.cells[last].source.replace("EPOCHS = 25", "EPOCHS = 2")
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(solution_path(lesson).parent)}}).execute()
    printed = "".join(output.get("text", "") for output in notebook.cells[last].outputs)
    assert "손실이 한 번도 바뀌지 않았습니다" in printed and "parameters = update(...)" in printed, printed
