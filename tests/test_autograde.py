"""Every lesson through real nbgrader: its whole bank graded in one run per lesson.

submissions -> ``dlgrade autograde`` (nbgrader's autograde: the kernel runs the notebook,
the judge decides every test cell outside it) -> generate_feedback -> export. The class
holds a correct student, the untouched release, and the bank's answers bundled at
most one per graded function per student; only the cells holding a wrong answer
may lose points.
"""
import csv

import pytest

from course import LESSONS, bank, number, read, release_path
from grading import bundle, grade_class
from testcases.engine.report import PASSED

pytestmark = pytest.mark.autograde

TIMEOUT = 60

# Printed only by the short version of a lesson's training cells (their metadata dl_course.while_graded),
# which grading runs so that a submission grades in seconds; the full version prints the other texts.
SHORT_RUN_SHOWS = {"04_backpropagation": (("2번째 경사 하강", "학습률 20, 10에폭"),
                                          ("3번째 경사 하강", "학습률 20, 300에폭"))}


class LessonRun:
    """The tests of one lesson's run; ``TestLessonNN`` below binds ``lesson`` (one class per lesson, so
    that pytest-xdist's ``--dist loadscope`` grades lessons on different workers)."""

    lesson = None

    @pytest.fixture(scope="class")
    @classmethod
    def graded(cls, tmp_path_factory):
        answers = bank(cls.lesson)
        bundled = bundle(answers.WRONG, answers.CORRECT)
        students = bundled.submissions(cls.lesson, answers.WRONG, answers.CORRECT)
        return cls.lesson, bundled, grade_class(tmp_path_factory.mktemp("course"), cls.lesson, students, TIMEOUT)

    def test_only_the_cells_holding_a_wrong_answer_lose_points(self, graded):
        lesson, bundled, result = graded
        assert bundled.misgraded(result, bank(lesson).WRONG) == []

    def test_correct_student_gets_full_marks_and_untouched_gets_none(self, graded):
        _, _, result = graded
        assert result.total("correct") == result.max_total("correct") > 0
        assert result.total("untouched") == 0

    def test_every_test_cell_says_what_the_judge_decided(self, graded):
        lesson, _, result = graded
        notebook = result.notebook("autograded", "correct", lesson)
        for cell in notebook.cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                text = "".join(o.get("text", "") for o in cell.outputs)
                assert PASSED in text and "숨겨진 테스트" in text and "채점 통과" in text

    def test_feedback_shows_the_hidden_failure_without_hidden_code(self, graded):
        lesson, bundled, result = graded
        fitted = [n for n, a in bank(lesson).WRONG.items() if a.feedback is None]
        for name in fitted[:1]:
            student = bundled.student_of[name]
            html = (result.course / "feedback" / student / lesson / f"{lesson}.html").read_text(encoding="utf-8")
            assert "숨겨진 테스트" in html and "hidden_cases" not in html

    def test_training_cells_ran_short_and_show_the_students_source(self, graded):
        lesson, _, result = graded
        release = read(release_path(lesson))
        notebook = result.notebook("autograded", "correct", lesson)
        assert len(notebook.cells) == len(release.cells)
        for graded_cell, released in zip(notebook.cells, release.cells):
            if released.metadata.get("dl_course", {}).get("while_graded"):
                assert graded_cell.source == released.source
        shown, not_shown = SHORT_RUN_SHOWS.get(lesson, ((), ()))
        text = "".join(o.get("text", "") for c in notebook.cells for o in c.get("outputs", []))
        assert [t for t in shown if t not in text] == [] and [t for t in not_shown if t in text] == []

    def test_export_lists_every_student(self, graded):
        _, _, result = graded
        with open(result.course / "grades.csv", encoding="utf-8") as file:
            rows = {row["student_id"]: row for row in csv.DictReader(file)}
        assert set(rows) == set(result.scores)
        assert float(rows["correct"]["score"]) == result.max_total("correct")

    def test_untouched_notebooks_are_not_reported_as_tampered(self, graded):
        _, _, result = graded
        assert "변조된 제출물: 0개" in result.autograde.stdout, result.autograde.stdout


for _lesson in LESSONS:
    globals()[f"TestLesson{number(_lesson)}"] = type(f"TestLesson{number(_lesson)}", (LessonRun,), {"lesson": _lesson})
