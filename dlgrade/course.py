"""The course an instructor grades: its nbgrader configuration, API and gradebook."""
import os
import sys
import tempfile
import warnings
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


def _tools_on_path():
    """This interpreter's ``bin`` first on PATH: nbgrader runs its ``alembic`` to make a new gradebook."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def api(root):
    """An ``NbGraderAPI`` for the course at ``root``, run from there (nbgrader reads relative paths)."""
    config = load_config(root)
    os.chdir(config.CourseDirectory.root)
    _tools_on_path()
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def gradebook(root):
    """nbgrader's ``Gradebook`` of the course at ``root``, without SQLAlchemy's warnings about nbgrader's models."""
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning

    warnings.filterwarnings("ignore", category=SAWarning)
    config = load_config(root)
    _tools_on_path()
    return Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id)


def lessons(root):
    """The course's lessons: the folders of its source directory (``solutions/``), sorted."""
    config = load_config(root)
    source = Path(config.CourseDirectory.root) / config.CourseDirectory.source_directory
    return sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")) \
        if source.is_dir() else []


def require_lesson(root, lesson):
    """A lesson name that is not one of the course's is refused, with the names that are."""
    known = lessons(root)
    if lesson not in known:
        source = load_config(root).CourseDirectory.source_directory
        raise CourseError(f"'{lesson}'이라는 실습이 {source}/에 없습니다. 있는 실습: {', '.join(known) or '(없음)'}")


def write_atomically(path, data):
    """Write ``data`` (bytes or text) to ``path`` whole or not at all: a temporary file beside it, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=Path(path).parent, prefix=f".{Path(path).name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def submitted_students(root, assignment):
    """Students with a submission of ``assignment`` under ``submitted/``, sorted."""
    folder = Path(root) / "submitted"
    return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir()) if folder.is_dir() else []


def hand_back(root, names=("autograded", ".dlgrade", "gradebook.db")):
    """Run as root in a course root another account owns (the instructor's, on the hub): give that account
    what a command wrote there (``names``, recursively), so its next commands can change it."""
    root = Path(root).resolve()
    owner = root.stat()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or owner.st_uid == 0:
        return
    for path in (root / name for name in names):
        if not path.exists():
            continue
        os.chown(path, owner.st_uid, owner.st_gid, follow_symlinks=False)
        for top, folders, files in os.walk(path):
            for name in folders + files:
                os.chown(os.path.join(top, name), owner.st_uid, owner.st_gid, follow_symlinks=False)
