"""A lesson-07 class whose mistakes are known, for ``dlgrade report``: built from the bank, graded for
real, and what its report must count, worked out from the answers handed in.

A bank student hands in the solution with some of the bank's answers swapped in (at most one per
graded function; ``bank_students`` gives a class where, per function, the students take in turn the
bank's wrong answers, its correct alternatives, two wrong answers no check names and the solution).
What the judge must find for each answer is worked out in this process: its cases, public then
hidden, run and compared as the judge runs them, but with no child process, nbgrader, findings file
or report in between. Six more students play what a real class has: the untouched release
(``blank``), a submission graded before findings were kept (``no_details``), a hidden case that never
ends (``never_ends``), a file that cannot be graded (``broken``), a student on the roster who handed
in nothing (``missing``) and a file changed after grading (``changed``).
"""
import contextlib
import io
from collections import Counter, defaultdict
from typing import NamedTuple

from bs4 import BeautifulSoup
from nbgrader.api import Gradebook

from bank import Answer
from bank.lesson07 import CORRECT, WRONG
from course import copy_course, dlgrade, grade_cells, guarded, hand_in, read, release_path, student_namespace
from dlgrade.report.counts import BLANK, FULL, HIDDEN_LOSS, NO_DETAILS, PUBLIC_WRONG, STOPPED
from dlgrade.status import CHANGED, GRADED, MISSING, UNGRADABLE
from grading import submission
from testcases.engine import findings, lessons, mistakes
from testcases.engine.invoke import invoke
from testcases.engine.judge import _cases as judged_cases
from testcases.engine.report import CheckFailed
from testcases.engine.runner import judge_case

LESSON, NUMBER = "07_deep_nn_step_by_step", "07"
FUNCTIONS = [name.removeprefix("test_") for name in grade_cells(read(release_path(LESSON)))]
ROLES = ("blank", "no_details", "never_ends", "broken", "missing", "changed")
CASE_SECONDS = 4  # the judge's limit per case here, so that the case that never ends is stopped soon
# Right, but for a network of single units (hidden case 2) it never returns.
NEVER_ENDS = Answer("update_parameters", """
import time

def update_parameters(parameters, grads, learning_rate):
    if parameters["W1"].shape == (1, 1):
        time.sleep(600)
    parameters = {key: value.copy() for key, value in parameters.items()}
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters
""")
# Wrong answers no check names: the report must count them as wrong answers the judge could not name.
UNNAMED = {
    "linear_forward_twice_b": Answer("linear_forward", """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + 2 * b
    return Z, (A, W, b)
"""),
    "cost_divides_by_zero": Answer("compute_cost", """
def compute_cost(AL, Y):
    return 1 / 0
"""),
}
POOL = {**WRONG, **CORRECT, **UNNAMED}


class Expected(NamedTuple):
    """What the judge must find for one answer."""
    category: str
    mistakes: tuple = ()        # ids of the mistakes it names
    stopped: str | None = None  # findings.ERROR or TIMEOUT, on a public or a hidden case


def _ids(named):
    return tuple(mistake["id"] for mistake in named)


def expected(function, source):
    """What the judge must find for ``source`` as the answer of ``function``, worked out in this process."""
    exercise = lessons.load(NUMBER).exercises[function]
    with guarded(LESSON, function) as guard, contextlib.redirect_stdout(io.StringIO()):
        target = student_namespace(LESSON, {function: source})[function]
        providers = {dep: getattr(guard.module, dep) for dep in exercise.calls}
        for kind, _, label, case, stored in judged_cases(NUMBER, exercise):
            failed_as = PUBLIC_WRONG if kind == findings.PUBLIC else HIDDEN_LOSS
            try:
                got, after = invoke(exercise, target, case.inputs, providers, label)
                if guard.called:  # the answer called the reference and caught the guard's error
                    return Expected(failed_as, _ids(mistakes.reference_called(exercise)))
                with guard.lifted() as reference:
                    values = stored if stored is not None else exercise.expected(reference, case.inputs)
                judge_case(exercise, label, got, after, case.inputs, values)
            except NotImplementedError:
                return Expected(BLANK)
            except CheckFailed as failure:
                named = mistakes.reference_called(exercise) if guard.called else mistakes.named(NUMBER, failure.hints)
                return Expected(failed_as, _ids(named))
            except Exception as error:  # noqa: BLE001 - the answer stopped with an error
                text = "\n".join([str(error), *getattr(error, "__notes__", [])])
                return Expected(STOPPED if kind == findings.PUBLIC else HIDDEN_LOSS,
                                _ids(mistakes.named_in_error(NUMBER, exercise, text)), findings.ERROR)
    return Expected(FULL)


def bank_students(size):
    """``{student: [answer names]}`` for the ``size - 6`` students graded from the bank."""
    options = defaultdict(list)
    for name, answer in sorted(POOL.items()):
        options[answer.function].append(name)
    students = {}
    for index in range(max(size - len(ROLES), 0)):
        turns = [options[function] + [None] for function in FUNCTIONS]  # None: the solution
        picks = [turn[(index + offset) % len(turn)] for offset, turn in enumerate(turns)]
        students[f"s{index + 1:02d}"] = [pick for pick in picks if pick is not None]
    return students


