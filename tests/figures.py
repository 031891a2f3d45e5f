"""Rendering a figure the way the tests want it: warnings are errors and a missing glyph fails."""
import io
import logging
import warnings

import matplotlib
import matplotlib.pyplot as plt

matplotlib.use("Agg")


class _Messages(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def render(draw):
    """``draw()``'s figure, saved as PNG while warnings are errors; fails on a font fallback or a
    missing glyph (which would print to a student's stderr); returns the figure, closed."""
    log = _Messages()
    logger = logging.getLogger("matplotlib")
    logger.addHandler(log)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig = draw()
            fig.savefig(io.BytesIO(), format="png")
    finally:
        logger.removeHandler(log)
    assert not [m for m in log.messages if "findfont" in m or "glyph" in m.lower()], log.messages
    plt.close(fig)
    return fig


def texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
