"""Computational graphs drawn with matplotlib (lesson 05), with Korean labels.

A graph is a dict of nodes and a list of edges. A node is ``(x, y, text)`` or
``(x, y, text, kind)``: kind ``"op"`` (the default when ``text`` is one of the
operation symbols) is drawn as a circle holding the operation (``×``, ``+``,
``exp``, ``/`` …); kind ``"box"`` as a rounded box holding a name (an input, the
result). An edge ``(start, end, forward, backward)`` is an arrow from ``start`` to
``end`` with the forward value written above it and, when ``backward`` is not
``None``, a red arrow back from ``end`` to ``start`` with the gradient written
under it.
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from dlutils.plotting import BACKWARD_COLOR  # importing dlutils.plotting registers the Korean font

OP_COLOR = "#7b5ea7"
BOX_COLOR = "#7f8c8d"
FORWARD_TEXT = "#1b2631"
OPS = {"×", "+", "/", "exp", "**2", "×(-1)", "+1", "f", "ReLU", "sigmoid"}
RADIUS = 0.32          # an operation's circle
GAP = 0.14             # between a forward arrow and the backward arrow under it
LABEL_OFFSET = 0.12    # between an arrow and its value
LABEL_AT = 0.45        # where along an arrow its value is written (0 at its start, 1 at its end)


@dataclass(frozen=True)
class _Node:
    x: float
    y: float
    text: str
    kind: str
    width: float
    height: float


def _node(value):
    x, y, text, *rest = value
    kind = rest[0] if rest else ("op" if text in OPS else "box")
    if kind == "op":
        return _Node(x, y, text, kind, 2 * RADIUS, 2 * RADIUS)
    lines = text.split("\n")
    width = max(0.5, 0.17 * max(len(line) for line in lines) + 0.3)
    return _Node(x, y, text, kind, width, 0.32 * len(lines) + 0.18)


def _border(node, direction):
    """How far from ``node``'s centre its border lies in ``direction`` (a unit vector)."""
    if node.kind == "op":
        return RADIUS
    dx, dy = abs(direction[0]), abs(direction[1])
    limits = [half / d for half, d in ((node.width / 2, dx), (node.height / 2, dy)) if d > 1e-9]
    return min(limits)


def _alignment(normal):
    ha = "right" if normal[0] < -0.35 else "left" if normal[0] > 0.35 else "center"
    va = "bottom" if normal[1] > 0.35 else "top" if normal[1] < -0.35 else "center"
    return ha, va


def _arrow(ax, start, end, color, width=1.4):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=13, color=color, linewidth=width,
                                 shrinkA=0, shrinkB=0, zorder=2))


def _draw_edge(ax, a, b, forward, backward, fontsize):
    start, end = np.array([a.x, a.y]), np.array([b.x, b.y])
    direction = (end - start) / np.linalg.norm(end - start)
    normal = np.array([-direction[1], direction[0]])
    if normal[1] < 0 or (abs(normal[1]) < 1e-9 and normal[0] > 0):
        normal = -normal  # "above" the arrow, whichever way it points
    p = start + direction * (_border(a, direction) + 0.04)
    q = end - direction * (_border(b, -direction) + 0.04)
    shift = normal * (GAP / 2 if backward is not None else 0)
    _arrow(ax, p + shift, q + shift, FORWARD_TEXT)
    middle = p + (q - p) * LABEL_AT
    if forward is not None:
        ha, va = _alignment(normal)
        spot = middle + shift + normal * LABEL_OFFSET
        ax.text(*spot, forward, ha=ha, va=va, fontsize=fontsize, color=FORWARD_TEXT, zorder=3)
    if backward is not None:
        _arrow(ax, q - shift, p - shift, BACKWARD_COLOR)
        ha, va = _alignment(-normal)
        spot = middle - shift - normal * LABEL_OFFSET
        ax.text(*spot, backward, ha=ha, va=va, fontsize=fontsize, color=BACKWARD_COLOR, zorder=3)


def _draw_node(ax, node):
    if node.kind == "op":
        ax.add_patch(Circle((node.x, node.y), RADIUS, facecolor="white", edgecolor=OP_COLOR, linewidth=1.8,
                            zorder=4))
        size = 15 if len(node.text) <= 2 else 10
        ax.text(node.x, node.y, node.text, ha="center", va="center", fontsize=size, zorder=5)
    else:
        ax.add_patch(FancyBboxPatch((node.x - node.width / 2, node.y - node.height / 2), node.width, node.height,
                                    boxstyle="round,pad=0,rounding_size=0.08", facecolor="#f4f6f6",
                                    edgecolor=BOX_COLOR, linewidth=1.2, zorder=4))
        ax.text(node.x, node.y, node.text, ha="center", va="center", fontsize=10, linespacing=1.4, zorder=5)


