"""Grade every submission of a lesson in parallel worker processes, with a summary.

Each worker is one process with one ``NbGraderAPI`` that runs nbgrader's own
autograde (the confined kernel and the judge, see ``nbgrader_config.py``) for the
students it is handed, so the gradebook holds exactly what ``nbgrader autograde``
would write. Workers share the SQLite gradebook, waiting for each other's writes.
"""
import os
import re
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from sqlalchemy.exc import SAWarning
from tqdm import tqdm

from dlgrade import course
from testcases.engine import cells, sandbox
from testcases.engine.judge import TIMEOUT_WORDS

_worker_api = None


def _start_worker(root):
    global _worker_api
    warnings.filterwarnings("ignore", category=SAWarning)
    _worker_api = course.api(root)


def _grade_one(assignment, student):
    result = _worker_api.autograde(assignment, student, force=True, create=True)
    return student, bool(result.get("success")), (result.get("log") or "") + (result.get("error") or "")


TAMPERING = re.compile(r"Attribute '(\w+)' for cell (\S+) has changed|cells (\[.*?\]) are not in the release")


def _tampering(log):
    """One line naming the cells a submission changed that it may not (nbgrader restored them)."""
    cells_changed = []
    for match in TAMPERING.finditer(log):
        cells_changed.append(match.group(2) or match.group(3))
    return "고친 잠긴 셀이나 채점 셀(원래대로 되돌려 채점함): " + ", ".join(dict.fromkeys(cells_changed)) \
        if cells_changed else None


@dataclass
class Summary:
    assignment: str
    scores: dict = field(default_factory=dict)       # student -> {test cell: (score, max score)}
    failed: dict = field(default_factory=dict)       # student -> reason it could not be graded
    tampered: dict = field(default_factory=dict)     # student -> the cells it changed that are locked
    timed_out: dict = field(default_factory=dict)    # student -> test cells the judge stopped

    def lines(self):
        graded = [s for s in self.scores if s not in self.failed]
        totals = [sum(score for score, _ in self.scores[s].values()) for s in graded]
        maximum = max((sum(m for _, m in cells.values()) for cells in self.scores.values()), default=0)
        out = [f"채점한 제출물: {len(graded)}개" + (f", 평균 {sum(totals) / len(totals):.2f} / {maximum:g}점"
                                                     if totals else "")]
        for cell in sorted({cell for s in graded for cell in self.scores[s]}, key=self._order):
            got = [self.scores[s][cell][0] for s in graded if cell in self.scores[s]]
            top = max(self.scores[s][cell][1] for s in graded if cell in self.scores[s])
            out.append(f"  {cell.removeprefix('test_')}: 평균 {sum(got) / len(got):.2f} / {top:g}")
        out.append(f"시간 초과: {len(self.timed_out)}명" + "".join(
            f"\n  {s}: {', '.join(c.removeprefix('test_') for c in stopped)}"
            for s, stopped in sorted(self.timed_out.items())))
        out.append(f"변조된 제출물: {len(self.tampered)}개" + "".join(
            f"\n  {s}: {line}" for s, line in sorted(self.tampered.items())))
        out.append(f"채점하지 못한 제출물: {len(self.failed)}개" + "".join(
            f"\n  {s}: {reason}" for s, reason in sorted(self.failed.items())))
        return out

    def _order(self, cell):
        return next((i for s in self.scores.values() for i, c in enumerate(s) if c == cell), 0)


ERROR_LINE = re.compile(r"\b(\w+(?:Error|Exception)): (.+)")


def _reason(log):
    """The error in nbgrader's log that says why a submission could not be graded."""
    errors = [m for m in ERROR_LINE.finditer(log) if m.group(1) != "NbGraderException"]
    if errors:
        return f"{errors[-1].group(1)}: {errors[-1].group(2).strip()}"[:300]
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "알 수 없는 오류"


def _shard(students, shard):
    if not shard:
        return students
    index, count = shard
    return [s for i, s in enumerate(students) if i % count == index - 1]


def _collect(root, assignment, students, summary):
    from nbgrader.api import Gradebook, MissingEntry

    warnings.filterwarnings("ignore", category=SAWarning)
    config = course.load_config(root)
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        for student in students:
            if student in summary.failed:
                continue
            try:
                notebook = gradebook.find_submission_notebook(assignment, assignment, student)
            except MissingEntry:
                summary.failed.setdefault(student, "성적부에 채점 결과가 없습니다")
                continue
            summary.scores[student] = {g.name: (g.score or 0.0, g.max_score) for g in notebook.grades}
            stopped = _timed_out_cells(Path(root) / "autograded" / student / assignment)
            if stopped:
                summary.timed_out[student] = stopped


def _timed_out_cells(folder):
    """Test cells whose judge verdict says the student's code ran out of time."""
    stopped = []
    for path in folder.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            errors = " ".join(" ".join(o.get("traceback", [])) for o in cell.get("outputs", [])
                              if o.get("output_type") == "error")
            if cells.is_test(cell) and TIMEOUT_WORDS in errors:
                stopped.append(cells.grade_id(cell))
    return stopped


def prepare(root, assignment):
    """Record the assignment in the gradebook (release regenerated from the source) if it is not there."""
    from nbgrader.api import Gradebook, MissingEntry

    api = course.api(root)
    with Gradebook(api.coursedir.db_url) as gradebook:
        try:
            gradebook.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    result = api.generate_assignment(assignment, force=True, create=True)
    if not result.get("success"):
        raise course.CourseError(f"{assignment}을(를) 준비하지 못했습니다:\n{result.get('error') or result.get('log')}")


def autograde(root, assignment, workers=None, students=None, shard=None, progress=True):
    """Grade ``assignment`` for every submitted student (or ``students``); returns a ``Summary``.

    A submission whose locked or grade cells were changed is graded on the restored
    cells and named once in the summary, with the cells.
    """
    root = os.path.abspath(root)
    everyone = course.submitted_students(root, assignment)
    if not everyone:
        raise course.CourseError(f"submitted/<학생 ID>/{assignment}/ 아래에 제출물이 없습니다.")
    unknown = sorted(set(students or ()) - set(everyone))
    if unknown:
        raise course.CourseError(f"제출물이 없는 학생: {', '.join(unknown)}")
    chosen = _shard([s for s in everyone if not students or s in students], shard)
    prepare(root, assignment)
    summary = Summary(assignment)
    workers = max(1, min(workers or os.cpu_count() or 1, len(chosen)))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(root,)) as pool:
        futures = [pool.submit(_grade_one, assignment, s) for s in chosen]
        for future in tqdm(as_completed(futures), total=len(futures), desc=f"{assignment} 채점",
                           unit="명", disable=not progress):
            student, success, log = future.result()
            if not success:
                summary.failed[student] = _reason(log)
            if (line := _tampering(log)) is not None:
                summary.tampered[student] = line
    _collect(root, assignment, chosen, summary)
    return summary


def confinement_note():
    return sandbox.describe()
