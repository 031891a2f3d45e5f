"""Helpers the tests share: the course's paths, its notebooks and nbgrader runs."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
LESSONS = {"01_mnist_and_the_neuron": "neuron", "02_forward_propagation": "forward",
           "07_deep_nn_step_by_step": "deep_nn"}
HIDDEN_MARKER = "### BEGIN HIDDEN TESTS"


def solution_path(lesson):
    return ROOT / "solutions" / lesson / f"{lesson}.ipynb"


def release_path(lesson):
    return ROOT / "notebooks" / lesson / f"{lesson}.ipynb"


def read(path):
    return nbformat.read(path, as_version=4)


def nbgrader_meta(cell):
    return cell.metadata.get("nbgrader", {})


def answer_cells(nb):
    return {nbgrader_meta(c)["grade_id"]: c for c in nb.cells if nbgrader_meta(c).get("solution")}


def grade_cells(nb):
    return {nbgrader_meta(c)["grade_id"]: c for c in nb.cells if nbgrader_meta(c).get("grade")}


def setup_source(lesson):
    """The lesson's first code cell (its imports), without IPython magics such as %matplotlib."""
    first = next(c for c in read(solution_path(lesson)).cells if c.cell_type == "code")
    return "\n".join(line for line in first.source.splitlines() if not line.lstrip().startswith("%"))


def student_namespace(lesson, replacements=None):
    """The globals of a notebook after its set-up cell, with the solution's answers
    except ``replacements``.

    ``replacements`` maps an answer cell's grade_id to the source that replaces it.
    """
    namespace = {}
    exec(compile(setup_source(lesson), f"<setup {lesson}>", "exec"), namespace)
    for grade_id, cell in answer_cells(read(solution_path(lesson))).items():
        source = (replacements or {}).get(grade_id, cell.source)
        exec(compile(source, f"<answer {grade_id}>", "exec"), namespace)
    return namespace


def run_test_cell(lesson, function_name, namespace, hidden=True):
    """Execute the locked test cell of ``function_name`` in ``namespace``."""
    source = grade_cells(read(solution_path(lesson)))[f"test_{function_name}"].source
    if not hidden:
        source = source.split(HIDDEN_MARKER)[0]
    exec(compile(source, f"<test {function_name}>", "exec"), namespace)


def nbgrader(course, *args, check=True):
    """Run the nbgrader command line in ``course`` with this interpreter's tools on PATH."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                          capture_output=True, text=True, check=check)


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
