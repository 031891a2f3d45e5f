"""Figures of dlutils.plotting: they draw without warnings and carry Korean labels.

Each figure is rendered to PNG with every warning an error and the font manager's
messages captured, so a glyph NanumGothic lacks ("Glyph ... missing from font") or
a font it cannot find ("findfont: ...") fails the test.
"""
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from figures import render
from figures import texts as figure_texts
from dlutils.plotting import (FORWARD_COLOR, WEIGHT_CMAP, draw_module_outline, draw_network,
                              plot_cost_curve, plot_digit_grid, plot_digit_pixels, plot_image_grid,
                              plot_digit_prediction, plot_weight_images)


def test_plot_digit_prediction_marks_prediction_and_label():
    a = np.linspace(0.1, 0.9, 10)[::-1]  # neuron 0 is the most active
    fig = render(lambda: plot_digit_prediction(np.zeros(784), a, label=3))
    image_ax, bar_ax = fig.axes
    assert image_ax.get_title() == "입력 이미지 (정답: 3)"
    assert bar_ax.get_title().endswith("예측: 0") and bar_ax.get_xlabel() == "출력층 뉴런 (숫자)"
    bars = bar_ax.patches
    assert matplotlib.colors.same_color(bars[0].get_facecolor(), FORWARD_COLOR)
    assert bars[3].get_linewidth() == 2 and bars[1].get_linewidth() != 2
    assert [t.get_text() for t in bar_ax.get_legend().get_texts()] == ["예측 (가장 큰 출력)", "정답"]


def _digits(count):
    return np.random.default_rng(0).integers(0, 256, size=(count, 28, 28)).astype(np.uint8)


def test_draw_module_outline_renders():

    texts = figure_texts(render(lambda: draw_module_outline(n_layers=3)))
    assert "순전파 모듈" in texts and "역전파 모듈" in texts
    assert "dW[3], db[3]" in texts and "cache 3" in texts
    assert any("sigmoid_backward" in t for t in texts) and any("SIGMOID" in t for t in texts)


@pytest.mark.parametrize("n_layers", [1, 2, 3, 5])
def test_draw_module_outline_gives_every_label_room(n_layers):
    """Each box's label fits inside it; no other label touches a box, an arrow or another label."""
    fig = draw_module_outline(n_layers=n_layers)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, FancyBboxPatch)]
    arrows = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, FancyArrowPatch)]
    texts = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts}
    plt.close(fig)
    assert len(boxes) == 2 * n_layers + 2 and len(texts) == len(ax.texts)

    def inside(inner, outer, margin=3):
        return (outer.x0 + margin <= inner.x0 and inner.x1 <= outer.x1 - margin
                and outer.y0 + margin <= inner.y0 and inner.y1 <= outer.y1 - margin)

    labels = {}
    for box in boxes:
        own = [name for name, extent in texts.items() if box.contains(*extent.get_points().mean(axis=0))]
        assert len(own) == 1, own
        assert inside(texts[own[0]], box), f"{own[0]!r}가 상자 밖으로 나옵니다"
        labels[own[0]] = box
    free = {name: extent for name, extent in texts.items() if name not in labels}
    for name, extent in free.items():
        assert not any(extent.overlaps(box) for box in boxes), name
        assert not any(extent.overlaps(arrow) for arrow in arrows), name
    names = list(texts)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not texts[a].overlaps(texts[b]), (a, b)


def test_plot_cost_curve_renders():

    fig = render(lambda: plot_cost_curve([0.7, 0.5, 0.4], every=10, title="학습 곡선 예"))
    assert fig.axes[0].get_xlabel() == "반복 횟수" and fig.axes[0].get_title() == "학습 곡선 예"


def test_plot_digit_grid_titles_each_digit_with_its_label():

    fig = render(lambda: plot_digit_grid(_digits(7).reshape(7, 784), np.arange(7), n_cols=4))
    assert [t for t in figure_texts(fig) if t.startswith("레이블")] == [f"레이블 {k}" for k in range(7)]
    assert len(fig.axes) == 1 and not fig.axes[0].axison


