"""The report as one HTML page: styles, script and figures inside, nothing loaded from anywhere.

Every number of a figure is also in a table, and the tables carry ``data-`` attributes (the
exercise, the category, the mistake's id) so that a test can read what the page shows. A
checkbox hides the students' ids, for projecting the page in class.
"""
import datetime
from html import escape

from dlgrade.report import figures
from dlgrade.report.counts import (BLANK, CATEGORIES, CATEGORY_NAMES, FAILURE_NAMES, FULL, HIDDEN_LOSS, NO_DETAILS,
                                   PUBLIC_WRONG, STATUSES, STOPPED)
from dlgrade.report.text import lecture_note, number, percent, score_line

STYLE = """
body { font-family: "NanumGothic", "Noto Sans CJK KR", "Malgun Gothic", sans-serif; margin: 2em auto;
       max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #ddd; }
h3 { margin-bottom: 0.3em; } .muted { color: #666; font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; } th, td { border: 1px solid #ddd; padding: 0.3em 0.6em; }
th { background: #f4f4f4; } td.n { text-align: right; white-space: nowrap; } td.where { white-space: nowrap; }
code { font-size: 0.8em; color: #666; }
img { max-width: 100%; } .ids { color: #555; font-size: 0.9em; } body.hide-ids .ids { display: none; }
.toolbar { position: sticky; top: 0; background: #fff; padding: 0.4em 0; border-bottom: 1px solid #eee; }
textarea { width: 100%; height: 12em; font-family: inherit; font-size: 0.95em; }
.legend dt { font-weight: bold; } .legend dd { margin: 0 0 0.4em 1.2em; }
table.pass-rates { font-size: 0.8em; } table.pass-rates th { white-space: nowrap; }
table.pass-rates td, table.pass-rates th { padding: 0.2em 0.35em; } .wide { overflow-x: auto; }
"""
SCRIPT = """
document.getElementById('hide-ids').addEventListener('change', function (event) {
  document.body.classList.toggle('hide-ids', event.target.checked);
});
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', function () {
    const area = document.getElementById(button.dataset.copy);
    area.select();
    document.execCommand('copy');
    button.textContent = '복사했습니다';
  });
}
"""
MEANINGS = {
    FULL: "공개 테스트와 숨겨진 테스트를 모두 통과했습니다.",
    HIDDEN_LOSS: "노트북의 채점 셀은 ✔ 공개 테스트 통과라고 했지만, 숨겨진 테스트에서 값이 틀리거나 오류·시간 초과가 나서 "
                 "점수를 잃었습니다. 학생이 가장 놀라는 경우입니다.",
    PUBLIC_WRONG: "공개 테스트에서 값이 틀렸습니다. 학생은 노트북에서 이미 틀렸다는 말을 보았습니다.",
    STOPPED: "답 셀이나 공개 테스트에서 코드가 오류로 멈췄거나 시간 안에 끝나지 않았습니다.",
    BLANK: "빈칸을 채우지 않았습니다 (NotImplementedError).",
    NO_DETAILS: "세부 정보(findings)를 남기기 전에 채점되었거나 그 파일을 읽을 수 없습니다. 다시 채점하면 생깁니다.",
}


def _breakable(name):
    """An exercise name, escaped, that may wrap after its underscores."""
    return escape(name).replace("_", "_<wbr>")


def _ids(students):
    return f'<span class="ids">{escape(", ".join(students))}</span>'


def _outcome_table(counts):
    head = "".join(f"<th>{CATEGORY_NAMES[c]}</th>" for c in CATEGORIES)
    rows = []
    for exercise in counts.by_difficulty:
        cells = "".join(f'<td class="n" data-category="{c}" data-count="{exercise.count(c)}">'
                        f"{exercise.count(c)} ({percent(exercise.share(c))})</td>" for c in CATEGORIES)
        rows.append(f'<tr data-exercise="{escape(exercise.name)}"><th>{_breakable(exercise.name)}</th>'
                    f'<td class="n">{exercise.max_score:g}</td>{cells}'
                    f'<td class="n">{percent(exercise.unnamed_share)}</td></tr>')
    return (f'<div class="wide"><table class="outcomes"><tr><th>문제 (어려운 순)</th><th>배점</th>{head}'
            f"<th>채점기가 이름을 대지 못한 오답</th></tr>{''.join(rows)}</table></div>")


def _mistake_table(exercise):
    rows = []
    for mistake in exercise.mistakes:
        places = ", ".join(f"{where}: {n}명" for where, n in sorted(mistake.places.items()))
        rows.append(f'<tr data-mistake="{escape(mistake.id)}" data-count="{len(mistake.students)}">'
                    f'<td>{escape(mistake.text)}<br><code>{escape(mistake.id)}</code></td>'
                    f'<td class="n">{len(mistake.students)} ({percent(len(mistake.students) / exercise.graded)})</td>'
                    f'<td class="where">{escape(places)}</td><td>{_ids(mistake.students)}</td></tr>')
    for unnamed in exercise.unnamed:
        kind = FAILURE_NAMES[unnamed.failure] + (f" ({unnamed.error_type})" if unnamed.error_type else "")
        rows.append(f'<tr data-unnamed="{escape(unnamed.student)}"><td>이름 없는 오답: {escape(kind)}</td>'
                    f'<td class="n">1</td><td class="where">{escape(unnamed.place)}</td>'
                    f"<td>{_ids([unnamed.student])}</td></tr>")
    if not rows:
        return ""
    return ('<table class="mistakes"><tr><th>채점기가 알려 준 실수 (힌트)</th><th>학생 수</th><th>처음 틀린 곳</th>'
            f"<th>학번</th></tr>{''.join(rows)}</table>")


