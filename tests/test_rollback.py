"""A student's graded state put aside and put back: the grades and the graded folder as they were,
whatever point a grading (or its clean-up) was stopped at."""
import pytest

from dlgrade import rollback
from dlgrade.course import gradebook as open_gradebook

LESSON = "07_deep_nn_step_by_step"


@pytest.fixture
def graded(course_root):
    """A gradebook with s1 graded 2/2 on one test cell, and s1's graded notebook folder."""
    with open_gradebook(course_root) as gradebook:
        gradebook.add_assignment(LESSON)
        gradebook.add_notebook(LESSON, LESSON)
        gradebook.add_source_cell("test_a", LESSON, LESSON, cell_type="code", locked=True, source="")
        gradebook.add_grade_cell("test_a", LESSON, LESSON, max_score=2, cell_type="code")
        gradebook.add_student("s1")
        with gradebook.db.no_autoflush:
            gradebook.add_submission(LESSON, "s1")
        gradebook.find_grade("test_a", LESSON, LESSON, "s1").auto_score = 2
        gradebook.db.commit()
    folder = course_root / "autograded" / "s1" / LESSON
    folder.mkdir(parents=True)
    (folder / f"{LESSON}.ipynb").write_text("the graded notebook", encoding="utf-8")
    return course_root


def state(root):
    with open_gradebook(root) as gradebook:
        try:
            score = gradebook.find_grade("test_a", LESSON, LESSON, "s1").auto_score
        except Exception:  # noqa: BLE001 - no submission at all
            score = None
    files = {str(p.relative_to(root / "autograded")): p.read_text() for p in (root / "autograded").rglob("*.ipynb")}
    return score, files


def regrade_badly(root):
    """What a grading that fails halfway leaves: a changed grade and a partial folder."""
    with open_gradebook(root) as gradebook:
        gradebook.find_grade("test_a", LESSON, LESSON, "s1").auto_score = 0
        gradebook.db.commit()
    folder = root / "autograded" / "s1" / LESSON
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{LESSON}.ipynb").write_text("half written", encoding="utf-8")


def test_a_failed_grading_is_put_back_exactly(graded):
    before = state(graded)
    rollback.put_aside(graded, LESSON, "s1")
    regrade_badly(graded)
    rollback.put_back(graded, LESSON, "s1")
    assert state(graded) == before == (2, {f"s1/{LESSON}/{LESSON}.ipynb": "the graded notebook"})
    assert rollback.recover(graded, LESSON) == []


def test_a_run_killed_mid_grading_is_put_back_by_the_next(graded):
    before = state(graded)
    rollback.put_aside(graded, LESSON, "s1")
    regrade_badly(graded)  # ... and the run is killed here
    assert rollback.recover(graded, LESSON) == ["s1"]
    assert state(graded) == before


def test_a_first_grading_that_fails_leaves_no_grade_at_all(graded):
    with open_gradebook(graded) as gradebook:
        gradebook.add_student("s2")
    rollback.put_aside(graded, LESSON, "s2")
    with open_gradebook(graded) as gradebook, gradebook.db.no_autoflush:
        gradebook.add_submission(LESSON, "s2")
    (graded / "autograded" / "s2" / LESSON).mkdir(parents=True)
    rollback.put_back(graded, LESSON, "s2")
    with open_gradebook(graded) as gradebook:
        assert [s.student.id for s in gradebook.find_assignment(LESSON).submissions] == ["s1"]
    assert not (graded / "autograded" / "s2").exists() or not any((graded / "autograded" / "s2").iterdir())


def test_a_success_whose_clean_up_was_cut_short_is_kept(graded):
    rollback.put_aside(graded, LESSON, "s1")
    regrade_badly(graded)  # stands for a new, successful grading: 0 points, a new notebook
    after = state(graded)
    (graded / rollback.ASIDE / LESSON / "s1" / "rows.json").unlink()  # discard stopped after its first step
    assert rollback.recover(graded, LESSON) == ["s1"]
    assert state(graded) == after
