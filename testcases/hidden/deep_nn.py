"""Hidden tests of lesson 07: random shapes and values, compared with the reference.

Inputs come from fixed seeds the students never see, with several layer sizes and
more than one output unit, so hard-coded answers and shape-specific code fail.
Reached through ``testcases.isolation.run_hidden``, which imports this module and
everything it uses afresh.
"""
import numpy as np

from dlutils.reference import deep_nn as ref
from testcases.checks.deep_nn import verify
from testcases.exercise import hidden_label

SEEDS = (11, 23, 37)


def _label(name, trial, shapes):
    return hidden_label(name, trial, len(SEEDS), shapes)


def _sizes(rng, count, low=1, high=7):
    return [int(n) for n in rng.integers(low, high, size=count)]


def _network(rng, n_layers):
    """Random ``X`` and parameters of a network with ``n_layers`` layers."""
    dims = _sizes(rng, n_layers + 1, low=2)
    m = int(rng.integers(2, 6))
    parameters = {}
    for l in range(1, n_layers + 1):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((dims[l], 1))
    return rng.standard_normal((dims[0], m)), parameters, dims


def _each_trial():
    for trial, seed in enumerate(SEEDS):
        yield trial, np.random.default_rng(seed)


def hidden_initialize_parameters(fn):
    for trial, rng in _each_trial():
        n_x, n_h, n_y = _sizes(rng, 3, low=2)
        verify("initialize_parameters", fn, {"n_x": n_x, "n_h": n_h, "n_y": n_y},
               ref.initialize_parameters(n_x, n_h, n_y), _label("initialize_parameters", trial, (n_x, n_h, n_y)))


def hidden_initialize_parameters_deep(fn):
    for trial, rng in _each_trial():
        dims = _sizes(rng, trial + 3, low=1, high=9)
        verify("initialize_parameters_deep", fn, {"layer_dims": dims},
               ref.initialize_parameters_deep(dims), _label("initialize_parameters_deep", trial, dims))


def _linear_inputs(rng):
    n_prev, n, m = _sizes(rng, 3, low=2)
    return (rng.standard_normal((n_prev, m)), rng.standard_normal((n, n_prev)),
            rng.standard_normal((n, 1)))


def hidden_linear_forward(fn):
    for trial, rng in _each_trial():
        A, W, b = _linear_inputs(rng)
        Z, _ = ref.linear_forward(A, W, b)
        verify("linear_forward", fn, {"A": A, "W": W, "b": b}, {"Z": Z},
               _label("linear_forward", trial, f"A {A.shape}, W {W.shape}"))


def hidden_linear_activation_forward(fn):
    for trial, rng in _each_trial():
        A_prev, W, b = _linear_inputs(rng)
        for activation in ("sigmoid", "relu"):
            A, _ = ref.linear_activation_forward(A_prev, W, b, activation)
            verify("linear_activation_forward", fn,
                   {"A_prev": A_prev, "W": W, "b": b, "activation": activation}, {"A": A},
                   _label(f"linear_activation_forward({activation!r})", trial, f"A_prev {A_prev.shape}, W {W.shape}"))


def hidden_L_model_forward(fn):
    for trial, rng in _each_trial():
        X, parameters, dims = _network(rng, n_layers=trial + 1 + (trial > 0))
        AL, caches = ref.L_model_forward(X, parameters)
        verify("L_model_forward", fn, {"X": X, "parameters": parameters},
               {"AL": AL, "len(caches)": len(caches)}, _label("L_model_forward", trial, f"layer_dims {dims}"))


def hidden_compute_cost(fn):
    for trial, rng in _each_trial():
        m = int(rng.integers(3, 9))
        AL = rng.uniform(0.05, 0.95, size=(1, m))
        Y = np.array([[1, 0] + [int(y) for y in rng.integers(0, 2, size=m - 2)]])
        verify("compute_cost", fn, {"AL": AL, "Y": Y}, {"cost": ref.compute_cost(AL, Y)},
               _label("compute_cost", trial, f"m = {m}"))


def hidden_linear_backward(fn):
    for trial, rng in _each_trial():
        A_prev, W, b = _linear_inputs(rng)
        dZ = rng.standard_normal((W.shape[0], A_prev.shape[1]))
        expected = dict(zip(("dA_prev", "dW", "db"), ref.linear_backward(dZ, (A_prev, W, b))))
        verify("linear_backward", fn, {"dZ": dZ, "cache": (A_prev, W, b)}, expected,
               _label("linear_backward", trial, f"A_prev {A_prev.shape}, W {W.shape}"))


def hidden_linear_activation_backward(fn):
    for trial, rng in _each_trial():
        A_prev, W, b = _linear_inputs(rng)
        Z = rng.standard_normal((W.shape[0], A_prev.shape[1]))
        dA = rng.standard_normal(Z.shape)
        cache = ((A_prev, W, b), Z)
        for activation in ("sigmoid", "relu"):
            expected = dict(zip(("dA_prev", "dW", "db"), ref.linear_activation_backward(dA, cache, activation)))
            verify("linear_activation_backward", fn, {"dA": dA, "cache": cache, "activation": activation},
                   expected, _label(f"linear_activation_backward({activation!r})", trial,
                                    f"A_prev {A_prev.shape}, W {W.shape}"))


def hidden_L_model_backward(fn):
    for trial, rng in _each_trial():
        X, parameters, dims = _network(rng, n_layers=trial + 2)
        AL, caches = ref.L_model_forward(X, parameters)
        AL = np.clip(AL, 0.02, 0.98)
        Y = (rng.uniform(size=AL.shape) < 0.5).astype(int)
        verify("L_model_backward", fn, {"AL": AL, "Y": Y, "caches": caches},
               ref.L_model_backward(AL, Y, caches), _label("L_model_backward", trial, f"layer_dims {dims}"))


def hidden_update_parameters(fn):
    for trial, rng in _each_trial():
        _, parameters, dims = _network(rng, n_layers=trial + 1)
        grads = {f"d{key}": rng.standard_normal(value.shape) for key, value in parameters.items()}
        learning_rate = float(rng.uniform(0.01, 0.5))
        verify("update_parameters", fn,
               {"parameters": parameters, "grads": grads, "learning_rate": learning_rate},
               ref.update_parameters(parameters, grads, learning_rate),
               _label("update_parameters", trial, f"layer_dims {dims}, learning_rate {learning_rate:.3f}"))
