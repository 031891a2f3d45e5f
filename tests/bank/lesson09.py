"""Student answers for lesson 09: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain (``None`` where only the hidden cases can catch the mistake).
Examples are columns: ``softmax`` normalises columns, the losses average over columns,
``make_mini_batches`` shuffles and cuts columns.
"""
from bank import Answer

TRAIN = '''
def train(X, Y, layer_dims, batch_size, epochs, learning_rate, seed=0):
    parameters = initialize_parameters_he(layer_dims, {init_seed})
    costs = []
    for epoch in range(epochs):
        {before}
        for X_batch, Y_batch in make_mini_batches({batches}):
            ZL, caches = forward_logits(X_batch, parameters)
            AL = {AL}
            dZL = {dZL}
            grads = backward_from_dZ(dZL, caches)
            for key in parameters:
                parameters[key] = parameters[key] {sign} learning_rate * grads["d" + key]
        {after}
    return parameters, costs
'''
FULL_COST = "costs.append(categorical_cross_entropy(softmax(forward_logits(X, parameters)[0]), Y))"


def train(init_seed="seed", batches="X, Y, batch_size, seed + epoch", AL="softmax(ZL)",
          dZL="(AL - Y_batch) / X_batch.shape[1]", sign="-", before="pass", after=FULL_COST):
    """A train answer with one part written as given."""
    return TRAIN.format(init_seed=init_seed, batches=batches, AL=AL, dZL=dZL, sign=sign, before=before, after=after)


MINI_BATCHES = '''
def make_mini_batches(X, Y, batch_size, seed=0):
    m = X.shape[1]
    rng = np.random.default_rng(seed)
    {shuffle}
    mini_batches = []
    for start in range({stop}):
        mini_batches.append((X_shuffled[:, start:start + batch_size], Y_shuffled[:, start:start + batch_size]))
    return mini_batches
'''
ONE_PERMUTATION = "permutation = rng.permutation(m)\n    X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation]"


def mini_batches(shuffle=ONE_PERMUTATION, stop="0, m, batch_size"):
    return MINI_BATCHES.format(shuffle=shuffle, stop=stop)


