"""Typical wrong answers of lesson 07: the outputs each would produce, with a hint.

A check compares a student's wrong output with these; when one reproduces it, the
failure message names the likely cause. Each function takes the exercise's inputs
and returns ``[(hint, {output name: wrong value or predicate}), ...]``.
Random draws use private ``RandomState`` objects, so the student's global seed
state is left alone.
"""
import numpy as np

from dlutils.activations import relu, relu_backward, sigmoid, sigmoid_backward

NO_SCALE = "가중치에 0.01을 곱하지 않았습니다. np.random.randn(...) * 0.01로 작은 값에서 시작하세요."
UNIFORM = "np.random.rand(균등분포)가 아니라 np.random.randn(표준정규분포)을 쓰세요."
NONZERO_BIAS = "편향은 np.zeros((n, 1))로 0에서 시작합니다."
SWAPPED = "sigmoid와 relu가 바뀌었습니다. activation 문자열에 맞는 함수를 부르는지 확인하세요."
NO_MEAN = "1/m을 곱하지 않았습니다. dW와 db는 m개 예제의 평균입니다."


def _nonzero(value):
    return isinstance(value, np.ndarray) and bool(np.any(value != 0))


def _weights(seed, layer_dims, sample, scale, order=None):
    """``W1..WL`` drawn from a fresh RandomState, layers taken in ``order``."""
    rng = np.random.RandomState(seed)
    layers = order or range(1, len(layer_dims))
    return {f"W{l}": getattr(rng, sample)(layer_dims[l], layer_dims[l - 1]) * scale for l in layers}


def initialize_parameters(n_x, n_h, n_y):
    dims = [n_x, n_h, n_y]
    return [(NO_SCALE, _weights(1, dims, "randn", 1)),
            (UNIFORM, _weights(1, dims, "rand", 0.01)),
            ("W1을 먼저, 그다음 W2를 뽑으세요. 난수를 뽑는 순서가 바뀌면 값이 달라집니다.",
             _weights(1, dims, "randn", 0.01, order=[2, 1])),
            (NONZERO_BIAS, {"b1": _nonzero, "b2": _nonzero})]


def initialize_parameters_deep(layer_dims):
    biases = {f"b{l}": _nonzero for l in range(1, len(layer_dims))}
    return [(NO_SCALE, _weights(3, layer_dims, "randn", 1)),
            (UNIFORM, _weights(3, layer_dims, "rand", 0.01)),
            (NONZERO_BIAS, biases)]


def linear_forward(A, W, b):
    return [("편향 b를 더하지 않았습니다: Z = W·A + b.", {"Z": np.dot(W, A)}),
            ("b를 빼지 말고 더하세요: Z = W·A + b.", {"Z": np.dot(W, A) - b})]


def linear_activation_forward(A_prev, W, b, activation):
    Z = np.dot(W, A_prev) + b
    other = relu if activation == "sigmoid" else sigmoid
    return [(SWAPPED, {"A": other(Z)[0]}),
            ("활성화 함수를 적용하지 않고 Z를 그대로 반환했습니다.", {"A": Z})]


def L_model_forward(X, parameters):
    L = len(parameters) // 2

    def forward(hidden, output):
        A = X
        for l in range(1, L + 1):
            Z = np.dot(parameters[f"W{l}"], A) + parameters[f"b{l}"]
            A = (output if l == L else hidden)(Z)[0]
        return {"AL": A}

    return [("은닉층은 relu, 마지막 층만 sigmoid입니다. 은닉층에 sigmoid를 썼습니다.", forward(sigmoid, sigmoid)),
            ("마지막 층은 sigmoid여야 합니다 (0과 1 사이의 확률을 내야 하므로).", forward(relu, relu)),
            ("은닉층과 출력층의 활성화가 뒤바뀌었습니다.", forward(sigmoid, relu))]


