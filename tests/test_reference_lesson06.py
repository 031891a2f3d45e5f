"""The reference solutions of lesson 06: the lecture's numbers, gradients checked numerically, and training."""
import contextlib

import numpy as np
import pytest

from dlutils.given.lesson06 import Relu
from dlutils.gradcheck import numerical_gradient
from dlutils.reference import lesson06 as ref
from testcases.engine import lessons
from testcases.lesson06 import exercises


def public(name, index=0):
    return lessons.load("06").exercises[name].public()[index].inputs


def test_lecture_numbers_are_reproduced():
    """The lecture's db example, the textbook cross-entropy 0.51 and a softmax that survives 1010."""
    dY = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    layer = ref.Affine(np.zeros((2, 3)), np.zeros(3))
    layer.forward(np.ones((2, 2)))
    layer.backward(dY)
    np.testing.assert_array_equal(layer.db, [5.0, 7.0, 9.0])
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    assert ref.cross_entropy_error(y, np.eye(10)[2]) == pytest.approx(0.510825457099338, abs=1e-12)
    assert ref.cross_entropy_error(y, np.array(2)) == pytest.approx(0.510825457099338, abs=1e-12)
    assert ref.cross_entropy_error(y, np.eye(10)[3]) == pytest.approx(-np.log(1e-7))
    with np.errstate(all="raise"):
        big = ref.softmax(np.array([1010.0, 1000.0, 990.0]))
    np.testing.assert_allclose(big, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09], rtol=1e-6)


def test_softmax_rows_and_vectors():
    x = np.array([[0.3, 2.9, 4.0], [1010.0, 1000.0, 990.0], [-1000.0, -1001.0, -999.0]])
    y = ref.softmax(x)
    np.testing.assert_allclose(y.sum(axis=1), 1.0)
    for row, probabilities in zip(x, y):
        np.testing.assert_allclose(ref.softmax(row), probabilities)
    assert np.argmax(y[1]) == 0 and np.all(np.isfinite(y))


def test_cross_entropy_is_a_batch_mean_for_both_label_kinds():
    rng = np.random.default_rng(3)
    y = ref.softmax(rng.standard_normal((5, 4)))
    labels = rng.integers(0, 4, size=5)
    one_hot = np.eye(4)[labels]
    expected = -np.mean(np.log(y[np.arange(5), labels] + 1e-7))
    assert ref.cross_entropy_error(y, labels) == pytest.approx(expected)
    assert ref.cross_entropy_error(y, one_hot) == pytest.approx(expected)
    assert ref.cross_entropy_error(y[:1], labels[:1]) == pytest.approx(ref.cross_entropy_error(y[0], one_hot[0]))


def test_affine_gradients_match_numerical_ones():
    rng = np.random.default_rng(0)
    x, W, b = rng.standard_normal((4, 3)), rng.standard_normal((3, 5)), rng.standard_normal(5)
    weights = rng.standard_normal((4, 5))
    layer = ref.Affine(W, b)

    def loss():
        return float(np.sum(layer.forward(x) * weights))
    loss()
    dx = layer.backward(weights)
    np.testing.assert_allclose(layer.dW, numerical_gradient(loss, W), atol=1e-7)
    np.testing.assert_allclose(layer.db, numerical_gradient(loss, b), atol=1e-7)
    np.testing.assert_allclose(dx, numerical_gradient(loss, x), atol=1e-7)


