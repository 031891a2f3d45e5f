"""Lesson 02 (forward propagation): every graded function, declared once.

Conventions of the lesson: one example ``x`` has shape ``(n[0],)``; a batch ``X`` has
one example per ROW, shape ``(m, n[0])``; ``W[l]`` has shape ``(n[l], n[l-1])`` and
``b[l]`` shape ``(n[l],)``; every layer is sigmoid; caches are dicts
``{"a0": input, "z1": ..., "a1": ..., ..., "zL": ..., "aL": ...}``. The lesson's
``sigmoid`` (``dlutils.given.lesson02``) returns the value alone.

The public cases are the ones the lesson always had: parameters from the given
``initialize_parameters`` after a fixed seed (numpy's global random state is put
back afterwards), and the first 8 digits of the lecture's CSV for the loss and the
accuracy. ``compute_loss`` and ``compute_accuracy`` call the student's
``feed_forward``: the engine answers those calls with the reference's (``calls=``),
so a wrong ``feed_forward`` costs only its own points. Mistakes are the outputs
typical wrong answers produce, each with its Korean hint.
"""
import numpy as np

from dlutils.data import load_mnist_preprocessed_csv, split_features_labels
from dlutils.given.lesson02 import initialize_parameters, sigmoid
from testcases.engine.compare import check_array, check_dict, check_scalar, pick
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

TINY_NETWORK = [4, 3, 3, 2]
MNIST_NETWORK = [784, 16, 10]
MNIST_ROWS = slice(0, 8)

COLUMN = ("이번 실습에서 x, b, a는 1차원 배열 (n,)입니다. reshape(-1, 1)로 열 벡터 (n, 1)를 만들면 "
          "W @ a + b가 브로드캐스팅으로 2차원 행렬로 퍼집니다.")
TRANSPOSED = ("출력이 (n[L], m) 모양, 즉 예제가 열입니다. 이번 실습은 예제가 행이므로 "
              "Z = A_prev @ W.T + b로 (m, n[l])을 만드세요. W @ X.T는 예제를 열로 두는 07 실습의 방식입니다.")
FIRST_ELEMENT = ("sigmoid(z)[0]처럼 [0]을 붙이지 않았는지 확인하세요. 이번 실습의 sigmoid는 값만 돌려주므로 "
                 "[0]은 첫 번째 원소 하나(배치라면 첫 번째 행 하나)만 꺼냅니다. a = sigmoid(z)처럼 그대로 쓰세요.")
INPUT_FED = ("앞 층의 출력 대신 입력 x를 다음 층에 넣었습니다. l번 층의 입력은 바로 앞 층의 출력 "
             "cache[\"a\" + str(l - 1)]입니다 (x는 1번 층에만 들어갑니다).")
UNPACK = ("feed_forward 함수는 (a, cache) 두 값을 튜플로 돌려줍니다. a = feed_forward(x, parameters)라고 쓰면 "
          "a가 튜플이 됩니다. a, _ = feed_forward(x, parameters)처럼 나누어 받으세요.")
FORWARD_ERRORS = {
    "does not have enough dimensions": "행렬 곱에 숫자 하나(0차원 값)가 들어갔습니다. " + FIRST_ELEMENT,
    "too many values to unpack": ("값을 나누어 받는 줄(a, b = ...)에서 오른쪽 값의 개수가 맞지 않습니다. "
                                  "이번 실습의 sigmoid(z)는 값 하나만 돌려주므로 a, _ = sigmoid(z)가 아니라 "
                                  "a = sigmoid(z)로 씁니다."),
}
USES_FEED_FORWARD_ERRORS = {
    "inhomogeneous shape": UNPACK,
    "'tuple'": UNPACK,
}


# ── shapes of hidden cases: the edges where wrong code looks right, then random ones ──

EDGES = (("이웃한 층의 크기가 같음", 3), ("유닛 하나, 예제 하나", 2), ("넓은 행렬과 좁고 긴 행렬", 4),
         ("좁고 긴 행렬과 넓은 행렬", 2), ("무작위", 1), ("무작위", 3))  # (what the trial tests, depth L)
TRIALS = len(EDGES)


def _dims(rng, trial):
    """``neurons_per_layer`` and a number of examples for hidden trial ``trial`` (see ``EDGES``).

    Equal sizes everywhere (the input too), so code that feeds ``x`` to a later layer
    runs without an error; single units and one example; alternating small and
    large layers, so every ``W`` is tall or wide; then random sizes.
    """
    count = EDGES[trial][1] + 1
    if trial == 0:
        return [int(rng.integers(2, 6))] * count, int(rng.integers(2, 5))
    if trial == 1:
        return [1] * count, 1
    if trial in (2, 3):
        small, large = int(rng.integers(1, 3)), int(rng.integers(7, 10))
        pattern = (large, small) if trial == 2 else (small, large)
        return [pattern[i % 2] for i in range(count)], (large if trial == 2 else small) + 1
    return [int(n) for n in rng.integers(1, 8, size=count)], int(rng.integers(2, 8))


