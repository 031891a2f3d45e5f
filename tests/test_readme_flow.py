"""The README's instructor commands, run verbatim on a fresh copy of the repository.

The copy holds exactly the files a clone would (tracked, plus new files not yet
committed), with the project's venv at ``.venv``. Between the commands the test
only does what the README asks of the instructor: a roster file and a small
class in ``submitted/`` (untouched, correct, one bug).
"""
import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bank.lesson07 import WRONG
from course import ROOT, clone_files, hand_in, read, readme_commands, release_path
from grading import submission

pytestmark = pytest.mark.autograde

LESSON = "07_deep_nn_step_by_step"
ROSTER = "id,first_name,last_name,email\ncorrect,민지,김,minji@example.com\nbug,서준,이,seojun@example.com\n" \
         "untouched,하은,박,haeun@example.com\n"


def instructor_commands():
    return readme_commands("강사용")


def fresh_copy(destination):
    clone_files(destination)
    (destination / ".venv").symlink_to(Path(sys.prefix))
    return destination


def submit_class(course):
    (course / "students.csv").write_text(ROSTER, encoding="utf-8")
    notebooks = {"correct": submission(LESSON), "untouched": read(release_path(LESSON)),
                 "bug": submission(LESSON, {"compute_cost": WRONG["cost_no_mean"].source})}
    hand_in(course, LESSON, notebooks)


@pytest.fixture(scope="module")
def flow(tmp_path_factory):
    course = fresh_copy(tmp_path_factory.mktemp("clone"))
    commands = instructor_commands()
    first_collecting = next(i for i, c in enumerate(commands) if c.startswith("dlgrade roster import"))
    runs = []
    for index, command in enumerate(commands):
        if index == first_collecting:
            submit_class(course)
        script = "set -euo pipefail\nsource .venv/bin/activate\n" + command
        env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        runs.append(subprocess.run(["bash", "-c", script], cwd=course, capture_output=True, text=True, env=env))
    return course, commands, runs


def test_readme_lists_the_flow():
    commands = instructor_commands()
    for expected in ("scripts/refresh_lesson.py", "dlgrade bundle", "dlgrade roster import", "dlgrade autograde",
                     "dlgrade feedback", "dlgrade export"):
        assert any(expected in c for c in commands), expected


def test_every_command_succeeds(flow):
    _, commands, runs = flow
    for command, run in zip(commands, runs):
        assert run.returncode == 0, f"{command}\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}"


def test_grades_have_names_and_exercises(flow):
    course, _, _ = flow
    with open(course / "grades.csv", encoding="utf-8-sig") as file:
        rows = {row["student_id"]: row for row in csv.DictReader(file)}
    assert rows["correct"]["first_name"] == "민지" and rows["bug"]["email"] == "seojun@example.com"
    total = float(rows["correct"][LESSON])
    assert total > 0 and float(rows["untouched"][LESSON]) == 0
    assert float(rows["bug"][f"{LESSON}/compute_cost"]) == 0
    assert float(rows["bug"][LESSON]) == total - float(rows["correct"][f"{LESSON}/compute_cost"])


def test_feedback_names_exercises_and_renders_math_offline(flow):
    course, _, _ = flow
    html = (course / "feedback" / "bug" / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
    assert "연습: compute_cost" in html and "Test cell" not in html
    assert "cdnjs" not in html and "../../mathjax/MathJax.js" in html
    assert (course / "feedback" / "mathjax" / "MathJax.js").is_file()


def test_autograde_summary_is_printed(flow):
    _, commands, runs = flow
    run = runs[next(i for i, c in enumerate(commands) if c.startswith("dlgrade autograde"))]
    assert "채점한 제출물: 3개" in run.stdout and "채점하지 못한 제출물: 0개" in run.stdout


def test_student_bundle_is_built(flow):
    course, _, _ = flow
    bundle = course / "student-bundle"
    assert list(bundle.glob("dl_fundamentals_student-*.whl")) and (bundle / "README.md").is_file()
    assert (bundle / "notebooks" / LESSON).is_dir() and not (bundle / "notebooks" / "08_deep_nn_application").exists()
