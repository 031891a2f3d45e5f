"""A lesson's graded class, counted: statuses, scores, and per exercise how the cells ended and
which mistakes the judge named, from the gradebook, ``dlgrade status`` and the judge's findings.

Every student whose status is 채점됨 counts in the exercises, and every share is of them. Each of
their cells falls in one category (``CATEGORIES``, the first that applies): 만점; 빈칸 (the blank was
never filled); 공개 통과 후 감점 (the public check said ✔ and a hidden case then failed: a wrong
value, an error or a time-out); 오류·시간 초과 (the code stopped in the answer cells or on a public
case); 공개 테스트 실패 (a wrong value on a public case); 세부 정보 없음 (graded before findings were
kept, or they cannot be read).
"""
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dlgrade import course, export, status
from testcases.engine import findings

FULL, BLANK, HIDDEN_LOSS, STOPPED, PUBLIC_WRONG, NO_DETAILS = (
    "full", "blank", "hidden_loss", "stopped", "public_wrong", "no_details")
CATEGORIES = (FULL, HIDDEN_LOSS, PUBLIC_WRONG, STOPPED, BLANK, NO_DETAILS)
CATEGORY_NAMES = {FULL: "만점", HIDDEN_LOSS: "공개 통과 후 감점", PUBLIC_WRONG: "공개 테스트 실패",
                  STOPPED: "오류·시간 초과", BLANK: "빈칸", NO_DETAILS: "세부 정보 없음"}
STATUSES = (status.GRADED, status.UNGRADABLE, status.CHANGED, status.MISSING)
FAILURE_NAMES = {findings.WRONG: "값이 틀림", findings.ERROR: "오류", findings.TIMEOUT: "시간 초과",
                 findings.BLANK: "빈칸"}


class NotGraded(course.CourseError):
    """The lesson has no graded submission yet."""


def category(finding):
    """The category of one cell's finding (None: no findings were kept)."""
    if finding is None:
        return NO_DETAILS
    if finding["passed"]:
        return FULL
    if finding["failure"] == findings.BLANK:
        return BLANK
    if finding["public_passed"]:
        return HIDDEN_LOSS
    if finding["failure"] in (findings.ERROR, findings.TIMEOUT):
        return STOPPED
    return PUBLIC_WRONG


def place(finding):
    """Where a cell first failed, in Korean: 답 셀, 공개 테스트 1, 숨겨진 테스트 3."""
    if finding["where"] == findings.PUBLIC:
        return f"공개 테스트 {finding['case']}"
    if finding["where"] == findings.HIDDEN:
        return f"숨겨진 테스트 {finding['case']}"
    return "답 셀"


@dataclass
class Mistake:
    """One mistake the judge named in an exercise: its id, its hint, who made it and where it showed."""
    id: str
    text: str
    students: list = field(default_factory=list)
    places: Counter = field(default_factory=Counter)


@dataclass
class Unnamed:
    """A wrong answer (a wrong value or an error) the judge could not name."""
    student: str
    failure: str
    place: str
    error_type: str | None


@dataclass
class Exercise:
    """One graded cell over the class: its categories, the mistakes named and the wrong answers not named."""
    name: str
    max_score: float
    categories: dict                      # category -> students, every graded student in one
    mistakes: list                        # Mistake, most frequent first
    unnamed: list                         # Unnamed
    stopped_anywhere: dict                # findings.ERROR / TIMEOUT -> students (hidden cases too)

    @property
    def graded(self):
        return sum(len(students) for students in self.categories.values())

    def count(self, category_name):
        return len(self.categories[category_name])

    def share(self, category_name):
        return self.count(category_name) / self.graded if self.graded else 0.0

    @property
    def full_share(self):
        """The share of the graded students with full marks, as every share of the report."""
        return self.share(FULL)

    @property
    def named_students(self):
        return {student for mistake in self.mistakes for student in mistake.students}

    @property
    def wrong_answers(self):
        """How many answers gave a wrong value or an error (not a blank, a time-out, or no details)."""
        return len(self.named_students) + len(self.unnamed)

    @property
    def unnamed_share(self):
        """The share of wrong answers the judge could not name (a hint may be missing); None without any."""
        return len(self.unnamed) / self.wrong_answers if self.wrong_answers else None


