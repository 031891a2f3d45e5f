"""Lesson 01 (MNIST and the neuron): every graded function, declared once.

Conventions of lessons 01-02: one example at a time, ``x`` of shape ``(784,)``,
``W[l]`` of shape ``(n[l], n[l-1])`` and ``b[l]`` of shape ``(n[l],)``.
``initialize_parameters`` draws from numpy's global generator: every check seeds it
right before the call (the input ``seed``: 42 in the first public case, so the numbers
match the lecture's, and another seed in the second, so a seed fixed inside the
function fails in the notebook already). Mistakes are the outputs typical wrong answers
produce, each with its Korean hint; their random draws use private ``RandomState``
objects, so the student's global random state is left alone.
"""
import numpy as np

from testcases.engine.compare import check_array, check_dict
from testcases.engine.exercise import Case, function
from testcases.engine.report import fail

LECTURE_SEED = 42

FLAT_IMAGE = ("모든 값이 같으면 max - min = 0이라 나눌 수 없습니다. 이때는 if 문으로 먼저 확인하고 "
              "np.zeros(images.shape)처럼 0으로 채운 실수 배열을 돌려주세요.")
SEED_INSIDE = ("함수 안에서 np.random.seed를 부르지 마세요. 시드는 함수를 부르기 전에 한 번만 정합니다. "
               "채점 셀도, 숨겨진 테스트도 42가 아닌 시드로 정한 뒤에 이 함수를 부릅니다.")
DRAW_ORDER = ("난수를 뽑는 순서가 다릅니다. 층마다 W[l]을 먼저, 그다음 b[l]을 뽑으세요 "
              "(W1, b1, W2, b2, … 순서). 순서가 바뀌면 같은 시드에서도 값이 달라집니다.")
RANDOM_BIAS = "이 실습에서는 b도 W처럼 난수로 시작합니다 (0이 아니라 np.random.randn(n[l]) * np.sqrt(1 / n[l]))."
FLAT_BIAS = "b[l]은 (n[l],) 모양의 1차원 배열입니다. np.random.randn(n[l])처럼 크기 하나만 주세요."


def _check_float(label, array, hint):
    """Values already match; the array must also hold floats, not integers or booleans."""
    if array.dtype.kind != "f":
        fail(label, [f"값은 맞지만 dtype이 {array.dtype}입니다. 실수(float) 배열이어야 합니다."], [hint])


# ── hidden-case edges: where wrong code looks right ──

def _detail(edge, text):
    return f"{edge}: {text}"


# ── normalize ──

def _has_nan(got):
    return isinstance(got, np.ndarray) and got.dtype.kind == "f" and bool(np.isnan(got).any())


def _normalize_mistakes(images):
    """``[(hint, wrong value or predicate)]`` for ``images``."""
    x = np.asarray(images, dtype=float)
    low, high = x.min(), x.max()
    span = high - low
    mistakes = [("255로 나누기는 최솟값이 0, 최댓값이 255일 때만 min-max 정규화와 같습니다. "
                 "images.min()과 images.max()로 이 배열의 값을 쓰세요.", x / 255),
                (FLAT_IMAGE, _has_nan)]
    if span == 0:
        return mistakes + [(FLAT_IMAGE, x), (FLAT_IMAGE, np.ones_like(x))]
    with np.errstate(all="ignore"):  # a per-axis range may be 0: the wrong value holds nan, silently
        mistakes += [("최솟값을 빼지 않았습니다: (images - min) / (max - min).", x / high),
                     ("분모는 max가 아니라 max - min입니다.", (x - low) / high),
                     ("괄호가 빠졌습니다. 나눗셈이 뺄셈보다 먼저 계산되니 (images - min)을 괄호로 묶으세요.",
                      x - low / span)]
        for axis in range(x.ndim if x.ndim > 1 else 0):
            low_axis = x.min(axis=axis, keepdims=True)
            per_axis = (x - low_axis) / (x.max(axis=axis, keepdims=True) - low_axis)
            mistakes.append((f"axis={axis}로 축마다 따로 정규화했습니다. 최솟값과 최댓값은 "
                             "배열 전체에서 하나씩입니다: images.min(), images.max() (axis 없이).", per_axis))
    return mistakes


