"""A class's grades are never lost or faked: ``dlgrade autograde`` on a real class, with faults.

A class is graded once; then one submission is broken and regraded, the gradebook is made
read-only, and runs are stopped by SIGTERM and by Ctrl-C (SIGINT to the process group) in the
middle. Each time: the exit code, the Korean reason, no process left behind, and every graded
notebook and grade that should be kept byte for byte as it was.
"""
import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from bank.lesson07 import WRONG
from course import copy_course, dlgrade, hand_in, tool_env
from grading import submission
from testcases.engine import findings
from testcases.engine.sandbox import FIRST_UID

pytestmark = [pytest.mark.autograde, pytest.mark.xdist_group("dlgrade_faults")]

LESSON = "07_deep_nn_step_by_step"
STUDENTS = ("s1", "s2", "s3", "s4")


def scores(course):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student.id: {g.name: g.score for g in s.grades}
                for s in gradebook.find_notebook(LESSON, LESSON).submissions}


def graded_files(course, folder="autograded"):
    """``{path: bytes}`` of everything under ``autograded/`` (or ``folder``)."""
    folder = course / folder
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def exported(course, tmp_path):
    out = tmp_path / "grades.csv"
    assert dlgrade(course, "export", "--per-exercise", str(out)).returncode == 0
    with open(out, encoding="utf-8-sig") as file:
        return list(csv.reader(file))


def leftovers(course):
    """Processes still running for this course: a cwd or command line in it, or a confined user's."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
            uid = (entry / "status").stat().st_uid
        except OSError:
            continue
        if str(course) in cmdline or cwd.startswith(str(course)) or uid >= FIRST_UID:
            found.append(f"{entry.name}: {cmdline[:120]}")
    return found


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    folder = copy_course(tmp_path_factory.mktemp("faults"))
    hand_in(folder, LESSON, {student: submission(LESSON) for student in STUDENTS})
    first = dlgrade(folder, "autograde", LESSON, "--workers", "2")
    assert first.returncode == 0, first.stdout + first.stderr
    feedback = dlgrade(folder, "feedback", LESSON)
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    return folder


@pytest.fixture
def before(course, tmp_path):
    return graded_files(course), scores(course), exported(course, tmp_path)


def _read_only(course, path, command):
    """``command`` (a dlgrade command line) run with ``path`` mounted read-only, in a mount namespace of its own."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    script = (f"mount --bind {path} {path} && mount -o remount,bind,ro {path} && "
              f"{sys.executable} -m dlgrade.cli {command}")
    return subprocess.run(["unshare", "--mount", "--propagation", "private", "bash", "-c", script],
                          cwd=course, env=tool_env(), capture_output=True, text=True)


def test_a_failed_regrade_keeps_the_previous_grade_and_notebook(course, before, tmp_path):
    path = course / "submitted" / "s3" / LESSON / f"{LESSON}.ipynb"
    good = path.read_bytes()
    path.write_bytes(good[:500])
    try:
        run = dlgrade(course, "autograde", LESSON, "--student", "s3")
    finally:
        path.write_bytes(good)
    assert run.returncode == 1
    assert "s3: submitted/s3/07_deep_nn_step_by_step/07_deep_nn_step_by_step.ipynb이(가) 중간에 잘렸거나" in run.stdout
    assert (graded_files(course), scores(course), exported(course, tmp_path)) == before


def test_a_gradebook_that_cannot_be_written_loses_nothing(course, before, tmp_path):
    assert f"s2/{LESSON}/{LESSON}{findings.SUFFIX}" in before[0]  # the judge's findings are kept as they were too
    path = course / "submitted" / "s2" / LESSON / f"{LESSON}.ipynb"
    good = path.read_bytes()
    nbformat.write(submission(LESSON, {"compute_cost": WRONG["cost_no_mean"].source}), path)  # a new grade to write
    try:
        run = _read_only(course, course / "gradebook.db", f"autograde {LESSON} --student s2")
    finally:
        path.write_bytes(good)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "s2: 성적부(gradebook)에 쓸 수 없습니다" in run.stdout
    assert (graded_files(course), scores(course), exported(course, tmp_path)) == before


