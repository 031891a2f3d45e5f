"""Each lesson's notebooks: release = nbgrader's output, expected values from testcases,
and an untouched student notebook that fails cleanly."""
import contextlib
import io

import pytest
from nbclient import NotebookClient

from course import (HIDDEN_MARKER, LESSONS, answer_cells, copy_course, nbgrader, read,
                    release_path, solution_path, grade_cells)
from testcases import store
from testcases.feedback import PASSED, show

ACTIVATIONS = ("sigmoid", "relu")


def stdout_of(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stdout")


def expected_blocks(module, function):
    """The text the public check prints for the stored expected values."""
    expected = store.expected(module, function)
    cases = [expected[a] for a in ACTIVATIONS] if set(expected) == set(ACTIVATIONS) else [expected]
    blocks = []
    for case in cases:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            show("기댓값", case)
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


@pytest.mark.parametrize("lesson, module", LESSONS.items())
def test_solution_shows_exactly_the_stored_expected_values(lesson, module):
    for grade_id, cell in grade_cells(read(solution_path(lesson))).items():
        output = stdout_of(cell)
        for block in expected_blocks(module, grade_id.removeprefix("test_")):
            assert block in output, f"{grade_id}: 기댓값이 저장된 값과 다르게 표시됩니다"
        assert output.rstrip().endswith(PASSED)


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_writes_nothing_to_stderr(lesson):
    for index, cell in enumerate(read(solution_path(lesson)).cells):
        for output in cell.get("outputs", []):
            assert output.get("name") != "stderr", f"cell {index} writes to stderr"
            assert output.output_type != "error", f"cell {index} raised"


@pytest.mark.parametrize("lesson", LESSONS)
def test_graded_cells_are_locked_with_points_and_hidden_tests(lesson):
    solution = read(solution_path(lesson))
    for grade_id, cell in grade_cells(solution).items():
        meta = cell.metadata["nbgrader"]
        assert meta["locked"] and meta["points"] > 0, grade_id
        assert HIDDEN_MARKER in cell.source, grade_id
    assert set(answer_cells(solution)) == {g.removeprefix("test_") for g in grade_cells(solution)}


@pytest.mark.parametrize("lesson", LESSONS)
def test_release_has_blanks_and_no_answers_or_hidden_tests(lesson):
    release = read(release_path(lesson))
    for grade_id, cell in answer_cells(release).items():
        assert "### START CODE HERE ###" in cell.source and "### END CODE HERE ###" in cell.source
        assert "BEGIN SOLUTION" not in cell.source, grade_id
    for cell in release.cells:
        assert HIDDEN_MARKER not in cell.source and "run_hidden" not in cell.source
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
