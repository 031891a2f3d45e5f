"""nbgrader preprocessors of the autograde step (see ``nbgrader_config.py``).

- ``DropUnknownGradeCells`` (sanitizing): cells the release does not have cannot grade.
- ``ResilientExecute``: nbgrader's ``Execute`` in a confined kernel (``kernel.py``), except that a kernel that dies or
  cannot be interrupted ends the execution, not the grading of the notebook.
- ``CapOutput``: every cell keeps at most ``max_bytes`` of output, with a Korean note.
- ``StartJudge`` and ``JudgeTestCells``: the score of every test cell is the judge's verdict
  (``testcases.engine.judge``), decided outside the student's kernel while it runs; what the
  kernel printed stays for the student to read, but no error, stderr or
  ``execute_result`` it produced counts.
"""
import json
import os
from concurrent.futures import ThreadPoolExecutor
import sys
from pathlib import Path

from nbformat.notebooknode import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer

from testcases.engine import cells, lessons
from testcases.engine.kernel import ConfinedKernelManager
from testcases.engine.warm_judge import WarmJudge

KEPT_IN_VIEW = {"dlutils", "testcases", "data", "notebooks", "nbgrader_config.py", "pyproject.toml", "README.md"}


def _stream(text):
    return NotebookNode(output_type="stream", name="stdout", text=text)


def _error(message):
    return NotebookNode(output_type="error", ename="채점_결과", evalue=message.splitlines()[0], traceback=[message])


class ResilientExecute(Execute):
    """Execute in a confined kernel, keeping the outputs so far when it dies or hangs past interrupting."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", ConfinedKernelManager)
        kwargs.setdefault("shutdown_kernel", "immediate")  # nothing of a graded kernel needs a clean exit
        super().__init__(*args, **kwargs)

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.hidden = self._hidden
        return km

    def preprocess(self, nb, resources, km=None):
        own_folder = resources.get("metadata", {}).get("path") or os.getcwd()
        self._hidden = hidden_paths(os.getcwd(), _gradebook_file(resources), visible=[own_folder])
        try:
            return super().preprocess(nb, resources, km=km)
        except Exception as exc:  # noqa: BLE001 - DeadKernelError, CellTimeoutError, a kernel that won't start
            self.log.warning("kernel stopped early for %s: %s", resources.get("nbgrader", {}).get("student"),
                             type(exc).__name__)
            note = (f"노트북 커널이 여기까지 실행하지 못하고 멈췄습니다 ({type(exc).__name__}). "
                    "채점은 노트북 밖에서 따로 하므로, 이 셀의 점수는 그 결과를 따릅니다.\n")
            for cell in nb.cells:
                if cell.cell_type == "code" and "execution_count" in cell and cell.execution_count is None:
                    cell.outputs = [_stream(note)]
            return nb, resources


class DropUnknownGradeCells(NbGraderPreprocessor):
    """Cells the release does not have (unknown, missing or repeated grade_id) lose their nbgrader
    metadata and grade nothing; the submission is reported as tampered, in one line."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            known = {c.name for c in notebook.source_cells} | {c.name for c in notebook.grade_cells}
        seen, dropped = set(), []
        for cell in nb.cells:
            if not cells.nbgrader_meta(cell):
                continue
            grade_id = cells.grade_id(cell)
            if grade_id not in known or grade_id in seen:
                dropped.append(str(grade_id))
                del cell.metadata["nbgrader"]
            seen.add(grade_id)
        if dropped:
            self.log.warning("student %s: tampered notebook, cells %s are not in the release; graded as plain cells",
                             info["student"], dropped)
        return nb, resources


class CapOutput(NbGraderPreprocessor):
    """Cut each cell's outputs past ``max_bytes``, saying so in Korean."""

    max_bytes = Integer(100_000, help="bytes of output kept per cell").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        kept, used = [], 0
        for output in cell.outputs:
            size = len(json.dumps(output))
            if used + size > self.max_bytes:
                if output.output_type == "stream" and used < self.max_bytes:
                    output.text = output.text[: self.max_bytes - used]
                    kept.append(output)
                kept.append(_stream(f"\n[출력이 너무 길어 {self.max_bytes:,}바이트 뒤를 잘랐습니다.]\n"))
                break
            kept.append(output)
            used += size
        cell.outputs = kept
        return cell, resources


