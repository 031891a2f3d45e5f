"""Student answers for lesson 03: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain (``None`` where only the hidden cases can catch the mistake).
The notebook imports ``sigmoid`` from ``dlutils.given.lesson03``: it returns the value
alone, and answers use it as is.
"""
from bank import Answer

NUMERICAL_DERIVATIVE = '''
def numerical_derivative(f, x, h=1e-4):
    derivative = {formula}
    return derivative
'''


def numerical_derivative(formula="(f(x + h) - f(x - h)) / (2 * h)"):
    return NUMERICAL_DERIVATIVE.format(formula=formula)


NUMERICAL_GRADIENT = '''
def numerical_gradient(f, x, h=1e-4):
    grad = np.zeros_like(x, dtype=float)
    for i in range(x.size):
{body}
    return grad
'''


def numerical_gradient(*lines):
    """A numerical_gradient answer whose loop body is ``lines``."""
    return NUMERICAL_GRADIENT.format(body="\n".join("        " + line for line in lines))


GRADIENT_DESCENT = '''
def gradient_descent(gradient, start, learning_rate, n_steps):
    p = {copy}
    path = {first}
    for _ in range({steps}):
        {update}
        path.append({append})
    return np.array(path)
'''


def gradient_descent(copy="np.array(start, dtype=float)", first="[p]", steps="n_steps",
                     update="p = p - learning_rate * gradient(p)", append="p"):
    return GRADIENT_DESCENT.format(copy=copy, first=first, steps=steps, update=update, append=append)


BEST_OF_RESTARTS = '''
def best_of_restarts(loss, gradient, starts, learning_rate, n_steps):
    best_point, best_loss = None, None
    for start in starts:
        path = gradient_descent(gradient, start, learning_rate, n_steps)
        end = {end}
        end_loss = {end_loss}
        if {better}:
            best_point, best_loss = end, end_loss
    return {result}
'''


def best_of_restarts(end="path[-1]", end_loss="loss(end)", better="best_loss is None or end_loss < best_loss",
                     result="best_point, best_loss"):
    return BEST_OF_RESTARTS.format(end=end, end_loss=end_loss, better=better, result=result)


CHAIN_RULE = '''
def chain_rule_derivative(x, w1, b1, w2, b2):
    z1 = w1 * x + b1
    a1 = sigmoid(z1)
    z2 = w2 * a1 + b2
    y = sigmoid(z2)
    dy_dz2 = {dy_dz2}
    dz2_da1 = {dz2_da1}
    da1_dz1 = {da1_dz1}
    dz1_dw1 = {dz1_dw1}
    dy_dw1 = {product}
    return dy_dw1
'''


def chain_rule_derivative(dy_dz2="y * (1 - y)", dz2_da1="w2", da1_dz1="a1 * (1 - a1)", dz1_dw1="x",
                          product="dy_dz2 * dz2_da1 * da1_dz1 * dz1_dw1"):
    return CHAIN_RULE.format(dy_dz2=dy_dz2, dz2_da1=dz2_da1, da1_dz1=da1_dz1, dz1_dw1=dz1_dw1, product=product)


RESTORED = ("old = x[i]", "x[i] = old + h", "f_plus = f(x)", "x[i] = old - h", "f_minus = f(x)", "x[i] = old",
            "grad[i] = (f_plus - f_minus) / (2 * h)")

