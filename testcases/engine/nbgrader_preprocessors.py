"""nbgrader preprocessors of the autograde step (see ``nbgrader_config.py``).

- ``DropUnknownGradeCells`` (sanitizing): cells the release does not have cannot grade.
- ``ResilientExecute``: nbgrader's ``Execute`` in a confined kernel (``kernel.py``) that sees only ``kernel_view``,
  except that a kernel that dies or cannot be interrupted ends the execution, not the grading of the notebook.
- ``ShortWhileGraded``: a training or demo cell runs its short version in the graded copy: the cell's
  metadata ``dl_course.while_graded`` (``{"EPOCHS": "2"}``, not shown in the notebook view) replaces the
  value of those top-level assignments before the kernel runs it; the submitted file is untouched, and
  ``RestoreSubmittedSource`` puts the student's source back after execution.
- ``CapOutput``: every cell keeps at most ``max_bytes`` of output, with a Korean note.
- ``StartJudge`` and ``JudgeTestCells``: the score of every test cell is the judge's verdict
  (``testcases.engine.judge``), decided outside the student's kernel while it runs; what the
  kernel printed stays for the student to read, but no error, stderr or
  ``execute_result`` it produced counts. A student's own hidden-test markers are made inert.
  The judge's findings (how and where each cell failed, the mistakes named) are written beside
  the graded notebook for ``dlgrade report`` (``testcases.engine.findings``).
"""
import ast
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from nbformat.notebooknode import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, Execute, NbGraderPreprocessor
from traitlets import Integer

from testcases.engine import cells, findings, lessons
from testcases.engine.judge import course_copies
from testcases.engine.kernel import ConfinedKernelManager
from testcases.engine.warm_judge import WarmJudge


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
        km.view = self._view
        return km

    def preprocess(self, nb, resources, km=None):
        own_folder = resources.get("metadata", {}).get("path") or os.getcwd()
        self._view = kernel_view(lessons.number_of(resources.get("nbgrader", {}).get("assignment", "")), own_folder)
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


WHILE_GRADED = "while_graded"
_SUBMITTED_SOURCE = "source_as_submitted"


def short_source(source, while_graded):
    """``source`` with the value of every top-level ``NAME = ...`` named in ``while_graded`` replaced.

    ``while_graded`` maps a variable name to the Python source of its value while graded
    (``{"EPOCHS": "2"}``). A cell that does not parse (IPython magics, a student's typo) stays as it is.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines(keepends=True)
    spans = []
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in while_graded):
            value = node.value
            spans.append((value.lineno, value.col_offset, value.end_lineno, value.end_col_offset,
                          str(while_graded[node.targets[0].id])))
    for start_line, start_col, end_line, end_col, text in reversed(spans):  # ast offsets are UTF-8 bytes
        head = lines[start_line - 1].encode()[:start_col].decode()
        tail = lines[end_line - 1].encode()[end_col:].decode()
        lines[start_line - 1:end_line] = [head + text + tail]
    return "".join(lines)


class ShortWhileGraded(NbGraderPreprocessor):
    """Run the short version of training and demo cells, so that a submission grades in seconds.

    Only the graded copy changes, and only code cells that are neither answers nor tests;
    the judge never runs these cells (it runs the setup and answer cells).
    """

    def preprocess_cell(self, cell, resources, index):
        ours = cell.get("metadata", {}).get("dl_course", {})
        while_graded = ours.get(WHILE_GRADED)
        if cell.cell_type == "code" and isinstance(while_graded, dict) and not cells.nbgrader_meta(cell).get("grade") \
                and not cells.is_answer(cell):
            short = short_source(cell.source, while_graded)
            if short != cell.source:
                ours[_SUBMITTED_SOURCE] = cell.source
                cell.source = short
        return cell, resources


class RestoreSubmittedSource(NbGraderPreprocessor):
    """After execution, the graded notebook shows the source the student wrote (see ``ShortWhileGraded``)."""

    def preprocess_cell(self, cell, resources, index):
        ours = cell.get("metadata", {}).get("dl_course", {})
        if _SUBMITTED_SOURCE in ours:
            cell.source = ours.pop(_SUBMITTED_SOURCE)
        return cell, resources


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


def inert_markers(nb, markers):
    """Student text holding ``markers`` (nbgrader's hidden-test words) no longer matches them.

    nbgrader's ``ClearHiddenTests`` refuses a feedback notebook where a cell that
    does not grade holds such a marker, so a comment like ``### BEGIN HIDDEN TESTS``
    in an answer would cost its author the feedback. Only cells the release did
    not lock as tests are touched; the words stay readable (spaces become ``_``).
    The judge and the kernel have run the code as submitted before this.
    """
    for cell in nb.cells:
        if cells.is_test(cell):
            continue
        for marker in markers:
            if marker in cell.source:
                cell.source = cell.source.replace(marker, marker.replace(" ", "_"))


def _data_folders():
    from dlutils import data

    folders = [data.DATA_DIR, *data.FULL_MNIST_FOLDERS, os.environ.get(data.FULL_MNIST_VARIABLE)]
    return [str(f) for f in folders if f]


def kernel_view(number, own_folder):
    """What a grading kernel of lesson ``number`` sees besides Python: the course's packages in use,
    the data and its own submission folder; nothing else of the course folder (no other submission,
    no gradebook, no solutions). Hidden in every copy of the packages it could read: the reference
    solutions, the given helpers of later lessons (lesson 08's give lesson 07's answers) and the
    instructor's command."""
    import dlutils
    import testcases

    readable = [p for package in (dlutils, testcases) for p in package.__path__]
    private = []
    for place in course_copies():
        name = os.path.basename(place)
        if name == "dlutils":
            private.append(os.path.join(place, "reference"))
            private += [str(p) for p in Path(place, "given").glob("lesson*.py") if p.stem > f"lesson{number}"]
        elif name != "testcases":
            private.append(place)
    return {"readable": [*readable, *_data_folders(), own_folder], "hidden": private}


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
                "start_seconds": self.start_seconds, "case_seconds": self.case_seconds}

    def preprocess(self, nb, resources):
        resources[_VERDICTS] = _JUDGING.submit(_WARM_JUDGE.judge, self._request(nb, resources), self.timeout)
        return nb, resources


class JudgeTestCells(NbGraderPreprocessor):
    """Score every test cell with the verdict of the judge that ``StartJudge`` started, and write
    the judge's findings of those cells beside the graded notebook (``findings.write``).

    It is the last step before the graded notebook is saved, so it also makes the
    student's own hidden-test markers inert (``inert_markers``): feedback is
    generated from this notebook.
    """

    def preprocess(self, nb, resources):
        if _VERDICTS not in resources:
            raise RuntimeError("JudgeTestCells needs StartJudge earlier in c.Autograde.autograde_preprocessors")
        verdicts = resources.pop(_VERDICTS).result()
        judged = {}
        for cell in nb.cells:
            if cells.is_test(cell) and cells.grade_id(cell) in verdicts:
                verdict = verdicts[cells.grade_id(cell)]
                self._apply(cell, verdict)
                judged[cells.grade_id(cell)] = verdict["finding"]
        findings.write(resources["metadata"]["path"], resources["nbgrader"]["notebook"], judged)
        hidden_tests = ClearHiddenTests(parent=self)
        inert_markers(nb, (hidden_tests.begin_test_delimeter, hidden_tests.end_test_delimeter))
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
