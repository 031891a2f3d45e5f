"""Lesson 01 through real nbgrader, on a temporary copy of the course.

One class is graded once (module fixture, see grading.py): generate_assignment ->
submissions -> autograde -> generate_feedback -> export. The class holds a correct
student, the untouched release, and one student per answer of the bank.
"""
import csv

import pytest

from bank.neuron import CORRECT, WRONG
from course import read, release_path
from grading import grade_class, submission

pytestmark = pytest.mark.autograde

LESSON = "01_mnist_and_the_neuron"
TIMEOUT = 30  # seconds per cell in this copy
FULL_MARKS = 4  # normalize 1, one_hot 1, initialize_parameters 2


def class_submissions():
    students = {"correct": submission(LESSON), "untouched": read(release_path(LESSON))}
    students.update({f"wrong_{name}": submission(LESSON, {a.function: a.source}) for name, a in WRONG.items()})
    students.update({f"alt_{name}": submission(LESSON, {a.function: a.source}) for name, a in CORRECT.items()})
    return students


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("course"), LESSON, class_submissions(), TIMEOUT)


def test_every_submission_is_autograded(graded):
    assert graded.autograde.returncode == 0, graded.autograde.stderr
    assert {p.name for p in (graded.course / "autograded").iterdir()} == set(graded.scores)


def test_correct_student_gets_full_marks_and_the_untouched_release_none(graded):
    assert graded.total("correct") == graded.max_total("correct") == FULL_MARKS
    assert graded.total("untouched") == 0


@pytest.mark.parametrize("name", sorted(WRONG))
def test_wrong_answer_loses_exactly_its_cells_points(graded, name):
    student, cell = f"wrong_{name}", f"test_{WRONG[name].function}"
    score, maximum = graded.scores[student][cell]
    assert score == 0
    assert graded.total(student) == FULL_MARKS - maximum


@pytest.mark.parametrize("name", sorted(CORRECT))
def test_correct_alternative_keeps_full_marks(graded, name):
    assert graded.total(f"alt_{name}") == FULL_MARKS


@pytest.mark.parametrize("student", ["correct", "wrong_init_seeds_inside"])
def test_feedback_hides_hidden_tests(graded, student):
    html = (graded.course / "feedback" / student / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "공개 테스트 통과" in html
    assert "run_hidden" not in html and "HIDDEN TESTS" not in html and "runpy" not in html


def test_feedback_explains_a_hidden_test_failure(graded):
    html = (graded.course / "feedback" / "wrong_init_seeds_inside" / LESSON / f"{LESSON}.html").read_text(
        encoding="utf-8")
    assert "숨겨진 테스트 1/3" in html and "np.random.seed를 부르지" in html


def test_export_lists_every_student(graded):
    with open(graded.course / "grades.csv", encoding="utf-8") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert set(rows) == set(graded.scores)
    assert float(rows["correct"]["score"]) == FULL_MARKS
    assert float(rows["untouched"]["score"]) == 0
