"""What a student sees when a check fails, in a real kernel and in nbgrader feedback."""
import re

import nbformat
from nbclient import NotebookClient

from bank.deep_nn import WRONG
from course import grade_cells, release_path
from grading import submission
from testcases.engine.nbgrader_preprocessors import ClearHiddenTestTracebacks

LESSON = "07_deep_nn_step_by_step"
ANSI_CODE = re.compile(r"\x1b\[[0-9;]*m")


def error_text(cell):
    [error] = [o for o in cell.outputs if o.output_type == "error"]
    return ANSI_CODE.sub("", "\n".join(error.traceback))


def test_failed_check_shows_its_message_and_student_errors_their_own_code():
    notebook = submission(LESSON, {"linear_forward": WRONG["linear_forward_no_bias"].source,
                                   "compute_cost": "def compute_cost(AL, Y):\n    return np.dot(AL, Y)\n"})
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(release_path(LESSON).parent)}}).execute()
    cells = grade_cells(notebook)

    failed_check = error_text(cells["test_linear_forward"])
    assert "편향 b를 더하지 않았습니다" in failed_check
    assert "File " not in failed_check and "Cell In" not in failed_check

    student_error = error_text(cells["test_compute_cost"])
    assert "return np.dot(AL, Y)" in student_error           # the student's own line
    assert "입력: AL (1, 3), Y (1, 3)" in student_error       # the Korean note
    assert "File " not in student_error                     # no checker frames


def test_feedback_tracebacks_do_not_quote_hidden_tests():
    source = ("check(f)\n### BEGIN HIDDEN TESTS\nimport runpy\nrun_hidden(f)\n### END HIDDEN TESTS")
    traceback = ["\x1b[36mCell\x1b[39m In[3], line 4\n"
                 "\x1b[32m      1\x1b[39m check(f)\n"
                 "\x1b[32m      2\x1b[39m ### BEGIN HIDDEN TESTS\n"
                 "\x1b[32m      3\x1b[39m import runpy\n"
                 "\x1b[32m----> \x1b[39m\x1b[32m4\x1b[39m run_hidden(f)\n",
                 "\x1b[31mAssertionError\x1b[39m: 숨겨진 테스트 실패"]
    cell = nbformat.v4.new_code_cell(source, outputs=[nbformat.v4.new_output(
        "error", ename="AssertionError", evalue="숨겨진 테스트 실패", traceback=traceback)])
    cell, _ = ClearHiddenTestTracebacks().preprocess_cell(cell, {}, 0)
    text = "\n".join(cell.outputs[0].traceback)
    assert "check(f)" in text and "숨겨진 테스트 실패" in text
    assert "HIDDEN" not in text and "runpy" not in text and "run_hidden" not in text
