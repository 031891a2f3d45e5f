"""Student answers for lesson 01: typical wrong ones and correct ones written differently.

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's points;
``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase the failure
message must contain (``None`` where only the hidden cases can catch the mistake).
"""
from bank import Answer

WRONG = {
    # normalize
    "norm_divide_by_255": Answer("normalize", """
def normalize(images):
    return images / 255
""", "255로 나누기는"),
    "norm_no_min": Answer("normalize", """
def normalize(images):
    if images.max() == images.min():
        return np.zeros(images.shape)
    return images / images.max()
""", "최솟값을 빼지"),
    "norm_divides_by_max": Answer("normalize", """
def normalize(images):
    low, high = images.min(), images.max()
    if high == low:
        return np.zeros(images.shape)
    return (images - low) / high
""", "분모는 max가 아니라"),
    "norm_precedence": Answer("normalize", """
def normalize(images):
    low, high = images.min(), images.max()
    if high == low:
        return np.zeros(images.shape)
    return images - low / (high - low)
""", "괄호"),
    "norm_per_pixel": Answer("normalize", """
def normalize(images):
    low, high = images.min(axis=0), images.max(axis=0)
    if np.all(high == low):
        return np.zeros(images.shape)
    return (images - low) / (high - low)
""", "axis=0"),
    "norm_flat_gives_nan": Answer("normalize", """
def normalize(images):
    return (images - images.min()) / (images.max() - images.min())
""", "0으로 채운 실수 배열"),
    "norm_flat_zeros_like": Answer("normalize", """
def normalize(images):
    low, high = images.min(), images.max()
    if high == low:
        return np.zeros_like(images)
    return (images - low) / (high - low)
""", "np.zeros_like(images)는"),
    "norm_flat_returns_input": Answer("normalize", """
def normalize(images):
    low, high = images.min(), images.max()
    if high == low:
        return images.astype(float)
    return (images - low) / (high - low)
""", "0으로 채운 실수 배열"),
    "norm_integer_division": Answer("normalize", """
def normalize(images):
    low, high = images.min(), images.max()
    if high == low:
        return np.zeros(images.shape)
    return (images - low) // (high - low)
""", "정수 배열"),
    "norm_shifts_its_input": Answer("normalize", """
def normalize(images):
    images -= images.min()
    span = images.max()
    if span == 0:
        return np.zeros(images.shape)
    return images / span
""", "입력 images의 값을 그대로 고쳤습니다"),
    # one_hot
    "onehot_int_dtype": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((len(labels), num_classes), dtype=int)
    Y[np.arange(len(labels)), labels] = 1
    return Y
""", "실수(float) 배열이어야"),
    "onehot_bool": Answer("one_hot", """
def one_hot(labels, num_classes):
    return labels.reshape(-1, 1) == np.arange(num_classes)
""", "dtype이 bool"),
    "onehot_off_by_one": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((len(labels), num_classes))
    for i in range(len(labels)):
        Y[i, labels[i] - 1] = 1
    return Y
""", "k - 1번 열이 아닙니다"),
    "onehot_every_row": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((len(labels), num_classes))
    Y[:, labels] = 1
    return Y
""", "모든 행의 그 열들"),
    "onehot_classes_from_labels": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((len(labels), labels.max() + 1))
    Y[np.arange(len(labels)), labels] = 1
    return Y
""", "num_classes 인자를"),
    "onehot_transposed": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((num_classes, len(labels)))
    Y[labels, np.arange(len(labels))] = 1
    return Y
""", "전치"),
    "onehot_always_ten": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((len(labels), 10))
    Y[np.arange(len(labels)), labels] = 1
    return Y
""", "열의 수를 10으로 정해 두지"),
    # initialize_parameters
    "init_bias_first": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
    return parameters
""", "W[l]을 먼저"),
    "init_weights_then_biases": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    L = len(neurons_per_layer) - 1
    for l in range(1, L + 1):
        n = neurons_per_layer[l]
        parameters["W" + str(l)] = np.random.randn(n, neurons_per_layer[l - 1]) * np.sqrt(1 / n)
    for l in range(1, L + 1):
        n = neurons_per_layer[l]
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "W[l]을 먼저"),
    "init_fan_in": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n_prev)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n_prev)
    return parameters
""", "앞 층의 뉴런 수 n[l-1]"),
    "init_no_scale": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        parameters["W" + str(l)] = np.random.randn(neurons_per_layer[l], neurons_per_layer[l - 1])
        parameters["b" + str(l)] = np.random.randn(neurons_per_layer[l])
    return parameters
