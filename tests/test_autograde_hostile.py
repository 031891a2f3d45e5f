"""A class of hostile submissions graded with honest ones, in one real nbgrader run (lesson 07).

Every attack in issue "Grades a student cannot switch off" is here, with more:
answer cells that switch off checks in the kernel, calls into the reference that
dodge a profiler, writes into the gradebook, the course, the grading package and
other submissions, killing the grader, dying kernels, uninterruptible loops,
tampered metadata, floods of output, memory, processes and network; and from
issue 22: answers relayed from the kernel through ``/tmp``, answers read from the
course's source tree outside the graded folder (this course is graded as a copy,
the package is the editable install's), malformed replies and lying return
values on the judge's socket, and nbgrader's markers in answers. Checked: every
hostile cell scores exactly its honest score, the honest students score exactly
as in a clean run, everyone gets feedback, confined code sees only what it may,
nothing outside the run's own output changes, and the run finishes.
"""
import hashlib
from pathlib import Path

import nbformat
import pytest

import testcases
from bank.lesson07 import WRONG
from course import answer_cells, grade_cells, kept_under_tmp, read, solution_path
from grading import grade_class, submission
from testcases.engine.report import PASSED

pytestmark = pytest.mark.autograde

LESSON = "07_deep_nn_step_by_step"
TIMEOUT = 10
CONFIG = "\nc.StartJudge.start_seconds = 4\nc.StartJudge.case_seconds = 4\n"
PACKAGE = Path(testcases.__file__).resolve().parent