@dataclass
class LessonCounts:
    """A lesson over the class: who stands where, the graded scores and the exercises."""
    lesson: str
    statuses: dict                        # status -> students
    scores: dict                          # graded student -> total score
    max_score: float
    exercises: list                       # Exercise, in notebook order

    @property
    def mean(self):
        return statistics.fmean(self.scores.values()) if self.scores else None

    @property
    def median(self):
        return statistics.median(self.scores.values()) if self.scores else None

    @property
    def by_difficulty(self):
        """The exercises, hardest first: the smallest share of full marks; notebook order on ties."""
        order = {e.name: i for i, e in enumerate(self.exercises)}
        return sorted(self.exercises, key=lambda e: (e.full_share, order[e.name]))


def _cells(root, lesson):
    """``([(notebook, test cell name)], {test cell: max score})`` of the lesson in the gradebook."""
    from nbgrader.api import MissingEntry

    with course.gradebook(root) as gradebook:
        try:
            assignment = gradebook.find_assignment(lesson)
        except MissingEntry:
            return [], {}
        cells = export.graded_cells(gradebook, assignment)
        maxima = {cell: gradebook.find_grade_cell(cell, notebook, lesson).max_score for notebook, cell in cells}
    return cells, maxima


def _student_findings(root, lesson, student, notebooks):
    """``{test cell: finding}`` of a graded student, or None when a notebook has none kept."""
    folder = Path(root) / "autograded" / student / lesson
    merged = {}
    for notebook in notebooks:
        cells = findings.read(folder, notebook)
        if cells is None:
            return None
        merged.update(cells)
    return merged


def _exercise(name, max_score, by_student):
    """Count one exercise over ``{student: finding or None}``."""
    categories = {c: [] for c in CATEGORIES}
    mistakes, unnamed = {}, []
    stopped = {findings.ERROR: [], findings.TIMEOUT: []}
    for student, finding in sorted(by_student.items()):
        categories[category(finding)].append(student)
        if finding is None or finding["passed"]:
            continue
        if finding["failure"] in stopped:
            stopped[finding["failure"]].append(student)
        if finding["failure"] not in (findings.WRONG, findings.ERROR):
            continue
        for named in finding["mistakes"]:
            row = mistakes.setdefault(named["id"], Mistake(named["id"], named["text"]))
            row.students.append(student)
            row.places[place(finding)] += 1
        if not finding["mistakes"]:
            unnamed.append(Unnamed(student, finding["failure"], place(finding), finding.get("error_type")))
    ordered = sorted(mistakes.values(), key=lambda m: (-len(m.students), m.id))
    return Exercise(name, max_score, categories, ordered, unnamed, stopped)


def count(root, lesson):
    """The ``LessonCounts`` of ``lesson``; ``CourseError`` for an unknown lesson, ``NotGraded`` for one
    not graded yet."""
    course.require_lesson(root, lesson)
    rows = status.standings(root, lesson)
    statuses = {s: [row.student for row in rows if row.status == s] for s in STATUSES}
    graded = {row.student: row for row in rows if row.status == status.GRADED and row.score is not None}
    cells, maxima = _cells(root, lesson)
    if not graded or not cells:
        raise NotGraded(f"{lesson}은(는) 아직 채점한 제출물이 없습니다. 먼저 `dlgrade autograde {lesson}`으로 "
                        "채점하세요.")
    notebooks = sorted({notebook for notebook, _ in cells})
    kept = {student: _student_findings(root, lesson, student, notebooks) for student in graded}
    exercises = [_exercise(cell.removeprefix("test_"), maxima[cell],
                           {s: None if found is None else found.get(cell) for s, found in kept.items()})
                 for _, cell in cells]
    return LessonCounts(lesson, statuses, {s: row.score for s, row in graded.items()}, sum(maxima.values()),
                        exercises)
