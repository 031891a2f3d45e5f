"""Lesson 02 through real nbgrader, on a temporary copy of the course.

One class is graded once (module fixture, see grading.py): a correct student, the
untouched release, and the bank's answers. The four graded cells do not depend on
one another (compute_loss and compute_accuracy are graded with a correct
feed_forward), so one student may hold a wrong answer for each of them: every
answer is graded in a real run, with fewer notebooks to execute. Lesson 07's test
covers nbgrader's own behaviour (tampered cells, infinite loops, broken files).
"""
import pytest

from bank.forward import CORRECT, WRONG
from grading import bundle, grade_class

pytestmark = pytest.mark.autograde

LESSON = "02_forward_propagation"
TIMEOUT = 60  # seconds per cell in this copy
FULL_MARKS = 6  # feed_forward 2, compute_loss 1, compute_accuracy 1, feed_forward_batch 2
BANK = bundle(WRONG, CORRECT)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    return grade_class(tmp_path_factory.mktemp("course"), LESSON, BANK.submissions(LESSON, WRONG, CORRECT), TIMEOUT)


def test_correct_student_gets_full_marks(graded):
    assert graded.total("correct") == graded.max_total("correct") == FULL_MARKS


def test_untouched_release_gets_nothing(graded):
    assert graded.total("untouched") == 0


def test_only_the_cells_holding_a_wrong_answer_lose_points(graded):
    assert BANK.misgraded(graded, WRONG) == []


def test_feedback_hides_hidden_tests(graded):
    html = (graded.course / "feedback" / "correct" / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "공개 테스트 통과" in html
    assert "run_hidden" not in html and "BEGIN HIDDEN TESTS" not in html
