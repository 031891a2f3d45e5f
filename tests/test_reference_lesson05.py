"""The reference solutions of lesson 05, its figures' helpers and its exercises' cases."""
import warnings

import numpy as np
import pytest

from dlutils import compgraph
from dlutils.given import lesson06 as given06
from dlutils.gradcheck import numerical_gradient, relative_error
from dlutils.reference import lesson05 as ref
from testcases.engine import lessons
from testcases.engine.runner import hidden_cases
from testcases.lesson05 import exercises

LESSON = lessons.load("05")


def public_inputs(name):
    return [case.inputs for case in LESSON.exercises[name].public()]


def hidden_inputs(name):
    return [(label, case.inputs) for label, case in hidden_cases("05", LESSON.exercises[name])]


def test_apple_example_reproduces_the_lecture():
    """The lecture prints price 220, dApple 2.2, dApple num 110, dTax 200."""
    price, grads = ref.buy_apples(100, 2, 1.1)
    assert int(price) == 220 and grads["apple"] == 2.2 and int(grads["apple_num"]) == 110 and grads["tax"] == 200


def test_apples_and_oranges_reproduce_the_lecture():
    """The lecture prints 715, 2.2, 110, 3.3000000000000003, 165 and 650."""
    price, grads = ref.buy_apples_and_oranges(100, 2, 150, 3, 1.1)
    assert int(price) == 715
    assert list(grads) == ["apple", "apple_num", "orange", "orange_num", "tax"]
    assert grads["apple"] == 2.2 and int(grads["apple_num"]) == 110
    assert repr(grads["orange"]) == "3.3000000000000003" and int(grads["orange_num"]) == 165
    assert grads["tax"] == 650


def test_the_written_out_graph_equals_the_layers():
    """The exercise's expected values (the graph's formula) equal the reference built from layers."""
    for inputs in public_inputs("buy_apples_and_oranges") + [i for _, i in hidden_inputs("buy_apples_and_oranges")]:
        price, grads = ref.buy_apples_and_oranges(*inputs.values())
        expected = exercises._shopping(*inputs.values())
        np.testing.assert_allclose(expected["price"], price)
        for key, value in grads.items():
            np.testing.assert_allclose(expected[key], value)


def _layer_gradients(layer, inputs, dout):
    """Analytic gradients of sum(out * dout) from ``backward`` and numerical ones, per input."""
    out = layer.forward(*inputs)
    analytic = layer.backward(dout)
    analytic = analytic if isinstance(analytic, tuple) else (analytic,)

    def loss():
        return float(np.sum(type(layer)().forward(*inputs) * dout))

    return out, analytic, [numerical_gradient(loss, x) for x in inputs]


@pytest.mark.parametrize("layer, n_inputs", [(ref.MulLayer, 2), (ref.AddLayer, 2), (ref.Sigmoid, 1), (ref.Relu, 1)])
def test_backward_is_the_numerical_gradient(layer, n_inputs):
    rng = np.random.default_rng(5)
    inputs = [rng.uniform(0.2, 2, (3, 4)) * rng.choice([-1, 1], (3, 4)) for _ in range(n_inputs)]
    dout = rng.standard_normal((3, 4))
    _, analytic, numerical = _layer_gradients(layer(), inputs, dout)
    for a, n in zip(analytic, numerical):
        assert relative_error(a, n) < 1e-7


def test_shopping_gradients_are_numerical_derivatives():
    inputs = {"apple": 100.0, "apple_num": 2.0, "orange": 150.0, "orange_num": 3.0, "tax": 1.1}
    _, grads = ref.buy_apples_and_oranges(*inputs.values())
    h = 1e-5
    for name, value in inputs.items():
        up = ref.buy_apples_and_oranges(*{**inputs, name: value + h}.values())[0]
        down = ref.buy_apples_and_oranges(*{**inputs, name: value - h}.values())[0]
        assert (up - down) / (2 * h) == pytest.approx(grads[name], rel=1e-6)


def test_relu_is_the_one_given_in_lesson_06():
    assert ref.Relu is given06.Relu


def test_relu_masks_zero_and_changes_no_input():
    x = np.array([[1.0, -0.5, 0.0], [-2.0, 3.0, 0.5]])
    dout = np.arange(6.0).reshape(2, 3) + 1
    x_before, dout_before = x.copy(), dout.copy()
    layer = ref.Relu()
    out = layer.forward(x)
    np.testing.assert_array_equal(layer.mask, x <= 0)
    np.testing.assert_array_equal(out, np.maximum(0, x))
    np.testing.assert_array_equal(layer.backward(dout), np.where(x > 0, dout, 0))
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(dout, dout_before)


