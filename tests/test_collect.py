"""``dlgrade collect``: real Moodle and Canvas "download all submissions" archives, with and without the UTF-8 flag."""
import json
import unicodedata
import zipfile

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell, new_notebook

from dlgrade.cli import main
from dlgrade.collect import CollectError, collect
from dlgrade.roster import import_roster

LESSON = "07_deep_nn_step_by_step"
NOTEBOOK = f"{LESSON}.ipynb"
KOREAN_ROSTER = ("학번,성,이름\n2023001,김,민지\n2023002,이,서준\n2023003,박,하은\n2023004,최,유진\n"
                 "2023005,김,민준\n2023006,김,민준\n2023007,정,우성\n")
MORNING, NOON, EVENING = (2026, 3, 2, 9, 0, 0), (2026, 3, 2, 12, 0, 0), (2026, 3, 2, 18, 0, 0)


class RawName(zipfile.ZipInfo):
    """An entry whose name is stored as the given bytes without the UTF-8 flag, as Korean Windows tools store it."""

    def __init__(self, raw, date_time):
        super().__init__(raw.decode("cp437"), date_time)
        self.raw = raw

    def _encodeFilenameFlags(self):
        return self.raw, self.flag_bits & ~0x800


def notebook(tag):
    return nbformat.writes(new_notebook(cells=[new_markdown_cell(tag, id="answer")])).encode("utf-8")


def archive(path, entries, encoding=None):
    """A zip of ``(name, data, date_time)``: names in ``encoding`` without the UTF-8 flag, or zipfile's own
    way (UTF-8 with the flag) when ``None``."""
    with zipfile.ZipFile(path, "w") as zip_file:
        for name, data, when in entries:
            info = RawName(name.encode(encoding), when) if encoding else zipfile.ZipInfo(name, when)
            zip_file.writestr(info, data)
    return path


def submitted(root, student):
    return (root / "submitted" / student / LESSON / NOTEBOOK).read_bytes()


def record(root, student):
    return json.loads((root / "submitted" / student / LESSON / "collected.json").read_text(encoding="utf-8"))


@pytest.fixture
def course(course_root):  # noqa: F811
    for lesson in (LESSON, "06_two_layer_net"):
        (course_root / "solutions" / lesson).mkdir(parents=True)
    (course_root / "roster.csv").write_text(KOREAN_ROSTER, encoding="utf-8")
    import_roster(course_root, course_root / "roster.csv")
    return course_root


def test_moodle_folders_with_cp949_names_and_no_utf8_flag(course):
    folder = "{}_{}_assignsubmission_file/"
    path = archive(course / "moodle.zip", [
        (folder.format("김민지", 101) + NOTEBOOK, notebook("민지"), NOON),
        (folder.format("이서준", 102) + f"사본 - {NOTEBOOK}", notebook("서준"), NOON),
        (folder.format("박하은", 103) + NOTEBOOK, notebook("하은 처음"), MORNING),
        (folder.format("박하은", 103) + f"{LESSON} (1).ipynb", notebook("하은 다시"), EVENING),
        (folder.format("최유진", 104) + "보고서.pdf", b"%PDF-1.4", NOON),
        (folder.format("김민준", 105) + NOTEBOOK, notebook("민준"), NOON),
        (folder.format("홍길동", 106) + NOTEBOOK, notebook("길동"), NOON),
        (folder.format("우성 정", 107) + "06_two_layer_net.ipynb", notebook("우성"), NOON),
    ], encoding="cp949")
    assert not any("김민지" in name for name in zipfile.ZipFile(path).namelist())  # zipfile alone garbles them
    result = collect(course, LESSON, path)
    assert result.written == {"2023001": "새로", "2023002": "새로", "2023003": "새로"} and not result.renamed
    assert submitted(course, "2023001") == notebook("민지") and submitted(course, "2023003") == notebook("하은 다시")
    assert result.several == {"2023003": (folder.format("박하은", 103) + f"{LESSON} (1).ipynb", 1)}
    assert result.not_notebook == [folder.format("최유진", 104) + "보고서.pdf"]
    assert result.ambiguous == {folder.format("김민준", 105) + NOTEBOOK: ["2023005", "2023006"]}
    assert result.unknown == [folder.format("홍길동", 106) + NOTEBOOK]
    assert result.other_lesson == {folder.format("우성 정", 107) + "06_two_layer_net.ipynb": "06_two_layer_net"}
    assert result.missing == ["2023004", "2023005", "2023006", "2023007"] and result.problems
    assert record(course, "2023001") == {**record(course, "2023001"), "lms": "moodle", "late": None,
                                         "entry": folder.format("김민지", 101) + NOTEBOOK,
                                         "uploaded": "2026-03-02T12:00:00", "archive": "moodle.zip"}
    text = "\n".join(result.lines())
    assert "홍길동_106_assignsubmission_file/07_deep_nn_step_by_step.ipynb: 명단에서 이 학생을 찾지 못했습니다" in text
    assert "2023005, 2023006 중 누구인지 모릅니다" in text and "보고서.pdf: 노트북(.ipynb)이 아니라" in text