def with_cells(notebook, *sources, after="setup"):
    """``notebook`` with plain code cells holding ``sources`` right after the cell ``after``."""
    index = next(i for i, c in enumerate(notebook.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == after)
    notebook.cells[index + 1:index + 1] = [nbformat.v4.new_code_cell(s) for s in sources]
    return notebook


def lean(replacements=None):
    """A submission without the demonstration cells: the attacks live in the cells that grade."""
    return submission(LESSON, replacements, demos=False)


def wrong(function, name, extra=""):
    return {function: extra + WRONG[name].source}


def correct_with(*sources, after="setup"):
    return with_cells(lean(), *sources, after=after)


RUNPY = "import runpy\nrunpy.run_path = lambda *a, **k: {}\n"
LOOKALIKE = f"""
import sys, types
fake = types.ModuleType("testcases.lesson07")
fake.check = lambda name, fn: print({PASSED!r})
sys.modules["testcases.lesson07"] = fake
"""
NUMPY_PATCH = """
import numpy
numpy.allclose = lambda *a, **k: True
numpy.isclose = lambda a, b, **k: numpy.ones(numpy.shape(a), dtype=bool)
numpy.array_equal = lambda *a, **k: True
"""
FRAMES = """
import sys
def linear_forward(A, W, b):
    frame = sys._getframe(1)
    while frame is not None:
        for value in frame.f_locals.values():
            if isinstance(value, dict) and "Z" in value and not callable(value["Z"]):
                return value["Z"], (A, W, b)
        frame = frame.f_back
    return np.zeros((W.shape[0], A.shape[1])), (A, W, b)
"""
TRANSFORMER = """
def _swallow(lines):
    return ["try:\\n"] + ["    " + line for line in lines] + ["\\nexcept BaseException:\\n    pass\\n"]
get_ipython().input_transformers_post.append(_swallow)
"""
EXECUTE_RESULT = """
def linear_activation_forward(A_prev, W, b, activation):
    get_ipython().displayhook(2)
    Z, cache = linear_forward(A_prev, W, b)
    return Z, (cache, Z)
"""
THREAD_REFERENCE = """
import sys, threading
def linear_forward(A, W, b):
    sys.setprofile(None)
    box = []
    def work():
        from dlutils.reference.lesson07 import linear_forward as answer
        box.append(answer(A, W, b))
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return box[0] if box else (np.dot(W, A), (A, W, b))
"""
GRADEBOOK = """
import glob, os, sqlite3
for path in glob.glob("../../../gradebook.db") + glob.glob("/tmp/**/gradebook.db", recursive=True):
    try:
        db = sqlite3.connect(path)
        db.execute("UPDATE grade SET manual_score = 1000")
        db.commit()
    except Exception as exc:
        print("gradebook:", type(exc).__name__)
"""
FILES = f"""
import os
for path in ["../../../solutions/PWNED", "../../../nbgrader_config.py.PWNED", "{PACKAGE}/PWNED",
             "{PACKAGE}/lesson07/expected.json", "../../../notebooks/PWNED"]:
    try:
        with open(path, "a") as file:
            file.write("")
        print("wrote", path)
    except Exception as exc:
        print("cannot write", path, type(exc).__name__)
"""
OTHERS = """
import glob
for path in glob.glob("../../../submitted/*/*/*.ipynb") + glob.glob("../../*/*/*.ipynb"):
    try:
        open(path, "w").write("{}")
    except Exception as exc:
        print("cannot write", type(exc).__name__)
"""
KILL = """
import os, signal
for target in (os.getppid(), 1):
    try:
        os.kill(target, signal.SIGKILL)
    except Exception as exc:
        print("cannot kill", type(exc).__name__)
try:
    os.killpg(os.getpgid(os.getppid()), signal.SIGKILL)
except Exception as exc:
    print("cannot kill group", type(exc).__name__)
os.kill(-1, signal.SIGKILL)
os.kill(os.getpid(), signal.SIGKILL)
"""
EXIT = "import os\nos._exit(1)\n"
UNINTERRUPTIBLE = "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass\n"
FLOOD = "print('x' * 100_000_000)"
MEMORY = "try:\n    block = bytearray(50 * 1024 ** 3)\nexcept MemoryError:\n    print('no memory')\n"
FORKS = """
import os, time
children = 0
for _ in range(500):
    try:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
        children += 1
    except OSError:
        break
print("forked", children)
"""
NETWORK = """
import socket
try:
    socket.create_connection(("127.0.0.1", 22), timeout=2)
    print("network reachable")
except OSError as exc:
    print("no network", type(exc).__name__)
"""
# Issue 22. A wrong compute_cost that looks for lesson 07's answers in every file it might read: a
# copy the kernel relayed through a shared folder, the given helpers of lesson 08 and the reference
# in every copy of the course's packages (the editable install's source tree, found by the import
# system), the solution notebooks beside them.
ANSWERS_ANYWHERE = """
import glob, json, os, sys, time

def _answer_files():
    roots = set()
    for finder in sys.meta_path:
        mapping = getattr(sys.modules.get(getattr(finder, "__module__", "")), "MAPPING", None)
        roots |= {os.path.dirname(p) for p in (mapping or {}).values()}
    import dlutils, testcases
    roots |= {os.path.dirname(p) for package in (dlutils, testcases) for p in package.__path__}
    files = []
    for root in roots:
        files += [os.path.join(root, "dlutils", "given", "lesson08.py"),
                  os.path.join(root, "dlutils", "reference", "lesson07.py")]
        files += glob.glob(os.path.join(root, "solutions", "07_*", "*.ipynb"))
    for place in ("/tmp", "/var/tmp", "/dev/shm"):
        files += glob.glob(os.path.join(place, "relay_*.py"))
    return files

_WAITED = []

def compute_cost(AL, Y):
    while True:
        for path in _answer_files():
            try:
                text = open(path).read()
                if path.endswith(".ipynb"):
                    text = "\\n".join("".join(c["source"]) for c in json.loads(text)["cells"]
                                       if "def compute_cost" in "".join(c["source"]))
                namespace = {}
                exec(text, namespace)
                return namespace["compute_cost"](AL, Y)
            except Exception:
                pass
        if _WAITED:
            return -np.sum(Y * np.log(AL)) / Y.shape[1]
        _WAITED.append(time.sleep(1.5))
"""
RELAY = """
import glob, os, shutil
import dlutils
sources = [f for folder in dlutils.__path__ for f in glob.glob(os.path.join(folder, "given", "lesson08.py"))]
for place in ("/tmp", "/var/tmp", "/dev/shm"):
    for source in sources:
        try:
            shutil.copy(source, os.path.join(place, "relay_lesson08.py"))
            print("relayed to", place)
        except Exception as exc:
            print("cannot relay to", place, type(exc).__name__)
print("relayed bytes", sum(len(open(f).read()) for f in sources))
"""
SNOOP = """
import glob, os
print("other students:", sorted(os.listdir("../..")))
for pattern in ("../../../autograded/*", "../../../*", "/tmp/*"):
    print("listed", pattern, sorted(glob.glob(pattern)))
"""
MALFORMED_FRAME = """
import os, socket, struct

def compute_cost(AL, Y):
    if "NBGRADER_EXECUTION" not in os.environ:  # in the judge's child, not in the kernel
        for fd in range(3, 64):
            try:
                sock = socket.socket(fileno=os.dup(fd))
            except OSError:
                continue
            if sock.family == socket.AF_UNIX:
                sock.sendall(struct.pack("!Q", 5) + b"{{{{{")
            sock.close()
    return -np.sum(Y * np.log(AL)) / Y.shape[1]
"""
CHILD_VIEW = """
import os

def compute_cost(AL, Y):
    if "NBGRADER_EXECUTION" in os.environ:  # in the kernel
        return -np.sum(Y * np.log(AL)) / Y.shape[1]
    import dlutils, testcases
    course = [p for package in (dlutils, testcases) for p in package.__path__ if os.path.exists(p)]
    processes = [p for p in os.listdir("/proc") if p.isdigit()]
    raise RuntimeError(f"course {course} tmp {sorted(os.listdir('/tmp'))} cwd {os.getcwd()} processes {len(processes)}")
"""
LYING_SHAPE = """
class _Liar(np.ndarray):
    @property
    def shape(self):
        return (1, 1)

_update = update_parameters

def update_parameters(parameters, grads, learning_rate):
    return {key: np.asarray(value).view(_Liar) for key, value in _update(parameters, grads, learning_rate).items()}
"""


def _solution(function):
    return answer_cells(read(solution_path(LESSON)))[function].source


def _markers_everywhere():
    notebook = correct_with("# ### BEGIN HIDDEN TESTS\nx = 1\n# ### END HIDDEN TESTS\n# ### BEGIN SOLUTION",
                            after="linear_forward")
    notebook.cells.append(nbformat.v4.new_markdown_cell("### BEGIN HIDDEN TESTS\n### END SOLUTION"))
    return notebook


def _tampered_points():
    notebook = lean()
    grade_cells(notebook)["test_linear_forward"].metadata["nbgrader"]["points"] = 100
    return notebook


def _unknown_grade_cell():
    notebook = correct_with("print('bonus')")
    cell = notebook.cells[2]
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "test_bonus", "points": 100, "locked": False,
                                 "solution": False, "schema_version": 3}
    return notebook


