"""Which lessons exist and where their parts live, found by number (``"07"``).

A lesson ``NN`` is the folder ``testcases/lessonNN/`` (its ``exercises.py`` and
stored ``expected.json``), the reference module ``dlutils.reference.lessonNN`` and
the notebooks ``solutions/NN_<name>/`` and ``notebooks/NN_<name>/``. Nothing lists
the lessons: a new folder is a new lesson.
"""
import importlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
LESSON_DIR = re.compile(r"lesson(\d\d)$")


@dataclass(frozen=True)
class Lesson:
    number: str
    exercises: dict         # name -> Exercise, in notebook order

    @property
    def folder(self):
        return PACKAGE_DIR / f"lesson{self.number}"

    @property
    def expected_path(self):
        return self.folder / "expected.json"

    @property
    def reference_name(self):
        return f"dlutils.reference.lesson{self.number}"

    def reference(self):
        """The reference solutions (only the instructor's install has them)."""
        return importlib.import_module(self.reference_name)


def numbers():
    """Every lesson number that has a folder in ``testcases``, in order."""
    return sorted(m.group(1) for p in PACKAGE_DIR.iterdir() if (m := LESSON_DIR.match(p.name)) and p.is_dir())


def number_of(assignment):
    """``"07_deep_nn_step_by_step"`` -> ``"07"``."""
    return assignment[:2]


@cache
def load(number):
    module = importlib.import_module(f"testcases.lesson{number}.exercises")
    return Lesson(number, {exercise.name: exercise for exercise in module.EXERCISES})
