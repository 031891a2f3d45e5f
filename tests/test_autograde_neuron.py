"""Lesson 01 through real nbgrader, on a temporary copy of the course.

One class is graded once (module fixture, see grading.py): generate_assignment ->
submissions -> autograde -> generate_feedback -> export. The class holds a correct
student, the untouched release, and the bank's answers. The three graded cells do
not depend on one another, so one student may hold a wrong answer for each
(grading.bundle).
"""
import csv

import pytest

from bank.neuron import CORRECT, WRONG
from grading import bundle, grade_class

pytestmark = pytest.mark.autograde

LESSON = "01_mnist_and_the_neuron"
TIMEOUT = 30  # seconds per cell in this copy
FULL_MARKS = 4  # normalize 1, one_hot 1, initialize_parameters 2
BANK = bundle(WRONG, CORRECT)
STUDENT_OF = BANK.student_of


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("course"), LESSON, BANK.submissions(LESSON, WRONG, CORRECT), TIMEOUT)


def test_every_submission_is_autograded(graded):
    assert graded.autograde.returncode == 0, graded.autograde.stderr
    assert {p.name for p in (graded.course / "autograded").iterdir()} == set(graded.scores)


def test_correct_student_gets_full_marks_and_the_untouched_release_none(graded):
    assert graded.total("correct") == graded.max_total("correct") == FULL_MARKS
    assert graded.total("untouched") == 0


def test_only_the_cells_holding_a_wrong_answer_lose_points(graded):
    assert BANK.misgraded(graded, WRONG) == []


@pytest.mark.parametrize("student", ["correct", STUDENT_OF["init_seeds_inside"]])
def test_feedback_hides_hidden_tests(graded, student):
    html = (graded.course / "feedback" / student / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "공개 테스트 통과" in html
    assert "run_hidden" not in html and "HIDDEN TESTS" not in html and "runpy" not in html


def test_feedback_explains_a_hidden_test_failure(graded):
    student = STUDENT_OF["init_seeds_inside"]
    html = (graded.course / "feedback" / student / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "숨겨진 테스트 1/3" in html and "np.random.seed를 부르지" in html


def test_export_lists_every_student(graded):
    with open(graded.course / "grades.csv", encoding="utf-8") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert set(rows) == set(graded.scores)
    assert float(rows["correct"]["score"]) == FULL_MARKS
    assert float(rows["untouched"]["score"]) == 0
