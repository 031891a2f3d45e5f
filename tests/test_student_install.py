"""The student's install, end to end: ``dlgrade bundle``, a fresh venv, the public checks, a real browser.

All heavy work happens once, in the module fixture ``student``: two bundles (every
released lesson, and up to lesson 07), then a fresh venv (``python -m venv``, no system
site packages) with the first bundle's wheel and its dependencies from the package index:
JupyterLab, its Korean language pack, numpy, pandas, matplotlib ... (about 1.5
minutes on 2 busy cores; ``--no-compile`` saves the bytecode pass). The browser test
drives Debian's Chromium (``apt-get install chromium fonts-nanum``) with Playwright
against JupyterLab started by the student's own command, ``dl-course``, and saves a
screenshot of each step in ``test-output/browser/``.
"""
import ast
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from course import LESSONS, ROOT, answer_cells, bank, grade_cells, read, setup_cell, solution_path
from dlgrade import bundle as student_bundle

pytestmark = [pytest.mark.autograde, pytest.mark.xdist_group("bundle")]

RUNNER = Path(__file__).resolve().parent / "student_runner.py"
SCREENSHOTS = ROOT / "test-output" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ENGINE_LEFT_OUT = ("judge", "child", "sandbox", "kernel", "warm", "warm_kernel", "warm_judge", "nbgrader_preprocessors",
                   "pipe", "findings", "mistakes")
PASSED = "공개 테스트 통과"
WARM_UP = ("import ipykernel.kernelapp, jupyterlab.labapp, matplotlib.pyplot, pandas, dlutils.data, dlutils.plotting, "
           "testcases.engine.runner")
# Every label, title and text of the page outside the notebook's cells: where nbgrader's menus, panels and
# its Validate button would be.
CHROME_TEXT = """() => Array.from(document.querySelectorAll('body *'))
    .filter(e => !e.closest('.jp-Notebook'))
    .map(e => [e.getAttribute('title'), e.getAttribute('aria-label'), e.childElementCount ? '' : e.textContent]
                .filter(Boolean).join(' '))
    .join('\\n')"""


@dataclass
class Bundle:
    folder: Path
    plan: student_bundle.Plan
    wheel: Path
    seconds: float

    def files(self):
        """``{name: bytes}`` of every file in the bundle and every file inside its wheel (``wheel!path``)."""
        found = {}
        for path in sorted(self.folder.rglob("*")):
            if path.is_file():
                found[str(path.relative_to(self.folder))] = path.read_bytes()
        with zipfile.ZipFile(self.wheel) as wheel:
            for name in wheel.namelist():
                found[f"{self.wheel.name}!{name}"] = wheel.read(name)
        return found

    def wheel_names(self):
        with zipfile.ZipFile(self.wheel) as wheel:
            return wheel.namelist()


@dataclass
class Student:
    full: Bundle
    upto07: Bundle
    venv: Path
    install_seconds: float

    @property
    def python(self):
        return self.venv / "bin" / "python"

    def run(self, *args):
        """The venv's Python, isolated (``-I``: no current folder, no user site) and away from the repository."""
        return subprocess.run([str(self.python), "-I", *args], capture_output=True, text=True, env=clean_env(),
                              cwd=self.venv)


