"""scripts/benchmark_grading_time.py grades real submissions one at a time and prints one line per lesson.

Only the script's working is tested here, not a speed: its figures go in the closing notes.
"""
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "benchmark_grading_time.py"

pytestmark = pytest.mark.autograde


def test_prints_the_median_and_slowest_seconds_of_each_lesson():
    done = subprocess.run([sys.executable, str(SCRIPT), "02_forward_propagation", "--students", "2"],
                          capture_output=True, text=True, check=True)
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("02_forward_propagation: median ") and "s per submission (2 graded one at a time)" in line


def test_an_unknown_lesson_is_refused_with_the_lessons_it_knows():
    done = subprocess.run([sys.executable, str(SCRIPT), "99_no_such_lesson"], capture_output=True, text=True)
    assert done.returncode == 2 and "99_no_such_lesson" in done.stderr and "07_deep_nn_step_by_step" in done.stderr