def compute_cost(AL, Y):
    m = Y.shape[1]
    positive = np.sum(Y * np.log(AL))
    negative = np.sum((1 - Y) * np.log(1 - AL))
    log10_cost = -np.sum(Y * np.log10(AL) + (1 - Y) * np.log10(1 - AL)) / m
    return [("(1 - Y) * log(1 - AL) 항이 빠졌습니다. y = 0인 예제도 비용에 들어가야 합니다.",
             {"cost": -positive / m}),
            ("앞의 마이너스 부호가 빠졌습니다. 교차 엔트로피 비용은 0 이상입니다.",
             {"cost": (positive + negative) / m}),
            ("m으로 나누지 않았습니다. 비용은 예제들의 평균입니다 (1/m).", {"cost": -(positive + negative)}),
            ("np.log(자연로그)를 쓰세요. log10이 아닙니다.", {"cost": log10_cost}),
            ("np.dot 결과가 (1, 1) 배열로 남았습니다.", {"cost": lambda got: np.shape(got) == (1, 1)})]


def _through_linear(wrong_dZ, linear_cache):
    """``[(hint, dZ)]`` carried through a correct linear backward step."""
    A_prev, W, _ = linear_cache
    m = A_prev.shape[1]
    return [(hint, {"dA_prev": np.dot(W.T, dZ), "dW": np.dot(dZ, A_prev.T) / m,
                    "db": np.sum(dZ, axis=1, keepdims=True) / m})
            for hint, dZ in wrong_dZ]


def linear_backward(dZ, cache):
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    return [(NO_MEAN, {"dW": np.dot(dZ, A_prev.T), "db": np.sum(dZ, axis=1, keepdims=True)}),
            ("np.sum(dZ)는 모든 원소를 더합니다. axis=1, keepdims=True로 행마다 더하세요.",
             {"db": np.full((dZ.shape[0], 1), np.sum(dZ) / m)}),
            ("dA_prev = W.T · dZ 에는 1/m이 없습니다.", {"dA_prev": np.dot(W.T, dZ) / m})]


def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    other = relu_backward if activation == "sigmoid" else sigmoid_backward
    wrong_dZ = [(SWAPPED, other(dA, Z))]
    if activation == "sigmoid":
        wrong_dZ.append(("시그모이드의 도함수는 s * (1 - s)입니다.", dA * sigmoid(Z)[0]))
    else:
        wrong_dZ.append(("relu_backward(dA, activation_cache)로 dZ를 구하세요. dZ가 dA 그대로입니다.", dA))
    return _through_linear(wrong_dZ, linear_cache)


def L_model_backward(AL, Y, caches, correct_grads):
    """Needs the correct gradients: the sign mistake is their negation."""
    L = len(caches)
    dAL = -(Y.reshape(AL.shape) / AL - (1 - Y.reshape(AL.shape)) / (1 - AL))

    def backward(hidden, output):
        grads, dA = {}, dAL
        for l in reversed(range(L)):
            (A_prev, W, _), Z = caches[l]
            [(_, step)] = _through_linear([("", (output if l == L - 1 else hidden)(dA, Z))],
                                          caches[l][0])
            dA = grads[f"dA{l}"] = step["dA_prev"]
            grads[f"dW{l + 1}"], grads[f"db{l + 1}"] = step["dW"], step["db"]
        return grads

    return [("dAL의 부호가 반대입니다: dAL = -(Y/AL - (1-Y)/(1-AL)).",
             {k: -v for k, v in correct_grads.items()}),
            ("마지막 층은 sigmoid, 은닉층은 relu로 역전파합니다 (둘이 바뀌었습니다).",
             backward(sigmoid_backward, relu_backward)),
            ("은닉층도 relu로 역전파해야 합니다 (모두 sigmoid를 썼습니다).",
             backward(sigmoid_backward, sigmoid_backward))]


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2

    def step(sign, rate, layers, keys="Wb"):
        new = dict(parameters)
        for l in layers:
            for key in keys:
                new[f"{key}{l}"] = parameters[f"{key}{l}"] + sign * rate * grads[f"d{key}{l}"]
        return new

    every = range(1, L + 1)
    return [("기울기의 반대 방향으로 움직이세요: W = W - α·dW (더하기가 아니라 빼기).",
             step(+1, learning_rate, every)),
            ("학습률 learning_rate를 곱하세요.", step(-1, 1, every)),
            ("b도 업데이트하세요.", step(-1, learning_rate, every, keys="W")),
            ("모든 층(l = 1 … L)을 업데이트하세요. range의 범위를 확인하세요.",
             step(-1, learning_rate, range(1, 2)))]