WRONG = {
    # tanh
    "tanh_naive_overflow": Answer("tanh", """
def tanh(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
""", "overflow"),
    "tanh_sigmoid": Answer("tanh", """
def tanh(x):
    return 1 / (1 + np.exp(-x))
""", "시그모이드"),
    "tanh_2sigmoid_x": Answer("tanh", """
def tanh(x):
    return 2 * sigmoid(x) - 1
""", "2σ(2x) - 1"),
    # d_tanh
    "d_tanh_of_activation": Answer("d_tanh", """
def d_tanh(x):
    return 1 - x ** 2
""", "1 - x ** 2가 아니라"),
    "d_tanh_not_squared": Answer("d_tanh", """
def d_tanh(x):
    return 1 - np.tanh(x)
""", "제곱"),
    "d_tanh_sigmoid_style": Answer("d_tanh", """
def d_tanh(x):
    t = tanh(x)
    return t * (1 - t)
""", "시그모이드의 도함수 모양"),
    # leaky_relu
    "leaky_slope_wrong_side": Answer("leaky_relu", """
def leaky_relu(x, alpha=0.01):
    return np.where(x > 0, alpha * x, x)
""", "양수 쪽에"),
    "leaky_plain_relu": Answer("leaky_relu", """
def leaky_relu(x, alpha=0.01):
    return np.maximum(0, x)
""", "보통의 ReLU"),
    "leaky_alpha_hard_coded": Answer("leaky_relu", """
def leaky_relu(x, alpha=0.01):
    return np.where(x > 0, x, 0.01 * x)
""", "0.01로 적어 넣지 말고"),
    # d_leaky_relu
    "d_leaky_one_at_zero": Answer("d_leaky_relu", """
def d_leaky_relu(x, alpha=0.01):
    return np.where(x >= 0, 1.0, alpha)
""", "x = 0에서의 기울기는 alpha"),
    "d_leaky_wrong_side": Answer("d_leaky_relu", """
def d_leaky_relu(x, alpha=0.01):
    return np.where(x > 0, alpha, 1.0)
""", "1과 alpha가 바뀌었습니다"),
    "d_leaky_relu_derivative": Answer("d_leaky_relu", """
def d_leaky_relu(x, alpha=0.01):
    return (x > 0).astype(float)
""", "0이 아니라 alpha"),
    "d_leaky_alpha_hard_coded": Answer("d_leaky_relu", """
def d_leaky_relu(x, alpha=0.01):
    return np.where(x > 0, 1.0, 0.01)
""", "0.01로 적어 넣지 말고"),
    # softmax
    "softmax_rows": Answer("softmax", """
def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)
""", "axis=1"),
    "softmax_no_shift": Answer("softmax", """
def softmax(z):
    e = np.exp(z)
    return e / np.sum(e, axis=0, keepdims=True)
""", "열마다 그 열의 최댓값을 빼고"),
    "softmax_global_max": Answer("softmax", """
def softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e, axis=0, keepdims=True)
""", "0 / 0"),
    "softmax_global_sum": Answer("softmax", """
def softmax(z):
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e)
""", "행렬 전체를 더합니다"),
    "softmax_row_max": Answer("softmax", """
def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
""", "열마다 그 열의 최댓값"),
    # mse
    "mse_no_half": Answer("mse", """
def mse(y_hat, y):
    return np.sum((y_hat - y) ** 2) / y.shape[1]
""", "1/2을 곱하지"),
    "mse_mean_of_everything": Answer("mse", """
def mse(y_hat, y):
    return np.mean((y_hat - y) ** 2) / 2
""", "K * m개 원소"),
    "mse_divides_by_rows": Answer("mse", """
def mse(y_hat, y):
    return np.sum((y_hat - y) ** 2) / (2 * y.shape[0])
""", "열의 수 y.shape[1]"),
    # binary_cross_entropy
    "bce_no_clip": Answer("binary_cross_entropy", """
def binary_cross_entropy(y_hat, y):
    m = y.shape[1]
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)) / m
""", "np.clip"),
    "bce_delta_1e7": Answer("binary_cross_entropy", """
def binary_cross_entropy(y_hat, y):
    m = y.shape[1]
    delta = 1e-7
    return -np.sum(y * np.log(y_hat + delta) + (1 - y) * np.log(1 - y_hat + delta)) / m
""", "eps는 1e-12"),
    "bce_no_minus": Answer("binary_cross_entropy", """
def binary_cross_entropy(y_hat, y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)) / y.shape[1]
""", "마이너스 부호"),
    "bce_positive_term_only": Answer("binary_cross_entropy", """
def binary_cross_entropy(y_hat, y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -np.sum(y * np.log(y_hat)) / y.shape[1]
""", "(1 - y) * log(1 - y_hat) 항이 빠졌습니다"),
    # categorical_cross_entropy
    "cce_no_clip": Answer("categorical_cross_entropy", """
def categorical_cross_entropy(y_hat, y):
    return -np.sum(y * np.log(y_hat)) / y.shape[1]
""", "np.clip"),
    "cce_lesson06_delta": Answer("categorical_cross_entropy", """
def categorical_cross_entropy(y_hat, y):
    return -np.sum(y * np.log(y_hat + 1e-7)) / y.shape[1]
""", "06 실습의 1e-7이 아니라"),
    "cce_mean_of_everything": Answer("categorical_cross_entropy", """
def categorical_cross_entropy(y_hat, y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -np.mean(y * np.log(y_hat))
""", "K * m개 원소"),
    "cce_divides_by_rows": Answer("categorical_cross_entropy", """
def categorical_cross_entropy(y_hat, y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -np.sum(y * np.log(y_hat)) / y.shape[0]
""", "행(클래스)의 수"),
    "cce_binary_formula": Answer("categorical_cross_entropy", """
def categorical_cross_entropy(y_hat, y):
    y_hat = np.clip(y_hat, 1e-12, 1 - 1e-12)
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)) / y.shape[1]
""", "이진 분류처럼"),
    # make_mini_batches
    "batches_drop_last": Answer("make_mini_batches", mini_batches(stop="0, m - m % batch_size, batch_size"),
                                "버리지 말고"),
    "batches_two_permutations": Answer("make_mini_batches", mini_batches(
        shuffle="X_shuffled = X[:, rng.permutation(m)]\n    Y_shuffled = Y[:, rng.permutation(m)]"),
        "서로 다른 순서로 섞였습니다"),
    "batches_no_shuffle": Answer("make_mini_batches", mini_batches(shuffle="X_shuffled, Y_shuffled = X, Y"),
                                 "섞지 않고"),
    "batches_global_rng": Answer("make_mini_batches", mini_batches(shuffle=(
        "np.random.seed(seed)\n    permutation = np.random.permutation(m)\n"
        "    X_shuffled, Y_shuffled = X[:, permutation], Y[:, permutation]")), "default_rng(seed)"),
    "batches_shuffle_rows": Answer("make_mini_batches", mini_batches(shuffle=(
        "permutation = rng.permutation(m)\n    X_shuffled, Y_shuffled = X[permutation], Y[permutation]")),
        "열을 섞으세요"),
    "batches_examples_as_rows": Answer("make_mini_batches", mini_batches().replace("m = X.shape[1]", "m = X.shape[0]"),
                                       "X.shape[1]"),
    # train
    "train_same_seed_every_epoch": Answer("train", train(batches="X, Y, batch_size, seed"), "seed + e"),
    "train_divides_by_all_examples": Answer("train", train(dZL="(AL - Y_batch) / X.shape[1]"),
                                            "이번 미니배치의 예제 수"),
    "train_no_division": Answer("train", train(dZL="AL - Y_batch"), "X_batch.shape[1]로 나누세요"),
    "train_no_softmax": Answer("train", train(AL="ZL"), "softmax를 적용하지 않은"),
    "train_gradient_ascent": Answer("train", train(sign="+"), "빼기"),
    "train_seed_ignored": Answer("train", train(init_seed="0", batches="X, Y, batch_size, epoch"), "seed 인자를 쓰세요"),
    "train_cost_of_last_batch": Answer("train", train(after=(
        "costs.append(categorical_cross_entropy(softmax(forward_logits(X_batch, parameters)[0]), Y_batch))")),
        "마지막 미니배치"),
    "train_cost_before_epoch": Answer("train", train(before=FULL_COST, after="pass"), "시작하기 전에"),
}