def clean_env(**extra):
    """This process's environment without the instructor's venv, so the student's venv stands alone."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != bin_dir)
    env.update(extra)
    return env


def build(folder, upto=None):
    started = time.monotonic()
    plan, wheel = student_bundle.bundle(folder, upto)
    return Bundle(folder, plan, wheel, time.monotonic() - started)


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    base = tmp_path_factory.mktemp("student")
    full, upto07 = build(base / "bundle"), build(base / "bundle07", "07")
    venv = base / "venv"
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=clean_env())
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-compile",
                              str(full.wheel)], capture_output=True, text=True, env=clean_env())
    assert install.returncode == 0, install.stdout + install.stderr
    # What a student's first start imports, compiled once here (pip ran with --no-compile, which is faster).
    warm = subprocess.run([str(venv / "bin" / "python"), "-I", "-c", WARM_UP], capture_output=True, text=True,
                          env=clean_env(MPLBACKEND="Agg"), cwd=venv)
    assert warm.returncode == 0, warm.stderr
    result = Student(full, upto07, venv, time.monotonic() - started)
    print(f"\n학생용 묶음: {full.seconds:.0f}초, {upto07.seconds:.0f}초; 새 venv에 설치: {result.install_seconds:.0f}초")
    return result


# ── what the bundle holds ──

def test_bundle_holds_the_released_lessons_and_no_instructor_files(student):
    bundle = student.full
    released = student_bundle.released_lessons(ROOT)
    assert bundle.plan.lessons == released and bundle.plan.upto == max(released)
    names = set(bundle.wheel_names())
    assert (bundle.folder / "notebooks" / "glossary.md").is_file() and "dl_course/lessons/glossary.md" in names
    for number, lesson in released.items():
        assert (bundle.folder / "notebooks" / lesson / f"{lesson}.ipynb").is_file()
        assert f"dl_course/lessons/{lesson}/{lesson}.ipynb" in names
        for part in ("__init__.py", "exercises.py", "expected.json"):
            assert f"testcases/lesson{number}/{part}" in names
    for path in (ROOT / "data").iterdir():
        assert (bundle.folder / "data" / path.name).is_file() and f"dlutils/_data/{path.name}" in names
    for module in student_bundle.CORE_MODULES:
        assert f"dlutils/{module}.py" in names
    assert {f"testcases/engine/{m}.py" for m in student_bundle.ENGINE_MODULES} <= names
    assert not [n for n in names if Path(n).stem in ENGINE_LEFT_OUT and n.startswith("testcases/engine/")]
    everything = list(bundle.files())
    for forbidden in ("dlutils/reference", "solutions/", "tests/", "dlgrade/", "nbgrader_config", "gradebook"):
        assert not [n for n in everything if forbidden in n], forbidden
    readme = (bundle.folder / "README.md").read_text(encoding="utf-8")
    assert f"pip install ./{bundle.wheel.name} && ~/dl-venv/bin/dl-course" in readme
    metadata = zipfile.ZipFile(bundle.wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    requires = [line.split(":", 1)[1].strip().lower() for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    assert any(r.startswith("jupyterlab-language-pack-ko-kr") for r in requires)
    assert not any(r.startswith(("nbgrader", "notebook")) for r in requires), requires
    overrides = next(n for n in names if n.endswith("data/share/jupyter/lab/settings/overrides.json"))
    assert json.loads(zipfile.ZipFile(bundle.wheel).read(overrides)) == student_bundle.LAB_OVERRIDES


def test_bundle_up_to_07_leaves_out_later_lessons_and_their_given_helpers(student):
    bundle = student.upto07
    names = set(bundle.wheel_names())
    given = sorted(n for n in names if re.fullmatch(r"dlutils/given/lesson\d\d\.py", n))
    assert given and all(n[-5:-3] <= "07" for n in given), given
    assert "dlutils/given/lesson08.py" not in names
    lessons_in = sorted({m.group(1) for n in names if (m := re.match(r"testcases/lesson(\d\d)/", n))})
    assert lessons_in == sorted(bundle.plan.lessons) and max(lessons_in) <= "07"
    notebooks = sorted(p.name for p in (bundle.folder / "notebooks").iterdir() if p.is_dir())
    assert notebooks == sorted(bundle.plan.lessons.values()) and all(n[:2] <= "07" for n in notebooks)
    assert (bundle.folder / "notebooks" / "glossary.md").is_file()


def _normalised(text):
    return re.sub(r"\s+", "", text)


def _function_bodies(path, only=lambda name: True):
    """``{module.function: body}`` of every function in ``path`` (methods too), docstrings left out,
    whitespace removed. Bodies that only set attributes or names to constants (``self.x = None``,
    a skeleton a lesson gives) are left out: they are not answers."""
    text = path.read_text(encoding="utf-8")
    bodies = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and only(node.name):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            trivial = all(isinstance(s, ast.Pass) or (isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant))
                          for s in body)
            if body and not trivial:
                bodies[f"{path.stem}.{node.name}"] = _normalised("\n".join(ast.get_source_segment(text, s) for s in body))
    return bodies


def _searchable(name, data):
    """A file's text with whitespace removed (a notebook's cell sources and outputs); None for binary files."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if name.endswith(".ipynb"):
        cells = json.loads(text)["cells"]
        text = "\n".join("".join(c["source"]) + json.dumps(c.get("outputs", []), ensure_ascii=False) for c in cells)
    return _normalised(text)


