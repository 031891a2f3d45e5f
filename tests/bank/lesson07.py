"""Student answers for lesson 07: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain, so the public check's diagnosis is tested too (``None`` where
only the hidden tests can catch the mistake).
"""
from bank import Answer


WRONG = {
    # initialize_parameters
    "init2_no_scale": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x)
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h)
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""", "0.01을 곱하지"),
    "init2_transposed": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_x, n_h) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_h, n_y) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""", "전치"),
    "init2_draw_order": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W2 = np.random.randn(n_y, n_h) * 0.01
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""", "W1을 먼저"),
    "init2_bias_ones": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.ones((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.ones((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""", "np.zeros"),
    "init2_uniform": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.rand(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.rand(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""", "randn"),
    "init2_flat_bias": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(n_h)
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(n_y)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
""", "(n, 1) 열 벡터"),
    # initialize_parameters_deep
    "deep_init_misses_last_layer": Answer("initialize_parameters_deep", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims) - 1):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""", "빠진 키"),
    "deep_init_no_scale": Answer("initialize_parameters_deep", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
""", "0.01을 곱하지"),
    "deep_init_flat_bias": Answer("initialize_parameters_deep", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros(layer_dims[l])
    return parameters
""", "np.zeros((n, 1))"),
    "deep_init_hard_coded_dims": Answer("initialize_parameters_deep", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l, (n, n_prev) in enumerate([(4, 5), (3, 4)], start=1):
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * 0.01
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters
"""),
    "deep_init_key_without_str": Answer("initialize_parameters_deep", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + l] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + l] = np.zeros((layer_dims[l], 1))
    return parameters
""", '"W" + str(l)'),
    # linear_forward
    "linear_forward_no_bias": Answer("linear_forward", """
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    return Z, (A, W, b)
""", "편향 b를 더하지"),
    "linear_forward_hard_coded": Answer("linear_forward", """
def linear_forward(A, W, b):
    Z = np.array([[3.26295337, -1.23429987]])
    return Z, (A, W, b)
"""),
    "linear_forward_cache_order": Answer("linear_forward", """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    return Z, (W, A, b)
""", "(A_prev, W, b) 순서"),
    "linear_forward_calls_reference": Answer("linear_forward", """
from dlutils.reference.lesson07 import linear_forward as reference_linear_forward

def linear_forward(A, W, b):
    return reference_linear_forward(A, W, b)
""", "참조 구현"),
    # linear_activation_forward
    "laf_swapped": Answer("linear_activation_forward", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = relu(Z)
    else:
        A, activation_cache = sigmoid(Z)
    return A, (linear_cache, activation_cache)
""", "sigmoid와 relu가 바뀌었습니다"),
    "laf_no_activation": Answer("linear_activation_forward", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    return Z, (linear_cache, Z)
""", "Z를 그대로"),
    "laf_caches_A": Answer("linear_activation_forward", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A = sigmoid(Z)[0] if activation == "sigmoid" else relu(Z)[0]
    return A, (linear_cache, A)
""", "활성화 전의 Z"),
    # L_model_forward
    "lmf_all_sigmoid": Answer("L_model_forward", """
def L_model_forward(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "sigmoid")
        caches.append(cache)
    return A, caches
""", "은닉층에 sigmoid"),
    "lmf_last_relu": Answer("L_model_forward", """
def L_model_forward(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    return A, caches
""", "마지막 층은 sigmoid"),
    "lmf_forgets_last_cache": Answer("L_model_forward", """
def L_model_forward(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    return AL, caches
""", "마지막 층의 캐시"),
    "lmf_caches_inserted_first": Answer("L_model_forward", """
def L_model_forward(X, parameters):
    caches, A, L = [], X, len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.insert(0, cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.insert(0, cache)
    return AL, caches
""", "caches.insert(0, cache)는"),
    "lmf_three_layers_only": Answer("L_model_forward", """
def L_model_forward(X, parameters):
    caches, A = [], X
    for l in (1, 2):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W3"], parameters["b3"], "sigmoid")
    caches.append(cache)
    return AL, caches
"""),
    # compute_cost
    "cost_missing_negative_class": Answer("compute_cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -np.sum(Y * np.log(AL)) / m
""", "(1 - Y) * log(1 - AL)"),
    "cost_no_mean": Answer("compute_cost", """
def compute_cost(AL, Y):
    return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
""", "m으로 나누지"),
    "cost_matrix_1x1": Answer("compute_cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
""", "(1, 1)"),
    "cost_no_minus": Answer("compute_cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
""", "마이너스 부호"),
    "cost_keepdims_1x1": Answer("compute_cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=1, keepdims=True) / m
""", "np.squeeze(...)"),
    # linear_backward
    "lb_dW_no_mean": Answer("linear_backward", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T), np.sum(dZ, axis=1, keepdims=True) / m