@pytest.mark.parametrize("labels_as_integers", [False, True])
def test_softmax_with_loss_backward_is_the_gradient_of_the_mean_loss(labels_as_integers):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((4, 3))
    labels = rng.integers(0, 3, size=4)
    t = labels if labels_as_integers else np.eye(3)[labels]
    layer = ref.SoftmaxWithLoss()
    layer.forward(x, t)
    dx = layer.backward()
    numerical = numerical_gradient(lambda: ref.SoftmaxWithLoss().forward(x, t), x)
    # the 1e-7 inside the log moves the true gradient by a relative 1e-7 / y[right class]
    np.testing.assert_allclose(dx, numerical, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(dx, (ref.softmax(x) - np.eye(3)[labels]) / 4)


def test_two_layer_net_gradient_check_and_shared_parameters():
    rng = np.random.default_rng(2)
    net = ref.TwoLayerNet(6, 5, 4, weight_init_std=0.5)
    assert net.layers["Affine1"].W is net.params["W1"] and net.layers["Affine2"].b is net.params["b2"]
    x, labels = rng.standard_normal((3, 6)), rng.integers(0, 4, size=3)
    for t in (labels, np.eye(4)[labels]):
        backprop, numerical = net.gradient(x, t), net.numerical_gradient(x, t)
        for key in ref.PARAMETER_NAMES:
            assert np.mean(np.abs(backprop[key] - numerical[key])) < 1e-6
    assert net.accuracy(x, labels) == net.accuracy(x, np.eye(4)[labels])


def test_exercises_know_the_constructors_seed_and_draws():
    inputs = public("TwoLayerNet")
    net = ref.TwoLayerNet(inputs["input_size"], inputs["hidden_size"], inputs["output_size"], inputs["weight_init_std"])
    assert exercises.NET_SEED == ref.NET_SEED
    for key, value in exercises._initial_params(inputs).items():
        np.testing.assert_array_equal(net.params[key], value)
    values = exercises._forward_backward(net.params, inputs["x"], inputs["t"])
    grads = net.gradient(inputs["x"], inputs["t"])
    numerical = net.numerical_gradient(inputs["x"], inputs["t"])
    for key in ref.PARAMETER_NAMES:
        np.testing.assert_allclose(values["grads"][key], grads[key], atol=1e-12)
        np.testing.assert_allclose(values["exact"][key], numerical[key], rtol=1e-6, atol=1e-10)
    assert not np.allclose(values["skip_relu"]["W1"], grads["W1"]), "the public case must tell a skipped Relu"


def test_relu_layer_does_not_change_its_inputs():
    relu = Relu()
    x = np.array([[1.0, -0.5], [-2.0, 3.0]])
    dout = np.ones_like(x)
    np.testing.assert_array_equal(relu.forward(x), [[1.0, 0.0], [0.0, 3.0]])
    np.testing.assert_array_equal(relu.backward(dout), [[1.0, 0.0], [0.0, 1.0]])
    np.testing.assert_array_equal(x, [[1.0, -0.5], [-2.0, 3.0]])
    np.testing.assert_array_equal(dout, np.ones((2, 2)))


def test_mini_batch_training_reaches_90_percent_on_held_out_digits():
    """The lesson's training cell: 4,000 digits (400 per class), 20 epochs of the lecture's setup."""
    from dlutils.data import load_mnist
    images, labels = load_mnist(normalize=True, flatten=True, one_hot=True)
    digits = labels.argmax(axis=1)
    rng = np.random.default_rng(0)
    train, test = [], []
    for digit in range(10):
        index = rng.permutation(np.flatnonzero(digits == digit))
        train.extend(index[:400])
        test.extend(index[400:])
    train = rng.permutation(train)
    x_train, t_train, x_test, t_test = images[train], labels[train], images[test], labels[test]
    try:  # one BLAS thread: small matrices, and no fight for the cores with other test workers
        from threadpoolctl import threadpool_limits
    except ImportError:
        threadpool_limits = contextlib.nullcontext
    with threadpool_limits(1):
        net = ref.TwoLayerNet(784, 50, 10)
        for _ in range(20 * 40):
            mask = np.random.choice(4000, 100)
            grads = net.gradient(x_train[mask], t_train[mask])
            for key in ref.PARAMETER_NAMES:
                net.params[key] -= 0.1 * grads[key]
        assert net.accuracy(x_test, t_test) >= 0.90
