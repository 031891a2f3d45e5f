"""Helpers the tests share: the course's lessons, notebooks, banks and nbgrader runs.

Lessons are the folders of ``solutions/``; lesson ``NN_name`` has its exercises in
``testcases/lessonNN`` and its bank of answers in ``tests/bank/lessonNN.py``.
"""
import contextlib
import importlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from testcases.engine import cells, lessons
from testcases.engine.runner import guard_reference, run_hidden

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir() and p.name[:2].isdigit())


def clone_files(destination):
    """Copy into ``destination`` exactly the files a clone would hold (tracked, plus new files not yet
    committed); returns ``destination``."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def readme_blocks(heading):
    """The ```bash blocks of the README's section ``heading`` (up to the next ``## `` heading), in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {heading}")
    end = text.find("\n## ", start + 1)
    return re.findall(r"```bash\n(.*?)```", text[start:end if end != -1 else None], re.DOTALL)


def readme_commands(heading):
    """The command lines of the README's section ``heading``, in order."""
    return [line.strip() for block in readme_blocks(heading) for line in block.splitlines() if line.strip()]


def kept_under_tmp():
    """What a confined process sees in its own empty ``/tmp``: the first folder of each path of the
    Python installation that lies under ``/tmp`` (a venv in a clone there), which its view binds."""
    from testcases.engine.sandbox import python_paths

    return sorted({Path(p).relative_to("/tmp").parts[0] for p in python_paths() if p.startswith("/tmp/")})


def number(lesson):
    return lessons.number_of(lesson)


def bank(lesson):
    return importlib.import_module(f"bank.lesson{number(lesson)}")


def solution_path(lesson):
    return ROOT / "solutions" / lesson / f"{lesson}.ipynb"


def release_path(lesson):
    return ROOT / "notebooks" / lesson / f"{lesson}.ipynb"


def read(path):
    return nbformat.read(path, as_version=4)


def nbgrader_meta(cell):
    return cells.nbgrader_meta(cell)


def answer_cells(nb):
    return {cells.grade_id(c): c for c in nb.cells if cells.is_answer(c)}


def grade_cells(nb):
    return {cells.grade_id(c): c for c in nb.cells if cells.is_test(c)}


def setup_cell(nb):
    return next(c for c in nb.cells if cells.grade_id(c) == cells.SETUP_ID)


def graded_functions(lesson):
    return list(answer_cells(read(solution_path(lesson))))


def student_namespace(lesson, replacements=None):
    """The globals of a notebook after its setup cell and its answer cells, with the
    solution's answers except ``replacements`` (answer grade_id -> source)."""
    solution = read(solution_path(lesson))
    namespace = {}
    exec(compile(cells.without_magics(setup_cell(solution).source), f"<setup {lesson}>", "exec"), namespace)
    for grade_id, cell in answer_cells(solution).items():
        source = (replacements or {}).get(grade_id, cell.source)
        exec(compile(source, f"<answer {grade_id}>", "exec"), namespace)
    return namespace


def run_test_cell(lesson, function, namespace):
    """Execute the locked test cell of ``function`` (its public check) in ``namespace``."""
    source = grade_cells(read(solution_path(lesson)))[f"test_{function}"].source
    exec(compile(source, f"<test {function}>", "exec"), namespace)


@contextlib.contextmanager
def guarded(lesson, function):
    """The reference of ``function`` replaced by a guard while inside, as the judge does."""
    guard = guard_reference(number(lesson), function)
    try:
        yield guard
    finally:
        guard.remove()


def grade_in_process(lesson, function, replacements=None):
    """The public check and the hidden cases of ``function``, as the judge runs them, in this process."""
    with guarded(lesson, function) as guard:
        namespace = student_namespace(lesson, replacements)
        run_test_cell(lesson, function, namespace)
        run_hidden(number(lesson), function, namespace[function], guard)


def tool_env():
    """This environment with this interpreter's tools first on PATH (nbgrader needs its ``alembic``)."""
    return dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")


def nbgrader(course, *args, check=True):
    """Run the nbgrader command line in ``course`` with this interpreter's tools on PATH."""
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=tool_env(),
                          capture_output=True, text=True, check=check)


def dlgrade(course, *args):
    """Run ``dlgrade`` in ``course`` with this interpreter's tools on PATH; its exit code is not checked."""
    return subprocess.run([sys.executable, "-m", "dlgrade.cli", *args], cwd=course, env=tool_env(),
                          capture_output=True, text=True, check=False)


def hand_in(course, lesson, students):
    """Write each student's notebook, or raw text for a broken file, to ``submitted/<id>/<lesson>/``."""
    for student, notebook in students.items():
        folder = course / "submitted" / student / lesson
        folder.mkdir(parents=True)
        path = folder / f"{lesson}.ipynb"
        if isinstance(notebook, str):
            path.write_text(notebook, encoding="utf-8")
        else:
            nbformat.write(notebook, path)


def load_script(name):
    """``scripts/<name>.py`` as a module (the scripts folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_course(destination, timeout=None):
    """A copy of the course root (config, solutions, release) to run nbgrader in."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "nbgrader_config.py", destination)
    if timeout is not None:
        with open(destination / "nbgrader_config.py", "a", encoding="utf-8") as config:
            config.write(f"\nc.Execute.timeout = {timeout}\n")
    for folder in ("solutions", "notebooks"):
        shutil.copytree(ROOT / folder, destination / folder)
    return destination