def _stopped_lines(exercise):
    """Who stopped with an error or a time-out, on a public or a hidden case."""
    return "".join(f'<p class="stopped muted" data-failure="{failure}">{FAILURE_NAMES[failure]} (숨겨진 테스트 포함): '
                   f"{len(students)}명 {_ids(students)}</p>"
                   for failure, students in exercise.stopped_anywhere.items() if students)


def _exercise_sections(exercises):
    """A section per exercise that has a wrong answer, an error or a time-out; one line for the others."""
    telling = [e for e in exercises if e.mistakes or e.unnamed or any(e.stopped_anywhere.values())]
    quiet = [e.name for e in exercises if all(e.name != t.name for t in telling)]
    line = f'<p class="muted">틀린 답이 없는 문제 (만점이나 빈칸뿐): {escape(", ".join(quiet))}</p>' if quiet else ""
    return "".join(_exercise_section(e) for e in telling) + line


def _exercise_section(exercise):
    return (f'<section class="exercise" data-exercise="{escape(exercise.name)}"><h3>{escape(exercise.name)}</h3>'
            f'<p>만점 {percent(exercise.full_share)} ({exercise.count(FULL)}/{exercise.graded}명)</p>'
            f"{_mistake_table(exercise)}{_stopped_lines(exercise)}</section>")


def _legend():
    items = "".join(f"<dt>{CATEGORY_NAMES[c]}</dt><dd>{MEANINGS[c]}</dd>" for c in CATEGORIES)
    return (f'<dl class="legend">{items}<dt>채점기가 이름을 대지 못한 오답</dt><dd>값이 틀리거나 오류가 난 답 가운데 '
            "채점기가 흔한 실수의 힌트를 하나도 대지 못한 비율입니다. 이 비율이 높은 문제에는 힌트가 빠져 있을 수 "
            "있습니다. 시간 초과와 빈칸은 세지 않습니다.</dd></dl>")


def lesson_section(counts):
    """Everything about one lesson: the class, the scores, the exercises, the notes to copy."""
    statuses = "".join(f'<td class="n" data-status="{s}">{len(counts.statuses[s])}</td>' for s in STATUSES)
    notes = "\n".join(f"- {lecture_note(e)}" for e in counts.by_difficulty)
    notes_id = f"notes-{counts.lesson}"
    return f"""
<section class="lesson" id="{escape(counts.lesson)}" data-lesson="{escape(counts.lesson)}">
<h2>{escape(counts.lesson)}</h2>
<table class="statuses"><tr>{''.join(f'<th>{s}</th>' for s in STATUSES)}</tr><tr>{statuses}</tr></table>
<p>{escape(score_line(counts))}</p>
<img alt="{escape(counts.lesson)} 점수 분포" src="{figures.score_histogram(counts)}">
<h3>문제별 결과</h3>
<img alt="{escape(counts.lesson)} 문제별 결과" src="{figures.outcome_bars(counts)}">
{_outcome_table(counts)}
<h3>다음 수업 노트 (복사해서 쓰세요)</h3>
<textarea id="{escape(notes_id)}" readonly>{escape(notes)}</textarea>
<button type="button" data-copy="{escape(notes_id)}">노트 복사</button>
<h3>문제별로 자주 나온 실수 (어려운 순)</h3>
{_exercise_sections(counts.by_difficulty)}
</section>"""


def overview_section(all_counts):
    """The lessons side by side: the heatmap of full-mark shares and a table of the same numbers."""
    width = max(len(c.exercises) for c in all_counts)
    rows = []
    for counts in all_counts:
        cells = "".join(f'<td data-exercise="{escape(e.name)}">{_breakable(e.name)}<br>'
                        f"<b>{percent(e.full_share)}</b></td>" for e in counts.exercises)
        cells += "<td></td>" * (width - len(counts.exercises))
        rows.append(f'<tr data-lesson="{escape(counts.lesson)}"><th><a href="#{escape(counts.lesson)}">'
                    f"{escape(counts.lesson)}</a></th><td class=\"n\">{len(counts.scores)}</td>"
                    f'<td class="n">{number(counts.mean)} / {counts.max_score:g}</td>{cells}</tr>')
    head = "".join(f"<th>{i + 1}번</th>" for i in range(width))
    return f"""
<section class="overview"><h2>실습별 문제의 만점 비율</h2>
<img alt="실습 × 문제 만점 비율" src="{figures.pass_rate_heatmap(all_counts)}">
<div class="wide"><table class="pass-rates"><tr><th>실습</th><th>채점됨</th><th>평균</th>{head}</tr>{''.join(rows)}</table>
</div>
</section>"""


def page(title, body):
    """The whole page around ``body``: the id toggle, the legend and the time it was made."""
    made = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{STYLE}</style></head>
<body>
<h1>{escape(title)}</h1>
<p class="muted">{made}에 만든 보고서. 채점기(judge)가 채점하며 남긴 세부 정보(findings)와 성적부를 모았습니다.
숨겨진 테스트의 코드와 입력은 들어 있지 않습니다.</p>
<div class="toolbar"><label><input type="checkbox" id="hide-ids"> 학번 숨기기 (화면에 띄울 때)</label></div>
{body}
<h2>분류의 뜻</h2>{_legend()}
<script>{SCRIPT}</script>
</body></html>
"""


def lesson_page(counts):
    return page(f"{counts.lesson}: 반 전체가 틀린 것", lesson_section(counts))


def all_lessons_page(all_counts):
    return page("채점한 모든 실습: 반 전체가 틀린 것",
                overview_section(all_counts) + "".join(lesson_section(c) for c in all_counts))
