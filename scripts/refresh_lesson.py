"""Re-execute a lesson's solution notebook and regenerate its student release.

    python scripts/refresh_lesson.py 07_deep_nn_step_by_step

1. writes the fixed parts of the notebook: the setup cell (the first code cell)
   locked, and every test cell's source exactly ``testcases.engine.cells.test_cell_source``;
2. runs ``solutions/<lesson>/<lesson>.ipynb`` top to bottom in its own folder and
   stores the outputs (what nbval later compares), without execution timestamps and with
   consecutive prints to a stream as one output, on
   the 5,000 offline digits even where the full MNIST is installed (as the tests do);
3. runs ``nbgrader generate_assignment <lesson> --force``, which writes
   ``notebooks/<lesson>/`` and records the assignment in ``gradebook.db``.
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from testcases.engine import cells, lessons

ROOT = Path(__file__).resolve().parents[1]


def write_fixed_cells(nb, number):
    """The setup cell locked and every test cell in its one canonical form."""
    setup = next(c for c in nb.cells if c.cell_type == "code")
    setup.metadata["nbgrader"] = cells.setup_metadata()
    for cell in nb.cells:
        if cells.is_test(cell):
            cell.source = cells.test_cell_source(number, cells.exercise_of(cells.grade_id(cell)))


def execute_in_place(notebook_path, number):
    os.environ["DL_MNIST_DIR"] = ""  # the kernel inherits it: dlutils.data.find_full_mnist looks nowhere
    nb = nbformat.read(notebook_path, as_version=4)
    write_fixed_cells(nb, number)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(notebook_path.parent)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "outputs" in cell:
            cell.outputs = coalesced(cell.outputs)
    nbformat.write(nb, notebook_path)


def coalesced(outputs):
    """Consecutive prints to one stream as one output, however a busy kernel happened to flush them,
    so that a lesson stores the same outputs on any machine."""
    merged = []
    for output in outputs:
        if (output.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == output.name):
            merged[-1].text += output.text
        else:
            merged.append(output)
    return merged


def generate_release(lesson):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", lesson, "--force"],
                   cwd=ROOT, env=env, check=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lesson", help="folder name under solutions/, e.g. 07_deep_nn_step_by_step")
    lesson = parser.parse_args(argv).lesson
    notebook = ROOT / "solutions" / lesson / f"{lesson}.ipynb"
    if not notebook.is_file():
        parser.error(f"no solution notebook at {notebook}")
    execute_in_place(notebook, lessons.number_of(lesson))
    generate_release(lesson)


if __name__ == "__main__":
    main()
