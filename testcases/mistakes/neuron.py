"""Typical wrong answers of lesson 01: the outputs each would produce, with a hint.

Each function takes the exercise's inputs and returns
``[(hint, {output name: wrong value or predicate}), ...]``. Random draws use private
``RandomState`` objects seeded like the check seeds the global generator, so the
student's generator is left alone.
"""
import numpy as np

from testcases.neuron import LECTURE_SEED

FLAT_IMAGE = ("모든 값이 같으면 max - min = 0이라 나눌 수 없습니다. 이때는 if 문으로 먼저 확인하고 "
              "np.zeros(images.shape)처럼 0으로 채운 실수 배열을 돌려주세요.")
SEED_INSIDE = ("함수 안에서 np.random.seed를 부르지 마세요. 시드는 함수를 부르기 전에 한 번만 정합니다 "
               "(채점 셀은 호출 직전에 직접 시드를 정하고, 숨겨진 테스트는 42가 아닌 시드도 씁니다).")
DRAW_ORDER = ("난수를 뽑는 순서가 다릅니다. 층마다 W[l]을 먼저, 그다음 b[l]을 뽑으세요 "
              "(W1, b1, W2, b2, … 순서). 순서가 바뀌면 같은 시드에서도 값이 달라집니다.")


def _has_nan(got):
    return isinstance(got, np.ndarray) and got.dtype.kind == "f" and bool(np.isnan(got).any())


def normalize(images):
    with np.errstate(all="ignore"):  # a wrong formula may divide by zero; no warning may reach stderr
        wrong_values = _normalize(np.asarray(images, dtype=float))
    return [(hint, {"normalized": wrong}) for hint, wrong in wrong_values]


def _normalize(x):
    """``[(hint, wrong value)]`` for the float image ``x``."""
    low, high = x.min(), x.max()
    span = high - low
    mistakes = [("255로 나누기는 최솟값이 0, 최댓값이 255일 때만 min-max 정규화와 같습니다. "
                 "images.min()과 images.max()로 이 배열의 값을 쓰세요.", x / 255),
                (FLAT_IMAGE, _has_nan)]
    if span == 0:
        return mistakes + [(FLAT_IMAGE, x), (FLAT_IMAGE, np.ones_like(x))]
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


def one_hot(labels, num_classes):
    m = len(labels)
    every_row = np.zeros((m, num_classes))
    every_row[:, labels] = 1
    from_labels = int(np.max(labels)) + 1
    return [("레이블 k는 k번 열(0부터 셉니다)에 1을 넣습니다. k - 1번 열이 아닙니다.",
             {"Y": np.eye(num_classes)[np.asarray(labels) - 1]}),
            ("Y[:, labels] = 1은 모든 행의 그 열들을 1로 만듭니다. 행 번호와 열 번호를 짝지어 "
             "Y[np.arange(m), labels] = 1처럼 쓰거나 반복문으로 한 행씩 채우세요.", {"Y": every_row}),
            ("열의 수는 레이블에서 세지 말고 num_classes 인자를 쓰세요. 이 레이블에 없는 숫자도 "
             "자기 열이 있어야 합니다.",
             {"Y": lambda got: from_labels != num_classes and np.shape(got) == (m, from_labels)}),
            ("열의 수를 10으로 정해 두지 말고 num_classes 인자를 쓰세요. 범주의 수는 문제마다 다릅니다.",
             {"Y": lambda got: num_classes != 10 and np.shape(got) == (m, 10)})]


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


def initialize_parameters(neurons_per_layer, seed):
    dims = neurons_per_layer
    steps = _steps(dims)
    layers = range(1, len(dims))
    all_weights_first = sorted(steps, key=lambda step: not step[0].startswith("W"))
    return [(DRAW_ORDER, _draw(seed, _steps(dims, bias_first=True))),
            (DRAW_ORDER, _draw(seed, all_weights_first)),
            ("np.sqrt(1 / n[l])의 n[l]은 이번 층(l)의 뉴런 수입니다. 앞 층의 뉴런 수 n[l-1]을 썼습니다.",
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
            ("이 실습에서는 b도 W처럼 난수로 시작합니다 (0이 아니라 np.random.randn(n[l]) * np.sqrt(1 / n[l])).",
             {f"b{l}": _all_zero for l in layers}),
            ("b[l]은 (n[l],) 모양의 1차원 배열입니다. np.random.randn(n[l])처럼 크기 하나만 주세요.",
             {f"b{l}": _has_shape((dims[l], 1)) for l in layers})]


def _weights_only(parameters):
    return {key: value for key, value in parameters.items() if key.startswith("W")}


def _all_zero(got):
    return isinstance(got, np.ndarray) and got.size > 0 and not got.any()


def _has_shape(shape):
    return lambda got: np.shape(got) == shape
