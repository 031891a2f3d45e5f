"""Figures of lesson 04 (backpropagation): the one-neuron chain and training curves.

Importing this module imports ``dlutils.plotting``, which registers the Korean font.
"""
import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from dlutils.plotting import BACKWARD_COLOR, FORWARD_COLOR, OUTPUT_COLOR, diagram

CURVE_COLORS = ("#c0392b", "#2471a3", "#1e8449", "#d68910", "#7b5ea7")


def _arrow(ax, start, end, color):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=14, color=color, linewidth=1.5,
                                 shrinkA=0, shrinkB=0))


@diagram
def draw_neuron_chain(n_layers=3):
    """A network of one sigmoid neuron per layer, forward above and backward below.

    Top: ``x = a[0]`` and the neurons ``a[1] .. a[L]``, each arrow carrying ``w[l], b[l]``,
    then the loss ``J = (a[L] - y)^2 / 2``. Bottom: the backward pass from ``dJ/da[L] = a[L] - y``,
    each red arrow multiplying by ``w[l] σ'(z[l])``; under every neuron the two
    gradients it gives, ``db[l] = σ'(z[l]) da[l]`` and ``dw[l] = a[l-1] db[l]``. Returns the figure.
    """
    if n_layers < 1:
        raise ValueError("n_layers는 1 이상이어야 합니다.")
    step, radius, top, bottom = 2.6, 0.42, 2.55, 1.0
    xs = [0.8 + k * step for k in range(n_layers + 1)]
    loss_x = xs[-1] + step * 0.95
    width = loss_x + 1.25
    fig = plt.figure(figsize=(width * 0.95, 3.7))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(-0.05, 3.75)
    ax.axis("off")

    for l, x in enumerate(xs):
        color = "#7f8c8d" if l == 0 else (OUTPUT_COLOR if l == n_layers else FORWARD_COLOR)
        ax.add_patch(Circle((x, top), radius, facecolor="white", edgecolor=color, linewidth=1.8))
        ax.text(x, top, "$x$" if l == 0 else f"$a_{l}$", ha="center", va="center", fontsize=13)
        if l == 0:
            ax.text(x, top + radius + 0.12, "입력", ha="center", va="bottom", fontsize=10, color=color)
            ax.text(x, top - radius - 0.12, "$= a_0$", ha="center", va="top", fontsize=11, color=color)
            continue
        _arrow(ax, (xs[l - 1] + radius + 0.05, top), (x - radius - 0.05, top), FORWARD_COLOR)
        ax.text((xs[l - 1] + x) / 2, top + 0.1, f"$w_{l},\\ b_{l}$", ha="center", va="bottom", fontsize=12,
                color=FORWARD_COLOR)
        ax.text(x, top + radius + 0.12, f"$a_{l} = \\sigma(w_{l} a_{l - 1} + b_{l})$", ha="center", va="bottom",
                fontsize=10)
    ax.add_patch(FancyBboxPatch((loss_x - 0.75, top - 0.32), 1.5, 0.64, boxstyle="round,pad=0,rounding_size=0.08",
                                facecolor=FORWARD_COLOR, alpha=0.15, edgecolor=FORWARD_COLOR, linewidth=1.5))
    ax.text(loss_x, top, f"$J = (a_{n_layers} - y)^2 / 2$", ha="center", va="center", fontsize=11)
    _arrow(ax, (xs[-1] + radius + 0.05, top), (loss_x - 0.8, top), FORWARD_COLOR)
    ax.text(0.15, 3.7, "순전파: 왼쪽에서 오른쪽으로", ha="left", va="top", fontsize=11, color=FORWARD_COLOR,
            fontweight="bold")

    ax.text(loss_x, bottom, f"$da_{n_layers} = a_{n_layers} - y$", ha="center", va="center", fontsize=12,
            color=BACKWARD_COLOR)
    _arrow(ax, (loss_x, top - 0.36), (loss_x, bottom + 0.25), BACKWARD_COLOR)
    _arrow(ax, (loss_x - 0.85, bottom), (xs[-1] + 0.55, bottom), BACKWARD_COLOR)
    for l in range(n_layers, 0, -1):
        x = xs[l]
        ax.text(x, bottom, f"$da_{l}$", ha="center", va="center", fontsize=12, color=BACKWARD_COLOR)
        ax.text(x, bottom - 0.32, f"$db_{l} = \\sigma'(z_{l})\\, da_{l}$\n$dw_{l} = a_{l - 1}\\, db_{l}$",
                ha="center", va="top", fontsize=10, color=BACKWARD_COLOR, linespacing=1.6)
        _arrow(ax, (x - 0.35, bottom), (xs[l - 1] + 0.35, bottom), BACKWARD_COLOR)
        ax.text((xs[l - 1] + x) / 2, bottom + 0.1, f"$\\times\\ w_{l}\\, \\sigma'(z_{l})$", ha="center",
                va="bottom", fontsize=11, color=BACKWARD_COLOR)
    ax.text(xs[0], bottom, "$da_0$", ha="center", va="center", fontsize=12, color=BACKWARD_COLOR)
    ax.text(0.15, 1.75, "역전파: 오른쪽에서 왼쪽으로", ha="left", va="top", fontsize=11, color=BACKWARD_COLOR,
            fontweight="bold")
    return fig


def plot_training_histories(histories, title=None):
    """Training loss and accuracy on the held-out data per epoch, one line per run.

    ``histories``: ``{name: {"loss": [...], "accuracy": [...]}}``, one value per epoch
    (epoch 1 first). Returns the figure.
    """
    fig, (loss_ax, accuracy_ax) = plt.subplots(1, 2, figsize=(10, 3.6))
    for k, (name, history) in enumerate(histories.items()):
        color = CURVE_COLORS[k % len(CURVE_COLORS)]
        epochs = range(1, len(history["loss"]) + 1)
        marker = "o" if len(history["loss"]) <= 40 else None
        loss_ax.plot(epochs, history["loss"], color=color, marker=marker, markersize=3, label=name)
        accuracy_ax.plot(epochs, history["accuracy"], color=color, marker=marker, markersize=3, label=name)
    loss_ax.set_xlabel("에폭")
    loss_ax.set_ylabel("학습 데이터의 손실 J")
    loss_ax.set_title("학습 손실")
    accuracy_ax.set_xlabel("에폭")
    accuracy_ax.set_ylabel("시험 정확도")
    accuracy_ax.set_title("시험 데이터 50장의 정확도")
    accuracy_ax.set_ylim(0, 1)
    accuracy_ax.axhline(0.1, color="#7f8c8d", linestyle=":", linewidth=1)
    accuracy_ax.text(0.98, 0.085, "찍기 (10%)", color="#7f8c8d", fontsize=9, ha="right", va="top",
                     transform=accuracy_ax.get_yaxis_transform())
    for ax in (loss_ax, accuracy_ax):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