def _detail(trial, dims, extra=""):
    return f"{EDGES[trial][0]}: neurons_per_layer {dims}{extra}"


def _random_parameters(rng, dims):
    """Parameters of any shape, scaled like ``initialize_parameters``."""
    parameters = {}
    for l in range(1, len(dims)):
        scale = np.sqrt(1 / dims[l])
        parameters["W" + str(l)] = rng.standard_normal((dims[l], dims[l - 1])) * scale
        parameters["b" + str(l)] = rng.standard_normal(dims[l]) * scale
    return parameters


def _network(rng, trial):
    dims, m = _dims(rng, trial)
    return dims, m, _random_parameters(rng, dims)


def _seeded_parameters(neurons_per_layer, seed):
    """``initialize_parameters`` after ``np.random.seed(seed)``, leaving the global random state as it was."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        return initialize_parameters(neurons_per_layer)
    finally:
        np.random.set_state(state)


# ── forward passes that typical answers compute (rows of a batch are examples) ──

def _layers(a0, parameters, step):
    """``{"a": output, "a0": a0, "z1": ..., "a1": ...}`` of a pass whose layer is ``step(W, a_prev, b, last)``.

    ``a_prev @ W.T`` is ``W @ a_prev`` for one example and the row-wise product for a batch.
    """
    L = len(parameters) // 2
    a, outputs = a0, {"a0": a0}
    for l in range(1, L + 1):
        z, a = step(parameters["W" + str(l)], a, parameters["b" + str(l)], l == L)
        outputs["z" + str(l)], outputs["a" + str(l)] = z, a
    return {"a": a, **outputs}


def _with_z(activation, bias=True):
    def step(W, a_prev, b, last):
        z = a_prev @ W.T + (b if bias else 0)
        return z, activation(z, last)
    return step


def _outputs(x_val, parameters):
    """The network's outputs for the examples in the rows of ``x_val``."""
    return _layers(x_val, parameters, _with_z(lambda z, last: sigmoid(z)))["a"]


def _input_fed(a0, parameters):
    """Every layer whose width fits the input gets the input instead of the previous layer's output."""
    def step(W, a_prev, b, last):
        z = (a0 if W.shape[1] == a0.shape[-1] else a_prev) @ W.T + b
        return z, sigmoid(z)
    return _layers(a0, parameters, step)


def _forward_mistakes(a0, parameters):
    correct = _layers(a0, parameters, _with_z(lambda z, last: sigmoid(z)))
    L = len(parameters) // 2
    return [
        ("편향 b를 더하지 않았습니다: z = W a + b.",
         _layers(a0, parameters, _with_z(lambda z, last: sigmoid(z), bias=False))),
        ("시그모이드를 두 번 적용했습니다. a = σ(z)처럼 z에 한 번만 씌우세요.",
         _layers(a0, parameters, _with_z(lambda z, last: sigmoid(sigmoid(z))))),
        ("출력층에도 시그모이드를 적용하세요: 모든 층 l = 1, …, L에서 a[l] = σ(z[l])입니다.",
         _layers(a0, parameters, _with_z(lambda z, last: z if last else sigmoid(z)))),
        ("활성화 함수는 시그모이드입니다. np.maximum(0, z)는 ReLU입니다.",
         _layers(a0, parameters, _with_z(lambda z, last: np.maximum(0, z)))),
        ("cache의 z에는 시그모이드를 적용하기 전의 값 z[l] = W a + b를 저장하세요 (a[l]이 아니라).",
         {"z" + str(l): correct["a" + str(l)] for l in range(1, L + 1)}),
        (INPUT_FED, _input_fed(a0, parameters)),
    ]


def _check_output(label, got, expected):
    """The output is an array, not one number (``sigmoid(z)[0]``) nor a tuple."""
    if isinstance(got, tuple):
        fail(label, [f"numpy 배열이어야 하는데 길이 {len(got)}인 튜플입니다."],
             ["이번 실습의 sigmoid는 값 하나만 돌려줍니다. 출력 a에는 sigmoid(z)의 결과를 그대로 담으세요."])
    if isinstance(got, (float, int, np.number)) or (isinstance(got, np.ndarray) and got.ndim == 0):
        fail(label, [f"{np.shape(expected)} 모양의 배열이어야 하는데 숫자 하나입니다."], [FIRST_ELEMENT])


