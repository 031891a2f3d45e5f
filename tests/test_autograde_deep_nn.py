"""Lesson 07 through real nbgrader, on a temporary copy of the course.

One class is graded once (module fixture, see grading.py): generate_assignment ->
submissions -> autograde -> generate_feedback -> export. The class holds every answer of the bank
(one student each) and the end-to-end cases: a correct student, an untouched
notebook, a function that raises, several wrong answers, a tampered locked test,
an infinite loop, an answer cell that monkeypatches the checks, and a submission
that is not a notebook at all.
"""
import csv

import pytest

from bank.deep_nn import CORRECT, WRONG
from course import grade_cells, read, release_path
from grading import grade_class, submission
from test_banks import patched_answer

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


def class_submissions():
    students = {
        "correct": submission(LESSON),
        "untouched": read(release_path(LESSON)),
        "raises": submission(LESSON, {"compute_cost": RAISES}),
        "wrong": submission(LESSON, {a.function: a.source for a in (WRONG["linear_forward_no_bias"],
                                                                     WRONG["cost_no_mean"],
                                                                     WRONG["update_plus"])}),
        "tampered": submission(LESSON, {"linear_backward": WRONG["lb_dW_no_mean"].source},
                               {"test_linear_backward": "assert True"}),
        "loop": submission(LESSON, {"update_parameters": LOOP}),
        "patcher": submission(LESSON, {"linear_forward": patched_answer(LESSON, WRONG["linear_forward_no_bias"])}),
        "malformed": MALFORMED,
    }
    students.update({f"wrong_{name}": submission(LESSON, {a.function: a.source}) for name, a in WRONG.items()})
    students.update({f"alt_{name}": submission(LESSON, {a.function: a.source}) for name, a in CORRECT.items()})
    return students


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("course"), LESSON, class_submissions(), TIMEOUT)


def test_correct_student_gets_full_marks(graded):
    assert graded.total("correct") == graded.max_total("correct") == 16


def test_untouched_and_failing_students(graded):
    assert graded.total("untouched") == 0
    assert graded.scores["raises"]["test_compute_cost"][0] == 0
    assert graded.total("raises") == 15
    for cell in ("test_linear_forward", "test_compute_cost", "test_update_parameters"):
        assert graded.scores["wrong"][cell][0] == 0
    assert graded.total("wrong") < 16


def test_tampered_locked_test_is_restored(graded):
    assert graded.scores["tampered"]["test_linear_backward"][0] == 0
    notebook = graded.notebook("autograded", "tampered", LESSON)
    assert "check_linear_backward" in grade_cells(notebook)["test_linear_backward"].source


def test_infinite_loop_is_cut_and_only_costs_its_cell(graded):
    assert graded.scores["loop"]["test_update_parameters"][0] == 0
    assert graded.total("loop") == 15
    notebook = graded.notebook("autograded", "loop", LESSON)
    errors = [o for o in grade_cells(notebook)["test_update_parameters"].outputs if o.output_type == "error"]
    assert errors, "the looping cell should end in an error"


def test_monkeypatching_the_checks_does_not_raise_the_score(graded):
    assert graded.scores["patcher"]["test_linear_forward"][0] == 0


@pytest.mark.parametrize("name", sorted(WRONG))
def test_wrong_answer_loses_its_points(graded, name):
    student = f"wrong_{name}"
    assert graded.scores[student][f"test_{WRONG[name].function}"][0] == 0
    assert graded.total(student) < graded.max_total(student)


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_alternative_keeps_full_marks(graded, name):
    assert graded.total(f"alt_{name}") == 16


def test_malformed_submission_is_reported_and_spares_the_class(graded):
    assert graded.autograde.returncode != 0
    assert "for student 'malformed'" in graded.autograde.stderr
    assert "Notebook does not appear to be JSON" in graded.autograde.stderr
    assert (graded.course / "submitted" / "malformed" / LESSON / f"{LESSON}.ipynb").read_text() == MALFORMED
    assert not (graded.course / "autograded" / "malformed").exists()
    assert graded.total("malformed") == 0
    autograded = {p.name for p in (graded.course / "autograded").iterdir()}
    assert autograded == set(graded.scores) - {"malformed"}


@pytest.mark.parametrize("student", ["correct", "wrong", "wrong_linear_forward_hard_coded"])
def test_feedback_hides_hidden_tests(graded, student):
    path = graded.course / "feedback" / student / LESSON / f"{LESSON}.html"
    html = path.read_text(encoding="utf-8")
    assert "공개 테스트 통과" in html
    assert "run_hidden" not in html and "HIDDEN TESTS" not in html and "runpy" not in html


def test_feedback_explains_a_hidden_test_failure(graded):
    path = graded.course / "feedback" / "wrong_linear_forward_hard_coded" / LESSON / f"{LESSON}.html"
    assert "숨겨진 테스트 1/3" in path.read_text(encoding="utf-8")


def test_export_lists_every_student(graded):
    with open(graded.course / "grades.csv", encoding="utf-8") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert float(rows["correct"]["score"]) == 16
    assert float(rows["untouched"]["score"]) == 0
    assert float(rows["loop"]["score"]) == 15
    assert float(rows["malformed"]["score"]) == 0
    assert set(rows) == set(graded.scores)