""", "1/m을 곱하지"),
    "lb_db_no_keepdims": Answer("linear_backward", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1) / m
""", "keepdims=True"),
    "lb_db_sums_everything": Answer("linear_backward", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    db = np.sum(dZ) / m * np.ones_like(b)
    return np.dot(W.T, dZ), np.dot(dZ, A_prev.T) / m, db
""", "모든 원소를 더합니다"),
    "lb_dA_prev_mean": Answer("linear_backward", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    return np.dot(W.T, dZ) / m, np.dot(dZ, A_prev.T) / m, np.sum(dZ, axis=1, keepdims=True) / m
""", "1/m이 없습니다"),
    # linear_activation_backward
    "lab_swapped": Answer("linear_activation_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    backward = relu_backward if activation == "sigmoid" else sigmoid_backward
    return linear_backward(backward(dA, activation_cache), linear_cache)
""", "sigmoid와 relu가 바뀌었습니다"),
    "lab_sigmoid_derivative": Answer("linear_activation_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "sigmoid":
        dZ = dA * sigmoid(Z)[0]
    else:
        dZ = relu_backward(dA, Z)
    return linear_backward(dZ, linear_cache)
""", "s * (1 - s)"),
    "lab_relu_overwrites_dA": Answer("linear_activation_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = dA
        dZ[activation_cache <= 0] = 0
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db
""", "np.array(dA, copy=True)"),
    # L_model_backward
    "lmb_dAL_sign": Answer("L_model_backward", """
def L_model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)
    for l in reversed(range(L)):
        activation = "sigmoid" if l == L - 1 else "relu"
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)] = dA
    return grads
""", "dAL의 부호"),
    "lmb_activations_swapped": Answer("L_model_backward", """
def L_model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        activation = "relu" if l == L - 1 else "sigmoid"
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l)] = dA
    return grads
""", "둘이 바뀌었습니다"),
    "lmb_key_off_by_one": Answer("L_model_backward", """
def L_model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(L)):
        activation = "sigmoid" if l == L - 1 else "relu"
        dA, grads["dW" + str(l + 1)], grads["db" + str(l + 1)] = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l + 1)] = dA
    return grads
""", "빠진 키"),
    "lmb_caches_index_L": Answer("L_model_backward", """
def L_model_backward(AL, Y, caches):
    grads, L = {}, len(caches)
    Y = Y.reshape(AL.shape)
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA = dAL
    for l in range(L, 0, -1):
        activation = "sigmoid" if l == L else "relu"
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l], activation)
        grads["dA" + str(l - 1)] = dA
    return grads
""", "범위"),
    # update_parameters
    "update_plus": Answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    parameters = dict(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] + learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] + learning_rate * grads["db" + str(l)]
    return parameters
""", "반대 방향"),
    "update_only_W": Answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    parameters = dict(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
    return parameters
""", "b도 업데이트"),
    "update_skips_last_layer": Answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    parameters = dict(parameters)
    L = len(parameters) // 2
    for l in range(1, L):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters
""", "모든 층"),
    "update_no_learning_rate": Answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    parameters = dict(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - grads["db" + str(l)]
    return parameters
""", "학습률"),
}

CORRECT = {
    "init2_divide_by_100": Answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    shapes = {"W1": (n_h, n_x), "W2": (n_y, n_h)}
    parameters = {}
    for name, shape in shapes.items():
        parameters[name] = np.random.randn(*shape) / 100
        parameters["b" + name[1]] = np.zeros((shape[0], 1))
    return parameters
"""),
    "deep_init_fstrings": Answer("initialize_parameters_deep", """
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        parameters[f"W{l}"] = 0.01 * np.random.randn(n, n_prev)
        parameters[f"b{l}"] = np.zeros((n, 1))
    return parameters
"""),
    "linear_forward_matmul": Answer("linear_forward", """
def linear_forward(A, W, b):
    Z = W @ A + b
    return Z, (A, W, b)
"""),
    "laf_manual_sigmoid": Answer("linear_activation_forward", """
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A = 1 / (1 + np.exp(-Z))
    else:
        A = Z * (Z > 0)
    return A, (linear_cache, Z)
"""),
    "lmf_one_loop": Answer("L_model_forward", """
def L_model_forward(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"], activation)
        caches.append(cache)
    return A, caches
"""),
    "cost_dot_squeeze": Answer("compute_cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return np.squeeze(cost)
"""),
    "cost_mean": Answer("compute_cost", """
def compute_cost(AL, Y):
    return -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
"""),
    "cost_keepdims_item": Answer("compute_cost", """
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), axis=1, keepdims=True) / m
    return cost.item()
"""),
    "lb_loops": Answer("linear_backward", """
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.zeros_like(W)
    db = np.zeros_like(b)
    for i in range(m):
        dW += np.outer(dZ[:, i], A_prev[:, i])
        db[:, 0] += dZ[:, i]
    return W.T @ dZ, dW / m, db / m
"""),
    "lab_relu_on_a_copy": Answer("linear_activation_backward", """
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)
"""),
    "lmb_inline_derivatives": Answer("L_model_backward", """
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(Y / AL - (1 - Y) / (1 - AL))
    for l in range(L, 0, -1):
        (A_prev, W, b), Z = caches[l - 1]
        if l == L:
            s = 1 / (1 + np.exp(-Z))
            dZ = dA * s * (1 - s)
        else:
            dZ = np.where(Z > 0, dA, 0.0)
        m = A_prev.shape[1]
        grads["dW" + str(l)] = dZ @ A_prev.T / m
        grads["db" + str(l)] = dZ.sum(axis=1, keepdims=True) / m
        dA = grads["dA" + str(l - 1)] = W.T @ dZ
    return grads
"""),
    "update_in_place": Answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    for key in list(parameters):
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
"""),
    "update_same_dict": Answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters
"""),
}
