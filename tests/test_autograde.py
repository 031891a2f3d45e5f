"""Real nbgrader runs on a temporary copy of the course.

One class is graded once (module fixture): generate_assignment -> submissions ->
autograde -> generate_feedback -> export. The class holds every answer of the bank
(one student each) and the end-to-end cases: a correct student, an untouched
notebook, a function that raises, several wrong answers, a tampered locked test,
an infinite loop, an answer cell that monkeypatches the checks, and a submission
that is not a notebook at all.
"""
import csv

import nbformat
import pytest
from nbgrader.api import Gradebook

from bank.deep_nn import CORRECT, WRONG
from course import answer_cells, copy_course, grade_cells, nbgrader, read, release_path, solution_path
from test_checks_deep_nn import PATCH_EVERYTHING

pytestmark = pytest.mark.autograde

LESSON = "07_deep_nn_step_by_step"
TIMEOUT = 20  # seconds per cell in this copy, so the infinite loop is cut quickly

LOOP = """
def update_parameters(parameters, grads, learning_rate):
    while True:
        pass
"""
MALFORMED = '{"cells": ['  # a notebook cut off mid-upload
RAISES = """
def compute_cost(AL, Y):
    return 1 / 0
"""


def submission(replacements=None, tests=None):
    """The release with the solution's answers, then ``replacements`` and ``tests`` swapped in."""
    notebook = read(release_path(LESSON))
    solutions = answer_cells(read(solution_path(LESSON)))
    for grade_id, cell in answer_cells(notebook).items():
        cell.source = (replacements or {}).get(grade_id, solutions[grade_id].source)
    for grade_id, cell in grade_cells(notebook).items():
        cell.source = (tests or {}).get(grade_id, cell.source)
    return notebook


def class_submissions():
    students = {
        "correct": submission(),
        "untouched": read(release_path(LESSON)),
        "raises": submission({"compute_cost": RAISES}),
        "wrong": submission({a.function: a.source for a in (WRONG["linear_forward_no_bias"],
                                                             WRONG["cost_no_mean"],
                                                             WRONG["update_plus"])}),
        "tampered": submission({"linear_backward": WRONG["lb_dW_no_mean"].source},
                               {"test_linear_backward": "assert True"}),
        "loop": submission({"update_parameters": LOOP}),
        "patcher": submission({"linear_forward": PATCH_EVERYTHING}),
    }
    students.update({f"wrong_{name}": submission({a.function: a.source}) for name, a in WRONG.items()})
    students.update({f"alt_{name}": submission({a.function: a.source}) for name, a in CORRECT.items()})
    return students


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    course = copy_course(tmp_path_factory.mktemp("course"), timeout=TIMEOUT)
    nbgrader(course, "generate_assignment", LESSON, "--force")
    for student, notebook in class_submissions().items():
        folder = course / "submitted" / student / LESSON
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{LESSON}.ipynb")
    malformed = course / "submitted" / "malformed" / LESSON
    malformed.mkdir(parents=True)
    (malformed / f"{LESSON}.ipynb").write_text(MALFORMED, encoding="utf-8")

    autograde = nbgrader(course, "autograde", LESSON, check=False)
    nbgrader(course, "generate_feedback", LESSON, check=False)
    nbgrader(course, "export")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        scores = {}
        for student in gradebook.students:
            try:
                notebook = gradebook.find_submission_notebook(LESSON, LESSON, student.id)
            except Exception:
                continue
            scores[student.id] = {g.name: (g.score, g.max_score) for g in notebook.grades}
    return course, scores, autograde


def total(scores, student):
    return sum(score for score, _ in scores[student].values())


def max_total(scores, student):
    return sum(maximum for _, maximum in scores[student].values())


def test_correct_student_gets_full_marks(graded_class):
    _, scores, _ = graded_class
    assert total(scores, "correct") == max_total(scores, "correct") == 16


def test_untouched_and_failing_students(graded_class):
    _, scores, _ = graded_class
    assert total(scores, "untouched") == 0
    assert scores["raises"]["test_compute_cost"][0] == 0
    assert total(scores, "raises") == 15
    for cell in ("test_linear_forward", "test_compute_cost", "test_update_parameters"):
        assert scores["wrong"][cell][0] == 0
    assert total(scores, "wrong") < 16


def test_tampered_locked_test_is_restored(graded_class):
    course, scores, _ = graded_class
    assert scores["tampered"]["test_linear_backward"][0] == 0
    graded = read(course / "autograded" / "tampered" / LESSON / f"{LESSON}.ipynb")
    assert "check_linear_backward" in grade_cells(graded)["test_linear_backward"].source


def test_infinite_loop_is_cut_and_only_costs_its_cell(graded_class):
    course, scores, _ = graded_class
    assert scores["loop"]["test_update_parameters"][0] == 0
    assert total(scores, "loop") == 15
    graded = read(course / "autograded" / "loop" / LESSON / f"{LESSON}.ipynb")
    errors = [o for o in grade_cells(graded)["test_update_parameters"].outputs if o.output_type == "error"]
    assert errors, "the looping cell should end in an error"


def test_monkeypatching_the_checks_does_not_raise_the_score(graded_class):
    _, scores, _ = graded_class
    assert scores["patcher"]["test_linear_forward"][0] == 0


@pytest.mark.parametrize("name", sorted(WRONG))
def test_wrong_answer_loses_its_points(graded_class, name):
    _, scores, _ = graded_class
    student = f"wrong_{name}"
    assert scores[student][f"test_{WRONG[name].function}"][0] == 0
    assert total(scores, student) < max_total(scores, student)


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_alternative_keeps_full_marks(graded_class, name):
    _, scores, _ = graded_class
    assert total(scores, f"alt_{name}") == 16


def test_malformed_submission_is_reported_and_spares_the_class(graded_class):
    course, scores, autograde = graded_class
    assert autograde.returncode != 0
    assert "for student 'malformed'" in autograde.stderr
    assert "Notebook does not appear to be JSON" in autograde.stderr
    assert (course / "submitted" / "malformed" / LESSON / f"{LESSON}.ipynb").read_text() == MALFORMED
    assert not (course / "autograded" / "malformed").exists()
    assert total(scores, "malformed") == 0
    graded = {p.name for p in (course / "autograded").iterdir()}
    assert graded == set(class_submissions())


def test_feedback_hides_hidden_tests(graded_class):
    course, _, _ = graded_class
    html = (course / "feedback" / "correct" / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "공개 테스트 통과" in html
    assert "run_hidden" not in html and "BEGIN HIDDEN TESTS" not in html


def test_export_lists_every_graded_student(graded_class):
    course, scores, _ = graded_class
    with open(course / "grades.csv", encoding="utf-8") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert float(rows["correct"]["score"]) == 16
    assert float(rows["untouched"]["score"]) == 0
    assert float(rows["loop"]["score"]) == 15
    assert set(scores) <= set(rows)
