"""What the judge found in each graded cell, kept beside the graded notebook for the instructor's report.

For every test cell: whether it passed, whether the public cases passed, how many public and
hidden cases passed, how it failed (``WRONG`` value, ``ERROR``, ``TIMEOUT``, ``BLANK``) and where
(``ANSWERS``: the answer cells, or the number of the public or hidden case), the mistakes the
checks named (a stable id and the Korean hint, see ``mistakes``) and the type of an error. The
judge stops at a cell's first failing case, so the cases after it were not run. Nothing of a
hidden case is kept but its number.

``JudgeTestCells`` writes the findings of a notebook to ``<notebook>.findings.json`` in the
graded folder (``autograded/<student>/<lesson>/``), whole or not at all, while nbgrader grades it:
a regrade replaces them with the grade, and a grading that fails leaves the previous ones
(``dlgrade.rollback`` puts the whole folder back). ``nbgrader_config.py`` keeps the file out of
the feedback folder and a student's own file of that name out of the graded one.
"""
import json
import os
import tempfile
from pathlib import Path

FORMAT = 1
SUFFIX = ".findings.json"
ANSWERS, PUBLIC, HIDDEN = "answers", "public", "hidden"  # where a cell failed
WRONG, ERROR, TIMEOUT, BLANK = "wrong", "error", "timeout", "blank"  # how it failed


class Tally:
    """The cases of one exercise, counted as the judge runs them: in order, up to the first that fails."""

    def __init__(self, public_total, hidden_total):
        self.totals = {PUBLIC: public_total, HIDDEN: hidden_total}
        self.passed = {PUBLIC: 0, HIDDEN: 0}
        self.where = (ANSWERS, None)

    def running(self, kind, number):
        """Case ``number`` (from 1) of ``kind`` (``PUBLIC`` or ``HIDDEN``) is being run."""
        self.where = (kind, number)

    def case_passed(self):
        self.passed[self.where[0]] += 1

    def finding(self, failure=None, mistakes=(), error_type=None):
        """The finding of the exercise: passed when ``failure`` is None, else failed at the case being run."""
        kind, number = self.where if failure else (None, None)
        return {"passed": failure is None, "public_passed": 0 < self.passed[PUBLIC] == self.totals[PUBLIC],
                "public": [self.passed[PUBLIC], self.totals[PUBLIC]],
                "hidden": [self.passed[HIDDEN], self.totals[HIDDEN]],
                "failure": failure, "where": kind, "case": number,
                "mistakes": [dict(m) for m in mistakes], "error_type": error_type}


def path(folder, notebook):
    return Path(folder) / f"{notebook}{SUFFIX}"


def write(folder, notebook, cells):
    """Write ``{test cell: finding}`` of ``notebook`` into ``folder``: a temporary file, then a rename."""
    target = path(folder, notebook)
    text = json.dumps({"format": FORMAT, "cells": cells}, ensure_ascii=False, indent=1, sort_keys=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


KEYS = frozenset(Tally(0, 0).finding())


def read(folder, notebook):
    """``{test cell: finding}`` of ``notebook`` graded in ``folder``; None when it has none (graded
    before findings were kept) or they cannot be read."""
    try:
        record = json.loads(path(folder, notebook).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    cells = record.get("cells") if isinstance(record, dict) and record.get("format") == FORMAT else None
    if not isinstance(cells, dict) or not all(isinstance(f, dict) and KEYS <= f.keys() for f in cells.values()):
        return None
    return cells
