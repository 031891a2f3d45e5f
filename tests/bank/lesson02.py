"""Student answers for lesson 02: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain (``None`` where only the hidden cases can catch the mistake).
The notebook imports ``sigmoid`` from ``dlutils.given.lesson02``: it returns the value
alone, and answers use it as is.
"""
from bank import Answer

FEED_FORWARD = '''
def feed_forward(x, parameters):
    cache = {{"a0": x}}
    L = len(parameters) // 2
    for l in range(1, L + 1):
        a_prev = cache["a" + str(l - 1)]
        W = parameters["W" + str(l)]
        b = parameters["b" + str(l)]
        z = {z}
        a = {a}
        cache["z" + str(l)] = {cached_z}
        cache["a" + str(l)] = a
    return a, cache
'''


def feed_forward(z="W @ a_prev + b", a="sigmoid(z)", cached_z="z"):
    """A feed_forward answer whose layer computes ``z`` and ``a`` as given."""
    return FEED_FORWARD.format(z=z, a=a, cached_z=cached_z)


FEED_FORWARD_BATCH = '''
def feed_forward_batch(X, parameters):
    cache = {{"a0": X}}
    A = X
    for l in range(1, {layers}):
        W = parameters["W" + str(l)]
        b = parameters["b" + str(l)]
        Z = {Z}
        A = {A}
        cache["z" + str(l)] = Z
        cache["a" + str(l)] = A
    return A, cache
'''


def feed_forward_batch(Z="A @ W.T + b", A="sigmoid(Z)", layers="len(parameters) // 2 + 1", examples_in_rows=True):
    """A feed_forward_batch answer whose layer computes ``Z`` and ``A`` as given."""
    source = FEED_FORWARD_BATCH.format(Z=Z, A=A, layers=layers)
    if not examples_in_rows:  # examples as columns, as in lesson 07
        source = source.replace('{"a0": X}', '{"a0": X.T}').replace("A = X\n", "A = X.T\n")
    return source


COMPUTE_LOSS = '''
def compute_loss(x_val, y_val, parameters):
    loss = 0.0
    for x, y in zip(x_val, y_val):
        a, _ = feed_forward(x, parameters)
        {accumulate}
    return {result}
'''


def compute_loss(accumulate="loss += np.mean((a - y) ** 2) / 2", result="loss / len(x_val)"):
    return COMPUTE_LOSS.format(accumulate=accumulate, result=result)


COMPUTE_ACCURACY = '''
def compute_accuracy(x_val, y_val, parameters):
    hits = []
    for x, y in zip(x_val, y_val):
        a, _ = feed_forward(x, parameters)
        hits.append({hit})
    return {result}
'''


def compute_accuracy(hit="np.argmax(a) == np.argmax(y)", result="np.mean(hits)"):
    return COMPUTE_ACCURACY.format(hit=hit, result=result)


