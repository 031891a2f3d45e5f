"""Grade every submission of a lesson in parallel worker processes, with a summary.

Each worker is one process with one ``NbGraderAPI`` that runs nbgrader's own
autograde (the confined kernel and the judge, see ``nbgrader_config.py``) for the
students it is handed, so the gradebook holds exactly what ``nbgrader autograde``
would write. Workers share the SQLite gradebook, waiting for each other's writes.

A class's data is never lost: a file that cannot be graded is named before nbgrader
touches anything (``preflight``); each student's previous graded notebook and grades
are put aside and put back unless the new grading succeeds (``rollback``); Ctrl-C or
SIGTERM stops every worker, kernel and judge (``processes``), puts back the students
in flight, and returns the summary of what was graded.
"""
import os
import re
import signal
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from sqlalchemy.exc import SAWarning
from tqdm import tqdm

from dlgrade import course, preflight, processes, rollback, status
from testcases.engine import cells, sandbox
from testcases.engine.judge import TIMEOUT_WORDS

_worker_api = None
_worker_root = None


def _start_worker(root):
    global _worker_api, _worker_root
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's: it stops every worker
    warnings.filterwarnings("ignore", category=SAWarning)
    _worker_api, _worker_root = course.api(root), root


def _grade_one(assignment, student):
    """nbgrader's autograde of one student; the previous graded state stays unless it succeeds."""
    rollback.put_aside(_worker_root, assignment, student)
    with warnings.catch_warnings(record=True) as caught:  # nbformat warns once per repaired cell id, in English
        warnings.simplefilter("always")
        result = _worker_api.autograde(assignment, student, force=True, create=True)
    success = bool(result.get("success"))
    (rollback.discard if success else rollback.put_back)(_worker_root, assignment, student)
    repaired = "".join(f"\n{w.message}" for w in caught if REPAIRED_ID.search(str(w.message)))
    return student, success, (result.get("log") or "") + (result.get("error") or "") + repaired


REPAIRED_ID = re.compile(r"Non-unique cell id '[^']*' detected")


TAMPERING = re.compile(r"Attribute '(\w+)' for cell (\S+) has changed|cells (\[.*?\]) are not in the release"
                       r"|Missing grade cell (\S+) encountered")


def _tampering(log):
    """One line naming the cells a submission changed that it may not (nbgrader restored them)."""
    cells_changed = []
    for match in TAMPERING.finditer(log):
        cells_changed.append(match.group(2) or match.group(3) or f"{match.group(4)}(지움)")
    return "고친 잠긴 셀이나 채점 셀(원래대로 되돌려 채점함): " + ", ".join(dict.fromkeys(cells_changed)) \
        if cells_changed else None


