"""Why a submission cannot be graded, said in Korean before nbgrader runs; a gradable one passes."""
import json

import nbformat
import pytest

from dlgrade.preflight import problem
from grading import submission

LESSON = "07_deep_nn_step_by_step"
FIX = f"`dlgrade autograde {LESSON} --student s1`로 다시 채점하세요."


def hand_in(tmp_path, name, content):
    folder = tmp_path / "submitted" / "s1" / LESSON
    folder.mkdir(parents=True)
    (folder / name).write_bytes(content)
    return tmp_path


@pytest.mark.parametrize("content, says", [
    (b"", "빈 파일입니다 (0바이트)"),
    (b"  \n", "빈 파일입니다 (3바이트)"),
    (nbformat.writes(submission(LESSON)).encode()[:500], "중간에 잘렸거나 노트북 파일(JSON)이 아닙니다 (500바이트)"),
    ("한글".encode("cp949"), "중간에 잘렸거나"),
    (b"PK\x03\x04 a zip file", "중간에 잘렸거나"),
    (json.dumps({"metadata": {}}).encode(), "JSON이지만 노트북이 아닙니다 (cells가 없습니다)"),
    (json.dumps({"cells": [1, 2]}).encode(), "노트북 셀이 아닌 것이 있습니다"),
])
def test_a_file_that_is_not_a_whole_notebook_is_named_with_what_to_do(tmp_path, content, says):
    reason = problem(hand_in(tmp_path, f"{LESSON}.ipynb", content), LESSON, "s1")
    assert says in reason and f"submitted/s1/{LESSON}/{LESSON}.ipynb" in reason and reason.endswith(FIX)


def test_a_wrongly_named_notebook_is_named_with_the_name_expected(tmp_path):
    root = hand_in(tmp_path, f"{LESSON} (1).ipynb", nbformat.writes(submission(LESSON)).encode())
    reason = problem(root, LESSON, "s1")
    assert f"노트북 이름이 다릅니다: {LESSON} (1).ipynb" in reason and f"{LESSON}.ipynb로 바꾼 뒤" in reason


def test_a_whole_notebook_passes(tmp_path):
    assert problem(hand_in(tmp_path, f"{LESSON}.ipynb", nbformat.writes(submission(LESSON)).encode()), LESSON,
                   "s1") is None
