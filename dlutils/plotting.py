"""Figures for the lessons, with Korean labels that render on a fresh machine.

Importing this module makes NanumGothic (shipped by ``koreanize-matplotlib``) the
default font, so Hangul shows as text and not as empty boxes.
"""
import functools
import importlib.util
import math
import os
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.collections import LineCollection
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter



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

SKIPPED_WHILE_GRADING = "[설명 그림: 채점할 때는 그리지 않습니다. 내 노트북에서 실행하면 보입니다.]"


def diagram(draw):
    """Mark ``draw`` as an explanatory drawing that shows no answer and no data.

    It draws as usual, except while nbgrader grades (``NBGRADER_EXECUTION`` set), where it
    prints a one-line note instead and returns None: the student's own notebook has the
    drawing, and grading spends its seconds on the student's work.
    """
    @functools.wraps(draw)
    def drawn_unless_grading(*args, **kwargs):
        if os.environ.get("NBGRADER_EXECUTION"):
            print(SKIPPED_WHILE_GRADING)
            return None
        return draw(*args, **kwargs)
    return drawn_unless_grading


FORWARD_COLOR = "#7b5ea7"
BACKWARD_COLOR = "#c0392b"
CACHE_COLOR = "#7f8c8d"


def _box(ax, x, y, text, color, width, height, fontsize=9):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0,rounding_size=0.06", facecolor=color, alpha=0.15,
                                edgecolor=color, linewidth=1.5))
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize, linespacing=1.5)


def _arrow(ax, start, end, color, dashed=False):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=color,
                                 linewidth=1.3, linestyle="--" if dashed else "-", shrinkA=0, shrinkB=0))


# Layout of the module outline, in inches (the axes fill the figure, one data unit = one inch).
_OUTLINE = {"box_width": 2.05, "box_height": 0.62, "gap": 0.6, "cost_width": 1.3,
            "first_box": 1.45, "margin": 0.25, "rows_apart": 1.6}


@diagram
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


