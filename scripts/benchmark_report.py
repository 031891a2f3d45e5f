"""Grade a class made from lesson 07's bank, time ``dlgrade report`` on it and check every count on the page.

    python scripts/benchmark_report.py [--students 40] [--workers 2] [--keep report.html]

The class is tests/report_class.py's: students taking in turn the bank's wrong answers, its correct
alternatives, two wrong answers no check names and the solution, and six more playing an untouched
release, a submission graded before findings were kept, a hidden case that never ends, a file that
cannot be graded, a student on the roster only and a file changed after grading. The script grades it
with ``dlgrade autograde``, runs ``dlgrade report`` as an instructor does (its wall and CPU time, and
the build time the command prints), and compares every count the page shows with what the answers
handed in say. On a busy machine the CPU time says more than the wall time.
"""
import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from course import tool_env  # noqa: E402
from report_class import LESSON, bank_students, differences, expected_report, grade, shown  # noqa: E402


def _children_cpu():
    """CPU seconds used so far by the processes this one started and waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="copy the report page here")
    args = parser.parse_args(argv)
    students = bank_students(args.students)
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        course, run = grade(students, Path(scratch) / "course", args.workers)
        grading = time.perf_counter() - started
        started, cpu = time.perf_counter(), _children_cpu()
        report = subprocess.run([sys.executable, "-m", "dlgrade.cli", "report", LESSON], cwd=course, env=tool_env(),
                                capture_output=True, text=True)
        wall, cpu = time.perf_counter() - started, _children_cpu() - cpu
        if report.returncode != 0:
            sys.exit(f"dlgrade report failed:\n{report.stdout}{report.stderr}")
        page = (course / f"report-{LESSON}.html").read_text(encoding="utf-8")
        if args.keep:
            shutil.copy(course / f"report-{LESSON}.html", args.keep)
    build = float(re.search(r"\(([\d.]+)초\)$", report.stdout.strip()).group(1))
    wrong = differences(expected_report(students), shown(page))
    answers = sum(len(names) for names in students.values())
    print(f"{args.students} students ({len(students)} from the bank with {answers} of its answers, 6 playing roles): "
          f"dlgrade autograde --workers {args.workers} {grading:.1f} s (exit {run.returncode}); "
          f"dlgrade report {wall:.1f} s ({cpu:.1f} s of CPU), of which building the page {build:.1f} s; "
          f"{len(page) // 1024} KiB")
    print(f"every count on the page equals the answers handed in: {not wrong}" + "".join(f"\n  {w}" for w in wrong))
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