CORRECT = {
    "tanh_stable_formula": Answer("tanh", """
def tanh(x):
    e = np.exp(-2 * np.abs(x))
    return np.sign(x) * (1 - e) / (1 + e)
"""),
    "tanh_via_sigmoid": Answer("tanh", """
def tanh(x):
    return 2 * sigmoid(2 * x) - 1
"""),
    "d_tanh_product_without_tanh_cell": Answer("d_tanh", """
def d_tanh(x):
    t = np.tanh(x)
    return (1 - t) * (1 + t)
"""),
    "leaky_maximum": Answer("leaky_relu", """
def leaky_relu(x, alpha=0.01):
    return np.maximum(alpha * x, x)
"""),
    "leaky_copy_and_mask": Answer("leaky_relu", """
def leaky_relu(x, alpha=0.01):
    A = np.array(x, dtype=float, copy=True)
    A[A <= 0] *= alpha
    return A
"""),
    "d_leaky_mask_arithmetic": Answer("d_leaky_relu", """
def d_leaky_relu(x, alpha=0.01):
    positive = (x > 0).astype(float)
    return positive + alpha * (1 - positive)
"""),
    "softmax_without_keepdims": Answer("softmax", """
def softmax(z):
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)
"""),
    "softmax_column_loop": Answer("softmax", """
def softmax(z):
    A = np.zeros(z.shape)
    for j in range(z.shape[1]):
        e = np.exp(z[:, j] - np.max(z[:, j]))
        A[:, j] = e / np.sum(e)
    return A
"""),
    "mse_per_example_mean": Answer("mse", """
def mse(y_hat, y):
    per_example = 0.5 * np.sum((y_hat - y) ** 2, axis=0)
    return float(np.mean(per_example))
"""),
    "bce_mean_and_min_max": Answer("binary_cross_entropy", """
def binary_cross_entropy(y_hat, y):
    eps = 1e-12
    p = np.minimum(np.maximum(y_hat, eps), 1 - eps)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
"""),
    "cce_pick_true_class": Answer("categorical_cross_entropy", """
def categorical_cross_entropy(y_hat, y):
    p = np.clip(y_hat, 1e-12, 1 - 1e-12)
    true_class = np.argmax(y, axis=0)
    return -np.mean(np.log(p[true_class, np.arange(y.shape[1])]))
"""),
    "batches_shuffle_index_and_while": Answer("make_mini_batches", """
def make_mini_batches(X, Y, batch_size, seed=0):
    m = X.shape[1]
    order = np.arange(m)
    np.random.default_rng(seed).shuffle(order)
    batches, start = [], 0
    while start < m:
        columns = order[start:start + batch_size]
        batches.append((X[:, columns], Y[:, columns]))
        start += batch_size
    return batches
"""),
    "train_dict_comprehension_and_counter": Answer("train", """
def train(X, Y, layer_dims, batch_size, epochs, learning_rate, seed=0):
    parameters = initialize_parameters_he(layer_dims, seed)
    costs = []
    for epoch in range(epochs):
        batches = make_mini_batches(X, Y, batch_size, seed + epoch)
        for X_batch, Y_batch in batches:
            m_b = X_batch.shape[1]
            ZL, caches = forward_logits(X_batch, parameters)
            grads = backward_from_dZ((softmax(ZL) - Y_batch) / m_b, caches)
            parameters = {name: value - learning_rate * grads["d" + name] for name, value in parameters.items()}
        ZL_all, _ = forward_logits(X, parameters)
        costs.append(categorical_cross_entropy(softmax(ZL_all), Y))
    return parameters, costs
"""),
    "train_keyword_seed": Answer("train", train(batches="X, Y, batch_size=batch_size, seed=seed + epoch")),
    "train_in_place_updates": Answer("train", """
def train(X, Y, layer_dims, batch_size, epochs, learning_rate, seed=0):
    parameters = initialize_parameters_he(layer_dims, seed)
    L = len(layer_dims) - 1
    costs = []
    for epoch in range(epochs):
        for X_batch, Y_batch in make_mini_batches(X, Y, batch_size, seed + epoch):
            ZL, caches = forward_logits(X_batch, parameters)
            dZL = (softmax(ZL) - Y_batch) / X_batch.shape[1]
            grads = backward_from_dZ(dZL, caches)
            for l in range(1, L + 1):
                parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
                parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
        costs.append(categorical_cross_entropy(softmax(forward_logits(X, parameters)[0]), Y))
    return parameters, costs
"""),
}