def plot_image_grid(images, titles=None, n_cols=8, title=None, cmap="gray_r", cell_inches=1.5, fontsize=9):
    """Images in rows of ``n_cols``, each with its title (may span lines) above it. Returns the figure.

    ``images``: (k, h, w), or (k, n) of square images. Each image is scaled to its own
    darkest and brightest pixel, as ``imshow`` does for one image. All are drawn as one
    mosaic in a single axes: laying out a grid of axes takes several times longer.
    """
    images = np.asarray(images, dtype=float)
    if images.ndim == 2:
        side = math.isqrt(images.shape[1])
        images = images.reshape(len(images), side, side)
    count, height, width = images.shape
    n_cols = min(n_cols, count)
    n_rows = -(-count // n_cols)
    inches_per_pixel = cell_inches / (width * 1.12)
    lines = max((str(t).count("\n") + 1 for t in titles), default=0) if titles is not None else 0
    title_pixels = math.ceil(lines * fontsize * 1.5 / 72 / inches_per_pixel)
    gap = math.ceil(width * 0.12)
    cell_width, cell_height = width + gap, height + gap + title_pixels
    mosaic = np.full((n_rows * cell_height, n_cols * cell_width), np.nan)
    fig, ax = plt.subplots(figsize=(n_cols * cell_width * inches_per_pixel,
                                    n_rows * cell_height * inches_per_pixel + (0.4 if title else 0)))
    for k, image in enumerate(images):
        row, col = divmod(k, n_cols)
        top, left = row * cell_height + title_pixels, col * cell_width
        low, high = image.min(), image.max()
        mosaic[top:top + height, left:left + width] = (image - low) / (high - low) if high > low else 0.0
        if titles is not None:
            ax.text(left + width / 2, top - 1.5, titles[k], ha="center", va="bottom", fontsize=fontsize)
    ax.imshow(mosaic, cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    ax.axis("off")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_digit_grid(images, labels, n_cols=10, title=None):
    """Digits in a grid, each titled with its label. ``images``: (k, 28, 28) or (k, 784). Returns the figure."""
    return plot_image_grid([_as_digit(image) for image in images], [f"레이블 {label}" for label in labels],
                           n_cols=n_cols, title=title, cmap="gray", cell_inches=1.05)


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


@diagram
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


# Lesson 03: slopes, gradients and the paths of gradient descent.

PATH_COLORS = ("#c0392b", "#2471a3", "#7b5ea7", "#d68910", "#1e8449", "#7f8c8d")


def widgets_enabled():
    """Whether to build an ipywidgets slider: only in a notebook a person opened in Jupyter.

    Jupyter's server starts a kernel with ``JPY_SESSION_NAME`` set; nbval, nbclient and
    nbgrader do not, and nbgrader sets ``NBGRADER_EXECUTION``. Elsewhere the lessons keep
    their static figures, so every compared or graded output stays the same.
    """
    if os.environ.get("NBGRADER_EXECUTION") or not os.environ.get("JPY_SESSION_NAME"):
        return False
    return importlib.util.find_spec("ipywidgets") is not None


def plot_tangents(f, points, slopes, x_range=(-3.0, 3.0), title=None):
    """The curve of ``f`` with a short tangent line and its slope at each of ``points``.

    ``slopes[k]`` is the derivative at ``points[k]``. Returns the figure.
    """
    xs = np.linspace(*x_range, 300)
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.plot(xs, f(xs), color="#555555", linewidth=1.8, label="$f(x)$")
    for k, (x0, slope) in enumerate(zip(points, slopes)):
        color = PATH_COLORS[k % len(PATH_COLORS)]
        y0 = f(x0)
        half = 1.5 / np.sqrt(1 + slope ** 2)  # tangent segments of the same length
        ax.plot([x0 - half, x0 + half], [y0 - slope * half, y0 + slope * half], color=color, linewidth=2.4,
                label=f"x = {x0:g}에서의 접선, 기울기 {slope:g}")
        ax.plot([x0], [y0], "o", color=color, markersize=7, zorder=3)
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper center")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def _grid_values(loss, extent, resolution=160):
    """``(W, B, loss on the grid)`` over ``extent = (w_min, w_max, b_min, b_max)``."""
    w = np.linspace(extent[0], extent[1], resolution)
    b = np.linspace(extent[2], extent[3], resolution)
    W, B = np.meshgrid(w, b)
    return W, B, loss(np.stack([W, B]))


def _contours(ax, loss, extent, levels=14):
    W, B, values = _grid_values(loss, extent)
    ax.contourf(W, B, values, levels=levels, cmap="Blues_r", alpha=0.55)
    ax.contour(W, B, values, levels=levels, colors="#5d6d7e", linewidths=0.6)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_xlabel("w")
    ax.set_ylabel("b")
    ax.set_aspect("equal")


def plot_direction_slopes(loss, point, gradient_vector, extent, n_directions=8):
    """How steeply ``loss`` rises from ``point`` in each direction: the dot product ``∇J · u``.

    Left: contour lines around ``point`` with ``n_directions`` unit arrows, each
    coloured and labelled by its slope ``∇J · u``, and the gradient direction drawn
    bold. Right: the slope for every angle of ``u``, largest along the gradient and
    most negative opposite to it. Returns the figure.
    """
    g = np.asarray(gradient_vector, dtype=float)
    p = np.asarray(point, dtype=float)
    fig, (ax, curve) = plt.subplots(1, 2, figsize=(10.5, 4.4), gridspec_kw={"width_ratios": [1, 1.25]})
    _contours(ax, loss, extent)
    limit = np.linalg.norm(g)
    cmap = plt.get_cmap("coolwarm")
    angles = np.arange(n_directions) * 2 * np.pi / n_directions
    for theta in angles:
        u = np.array([np.cos(theta), np.sin(theta)])
        slope = g @ u
        color = cmap(0.5 + 0.5 * slope / limit)
        ax.annotate("", p + 1.6 * u, p, arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 1.6})
        ax.text(*(p + 2.15 * u), f"{slope:.1f}", ha="center", va="center", fontsize=8, color="black",
                bbox={"facecolor": "white", "edgecolor": color, "pad": 1.5, "alpha": 0.9})
    ascent = g / limit
    ax.annotate("", p + 2.6 * ascent, p, arrowprops={"arrowstyle": "-|>", "color": "#7b241c", "linewidth": 2.6})
    ax.text(*(p + 3.0 * ascent), r"$\nabla J$ 방향", color="#7b241c", fontsize=10, ha="center", va="center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.plot(*p, "ko", markersize=5, zorder=4)
    ax.set_title(f"점 ({p[0]:g}, {p[1]:g})에서 방향 u마다의 기울기 " + r"$\nabla J \cdot u$", fontsize=10)

    thetas = np.linspace(0, 360, 361)
    slopes = [g @ np.array([np.cos(t), np.sin(t)]) for t in np.radians(thetas)]
    curve.plot(thetas, slopes, color="#555555")
    curve.scatter(np.degrees(angles), [g @ np.array([np.cos(t), np.sin(t)]) for t in angles],
                  c=[g @ np.array([np.cos(t), np.sin(t)]) for t in angles], cmap=cmap, vmin=-limit, vmax=limit,
                  edgecolors="black", zorder=3)
    up = np.degrees(np.arctan2(g[1], g[0])) % 360
    down = (up + 180) % 360
    curve.axvline(up, color="#7b241c", linestyle="--", linewidth=1.2,
                  label="가장 가파른 오르막: " + r"$\nabla J$" + f" 방향 ({up:.0f}도), 기울기 {limit:.2f}")
    curve.axvline(down, color="#1f618d", linestyle="--", linewidth=1.2,
                  label="가장 가파른 내리막: " + r"$-\nabla J$" + f" 방향 ({down:.0f}도), 기울기 {-limit:.2f}")
    curve.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=9)
    curve.axhline(0, color="#aaaaaa", linewidth=0.8)
    curve.set_xlim(0, 360)
    curve.set_xticks(range(0, 361, 45))
    curve.set_xlabel("방향 u의 각도 (도)")
    curve.set_ylabel(r"그 방향의 기울기 $\nabla J \cdot u$")
    curve.grid(alpha=0.3)
    curve.set_title("방향을 한 바퀴 돌리며 잰 기울기", fontsize=10)
    fig.tight_layout()
    return fig


def _draw_path(ax, path, color, extent, label=None):
    """The path as joined dots; the first steps are numbered where they are far enough apart to read."""
    path = np.asarray(path, dtype=float)
    ax.plot(path[:, 0], path[:, 1], "-o", color=color, markersize=3.5, linewidth=1.4, label=label, zorder=3)
    ax.plot(*path[0], "s", color=color, markersize=8, markeredgecolor="black", zorder=4)
    ax.plot(*path[-1], "*", color=color, markersize=13, markeredgecolor="black", zorder=4)
    room = 0.08 * (extent[1] - extent[0])
    for k in range(1, min(len(path), 10)):
        w, b = path[k]
        inside = extent[0] <= w <= extent[1] and extent[2] <= b <= extent[3]
        if inside and np.linalg.norm(path[k] - path[k - 1]) > room:
            ax.annotate(str(k), (w, b), xytext=(0, 6), textcoords="offset points", ha="center", fontsize=8,
                        color=color, zorder=5, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})


