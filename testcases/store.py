"""Expected outputs of the public checks, stored as JSON beside this file.

``python -m testcases.store`` recomputes them from the reference solutions and
rewrites the files; ``tests/test_expected_store.py`` fails when they drift.
"""
import importlib
import json
from pathlib import Path

import numpy as np

EXPECTED_DIR = Path(__file__).with_name("expected")
LESSONS = ("deep_nn", "neuron", "forward")


def path(lesson):
    return EXPECTED_DIR / f"{lesson}.json"


def _plain(value):
    """Arrays and numpy scalars as nested lists and floats, for JSON."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (np.ndarray, np.generic)):
        return value.tolist()
    return value


def compute(lesson):
    """The expected outputs, freshly computed by the lesson's ``expected_outputs()``."""
    builders = importlib.import_module(f"testcases.{lesson}")
    return _plain(builders.expected_outputs())


def load(lesson):
    return json.loads(path(lesson).read_text(encoding="utf-8"))


def write(lesson):
    text = json.dumps(compute(lesson), indent=1, ensure_ascii=False) + "\n"
    path(lesson).write_text(text, encoding="utf-8")


def expected(lesson, function_name):
    """Stored outputs of one function, arrays restored from lists."""
    def restore(value):
        if isinstance(value, dict):
            return {key: restore(item) for key, item in value.items()}
        return np.array(value) if isinstance(value, list) else value
    return restore(load(lesson)[function_name])


if __name__ == "__main__":
    for name in LESSONS:
        write(name)
        print(f"wrote {path(name)}")