@pytest.mark.parametrize("which", ["full", "upto07"])
def test_no_file_holds_reference_or_hidden_test_code(student, which):
    bundle = getattr(student, which)
    references = {}
    for path in sorted((ROOT / "dlutils" / "reference").glob("*.py")):
        references.update(_function_bodies(path))
    hidden = {}
    for path in sorted((ROOT / "testcases").glob("lesson*/exercises.py")):
        hidden.update({f"{path.parent.name}.{k}": v
                       for k, v in _function_bodies(path, lambda name: name.startswith("_hidden_")).items()})
    assert references and hidden
    found = []
    for name, data in bundle.files().items():
        text = _searchable(name, data)
        if text is None:
            continue
        found += [f"{name}: 참조 구현 {f}" for f, body in references.items() if body in text]
        found += [f"{name}: 숨겨진 테스트 {f}" for f, body in hidden.items() if body in text]
        if "_hidden_" in text:
            found.append(f"{name}: _hidden_")
    assert not found, "\n".join(found)


# ── the fresh venv ──

def test_student_install_has_korean_jupyterlab_and_no_instructor_tools(student, tmp_path):
    check = student.run("-c", (
        "import importlib.util, json, sys\n"
        "print(json.dumps({m: importlib.util.find_spec(m) is not None for m in\n"
        "    ('nbgrader', 'jupyterlab', 'jupyterlab_language_pack_ko_KR', 'dlutils.reference', 'testcases.engine.judge',\n"
        "     'ipywidgets', 'mlxtend', 'koreanize_matplotlib')}))"))
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout) == {
        "nbgrader": False, "jupyterlab": True, "jupyterlab_language_pack_ko_KR": True, "dlutils.reference": False,
        "testcases.engine.judge": False, "ipywidgets": True, "mlxtend": False, "koreanize_matplotlib": True}
    overrides = student.venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(overrides.read_text())["@jupyterlab/translation-extension:plugin"] == {"locale": "ko_KR"}
    for kind in ("labextension", "server"):
        listed = subprocess.run([str(student.venv / "bin" / "jupyter"), kind, *(["extension"] if kind == "server" else []),
                                 "list"], capture_output=True, text=True, env=clean_env(HOME=str(tmp_path)))
        assert listed.returncode == 0 and "nbgrader" not in (listed.stdout + listed.stderr).lower()


def _imported_modules(code):
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    return ({a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
            | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level})


def test_every_import_of_the_bundled_notebooks_is_installed(student):
    modules = set()
    for lesson in student.full.plan.lessons.values():
        for code in student_bundle._notebook_code(student.full.folder / "notebooks" / lesson / f"{lesson}.ipynb"):
            modules |= _imported_modules(code)
    assert {"numpy", "dlutils.plotting"} <= modules
    check = student.run("-c", (
        "import importlib.util, json\n"
        f"print(json.dumps([m for m in {sorted(modules)!r} if importlib.util.find_spec(m) is None]))"))
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout) == []


def test_stripped_exercises_have_no_hidden_cases(student):
    numbers = sorted(student.full.plan.lessons)
    check = student.run("-c", (
        "from testcases.engine import lessons\n"
        f"for n in {numbers!r}:\n"
        "    for name, exercise in lessons.load(n).exercises.items():\n"
        "        assert exercise.hidden is None, (n, name)\n"
        "print(lessons.PACKAGE_DIR)"))
    assert check.returncode == 0, check.stderr
    assert Path(check.stdout.strip()).is_relative_to(student.venv)


