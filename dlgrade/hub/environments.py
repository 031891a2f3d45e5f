"""The Python environments the hub's servers run in, under the hub folder.

- ``student-env``: the student wheel (``dlgrade bundle``: the public ``dlutils`` and checks, never
  the reference or the hidden tests), JupyterHub's single-user server, and nbgrader for its
  assignment list only (fetch, submit, fetch feedback): its formgrader, course list and validate
  extensions are switched off, server side and in JupyterLab; kernels use Unix sockets, not TCP ports;
- ``instructor-env``: the course itself, installed editable from the course root, with JupyterHub's
  single-user server: ``dlgrade``, nbgrader with formgrader, the course's answers.

Both are built on a Python that every account can run (a Python under ``/root`` cannot be), with
``uv`` when it is installed (much faster) or else pip, and rebuilt only when what they install
changed (``.dl-course-stamp``). Each carries its nbgrader configuration: the exchange folder, and
for students the course id.
"""
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

from dlgrade import bundle
from dlgrade.course import CourseError

STAMP = ".dl-course-stamp"
MINIMUM_PYTHON = (3, 11)
# nbgrader's parts a student must not have: the server extensions and the JupyterLab plugins.
STUDENT_OFF_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list",
                      "nbgrader.server_extensions.validate_assignment")
STUDENT_EXTENSIONS = {"ServerApp": {"jpserver_extensions": dict.fromkeys(STUDENT_OFF_SERVER, False)}}
# Kernels talk to their server over Unix sockets in the student's own runtime folder: no TCP port another
# account could reach, and no two kernels racing for the same port when a class starts together.
STUDENT_SERVER_CONFIG = {"KernelManager": {"transport": "ipc"}}
STUDENT_OFF_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                   "@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:validate-assignment")


def _runnable_by_all(path):
    """Whether every account can run ``path``: the file, and each folder above it, open to others."""
    path = Path(path).resolve()
    try:
        if not path.stat().st_mode & stat.S_IXOTH:
            return False
        return all(parent.stat().st_mode & stat.S_IXOTH for parent in path.parents)
    except OSError:
        return False


def base_python():
    """A Python >= 3.11 every account can run: this one's base interpreter, else the system's ``python3``."""
    candidates = [getattr(sys, "_base_executable", sys.executable), "/usr/bin/python3", shutil.which("python3")]
    for candidate in filter(None, candidates):
        if not _runnable_by_all(candidate):
            continue
        version = subprocess.run([candidate, "-c", "import sys; print(*sys.version_info[:2])"],
                                 capture_output=True, text=True)
        if version.returncode == 0 and tuple(map(int, version.stdout.split())) >= MINIMUM_PYTHON:
            return str(Path(candidate).resolve())
    raise CourseError("모든 계정이 실행할 수 있는 Python 3.11 이상이 없습니다 (이 Python은 다른 계정이 들어갈 수 없는 "
                      f"{sys.base_prefix}에 있습니다). `apt-get install python3 python3-venv`로 시스템 Python을 "
                      "설치한 뒤 다시 실행하세요.")


def _uv():
    return shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")


def _run(command, what):
    run = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, UV_PYTHON_DOWNLOADS="never"))
    if run.returncode != 0:
        raise CourseError(f"{what}에 실패했습니다:\n{(run.stdout + run.stderr).strip()[-3000:]}\n"
                          "패키지 저장소(PyPI)에 닿는지 확인한 뒤 다시 실행하세요.")


def _build(env, requirements, stamp, editable=None):
    """(Re)build the venv ``env`` with ``requirements`` unless its stamp is ``stamp``; True if built."""
    if (env / STAMP).is_file() and (env / STAMP).read_text() == stamp:
        return False
    shutil.rmtree(env, ignore_errors=True)
    python, uv = base_python(), _uv()
    extra = ["-e", str(editable)] if editable else []
    if uv:
        _run([uv, "venv", "--quiet", "--python", python, str(env)], f"{env.name} 만들기")
        # compiled now: the accounts cannot write bytecode here, and every server start would compile again
        _run([uv, "pip", "install", "--quiet", "--compile-bytecode", "--python", str(env / "bin" / "python"),
              *extra, *requirements], f"{env.name}에 패키지 설치")
    else:
        _run([python, "-m", "venv", str(env)], f"{env.name} 만들기")
        _run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", *extra, *requirements],
             f"{env.name}에 패키지 설치")
    (env / STAMP).write_text(stamp)
    return True


def _wheel_digest(wheel):
    """A digest of the wheel's files, not its version (which carries the build time)."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if ".dist-info/" not in name:
                digest.update(name.encode() + b"\0" + archive.read(name))
    return digest.hexdigest()


def _pins():
    return [f"jupyterhub=={metadata.version('jupyterhub')}", f"nbgrader=={metadata.version('nbgrader')}"]


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def student_env(hub_dir, course_root, upto, exchange, course_id):
    """Build (if needed) and configure the students' environment; returns ``(its path, rebuilt)``."""
    _, wheel = bundle.bundle(hub_dir / "bundle", upto, course_root)
    env = hub_dir / "student-env"
    requirements = [str(wheel), *_pins()]
    rebuilt = _build(env, requirements, "\n".join([_wheel_digest(wheel), *requirements[1:], base_python()]))
    etc = env / "etc" / "jupyter"
    _write(etc / "nbgrader_config.py", f"c = get_config()  # noqa: F821\nc.Exchange.root = {str(exchange)!r}\n"
                                       f"c.CourseDirectory.course_id = {course_id!r}\n")
    _write(etc / "jupyter_server_config.d" / "zz_dl_course_student.json", json.dumps(STUDENT_EXTENSIONS, indent=2))
    _write(etc / "jupyter_server_config.json", json.dumps(STUDENT_SERVER_CONFIG, indent=2))
    _write(etc / "labconfig" / "page_config.json",
           json.dumps({"disabledExtensions": dict.fromkeys(STUDENT_OFF_LAB, True)}, indent=2))
    return env, rebuilt


def instructor_env(hub_dir, course_root, exchange):
    """Build (if needed) and configure the instructor's environment; returns ``(its path, rebuilt)``."""
    env = hub_dir / "instructor-env"
    project = (course_root / "pyproject.toml").read_bytes()
    stamp = "\n".join([hashlib.sha256(project).hexdigest(), str(course_root), *_pins(), base_python()])
    rebuilt = _build(env, _pins(), stamp, editable=course_root)
    _write(env / "etc" / "jupyter" / "nbgrader_config.py",
           f"c = get_config()  # noqa: F821\nc.Exchange.root = {str(exchange)!r}\n")
    _write(env / "share" / "jupyter" / "lab" / "settings" / "overrides.json",
           json.dumps(bundle.LAB_OVERRIDES, indent=2, ensure_ascii=False))
    return env, rebuilt
