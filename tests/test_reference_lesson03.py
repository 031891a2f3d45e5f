"""The reference solutions of lesson 03, its given helpers and its exercises' cases."""
import numpy as np
import pytest

from dlutils.given import lesson01 as given01
from dlutils.given import lesson03 as given
from dlutils.reference import lesson03 as ref
from testcases.engine import codec, lessons
from testcases.engine.runner import hidden_cases
from testcases.lesson03 import exercises

LESSON = lessons.load("03")


def all_cases(name):
    """Every public and hidden case of exercise ``name``."""
    exercise = LESSON.exercises[name]
    return list(exercise.public()) + [case for _, case in hidden_cases("03", exercise)]


def test_numerical_derivative_gives_the_lecture_slopes_of_x_squared():
    """Slope 2 at x = 1 and -4 at x = -2."""
    assert ref.numerical_derivative(given.square, 1.0) == pytest.approx(2.0, abs=1e-9)
    assert ref.numerical_derivative(given.square, -2.0) == pytest.approx(-4.0, abs=1e-9)


def test_central_difference_beats_the_forward_difference():
    f, x, h = exercises.cubic, 1.0, 1e-3
    exact = 3 * x ** 2 - 2
    forward = (f(x + h) - f(x)) / h
    assert abs(ref.numerical_derivative(f, x, h) - exact) < 1e-5 < abs(forward - exact)


def test_worked_example_of_the_lecture():
    """At (w, b) = (3, 5) the partial derivatives are 2 and -4; one step of 0.1 goes to (2.8, 5.4)."""
    point = np.array([3.0, 5.0])
    np.testing.assert_allclose(given.bowl_gradient(point), [2.0, -4.0])
    assert given.bowl_loss(point) == pytest.approx(1 + 0.5 * 16)
    np.testing.assert_allclose(ref.gradient_descent(given.bowl_gradient, point, 0.1, 1)[1], [2.8, 5.4])


@pytest.mark.parametrize("loss, gradient", [(given.bowl_loss, given.bowl_gradient),
                                            (given.bumpy_loss, given.bumpy_gradient),
                                            (exercises.coupled_loss, exercises.coupled_gradient)])
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_analytic_gradients_agree_with_the_numerical_gradient(loss, gradient, n):
    x = np.random.default_rng(n).uniform(-3, 3, size=n)
    np.testing.assert_allclose(gradient(x), ref.numerical_gradient(loss, x), rtol=1e-6, atol=1e-7)


def test_numerical_gradient_leaves_x_exactly_as_it_was():
    x = np.array([0.1, -0.7, 2.3, 1e-3])
    before = x.copy()
    ref.numerical_gradient(exercises.coupled_loss, x, 1e-4)
    np.testing.assert_array_equal(x, before)


def test_losses_evaluate_a_grid_point_by_point():
    W, B = np.meshgrid(np.linspace(-1, 5, 4), np.linspace(3, 11, 3))
    for loss in (given.bowl_loss, given.bumpy_loss):
        grid = loss(np.stack([W, B]))
        by_point = [[loss(np.array([w, b])) for w, b in zip(row_w, row_b)] for row_w, row_b in zip(W, B)]
        np.testing.assert_allclose(grid, by_point)
    with pytest.raises(ValueError):
        given.bowl_loss(np.zeros(5))


def test_gradient_descent_keeps_every_point_and_the_start():
    start = np.array([-0.5, 4.0])
    path = ref.gradient_descent(given.bowl_gradient, start, 0.4, 30)
    assert path.shape == (31, 2)
    np.testing.assert_array_equal(path[0], start)
    np.testing.assert_array_equal(start, [-0.5, 4.0])
    np.testing.assert_allclose(path[-1], given.BOWL_CENTER[:2], atol=1e-6)
    assert ref.gradient_descent(given.bowl_gradient, start, 0.1, 0).shape == (1, 2)


def test_a_learning_rate_above_one_diverges_on_the_bowl():
    """The w-direction has curvature 2: each step multiplies w - 2 by 1 - 2α, below -1 when α > 1."""
    path = ref.gradient_descent(given.bowl_gradient, np.array([3.0, 5.0]), 1.05, 20)
    losses = [given.bowl_loss(p) for p in path]
    assert losses[-1] > 4 * losses[0] and np.all(np.diff(losses[1:]) > 0)
    np.testing.assert_allclose(path[:, 0] - 2, (1 - 2 * 1.05) ** np.arange(21))


def test_best_of_restarts_finds_the_lowest_basin_of_the_wave():
    case = LESSON.exercises["best_of_restarts"].public()[0]
    point, loss = ref.best_of_restarts(*case.inputs.values())
    grid = np.linspace(-5, 5, 100001)
    assert point[0] == pytest.approx(grid[np.argmin(given.wave(grid))], abs=1e-4)
    assert loss == pytest.approx(given.wave(grid).min(), abs=1e-8)
    ends = [ref.gradient_descent(given.bumpy_gradient, s, 0.05, 60)[-1, 0] for s in case.inputs["starts"]]
    assert len({round(e, 3) for e in ends}) == len(ends)  # every start ends in a basin of its own


def test_best_of_restarts_keeps_the_earlier_of_equal_ends():
    starts = np.array([[1.0], [1.0]])
    point, _ = ref.best_of_restarts(given.bumpy_loss, given.bumpy_gradient, starts, 0.05, 10)
    assert point.shape == (1,)


@pytest.mark.parametrize("seed", range(5))
def test_chain_rule_derivative_agrees_with_the_numerical_one(seed):
    x, w1, b1, w2, b2 = np.random.default_rng(seed).uniform(-2, 2, size=5)

    def y(w):
        return given.sigmoid(w2 * given.sigmoid(w * x + b1) + b2)

    assert ref.chain_rule_derivative(x, w1, b1, w2, b2) == pytest.approx(ref.numerical_derivative(y, w1), abs=1e-9)


def test_given_sigmoid_is_lesson_one_s():
    assert given.sigmoid is given01.sigmoid and ref.sigmoid is given01.sigmoid


@pytest.mark.parametrize("name", list(LESSON.exercises))
def test_function_inputs_travel_to_the_judge_by_name(name):
    for case in all_cases(name):
        back = codec.loads(codec.dumps(case.inputs))
        for key, value in case.inputs.items():
            if callable(value):
                assert back[key] is value, (name, key)


@pytest.mark.parametrize("name", list(LESSON.exercises))
def test_the_reference_passes_its_own_comparison_on_every_case(name):
    exercise = LESSON.exercises[name]
    for case in all_cases(name):
        expected = exercise.expected(ref, case.inputs)
        exercise.compare(name, dict(expected), case.inputs, expected)


def test_hidden_cases_cover_the_edges():
    steps = [case.inputs["n_steps"] for case in all_cases("gradient_descent")]
    rates = [case.inputs["learning_rate"] for case in all_cases("gradient_descent")]
    dims = {case.inputs["x"].size for case in all_cases("numerical_gradient")}
    assert {0, 1} <= set(steps) and 0.0 in rates and max(rates) > 1 and dims == {1, 2, 3, 4}
    assert any(len(case.inputs["starts"]) == 1 for case in all_cases("best_of_restarts"))