def draw_graph(nodes, edges, title=None, ax=None, fontsize=10, legend=True, inches_per_unit=1.0):
    """Draw a computational graph (see the module docstring); returns the figure.

    ``nodes``: ``{name: (x, y, text)}`` or ``(x, y, text, kind)``; ``edges``: ``[(start, end,
    forward, backward)]``, the texts may be ``None``. With ``legend``, a note under the
    graph says which colour is the forward pass and which the backward pass.
    """
    drawn = {name: _node(value) for name, value in nodes.items()}
    xs = [n.x - n.width / 2 for n in drawn.values()] + [n.x + n.width / 2 for n in drawn.values()]
    ys = [n.y - n.height / 2 for n in drawn.values()] + [n.y + n.height / 2 for n in drawn.values()]
    left, right, bottom, top = min(xs) - 0.5, max(xs) + 0.5, min(ys) - 0.7, max(ys) + 0.6
    if ax is None:
        fig = plt.figure(figsize=((right - left) * inches_per_unit, (top - bottom) * inches_per_unit + 0.4))
        ax = fig.add_axes((0, 0, 1, 0.93 if title else 1))
    else:
        fig = ax.figure
    ax.set_xlim(left, right)
    ax.set_ylim(bottom, top)
    ax.set_aspect("equal")
    ax.axis("off")
    for start, end, forward, backward in edges:
        _draw_edge(ax, drawn[start], drawn[end], forward, backward, fontsize)
    for node in drawn.values():
        _draw_node(ax, node)
    if title:
        ax.set_title(title, fontsize=12)
    if legend:
        has_backward = any(edge[3] is not None for edge in edges)
        ax.text(left + 0.1, bottom + 0.1, "검은 화살표: 순전파 (왼쪽 $\\rightarrow$ 오른쪽)", fontsize=9, color=FORWARD_TEXT,
                ha="left", va="bottom")
        if has_backward:
            ax.text(right - 0.1, bottom + 0.1, "빨간 화살표: 역전파 (오른쪽 $\\rightarrow$ 왼쪽)", fontsize=9, color=BACKWARD_COLOR,
                    ha="right", va="bottom")
    return fig


def number(value):
    """A value as a short label: ``220.00000000000003`` -> ``"220"``, ``2.2`` -> ``"2.2"``."""
    return f"{float(value):.6g}"


def apple_graph(price=None, grads=None, apple=100, apple_num=2, tax=1.1):
    """The lecture's first problem: 2 apples at 100 with a 10% tax, forward values and, given
    ``grads`` (keys ``apple``, ``apple_num``, ``tax``), the backward gradients."""
    apple_price = apple * apple_num
    price = apple_price * tax if price is None else price
    g = grads or {}
    dapple_price = None if grads is None else number(1 * tax)  # the tax node's gradient for apple_price
    nodes = {"apple": (0, 1.8, "사과 값"), "apple_num": (0, -0.2, "사과 개수"), "mul1": (2.4, 0.8, "×"),
             "tax": (2.4, -1.2, "소비세"), "mul2": (4.8, 0.8, "×"), "price": (7.0, 0.8, "지불 금액")}

    def back(key):
        return None if grads is None else number(g[key])

    edges = [("apple", "mul1", number(apple), back("apple")),
             ("apple_num", "mul1", number(apple_num), back("apple_num")),
             ("mul1", "mul2", number(apple_price), dapple_price), ("tax", "mul2", number(tax), back("tax")),
             ("mul2", "price", number(price), None if grads is None else "1")]
    return nodes, edges