WRONG = {
    # feed_forward
    "ff_W_transposed": Answer("feed_forward", feed_forward(z="W.T @ a_prev + b"), "곱하는 순서와 전치"),
    "ff_no_bias": Answer("feed_forward", feed_forward(z="W @ a_prev"), "편향 b를 더하지"),
    "ff_sigmoid_twice": Answer("feed_forward", feed_forward(a="sigmoid(sigmoid(z))"), "두 번 적용"),
    "ff_relu": Answer("feed_forward", feed_forward(a="np.maximum(0, z)"), "ReLU"),
    "ff_cache_z_holds_a": Answer("feed_forward", feed_forward(cached_z="a"), "적용하기 전의 값"),
    "ff_bias_as_column": Answer("feed_forward", feed_forward(z="W @ a_prev + b.reshape(-1, 1)"), "열 벡터"),
    "ff_output_layer_linear": Answer("feed_forward", """
def feed_forward(x, parameters):
    cache = {"a0": x}
    L = len(parameters) // 2
    a = x
    for l in range(1, L + 1):
        z = parameters["W" + str(l)] @ a + parameters["b" + str(l)]
        a = sigmoid(z) if l < L else z
        cache["z" + str(l)], cache["a" + str(l)] = z, a
    return a, cache
""", "출력층에도 시그모이드"),
    "ff_cache_keys_off_by_one": Answer("feed_forward", """
def feed_forward(x, parameters):
    cache = {"a0": x}
    a = x
    for l in range(len(parameters) // 2):
        z = parameters["W" + str(l + 1)] @ a + parameters["b" + str(l + 1)]
        a = sigmoid(z)
        cache["z" + str(l)] = z
        cache["a" + str(l)] = a
    return a, cache
""", "빠진 키"),
    "ff_three_layers_only": Answer("feed_forward", """
def feed_forward(x, parameters):
    cache = {"a0": x}
    for l in (1, 2, 3):
        z = parameters["W" + str(l)] @ cache["a" + str(l - 1)] + parameters["b" + str(l)]
        cache["z" + str(l)] = z
        cache["a" + str(l)] = sigmoid(z)
    return cache["a3"], cache
"""),
    "ff_lowercase_key": Answer("feed_forward", feed_forward().replace('"W" + str(l)', '"w" + str(l)'), "'w1'"),
    "ff_key_str_plus_int": Answer("feed_forward", feed_forward().replace('"W" + str(l)', '"W" + l'), '"W" + str(l)'),
    "ff_sigmoid_first_element": Answer("feed_forward", feed_forward(a="sigmoid(z)[0]"), "sigmoid(z)[0]"),
    "ff_dot_sigmoid_first_element": Answer("feed_forward", feed_forward(z="np.dot(W, a_prev) + b", a="sigmoid(z)[0]"),
                                           "sigmoid(z)[0]"),
    # Right whenever no later layer has as many inputs as x: the public network [4, 3, 3, 2] passes.
    "ff_input_to_every_fitting_layer": Answer("feed_forward", """
def feed_forward(x, parameters):
    cache = {"a0": x}
    a = x
    for l in range(1, len(parameters) // 2 + 1):
        W = parameters["W" + str(l)]
        b = parameters["b" + str(l)]
        if W.shape[1] == x.shape[0]:
            z = W @ x + b
        else:
            z = W @ a + b
        a = sigmoid(z)
        cache["z" + str(l)] = z
        cache["a" + str(l)] = a
    return a, cache
"""),
    # compute_loss
    "loss_no_half": Answer("compute_loss", compute_loss(accumulate="loss += np.mean((a - y) ** 2)"), "1/2"),
    "loss_sum_over_outputs": Answer("compute_loss", compute_loss(accumulate="loss += np.sum((a - y) ** 2) / 2"),
                                    "np.sum이 아니라 np.mean"),
    "loss_not_averaged": Answer("compute_loss", compute_loss(result="loss"), "예제 수 len(x_val)로 나누어"),
    "loss_last_example_only": Answer("compute_loss", compute_loss(accumulate="loss = np.mean((a - y) ** 2) / 2"),
                                     "loss +="),
    "loss_not_squared": Answer("compute_loss", compute_loss(accumulate="loss += np.mean(a - y) / 2"), "제곱"),
    "loss_no_unpacking": Answer("compute_loss", compute_loss().replace(
        "a, _ = feed_forward(x, parameters)", "a = feed_forward(x, parameters)"), "나누어 받으세요"),
    "loss_index_past_the_end": Answer("compute_loss", """
def compute_loss(x_val, y_val, parameters):
    loss = 0.0
    for i in range(1, len(x_val) + 1):
        a, _ = feed_forward(x_val[i], parameters)
        loss += np.mean((a - y_val[i]) ** 2) / 2
    return loss / len(x_val)
""", "범위"),
    "loss_hard_coded": Answer("compute_loss", """
def compute_loss(x_val, y_val, parameters):
    return 0.1521642064897178
"""),
    # compute_accuracy
    "acc_count": Answer("compute_accuracy", compute_accuracy(result="np.sum(hits)"), "비율을 반환"),
    "acc_percent": Answer("compute_accuracy", compute_accuracy(result="100 * np.mean(hits)"), "백분율"),
    "acc_argmax_vs_one_hot": Answer("compute_accuracy", compute_accuracy(hit="np.argmax(a) == y"), "원-핫 벡터"),
    "acc_per_example_array": Answer("compute_accuracy", compute_accuracy(result="np.array(hits, dtype=float)"),
                                    "평균(숫자 하나)"),
    "acc_no_unpacking": Answer("compute_accuracy", compute_accuracy().replace(
        "a, _ = feed_forward(x, parameters)", "a = feed_forward(x, parameters)"), "나누어 받으세요"),
    "acc_argmax_axis0": Answer("compute_accuracy", """
def compute_accuracy(x_val, y_val, parameters):
    outputs = np.array([feed_forward(x, parameters)[0] for x in x_val])
    return np.mean(np.argmax(outputs, axis=0) == np.argmax(y_val, axis=0))
""", "axis=1"),
    # feed_forward_batch
    "batch_examples_in_columns": Answer("feed_forward_batch",
                                        feed_forward_batch(Z="W @ A + b.reshape(-1, 1)", examples_in_rows=False),
                                        "예제가 열"),
    "batch_no_bias": Answer("feed_forward_batch", feed_forward_batch(Z="A @ W.T"), "편향 b를 더하지"),
    "batch_sigmoid_twice": Answer("feed_forward_batch", feed_forward_batch(A="sigmoid(sigmoid(Z))"), "두 번 적용"),
    "batch_X_at_W": Answer("feed_forward_batch", feed_forward_batch(Z="A @ W + b"), "곱하는 순서와 전치"),
    "batch_three_layers_only": Answer("feed_forward_batch", feed_forward_batch(layers="4")),
    "batch_sigmoid_first_row": Answer("feed_forward_batch", feed_forward_batch(A="sigmoid(Z)[0]"), "sigmoid(z)[0]"),
    "batch_returns_no_cache": Answer("feed_forward_batch", """
def feed_forward_batch(X, parameters):
    A = X
    for l in range(1, len(parameters) // 2 + 1):
        A = sigmoid(A @ parameters["W" + str(l)].T + parameters["b" + str(l)])
    return A
""", "튜플로"),
}

