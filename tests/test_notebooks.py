"""Each lesson's notebooks: release = nbgrader's output, test cells in their one form,
expected values from testcases, and an untouched student notebook that fails cleanly."""
import ast
import contextlib
import copy
import io
import re

import pytest
from nbclient import NotebookClient
from traitlets.config.loader import PyFileConfigLoader

from course import (LESSONS, ROOT, answer_cells, copy_course, grade_cells, nbgrader, number, read, release_path,
                    setup_cell, solution_path)
from testcases.engine import cells, store
from testcases.engine.nbgrader_preprocessors import (RestoreSubmittedSource, ShortWhileGraded, WHILE_GRADED,
                                                      ResilientExecute)
from testcases.engine.report import PASSED, show


def stdout_of(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")


def expected_blocks(lesson, function):
    """The text the public check prints for the stored expected values, one block per case."""
    blocks = []
    for record in store.records(number(lesson), function):
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            show("기댓값", record["expected"])
        blocks.append(buffer.getvalue())
    return blocks


@pytest.mark.parametrize("lesson", LESSONS)
def test_release_is_what_nbgrader_generates(lesson, tmp_path):
    course = copy_course(tmp_path / "course")
    nbgrader(course, "generate_assignment", lesson, "--force")
    generated = (course / "notebooks" / lesson / f"{lesson}.ipynb").read_bytes()
    assert generated == release_path(lesson).read_bytes(), (
        f"notebooks/{lesson}가 solutions/에서 생성한 것과 다릅니다. "
        f"python scripts/refresh_lesson.py {lesson} 로 다시 만드세요.")


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_shows_exactly_the_stored_expected_values(lesson):
    for grade_id, cell in grade_cells(read(solution_path(lesson))).items():
        output = stdout_of(cell)
        for block in expected_blocks(lesson, cells.exercise_of(grade_id)):
            assert block in output, f"{grade_id}: 기댓값이 저장된 값과 다르게 표시됩니다"
        assert output.rstrip().endswith(PASSED)


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_writes_nothing_to_stderr(lesson):
    for index, cell in enumerate(read(solution_path(lesson)).cells):
        for output in cell.get("outputs", []):
            assert output.get("name") != "stderr", f"cell {index} writes to stderr"
            assert output.output_type != "error", f"cell {index} raised"


@pytest.mark.parametrize("lesson", LESSONS)
def test_nbval_markers_are_cell_tags_students_do_not_see(lesson):
    for path in (solution_path(lesson), release_path(lesson)):
        for index, cell in enumerate(read(path).cells):
            assert "nbval" not in cell.source.lower(), f"{path.name} cell {index}: nbval은 셀 태그로만 적습니다"
            assert set(cell.metadata.get("tags", [])) <= {"nbval-ignore-output"}, f"{path.name} cell {index}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_test_cell_has_the_one_form_and_points(lesson):
    solution = read(solution_path(lesson))
    for grade_id, cell in grade_cells(solution).items():
        meta = cell.metadata["nbgrader"]
        assert meta["locked"] and meta["points"] > 0, grade_id
        assert cell.source == cells.test_cell_source(number(lesson), cells.exercise_of(grade_id)), (
            f"{grade_id}의 소스가 정해진 형태가 아닙니다. python scripts/refresh_lesson.py {lesson} 로 고치세요.")
    assert list(answer_cells(solution)) == [cells.exercise_of(g) for g in grade_cells(solution)]


@pytest.mark.parametrize("lesson", LESSONS)
def test_setup_cell_is_locked_and_first(lesson):
    solution = read(solution_path(lesson))
    first_code = next(c for c in solution.cells if c.cell_type == "code")
    assert setup_cell(solution) is first_code
    assert first_code.metadata["nbgrader"]["locked"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_release_has_blanks_and_no_answers(lesson):
    release = read(release_path(lesson))
    for grade_id, cell in answer_cells(release).items():
        assert "### START CODE HERE ###" in cell.source and "### END CODE HERE ###" in cell.source
        assert "BEGIN SOLUTION" not in cell.source, grade_id
    for cell in release.cells:
        assert not cell.get("outputs"), "the release must not carry outputs"


@pytest.mark.parametrize("lesson", LESSONS)
def test_untouched_release_fails_every_check_with_not_implemented(lesson):
    notebook = read(release_path(lesson))
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(release_path(lesson).parent)}}).execute()
    for grade_id, cell in grade_cells(notebook).items():
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert [e.ename for e in errors] == ["NotImplementedError"], grade_id
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                assert output.ename == "NotImplementedError", cell.source[:80]
            assert output.get("name") != "stderr", cell.source[:80]


# What the student reads: no instructor words, held-out data never called 테스트, points in every header.
# The lessons checked so far; the others join as the lessons issue settles their words.
NOT_FOR_STUDENTS = ("nbgrader", "nbval", "저장소", "scripts/")
HELD_OUT_DATA_AS_TEST = ("테스트 데이터", "테스트용", "테스트 세트", "시험용", "평가용")


def _student_text(lesson):
    """The release's Markdown, and the comment lines of its code cells."""
    parts = []
    for cell in read(release_path(lesson)).cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        else:
            parts += [line for line in cell.source.splitlines() if line.lstrip().startswith("#")]
    return "\n".join(parts)


