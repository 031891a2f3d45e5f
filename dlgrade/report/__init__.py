"""``dlgrade report``: what a graded class got wrong, as one offline HTML page and a short terminal summary.

``counts`` gathers a lesson's statuses, scores and the judge's findings (kept beside each graded
notebook, see ``testcases.engine.findings``); ``figures`` draws them with matplotlib; ``page``
writes the HTML, figures embedded; ``text`` words the lecture notes and the terminal summary.
"""
import time
from pathlib import Path

from dlgrade import course


def _cannot_write(out, reason):
    return course.CourseError(f"{out}에 쓸 수 없습니다 ({reason}). 그 폴더가 있는지, 쓰기 권한이 있는지 확인하세요.")


def _output(out):
    """``out`` as a path, refused before any work when its folder does not exist."""
    out = Path(out)
    if not out.resolve().parent.is_dir():
        raise _cannot_write(out, "폴더가 없습니다")
    return out


def _write(out, html):
    try:
        course.write_atomically(out, html)
    except OSError as error:
        raise _cannot_write(out, error.strerror) from None


def report(root, lesson, out=None):
    """Write the report of ``lesson`` to ``out`` (default ``report-<lesson>.html``); the lines to print."""
    from dlgrade.report import counts, page, text

    started = time.perf_counter()
    out = _output(out or f"report-{lesson}.html")
    counted = counts.count(root, lesson)
    _write(out, page.lesson_page(counted))
    return text.terminal(counted) + [f"보고서: {out} ({time.perf_counter() - started:.1f}초)"]


def report_all(root, out=None):
    """Write the report of every graded lesson, side by side, to ``out`` (default ``report-all.html``)."""
    from dlgrade.report import counts, page, text

    started = time.perf_counter()
    out = _output(out or "report-all.html")
    graded = []
    for lesson in course.lessons(root):
        try:
            graded.append(counts.count(root, lesson))
        except counts.NotGraded:
            continue
    if not graded:
        raise course.CourseError("채점한 실습이 하나도 없습니다. 먼저 `dlgrade autograde <실습>`으로 채점하세요.")
    _write(out, page.all_lessons_page(graded))
    lines = [line for counted in graded for line in (text.class_line(counted), "  " + text.score_line(counted))]
    return lines + [f"보고서: {out} (실습 {len(graded)}개, {time.perf_counter() - started:.1f}초)"]