WRONG = {
    "ngrad_wraps_gradcheck": Answer("numerical_gradient", """
from dlutils.gradcheck import numerical_gradient as lesson07_tool

def numerical_gradient(f, x, h=1e-4):
    return lesson07_tool(lambda: f(x), x, eps=h)
""", "답을 대신하는"),
    # numerical_derivative
    "derivative_forward_difference": Answer(
        "numerical_derivative", numerical_derivative("(f(x + h) - f(x)) / h"), "중앙 차분을 쓰세요"),
    "derivative_divides_by_h": Answer(
        "numerical_derivative", numerical_derivative("(f(x + h) - f(x - h)) / h"), "2 * h로 나누세요"),
    "derivative_without_parentheses": Answer(
        "numerical_derivative", numerical_derivative("(f(x + h) - f(x - h)) / 2 * h"), "괄호가 빠졌습니다"),
    "derivative_half_of_forward_difference": Answer(
        "numerical_derivative", numerical_derivative("(f(x + h) - f(x)) / (2 * h)"), "f(x - h) 자리에 f(x)"),
    "derivative_ignores_h": Answer(
        "numerical_derivative", numerical_derivative("(f(x + 1e-4) - f(x - 1e-4)) / 2e-4"), "인자로 받은 h를 쓰세요"),
    # numerical_gradient
    "gradient_forgets_to_restore": Answer(
        "numerical_gradient", numerical_gradient("x[i] += h", "f_plus = f(x)", "x[i] -= 2 * h", "f_minus = f(x)",
                                                 "grad[i] = (f_plus - f_minus) / (2 * h)"),
        "x[i]를 되돌리지 않았거나"),
    "gradient_restores_by_arithmetic": Answer(
        "numerical_gradient", numerical_gradient("x[i] += h", "f_plus = f(x)", "x[i] -= 2 * h", "f_minus = f(x)",
                                                 "x[i] += h", "grad[i] = (f_plus - f_minus) / (2 * h)"),
        "반올림 오차"),
    "gradient_forward_difference": Answer(
        "numerical_gradient", numerical_gradient("f_x = f(x)", "old = x[i]", "x[i] = old + h", "f_plus = f(x)",
                                                 "x[i] = old", "grad[i] = (f_plus - f_x) / h"),
        "중앙 차분을 쓰세요"),
    "gradient_f_at_old_for_minus": Answer(
        "numerical_gradient", numerical_gradient("old = x[i]", "x[i] = old + h", "f_plus = f(x)", "x[i] = old",
                                                 "f_minus = f(x)", "grad[i] = (f_plus - f_minus) / (2 * h)"),
        "f(x - h) 자리에 f(x)"),
    "gradient_ignores_h": Answer(
        "numerical_gradient", numerical_gradient(*RESTORED).replace("h=1e-4):", "h=1e-4):\n    h = 1e-4"),
        "인자로 받은 h를 쓰세요"),
    "gradient_moves_every_coordinate": Answer(
        "numerical_gradient", numerical_gradient("grad[i] = (f(x + h) - f(x - h)) / (2 * h)"), "한꺼번에"),
    "gradient_aliases_x": Answer(
        "numerical_gradient", numerical_gradient("x_plus = x", "x_plus[i] += h", "x_minus = x", "x_minus[i] -= h",
                                                 "grad[i] = (f(x_plus) - f(x_minus)) / (2 * h)"),
        "이름만 붙이면"),
    # gradient_descent
    "descent_adds_the_gradient": Answer(
        "gradient_descent", gradient_descent(update="p = p + learning_rate * gradient(p)"), "더하기가 아니라 빼기"),
    "descent_one_step_short": Answer(
        "gradient_descent", gradient_descent(steps="n_steps - 1"), "n_steps + 1개"),
    "descent_one_step_long": Answer(
        "gradient_descent", gradient_descent(steps="n_steps + 1"), "점이 하나 많습니다"),
    "descent_without_start": Answer(
        "gradient_descent", gradient_descent(first="[]"), "첫 행은 시작점"),
    "descent_changes_start": Answer(
        "gradient_descent", gradient_descent(copy="start", first="[p.copy()]",
                                             update="p -= learning_rate * gradient(p)", append="p.copy()"),
        "start를 그대로 고쳤습니다"),
    "descent_appends_one_array": Answer(
        "gradient_descent", gradient_descent(update="p -= learning_rate * gradient(p)"), "append(p.copy())"),
    "descent_path_holds_one_array": Answer(
        "gradient_descent", gradient_descent(first="[p.copy()]", update="p -= learning_rate * gradient(p)"),
        "append(p.copy())"),
    "descent_without_learning_rate": Answer(
        "gradient_descent", gradient_descent(update="p = p - gradient(p)"), "learning_rate를 곱하세요"),
    "descent_fixed_learning_rate": Answer(
        "gradient_descent", gradient_descent(update="p = p - 0.1 * gradient(p)"), "인자로 받은 learning_rate"),
    "descent_gradient_at_start": Answer(
        "gradient_descent", gradient_descent(update="p = p - learning_rate * gradient(start)"), "gradient(p)"),
    "descent_fitted_to_four_steps": Answer("gradient_descent", gradient_descent(steps="min(n_steps, 4)"), None),
    # best_of_restarts
    "restarts_compare_starts": Answer(
        "best_of_restarts", best_of_restarts(end="start", end_loss="loss(start)"), "끝난 점을 비교하세요"),
    "restarts_keep_the_largest": Answer(
        "best_of_restarts", best_of_restarts(better="best_loss is None or end_loss > best_loss"),
        "가장 작은 점을 고르세요"),
    "restarts_keep_the_last": Answer(
        "best_of_restarts", best_of_restarts(better="True"), "마지막 시작점의 결과만"),
    "restarts_swap_the_outputs": Answer(
        "best_of_restarts", best_of_restarts(result="best_loss, best_point"), "반환 순서는"),
    "restarts_start_from_zero": Answer(
        "best_of_restarts", best_of_restarts(better="end_loss < best_loss").replace("None, None", "None, 0"), "np.inf"),
    "restarts_compare_start_losses": Answer(
        "best_of_restarts", best_of_restarts(end_loss="loss(start)"), "끝난 점의 손실"),
    # chain_rule_derivative
    "chain_without_outer_sigmoid_derivative": Answer(
        "chain_rule_derivative", chain_rule_derivative(dy_dz2="1"), "바깥 시그모이드의 미분"),
    "chain_without_inner_sigmoid_derivative": Answer(
        "chain_rule_derivative", chain_rule_derivative(da1_dz1="1"), "안쪽 시그모이드의 미분"),
    "chain_without_any_sigmoid_derivative": Answer(
        "chain_rule_derivative", chain_rule_derivative(dy_dz2="1", da1_dz1="1"), "두 곳 모두 빠졌습니다"),
    "chain_sigmoid_instead_of_its_derivative": Answer(
        "chain_rule_derivative", chain_rule_derivative(dy_dz2="y", da1_dz1="a1"), "σ(z)가 아니라"),
    "chain_derivative_of_z": Answer(
        "chain_rule_derivative", chain_rule_derivative(dy_dz2="z2 * (1 - z2)", da1_dz1="z1 * (1 - z1)"),
        "z (1 - z)가 아니라"),
    "chain_inner_derivative_of_z": Answer(
        "chain_rule_derivative", chain_rule_derivative(da1_dz1="z1 * (1 - z1)"), "z (1 - z)가 아니라"),
    "chain_without_x": Answer(
        "chain_rule_derivative", chain_rule_derivative(dz1_dw1="1"), "dz1/dw1 = x"),
    "chain_uses_w1": Answer(
        "chain_rule_derivative", chain_rule_derivative(dz2_da1="w1"), "w2입니다"),
    "chain_fitted_to_positive_x": Answer(
        "chain_rule_derivative", chain_rule_derivative(dz1_dw1="abs(x)"), None),
}