def _compare_forward(label, got, expected, output, mistakes):
    _check_output(f"{label}의 {output}", got[output], expected[output])
    check_array(f"{label}의 {output}", got[output], expected[output], pick(mistakes, output))
    expected_cache = {key: value for key, value in expected.items() if key != output}
    check_dict(f"{label}의 cache", got["cache"], expected_cache, mistakes)


# ── feed_forward ──

def _column_shape(n):
    """A 2-D output of ``n`` rows: what ``b`` or ``x`` reshaped to a column makes of ``W @ a + b``."""
    return lambda got: np.ndim(got) == 2 and np.shape(got)[0] == n


def _compare_feed_forward(label, got, inputs, expected):
    x, parameters = inputs["x"], inputs["parameters"]
    n_out = parameters["b" + str(len(parameters) // 2)].shape[0]
    mistakes = _forward_mistakes(x, parameters) + [(COLUMN, {"a": _column_shape(n_out)})]
    _compare_forward(label, got, expected, "a", mistakes)


def _feed_forward_expected(ref, inputs):
    a, cache = ref.feed_forward(inputs["x"], inputs["parameters"])
    return {"a": a, **cache}


def _feed_forward_input():
    return np.random.default_rng(1).uniform(0, 1, TINY_NETWORK[0]), _seeded_parameters(TINY_NETWORK, seed=2)


def _feed_forward_case():
    """One example of 4 features through a 3-layer network ``[4, 3, 3, 2]``."""
    x, parameters = _feed_forward_input()
    return [Case({"x": x, "parameters": parameters})]


def _hidden_feed_forward(rng, trial):
    dims, _, parameters = _network(rng, trial)
    x = rng.uniform(0, 1, dims[0])
    return Case({"x": x, "parameters": parameters}, detail=_detail(trial, dims))


# ── compute_loss ──

def _one_hot(labels, n_classes):
    return np.eye(n_classes)[labels]


def _compare_compute_loss(label, got, inputs, expected):
    x_val, y_val, parameters = inputs["x_val"], inputs["y_val"], inputs["parameters"]
    outputs = _outputs(x_val, parameters)
    squared = (outputs - y_val) ** 2
    m = len(x_val)
    mistakes = [("1/2을 곱하지 않았습니다. 예제 하나의 손실은 np.mean((a - y) ** 2) / 2입니다.", np.mean(squared)),
                ("출력 뉴런들의 오차는 더하지 말고 평균을 내세요 (np.sum이 아니라 np.mean).",
                 np.mean(np.sum(squared, axis=1)) / 2),
                ("예제들의 손실을 더하기만 했습니다. 마지막에 예제 수 len(x_val)로 나누어 평균을 내세요.",
                 np.sum(np.mean(squared, axis=1)) / 2),
                ("마지막 예제의 손실만 남았습니다. loss = ... 대신 loss += ...로 예제마다 더하세요.",
                 np.mean(squared[-1]) / 2 / m),
                ("오차를 제곱하세요: (a - y) ** 2.", np.mean(outputs - y_val) / 2),
                ("예제마다의 손실을 평균 내어 숫자 하나로 반환하세요.",
                 lambda got: np.ndim(got) == 1 and np.shape(got)[0] in (m, y_val.shape[1]))]
    check_scalar(f"{label}의 loss", got["loss"], expected["loss"], mistakes)


def _mnist_case():
    """The first 8 digits of the lecture CSV and a random ``[784, 16, 10]`` network."""
    x, y = split_features_labels(load_mnist_preprocessed_csv())
    return [Case({"x_val": x[MNIST_ROWS], "y_val": y[MNIST_ROWS],
                  "parameters": _seeded_parameters(MNIST_NETWORK, seed=31)})]


def _hidden_compute_loss(rng, trial):
    dims, m, parameters = _network(rng, trial)
    x_val = rng.uniform(0, 1, (m, dims[0]))
    y_val = _one_hot(rng.integers(0, dims[-1], size=m), dims[-1])
    return Case({"x_val": x_val, "y_val": y_val, "parameters": parameters},
                detail=_detail(trial, dims, f", 예제 {m}개"))


# ── compute_accuracy ──

def _compare_compute_accuracy(label, got, inputs, expected):
    x_val, y_val, parameters = inputs["x_val"], inputs["y_val"], inputs["parameters"]
    outputs = _outputs(x_val, parameters)
    hits = outputs.argmax(axis=1) == y_val.argmax(axis=1)
    mistakes = [("맞힌 개수가 아니라 비율을 반환하세요: 맞힌 개수 / 예제 수.", np.sum(hits)),
                ("백분율(%)이 아니라 0과 1 사이의 비율을 반환하세요.", 100 * np.mean(hits)),
                ("y는 원-핫 벡터입니다. np.argmax(a)는 np.argmax(y)와 비교하세요 (y 자체가 아니라).",
                 np.mean(outputs.argmax(axis=1)[:, None] == y_val)),
                ("argmax의 axis를 확인하세요. 예제마다(행마다) 가장 큰 출력을 찾으려면 axis=1입니다.",
                 np.mean(outputs.argmax(axis=0) == y_val.argmax(axis=0))),
                ("예제마다 맞았는지를 담은 배열이 아니라, 그 평균(숫자 하나)을 반환하세요.",
                 lambda got: np.ndim(got) == 1 and np.shape(got)[0] == len(x_val))]
    check_scalar(f"{label}의 accuracy", got["accuracy"], expected["accuracy"], mistakes)


def _hidden_compute_accuracy(rng, trial):
    """Labels agree with the network's prediction on 1..m-1 of the examples (when m and the classes allow)."""
    dims, m, parameters = _network(rng, trial)
    x_val = rng.uniform(0, 1, (m, dims[0]))
    n_classes = dims[-1]
    predicted = _outputs(x_val, parameters).argmax(axis=1)
    if n_classes == 1:
        labels = predicted
    elif m == 1:
        labels = rng.integers(0, n_classes, size=m)
    else:
        right = rng.permutation(m) < int(rng.integers(1, m))
        labels = np.where(right, predicted, (predicted + rng.integers(1, n_classes, size=m)) % n_classes)
    return Case({"x_val": x_val, "y_val": _one_hot(labels, n_classes), "parameters": parameters},
                detail=_detail(trial, dims, f", 예제 {m}개"))


# ── feed_forward_batch ──

def _compare_feed_forward_batch(label, got, inputs, expected):
    X, parameters = inputs["X"], inputs["parameters"]
    renamed = [(hint, {("A" if key == "a" else key): value for key, value in wrong.items()})
               for hint, wrong in _forward_mistakes(X, parameters)]
    correct = _layers(X, parameters, _with_z(lambda z, last: sigmoid(z)))
    transposed = {key: value.T for key, value in correct.items() if key != "a0"}
    transposed["A"] = transposed.pop("a")
    mistakes = renamed + [(TRANSPOSED, transposed), (FIRST_ELEMENT, {"A": correct["a"][0]})]
    _compare_forward(label, got, expected, "A", mistakes)


def _feed_forward_batch_expected(ref, inputs):
    A, cache = ref.feed_forward_batch(inputs["X"], inputs["parameters"])
    return {"A": A, **cache}


def _feed_forward_batch_case():
    """Three examples as rows; the first row is ``feed_forward``'s ``x``."""
    x, parameters = _feed_forward_input()
    others = np.random.default_rng(3).uniform(0, 1, (2, x.size))
    return [Case({"X": np.vstack([x, others]), "parameters": parameters})]


def _hidden_feed_forward_batch(rng, trial):
    dims, m, parameters = _network(rng, trial)
    X = rng.uniform(0, 1, (m, dims[0]))
    return Case({"X": X, "parameters": parameters}, detail=_detail(trial, dims, f", X {X.shape}"))


def _returns(name, output):
    return lambda ref, inputs: {output: getattr(ref, name)(*inputs.values())}


EXERCISES = [
    function("feed_forward", ("x", "parameters"), ("a", "cache"),
             public=_feed_forward_case, hidden=_hidden_feed_forward, trials=TRIALS,
             expected=_feed_forward_expected, compare=_compare_feed_forward, error_hints=FORWARD_ERRORS),
    function("compute_loss", ("x_val", "y_val", "parameters"), ("loss",), calls=("feed_forward",),
             public=_mnist_case, hidden=_hidden_compute_loss, trials=TRIALS,
             expected=_returns("compute_loss", "loss"), compare=_compare_compute_loss,
             error_hints=USES_FEED_FORWARD_ERRORS),
    function("compute_accuracy", ("x_val", "y_val", "parameters"), ("accuracy",), calls=("feed_forward",),
             public=_mnist_case, hidden=_hidden_compute_accuracy, trials=TRIALS,
             expected=_returns("compute_accuracy", "accuracy"), compare=_compare_compute_accuracy,
             error_hints=USES_FEED_FORWARD_ERRORS),
    function("feed_forward_batch", ("X", "parameters"), ("A", "cache"),
             public=_feed_forward_batch_case, hidden=_hidden_feed_forward_batch, trials=TRIALS,
             expected=_feed_forward_batch_expected, compare=_compare_feed_forward_batch,
             error_hints=FORWARD_ERRORS),
]