def _compare_normalize(label, got, inputs, expected):
    normalized = got["normalized"]
    check_array(label, normalized, expected["normalized"], _normalize_mistakes(inputs["images"]))
    _check_float(label, normalized,
                 "np.zeros_like(images)는 images의 dtype(예: uint8)을 그대로 따릅니다. "
                 "np.zeros(images.shape)나 dtype=float로 실수 배열을 만드세요.")


def _normalize_cases():
    """An 8-bit image whose values reach neither 0 nor 255, and a flat gray one (max == min)."""
    images = np.random.default_rng(1).integers(30, 221, size=(4, 6)).astype(np.uint8)
    gray = np.full((2, 3), 128, dtype=np.uint8)
    return [Case({"images": images}, title="0도 255도 아닌 값으로 된 8비트 이미지"),
            Case({"images": gray}, title="모든 픽셀이 128인 회색 이미지 (max == min)")]


def _hidden_normalize(rng, trial):
    if trial == 0:
        low = int(rng.integers(1, 60))
        images = rng.integers(low, low + 150, size=(int(rng.integers(2, 5)), 784)).astype(np.uint8)
        edge = "0도 255도 아닌 8비트 이미지들"
    elif trial == 1:
        images = np.full((28, 28), int(rng.integers(1, 255)), dtype=np.uint8)
        edge = "한 가지 밝기의 회색 이미지 (max == min)"
    elif trial == 2:
        images = rng.normal(-2.0, 3.0, size=int(rng.integers(5, 12)))
        edge = "음수가 있는 실수 벡터"
    elif trial == 3:
        images = rng.integers(-40, 300, size=(int(rng.integers(2, 4)), 3, 5))
        edge = "3차원 정수 배열"
    elif trial == 4:
        images = np.full((3, 4), -1.5)
        edge = "모든 값이 -1.5인 실수 배열 (max == min)"
    else:
        images = rng.integers(0, 256, size=(784, int(rng.integers(1, 3)))).astype(np.uint8)
        edge = "좁고 긴 8비트 배열"
    return Case({"images": images}, detail=_detail(edge, f"images {images.shape} {images.dtype}"))


# ── one_hot ──

def _one_hot_mistakes(labels, num_classes):
    labels = np.asarray(labels)
    m = len(labels)
    every_row = np.zeros((m, num_classes))
    every_row[:, labels] = 1
    from_labels = int(np.max(labels)) + 1
    return [("레이블 k는 k번 열(0부터 셉니다)에 1을 넣습니다. k - 1번 열이 아닙니다.",
             np.eye(num_classes)[labels - 1]),
            ("Y[:, labels] = 1은 모든 행의 그 열들을 1로 만듭니다. 행 번호와 열 번호를 짝지어 "
             "Y[np.arange(m), labels] = 1처럼 쓰거나 반복문으로 한 행씩 채우세요.", every_row),
            ("열의 수는 레이블에서 세지 말고 num_classes 인자를 쓰세요. 이 레이블에 없는 숫자도 "
             "자기 열이 있어야 합니다.",
             lambda got: from_labels != num_classes and np.shape(got) == (m, from_labels)),
            ("열의 수를 10으로 정해 두지 말고 num_classes 인자를 쓰세요. 범주의 수는 문제마다 다릅니다.",
             lambda got: num_classes != 10 and np.shape(got) == (m, 10))]


def _compare_one_hot(label, got, inputs, expected):
    Y = got["Y"]
    check_array(label, Y, expected["Y"], _one_hot_mistakes(inputs["labels"], inputs["num_classes"]))
    _check_float(label, Y, "np.zeros((len(labels), num_classes))처럼 dtype을 정하지 않으면 "
                           "실수 배열이 됩니다. 비교 결과(True/False)라면 .astype(float)로 바꾸세요.")


def _one_hot_cases():
    """Labels without the last class, so counting classes from the labels gives too few columns;
    then another number of classes than MNIST's 10, so a fixed 10 columns fails too."""
    return [Case({"labels": np.array([3, 0, 7, 1, 5]), "num_classes": 10}, title="MNIST처럼 범주 10개"),
            Case({"labels": np.array([2, 0, 2, 1]), "num_classes": 4}, title="범주 4개")]


