"""Figures of lesson 06: a network drawn as a chain of layers, forward above and backward below.

Importing this module imports ``dlutils.plotting``, which registers the Korean font.
"""
import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from dlutils.plotting import BACKWARD_COLOR, FORWARD_COLOR, diagram

_BOX_WIDTH, _BOX_HEIGHT, _GAP = 1.75, 0.9, 1.4


def _box(ax, x, text, color):
    ax.add_patch(FancyBboxPatch((x - _BOX_WIDTH / 2, -_BOX_HEIGHT / 2), _BOX_WIDTH, _BOX_HEIGHT,
                                boxstyle="round,pad=0,rounding_size=0.08", facecolor=to_rgba(color, 0.12),
                                edgecolor=color, linewidth=1.5))
    ax.text(x, 0, text, ha="center", va="center", fontsize=10, fontweight="bold")


def _arrow(ax, start, end, color):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, color=color, linewidth=1.4,
                                 shrinkA=0, shrinkB=0))


@diagram
def draw_layer_pipeline(sizes=(784, 50, 10)):
    """``TwoLayerNet`` as four layers: Affine1 → Relu1 → Affine2 → SoftmaxWithLoss.

    Above the boxes (purple) the forward pass from the batch ``x`` to the loss ``L``, each
    arrow labelled with the shape of what it carries for ``sizes = (n_in, n_hidden, n_out)``
    and a batch of ``N`` examples; below (red) the backward pass from ``1`` to ``dx``, and
    under each Affine box the gradients it keeps. Returns the figure.
    """
    n_in, n_hidden, n_out = sizes
    names = ["Affine1", "Relu1", "Affine2", "SoftmaxWithLoss"]
    step = _BOX_WIDTH + _GAP
    centers = [1.5 + _BOX_WIDTH / 2 + i * step for i in range(len(names))]
    width = centers[-1] + _BOX_WIDTH / 2 + 1.3
    fig = plt.figure(figsize=(width * 0.85, 2.6))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(-1.2, 1.35)
    ax.axis("off")
    for x, name in zip(centers, names):
        _box(ax, x, name, BACKWARD_COLOR if name == "SoftmaxWithLoss" else FORWARD_COLOR)

    forward = [f"x\n(N, {n_in})", f"(N, {n_hidden})", f"(N, {n_hidden})", f"점수\n(N, {n_out})"]
    backward = [f"dx\n(N, {n_in})", f"(N, {n_hidden})", f"(N, {n_hidden})", f"(y - t) / N\n(N, {n_out})"]
    lefts = [0.3] + [c + _BOX_WIDTH / 2 for c in centers[:-1]]
    up, down = 0.22, -0.22
    for left, right, f_label, b_label in zip(lefts, centers, forward, backward):
        right -= _BOX_WIDTH / 2
        _arrow(ax, (left + 0.05, up), (right - 0.05, up), FORWARD_COLOR)
        _arrow(ax, (right - 0.05, down), (left + 0.05, down), BACKWARD_COLOR)
        middle = (left + right) / 2
        ax.text(middle, up + 0.12, f_label, ha="center", va="bottom", fontsize=8.5, color=FORWARD_COLOR)
        ax.text(middle, down - 0.12, b_label, ha="center", va="top", fontsize=8.5, color=BACKWARD_COLOR)
    end = centers[-1] + _BOX_WIDTH / 2
    _arrow(ax, (end + 0.05, up), (end + 0.75, up), FORWARD_COLOR)
    _arrow(ax, (end + 0.75, down), (end + 0.05, down), BACKWARD_COLOR)
    ax.text(end + 0.85, up, "L", ha="left", va="center", fontsize=11, color=FORWARD_COLOR)
    ax.text(end + 0.85, down, "1", ha="left", va="center", fontsize=11, color=BACKWARD_COLOR)
    ax.text(centers[-1], 0.9, f"정답 t: (N, {n_out}) 원-핫 또는 (N,) 정수", ha="center", va="bottom", fontsize=8.5)
    _arrow(ax, (centers[-1], 0.86), (centers[-1], _BOX_HEIGHT / 2 + 0.03), "black")
    for x, layer in ((centers[0], 1), (centers[2], 2)):
        ax.text(x, -_BOX_HEIGHT / 2 - 0.12, f"저장: dW{layer}, db{layer}", ha="center", va="top", fontsize=8.5,
                color=BACKWARD_COLOR, bbox={"boxstyle": "round,pad=0.25", "facecolor": "white",
                                            "edgecolor": BACKWARD_COLOR, "linewidth": 0.8})
    ax.text(0.3, 1.15, "순전파 →", ha="left", va="center", fontsize=11, color=FORWARD_COLOR, fontweight="bold")
    ax.text(0.3, -1.05, "← 역전파", ha="left", va="center", fontsize=11, color=BACKWARD_COLOR, fontweight="bold")
    return fig
