"""Why a submission cannot be graded, found before nbgrader touches anything, said in Korean.

A missing or wrongly named notebook, an empty or truncated file, JSON that is not a notebook:
each gets one line that names the file, what is wrong and what to do. A submission that passes
may still fail in nbgrader; ``autograde`` reports that reason as nbgrader gives it.
"""
import json
from pathlib import Path


def _fix(assignment, student):
    return (f"학생에게서 파일을 다시 받아 submitted/{student}/{assignment}/{assignment}.ipynb에 둔 뒤 "
            f"`dlgrade autograde {assignment} --student {student}`로 다시 채점하세요.")


def problem(root, assignment, student):
    """The Korean reason ``submitted/<student>/<assignment>/<assignment>.ipynb`` cannot be graded, or None."""
    folder = Path(root) / "submitted" / student / assignment
    path = folder / f"{assignment}.ipynb"
    shown = f"submitted/{student}/{assignment}/{path.name}"
    if not path.is_file():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return (f"노트북 이름이 다릅니다: {', '.join(others)}. 채점하는 이름은 {assignment}.ipynb입니다. "
                    f"파일 이름을 {assignment}.ipynb로 바꾼 뒤 `dlgrade autograde {assignment} --student {student}`"
                    "로 다시 채점하세요.")
        return f"{shown}이(가) 없습니다. {_fix(assignment, student)}"
    data = path.read_bytes()
    if not data.strip():
        return f"{shown}이(가) 빈 파일입니다 ({len(data)}바이트). {_fix(assignment, student)}"
    try:
        content = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return (f"{shown}이(가) 중간에 잘렸거나 노트북 파일(JSON)이 아닙니다 ({len(data):,}바이트). "
                f"{_fix(assignment, student)}")
    if not isinstance(content, dict) or not isinstance(content.get("cells"), list):
        return f"{shown}은(는) JSON이지만 노트북이 아닙니다 (cells가 없습니다). {_fix(assignment, student)}"
    if not all(isinstance(cell, dict) and "cell_type" in cell and "source" in cell for cell in content["cells"]):
        return f"{shown}의 셀 가운데 노트북 셀이 아닌 것이 있습니다. {_fix(assignment, student)}"
    return None