""", "np.sqrt(1 / n[l])을 곱하지"),
    "init_no_sqrt": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * (1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * (1 / n)
    return parameters
""", "제곱근이 빠졌습니다"),
    "init_unscaled_bias": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n)
    return parameters
""", "b에도 W와 같은"),
    "init_uniform": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.rand(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.rand(n) * np.sqrt(1 / n)
    return parameters
""", "np.random.randn(표준정규분포)"),
    "init_zero_bias": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.zeros(n)
    return parameters
""", "b도 W처럼 난수로"),
    "init_column_bias": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n, 1) * np.sqrt(1 / n)
    return parameters
""", "(n[l],) 모양의 1차원 배열"),
    "init_transposed": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n_prev, n) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "전치"),
    "init_lowercase_keys": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["w" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "빠진 키: ['W1'"),
    "init_misses_last_layer": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer) - 1):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "빠진 키: ['W3', 'b3']"),
    "init_reseeds_each_layer": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        np.random.seed(42)
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "np.random.seed를 부르지 마세요"),
    "init_seeds_inside": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    np.random.seed(42)
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "함수 안에서 np.random.seed를 부르지"),
    "init_three_layers_only": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in (1, 2, 3):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "인덱스가 범위를 벗어났습니다"),
    "init_calls_reference": Answer("initialize_parameters", """
from dlutils.reference.lesson01 import initialize_parameters
""", "참조 구현"),
    "init_imports_lesson02_helper": Answer("initialize_parameters", """
from dlutils.given.lesson02 import initialize_parameters
""", "참조 구현"),
    "init_wraps_reference": Answer("initialize_parameters", """
from dlutils.reference import lesson01 as answers

def initialize_parameters(neurons_per_layer):
    return answers.initialize_parameters(neurons_per_layer)
""", "참조 구현"),
    "init_str_plus_int": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + l] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + l] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", '"W" + str(l)'),
    "init_range_past_the_end": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    L = len(neurons_per_layer)
    parameters = {}
    for l in range(1, L + 1):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.random.randn(n) * np.sqrt(1 / n)
    return parameters
""", "범위"),
    "init_zero_column_bias": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        n, n_prev = neurons_per_layer[l], neurons_per_layer[l - 1]
        parameters["W" + str(l)] = np.random.randn(n, n_prev) * np.sqrt(1 / n)
        parameters["b" + str(l)] = np.zeros((n, 1))
    return parameters
""", "0이 아니라 난수로 시작하고, 모양도 (n[l], 1)이 아니라"),
}

CORRECT = {
    "norm_in_place_float": Answer("normalize", """
def normalize(images):
    normalized = images.astype(float)
    normalized -= normalized.min()
    span = normalized.max()
    if span > 0:
        normalized /= span
    return normalized
"""),
    "norm_ptp_divide_where": Answer("normalize", """
def normalize(images):
    span = np.ptp(images)
    shifted = images - np.min(images)
    return np.divide(shifted, span, out=np.zeros(images.shape), where=span != 0)
"""),
    "norm_float32": Answer("normalize", """
def normalize(images):
    x = np.asarray(images, dtype=np.float32)
    low, high = x.min(), x.max()
    return np.zeros_like(x) if high == low else (x - low) / (high - low)
"""),
    "onehot_eye_rows": Answer("one_hot", """
def one_hot(labels, num_classes):
    return np.eye(num_classes)[labels]
"""),
    "onehot_loop": Answer("one_hot", """
def one_hot(labels, num_classes):
    Y = np.zeros((len(labels), num_classes))
    for i, label in enumerate(labels):
        Y[i][label] = 1.0
    return Y
"""),
    "onehot_compare_as_float": Answer("one_hot", """
def one_hot(labels, num_classes):
    return (np.asarray(labels)[:, np.newaxis] == np.arange(num_classes)).astype(float)
"""),
    "init_normal_with_scale": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    for l in range(1, len(neurons_per_layer)):
        scale = np.sqrt(1 / neurons_per_layer[l])
        parameters[f"W{l}"] = np.random.normal(0, scale, size=(neurons_per_layer[l], neurons_per_layer[l - 1]))
        parameters[f"b{l}"] = np.random.normal(0, scale, size=neurons_per_layer[l])
    return parameters
"""),
    "init_zip_divide": Answer("initialize_parameters", """
def initialize_parameters(neurons_per_layer):
    parameters = {}
    pairs = zip(neurons_per_layer[1:], neurons_per_layer[:-1])
    for l, (n, n_prev) in enumerate(pairs, start=1):
        parameters["W%d" % l] = np.random.standard_normal((n, n_prev)) / np.sqrt(n)
        parameters["b%d" % l] = np.random.standard_normal(n) / np.sqrt(n)
    return parameters
"""),
}
