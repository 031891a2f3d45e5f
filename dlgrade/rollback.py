"""A student's graded state of a lesson, put aside before grading and put back unless grading succeeds.

The state is the folder ``autograded/<student>/<lesson>`` and the gradebook's rows of that
submission (the submission, its notebooks, grades and comments, every column). ``put_aside``
moves the folder to ``.dlgrade/previous/<lesson>/<student>/notebook`` (a rename on the same file
system) and writes the rows beside it (``rows.json``); ``discard`` drops that copy once the new
grading has succeeded; ``put_back`` restores the folder and the rows (in one transaction, and
only where they changed, so a gradebook that cannot be written loses nothing either).

Every step can be interrupted and run again: the aside copy is deleted last, so a grading killed
at any point (Ctrl-C, SIGTERM, a crash of the whole run) is put back by ``recover`` at the end of
the run or at the start of the next one.
"""
import datetime
import json
import os
import shutil
from pathlib import Path

from sqlalchemy import inspect as orm_inspect

from dlgrade import course

ASIDE = Path(".dlgrade") / "previous"


def _aside(root, lesson, student):
    return Path(root) / ASIDE / lesson / student


def _graded(root, lesson, student):
    return Path(root) / "autograded" / student / lesson


# ── the gradebook rows, as plain JSON ──

def _plain(value):
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.timedelta):
        return {"timedelta": value.total_seconds()}
    return value


def _value(value):
    if isinstance(value, dict) and "datetime" in value:
        return datetime.datetime.fromisoformat(value["datetime"])
    if isinstance(value, dict) and "timedelta" in value:
        return datetime.timedelta(seconds=value["timedelta"])
    return value


def _columns(row):
    return {attribute.key: _plain(getattr(row, attribute.key)) for attribute in orm_inspect(row).mapper.column_attrs}


def _rows_of(submission):
    """``[(table, columns)]`` of a submission and everything nbgrader's autograde writes under it."""
    rows = [(type(submission), submission)]
    for notebook in submission.notebooks:
        rows.append((type(notebook), notebook))
        rows += [(type(grade), grade) for grade in notebook.grades]
        rows += [(type(comment), comment) for comment in notebook.comments]
    return rows


def _snapshot(root, lesson, student):
    from nbgrader.api import MissingEntry

    with course.gradebook(root) as gradebook:
        try:
            submission = gradebook.find_submission(lesson, student)
        except MissingEntry:
            return None
        return [[table.__name__, _columns(row)] for table, row in _rows_of(submission)]


def _restore(root, lesson, student, saved):
    """Make the gradebook's rows of this submission equal ``saved`` (None: no submission), if they differ."""
    from nbgrader.api import MissingEntry

    with course.gradebook(root) as gradebook:
        try:
            submission = gradebook.find_submission(lesson, student)
        except MissingEntry:
            submission = None
        now = None if submission is None else [[t.__name__, _columns(r)] for t, r in _rows_of(submission)]
        if now == saved:
            return
        if saved is None:
            gradebook.remove_submission(lesson, student)
            return
        tables = {table.__name__: table for table, _ in _rows_of(submission)} if submission else {}
        kept = {(name, columns["id"]) for name, columns in saved}
        session = gradebook.db
        try:
            for table, row in (_rows_of(submission) if submission else []):
                if (table.__name__, row.id) not in kept:
                    session.delete(row)
            for name, columns in saved:
                table = tables.get(name) or _table(name)
                row = session.get(table, columns["id"]) or table()
                for key, value in columns.items():
                    setattr(row, key, _value(value))
                session.add(row)
            session.commit()
        except Exception:
            session.rollback()
            raise


def _table(name):
    from nbgrader import api

    return getattr(api, name)


# ── the three steps ──

def put_aside(root, lesson, student):
    """Before grading: the previous graded folder moved aside and the gradebook rows written beside it."""
    aside = _aside(root, lesson, student)
    if aside.exists():
        put_back(root, lesson, student)  # a grading that never finished: back to its previous state first
    aside.mkdir(parents=True)
    graded = _graded(root, lesson, student)
    record = {"had_folder": graded.is_dir(), "rows": _snapshot(root, lesson, student)}
    course.write_atomically(aside / "rows.json", json.dumps(record, ensure_ascii=False))
    if graded.is_dir():
        os.rename(graded, aside / "notebook")


def discard(root, lesson, student):
    """After a grading that succeeded: the previous state is no longer needed."""
    _drop(_aside(root, lesson, student))


def _drop(aside):
    """Delete a put-aside state, its record first: a deletion cut short leaves only leftovers
    without a record, which ``put_back`` ignores."""
    (aside / "rows.json").unlink(missing_ok=True)
    shutil.rmtree(aside, ignore_errors=True)


def put_back(root, lesson, student):
    """After a grading that failed (or never finished): the previous folder and rows, as they were."""
    aside = _aside(root, lesson, student)
    record_path = aside / "rows.json"
    if not record_path.is_file():  # no record: nothing was moved yet, or it was already done
        shutil.rmtree(aside, ignore_errors=True)
        return
    record = json.loads(record_path.read_text(encoding="utf-8"))
    _restore(root, lesson, student, record["rows"])
    graded = _graded(root, lesson, student)
    if (aside / "notebook").is_dir():
        shutil.rmtree(graded, ignore_errors=True)
        graded.parent.mkdir(parents=True, exist_ok=True)
        os.rename(aside / "notebook", graded)
    elif not record["had_folder"]:
        shutil.rmtree(graded, ignore_errors=True)
    _drop(aside)


def recover(root, lesson):
    """Put back every grading of ``lesson`` that did not finish; returns those students."""
    folder = Path(root) / ASIDE / lesson
    students = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    for student in students:
        put_back(root, lesson, student)
    return students

