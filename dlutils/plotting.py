"""Figures for the lessons, with Korean labels that render on a fresh machine.

Importing this module makes NanumGothic (shipped by ``koreanize-matplotlib``) the
default font, so Hangul shows as text and not as empty boxes.
"""
import importlib.util
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch



def _use_korean_font():
    """Register NanumGothic as the default font, from the file koreanize-matplotlib ships.

    The font file is used directly: importing that package runs deprecated
    ``distutils`` code, which warns today and fails on Python 3.12.
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None:
        raise ModuleNotFoundError("한글 글꼴이 든 koreanize-matplotlib 패키지가 없습니다. "
                                  "pip install koreanize-matplotlib 로 설치하세요.")
    for font in sorted((Path(spec.submodule_search_locations[0]) / "fonts").glob("NanumGothic*.ttf")):
        font_manager.fontManager.addfont(str(font))  # regular, bold, extra bold, light
    matplotlib.rcParams["font.family"] = "NanumGothic"
    matplotlib.rcParams["axes.unicode_minus"] = False


_use_korean_font()

FORWARD_COLOR = "#7b5ea7"
BACKWARD_COLOR = "#c0392b"
CACHE_COLOR = "#7f8c8d"


def _box(ax, x, y, text, color, width, height):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0,rounding_size=0.06", facecolor=color, alpha=0.15,
                                edgecolor=color, linewidth=1.5))
    ax.text(x, y, text, ha="center", va="center", fontsize=9, linespacing=1.5)


def _arrow(ax, start, end, color, dashed=False):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=color,
                                 linewidth=1.3, linestyle="--" if dashed else "-", shrinkA=0, shrinkB=0))


# Layout of the module outline, in inches (the axes fill the figure, one data unit = one inch).
_OUTLINE = {"box_width": 2.05, "box_height": 0.62, "gap": 0.6, "cost_width": 1.3,
            "first_box": 1.45, "margin": 0.25, "rows_apart": 1.6}


def draw_module_outline(n_layers=3):
    """The forward and backward modules of an ``n_layers``-layer network, one above the other.

    Top row: ``[LINEAR → RELU]`` for layers 1 .. L-1, then ``LINEAR → SIGMOID``
    and the cost. Bottom row: the matching backward steps from ``dAL`` down to
    ``dA[0]``, each giving ``dW[l], db[l]`` below it. Dashed arrows are the caches
    passed from each forward step to its backward step. Every label has room of
    its own: the boxes are wide enough for their text and nothing overlaps.
    Returns the figure.
    """
    if n_layers < 1:
        raise ValueError("n_layers는 1 이상이어야 합니다.")
    o = _OUTLINE
    half_w, half_h, step = o["box_width"] / 2, o["box_height"] / 2, o["box_width"] + o["gap"]
    centers = [o["first_box"] + half_w + (l - 1) * step for l in range(1, n_layers + 1)]
    cost_x = centers[-1] + half_w + o["gap"] + o["cost_width"] / 2
    width = cost_x + o["cost_width"] / 2 + o["margin"]
    bottom = 1.25                                   # backward row; below it dW, db and the title
    top = bottom + o["rows_apart"]                  # forward row; above it the title
    height = top + half_h + 0.6
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.axis("off")

    start_x = o["first_box"] / 2
    ax.text(start_x, top, "X = A[0]", ha="center", va="center", fontsize=10)
    ax.text(start_x, bottom, "dA[0]", ha="center", va="center", fontsize=10)
    for l, x in enumerate(centers, start=1):
        last = l == n_layers
        _box(ax, x, top, f"층 {l}\nLINEAR $\\rightarrow$ {'SIGMOID' if last else 'RELU'}", FORWARD_COLOR,
             o["box_width"], o["box_height"])
        _box(ax, x, bottom, f"층 {l}\n{'sigmoid' if last else 'relu'}_backward $\\rightarrow$ LINEAR", BACKWARD_COLOR,
             o["box_width"], o["box_height"])
        left = x - step + half_w if l > 1 else start_x + 0.4
        _arrow(ax, (left + 0.05, top), (x - half_w - 0.05, top), FORWARD_COLOR)
        _arrow(ax, (x - half_w - 0.05, bottom), (left + 0.05, bottom), BACKWARD_COLOR)
        _arrow(ax, (x, top - half_h - 0.05), (x, bottom + half_h + 0.05), CACHE_COLOR, dashed=True)
        ax.text(x + 0.1, (top + bottom) / 2, f"cache {l}", ha="left", va="center", fontsize=8, color=CACHE_COLOR)
        _arrow(ax, (x, bottom - half_h - 0.05), (x, bottom - half_h - 0.3), BACKWARD_COLOR)
        ax.text(x, bottom - half_h - 0.35, f"dW[{l}], db[{l}]", ha="center", va="top", fontsize=8,
                color=BACKWARD_COLOR)
    cost_left = cost_x - o["cost_width"] / 2
    _box(ax, cost_x, top, "비용 J(AL, Y)", FORWARD_COLOR, o["cost_width"], o["box_height"])
    _box(ax, cost_x, bottom, "dAL", BACKWARD_COLOR, o["cost_width"], o["box_height"])
    _arrow(ax, (centers[-1] + half_w + 0.05, top), (cost_left - 0.05, top), FORWARD_COLOR)
    _arrow(ax, (cost_x, top - half_h - 0.05), (cost_x, bottom + half_h + 0.05), BACKWARD_COLOR)
    _arrow(ax, (cost_left - 0.05, bottom), (centers[-1] + half_w + 0.05, bottom), BACKWARD_COLOR)
    ax.text(o["margin"], top + half_h + 0.3, "순전파 모듈", ha="left", va="center", color=FORWARD_COLOR,
            fontsize=11, fontweight="bold")
    ax.text(o["margin"], bottom - half_h - 0.55, "역전파 모듈", ha="left", va="center", color=BACKWARD_COLOR,
            fontsize=11, fontweight="bold")
    return fig


def plot_cost_curve(costs, every, title="학습 곡선"):
    """Cost recorded every ``every`` iterations, as a line plot. Returns the figure."""
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.plot([i * every for i in range(len(costs))], costs, marker="o", markersize=3)
    ax.set_xlabel("반복 횟수")
    ax.set_ylabel("비용 J")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_digit_prediction(x, a, label=None, title=None):
    """A flattened 28x28 digit ``x`` beside the output activations ``a`` of a network.

    The most active output neuron, the prediction ``argmax(a)``, is filled in colour;
    the true ``label``, when given, is named and outlined. Returns the figure.
    """
    a = np.asarray(a)
    prediction = int(np.argmax(a))
    fig, (image_ax, bar_ax) = plt.subplots(1, 2, figsize=(8, 3), gridspec_kw={"width_ratios": [1, 2]})
    image_ax.imshow(np.asarray(x).reshape(28, 28), cmap="gray", vmin=0, vmax=1)
    image_ax.set_title("입력 이미지" if label is None else f"입력 이미지 (정답: {label})")
    image_ax.axis("off")
    colors = [FORWARD_COLOR if k == prediction else "#bdc3c7" for k in range(len(a))]
    bars = bar_ax.bar(range(len(a)), a, color=colors)
    if label is not None:
        bars[label].set_edgecolor("black")
        bars[label].set_linewidth(2)
        bar_ax.legend([bars[prediction], bars[label]], ["예측 (가장 큰 출력)", "정답"], loc="upper right", fontsize=8)
    bar_ax.set_xticks(range(len(a)))
    bar_ax.set_ylim(0, 1)
    bar_ax.set_xlabel("출력층 뉴런 (숫자)")
    bar_ax.set_ylabel("활성도 a[L]")
    bar_ax.set_title(title or f"가설 h(x) = a[L], 예측: {prediction}")
    bar_ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return fig


# Lesson 01: MNIST digits, a network drawn from its layer sizes, weights as images.

DIGIT_SIDE = 28
WEIGHT_CMAP = "PiYG"  # diverging: pink below 0, white at 0, green above 0
INPUT_COLOR = "#7f8c8d"
OUTPUT_COLOR = "#2471a3"


def _as_digit(pixels):
    """A digit as a 28 x 28 array, whether given flat (784,) or square (28, 28)."""
    return np.asarray(pixels).reshape(DIGIT_SIDE, DIGIT_SIDE)


def _image_grid(count, n_cols, cell_size, **subplots_kwargs):
    """A figure with ``count`` frameless axes in rows of ``n_cols`` (spare ones hidden), and those axes."""
    n_cols = min(n_cols, count)
    n_rows = -(-count // n_cols)
    fig, axes = plt.subplots(n_rows, n_cols, squeeze=False,
                             figsize=(cell_size[0] * n_cols, cell_size[1] * n_rows), **subplots_kwargs)
    for ax in axes.flat:
        ax.axis("off")
    return fig, list(axes.flat[:count])


def plot_digit_grid(images, labels, n_cols=10, title=None):
    """Digits in a grid, each titled with its label. ``images``: (k, 28, 28) or (k, 784). Returns the figure."""
    fig, axes = _image_grid(len(images), n_cols, (1.05, 1.3))
    for ax, image, label in zip(axes, images, labels):
        ax.imshow(_as_digit(image), cmap="gray")
        ax.set_title(f"레이블 {label}", fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_digit_pixels(image, label=None):
    """One digit with the value of each non-zero pixel written on its square (blank squares are 0).

    Returns the figure.
    """
    pixels = _as_digit(image)
    fig, ax = plt.subplots(figsize=(9, 9))
    ax.imshow(pixels, cmap="gray")
    middle = (float(pixels.min()) + float(pixels.max())) / 2
    integers = np.issubdtype(pixels.dtype, np.integer)
    for row, col in zip(*np.nonzero(pixels)):
        value = pixels[row, col]
        text = f"{value:d}" if integers else f"{value:.2f}".removeprefix("0")
        ax.text(col, row, text, ha="center", va="center", fontsize=6,
                color="black" if value > middle else "white")
    ax.set_xticks(range(0, DIGIT_SIDE, 4))
    ax.set_yticks(range(0, DIGIT_SIDE, 4))
    ax.set_xlabel("열 번호")
    ax.set_ylabel("행 번호")
    heading = f"{DIGIT_SIDE}×{DIGIT_SIDE} = {DIGIT_SIDE ** 2}개 픽셀의 밝기 (빈 칸은 0)"
    ax.set_title(heading if label is None else f"레이블 {label}, {heading}")
    fig.tight_layout()
    return fig


def _shown_neurons(n, max_shown):
    """1-based indices of the neurons drawn for a layer of ``n``; None marks the vertical "..." gap."""
    if n <= max_shown:
        return list(range(1, n + 1))
    return list(range(1, max_shown - 1)) + [None, n]


def _layer_style(l, L):
    """Name and colour of layer ``l`` in a network of ``L`` layers after the input."""
    if l == 0:
        return "입력층", INPUT_COLOR
    return ("출력층", OUTPUT_COLOR) if l == L else ("은닉층", FORWARD_COLOR)


def draw_network(neurons_per_layer, max_shown=6, highlight=None, output_labels=None, label_neurons=True):
    """Neurons as circles and weights as lines, for layer sizes ``[n0, n1, ..., nL]``.

    Each circle is labelled with its output a[l]_i (i counted from 1) when
    ``label_neurons``; a layer of more than ``max_shown`` neurons shows its first ones,
    a vertical "..." and its last one. ``highlight=(l, i, j)`` draws the weight
    W[l]_ij, from neuron j of layer l-1 to neuron i of layer l, in colour.
    ``output_labels`` are written right of the output neurons. Returns the figure.
    """
    sizes = list(neurons_per_layer)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError("neurons_per_layer에는 1 이상의 뉴런 수가 두 개 이상 있어야 합니다.")
    L = len(sizes) - 1
    shown = [_shown_neurons(n, max_shown) for n in sizes]
    tallest = max(len(indices) for indices in shown)
    step, radius = 2.6, 0.38
    positions = {(l, i): (l * step, (len(indices) - 1) / 2 - k)
                 for l, indices in enumerate(shown) for k, i in enumerate(indices)}

    fig, ax = plt.subplots(figsize=(1.9 * L + 2.6 + (1.2 if output_labels else 0), 0.62 * tallest + 1.9))
    weights = [(positions[(l - 1, j)], positions[(l, i)]) for l in range(1, L + 1)
               for i in filter(None, shown[l]) for j in filter(None, shown[l - 1])]
    ax.add_collection(LineCollection(weights, colors="#b3b6b7", linewidths=0.7, zorder=1))
    if highlight is not None:
        l, i, j = highlight
        if l < 1 or (l - 1, j) not in positions or (l, i) not in positions:
            raise ValueError(f"highlight={highlight}: 그림에 보이는 두 뉴런을 잇는 가중치 (l, i, j)를 고르세요.")
        (x0, y0), (x1, y1) = positions[(l - 1, j)], positions[(l, i)]
        ax.plot([x0, x1], [y0, y1], color=BACKWARD_COLOR, linewidth=2.4, zorder=1.5)
        ax.text(x0 + 0.55 * (x1 - x0), y0 + 0.55 * (y1 - y0) + 0.25, f"$W^{{[{l}]}}_{{{i}{j}}}$",
                color=BACKWARD_COLOR, fontsize=13, ha="center", va="bottom", zorder=3,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    for (l, i), (x, y) in positions.items():
        if i is None:
            ax.plot([x, x, x], [y - 0.22, y, y + 0.22], "o", color="#555555", markersize=2.5)
            continue
        ax.add_patch(Circle((x, y), radius, facecolor="white", edgecolor=_layer_style(l, L)[1],
                            linewidth=1.6, zorder=2))
        if label_neurons:
            ax.text(x, y, f"$a^{{[{l}]}}_{{{i}}}$", ha="center", va="center",
                    fontsize=9 if i < 100 else 7, zorder=3)
        if l == L and output_labels is not None:
            ax.text(x + radius + 0.15, y, output_labels[i - 1], va="center", fontsize=9)
    top = (tallest - 1) / 2 + 0.7
    for l, n in enumerate(sizes):
        name, color = _layer_style(l, L)
        ax.text(l * step, top, f"{name}\n({l}층)", ha="center", va="bottom", fontsize=10, color=color)
        ax.text(l * step, -top, f"$n^{{[{l}]}} = {n}$", ha="center", va="top", fontsize=10)
    ax.set_title(f"L = {L} (입력층을 뺀 층의 수)", fontsize=10, pad=2)
    ax.set_xlim(-0.8, L * step + (2.2 if output_labels else 0.8))
    ax.set_ylim(-top - 0.8, top + 1.1)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.tight_layout()
    return fig


def plot_weight_images(weights, titles=None, n_cols=5, title=None):
    """Each row of ``weights`` (k, 784), or one vector (784,), as a 28 x 28 image.

    Diverging colours centred at 0, one scale for all: green where a bright pixel raises
    the neuron's z, pink where it lowers it, white where it makes no difference.
    Returns the figure.
    """
    rows = np.atleast_2d(weights)
    limit = float(np.abs(rows).max()) or 1.0
    single = len(rows) == 1
    fig, axes = _image_grid(len(rows), n_cols, (4.2, 3.6) if single else (1.9, 2.0), layout="constrained")
    for k, (ax, row) in enumerate(zip(axes, rows)):
        image = ax.imshow(_as_digit(row), cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit)
        ax.axis("on")
        ax.set_xticks([])
        ax.set_yticks([])
        if titles is not None:
            ax.set_title(titles[k], fontsize=10 if single else 9)
    fig.colorbar(image, ax=axes, label="가중치 (0은 흰색)", shrink=0.85)
    if title:
        fig.suptitle(title)
    return fig
