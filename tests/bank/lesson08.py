"""Student answers for lesson 08: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain, so the public check's diagnosis is tested too (``None`` where
only the hidden tests can catch the mistake).
"""
from bank import Answer

PREDICT_HEAD = '''
def predict(X, y, parameters):
    probabilities, _ = L_model_forward(X, parameters)
'''
PREDICT_TAIL = '''
    print(f"정확도: {np.mean(p == y):.4f}")
    return p
'''


def _predict(body):
    return PREDICT_HEAD + body + PREDICT_TAIL


def _two_layer(forward='''
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")''',
               init="parameters = initialize_parameters(n_x, n_h, n_y)",
               start="dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
               update="parameters = update_parameters(parameters, grads, learning_rate)",
               loop="range(num_iterations)", record="if i % 100 == 0:"):
    return f'''
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []
    n_x, n_h, n_y = layers_dims
    {init}
    for i in {loop}:
        W1, b1, W2, b2 = parameters["W1"], parameters["b1"], parameters["W2"], parameters["b2"]{forward}
        cost = compute_cost(A2, Y)
        {start}
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {{"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}}
        {update}
        {record}
            costs.append(cost)
            if print_cost:
                print(f"반복 {{i:5d}}: 비용 {{cost:.6f}}")
    return parameters, costs
'''


def _deep(init="parameters = initialize_parameters_he(layers_dims)", seed="np.random.seed(1)",
          step='''
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)''',
          record='''
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"반복 {i:5d}: 비용 {cost:.6f}")''', loop="range(num_iterations)"):
    return f'''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    {seed}
    costs = []
    {init}
    for i in {loop}:{step}{record}
    return parameters, costs
'''


WRONG = {
    # predict
    "predict_greater_equal": Answer("predict", _predict("    p = (probabilities >= 0.5).astype(float)"),
                                    "0.5보다 클 때만 1"),
    "predict_returns_probabilities": Answer("predict", _predict("    p = probabilities"), "확률 AL을 그대로"),
    "predict_inverted": Answer("predict", _predict("    p = (probabilities < 0.5).astype(float)"), "뒤바뀌었습니다"),
    "predict_flat": Answer("predict", _predict("    p = (probabilities > 0.5).astype(float).ravel()"),
                           "(1, m) 모양"),
    "predict_returns_accuracy": Answer("predict", '''
def predict(X, y, parameters):
    probabilities, _ = L_model_forward(X, parameters)
    p = (probabilities > 0.5).astype(float)
    accuracy = np.mean(p == y)
    print(f"정확도: {accuracy:.4f}")
    return accuracy
''', "숫자 하나"),
    "predict_two_layers_only": Answer("predict", '''
def predict(X, y, parameters):
    A1, _ = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
    A2, _ = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
    p = (A2 > 0.5).astype(float)
    print(f"정확도: {np.mean(p == y):.4f}")
    return p
''', "모양(shape)이 다릅니다"),
    # two_layer_model
    "two_dA2_sign": Answer("two_layer_model", _two_layer(start="dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)"),
                           "경사 상승"),
    "two_update_not_kept": Answer("two_layer_model",
                                  _two_layer(update="update_parameters(parameters, grads, learning_rate)"),
                                  "처음 값 그대로"),
    "two_fixed_learning_rate": Answer("two_layer_model",
                                      _two_layer(update="parameters = update_parameters(parameters, grads, 0.0075)"),
                                      "learning_rate를 update_parameters에 넘기세요"),
    "two_hidden_sigmoid": Answer("two_layer_model", _two_layer(forward='''
        A1, cache1 = linear_activation_forward(X, W1, b1, "sigmoid")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")'''), "은닉층은"),
    "two_deep_initialization": Answer("two_layer_model",
                                      _two_layer(init="parameters = initialize_parameters_deep(layers_dims)"),
                                      "initialize_parameters(n_x, n_h, n_y)로 시작"),
    "two_one_extra_iteration": Answer("two_layer_model", _two_layer(loop="range(num_iterations + 1)"), "한 번 더"),
    "two_ignores_num_iterations": Answer("two_layer_model", _two_layer(loop="range(150)"), None),
    "two_dZ2_as_dA2": Answer("two_layer_model", _two_layer(start="dA2 = A2 - Y"), "dZ2입니다"),
    # L_layer_model
    "deep_lesson07_initialization": Answer("L_layer_model",
                                           _deep(init="parameters = initialize_parameters_deep(layers_dims)"),
                                           "initialize_parameters_he"),
    "deep_update_not_kept": Answer("L_layer_model", _deep(step='''
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        update_parameters(parameters, grads, learning_rate)'''), "처음 값 그대로"),
    "deep_costs_only_when_printing": Answer("L_layer_model", _deep(record='''
        if print_cost and i % 100 == 0:
            costs.append(cost)
            print(f"반복 {i:5d}: 비용 {cost:.6f}")'''), "print_cost가 False여도"),
    "deep_costs_every_iteration": Answer("L_layer_model", _deep(record='''
        costs.append(cost)
        if print_cost and i % 100 == 0:
            print(f"반복 {i:5d}: 비용 {cost:.6f}")'''), "기록한 비용의 개수"),
    "deep_costs_at_last_iteration": Answer("L_layer_model", _deep(record='''
        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)'''), "마지막 반복(i = num_iterations - 1)의 비용도"),
    "deep_cost_after_update": Answer("L_layer_model", _deep(step='''
        AL, caches = L_model_forward(X, parameters)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        cost = compute_cost(L_model_forward(X, parameters)[0], Y)'''), "의 costs: 값이 기댓값과 다릅니다"),
    "deep_starts_at_one": Answer("L_layer_model", _deep(loop="range(1, num_iterations)"), "한 번 덜"),
    "deep_fixed_public_layers": Answer("L_layer_model",
                                       _deep(init="parameters = initialize_parameters_he([X.shape[0], 4, 3, 1])"), None),
}

