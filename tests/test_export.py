"""``dlgrade export``: CSV that Excel on Korean Windows opens, ``.xlsx``, and the Moodle and Canvas grade imports."""
import csv

import pytest
from openpyxl import load_workbook

from dlgrade.cli import main
from dlgrade.export import export
from dlgrade.course import gradebook as open_gradebook
from dlgrade.roster import import_roster

LESSON = "07_deep_nn_step_by_step"


@pytest.fixture
def graded(course_root):
    """A gradebook with a Korean roster and one lesson of two exercises (2 + 3 points), graded for one student."""
    (course_root / "roster.csv").write_bytes("학번,성,이름,이메일,lms_user_id\n2023001,김,민지,minji@example.com,5001\n"
                                             "2023002,이,서준,seojun@example.com,\n".encode("cp949"))
    import_roster(course_root, course_root / "roster.csv")
    with open_gradebook(course_root) as gradebook:
        gradebook.add_assignment(LESSON)
        gradebook.add_notebook(LESSON, LESSON)
        for name, points in (("test_linear_forward", 2), ("test_compute_cost", 3)):
            gradebook.add_source_cell(name, LESSON, LESSON, cell_type="code", locked=True, source="")
            gradebook.add_grade_cell(name, LESSON, LESSON, max_score=points, cell_type="code")
        with gradebook.db.no_autoflush:  # nbgrader's add_submission warns otherwise
            gradebook.add_submission(LESSON, "2023001")
        gradebook.find_grade("test_linear_forward", LESSON, LESSON, "2023001").auto_score = 2
        gradebook.find_grade("test_compute_cost", LESSON, LESSON, "2023001").auto_score = 0
        gradebook.db.commit()
    return course_root


def read_csv(path):
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_csv_has_a_bom_for_excel(graded):
    assert export(graded, graded / "grades.csv", per_exercise=True) == 2
    assert (graded / "grades.csv").read_bytes().startswith(b"\xef\xbb\xbfstudent_id,")
    assert read_csv(graded / "grades.csv") == [
        ["student_id", "last_name", "first_name", "email", LESSON, f"{LESSON}/linear_forward",
         f"{LESSON}/compute_cost", f"{LESSON} 상태"],
        ["2023001", "김", "민지", "minji@example.com", "2", "2", "0", "채점됨"],
        ["2023002", "이", "서준", "seojun@example.com", "", "", "", "미제출"]]


def test_a_submission_that_could_not_be_graded_is_blank_with_its_status(graded):
    folder = graded / "submitted" / "2023002" / LESSON
    folder.mkdir(parents=True)
    (folder / f"{LESSON}.ipynb").write_bytes(b"")
    (graded / "submitted" / "2023003" / LESSON).mkdir(parents=True)  # submitted, not on the roster
    export(graded, graded / "grades.csv")
    rows = {row[0]: row[4:] for row in read_csv(graded / "grades.csv")[1:]}
    assert rows == {"2023001": ["2", "채점됨"], "2023002": ["", "채점 불가"], "2023003": ["", "채점 불가"]}


def test_xlsx_keeps_scores_as_numbers(graded):
    export(graded, graded / "성적.xlsx")
    rows = list(load_workbook(graded / "성적.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("student_id", "last_name", "first_name", "email", LESSON, f"{LESSON} 상태")
    assert rows[1] == ("2023001", "김", "민지", "minji@example.com", 2, "채점됨") and rows[2][4] is None


def test_moodle_import_columns(graded):
    export(graded, graded / "moodle.csv", lms="moodle")
    assert read_csv(graded / "moodle.csv") == [["ID number", "First name", "Last name", "Email address", LESSON],
                                               ["2023001", "민지", "김", "minji@example.com", "2"],
                                               ["2023002", "서준", "이", "seojun@example.com", ""]]


def test_canvas_import_columns_and_points_possible(graded, capsys):
    assert main(["--root", str(graded), "export", str(graded / "canvas.csv"), "--lms", "canvas", "--per-exercise"]) == 0
    assert "canvas.csv: 학생 2명" in capsys.readouterr().out
    assert read_csv(graded / "canvas.csv") == [
        ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", LESSON, f"{LESSON}/linear_forward",
         f"{LESSON}/compute_cost"],
        ["    Points Possible", "", "", "", "", "5", "2", "3"],
        ["김, 민지", "5001", "2023001", "", "", "2", "2", "0"],
        ["이, 서준", "", "2023002", "", "", "", "", ""]]
