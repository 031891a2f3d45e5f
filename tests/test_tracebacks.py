"""What a student sees when a check fails in a real kernel."""
import re

from nbclient import NotebookClient

from bank.lesson07 import WRONG
from course import grade_cells, release_path
from grading import submission

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
    assert "An exception has occurred" not in failed_check and failed_check.startswith("linear_forward")

    student_error = error_text(cells["test_compute_cost"])
    assert "return np.dot(AL, Y)" in student_error           # the student's own line
    assert "입력: AL (1, 3), Y (1, 3)" in student_error       # the Korean note
    assert "File " not in student_error                     # no checker frames