def _duplicate_test_cell():
    notebook = lean(wrong("linear_forward", "linear_forward_no_bias"))
    copy = nbformat.from_dict(grade_cells(notebook)["test_linear_forward"])
    copy.source = "pass"
    notebook.cells.append(copy)
    return notebook


# student -> (notebook, test cells that must score 0); every other cell keeps its points.
STUDENTS = {
    "honest_correct": (submission(LESSON), set()),  # the whole notebook
    "honest_wrong": (lean(wrong("linear_forward", "linear_forward_no_bias")), {"test_linear_forward"}),
    "runpy": (lean(wrong("linear_forward", "linear_forward_no_bias", RUNPY)), {"test_linear_forward"}),
    "lookalike_module": (lean(wrong("compute_cost", "cost_no_mean", LOOKALIKE)), {"test_compute_cost"}),
    "numpy_patch": (lean(wrong("linear_backward", "lb_dW_no_mean", NUMPY_PATCH)),
                    {"test_linear_backward"}),
    "stack_frames": (lean({"linear_forward": FRAMES}), {"test_linear_forward"}),
    "input_transformer": (lean(wrong("update_parameters", "update_plus", TRANSFORMER)),
                          {"test_update_parameters"}),
    "execute_result": (lean({"linear_activation_forward": EXECUTE_RESULT}),
                       {"test_linear_activation_forward"}),
    "thread_reference": (lean({"linear_forward": THREAD_REFERENCE}), {"test_linear_forward"}),
    "gradebook": (correct_with(GRADEBOOK), set()),
    "course_files": (correct_with(FILES), set()),
    "other_submissions": (correct_with(OTHERS), set()),
    "kill_grader": (correct_with(KILL), set()),
    "kernel_exit": (correct_with(EXIT, after="L_model_backward"), set()),
    "answer_exit": (lean({"L_model_backward": EXIT}), {"test_L_model_backward", "test_update_parameters"}),
    "uninterruptible": (lean({"compute_cost": UNINTERRUPTIBLE}),
                        {"test_compute_cost", "test_linear_backward", "test_linear_activation_backward",
                         "test_L_model_backward", "test_update_parameters"}),
    "points_edited": (_tampered_points(), set()),
    "unknown_grade_cell": (_unknown_grade_cell(), set()),
    "duplicate_test_cell": (_duplicate_test_cell(), {"test_linear_forward"}),
    "output_flood": (correct_with(FLOOD), set()),
    "memory": (correct_with(MEMORY), set()),
    "fork_loop": (correct_with(FORKS), set()),
    "network": (correct_with(NETWORK), set()),
    "relay_tmp": (with_cells(lean({"compute_cost": ANSWERS_ANYWHERE}), RELAY), {"test_compute_cost"}),
    "source_tree": (lean({"compute_cost": ANSWERS_ANYWHERE}), {"test_compute_cost"}),
    "snoop": (correct_with(SNOOP), set()),
    "malformed_frame": (lean({"compute_cost": MALFORMED_FRAME}), {"test_compute_cost"}),
    "child_view": (lean({"compute_cost": CHILD_VIEW}), {"test_compute_cost"}),
    "lying_shape": (lean({"update_parameters": WRONG["update_plus"].source + LYING_SHAPE}),
                    {"test_update_parameters"}),
    "marker_unclosed": (lean({"compute_cost": "# ### BEGIN HIDDEN TESTS\n" + _solution("compute_cost")}), set()),
    "markers_everywhere": (_markers_everywhere(), set()),
}