def _job():
    lessons_in = [lesson for lesson in LESSONS if lesson in student_bundle.released_lessons(ROOT).values()]
    job = []
    for lesson in lessons_in:
        solution = read(solution_path(lesson))
        try:
            answers = bank(lesson)
        except ModuleNotFoundError:
            answers = None
        variants = {}
        for kind in ("WRONG", "CORRECT"):
            for name, answer in sorted(getattr(answers, kind, {}).items()):
                variants[f"{kind}:{name}"] = [answer.function, answer.source]
        job.append({"lesson": lesson, "setup": setup_cell(solution).source,
                    "answers": {k: c.source for k, c in answer_cells(solution).items()},
                    "tests": {k[len("test_"):]: c.source for k, c in grade_cells(solution).items()},
                    "variants": variants, "feedback": {f"WRONG:{n}": a.feedback for n, a in
                                                       sorted(getattr(answers, "WRONG", {}).items())}})
    return job


def _run_job(python, job, cwd):
    started = time.monotonic()
    run = subprocess.run([str(python), "-I", str(RUNNER)], input=json.dumps({"lessons": job}), capture_output=True,
                         text=True, cwd=cwd, env=clean_env(MPLBACKEND="Agg"), timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout), time.monotonic() - started


def _differences(ours, theirs):
    """Short lines naming each run and check whose result differs between two installs."""
    lines = []
    for run in sorted(set(ours) | set(theirs)):
        for function in sorted(set(ours.get(run, {})) | set(theirs.get(run, {}))):
            a, b = ours.get(run, {}).get(function, {}), theirs.get(run, {}).get(function, {})
            for key in ("passed", "error", "stdout"):
                if a.get(key) != b.get(key):
                    lines.append(f"{run} {function} {key}: 학생 {str(a.get(key))[-300:]!r} / 강사 {str(b.get(key))[-300:]!r}")
    return lines


def test_public_checks_in_the_student_install_match_the_instructors(student, tmp_path):
    """Every lesson's solution passes every public check in the student's venv; every bank answer (wrong and
    correct) gets exactly the result, output and Korean hint it gets in the instructor's install, except
    answers that import the reference: the student's install has none, so they fail there."""
    job = _job()
    assert {j["lesson"] for j in job} == set(student.full.plan.lessons.values()) & set(LESSONS)
    mine, seconds = _run_job(student.python, job, tmp_path)
    theirs, _ = _run_job(sys.executable, job, ROOT)
    print(f"\n공개 테스트 (학생 venv): {seconds:.0f}초")
    assert Path(mine["where"]["testcases"]).is_relative_to(student.venv)
    assert Path(mine["where"]["dlutils"]).is_relative_to(student.venv)
    differences, hints = [], {}
    for lesson in job:
        name = lesson["lesson"]
        ours, reference = dict(mine["lessons"][name]), dict(theirs["lessons"][name])
        assert "setup" not in ours, ours.get("setup")
        for function, result in ours["solution"].items():
            assert result["passed"] and result["stdout"].rstrip().endswith(PASSED), (name, function, result)
        for run, (function, source) in lesson["variants"].items():
            if "dlutils.reference" in source:
                assert not ours.pop(run)[function]["passed"], (name, run)
                reference.pop(run)
        differences += [f"{name} {line}" for line in _differences(ours, reference)]
        hints[name] = [run for run, feedback in lesson["feedback"].items()
                       if feedback and run in ours and feedback in ours[run][lesson["variants"][run][0]]["error"]]
    assert not differences, "학생 설치의 공개 테스트가 강사 설치와 다르게 동작합니다:\n" + "\n".join(differences)
    # a wrong answer still gets its Korean hint in the student's install, in every lesson with a bank
    assert all(hints[j["lesson"]] for j in job if j["feedback"]), hints


