"""The report's figures, drawn by matplotlib with the course's Korean font and returned as
``data:`` URIs of PNG images, so that the page needs no other file and no network."""
import base64
import io
import re

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import dlutils.plotting  # noqa: E402,F401  (NanumGothic as the default font)
from dlgrade.report.counts import (BLANK, CATEGORIES, CATEGORY_NAMES, FULL, HIDDEN_LOSS, NO_DETAILS,  # noqa: E402
                                   PUBLIC_WRONG, STOPPED)

COLORS = {FULL: "#2e7d32", HIDDEN_LOSS: "#f9a825", PUBLIC_WRONG: "#c62828", STOPPED: "#6a1b9a", BLANK: "#9e9e9e",
          NO_DETAILS: "#d7d7d7"}
DPI = 110


def _data_uri(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def score_histogram(counts):
    """The class's total scores: a bar per score band, the mean and the median as lines."""
    figure = Figure(figsize=(6.4, 3.0))
    axes = figure.add_subplot()
    scores = list(counts.scores.values())
    bins = np.linspace(0, counts.max_score, max(1, min(int(counts.max_score), 20)) + 1) if counts.max_score else 10
    axes.hist(scores, bins=bins, color="#5c6bc0", edgecolor="white")
    axes.axvline(counts.mean, color="#c62828", linestyle="--", label=f"평균 {counts.mean:.3g}")
    axes.axvline(counts.median, color="#2e7d32", linestyle=":", linewidth=2, label=f"중앙값 {counts.median:.3g}")
    axes.set_xlim(0, counts.max_score or None)
    axes.set_xlabel(f"총점 (만점 {counts.max_score:g}점)")
    axes.set_ylabel("학생 수")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _data_uri(figure)


def outcome_bars(counts):
    """A bar per exercise (hardest on top) split into the shares of each category."""
    exercises = counts.by_difficulty
    figure = Figure(figsize=(7.5, 0.45 * len(exercises) + 1.2))
    axes = figure.add_subplot()
    rows = np.arange(len(exercises))
    left = np.zeros(len(exercises))
    for category in CATEGORIES:
        shares = np.array([e.share(category) for e in exercises]) * 100
        if shares.any():
            axes.barh(rows, shares, left=left, color=COLORS[category], label=CATEGORY_NAMES[category])
        left += shares
    axes.set_yticks(rows, [e.name for e in exercises])
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("학생 비율 (%)")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(CATEGORIES), frameon=False, fontsize=8,
                handlelength=1.2, columnspacing=1.0)
    axes.spines[["top", "right"]].set_visible(False)
    return _data_uri(figure)


def _wrapped(name, width=12):
    """An exercise name on lines of about ``width`` characters, broken after underscores."""
    lines = [""]
    for part in re.findall(r"[^_]+_?", name):
        if lines[-1] and len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += part
    return "\n".join(lines)


def pass_rate_heatmap(all_counts):
    """Lessons (rows) by exercise number (columns): the share of full marks, with each exercise's name.
    The figure is as wide as the page, so that its words are not shrunk."""
    width = max(len(c.exercises) for c in all_counts)
    rates = np.full((len(all_counts), width), np.nan)  # a lesson with fewer exercises leaves its cells empty
    for row, counts in enumerate(all_counts):
        for column, exercise in enumerate(counts.exercises):
            rates[row, column] = exercise.full_share * 100
    figure = Figure(figsize=(min(0.95 * width + 2.6, 10.0), 0.8 * len(all_counts) + 1.2))
    axes = figure.add_subplot()
    image = axes.imshow(np.ma.masked_invalid(rates), cmap="RdYlGn", vmin=0, vmax=100, aspect="auto")
    for row, counts in enumerate(all_counts):
        for column, exercise in enumerate(counts.exercises):
            axes.text(column, row, f"{_wrapped(exercise.name)}\n{rates[row, column]:.0f}%", ha="center",
                      va="center", fontsize=7, linespacing=1.1)
    axes.set_xticks(range(width), [f"{i + 1}번" for i in range(width)])
    axes.set_yticks(range(len(all_counts)), [c.lesson for c in all_counts])
    axes.set_xticks(np.arange(width + 1) - 0.5, minor=True)
    axes.set_yticks(np.arange(len(all_counts) + 1) - 0.5, minor=True)
    axes.grid(which="minor", color="white", linewidth=2)
    axes.tick_params(which="minor", length=0)
    axes.set_xlabel("실습 안의 문제 (노트북 순서)")
    figure.colorbar(image, ax=axes, label="만점 비율 (%)", fraction=0.03)
    return _data_uri(figure)