def test_sigmoid_is_stable_and_keeps_numbers_numbers():
    x = np.array([-1000.0, -710.0, -40.0, -1.0, 0.0, 2.0, 40.0, 710.0, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layer = ref.Sigmoid()
        out = layer.forward(x)
        dx = layer.backward(np.ones_like(x))
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(dx))
    np.testing.assert_allclose(out[3:6], 1 / (1 + np.exp(-x[3:6])))
    np.testing.assert_allclose(dx, out * (1 - out))
    assert out[0] == 0 and out[-1] == 1
    scalar = ref.Sigmoid().forward(0.5)
    assert np.ndim(scalar) == 0 and not isinstance(scalar, np.ndarray)
    assert scalar == pytest.approx(1 / (1 + np.exp(-0.5)))


def test_sigmoid_backward_uses_the_kept_output():
    layer = ref.Sigmoid()
    layer.forward(np.array([0.3]))
    layer.out = np.array([0.5])  # whatever forward kept, backward reads it
    np.testing.assert_allclose(layer.backward(np.array([2.0])), [0.5])


def test_layers_work_on_numbers():
    mul = ref.MulLayer()
    assert mul.forward(100, 2) == 200 and mul.backward(1.1) == (1.1 * 2, 1.1 * 100)
    add = ref.AddLayer()
    assert add.forward(200, 450) == 650 and add.backward(1.1) == (1.1, 1.1)


def test_public_cases_are_the_lectures():
    assert public_inputs("buy_apples_and_oranges") == [
        {"apple": 100, "apple_num": 2, "orange": 150, "orange_num": 3, "tax": 1.1}]
    assert public_inputs("MulLayer")[0] == {"x": 100, "y": 2, "dout": 1.1}
    assert public_inputs("AddLayer")[0] == {"x": 200, "y": 450, "dout": 1.1}
    (relu,) = public_inputs("Relu")
    assert np.any(relu["x"] == 0) and np.any(relu["x"] < 0) and np.any(relu["x"] > 0)


@pytest.mark.parametrize("name", ["MulLayer", "AddLayer"])
def test_public_cases_tell_the_mistakes_apart(name):
    """Swapped, not swapped, without dout and dout passed on differ everywhere in the public cases."""
    for inputs in public_inputs(name):
        x, y, dout = (np.asarray(v, dtype=float) for v in inputs.values())
        candidates = [dout * y, dout * x, y, x, dout, dout / 2, np.ones_like(dout)]
        for i, a in enumerate(candidates):
            for b in candidates[i + 1:]:
                assert not np.allclose(a, b)


def test_sigmoid_public_cases_tell_input_from_output():
    for inputs in public_inputs("Sigmoid"):
        x, dout = (np.asarray(v, dtype=float) for v in inputs.values())
        y = 1 / (1 + np.exp(-x))
        assert not np.allclose(dout * x * (1 - x), dout * y * (1 - y))
        assert not np.allclose(1 / (1 + np.exp(x)), y)


def _shapes(name):
    return [np.shape(inputs["x"]) for _, inputs in hidden_inputs(name)]


@pytest.mark.parametrize("name", ["MulLayer", "AddLayer", "Sigmoid"])
def test_hidden_cases_cover_numbers_and_shapes(name):
    shapes = _shapes(name)
    assert () in shapes, "a plain number"
    assert any(len(s) == 1 for s in shapes) and any(len(s) == 2 and s[0] > 1 for s in shapes)
    assert any(len(s) == 2 and s[0] == 1 for s in shapes), "a batch of one row"
    numbers = [inputs["x"] for _, inputs in hidden_inputs(name) if np.ndim(inputs["x"]) == 0]
    assert all(isinstance(value, float) for value in numbers)


def test_hidden_relu_cases_have_zeros_negatives_and_all_nonpositive():
    xs = [inputs["x"] for _, inputs in hidden_inputs("Relu")]
    assert all(np.any(x == 0) and np.any(x < 0) for x in xs)
    assert any(np.all(x <= 0) for x in xs)
    shapes = [x.shape for x in xs]
    assert any(len(s) == 1 for s in shapes) and any(len(s) == 2 and s[0] == 1 for s in shapes)
    assert any(len(s) == 2 and s[0] > 1 for s in shapes)


def test_hidden_sigmoid_cases_reach_huge_values_without_warnings():
    huge = [inputs for _, inputs in hidden_inputs("Sigmoid") if np.max(np.abs(inputs["x"])) >= 1000]
    assert huge and np.min(huge[0]["x"]) <= -1000 and np.max(huge[0]["x"]) >= 1000
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _, inputs in hidden_inputs("Sigmoid"):
            LESSON.exercises["Sigmoid"].expected(ref, inputs)


def test_hidden_shopping_cases_cover_the_edges():
    cases = [inputs for _, inputs in hidden_inputs("buy_apples_and_oranges")]
    assert any(np.all(np.asarray(c["apple_num"]) == 0) for c in cases)
    assert any(c["tax"] == 1.0 for c in cases if np.ndim(c["tax"]) == 0)
    assert any(np.ndim(c["apple"]) == 1 for c in cases)
    lecture = public_inputs("buy_apples_and_oranges")[0]
    assert all(np.ndim(c["apple"]) > 0 or c != lecture for c in cases)


def test_graph_helpers_carry_the_lectures_numbers():
    price, grads = ref.buy_apples_and_oranges(100, 2, 150, 3, 1.1)
    nodes, edges = compgraph.shopping_graph(price, grads)
    labels = {(start, end): (forward, backward) for start, end, forward, backward in edges}
    assert labels[("mul_tax", "price")] == ("715", "1")
    assert labels[("tax", "mul_tax")] == ("1.1", "650")
    assert labels[("apple", "mul_apple")] == ("100", "2.2")
    assert labels[("orange_num", "mul_orange")] == ("3", "165")
    assert labels[("add", "mul_tax")] == ("650", "1.1")
    assert set(nodes) >= {start for start, _, _, _ in edges} | {end for _, end, _, _ in edges}
    price, grads = ref.buy_apples(100, 2, 1.1)
    _, edges = compgraph.apple_graph(price, grads)
    assert [e[3] for e in edges] == ["2.2", "110", "1.1", "200", "1"]


def test_graphs_draw_without_warnings():
    import matplotlib.pyplot as plt

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for nodes, edges in (compgraph.apple_graph(), compgraph.shopping_graph(), compgraph.one_node_graph(),
                             compgraph.chain_rule_graph(), compgraph.add_node_graph(), compgraph.mul_node_graph(),
                             compgraph.sigmoid_graph()):
            fig = compgraph.draw_graph(nodes, edges, title="그래프")
            fig.canvas.draw()
            plt.close(fig)
