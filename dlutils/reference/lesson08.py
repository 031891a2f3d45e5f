"""Reference solutions for lesson 08, a deep network applied to images.

The models are built from the helpers of ``dlutils.given.lesson08`` (lesson 07's
functions and He initialisation). Conventions of lesson 07: examples are columns
(``X`` has shape ``(n_x, m)``, ``Y`` shape ``(1, m)`` of 0/1 labels).

Both models record the cost every ``COST_EVERY`` iterations (``i = 0, 100, 200, ...``,
the cost of the parameters before that iteration's update) and return
``(parameters, costs)``; ``print_cost=True`` prints the same costs.
"""
import numpy as np

from dlutils.given.lesson08 import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_he,
    linear_activation_backward,
    linear_activation_forward,
    update_parameters,
)

COST_EVERY = 100


def _record(costs, i, cost, print_cost):
    if i % COST_EVERY == 0:
        costs.append(cost)
        if print_cost:
            print(f"반복 {i:5d}: 비용 {cost:.6f}")


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """LINEAR->RELU->LINEAR->SIGMOID trained by full-batch gradient descent.

    ``layers_dims = (n_x, n_h, n_y)``. Seeds numpy with 1, starts from
    ``initialize_parameters(n_x, n_h, n_y)`` (which seeds 1 itself) and runs
    ``num_iterations`` steps of forward, cost, backward and update, layer by layer.
    """
    np.random.seed(1)
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        _record(costs, i, cost, print_cost)
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """[LINEAR->RELU] x (L-1) -> LINEAR->SIGMOID trained by full-batch gradient descent.

    Seeds numpy with 1, starts from ``initialize_parameters_he(layers_dims)`` and runs
    ``num_iterations`` steps of ``L_model_forward``, ``compute_cost``,
    ``L_model_backward`` and ``update_parameters``.
    """
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_he(layers_dims)
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        _record(costs, i, cost, print_cost)
    return parameters, costs


def predict(X, y, parameters):
    """0/1 predictions ``(1, m)`` of the network ``parameters``: 1 where the probability is > 0.5.

    A probability of exactly 0.5 gives 0, as in the anchor lab. Prints the accuracy
    against the labels ``y``.
    """
    probabilities, _ = L_model_forward(X, parameters)
    p = (probabilities > 0.5).astype(float)
    print(f"정확도: {np.mean(p == y):.4f}")
    return p
