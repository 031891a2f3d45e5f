"""Where every student stands on a lesson: graded, not submitted, not gradable (why), or changed since.

``dlgrade autograde`` records, per lesson, the digest of each file it graded and the reason
for each it could not grade (``.dlgrade/results/<lesson>.json``, written whole by a rename);
``standings`` joins that record with the gradebook, the roster and ``submitted/``. A student
without a grade is never given a 0: the status says why there is none.
"""
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from dlgrade import course, preflight

GRADED, MISSING, UNGRADABLE, CHANGED = "채점됨", "미제출", "채점 불가", "제출 후 미채점"
MEANINGS = {
    GRADED: "채점한 파일 그대로입니다",
    MISSING: "제출한 파일이 없습니다",
    UNGRADABLE: "파일을 채점할 수 없습니다 (사유 참고). 이전 점수가 있으면 그대로 둡니다",
    CHANGED: "제출물이 채점 뒤에 바뀌었거나 아직 채점하지 않았습니다. dlgrade autograde를 실행하세요",
}


@dataclass
class Standing:
    student: str
    status: str
    score: float | None = None       # the grade in the gradebook (kept from earlier when regrading failed)
    max_score: float | None = None
    reason: str = ""
    late: bool = False                # marked late by the LMS (``dlgrade collect``'s collected.json)


def _results_path(root, lesson):
    return Path(root) / ".dlgrade" / "results" / f"{lesson}.json"


def _results(root, lesson):
    path = _results_path(root, lesson)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"graded": {}, "failed": {}}


def digest(root, lesson, student):
    """The SHA-256 of a student's submitted notebook, or None when there is none."""
    path = Path(root) / "submitted" / student / lesson / f"{lesson}.ipynb"
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def record(root, lesson, graded, failed):
    """After a run: ``graded`` maps students to the digest of the file graded, ``failed`` to
    ``(reason, digest of the file that failed)``."""
    results = _results(root, lesson)
    for student, file_digest in graded.items():
        results["graded"][student] = file_digest
        results["failed"].pop(student, None)
    for student, (reason, file_digest) in failed.items():
        results["failed"][student] = {"reason": reason, "digest": file_digest}
    path = _results_path(root, lesson)
    path.parent.mkdir(parents=True, exist_ok=True)
    course.write_atomically(path, json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True))


def _grades(root, lesson):
    """``(roster, {student: (score, max score)})`` from the gradebook."""
    from nbgrader.api import MissingEntry

    with course.gradebook(root) as gradebook:
        roster = [student.id for student in gradebook.students]
        try:
            submissions = gradebook.find_assignment(lesson).submissions
        except MissingEntry:
            submissions = []
        return roster, {s.student.id: (s.score, s.max_score) for s in submissions}


def standings(root, lesson):
    """One ``Standing`` per student of the roster, of ``submitted/`` and of the gradebook, sorted by id."""
    roster, grades = _grades(root, lesson)
    results = _results(root, lesson)
    students = sorted(set(roster) | set(grades) | set(course.submitted_students(root, lesson)))
    rows = [_standing(root, lesson, student, grades.get(student), results) for student in students]
    for standing in rows:
        standing.late = _late(root, lesson, standing.student)
    return rows


def _late(root, lesson, student):
    record = Path(root) / "submitted" / student / lesson / "collected.json"
    try:
        return bool(json.loads(record.read_text(encoding="utf-8")).get("late"))
    except (OSError, ValueError, AttributeError):
        return False


def _standing(root, lesson, student, grade, results):
    score, maximum = grade if grade else (None, None)
    if not (Path(root) / "submitted" / student / lesson).is_dir():
        return Standing(student, GRADED, score, maximum) if grade else Standing(student, MISSING)
    current, failed = digest(root, lesson, student), results["failed"].get(student)
    if failed and failed["digest"] == current:
        return Standing(student, UNGRADABLE, score, maximum, failed["reason"])
    if (problem := preflight.problem(root, lesson, student)) is not None:
        return Standing(student, UNGRADABLE, score, maximum, problem)
    graded_digest = results["graded"].get(student)
    if grade is None or (graded_digest is not None and graded_digest != current):
        return Standing(student, CHANGED, score, maximum)
    return Standing(student, GRADED, score, maximum)


def table(root, lesson):
    """The lines ``dlgrade status`` prints: one per student, then the count of each status."""
    rows = standings(root, lesson)
    lines = [f"{lesson}: 학생 {len(rows)}명"]
    for row in rows:
        score = f"{row.score:g} / {row.max_score:g}" if row.score is not None else "-"
        status = row.status + (" (늦은 제출)" if row.late else "")
        lines.append(f"  {row.student}\t{status}\t{score}" + (f"\t{row.reason}" if row.reason else ""))
    counts = {status: sum(row.status == status for row in rows) for status in MEANINGS}
    lines.append(", ".join(f"{status} {count}명" for status, count in counts.items()))
    return lines