def test_moodle_flat_names_with_the_utf8_flag(course):
    path = archive(course / "moodle.zip", [
        (f"민지 김_101_assignsubmission_file_{NOTEBOOK}", notebook("민지"), NOON),
        ("민지 김_101_assignsubmission_onlinetext_onlinetext.html", b"<p>", NOON),
    ])
    assert zipfile.ZipFile(path).infolist()[0].flag_bits & 0x800
    result = collect(course, LESSON, path, "moodle")
    assert result.written == {"2023001": "새로"} and submitted(course, "2023001") == notebook("민지")
    assert result.not_notebook == ["민지 김_101_assignsubmission_onlinetext_onlinetext.html"]


def test_utf8_names_without_the_flag_and_decomposed_hangul(course):
    name = unicodedata.normalize("NFD", f"서준 이_102_assignsubmission_file/{NOTEBOOK}")
    result = collect(course, LESSON, archive(course / "mac.zip", [(name, notebook("서준"), NOON)], "utf-8"))
    assert result.written == {"2023002": "새로"} and not result.problems


def test_canvas_names_late_mark_and_reuploads(course):
    (course / "canvas.csv").write_text("id,first_name,last_name,lms_user_id\ns1,Minji,Kim,\ns2,Seojun,Lee,5002\n",
                                       encoding="utf-8")
    import_roster(course, course / "canvas.csv")
    path = archive(course / "submissions.zip", [
        (f"kimminji_LATE_5001_678901_{NOTEBOOK}", notebook("minji"), EVENING),
        (f"leeseojun_5002_678800_{NOTEBOOK}", notebook("seojun 1"), NOON),
        (f"leeseojun_5002_678902_{LESSON}-1.ipynb", notebook("seojun 2"), NOON),
        (f"leeseojun_5002_678903_{LESSON}_my_answers.ipynb", notebook("seojun other"), MORNING),
    ])
    result = collect(course, LESSON, path, "canvas")
    assert result.written == {"s1": "새로", "s2": "새로"} and result.late == ["s1"]
    assert submitted(course, "s2") == notebook("seojun 2") and result.several["s2"][1] == 2
    assert (record(course, "s1")["late"], record(course, "s2")["late"]) == (True, False)
    assert record(course, "s1")["lms"] == "canvas"
    assert collect(course, LESSON, path, "moodle").unnamed == [name for name in zipfile.ZipFile(path).namelist()]


def test_an_id_that_names_someone_else_is_not_guessed(course):
    entry = f"김민지_2023002_assignsubmission_file/{NOTEBOOK}"
    result = collect(course, LESSON, archive(course / "moodle.zip", [(entry, notebook("민지"), NOON)]))
    assert result.ambiguous == {entry: ["2023001", "2023002"]} and not result.written


def test_a_renamed_notebook_is_taken_and_said(course):
    path = archive(course / "moodle.zip", [("김민지_101_assignsubmission_file/내 과제.ipynb", notebook("민지"), NOON)])
    result = collect(course, LESSON, path)
    assert result.renamed == {"2023001": "김민지_101_assignsubmission_file/내 과제.ipynb"}
    assert submitted(course, "2023001") == notebook("민지")


def test_a_newer_submission_is_never_overwritten(course):
    entry = f"김민지_101_assignsubmission_file/{NOTEBOOK}"
    collect(course, LESSON, archive(course / "a.zip", [(entry, notebook("정오"), NOON)]))
    older = collect(course, LESSON, archive(course / "b.zip", [(entry, notebook("아침"), MORNING)]))
    assert older.newer_kept == {"2023001": entry} and older.problems and submitted(course, "2023001") == notebook("정오")
    assert "이미 있는 제출물이" in "\n".join(older.lines())
    newer = collect(course, LESSON, archive(course / "c.zip", [(entry, notebook("저녁"), EVENING)]))
    assert newer.written == {"2023001": "바꿈"} and submitted(course, "2023001") == notebook("저녁")
    assert record(course, "2023001")["archive"] == "c.zip"
    assert collect(course, LESSON, course / "c.zip").same == ["2023001"]
    assert sorted(p.name for p in (course / "submitted" / "2023001" / LESSON).iterdir()) == [NOTEBOOK,
                                                                                              "collected.json"]


def test_what_cannot_be_collected_at_all(course):
    (course / "not.zip").write_text("hello", encoding="utf-8")
    with pytest.raises(CollectError, match="not.zip: zip 파일이 아닙니다"):
        collect(course, LESSON, course / "not.zip")
    with pytest.raises(CollectError, match="실습 99_x이\\(가\\) 없습니다. 실습 이름은 06_two_layer_net, 07_deep"):
        collect(course, "99_x", course / "not.zip")
    with pytest.raises(CollectError, match="없는.zip: 파일이 없습니다"):
        collect(course, LESSON, course / "없는.zip")


def test_an_empty_roster_is_refused(course_root):  # noqa: F811
    (course_root / "solutions" / LESSON).mkdir(parents=True)
    path = archive(course_root / "a.zip", [("x_1_assignsubmission_file_a.ipynb", b"{}", NOON)])
    with pytest.raises(CollectError, match="dlgrade roster import"):
        collect(course_root, LESSON, path)


def test_command_exits_non_zero_when_something_needs_a_look(course, capsys):
    path = archive(course / "moodle.zip", [(f"김민지_101_assignsubmission_file/{NOTEBOOK}", notebook("민지"), NOON),
                                           ("readme.txt", b"", NOON)])
    assert main(["--root", str(course), "collect", LESSON, str(path)]) == 1
    out = capsys.readouterr().out
    assert "새로 모은 제출물: 1개" in out and "readme.txt: LMS가 붙이는 이름" in out
