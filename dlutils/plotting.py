"""Figures for the lessons, with Korean labels that render on a fresh machine.

Importing this module registers the NanumGothic font shipped by
``koreanize-matplotlib``, so Hangul shows as text and not as empty boxes.
"""
import koreanize_matplotlib  # noqa: F401  (registers NanumGothic as the default font)
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

FORWARD_COLOR = "#7b5ea7"
BACKWARD_COLOR = "#c0392b"
CACHE_COLOR = "#7f8c8d"


def _box(ax, x, y, text, color, width=1.5, height=0.6):
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                boxstyle="round,pad=0.05", facecolor=color, alpha=0.15,
                                edgecolor=color, linewidth=1.5))
    ax.text(x, y, text, ha="center", va="center", fontsize=9)


def _arrow(ax, start, end, color, style="-|>", dashed=False):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style, mutation_scale=12, color=color,
                                 linewidth=1.3, linestyle="--" if dashed else "-"))


def draw_module_outline(n_layers=3):
    """The forward and backward modules of an ``n_layers``-layer network, side by side.

    Top row: ``[LINEAR -> RELU]`` for layers 1 .. L-1, then ``LINEAR -> SIGMOID``
    and the cost. Bottom row: the matching backward steps from ``dAL`` down to
    ``dA0``. Dashed arrows are the caches passed from each forward step to its
    backward step. Returns the figure.
    """
    if n_layers < 1:
        raise ValueError("n_layers는 1 이상이어야 합니다.")
    step = 2.2
    fig, ax = plt.subplots(figsize=(2.2 * n_layers + 4, 3.6))
    top, bottom = 1.6, 0.0
    ax.text(0, top, "X = A[0]", ha="center", va="center", fontsize=10)
    ax.text(0, bottom, "dA[0]", ha="center", va="center", fontsize=10)
    for l in range(1, n_layers + 1):
        x = l * step
        activation = "SIGMOID" if l == n_layers else "RELU"
        backward = "sigmoid_backward" if l == n_layers else "relu_backward"
        _box(ax, x, top, f"층 {l}\nLINEAR -> {activation}", FORWARD_COLOR)
        _box(ax, x, bottom, f"층 {l}\n{backward} -> LINEAR", BACKWARD_COLOR)
        _arrow(ax, (x - step + 0.55 if l > 1 else 0.55, top), (x - 0.8, top), FORWARD_COLOR)
        _arrow(ax, (x - 0.8, bottom), (x - step + 0.55 if l > 1 else 0.55, bottom), BACKWARD_COLOR)
        _arrow(ax, (x, top - 0.35), (x, bottom + 0.35), CACHE_COLOR, dashed=True)
        ax.text(x + 0.08, (top + bottom) / 2, f"cache {l}", fontsize=8, color=CACHE_COLOR)
        ax.text(x - step / 2 - 0.1, bottom - 0.45, f"dW[{l}], db[{l}]", fontsize=8,
                color=BACKWARD_COLOR, ha="left")
    end = (n_layers + 1) * step - 0.5
    _box(ax, end, top, "비용 J(AL, Y)", FORWARD_COLOR, width=1.3)
    _box(ax, end, bottom, "dAL", BACKWARD_COLOR, width=1.3)
    _arrow(ax, (n_layers * step + 0.8, top), (end - 0.7, top), FORWARD_COLOR)
    _arrow(ax, (end, top - 0.35), (end, bottom + 0.35), BACKWARD_COLOR)
    _arrow(ax, (end - 0.7, bottom), (n_layers * step + 0.8, bottom), BACKWARD_COLOR)
    ax.text(step / 2, top + 0.55, "순전파 모듈", color=FORWARD_COLOR, fontsize=11, fontweight="bold")
    ax.text(step / 2, bottom - 0.85, "역전파 모듈", color=BACKWARD_COLOR, fontsize=11, fontweight="bold")
    ax.set_xlim(-0.7, end + 0.9)
    ax.set_ylim(bottom - 1.1, top + 0.9)
    ax.axis("off")
    fig.tight_layout()
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