def test_dl_course_copies_new_lessons_and_never_overwrites(student, tmp_path):
    work = tmp_path / "work"
    command = [str(student.venv / "bin" / "dl-course"), str(work), "--no-lab"]
    first = subprocess.run(command, capture_output=True, text=True, env=clean_env())
    assert first.returncode == 0, first.stderr
    lessons_in = sorted(student.full.plan.lessons.values())
    assert sorted(p.name for p in work.iterdir()) == sorted(lessons_in + ["glossary.md"])
    mine = work / lessons_in[0] / f"{lessons_in[0]}.ipynb"
    mine.write_text("{}", encoding="utf-8")            # the student's own work
    (work / "glossary.md").write_text("내 메모", encoding="utf-8")
    shutil.rmtree(work / lessons_in[-1])                 # a lesson not yet there
    again = subprocess.run(command, capture_output=True, text=True, env=clean_env())
    assert again.returncode == 0 and "새 실습 1개" in again.stdout, again.stdout
    assert mine.read_text(encoding="utf-8") == "{}" and (work / "glossary.md").read_text(encoding="utf-8") == "내 메모"
    assert (work / lessons_in[-1] / f"{lessons_in[-1]}.ipynb").is_file()
    lab = student.run("-c", "import dl_course, pathlib; print(dl_course.lab_command(pathlib.Path('/w')))")
    expected_root = "--allow-root" if os.geteuid() == 0 else "--ServerApp.root_dir=/w"
    assert expected_root in lab.stdout and "jupyterlab" in lab.stdout


# ── a real browser ──

def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url, process, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "JupyterLab이 시작하지 못했습니다"
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"JupyterLab이 {seconds}초 안에 뜨지 않았습니다")


def _replace_line(page, cell, old_text, new_text):
    """Click the editor line holding ``old_text`` in ``cell`` and type ``new_text`` over that line."""
    cell.locator(".cm-line", has_text=old_text).click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    page.keyboard.insert_text(new_text)


class Screenshots:
    """Numbered screenshots of a browser session in ``test-output/browser/``, with a line per step."""

    def __init__(self, started):
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)
        SCREENSHOTS.mkdir(parents=True)
        self.started, self.steps = started, []

    def take(self, page, name, what):
        path = SCREENSHOTS / f"{len(self.steps) + 1}-{name}.png"
        page.screenshot(path=str(path))
        self.steps.append(f"{path.relative_to(ROOT)}: {what} ({time.monotonic() - self.started:.0f}초)")

    def write(self):
        (SCREENSHOTS / "steps.txt").write_text("\n".join(self.steps) + "\n", encoding="utf-8")
        print("\n브라우저 스크린숏:\n  " + "\n  ".join(self.steps))


