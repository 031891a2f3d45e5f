"""scripts/benchmark_autograde.py grades one class with nbgrader and with dlgrade and prints one comparison.

Only the script's working is tested here, not a speed: its figures go in the closing notes.
"""
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "benchmark_autograde.py"

pytestmark = pytest.mark.autograde


def test_prints_each_way_of_grading_the_class_with_its_busy_cores_and_identical_grades():
    done = subprocess.run([sys.executable, str(SCRIPT), "--students", "2", "--workers", "2"],
                          capture_output=True, text=True, check=True)
    comparison, bound, halves = done.stdout.strip().splitlines()[-3:]
    assert re.fullmatch(r"2 submissions: nbgrader autograde [\d.]+ s \([\d.]+ s each, [\d.]+ of \d+ cores busy\), "
                        r"dlgrade autograde --workers 2 [\d.]+ s \([\d.]+ of \d+ cores busy\), ratio [\d.]+x, "
                        r"grades identical: True", comparison), comparison
    assert re.fullmatch(r"the most grading in parallel can gain over a run that keeps [\d.]+ of \d+ cores busy: "
                        r"[\d.]+x", bound), bound
    assert re.fullmatch(r"two nbgrader autograde runs side by side, each on half the class: [\d.]+ s "
                        r"\([\d.]+ of \d+ cores busy\), ratio [\d.]+x, grades identical: True", halves), halves