def shopping_graph(price=None, grads=None, apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1):
    """Apples and oranges with a tax: the nodes and edges of the lecture's second graph.

    Forward values come from the inputs; given ``grads`` (keys ``apple``, ``apple_num``,
    ``orange``, ``orange_num``, ``tax``) the backward gradients are written under the arrows.
    """
    apple_price, orange_price = apple * apple_num, orange * orange_num
    all_price = apple_price + orange_price
    price = all_price * tax if price is None else price
    nodes = {"apple": (0, 4.2, "사과 값"), "apple_num": (0, 2.4, "사과 개수"), "mul_apple": (2.4, 3.3, "×"),
             "orange": (0, 0.6, "귤 값"), "orange_num": (0, -1.2, "귤 개수"), "mul_orange": (2.4, -0.3, "×"),
             "add": (4.8, 1.5, "+"), "tax": (4.8, -1.1, "소비세"), "mul_tax": (7.2, 1.5, "×"),
             "price": (9.4, 1.5, "지불 금액")}
    if grads is None:
        back = {key: None for key in ("apple", "apple_num", "orange", "orange_num", "tax", "dall", "dprice")}
    else:
        back = {key: number(grads[key]) for key in ("apple", "apple_num", "orange", "orange_num", "tax")}
        back["dall"] = number(1 * tax)  # the tax node swaps: d price / d all_price = tax
        back["dprice"] = "1"
    edges = [("apple", "mul_apple", number(apple), back["apple"]),
             ("apple_num", "mul_apple", number(apple_num), back["apple_num"]),
             ("orange", "mul_orange", number(orange), back["orange"]),
             ("orange_num", "mul_orange", number(orange_num), back["orange_num"]),
             ("mul_apple", "add", number(apple_price), back["dall"]),
             ("mul_orange", "add", number(orange_price), back["dall"]),
             ("add", "mul_tax", number(all_price), back["dall"]),
             ("tax", "mul_tax", number(tax), back["tax"]),
             ("mul_tax", "price", number(price), back["dprice"])]
    return nodes, edges


def one_node_graph():
    """A node ``y = f(x)``: the forward value, and the backward pass multiplying the upstream ``E`` by ``dy/dx``."""
    nodes = {"x": (0, 0, "입력 x"), "f": (2.6, 0, "f"), "y": (5.2, 0, "출력 y")}
    edges = [("x", "f", "$x$", r"$E\,\dfrac{\partial y}{\partial x}$"), ("f", "y", "$y = f(x)$", "$E$")]
    return nodes, edges


def chain_rule_graph():
    """``z = t**2`` with ``t = x + y``: forward values and the chain rule's backward products."""
    nodes = {"x": (0, 1.0, "x"), "y": (0, -1.0, "y"), "add": (2.4, 0, "+"), "sq": (5.0, 0, "**2"),
             "z": (7.4, 0, "z")}
    dz_dt = r"$\dfrac{\partial z}{\partial z}\,\dfrac{\partial z}{\partial t}$"
    back = r"$\dfrac{\partial z}{\partial z}\,\dfrac{\partial z}{\partial t}\,\dfrac{\partial t}{\partial %s}$"
    edges = [("x", "add", "$x$", back % "x"), ("y", "add", "$y$", back % "y"),
             ("add", "sq", "$t = x + y$", dz_dt), ("sq", "z", "$z = t^2$", r"$\dfrac{\partial z}{\partial z} = 1$")]
    return nodes, edges


def add_node_graph(x=10, y=5, dout=1.3):
    """An addition node with numbers: the gradient passes on unchanged to both inputs."""
    nodes = {"x": (0, 1.0, "x"), "y": (0, -1.0, "y"), "op": (2.4, 0, "+"), "z": (4.8, 0, "z")}
    edges = [("x", "op", number(x), f"{number(dout)} × 1"), ("y", "op", number(y), f"{number(dout)} × 1"),
             ("op", "z", number(x + y), number(dout))]
    return nodes, edges


def mul_node_graph(x=10, y=5, dout=1.3):
    """A multiplication node with numbers: each input gets the gradient times the OTHER input."""
    nodes = {"x": (0, 1.0, "x"), "y": (0, -1.0, "y"), "op": (2.4, 0, "×"), "z": (4.8, 0, "z")}
    edges = [("x", "op", number(x), f"{number(dout)} × {number(y)} = {number(dout * y)}"),
             ("y", "op", number(y), f"{number(dout)} × {number(x)} = {number(dout * x)}"),
             ("op", "z", number(x * y), number(dout))]
    return nodes, edges


def sigmoid_graph():
    """The sigmoid ``y = 1 / (1 + exp(-x))`` as four nodes, with each backward step written out."""
    nodes = {"x": (0, 0, "x"), "neg": (2.2, 0, "×(-1)"), "exp": (4.8, 0, "exp"), "plus": (7.4, 0, "+1"),
             "div": (10.0, 0, "/"), "y": (12.2, 0, "y")}
    dy = r"\dfrac{\partial L}{\partial y}"
    edges = [("x", "neg", "$x$", f"${dy}\\,y^2 e^{{-x}}$"),
             ("neg", "exp", "$-x$", f"$-{dy}\\,y^2 e^{{-x}}$"),
             ("exp", "plus", "$e^{-x}$", f"$-{dy}\\,y^2$"),
             ("plus", "div", "$1 + e^{-x}$", f"$-{dy}\\,y^2$"),
             ("div", "y", "$y$", f"${dy}$")]
    return nodes, edges