@pytest.mark.parametrize("lesson", LESSONS)
def test_release_text_has_no_instructor_words_and_calls_held_out_data_test_data_nowhere(lesson):
    text = _student_text(lesson)
    assert [word for word in NOT_FOR_STUDENTS + HELD_OUT_DATA_AS_TEST if word in text] == []


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_exercise_header_shows_the_points_of_its_test_cell(lesson):
    notebook = read(release_path(lesson))
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    tests = [cell for cell in notebook.cells if cells.is_test(cell)]
    assert tests
    for index, cell in enumerate(tests, start=1):
        name, points = cells.exercise_of(cells.grade_id(cell)), cells.nbgrader_meta(cell)["points"]
        assert f"**연습 {index}: `{name}`** ({points:g}점)" in markdown, name
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and "**연습 " in cell.source:
            assert EXERCISE_BOX in cell.source, f"{lesson}: 연습 문제는 한 가지 모양의 상자 안에 둡니다: {cell.source[:60]}"


EXERCISE_BOX = '<div style="border-left: 4px solid #7b5ea7; padding-left: 10px">'


# Nothing of the instructor's in any cell of a release: no grading internals or tool names, and no path that
# exists only in the repository (in ~/dl-course-work the lesson folders sit side by side).
NOT_IN_RELEASE = ("NBGRADER_EXECUTION", "nbgrader", "nbval", "scripts/", "solutions/", "notebooks/", "저장소",
                  "시험용 입력")


@pytest.mark.parametrize("lesson", LESSONS)
def test_release_cells_hold_no_grading_internals_or_repository_paths(lesson):
    found = [(index, word) for index, cell in enumerate(read(release_path(lesson)).cells)
             for word in NOT_IN_RELEASE if word.lower() in cell.source.lower()]
    assert found == [], f"{lesson}: 학생용 셀에 강사용 말이나 저장소에만 있는 경로가 있습니다 (셀, 말): {found}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_release_links_lead_to_files_beside_it_in_the_work_folder(lesson):
    """The work folder holds the lesson folders of ``notebooks/`` side by side, so a relative link
    resolves there exactly as it does among the releases."""
    here = release_path(lesson).parent
    for index, cell in enumerate(read(release_path(lesson)).cells):
        if cell.cell_type != "markdown":
            continue
        for target in re.findall(r"\]\(([^)\s#]*[./][^)\s#]*)", cell.source):  # not the (i) of a[l](i)
            if not re.match(r"[a-z]+:", target):  # http:, https:, attachment:
                assert (here / target).resolve().is_file(), f"{lesson} cell {index}: {target}"


def _while_graded(cell):
    return cell.metadata.get("dl_course", {}).get(WHILE_GRADED)


def _top_level_values(source):
    return {node.targets[0].id: ast.unparse(node.value) for node in ast.parse(source).body
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)}


@pytest.mark.parametrize("lesson", LESSONS)
def test_graded_copy_runs_the_short_version_and_shows_the_students_source(lesson):
    """What ``ShortWhileGraded`` does to the real release: every top-level assignment the cell's metadata
    names gets its short value, nothing else changes, and ``RestoreSubmittedSource`` undoes it."""
    solution, release = read(solution_path(lesson)), read(release_path(lesson))
    assert [_while_graded(c) for c in release.cells] == [_while_graded(c) for c in solution.cells]
    graded = copy.deepcopy(release)
    for index, cell in enumerate(graded.cells):
        ShortWhileGraded().preprocess_cell(cell, {}, index)
    for index, (before, after) in enumerate(zip(release.cells, graded.cells)):
        while_graded = _while_graded(before)
        if not while_graded:
            assert after.source == before.source, f"cell {index}"
            continue
        assert not cells.nbgrader_meta(before), f"cell {index}: 짧게 돌리는 셀은 답·채점 셀이 아닙니다"
        short, full = _top_level_values(after.source), _top_level_values(before.source)
        for name, value in while_graded.items():
            assert short[name] == ast.unparse(ast.parse(value, mode="eval").body) != full[name], (index, name)
        assert {k: v for k, v in short.items() if k not in while_graded} == \
               {k: v for k, v in full.items() if k not in while_graded}
        RestoreSubmittedSource().preprocess_cell(after, {}, index)
        assert after.source == before.source and after.metadata == before.metadata, f"cell {index}"


def test_autograde_shortens_the_cells_only_around_the_kernels_run():
    config = PyFileConfigLoader("nbgrader_config.py", path=str(release_path(LESSONS[0]).parents[2])).load_config()
    steps = list(config.Autograde.autograde_preprocessors)
    assert steps.index(ShortWhileGraded) + 1 == steps.index(ResilientExecute) == steps.index(RestoreSubmittedSource) - 1


def _title(lesson):
    """``NN. 제목`` from the lesson's first heading, without an English gloss such as ``(Backpropagation)``."""
    heading = read(release_path(lesson)).cells[0].source.splitlines()[0].lstrip("# ")
    return re.sub(r"\s*\([A-Za-z ]+\)$", "", heading).strip()


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_lesson_is_called_by_its_own_title_in_the_readme_and_in_other_lessons(lesson):
    link = f"notebooks/{lesson}/{lesson}.ipynb"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"[{_title(lesson)}]({link})" in readme
    for other in LESSONS:
        for text in re.findall(rf"\[(\d\d\. [^\]]*)\]\(\.\./{lesson}/{lesson}\.ipynb\)",
                               "\n".join(c.source for c in read(release_path(other)).cells)):
            assert text == _title(lesson), f"{other}이(가) {lesson}을(를) '{text}'(이)라고 부릅니다"