@dataclass
class Summary:
    assignment: str
    scores: dict = field(default_factory=dict)       # student -> {test cell: (score, max score)}
    failed: dict = field(default_factory=dict)       # student -> reason it could not be graded
    tampered: dict = field(default_factory=dict)     # student -> the cells it changed that are locked
    repaired: dict = field(default_factory=dict)     # student -> how many repeated cell ids nbgrader renamed
    timed_out: dict = field(default_factory=dict)    # student -> test cells the judge stopped
    recovered: list = field(default_factory=list)    # students a killed earlier run left half graded
    interrupted: list = field(default_factory=list)  # students this run stopped before their result came
    notes: list = field(default_factory=list)        # warnings shown before the summary

    def lines(self):
        graded = [s for s in self.scores if s not in self.failed]
        totals = [sum(score for score, _ in self.scores[s].values()) for s in graded]
        maximum = max((sum(m for _, m in cells.values()) for cells in self.scores.values()), default=0)
        out = self.notes + [f"채점한 제출물: {len(graded)}개" + (f", 평균 {sum(totals) / len(totals):.2f} / {maximum:g}점"
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
        if self.repaired:
            out.append("셀 id가 겹쳐 nbgrader가 고쳐서 채점한 제출물: " + ", ".join(
                f"{s} ({count}곳)" for s, count in sorted(self.repaired.items())))
        out.append(f"채점하지 못한 제출물: {len(self.failed)}개" + "".join(
            f"\n  {s}: {reason}" for s, reason in sorted(self.failed.items())))
        if self.recovered:
            out.append(f"지난 실행이 끝내지 못한 채점을 이전 상태로 되돌림: {', '.join(self.recovered)}")
        if self.interrupted:
            out.append(f"중단됨: {len(self.interrupted)}명은 이번에 채점 결과를 받지 못했습니다 "
                       f"({', '.join(self.interrupted)}). 채점 중이던 제출물은 이전 상태로 되돌렸습니다. "
                       f"`dlgrade autograde {self.assignment}`를 다시 실행하세요.")
        return out

    def _order(self, cell):
        return next((i for s in self.scores.values() for i, c in enumerate(s) if c == cell), 0)


ERROR_LINE = re.compile(r"\b(\w+(?:Error|Exception)): (.+)")


KNOWN_FAILURES = (
    ("readonly database", "성적부(gradebook)에 쓸 수 없습니다. 성적부 파일과 그 폴더의 쓰기 권한을 확인한 뒤 다시 채점하세요."),
    ("unable to open database", "성적부(gradebook)를 열 수 없습니다. nbgrader_config.py의 db_url과 권한을 확인하세요."),
    ("PermissionError", "쓸 수 없는 파일이나 폴더가 있습니다. autograded/와 .dlgrade/의 쓰기 권한을 확인한 뒤 다시 채점하세요."),
)


def _reason(log):
    """Why nbgrader could not grade a submission: what to do, in Korean, then nbgrader's own error."""
    errors = [m for m in ERROR_LINE.finditer(log) if m.group(1) != "NbGraderException"]
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    detail = (f"{errors[-1].group(1)}: {errors[-1].group(2).strip()}" if errors
              else lines[-1] if lines else "알 수 없는 오류")[:300]
    advice = next((text for word, text in KNOWN_FAILURES if word in log), "nbgrader가 이 제출물을 채점하지 못했습니다.")
    return f"{advice} 이전 채점 결과는 그대로 두었습니다. ({detail})"


def _shard(students, shard):
    if not shard:
        return students
    index, count = shard
    return [s for i, s in enumerate(students) if i % count == index - 1]


def _collect(root, assignment, students, summary):
    from nbgrader.api import MissingEntry

    with course.gradebook(root) as gradebook:
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
    from nbgrader.api import MissingEntry

    api = course.api(root)
    with course.gradebook(root) as gradebook:
        try:
            gradebook.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    result = api.generate_assignment(assignment, force=True, create=True)
    if not result.get("success"):
        raise course.CourseError(f"{assignment}을(를) 준비하지 못했습니다:\n{result.get('error') or result.get('log')}")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def autograde(root, assignment, workers=None, students=None, shard=None, progress=True):
    """Grade ``assignment`` for every submitted student (or ``students``); returns a ``Summary``.

    A submission whose locked or grade cells were changed is graded on the restored
    cells and named once in the summary, with the cells. Ctrl-C or SIGTERM ends the
    run early: ``Summary.interrupted`` names the students whose result did not come.
    """
    root = os.path.abspath(root)
    course.require_lesson(root, assignment)
    everyone = course.submitted_students(root, assignment)
    if not everyone:
        raise course.CourseError(f"submitted/<학생 ID>/{assignment}/ 아래에 제출물이 없습니다.")
    unknown = sorted(set(students or ()) - set(everyone))
    if unknown:
        raise course.CourseError(f"제출물이 없는 학생: {', '.join(unknown)}")
    chosen = _shard([s for s in everyone if not students or s in students], shard)
    if not chosen:  # another machine's shards hold the class: nothing to do here, and nothing is wrong
        return Summary(assignment, notes=[f"경고: --shard {shard[0]}/{shard[1]}에 든 학생이 없습니다 "
                                          f"(제출한 학생 {len(everyone)}명). 이 컴퓨터에서는 채점하지 않았습니다."])
    prepare(root, assignment)
    summary = Summary(assignment, recovered=rollback.recover(root, assignment))
    digests = {student: status.digest(root, assignment, student) for student in chosen}
    for student in chosen:
        if (reason := preflight.problem(root, assignment, student)) is not None:
            summary.failed[student] = reason
    gradable = [s for s in chosen if s not in summary.failed]
    received = _grade_in_workers(root, assignment, gradable, workers, progress, summary)
    summary.interrupted = [s for s in gradable if s not in received]
    status.record(root, assignment, {s: digests[s] for s in received if s not in summary.failed},
                  {s: (reason, digests[s]) for s, reason in summary.failed.items()})
    _collect(root, assignment, received, summary)
    return summary


def _grade_in_workers(root, assignment, students, workers, progress, summary):
    """Grade ``students`` in parallel; returns those whose result came before any interrupt."""
    if not students:
        return []
    processes.adopt_orphans()
    received = []
    pool = ProcessPoolExecutor(max(1, min(workers or os.cpu_count() or 1, len(students))),
                               initializer=_start_worker, initargs=(root,))
    previous = signal.getsignal(signal.SIGINT), signal.signal(signal.SIGTERM, _interrupt)
    try:
        futures = {pool.submit(_grade_one, assignment, s): s for s in students}
        for future in tqdm(as_completed(futures), total=len(futures), desc=f"{assignment} 채점",
                           unit="명", disable=not progress):
            student = futures[future]
            try:
                _, success, log = future.result()
            except Exception as error:  # the worker failed around nbgrader (putting aside, putting back)
                success, log = False, f"{type(error).__name__}: {error}"
            received.append(student)
            if not success:
                summary.failed[student] = _reason(log)
            if (line := _tampering(log)) is not None:
                summary.tampered[student] = line
            if count := len(REPAIRED_ID.findall(log)):
                summary.repaired[student] = count
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
        processes.stop_descendants()
        rollback.recover(root, assignment)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
    return received


def confinement_note():
    return sandbox.describe()
