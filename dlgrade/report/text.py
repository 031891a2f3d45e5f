"""The report in words: a line per exercise for the next lecture's notes, and the terminal summary."""
from dlgrade.report.counts import BLANK, FULL, HIDDEN_LOSS, NO_DETAILS, STATUSES, STOPPED

MISTAKES_IN_A_NOTE = 3


def percent(share):
    return "-" if share is None else f"{share:.0%}"


def number(value):
    return "-" if value is None else f"{value:.3g}"


def lecture_note(exercise):
    """One line a teacher can copy into the next lecture's notes."""
    parts = [f"{exercise.name}: 만점 {percent(exercise.full_share)} ({exercise.count(FULL)}/{exercise.graded}명)"]
    if exercise.mistakes:
        parts.append("흔한 실수: " + "; ".join(
            f"{m.text} ({len(m.students)}명, {percent(len(m.students) / exercise.graded)})"
            for m in exercise.mistakes[:MISTAKES_IN_A_NOTE]))
    extras = [(HIDDEN_LOSS, "공개 테스트는 통과했지만 숨겨진 테스트에서 감점"), (STOPPED, "오류·시간 초과"),
              (BLANK, "빈칸")]
    parts += [f"{words} {exercise.count(c)}명" for c, words in extras if exercise.count(c)]
    if exercise.unnamed:
        parts.append(f"채점기가 이름을 대지 못한 오답 {len(exercise.unnamed)}명")
    return ". ".join(parts) + "."


def class_line(counts):
    return f"{counts.lesson}: " + ", ".join(f"{s} {len(counts.statuses[s])}명" for s in STATUSES)


def score_line(counts):
    return (f"점수: 평균 {number(counts.mean)} / {counts.max_score:g}점, 중앙값 {number(counts.median)}점 "
            f"(채점된 {len(counts.scores)}명)")


def terminal(counts):
    """The lines ``dlgrade report`` prints for one lesson."""
    lines = [class_line(counts), score_line(counts), "문제별, 어려운 순서로:"]
    lines += [f"  {lecture_note(exercise)}" for exercise in counts.by_difficulty]
    no_details = max(e.count(NO_DETAILS) for e in counts.exercises)
    if no_details:
        lines.append(f"세부 정보 없음: {no_details}명은 채점 결과의 세부 정보(findings)가 없습니다. "
                     f"`dlgrade autograde {counts.lesson}`으로 다시 채점하면 생깁니다.")
    return lines
