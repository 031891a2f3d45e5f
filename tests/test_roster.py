"""``dlgrade roster import``: rosters as Excel on Korean Windows saves them, checked whole before one write."""
import subprocess
import sys

import pytest
from openpyxl import Workbook

from dlgrade.cli import main
from dlgrade.course import gradebook as open_gradebook
from dlgrade.roster import RosterError, import_roster

KOREAN = "학번,성,이름,이메일\n2023001,김,민지,minji@example.com\n2023002,이,서준,seojun@example.com\n"


def students(root):
    with open_gradebook(root) as gradebook:
        return {s.id: (s.last_name, s.first_name, s.email, s.lms_user_id) for s in gradebook.students}


def test_cp949_csv_with_korean_headers(course_root):
    roster = course_root / "명단.csv"
    roster.write_bytes(KOREAN.encode("cp949"))
    report = import_roster(course_root, roster)
    assert report.added == ["2023001", "2023002"]
    assert students(course_root)["2023001"] == ("김", "민지", "minji@example.com", None)


def test_utf8_bom_csv_with_english_headers_and_lms_ids(course_root):
    roster = course_root / "students.csv"
    roster.write_text("id,first_name,last_name,email,LMS user id,학과\ns1,민지,김,minji@example.com,101,물리\n",
                      encoding="utf-8-sig")
    report = import_roster(course_root, roster)
    assert students(course_root) == {"s1": ("김", "민지", "minji@example.com", "101")}
    assert report.ignored == ["학과"] and "쓰지 않은 열: 학과" in report.lines()


def test_xlsx_with_a_title_row_numeric_ids_and_one_name_column(course_root):
    book = Workbook()
    sheet = book.active
    for row in (["2026학년도 1학기 수강생"], ["학번", "이름", "이메일"], [2023001, "김민지", "minji@example.com"],
                [None, None, None]):
        sheet.append(row)
    book.save(course_root / "명단.xlsx")
    import_roster(course_root, course_root / "명단.xlsx")
    assert students(course_root) == {"2023001": (None, "김민지", "minji@example.com", None)}


def test_second_import_reports_added_changed_kept_and_leaves_the_absent(course_root):
    (course_root / "a.csv").write_text(KOREAN, encoding="utf-8")
    import_roster(course_root, course_root / "a.csv")
    (course_root / "b.csv").write_text("학번,성,이름,이메일\n2023001,김,민지,minji@example.com\n"
                                       "2023003,박,하은,haeun@example.com\n", encoding="utf-8")
    (course_root / "c.csv").write_text("학번,성,이름,이메일\n2023001,김,민지,new@example.com\n", encoding="utf-8")
    report = import_roster(course_root, course_root / "b.csv")
    assert (report.added, report.changed, report.kept, report.absent) == (["2023003"], {}, ["2023001"], ["2023002"])
    report = import_roster(course_root, course_root / "c.csv")
    assert report.changed == {"2023001": {"email": ("minji@example.com", "new@example.com")}}
    assert "  2023001: 이메일 minji@example.com → new@example.com" in report.lines()
    assert set(students(course_root)) == {"2023001", "2023002", "2023003"}


@pytest.mark.parametrize("text, reasons", [
    ("학번,이름\n1,가\n2,나\n1,다\n", ["4행: 학번 1이(가) 2행과 겹칩니다"]),
    ("학번,이름\n1,가\n,나\n3,다\n", ["3행: 학번이 비어 있습니다"]),
    ("학번,이름\n1,가\n../x,나\n", ["3행: 학번 '../x'은(는) 폴더 이름으로 쓸 수 없습니다"]),
])
def test_bad_rows_are_named_and_nothing_is_written(course_root, text, reasons):
    (course_root / "bad.csv").write_text(text, encoding="utf-8")
    with pytest.raises(RosterError) as error:
        import_roster(course_root, course_root / "bad.csv")
    assert "bad.csv" in str(error.value) and "아무것도 넣지 않았습니다" in str(error.value)
    assert all(reason in str(error.value) for reason in reasons)
    assert students(course_root) == {}


@pytest.mark.parametrize("name, data, reason", [
    ("x.csv", "이름,이메일\n김민지,a@b.c\n".encode(), "학번 열이 없습니다 (첫 줄: 이름, 이메일)"),
    ("x.csv", b"\xff\xfe\x00\xff", "UTF-8도 CP949(EUC-KR)도 아닌"),
    ("x.xlsx", b"not a workbook", "엑셀 파일(.xlsx)로 읽을 수 없습니다"),
    ("x.xls", b"", "옛 엑셀 형식(.xls)"),
    ("x.csv", b"\n\n", "빈 파일입니다"),
])
def test_unreadable_rosters_say_why_in_korean(course_root, name, data, reason):
    (course_root / name).write_bytes(data)
    with pytest.raises(RosterError, match=r"x\.xlsx?|x\.csv") as error:
        import_roster(course_root, course_root / name)
    assert reason in str(error.value)


def test_command_prints_the_report_and_refuses_a_bad_roster(course_root, capsys):
    (course_root / "students.csv").write_bytes(KOREAN.encode("cp949"))
    assert main(["--root", str(course_root), "roster", "import", str(course_root / "students.csv")]) == 0
    assert "추가한 학생: 2명" in capsys.readouterr().out
    (course_root / "bad.csv").write_text("학번\n1\n1\n", encoding="utf-8")
    assert main(["--root", str(course_root), "roster", "import", str(course_root / "bad.csv")]) == 2
    assert "3행: 학번 1이(가) 2행과 겹칩니다" in capsys.readouterr().err


def test_usage_errors_answer_before_nbgrader_is_imported():
    code = ("import sys\nfrom dlgrade.cli import main\n"
            "for argv in (['roster', 'import'], ['collect', '--help'], ['export', '--lms', 'x']):\n"
            "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
            "print('nbgrader' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().endswith("False")


@pytest.mark.parametrize("argv, says", [
    ([], "빠진 인자: 명령"), (["autograde"], "빠진 인자: lesson"), (["autograde", "x", "--workers", "0"], "1 이상"),
    (["export", "--lms", "blackboard"], "'blackboard'은(는) 없는 선택입니다"), (["status", "x", "--bogus"], "모르는 인자"),
])
def test_usage_errors_are_in_korean(argv, says):
    run = subprocess.run([sys.executable, "-m", "dlgrade.cli", *argv], capture_output=True, text=True)
    assert run.returncode == 2 and says in run.stderr and "--help`로 쓰는 법을 보세요" in run.stderr
    assert "usage:" not in run.stderr and "error:" not in run.stderr