def _hidden_one_hot(rng, trial):
    if trial == 0:
        num_classes, edge = 3, "마지막 범주가 없는 레이블"
        labels = rng.integers(0, num_classes - 1, size=int(rng.integers(4, 10)))
    elif trial == 1:
        num_classes, edge = 7, "레이블 하나"
        labels = rng.integers(1, num_classes - 1, size=1)
    elif trial == 2:
        num_classes, edge = 12, "범주가 여럿 빠진 레이블"
        labels = rng.choice([0, 2, 5, 6, 9], size=int(rng.integers(5, 10)))
    elif trial == 3:
        num_classes, edge = 2, "모두 0인 레이블, 범주 두 개"
        labels = np.zeros(int(rng.integers(3, 7)), dtype=int)
    else:
        num_classes, edge = int(rng.integers(4, 16)), "무작위"
        labels = rng.integers(0, num_classes, size=int(rng.integers(2, 12)))
    return Case({"labels": labels, "num_classes": num_classes},
                detail=_detail(edge, f"labels {labels.tolist()}, num_classes={num_classes}"))


# ── initialize_parameters ──

def _lecture_scale(n, n_prev):
    return np.sqrt(1 / n)


def _fan_in_scale(n, n_prev):
    return np.sqrt(1 / n_prev)


def _no_sqrt_scale(n, n_prev):
    return 1 / n


def _no_scale(n, n_prev):
    return 1


def _steps(dims, w_scale=_lecture_scale, b_scale=_lecture_scale, bias_first=False):
    """``(key, shape, scale)`` of every draw, in order: W1, b1, W2, b2, ..."""
    steps = []
    for l in range(1, len(dims)):
        n, n_prev = dims[l], dims[l - 1]
        pair = [(f"W{l}", (n, n_prev), w_scale(n, n_prev)), (f"b{l}", (n,), b_scale(n, n_prev))]
        steps += pair[::-1] if bias_first else pair
    return steps


def _draw(seed, steps, sample="randn", reseed_each_layer=False):
    """The parameters a generator seeded with ``seed`` gives when drawn in the order of ``steps``."""
    rng = np.random.RandomState(seed)
    drawn = {}
    for key, shape, scale in steps:
        if reseed_each_layer and key.startswith("W"):
            rng = np.random.RandomState(seed)
        drawn[key] = getattr(rng, sample)(*shape) * scale
    return drawn


def _weights_only(parameters):
    return {key: value for key, value in parameters.items() if key.startswith("W")}


def _all_zero(got):
    return isinstance(got, np.ndarray) and got.size > 0 and not got.any()


def _has_shape(shape):
    return lambda got: np.shape(got) == shape


def _zero_column(shape):
    return lambda got: np.shape(got) == shape and _all_zero(got)


def _initialize_parameters_mistakes(dims, seed):
    steps = _steps(dims)
    layers = range(1, len(dims))
    all_weights_first = sorted(steps, key=lambda step: not step[0].startswith("W"))
    return [(DRAW_ORDER, _draw(seed, _steps(dims, bias_first=True))),
            (DRAW_ORDER, _draw(seed, all_weights_first)),
            ("이 실습은 강의를 따라 이번 층의 뉴런 수 n[l]로 np.sqrt(1 / n[l])을 곱합니다. "
             "앞 층의 뉴런 수 n[l-1]을 썼습니다 (흔히 쓰는 규칙이지만 이 실습의 약속과 다릅니다).",
             _draw(seed, _steps(dims, _fan_in_scale, _fan_in_scale))),
            ("np.sqrt(1 / n[l])을 곱하지 않았습니다. 표준정규분포 값에 곱해 크기를 줄이세요.",
             _weights_only(_draw(seed, _steps(dims, _no_scale, _no_scale)))),
            ("b에도 W와 같은 np.sqrt(1 / n[l])을 곱하세요.", _draw(seed, _steps(dims, b_scale=_no_scale))),
            ("제곱근이 빠졌습니다: 1 / n[l]이 아니라 np.sqrt(1 / n[l])입니다.",
             _draw(seed, _steps(dims, _no_sqrt_scale, _no_sqrt_scale))),
            ("np.random.rand(균등분포)가 아니라 np.random.randn(표준정규분포)을 쓰세요.",
             _draw(seed, steps, sample="rand")),
            (SEED_INSIDE, _draw(LECTURE_SEED, steps, reseed_each_layer=True)),
            (SEED_INSIDE, _draw(LECTURE_SEED, steps) if seed != LECTURE_SEED else {}),
            ("b[l]은 0이 아니라 난수로 시작하고, 모양도 (n[l], 1)이 아니라 (n[l],)인 1차원 배열입니다: "
             "np.random.randn(n[l]) * np.sqrt(1 / n[l]).", {f"b{l}": _zero_column((dims[l], 1)) for l in layers}),
            (RANDOM_BIAS, {f"b{l}": _all_zero for l in layers}),
            (FLAT_BIAS, {f"b{l}": _has_shape((dims[l], 1)) for l in layers})]


