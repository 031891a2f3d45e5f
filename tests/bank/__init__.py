"""Banks of student answers, one module per lesson (``bank/lessonNN.py``).

Each entry replaces one answer cell. ``WRONG`` answers must lose that cell's
points; ``CORRECT`` alternatives must keep full marks. ``feedback`` is a phrase
the failure message must contain, so the diagnosis is tested too (``None`` where
only the hidden cases can catch the mistake).
"""
from typing import NamedTuple


class Answer(NamedTuple):
    function: str
    source: str
    feedback: str | None = None