def test_plot_image_grid_places_each_image_scaled_to_its_own_range_in_one_mosaic():
    rng = np.random.default_rng(0)
    images = [rng.uniform(low, low + spread, (6, 6)) for low, spread in ((0, 1), (100, 50), (-3, 0.5))]
    titles = ["첫째", "둘째\n두 줄", "셋째"]
    fig = render(lambda: plot_image_grid(images, titles, n_cols=2, title="모자이크"))
    mosaic = np.ma.filled(fig.axes[0].get_images()[0].get_array(), np.nan)
    cells = []
    for image in images:
        scaled = (image - image.min()) / (image.max() - image.min())
        hits = [(r, c) for r in range(mosaic.shape[0] - 5) for c in range(mosaic.shape[1] - 5)
                if np.allclose(mosaic[r:r + 6, c:c + 6], scaled)]
        assert len(hits) == 1
        cells.append(hits[0])
    (r0, c0), (r1, c1), (r2, c2) = cells
    assert r0 == r1 < r2 and c0 == c2 < c1                      # rows of two, in order
    assert np.isnan(mosaic[r2:r2 + 6, c1:c1 + 6]).all()          # the spare cell stays empty
    assert [t for t in figure_texts(fig) if t in titles] == titles
    assert len(fig.axes) == 1 and not fig.axes[0].axison


def test_explanatory_diagrams_are_left_out_while_grading(monkeypatch, capsys):
    assert render(lambda: draw_network([2, 1])) is not None
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    assert draw_network([2, 1]) is None and draw_module_outline() is None
    assert capsys.readouterr().out.count("채점할 때는 그리지 않습니다") == 2


def test_plot_digit_pixels_writes_every_nonzero_pixel():

    image = _digits(1)[0]
    image[0, :5] = 0
    fig = render(lambda: plot_digit_pixels(image, label=5))
    written = [t.get_text() for t in fig.axes[0].texts]
    assert len(written) == np.count_nonzero(image)  # blank squares are 0
    assert written[0] == str(image[0, 5]) and written[-1] == str(image[27, 27])
    texts = figure_texts(fig)
    assert "레이블 5, 28×28 = 784개 픽셀의 밝기 (빈 칸은 0)" in texts
    normalized = figure_texts(render(lambda: plot_digit_pixels(np.linspace(0, 1, 784))))
    assert "1.00" in normalized and ".50" in normalized


def test_draw_network_labels_layers_neurons_and_a_weight():

    fig = render(lambda: draw_network([4, 5, 5, 3], highlight=(2, 3, 1)))
    texts = figure_texts(fig)
    assert sum(isinstance(p, Circle) for p in fig.axes[0].patches) == 4 + 5 + 5 + 3
    assert ["입력층\n(0층)", "은닉층\n(1층)", "은닉층\n(2층)", "출력층\n(3층)"] == [t for t in texts if "층\n" in t]
    assert "$a^{[2]}_{5}$" in texts and "$n^{[3]} = 3$" in texts and "$W^{[2]}_{31}$" in texts
    assert "L = 3 (입력층을 뺀 층의 수)" in texts


def test_draw_network_shortens_wide_layers():

    fig = render(lambda: draw_network([784, 10], max_shown=10, label_neurons=False,
                                       output_labels=[f"{d}인가?" for d in range(10)]))
    assert sum(isinstance(p, Circle) for p in fig.axes[0].patches) == 9 + 10
    texts = figure_texts(fig)
    assert "$n^{[0]} = 784$" in texts and "9인가?" in texts and not any(t.startswith("$a^") for t in texts)
    assert "$a^{[0]}_{784}$" in figure_texts(render(lambda: draw_network([784, 1])))


@pytest.mark.parametrize("bad", [dict(neurons_per_layer=[3]), dict(neurons_per_layer=[3, 0]),
                                 dict(neurons_per_layer=[3, 2], highlight=(1, 3, 1)),
                                 dict(neurons_per_layer=[3, 2], highlight=(0, 1, 1))])
def test_draw_network_rejects_what_it_cannot_draw(bad):

    with pytest.raises(ValueError):
        draw_network(**bad)


def test_plot_weight_images_centre_a_diverging_colormap_at_zero():

    weights = np.random.default_rng(1).normal(size=(10, 784)) + 0.3  # more positive than negative
    fig = render(lambda: plot_weight_images(weights, titles=[f"숫자 {d}" for d in range(10)]))
    images = [image for ax in fig.axes for image in ax.get_images()]
    assert len(images) == 10
    for image in images:
        low, high = image.get_clim()
        assert low == -high == -np.abs(weights).max()
        assert image.get_cmap().name == WEIGHT_CMAP
    assert "숫자 9" in figure_texts(fig) and "가중치 (0은 흰색)" in figure_texts(fig)
    single = render(lambda: plot_weight_images(weights[5], titles=["'이 숫자는 5인가?' 뉴런의 가중치"]))
    assert len([ax for ax in single.axes if ax.get_images()]) == 1