def plot_descent_paths(loss, paths, titles=None, extent=(-1.0, 5.0, 3.0, 11.0), minimum=None, show_losses=True):
    """Each path of gradient descent on the contour lines of a two-variable ``loss``, side by side.

    ``paths``: arrays of shape ``(n_steps + 1, 2)`` (rows ``(w, b)``); a square marks
    the start, a star the end, a cross the ``minimum`` when given. Points outside
    ``extent`` are cut off at its edge. With ``show_losses`` a second row draws the
    loss at every step (log scale). Returns the figure.
    """
    k = len(paths)
    rows = 2 if show_losses else 1
    fig, axes = plt.subplots(rows, k, figsize=(4.3 * k, 4.3 + 2.6 * (rows - 1)), squeeze=False,
                             gridspec_kw={"height_ratios": [1.6, 1][:rows]})
    for j, path in enumerate(paths):
        ax = axes[0, j]
        color = PATH_COLORS[j % len(PATH_COLORS)]
        _contours(ax, loss, extent)
        if minimum is not None:
            ax.plot(*minimum, "x", color="black", markersize=10, markeredgewidth=2, zorder=5)
        _draw_path(ax, path, color, extent)
        if titles is not None:
            ax.set_title(titles[j], fontsize=10)
        if show_losses:
            values = [float(loss(np.asarray(point, dtype=float))) for point in path]
            lower = axes[1, j]
            lower.semilogy(range(len(values)), np.maximum(values, 1e-12), "-o", color=color, markersize=3)
            decades = np.log10(max(values) / max(min(values), 1e-12))
            if decades < 2:  # few decades: more labelled ticks than the powers of ten
                lower.yaxis.set_major_locator(LogLocator(subs=np.arange(1.0, 10.0) if decades < 1 else (1.0, 2.0, 5.0)))
            # plain tick labels: the default ones are mathtext, whose minus sign NanumGothic lacks
            lower.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
            lower.yaxis.set_minor_formatter(NullFormatter())
            lower.set_xlabel("걸음 수 k")
            lower.set_ylabel("손실 J (로그 눈금)")
            lower.grid(alpha=0.3, which="both")
    fig.tight_layout()
    return fig


