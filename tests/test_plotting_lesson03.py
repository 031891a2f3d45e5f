"""Lesson 03's figures of dlutils.plotting: they draw silently, with the labels the lesson reads.

Every figure is rendered to PNG with warnings as errors and matplotlib's log captured:
a glyph NanumGothic lacks (the mathtext minus of log-scale ticks, say) is logged, not
warned, and in a notebook it would land on stderr.
"""
import matplotlib
import numpy as np
import pytest

from figures import render
from dlutils.given.lesson03 import bowl_gradient, bowl_loss, bumpy_gradient, square, wave
from dlutils.plotting import (draw_chain, plot_descent_paths, plot_direction_slopes, plot_restarts, plot_tangents,
                              widgets_enabled)
from dlutils.reference.lesson03 import gradient_descent


def _texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_plot_tangents_names_each_slope():
    fig = render(lambda: plot_tangents(square, [1.0, -2.0], [2.0, -4.0], title="$f(x) = x^2$의 접선"))
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["$f(x)$", "x = 1에서의 접선, 기울기 2", "x = -2에서의 접선, 기울기 -4"]


def test_plot_direction_slopes_marks_the_steepest_directions():
    point = np.array([3.0, 5.0])
    fig = render(lambda: plot_direction_slopes(bowl_loss, point, bowl_gradient(point), extent=(-1, 7, 1, 9)))
    texts = _texts(fig)
    assert "2.0" in texts and "-4.0" in texts  # the slopes along w and along b
    legend = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert any("오르막" in t and "4.47" in t for t in legend) and any("내리막" in t and "-4.47" in t for t in legend)


def test_plot_descent_paths_draws_a_panel_and_a_loss_curve_per_path():
    start = np.array([-0.5, 4.0])
    paths = [gradient_descent(bowl_gradient, start, rate, 25) for rate in (0.02, 0.4, 1.05)]
    fig = render(lambda: plot_descent_paths(bowl_loss, paths, titles=["작음", "알맞음", "발산"], minimum=(2, 9),
                                             extent=(-3, 7, 3, 13)))
    assert len(fig.axes) == 6 and [ax.get_title() for ax in fig.axes[:3]] == ["작음", "알맞음", "발산"]
    assert fig.axes[3].get_yscale() == "log" and fig.axes[3].get_xlabel() == "걸음 수 k"
    assert "1" in [t.get_text() for t in fig.axes[2].texts]  # the far-apart steps of the divergent path are numbered
    single = render(lambda: plot_descent_paths(bowl_loss, paths[:1], show_losses=False))
    assert len(single.axes) == 1


def test_plot_restarts_draws_every_run():
    starts = np.array([[-4.0], [0.3], [2.4]])
    paths = [gradient_descent(bumpy_gradient, s, 0.05, 30) for s in starts]
    fig = render(lambda: plot_restarts(wave, paths, best=1))
    assert [t.get_text() for t in fig.axes[0].texts] == ["1", "2", "3"]
    assert fig.axes[0].get_ylabel() == "손실 J(p)"


def test_draw_chain_labels_every_link():
    fig = render(lambda: draw_chain(["w", "z", "y"], ["x", "s"], title="제목"))
    texts = _texts(fig)
    assert {"w", "z", "y", "x", "s", "제목"} <= set(texts)
    with pytest.raises(ValueError):
        draw_chain(["w", "z", "y"], ["x"])


@pytest.mark.parametrize("env, expected", [({}, False), ({"JPY_SESSION_NAME": "03.ipynb"}, True),
                                           ({"JPY_SESSION_NAME": "03.ipynb", "NBGRADER_EXECUTION": "autograde"},
                                            False)])
def test_widgets_only_where_jupyter_started_the_kernel(monkeypatch, env, expected):
    for name in ("JPY_SESSION_NAME", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert widgets_enabled() is expected
