"""nbgrader's feedback, made readable: exercise names in the score table and math rendered offline.

The HTML files nbgrader writes load MathJax from a CDN, so formulas stay raw
``$\\alpha$`` without a network; here they load a copy of MathJax (from the
``jupyter-server-mathjax`` package) placed once in ``feedback/mathjax/``. Send
that folder along when handing out feedback files outside nbgrader's exchange.
"""
import re
import shutil
from pathlib import Path

import jupyter_server_mathjax

from dlgrade import course

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


def feedback(root, assignment):
    """Generate every student's feedback for ``assignment`` and polish it; returns the files written."""
    api = course.api(root)
    result = api.generate_feedback(assignment, force=True)
    if not result.get("success"):
        raise course.CourseError(f"피드백을 만들지 못했습니다:\n{result.get('error') or result.get('log')}")
    feedback_dir = Path(api.coursedir.root) / "feedback"
    files = sorted(feedback_dir.glob(f"*/{assignment}/*.html"))
    for path in files:
        path.write_text(polish(path.read_text(encoding="utf-8")), encoding="utf-8")
    _copy_mathjax(feedback_dir)
    return files
