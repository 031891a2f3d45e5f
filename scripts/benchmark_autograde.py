"""Time a class of lesson-07 submissions: plain ``nbgrader autograde`` against ``dlgrade autograde``.

    python scripts/benchmark_autograde.py [--students 40] [--workers 2]

Both grade the same submissions (correct ones and the bank's wrong answers, in
turn) in their own copy of the course; the script prints both wall times, their
ratio, the seconds per submission and whether the per-cell grades are identical.
The goal is a ratio of at least 1.8 on 2 cores, with identical grades.

It also prints how many cores each run kept busy on average (the machine's busy
time from ``/proc/stat`` over the wall time, so run it on an otherwise idle
machine). A run that keeps ``b`` of ``n`` cores busy can be sped up at most
``n / b`` times by grading in parallel on the same machine; that bound is printed.
Last, it grades the class once more as two halves, each with its own plain
``nbgrader autograde`` at the same time: parallel grading with nothing shared,
which shows what this machine allows.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from bank.lesson07 import WRONG  # noqa: E402
from course import copy_course, hand_in, nbgrader, tool_env  # noqa: E402
from grading import submission  # noqa: E402
from nbgrader.api import Gradebook  # noqa: E402

LESSON = "07_deep_nn_step_by_step"


def submissions(count):
    wrong = sorted(WRONG.items())
    students = {}
    for index in range(count):
        if index % 2 == 0:
            students[f"s{index:03d}"] = submission(LESSON)
        else:
            _, answer = wrong[(index // 2) % len(wrong)]
            students[f"s{index:03d}"] = submission(LESSON, {answer.function: answer.source})
    return students


def course_with(students, folder):
    """A copy of the course with ``students`` handed in and the lesson in its gradebook."""
    course = copy_course(folder)
    hand_in(course, LESSON, students)
    nbgrader(course, "generate_assignment", LESSON, "--force")
    return course


def grades(course):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {s.student.id: {g.name: g.score for g in s.grades}
                for s in gradebook.find_notebook(LESSON, LESSON).submissions}


def busy_seconds():
    """CPU seconds every core of this machine has spent busy since boot (Linux ``/proc/stat``)."""
    with open("/proc/stat") as stat:
        ticks = [int(field) for field in stat.readline().split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK")


def timed(*runs):
    """``(wall seconds, cores busy on average)`` for running each ``(command, course)`` of ``runs`` at once."""
    busy = busy_seconds()
    started = time.perf_counter()
    processes = [subprocess.Popen(command, cwd=course, env=tool_env(), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL) for command, course in runs]
    for process in processes:
        process.wait()
    wall = time.perf_counter() - started
    return wall, (busy_seconds() - busy) / wall


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    students = submissions(args.students)
    autograde = [sys.executable, "-m", "nbgrader", "autograde", LESSON]
    with tempfile.TemporaryDirectory() as scratch:
        plain = course_with(students, Path(scratch) / "nbgrader")
        parallel = course_with(students, Path(scratch) / "dlgrade")
        names = sorted(students)
        halves = [course_with({s: students[s] for s in half}, Path(scratch) / f"half{index}")
                  for index, half in enumerate((names[:len(names) // 2], names[len(names) // 2:]))]
        nbgrader_seconds, nbgrader_cores = timed((autograde, plain))
        dlgrade_seconds, dlgrade_cores = timed(([sys.executable, "-m", "dlgrade.cli", "autograde", LESSON,
                                                 "--workers", str(args.workers)], parallel))
        halves_seconds, halves_cores = timed(*[(autograde, half) for half in halves])
        reference = grades(plain)
        identical = len(reference) == args.students and grades(parallel) == reference
        halves_identical = {**grades(halves[0]), **grades(halves[1])} == reference
    cores = os.cpu_count()
    print(f"{args.students} submissions: nbgrader autograde {nbgrader_seconds:.1f} s "
          f"({nbgrader_seconds / args.students:.2f} s each, {nbgrader_cores:.2f} of {cores} cores busy), "
          f"dlgrade autograde --workers {args.workers} {dlgrade_seconds:.1f} s "
          f"({dlgrade_cores:.2f} of {cores} cores busy), ratio {nbgrader_seconds / dlgrade_seconds:.2f}x, "
          f"grades identical: {identical}")
    print(f"the most grading in parallel can gain over a run that keeps {nbgrader_cores:.2f} of {cores} cores busy: "
          f"{cores / nbgrader_cores:.2f}x")
    print(f"two nbgrader autograde runs side by side, each on half the class: {halves_seconds:.1f} s "
          f"({halves_cores:.2f} of {cores} cores busy), ratio {nbgrader_seconds / halves_seconds:.2f}x, "
          f"grades identical: {halves_identical}")


if __name__ == "__main__":
    main()
