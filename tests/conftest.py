import shutil
import sys
from pathlib import Path

import pytest

# Lets the tests import their helpers (course.py, bank/) as top-level modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def empty_gradebook(tmp_path_factory):
    """A new, empty gradebook made once (nbgrader runs ``alembic`` to make one)."""
    from dlgrade.course import gradebook

    folder = tmp_path_factory.mktemp("template")
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    gradebook(folder).close()
    return folder / "gradebook.db"


@pytest.fixture
def course_root(tmp_path, empty_gradebook):
    """A course folder with the config and an empty gradebook, for dlgrade commands that need no notebooks."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path)
    shutil.copy(empty_gradebook, tmp_path)
    return tmp_path