def fingerprint(*folders, skip=()):
    digests = {}
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and not any(part in skip for part in path.relative_to(folder).parts[:1]) \
                    and "__pycache__" not in path.parts:
                digests[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    before = fingerprint(PACKAGE / "lesson07", PACKAGE / "engine")
    result = grade_class(root, LESSON, {s: nb for s, (nb, _) in STUDENTS.items()}, TIMEOUT, CONFIG)
    return result, before


def test_the_run_finishes_and_grades_everyone(graded):
    result, _ = graded
    assert set(result.scores) == set(STUDENTS)
    assert all(result.scores[s] for s in STUDENTS)


@pytest.mark.parametrize("student", sorted(STUDENTS))
def test_a_cell_scores_at_most_its_honest_score(graded, student):
    result, _ = graded
    zeros = STUDENTS[student][1]
    got = {cell: score for cell, (score, _) in result.scores[student].items()}
    honest = {cell: (0 if cell in zeros else maximum) for cell, (_, maximum) in result.scores[student].items()}
    assert got == honest


def test_release_points_are_kept(graded):
    result, _ = graded
    maximum = {cell: m for cell, (_, m) in result.scores["honest_correct"].items()}
    for student in STUDENTS:
        assert {cell: m for cell, (_, m) in result.scores[student].items()} == maximum


def test_nothing_outside_the_run_changes(graded):
    result, before = graded
    assert fingerprint(PACKAGE / "lesson07", PACKAGE / "engine") == before
    assert not list(PACKAGE.rglob("PWNED"))
    course = result.course
    for name in ("solutions", "notebooks"):
        assert not list((course / name).rglob("PWNED"))
    for student, (notebook, _) in STUDENTS.items():
        path = course / "submitted" / student / LESSON / f"{LESSON}.ipynb"
        assert read(path) == notebook, student


def test_a_judge_child_sees_nothing_of_the_course_and_no_other_process(graded):
    result, _ = graded
    cell = grade_cells(result.notebook("autograded", "child_view", LESSON))["test_compute_cost"]
    verdict = "".join("".join(o.get("traceback", [])) for o in cell.outputs)
    assert f"RuntimeError: course [] tmp {kept_under_tmp()} cwd / processes 1" in verdict, verdict


def test_everyone_gets_feedback(graded):
    result, _ = graded
    missing = [s for s in STUDENTS if not (result.course / "feedback" / s / LESSON / f"{LESSON}.html").is_file()]
    assert missing == []


def test_flooded_output_is_cut(graded):
    result, _ = graded
    for folder, name in (("autograded", f"{LESSON}.ipynb"), ("feedback", f"{LESSON}.html")):
        assert (result.course / folder / "output_flood" / LESSON / name).stat().st_size < 3_000_000


def test_confined_cells_report_what_they_could_not_do(graded):
    result, _ = graded
    text = {s: "".join(o.get("text", "") for c in result.notebook("autograded", s, LESSON).cells
                       for o in c.get("outputs", [])) for s in ("course_files", "network", "fork_loop", "relay_tmp",
                                                                "snoop")}
    assert "wrote" not in text["course_files"]
    assert "no network" in text["network"]
    assert "forked" in text["fork_loop"]
    assert "relayed bytes 0" in text["relay_tmp"]  # lesson 08's helpers are empty for a kernel of 07
    assert "other students: ['snoop']" in text["snoop"]
    assert not any(s in text["snoop"] for s in STUDENTS if s != "snoop")