def _compare_initialize_parameters(label, got, inputs, expected):
    mistakes = _initialize_parameters_mistakes(inputs["neurons_per_layer"], inputs["seed"])
    check_dict(label, got["parameters"], expected, mistakes)


def _initialize_parameters_expected(ref, inputs):
    """The reference right after ``np.random.seed(seed)``; the global generator is put back afterwards."""
    state = np.random.get_state()
    try:
        np.random.seed(inputs["seed"])
        return ref.initialize_parameters(inputs["neurons_per_layer"])
    finally:
        np.random.set_state(state)


def _initialize_parameters_cases():
    """The lecture's network and seed, then another seed and network: a seed fixed inside the
    function gives the lecture's numbers in the first case only."""
    return [Case({"neurons_per_layer": [10, 5, 5, 3], "seed": LECTURE_SEED},
                 title="강의와 같은 시드: np.random.seed(seed)를 부른 바로 다음에 호출합니다"),
            Case({"neurons_per_layer": [4, 3, 2], "seed": 7},
                 title="다른 시드와 다른 층 구조: 이번에도 np.random.seed(seed) 바로 다음에 호출합니다")]


def _hidden_initialize_parameters(rng, trial):
    if trial == 0:
        dims, edge = [int(rng.integers(2, 6))] * int(rng.integers(3, 5)), "이웃한 층의 크기가 같음"
    elif trial == 1:
        dims, edge = [1, 1, 1], "뉴런이 하나인 층들"
    elif trial == 2:
        dims, edge = [int(rng.integers(7, 10)), int(rng.integers(1, 3))], "층 하나 (L = 1), 출력 뉴런이 적음"
    elif trial == 3:
        small, large = int(rng.integers(1, 3)), int(rng.integers(7, 10))
        dims, edge = [small, large, small, large, small], "좁은 층과 넓은 층이 번갈아 (L = 4)"
    else:
        dims, edge = [int(n) for n in rng.integers(1, 9, size=int(rng.integers(3, 7)))], "무작위"
    seed = int(rng.integers(100, 100_000))
    return Case({"neurons_per_layer": dims, "seed": seed},
                detail=_detail(edge, f"neurons_per_layer {dims}, np.random.seed({seed})"))


EXERCISES = [
    function("normalize", ("images",), ("normalized",), show_inputs=True,
             public=_normalize_cases, hidden=_hidden_normalize, trials=6,
             expected=lambda ref, inputs: {"normalized": ref.normalize(inputs["images"])},
             compare=_compare_normalize,
             mutation_hints={"images": "images -= ...나 images /= ...처럼 제자리 연산을 하면 함수를 부른 쪽의 "
                                       "배열도 바뀝니다. images - images.min()처럼 새 배열을 만들거나, "
                                       "images.astype(float)로 복사한 뒤 고치세요."}),
    function("one_hot", ("labels", "num_classes"), ("Y",), show_inputs=True,
             public=_one_hot_cases, hidden=_hidden_one_hot,
             expected=lambda ref, inputs: {"Y": ref.one_hot(inputs["labels"], inputs["num_classes"])},
             compare=_compare_one_hot),
    function("initialize_parameters", ("neurons_per_layer",), ("parameters",), seed_input="seed",
             show_inputs=True,
             public=_initialize_parameters_cases, hidden=_hidden_initialize_parameters,
             expected=_initialize_parameters_expected, compare=_compare_initialize_parameters),
]
