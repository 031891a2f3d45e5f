"""Student answers for lesson 04: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain (``None`` where only the hidden cases can catch the mistake).
The notebook gives ``sigmoid``, ``feed_forward``, ``feed_forward_batch``,
``initialize_parameters``, ``compute_loss`` and ``compute_accuracy`` (``dlutils.given.lesson04``).
The ``back_prop`` and ``back_prop_batch`` templates also compute the unused ``da`` of the
input layer, which the solution skips; the CORRECT entries built on them keep it, so
both ways are proven right.
"""
from bank import Answer

D_SIGMOID = '''
def d_sigmoid(x):
    s = sigmoid(x)
    return {value}
'''

CHAIN = '''
def backprop_one_neuron_chain(x, y, weights, biases):
    L = len(weights)
    zs, activations = [], [x]
    for w, b in zip(weights, biases):
        z = w * activations[-1] + b
        zs.append(z)
        activations.append(sigmoid(z))
    dweights, dbiases = [0.0] * L, [0.0] * L
    da = {start}
    for l in range({layers}, 0, -1):
        db = {db}
        dbiases[l - 1] = db
        dweights[l - 1] = {dw}
        da = {da}
    return [float(v) for v in dweights], [float(v) for v in dbiases]
'''


def chain(start="activations[-1] - y", layers="L", db="d_sigmoid(zs[l - 1]) * da",
          dw="activations[l - 1] * db", da="weights[l - 1] * db"):
    return CHAIN.format(start=start, layers=layers, db=db, dw=dw, da=da)


BACK_PROP = '''
def back_prop(prediction, y, cache, parameters):
    gradients = {{}}
    L = {L}
    da = (prediction - y) / y.shape[0]
    for layer in range(L, 0, -1):
        db = {db}
        dW = {dW}
        da = {da}
        gradients["dW" + str(layer)] = dW
        gradients["db" + str(layer)] = db
    return gradients
'''


def back_prop(L="len(cache) // 2", db='d_sigmoid(cache["z" + str(layer)]) * da',
              dW='np.outer(db, cache["a" + str(layer - 1)])', da='parameters["W" + str(layer)].T @ db'):
    return BACK_PROP.format(L=L, db=db, dW=dW, da=da)


UPDATE = '''
def update(parameters, gradients, alpha, m):
    L = len(parameters) // 2
    for layer in range(1, L + 1):
        parameters["W" + str(layer)] {op} alpha * gradients["dW" + str(layer)] / {m}
        parameters["b" + str(layer)] {op} alpha * gradients["db" + str(layer)] / {m}
    return parameters
'''


def update(op="-=", m="m"):
    return UPDATE.format(op=op, m=m)


TRAIN_NN = '''
def train_nn(X_train, Y_train, X_test, Y_test, neurons_per_layer, epoch, alpha, verbose=False):
    parameters = initialize_parameters(neurons_per_layer)
    loss_list = []
    m = {m}
    for i in range(epoch):
        gradients_sum = {{"d" + key: np.zeros_like(value) for key, value in parameters.items()}}
        for x, y in zip(X_train, Y_train):
            prediction, cache = feed_forward(x, parameters)
            gradients = back_prop(prediction, y, cache, parameters)
            for key in gradients_sum:
                {accumulate}
        parameters = update(parameters, {passed}, alpha, m)
        loss_list.append(compute_loss(X_train, Y_train, parameters))
    return loss_list, parameters
'''


SUM_LINE = '        gradients_sum = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}\n'


def train_nn(m="X_train.shape[0]", accumulate="gradients_sum[key] += gradients[key]", passed="gradients_sum"):
    return TRAIN_NN.format(m=m, accumulate=accumulate, passed=passed)


BATCH = '''
def back_prop_batch(X, Y, cache, parameters):
    gradients = {{}}
    L = {L}
    dA = (cache["a" + str(L)] - Y) / {divisor}
    for layer in range(L, 0, -1):
        dZ = d_sigmoid(cache["z" + str(layer)]) * dA
        gradients["dW" + str(layer)] = {dW}
        gradients["db" + str(layer)] = {db}
        dA = {dA}
    return gradients
'''