def test_one_feedback_folder_that_cannot_be_written_costs_only_that_student(course):
    old = graded_files(course, "feedback")
    run = _read_only(course, course / "feedback" / "s2", f"feedback {LESSON}")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "피드백을 만들지 못한 학생: 1명" in run.stdout and f"s2: feedback/s2/{LESSON}에 쓸 수 없습니다" in run.stdout
    now = graded_files(course, "feedback")
    assert {k: v for k, v in now.items() if k.startswith("s2/")} == {k: v for k, v in old.items() if k.startswith("s2/")}
    for student in ("s1", "s3", "s4"):
        html = (course / "feedback" / student / LESSON / f"{LESSON}.html").read_text(encoding="utf-8")
        assert "연습: linear_forward" in html and "cdnjs" not in html
    assert not (course / ".dlgrade" / "feedback-new").exists()


def _stop_in_the_middle(course, send):
    """Start grading the class, wait until a grading is under way, ``send(process)``; returns the run."""
    process = subprocess.Popen([sys.executable, "-m", "dlgrade.cli", "autograde", LESSON, "--workers", "2"],
                               cwd=course, env=tool_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    aside = course / ".dlgrade" / "previous" / LESSON
    deadline = time.monotonic() + 120
    while not (aside.is_dir() and any(aside.iterdir())) and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    time.sleep(0.5)
    send(process)
    stdout, stderr = process.communicate(timeout=60)
    return process.returncode, stdout, stderr


@pytest.mark.parametrize("send", [lambda p: p.send_signal(signal.SIGTERM), lambda p: os.killpg(p.pid, signal.SIGINT)],
                         ids=["SIGTERM", "Ctrl-C"])
def test_an_interrupted_run_stops_everything_and_keeps_every_grade(course, before, send, tmp_path):
    code, stdout, stderr = _stop_in_the_middle(course, send)
    assert code == 130, stdout + stderr
    assert "Traceback" not in stderr and "중단됨:" in stdout and "채점한 제출물:" in stdout
    time.sleep(0.5)
    assert leftovers(course) == []
    files, old_scores, old_export = before
    assert scores(course) == old_scores and exported(course, tmp_path) == old_export
    interrupted = [s for s in STUDENTS if f"{s}" in stdout.split("중단됨:")[1]]
    assert interrupted
    for student in interrupted:  # put back exactly as they were
        assert {k: v for k, v in graded_files(course).items() if k.startswith(f"{student}/")} == \
               {k: v for k, v in files.items() if k.startswith(f"{student}/")}
    assert not (course / ".dlgrade" / "previous" / LESSON).exists() or not any(
        (course / ".dlgrade" / "previous" / LESSON).iterdir())
    rerun = dlgrade(course, "autograde", LESSON, *(arg for s in interrupted for arg in ("--student", s)))
    assert rerun.returncode == 0 and f"채점한 제출물: {len(interrupted)}개" in rerun.stdout


def test_status_names_every_student_and_never_a_fake_zero(course):
    """Last in the module: it leaves the class changed. s1 graded, s2 truncated after its grade
    (regrade fails, the grade is kept), s3 changed after its grade, s5 on the roster only."""
    (course / "submitted" / "s2" / LESSON / f"{LESSON}.ipynb").write_text('{"cells": [', encoding="utf-8")
    nbformat.write(submission(LESSON, {"compute_cost": WRONG["cost_no_mean"].source}),
                   course / "submitted" / "s3" / LESSON / f"{LESSON}.ipynb")
    assert dlgrade(course, "autograde", LESSON, "--student", "s2").returncode == 1
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        gradebook.add_student("s5", first_name="하은", last_name="박")
    (course / "submitted" / "s4" / LESSON / "collected.json").write_text('{"late": true}', encoding="utf-8")
    run = dlgrade(course, "status", LESSON)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = {line.split("\t")[0].strip(): line.split("\t")[1:] for line in run.stdout.splitlines() if "\t" in line}
    assert rows["s1"] == ["채점됨", "16 / 16"] and rows["s4"] == ["채점됨 (늦은 제출)", "16 / 16"]
    assert rows["s2"][:2] == ["채점 불가", "16 / 16"] and "중간에 잘렸거나" in rows["s2"][2]
    assert rows["s3"] == ["제출 후 미채점", "16 / 16"]
    assert rows["s5"] == ["미제출", "-"]
    assert "채점됨 2명, 미제출 1명, 채점 불가 1명, 제출 후 미채점 1명" in run.stdout