CORRECT = {
    "derivative_halved_after": Answer(
        "numerical_derivative", numerical_derivative("(f(x + h) - f(x - h)) / h / 2")),
    "gradient_with_copies": Answer(
        "numerical_gradient", numerical_gradient("x_plus = x.copy()", "x_plus[i] += h", "x_minus = x.copy()",
                                                 "x_minus[i] -= h", "grad[i] = (f(x_plus) - f(x_minus)) / (2 * h)")),
    "gradient_with_unit_vectors": Answer("numerical_gradient", '''
def numerical_gradient(f, x, h=1e-4):
    steps = np.eye(x.size) * h
    return np.array([(f(x + step) - f(x - step)) / (2 * h) for step in steps])
'''),
    "gradient_from_numerical_derivative": Answer("numerical_gradient", '''
def numerical_gradient(f, x, h=1e-4):
    def along(i):
        return lambda t: f(np.concatenate([x[:i], [t], x[i + 1:]]))
    return np.array([numerical_derivative(along(i), x[i], h) for i in range(len(x))])
'''),
    "descent_into_a_preallocated_array": Answer("gradient_descent", '''
def gradient_descent(gradient, start, learning_rate, n_steps):
    path = np.zeros((n_steps + 1, len(start)))
    path[0] = start
    for k in range(n_steps):
        path[k + 1] = path[k] - learning_rate * gradient(path[k])
    return path
'''),
    "descent_in_place_on_a_copy": Answer(
        "gradient_descent", gradient_descent(copy="start.copy()", first="[start.copy()]",
                                             update="p -= learning_rate * gradient(p)", append="p.copy()")),
    "restarts_with_argmin": Answer("best_of_restarts", '''
def best_of_restarts(loss, gradient, starts, learning_rate, n_steps):
    ends = [gradient_descent(gradient, start, learning_rate, n_steps)[-1] for start in starts]
    losses = [loss(end) for end in ends]
    best = int(np.argmin(losses))
    return ends[best], losses[best]
'''),
    "restarts_from_infinity": Answer(
        "best_of_restarts", best_of_restarts(better="end_loss < best_loss").replace("None, None", "None, np.inf")),
    "chain_with_a_sigmoid_derivative_helper": Answer("chain_rule_derivative", '''
def chain_rule_derivative(x, w1, b1, w2, b2):
    def sigmoid_derivative(z):
        s = sigmoid(z)
        return s * (1 - s)

    z1 = w1 * x + b1
    z2 = w2 * sigmoid(z1) + b2
    return sigmoid_derivative(z2) * w2 * sigmoid_derivative(z1) * x
'''),
}
