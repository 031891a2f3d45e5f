"""Seconds to autograde one submission of each lesson, one at a time on one core.

    python scripts/benchmark_grading_time.py [--students 3] [LESSON ...]

For each lesson, a class of correct whole notebooks (every demonstration cell
kept, as a student hands it in) is graded by one ``NbGraderAPI`` in this process,
as a ``dlgrade`` worker does; each submission's autograde is timed on its own.
The script prints the median and the slowest per lesson. The goal is at most
3 s per submission on an idle core.
"""
import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from course import LESSONS, copy_course, hand_in  # noqa: E402
from grading import submission  # noqa: E402

from dlgrade import autograde, course  # noqa: E402


def seconds_per_submission(lesson, students, folder):
    root = copy_course(folder)
    notebook = submission(lesson)
    hand_in(root, lesson, {f"s{index}": notebook for index in range(students)})
    autograde.prepare(root, lesson)
    api = course.api(root)
    times = []
    for index in range(students):
        started = time.perf_counter()
        result = api.autograde(lesson, f"s{index}", force=True, create=True)
        times.append(time.perf_counter() - started)
        if not result.get("success"):
            raise SystemExit(f"{lesson} s{index} could not be graded:\n{result.get('log')}{result.get('error')}")
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", metavar="LESSON", help="lesson folders under solutions/ (default: all)")
    parser.add_argument("--students", type=int, default=3)
    args = parser.parse_args()
    unknown = [lesson for lesson in args.lessons if lesson not in LESSONS]
    if unknown:
        parser.error(f"no such lesson: {', '.join(unknown)} (lessons: {', '.join(LESSONS)})")
    warnings.filterwarnings("ignore")  # SQLAlchemy's notes on nbgrader's queries
    with tempfile.TemporaryDirectory() as scratch:
        for lesson in args.lessons or LESSONS:
            times = seconds_per_submission(lesson, args.students, Path(scratch) / lesson)
            print(f"{lesson}: median {statistics.median(times):.2f} s, slowest {max(times):.2f} s "
                  f"per submission ({args.students} graded one at a time)", flush=True)


if __name__ == "__main__":
    main()