def plot_restarts(f, paths, best=None, x_range=(-5.0, 5.0), title=None):
    """Runs of gradient descent on a one-variable loss ``f`` with several local minima.

    ``paths``: arrays of shape ``(n_steps + 1, 1)``, one per start; each run is drawn
    from its start (square) down to its end (star) on the curve. ``best`` is the index
    of the run whose end is lowest; it is drawn bold. Returns the figure.
    """
    xs = np.linspace(*x_range, 500)
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    ax.plot(xs, f(xs), color="#555555", linewidth=1.6, zorder=1)
    for k, path in enumerate(paths):
        x = np.asarray(path, dtype=float)[:, 0]
        color = PATH_COLORS[k % len(PATH_COLORS)]
        bold = k == best
        ax.plot(x, f(x), "-o", color=color, markersize=3, linewidth=2.6 if bold else 1.2, alpha=0.9, zorder=2)
        ax.plot(x[0], f(x[0]), "s", color=color, markersize=8, markeredgecolor="black", zorder=3)
        ax.plot(x[-1], f(x[-1]), "*", color=color, markersize=16 if bold else 12, markeredgecolor="black",
                zorder=3)
        ax.annotate(f"{k + 1}", (x[0], f(x[0])), xytext=(0, 9), textcoords="offset points", ha="center",
                    fontsize=9, color=color)
    ax.set_xlim(*x_range)
    ax.set_xlabel("매개변수 p")
    ax.set_ylabel("손실 J(p)")
    ax.grid(alpha=0.3)
    ax.set_title(title or "시작점(■)마다 다른 극소점(★)에 도착합니다")
    fig.tight_layout()
    return fig


@diagram
def draw_chain(nodes, edges, title=None):
    """A composite function as a chain of boxes, each arrow labelled with its local derivative.

    ``nodes``: the box labels from input to output; ``edges``: one label per arrow
    between neighbours (mathtext is fine). Below the chain a long arrow reminds that
    the chain rule multiplies the labels from the output back to the input.
    Returns the figure.
    """
    if len(edges) != len(nodes) - 1:
        raise ValueError("edges에는 이웃한 상자 사이의 화살표마다 하나씩, len(nodes) - 1개의 이름이 있어야 합니다.")
    width, gap, height = 1.45, 1.05, 0.6
    step = width + gap
    total = len(nodes) * width + (len(nodes) - 1) * gap + 0.4
    top = 2.3 if title else 1.95
    fig = plt.figure(figsize=(total, top))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, total)
    ax.set_ylim(0, top)
    ax.axis("off")
    centers = [0.2 + width / 2 + k * step for k in range(len(nodes))]
    y = 1.25
    for k, (x, label) in enumerate(zip(centers, nodes)):
        _box(ax, x, y, label, FORWARD_COLOR if k < len(nodes) - 1 else OUTPUT_COLOR, width, height, fontsize=12)
    for k, label in enumerate(edges):
        start, end = centers[k] + width / 2 + 0.05, centers[k + 1] - width / 2 - 0.05
        _arrow(ax, (start, y), (end, y), FORWARD_COLOR)
        ax.text((start + end) / 2, y + 0.12, label, ha="center", va="bottom", fontsize=12, color=BACKWARD_COLOR)
    _arrow(ax, (centers[-1], 0.55), (centers[0], 0.55), BACKWARD_COLOR)
    ax.text((centers[0] + centers[-1]) / 2, 0.42, "연쇄 법칙: 출력에서 입력 쪽으로 화살표의 미분을 모두 곱합니다",
            ha="center", va="top", fontsize=11, color=BACKWARD_COLOR)
    if title:
        ax.text(0.2, top - 0.1, title, ha="left", va="top", fontsize=12, fontweight="bold")
    return fig