def batch(L="len(cache) // 2", divisor="Y.shape[1]", dW='dZ.T @ cache["a" + str(layer - 1)]', db="dZ.sum(axis=0)",
          dA='dZ @ parameters["W" + str(layer)]'):
    return BATCH.format(L=L, divisor=divisor, dW=dW, db=db, dA=dA)


WRONG = {
    # d_sigmoid
    "ds_returns_sigmoid": Answer("d_sigmoid", D_SIGMOID.format(value="s"), "그 도함수"),
    "ds_x_times_one_minus_x": Answer("d_sigmoid", D_SIGMOID.format(value="x * (1 - x)"), "이미 σ(z)일 때의 식"),
    "ds_denominator_not_squared": Answer("d_sigmoid", D_SIGMOID.format(value="np.exp(-x) / (np.exp(-x) + 1)"),
                                         "분모를 제곱"),
    "ds_lecture_formula_overflows": Answer("d_sigmoid", D_SIGMOID.format(value="np.exp(-x) / (np.exp(-x) + 1) ** 2"),
                                           "inf / inf = nan"),
    "ds_tanh_formula": Answer("d_sigmoid", D_SIGMOID.format(value="1 - s ** 2"), "tanh"),
    "ds_lesson07_helper": Answer("d_sigmoid", """
def d_sigmoid(x):
    from dlutils.activations import sigmoid_backward
    return sigmoid_backward(1.0, x)
""", "답을 대신하는 도구 함수"),
    # Right for the public value 2 and for arrays: only a hidden scalar shows it.
    "ds_scalar_hard_coded": Answer("d_sigmoid",
                                   D_SIGMOID.format(value="0.10499358540350662 if np.ndim(x) == 0 else s * (1 - s)")),
    # backprop_one_neuron_chain
    "chain_reversed_lists": Answer("backprop_one_neuron_chain", '''
def backprop_one_neuron_chain(x, y, weights, biases):
    zs, activations = [], [x]
    for w, b in zip(weights, biases):
        zs.append(w * activations[-1] + b)
        activations.append(sigmoid(zs[-1]))
    dweights, dbiases = [], []
    da = activations[-1] - y
    for l in range(len(weights), 0, -1):
        db = d_sigmoid(zs[l - 1]) * da
        dbiases.append(float(db))
        dweights.append(float(activations[l - 1] * db))
        da = weights[l - 1] * db
    return dweights, dbiases
''', "거꾸로"),
    "chain_no_derivative": Answer("backprop_one_neuron_chain", chain(db="da"), "σ'(z)를 곱하지"),
    "chain_forgets_w": Answer("backprop_one_neuron_chain", chain(da="db"), "w[l]을 곱하지"),
    "chain_passes_da_on": Answer("backprop_one_neuron_chain", chain(da="weights[l - 1] * da"), "w[l] · da[l]이 아니라"),
    "chain_derivative_of_a": Answer("backprop_one_neuron_chain", chain(db="d_sigmoid(activations[l]) * da"),
                                    "σ'은 z[l]에 적용"),
    "chain_times_two": Answer("backprop_one_neuron_chain", chain(start="2 * (activations[-1] - y)"), "2를 곱하지"),
    "chain_input_everywhere": Answer("backprop_one_neuron_chain", chain(dw="x * db"), "입력 x"),
    # Right for the public chain of three layers only.
    "chain_three_layers_only": Answer("backprop_one_neuron_chain", chain(layers="3")),
    # back_prop
    "bp_np_dot": Answer("back_prop", back_prop(dW='np.dot(db, cache["a" + str(layer - 1)])'), "np.outer"),
    "bp_matmul_into_db": Answer("back_prop", back_prop(db='d_sigmoid(cache["z" + str(layer)]) @ da'),
                                "@나 np.dot이 아니라 *"),
    "bp_no_derivative": Answer("back_prop", back_prop(db="da"), "σ'(z)를 곱하지"),
    "bp_sigmoid_not_derivative": Answer("back_prop", back_prop(db='sigmoid(cache["z" + str(layer)]) * da'),
                                        "σ(z)를 곱했습니다"),
    "bp_outer_reversed": Answer("back_prop", back_prop(dW='np.outer(cache["a" + str(layer - 1)], db)'),
                                "np.outer(db, a_prev) 순서"),
    "bp_W_not_transposed": Answer("back_prop", back_prop(da='parameters["W" + str(layer)] @ db'), "W를 전치"),
    "bp_propagates_da": Answer("back_prop", back_prop(da='parameters["W" + str(layer)].T @ da'), "W.T @ da가 아니라"),
    "bp_derivative_of_a": Answer("back_prop", back_prop(db='d_sigmoid(cache["a" + str(layer)]) * da'),
                                 "σ'은 z[l]에 적용"),
    "bp_own_output": Answer("back_prop", back_prop(dW='np.outer(db, cache["a" + str(layer)])'), "a[l-1]"),
    "bp_sign": Answer("back_prop",
                      back_prop().replace("(prediction - y) / y.shape[0]", "(y - prediction) / y.shape[0]"),
                      "부호가 반대"),
    # Right for the public network of three layers only.
    "bp_three_layers_only": Answer("back_prop", back_prop(L="3")),
    # update
    "upd_plus": Answer("update", update(op="+="), "더하기가 아니라 빼기"),
    "upd_no_m": Answer("update", update(m="1"), "m으로 나누세요"),
    "upd_double_step": Answer("update", update().replace(
        'parameters["W" + str(layer)] -= alpha * gradients["dW" + str(layer)] / m',
        'parameters["W" + str(layer)] -= alpha * gradients["dW" + str(layer)] / m\n        '
        'parameters["W" + str(layer)] = parameters["W" + str(layer)] - alpha * gradients["dW" + str(layer)] / m'),
        "두 번 뺐습니다"),
    "upd_returns_nothing": Answer("update", update().replace("    return parameters\n", ""), "return parameters"),
    "upd_only_W": Answer("update", '''
def update(parameters, gradients, alpha, m):
    for layer in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(layer)] -= alpha * gradients["dW" + str(layer)] / m
    return parameters
''', "b도 업데이트"),
    "upd_scales_gradients_in_place": Answer("update", '''
def update(parameters, gradients, alpha, m):
    for key in gradients:
        gradients[key] *= alpha / m
        parameters[key[1:]] -= gradients[key]
    return parameters
''', "제자리에서 고쳤습니다"),
    "upd_m_hard_coded": Answer("update", update(m="250"), "인자로 받은 alpha와 m"),
    "upd_rate_written_in": Answer("update", update().replace("alpha * gradients", "0.1 * gradients"),
                                  "alpha / m이 아닌 다른 수"),
    # train_nn
    "train_lecture_shallow_copy": Answer("train_nn", '''
def train_nn(X_train, Y_train, X_test, Y_test, neurons_per_layer, epoch, alpha, verbose=False):
    parameters = initialize_parameters(neurons_per_layer)
    loss_list = []
    m = X_train.shape[0]
    for i in range(epoch):
        parameters_copy = parameters.copy()
        for x, y in zip(X_train, Y_train):
            prediction, cache = feed_forward(x, parameters)
            gradients = back_prop(prediction, y, cache, parameters)
            parameters_copy = update(parameters_copy, gradients, alpha, m)
        parameters = parameters_copy
        loss_list.append(compute_loss(X_train, Y_train, parameters))
    return loss_list, parameters
''', "얕은 복사"),
    "train_averages_then_update": Answer("train_nn", train_nn(
        passed="{key: value / m for key, value in gradients_sum.items()}"), "두 번 나누었습니다"),
    "train_last_example_only": Answer("train_nn", train_nn(accumulate="gradients_sum[key] = gradients[key]"),
                                      "마지막 예제의 기울기만"),
    "train_sum_made_once": Answer("train_nn", train_nn().replace(SUM_LINE, "").replace(
        "    for i in range(epoch):\n", SUM_LINE[4:] + "    for i in range(epoch):\n"), "에폭마다 0으로 새로"),
    "train_updates_twice": Answer("train_nn", train_nn().replace(
        "        parameters = update(", "        update(parameters, gradients_sum, alpha, m)\n        parameters = update("),
        "두 번 움직였습니다"),
    "train_update_without_m": Answer("train_nn",
                                     train_nn(passed="{key: m * value for key, value in gradients_sum.items()}"),
                                     "m으로 나누세요"),
    "train_m_hard_coded": Answer("train_nn", train_nn(m="6"), "X_train.shape[0]"),
    "train_alpha_hard_coded": Answer("train_nn", train_nn().replace("gradients_sum, alpha, m)", "gradients_sum, 5.0, m)"),
                                     "인자 alpha"),
    # back_prop_batch
    "batch_mean": Answer("back_prop_batch", batch(dW='dZ.T @ cache["a" + str(layer - 1)] / X.shape[0]',
                                                  db="dZ.sum(axis=0) / X.shape[0]"), "평균 냈습니다"),
    "batch_start_divides_by_m": Answer("back_prop_batch", batch(divisor="Y.shape[0]"), "Y.shape[1]"),
    "batch_dW_transposed": Answer("back_prop_batch", batch(dW='cache["a" + str(layer - 1)].T @ dZ'), "dZ.T @ A_prev"),
    "batch_db_not_summed": Answer("back_prop_batch", batch(db="dZ"), "dZ.sum(axis=0)"),
    "batch_db_keepdims": Answer("back_prop_batch", batch(db="np.sum(dZ, axis=0, keepdims=True)"), "keepdims=True를 빼세요"),
    "batch_db_axis1": Answer("back_prop_batch", batch(db="dZ.sum(axis=1)"), "axis=0"),
    "batch_dA_W_transposed": Answer("back_prop_batch", batch(dA='dZ @ parameters["W" + str(layer)].T'), "dA = dZ @ W"),
    # Right for the public network of three layers only.
    "batch_three_layers_only": Answer("back_prop_batch", batch(L="3")),
}