def _blank():
    notebook = read(release_path(LESSON))
    notebook.cells = [c for c in notebook.cells if c.cell_type != "code" or c.metadata.get("nbgrader")]
    return notebook


def grade(students, folder, workers=2):
    """Hand in ``students`` (``{student: [answer names]}``) and the six roles to a copy of the course at ``folder``,
    grade them with ``dlgrade autograde``, then play the roles; returns the course folder and the run."""
    course = copy_course(folder, timeout=60)
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as file:
        file.write(f"\nc.StartJudge.case_seconds = {CASE_SECONDS}\n")
    notebooks = {student: submission(LESSON, {POOL[n].function: POOL[n].source for n in names}, demos=False)
                 for student, names in students.items()}
    notebooks.update({"blank": _blank(), "no_details": submission(LESSON, demos=False),
                      "never_ends": submission(LESSON, {NEVER_ENDS.function: NEVER_ENDS.source}, demos=False),
                      "broken": '{"cells": [', "changed": submission(LESSON, demos=False)})
    hand_in(course, LESSON, notebooks)
    run = dlgrade(course, "autograde", LESSON, "--workers", str(workers))
    findings.path(course / "autograded" / "no_details" / LESSON, LESSON).unlink()  # as graded before findings
    changed = course / "submitted" / "changed" / LESSON / f"{LESSON}.ipynb"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        gradebook.add_student("missing", first_name="하은", last_name="박")
    return course, run


def expected_report(students):
    """What the report of the graded class must show, in the form ``shown`` reads from the page."""
    found = {student: {f: Expected(FULL) for f in FUNCTIONS} for student in students}
    handed_in = {name for names in students.values() for name in names}
    worked_out = {name: expected(POOL[name].function, POOL[name].source) for name in handed_in}
    for student, names in students.items():
        found[student].update({POOL[name].function: worked_out[name] for name in names})
    found["blank"] = {f: Expected(BLANK) for f in FUNCTIONS}
    found["no_details"] = {f: Expected(NO_DETAILS) for f in FUNCTIONS}
    found["never_ends"] = {f: Expected(FULL) for f in FUNCTIONS}
    found["never_ends"][NEVER_ENDS.function] = Expected(HIDDEN_LOSS, (), findings.TIMEOUT)
    exercises = {}
    for function in FUNCTIONS:
        outcomes = {student: found[student][function] for student in sorted(found)}
        named = defaultdict(list)
        for student, outcome in outcomes.items():
            for mistake_id in outcome.mistakes:
                named[mistake_id].append(student)
        wrong = [s for s, o in outcomes.items() if o.category in (PUBLIC_WRONG, HIDDEN_LOSS, STOPPED)
                 and o.stopped != findings.TIMEOUT]
        exercises[function] = {"categories": dict(Counter(o.category for o in outcomes.values())),
                               "mistakes": dict(named),
                               "unnamed": sorted(s for s in wrong if not outcomes[s].mistakes),
                               "stopped": sorted(s for s, o in outcomes.items() if o.stopped)}
    return {"statuses": {GRADED: len(found), UNGRADABLE: 1, CHANGED: 1, MISSING: 1}, "exercises": exercises}


def _students(element):
    ids = element.select_one(".ids")
    return [s for s in ids.get_text().split(", ") if s] if ids else []


def shown(html, lesson=LESSON):
    """What the report page shows about ``lesson``, read from its tables (as ``expected_report`` gives it)."""
    section = BeautifulSoup(html, "html.parser").select_one(f'section.lesson[data-lesson="{lesson}"]')
    statuses = {cell["data-status"]: int(cell.get_text()) for cell in section.select("table.statuses td")}
    exercises = {}
    for row in section.select("table.outcomes tr[data-exercise]"):
        categories = {cell["data-category"]: int(cell["data-count"]) for cell in row.select("td[data-category]")}
        exercises[row["data-exercise"]] = {"categories": {c: n for c, n in categories.items() if n},
                                           "mistakes": {}, "unnamed": [], "stopped": []}
    for part in section.select("section.exercise"):
        counted = exercises[part["data-exercise"]]
        for row in part.select("tr[data-mistake]"):
            counted["mistakes"][row["data-mistake"]] = _students(row)
            assert int(row["data-count"]) == len(_students(row)), row
        counted["unnamed"] = sorted(row["data-unnamed"] for row in part.select("tr[data-unnamed]"))
        counted["stopped"] = sorted(s for line in part.select("p.stopped") for s in _students(line))
    return {"statuses": statuses, "exercises": exercises}


def differences(expected_counts, shown_counts):
    """Every count the page shows otherwise than the answers handed in say, one line each."""
    lines = [f"{status}: {shown_counts['statuses'].get(status)}명 (expected {count})"
             for status, count in expected_counts["statuses"].items() if shown_counts["statuses"].get(status) != count]
    for name, want in expected_counts["exercises"].items():
        got = shown_counts["exercises"].get(name)
        if got is None:
            lines.append(f"{name}: not on the page")
            continue
        lines += [f"{name} {key}: {got[key]} (expected {want[key]})" for key in want if got[key] != want[key]]
    return lines