def _gradebook_file(resources):
    url = resources.get("nbgrader", {}).get("db_url", "")
    return url.removeprefix("sqlite:///").split("?")[0] if url.startswith("sqlite:///") else None


def _hide_around(entry, visible, hidden):
    """Hide ``entry`` unless it is visible; inside a folder that holds a visible path, hide its other entries."""
    if any(v == entry for v in visible):
        return
    if any(entry in v.parents for v in visible):
        for child in entry.iterdir():
            _hide_around(child, visible, hidden)
    else:
        hidden.append(str(entry))


def hidden_paths(course_root, gradebook_path, visible=()):
    """What a confined process must not see: the course's answers, gradebook and submissions.

    The course root's entries are hidden except the release, data, the grading
    packages, the Python environment and ``visible`` (a kernel's own folder).
    """
    import dlutils.reference

    root = Path(course_root).resolve()
    keep = [Path(p).resolve() for p in (sys.prefix, *sys.path, *visible) if p]
    keep += [root / name for name in KEPT_IN_VIEW]
    hidden = [str(Path(dlutils.reference.__file__).resolve().parent)]
    for entry in root.iterdir():
        _hide_around(entry, keep, hidden)
    if gradebook_path:
        hidden.append(str(Path(gradebook_path).resolve()))
    return list(dict.fromkeys(hidden))


_WARM_JUDGE = WarmJudge()  # one per grading process, shared by the notebooks it grades
_JUDGING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge")
_VERDICTS = "dl_judge_verdicts"  # the key of the judge's pending verdicts in nbgrader's resources


class StartJudge(NbGraderPreprocessor):
    """Hand the notebook to the judge before the kernel runs it.

    The judge reads only the setup cell (from the gradebook) and the answer cells,
    so it works while the kernel runs the notebook; ``JudgeTestCells`` collects
    its verdicts afterwards.
    """

    timeout = Integer(300, help="seconds the judge may take for one notebook").tag(config=True)
    start_seconds = Integer(20, help="seconds to run the answer cells, per exercise").tag(config=True)
    case_seconds = Integer(20, help="seconds for one call of a student's function").tag(config=True)

    def _request(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_notebook(info["notebook"], info["assignment"])
            tests = [c.name for c in notebook.grade_cells if c.name.startswith(cells.TEST_PREFIX)]
            setup = gradebook.find_source_cell(cells.SETUP_ID, info["notebook"], info["assignment"]).source
        return {"lesson": lessons.number_of(info["assignment"]), "setup": setup, "tests": tests,
                "answers": {cells.grade_id(c): c.source for c in nb.cells if cells.is_answer(c)},
                "hidden": hidden_paths(os.getcwd(), _gradebook_file(resources)),
                "start_seconds": self.start_seconds, "case_seconds": self.case_seconds}

    def preprocess(self, nb, resources):
        resources[_VERDICTS] = _JUDGING.submit(_WARM_JUDGE.judge, self._request(nb, resources), self.timeout)
        return nb, resources


class JudgeTestCells(NbGraderPreprocessor):
    """Score every test cell with the verdict of the judge that ``StartJudge`` started."""

    def preprocess(self, nb, resources):
        if _VERDICTS not in resources:
            raise RuntimeError("JudgeTestCells needs StartJudge earlier in c.Autograde.autograde_preprocessors")
        verdicts = resources.pop(_VERDICTS).result()
        for cell in nb.cells:
            if cells.is_test(cell) and cells.grade_id(cell) in verdicts:
                self._apply(cell, verdicts[cells.grade_id(cell)])
        return nb, resources

    @staticmethod
    def _apply(cell, verdict):
        kernel_failed = any(o.output_type == "error" for o in cell.outputs)
        cell.outputs = [o for o in cell.outputs
                        if (o.output_type == "stream" and o.name == "stdout") or o.output_type == "display_data"]
        if verdict["passed"]:
            note = "\n(노트북 안에서는 오류가 났지만, 점수는 노트북 밖의 채점 결과를 따릅니다.)" if kernel_failed else ""
            cell.outputs.append(_stream(f"{verdict['message']}{note}\n"))
        else:
            cell.outputs.append(_error(verdict["message"]))