def _wait_for_idle_kernel(server, token, seconds=120):
    """Until the notebook's kernel has started and is idle (the first start in a fresh venv is slow)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{server}/api/sessions?token={token}", timeout=5) as response:
            if any(s["kernel"]["execution_state"] == "idle" for s in json.load(response) if s.get("kernel")):
                return
        time.sleep(0.5)
    raise AssertionError(f"커널이 {seconds}초 안에 준비되지 않았습니다")


def _student_session(page, server, token, lesson, shots):
    """Lesson 01 as a student meets it: Korean menus, no nbgrader, a wrong answer's hint, then a pass."""
    page.goto(f"{server}/lab/tree/{lesson}/{lesson}.ipynb?token={token}")
    menus = page.locator("#jp-MainMenu .lm-MenuBar-itemLabel")
    menus.filter(has_text="파일").wait_for()
    _wait_for_idle_kernel(server, token)
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    assert not page.locator(".jp-Dialog").count(), "대화 상자가 떴습니다 (커널 선택?)"
    labels = menus.all_inner_texts()
    assert {"파일", "편집", "보기", "실행", "커널", "설정", "도움말"} <= set(labels), labels
    assert not [label for label in labels if "grader" in label.lower() or label.isascii()], labels
    shots.take(page, "opened", "01 실습을 연 화면: 메뉴가 한국어")
    menus.filter(has_text="파일").click()
    page.locator(".lm-Menu").first.wait_for()
    shots.take(page, "file-menu", "파일 메뉴")
    page.keyboard.press("Escape")
    chrome = page.evaluate(CHROME_TEXT).lower()    # JupyterLab's own widgets, not the lesson's text
    assert "파일" in chrome and not [w for w in ("nbgrader", "formgrader", "validate", "assignment") if w in chrome]

    setup = page.locator(".jp-CodeCell").first
    setup.locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    setup.locator(".jp-InputPrompt", has_text=re.compile(r"\[\d+\]")).wait_for()
    answer = page.locator(".jp-CodeCell", has_text="def normalize(images)")
    test = page.locator(".jp-CodeCell", has_text='check("normalize", normalize)')

    _replace_line(page, answer, "raise NotImplementedError", "normalized = images / 255")
    page.keyboard.press("Shift+Enter")     # the answer cell, then its check cell
    page.keyboard.press("Shift+Enter")
    test.locator(".jp-OutputArea-output", has_text="255로 나누기는").wait_for()
    test.locator(".jp-InputPrompt", has_text=re.compile(r"\[\d+\]")).wait_for()   # finished running
    assert PASSED not in test.locator(".jp-OutputArea").inner_text()
    test.locator(".jp-OutputArea-output").last.scroll_into_view_if_needed()
    shots.take(page, "wrong-answer-hint", "틀린 답 (255로 나눔): 한국어 힌트")

    _replace_line(page, answer, "normalized = images / 255",
                  "low, high = images.min(), images.max()\n    if high == low:\n"
                  "        normalized = np.zeros(images.shape)\n    else:\n"
                  "        normalized = (images - low) / (high - low)")
    page.keyboard.press("Shift+Enter")
    page.keyboard.press("Shift+Enter")
    test.locator(".jp-OutputArea-output", has_text=PASSED).wait_for()
    test.locator(".jp-InputPrompt", has_text=re.compile(r"\[\d+\]")).wait_for()
    assert "255로 나누기는" not in test.locator(".jp-OutputArea").inner_text()
    answer.scroll_into_view_if_needed()
    shots.take(page, "fixed-answer", "고친 답")
    test.locator(".jp-OutputArea-output").last.scroll_into_view_if_needed()
    shots.take(page, "fixed-answer-passes", "고친 답의 채점 셀: 공개 테스트 통과")


def test_lesson_01_in_a_real_browser(student, tmp_path):
    """A student opens lesson 01 in Korean JupyterLab, types a wrong answer, reads the hint, fixes it, passes.

    JupyterLab is started by the student's command from the venv, with the venv NOT on
    PATH (as from a fresh terminal) and a home of its own (no settings of this machine).
    """
    assert CHROMIUM.is_file(), "Debian의 chromium이 필요합니다: apt-get install -y chromium fonts-nanum"
    from playwright.sync_api import sync_playwright

    lesson = student.full.plan.lessons["01"]
    home, port, token = tmp_path / "home", _free_port(), "student-browser-test"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
    started = time.monotonic()
    shots = Screenshots(started)
    with (tmp_path / "lab.log").open("w") as log:
        lab = subprocess.Popen([str(student.venv / "bin" / "dl-course"), str(home / "dl-course-work"), "--no-browser",
                                f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}"],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}", lab)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.set_default_timeout(120_000)  # generous: CI's 2 cores may be busy with other tests
                try:
                    _student_session(page, f"http://127.0.0.1:{port}", token, lesson, shots)
                except Exception:
                    shots.take(page, "failure", "실패한 순간")
                    raise
                finally:
                    browser.close()
        finally:
            lab.terminate()
            try:
                lab.wait(20)
            except subprocess.TimeoutExpired:
                lab.kill()
            shots.write()
    print(f"브라우저 테스트: {time.monotonic() - started:.0f}초 (JupyterLab 시작 포함)")
    if time.monotonic() - started > 120:
        print((tmp_path / "lab.log").read_text(encoding="utf-8")[-3000:])
