"""nbgrader's feedback, made readable, written for each student whole or not at all.

The HTML files nbgrader writes load MathJax from a CDN, so formulas stay raw
``$\\alpha$`` without a network; here they load a copy of MathJax (from the
``jupyter-server-mathjax`` package) placed once in ``feedback/mathjax/``. Send
that folder along when handing out feedback files outside nbgrader's exchange.

Each student's feedback is generated into ``.dlgrade/feedback-new/`` and polished
there, then swapped into ``feedback/<student>/<lesson>/`` by renames; a student
whose feedback fails keeps the previous one, and the others are still written.
"""
import os
import re
import shutil
from pathlib import Path

import jupyter_server_mathjax
from nbgrader.utils import temp_attrs

from dlgrade import course

NEW = Path(".dlgrade") / "feedback-new"  # feedback being made, relative to the course root
OLD = Path(".dlgrade") / "feedback-old"  # feedback being replaced

CDN_MATHJAX = re.compile(r'src="https://cdnjs\.cloudflare\.com/ajax/libs/mathjax/[^"]*"')
LOCAL_MATHJAX = 'src="../../mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"'
TEST_CELL_LINK = re.compile(r'<a href="#test_([A-Za-z0-9_]+)">Test cell</a> \(Score:')


def polish(html):
    """Exercise names instead of "Test cell", Korean score labels, MathJax from the local copy."""
    html = TEST_CELL_LINK.sub(lambda m: f'<a href="#test_{m.group(1)}">연습: {m.group(1)}</a> (점수:', html)
    return CDN_MATHJAX.sub(LOCAL_MATHJAX, html)


def _copy_mathjax(feedback_dir):
    source = Path(jupyter_server_mathjax.__file__).parent / "static"
    shutil.copytree(source, feedback_dir / "mathjax", dirs_exist_ok=True)


def _swap_in(new, target, old):
    """Put the folder ``new`` at ``target``; whatever was there goes to ``old`` and is then deleted."""
    shutil.rmtree(old, ignore_errors=True)
    old.parent.mkdir(parents=True, exist_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _recover(root, assignment):
    """Feedback a killed earlier run had moved aside but not replaced goes back in place."""
    for old in sorted((root / OLD).glob(f"*/{assignment}")):
        target = root / "feedback" / old.parent.name / assignment
        if target.exists():
            shutil.rmtree(old)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(old, target)
    shutil.rmtree(root / NEW, ignore_errors=True)


def _one_student(api, root, assignment, student):
    """Generate, polish and swap in one student's feedback; returns its files or raises ``CourseError``."""
    new = root / NEW / student / assignment
    with temp_attrs(api.coursedir, feedback_directory=str(NEW)):
        result = api.generate_feedback(assignment, student, force=True)
    files = sorted(new.glob("*.html"))
    if not result.get("success") or not files:
        detail = (result.get("error") or result.get("log") or "").strip().splitlines()[-1:] or ["HTML이 없습니다"]
        raise course.CourseError(f"피드백을 만들지 못했습니다 ({detail[0][:200]}). 이전 피드백은 그대로입니다.")
    for path in files:
        path.write_text(polish(path.read_text(encoding="utf-8")), encoding="utf-8")
    target = root / "feedback" / student / assignment
    try:
        _swap_in(new, target, root / OLD / student / assignment)
    except OSError as error:
        raise course.CourseError(f"feedback/{student}/{assignment}에 쓸 수 없습니다 ({error.strerror}). "
                                 "폴더의 쓰기 권한을 확인한 뒤 다시 실행하세요. 이전 피드백은 그대로입니다.") from None
    return [target / path.name for path in files]


def feedback(root, assignment):
    """Every graded student's feedback for ``assignment``; returns ``(files written, {student: reason})``."""
    api = course.api(root)
    root = Path(api.coursedir.root)
    _recover(root, assignment)
    students = sorted(p.parent.name for p in (root / "autograded").glob(f"*/{assignment}") if p.is_dir())
    if not students:
        raise course.CourseError(f"autograded/<학생 ID>/{assignment}/에 채점된 노트북이 없습니다. "
                                 f"먼저 `dlgrade autograde {assignment}`를 실행하세요.")
    written, failed = [], {}
    for student in students:
        try:
            written += _one_student(api, root, assignment, student)
        except course.CourseError as error:
            failed[student] = str(error)
    shutil.rmtree(root / NEW, ignore_errors=True)
    _copy_mathjax(root / "feedback")
    return written, failed