CORRECT = {
    "predict_np_round": Answer("predict", _predict("    p = np.round(probabilities)  # np.round(0.5)는 0입니다")),
    "predict_loop": Answer("predict", '''
def predict(X, y, parameters):
    m = X.shape[1]
    p = np.zeros((1, m))
    probabilities, caches = L_model_forward(X, parameters)
    for i in range(m):
        if probabilities[0, i] > 0.5:
            p[0, i] = 1
        else:
            p[0, i] = 0
    print("정확도: " + str(np.sum(p == y) / m))
    return p
'''),
    "predict_integers": Answer("predict", _predict("    p = (probabilities > 0.5).astype(int)")),
    "two_layer_with_L_model_functions": Answer("two_layer_model", '''
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, caches = L_model_forward(X, parameters)
        cost = compute_cost(A2, Y)
        grads = L_model_backward(A2, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs
'''),
    "two_layer_plain_division": Answer("two_layer_model", _two_layer(start="dA2 = - (Y / A2 - (1 - Y) / (1 - A2))")),
    "deep_layer_by_layer": Answer("L_layer_model", '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_he(layers_dims)
    L = len(layers_dims) - 1
    for i in range(num_iterations):
        A, caches = X, []
        for l in range(1, L + 1):
            activation = "sigmoid" if l == L else "relu"
            A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], activation)
            caches.append(cache)
        cost = compute_cost(A, Y)
        dA = -(np.divide(Y, A) - np.divide(1 - Y, 1 - A))
        grads = {}
        for l in reversed(range(1, L + 1)):
            activation = "sigmoid" if l == L else "relu"
            dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], activation)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 100 == 0:
            costs.append(float(cost))
            if print_cost:
                print("Cost after iteration", i, cost)
    return parameters, costs
'''),
}
