"""The notebook side of the contract: which cells grade, which set up, and their fixed text.

Every lesson's solution notebook has one locked *setup* cell (its first code cell:
the imports the answers rely on), an answer cell per exercise (``grade_id`` = the
exercise's name) and, right under it, a locked test cell (``grade_id`` =
``test_<name>``) whose source is exactly ``test_cell_source``. The judge runs the
setup cell and the answer cells outside the student's kernel; nbgrader restores
locked cells from the release, so neither can be edited into a pass.
"""
SETUP_ID = "setup"
TEST_PREFIX = "test_"
TEST_HEADER = "# 채점 셀: 수정하지 마세요. 채점할 때는 숨겨진 테스트가 노트북 밖에서 더 돌아갑니다."


def test_cell_source(number, name):
    return f'{TEST_HEADER}\nfrom testcases.lesson{number} import check\ncheck("{name}", {name})'


def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell):
    return nbgrader_meta(cell).get("grade_id")


def is_answer(cell):
    return bool(nbgrader_meta(cell).get("solution")) and cell.get("cell_type") == "code"


def is_test(cell):
    return bool(nbgrader_meta(cell).get("grade")) and str(grade_id(cell)).startswith(TEST_PREFIX)


def exercise_of(test_id):
    return test_id[len(TEST_PREFIX):]


def without_magics(cell_source):
    """A cell's source without IPython magics such as ``%matplotlib inline`` (run as plain Python)."""
    return "\n".join(line for line in cell_source.splitlines() if not line.lstrip().startswith(("%", "!")))


def setup_metadata():
    return {"grade": False, "grade_id": SETUP_ID, "locked": True, "schema_version": 3,
            "solution": False, "task": False}