CORRECT = {
    "train_update_in_place_unassigned": Answer("train_nn", """
def train_nn(X_train, Y_train, X_test, Y_test, neurons_per_layer, epoch, alpha, verbose=False):
    parameters = initialize_parameters(neurons_per_layer)
    loss_list = []
    m = X_train.shape[0]

    for i in range(epoch):
        gradients_sum = {"d" + key: np.zeros_like(value) for key, value in parameters.items()}
        for x, y in zip(X_train, Y_train):
            prediction, cache = feed_forward(x, parameters)
            gradients = back_prop(prediction, y, cache, parameters)
            for key in gradients_sum:
                gradients_sum[key] += gradients[key]
        update(parameters, gradients_sum, alpha, m)  # update changes parameters in place
        loss_list.append(compute_loss(X_train, Y_train, parameters))
        if verbose:
            accuracy = compute_accuracy(X_test, Y_test, parameters)
            print(f"{i + 1}번째 경사 하강: 학습 손실 {loss_list[-1]:.4f}, 시험 정확도 {accuracy:.2f}")

    return loss_list, parameters
"""),
    "ds_sigmoid_of_minus_x": Answer("d_sigmoid", D_SIGMOID.format(value="s * sigmoid(-x)")),
    "ds_own_sigmoid": Answer("d_sigmoid", '''
def d_sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s - s ** 2
'''),
    "chain_collects_backwards_then_reverses": Answer("backprop_one_neuron_chain", '''
def backprop_one_neuron_chain(x, y, weights, biases):
    a, zs, outputs = x, [], [x]
    for w, b in zip(weights, biases):
        z = w * a + b
        a = sigmoid(z)
        zs.append(z)
        outputs.append(a)
    dweights, dbiases = [], []
    da = a - y
    for z, a_prev, w in zip(reversed(zs), reversed(outputs[:-1]), reversed(weights)):
        db = da * sigmoid(z) * (1 - sigmoid(z))
        dweights.append(a_prev * db)
        dbiases.append(db)
        da = w * db
    return dweights[::-1], dbiases[::-1]
'''),
    "bp_reshape_matmul": Answer("back_prop", back_prop(
        db='sigmoid(cache["z" + str(layer)]) * (1 - sigmoid(cache["z" + str(layer)])) * da',
        dW='db.reshape(-1, 1) @ cache["a" + str(layer - 1)].reshape(1, -1)',
        da='np.dot(db, parameters["W" + str(layer)])')),
    "bp_broadcast_outer": Answer("back_prop", back_prop(L="len(parameters) // 2",
                                                        dW='db[:, np.newaxis] * cache["a" + str(layer - 1)]')),
    "upd_new_dict": Answer("update", '''
def update(parameters, gradients, alpha, m):
    return {key: value - alpha / m * gradients["d" + key] for key, value in parameters.items()}
'''),
    "upd_reassign": Answer("update", update().replace(
        'parameters["W" + str(layer)] -= alpha',
        'parameters["W" + str(layer)] = parameters["W" + str(layer)] - alpha')),
    "train_lecture_with_deepcopy": Answer("train_nn", '''
def train_nn(X_train, Y_train, X_test, Y_test, neurons_per_layer, epoch, alpha, verbose=False):
    import copy
    parameters = initialize_parameters(neurons_per_layer)
    loss_list = []
    m = X_train.shape[0]
    for i in range(epoch):
        parameters_copy = copy.deepcopy(parameters)
        for x, y in zip(X_train, Y_train):
            prediction, cache = feed_forward(x, parameters)
            gradients = back_prop(prediction, y, cache, parameters)
            parameters_copy = update(parameters_copy, gradients, alpha, m)
        parameters = parameters_copy
        loss_list.append(compute_loss(X_train, Y_train, parameters))
        if verbose:
            print(i + 1, loss_list[-1])
    return loss_list, parameters
'''),
    "train_mean_with_m_one": Answer("train_nn", '''
def train_nn(X_train, Y_train, X_test, Y_test, neurons_per_layer, epoch, alpha, verbose=False):
    parameters = initialize_parameters(neurons_per_layer)
    loss_list = []
    for i in range(epoch):
        total = None
        for x, y in zip(X_train, Y_train):
            prediction, cache = feed_forward(x, parameters)
            gradients = back_prop(prediction, y, cache, parameters)
            total = gradients if total is None else {key: total[key] + gradients[key] for key in total}
        mean = {key: value / len(X_train) for key, value in total.items()}
        parameters = update(parameters, mean, alpha, 1)
        loss_list.append(compute_loss(X_train, Y_train, parameters))
    return loss_list, parameters
'''),
    "batch_loops_over_back_prop": Answer("back_prop_batch", '''
def back_prop_batch(X, Y, cache, parameters):
    L = len(cache) // 2
    total = None
    for i in range(X.shape[0]):
        row_cache = {key: value[i] for key, value in cache.items()}
        gradients = back_prop(row_cache["a" + str(L)], Y[i], row_cache, parameters)
        total = gradients if total is None else {key: total[key] + gradients[key] for key in total}
    return total
'''),
    "batch_einsum": Answer("back_prop_batch", batch(dW='np.einsum("mi,mj->ij", dZ, cache["a" + str(layer - 1)])',
                                                    db="np.einsum(\"mi->i\", dZ)",
                                                    dA='np.dot(dZ, parameters["W" + str(layer)])')),
}