CORRECT = {
    "ff_neuron_by_neuron": Answer("feed_forward", """
def feed_forward(x, parameters):
    cache = {"a0": x}
    for l in range(1, len(parameters) // 2 + 1):
        W, b, a_prev = parameters["W" + str(l)], parameters["b" + str(l)], cache["a" + str(l - 1)]
        z = np.zeros(W.shape[0])
        for i in range(W.shape[0]):  # one neuron at a time: its weights times the previous outputs
            z[i] = np.sum(W[i] * a_prev) + b[i]
        cache["z" + str(l)] = z
        cache["a" + str(l)] = 1 / (1 + np.exp(-z))
    return cache["a" + str(len(parameters) // 2)], cache
"""),
    "ff_np_dot_in_place": Answer("feed_forward", """
def feed_forward(x, parameters):
    cache = {"a0": x}
    a = x
    L = len(parameters) // 2
    for l in range(1, L + 1):
        z = np.dot(parameters["W" + str(l)], a)
        z += parameters["b" + str(l)]
        a = sigmoid(z)
        cache.update({"z" + str(l): z, "a" + str(l): a})
    return a, cache
"""),
    "loss_vectorised": Answer("compute_loss", """
def compute_loss(x_val, y_val, parameters):
    outputs = np.array([feed_forward(x, parameters)[0] for x in x_val])
    return np.mean((outputs - y_val) ** 2) / 2
"""),
    "loss_by_index": Answer("compute_loss", """
def compute_loss(x_val, y_val, parameters):
    losses = []
    for i in range(len(x_val)):
        prediction, _ = feed_forward(x_val[i], parameters)
        losses.append(0.5 * np.sum((prediction - y_val[i]) ** 2) / len(y_val[i]))
    return sum(losses) / len(losses)
"""),
    "acc_vectorised": Answer("compute_accuracy", """
def compute_accuracy(x_val, y_val, parameters):
    outputs = np.array([feed_forward(x, parameters)[0] for x in x_val])
    return (outputs.argmax(axis=1) == y_val.argmax(axis=1)).mean()
"""),
    "acc_counter": Answer("compute_accuracy", """
def compute_accuracy(x_val, y_val, parameters):
    correct = 0
    for x, y in zip(x_val, y_val):
        if np.argmax(feed_forward(x, parameters)[0]) == np.argmax(y):
            correct += 1
    return correct / len(x_val)
"""),
    "batch_stacks_feed_forward": Answer("feed_forward_batch", """
def feed_forward_batch(X, parameters):
    caches = [feed_forward(x, parameters)[1] for x in X]
    cache = {key: np.array([c[key] for c in caches]) for key in caches[0]}
    return cache["a" + str(len(parameters) // 2)], cache
"""),
    "batch_transpose_of_columns": Answer("feed_forward_batch", """
def feed_forward_batch(X, parameters):
    cache = {"a0": X}
    A_columns = X.T
    for l in range(1, len(parameters) // 2 + 1):
        Z_columns = np.dot(parameters["W" + str(l)], A_columns) + parameters["b" + str(l)][:, np.newaxis]
        A_columns = sigmoid(Z_columns)
        cache["z" + str(l)], cache["a" + str(l)] = Z_columns.T, A_columns.T
    return A_columns.T, cache
"""),
}
