"""Re-execute a lesson's solution notebook and regenerate its student release.

    python scripts/refresh_lesson.py 07_deep_nn_step_by_step

1. runs ``solutions/<lesson>/<lesson>.ipynb`` top to bottom in its own folder and
   stores the outputs (what nbval later compares), without execution timestamps;
2. runs ``nbgrader generate_assignment <lesson> --force``, which writes
   ``notebooks/<lesson>/``, and removes the gradebook that command leaves behind.
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute_in_place(notebook_path):
    nb = nbformat.read(notebook_path, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(notebook_path.parent)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, notebook_path)


def generate_release(lesson):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    had_gradebook = (ROOT / "gradebook.db").exists()
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", lesson, "--force"],
                   cwd=ROOT, env=env, check=True)
    if not had_gradebook:
        (ROOT / "gradebook.db").unlink(missing_ok=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lesson", help="folder name under solutions/, e.g. 07_deep_nn_step_by_step")
    lesson = parser.parse_args(argv).lesson
    notebook = ROOT / "solutions" / lesson / f"{lesson}.ipynb"
    if not notebook.is_file():
        parser.error(f"no solution notebook at {notebook}")
    execute_in_place(notebook)
    generate_release(lesson)


if __name__ == "__main__":
    main()
