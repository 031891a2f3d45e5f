"""The course an instructor grades: its nbgrader configuration, API and gradebook."""
import os
import sys
from pathlib import Path

from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader

SQLITE_TIMEOUT = 60  # seconds a worker waits for the gradebook while another one writes


class CourseError(Exception):
    """Something about the course folder that the instructor must fix; the message says what."""


def load_config(root):
    """``nbgrader_config.py`` of the course at ``root``, with the course root and a patient gradebook."""
    root = Path(root).resolve()
    if not (root / "nbgrader_config.py").is_file():
        raise CourseError(f"{root}에 nbgrader_config.py가 없습니다. 강의 폴더(저장소 최상위)에서 실행하세요.")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    if "db_url" not in config.CourseDirectory:
        config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}?timeout={SQLITE_TIMEOUT}"
    return config


def api(root):
    """An ``NbGraderAPI`` for the course at ``root``, run from there (nbgrader reads relative paths)."""
    config = load_config(root)
    os.chdir(config.CourseDirectory.root)
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")  # alembic, for a new gradebook
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def submitted_students(root, assignment):
    """Students with a submission of ``assignment`` under ``submitted/``, sorted."""
    folder = Path(root) / "submitted"
    return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir()) if folder.is_dir() else []
