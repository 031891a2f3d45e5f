"""A class on one server, the whole loop with the real pieces: ``dlgrade hub`` (JupyterHub from PyPI behind
Debian's configurable-http-proxy, PAM login), Linux accounts from the roster, nbgrader's exchange, and
Debian's Chromium driven by Playwright.

One hub serves the module (``loop`` runs the loop once; the tests read what it saw): the instructor
releases lesson 01; one student logs in through Chromium, fetches it from the assignment list, fills two
answers, runs the checks and submits; two more log in and work through the hub's REST API; the instructor
collects, autogrades (as root, confined), makes and releases the feedback; the students fetch it. Then the
students try to read what they must not. Screenshots are kept in ``test-output/hub/``.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import hub_class
from bank.lesson01 import WRONG
from course import ROOT, answer_cells, grade_cells, read, readme_commands, setup_cell, solution_path, tool_env
from test_student_install import CHROMIUM, CHROMIUM_ARGS, clean_env

pytestmark = [pytest.mark.autograde, pytest.mark.xdist_group("hub"),
              pytest.mark.skipif(os.geteuid() != 0, reason="makes Linux accounts and runs JupyterHub as root"),
              pytest.mark.skipif(not shutil.which("configurable-http-proxy"), reason="scripts/system_packages.sh")]

LESSON = "01_mnist_and_the_neuron"
SCREENSHOTS = ROOT / "test-output" / "hub"
SOLUTION = {grade_id: cell.source for grade_id, cell in answer_cells(read(solution_path(LESSON))).items()}
TYPED = ("normalize", "one_hot")            # what the browser student answers
WRONG_ANSWER = WRONG["norm_divide_by_255"]  # the third student's normalize


def server_commands():
    """The command lines of the README's "서버에서 수업하기", in order."""
    return readme_commands("서버에서 수업하기")


def test_the_readme_gives_the_server_commands():
    commands = server_commands()
    assert commands[0].endswith('.venv/bin/pip install -e ".[hub]"') and "node-configurable-http-proxy" in commands[0]
    assert "hub" in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    assert commands[1] == "sudo .venv/bin/dlgrade hub students.csv --instructor kim"
    assert [c.split()[-2] if c.startswith("sudo") else c.split()[1] for c in commands[2:]] == [
        "release_assignment", "collect", "autograde", "feedback", "release_feedback"]
    assert {c.split()[-1] for c in commands[2:]} == {LESSON}


@pytest.fixture(scope="module")
def hub():
    started = time.monotonic()
    the_hub = hub_class.start(server_commands()[1])
    try:
        hub_class.wait_until_up(the_hub)
        the_hub.startup_seconds = time.monotonic() - started
        print(f"\nhub up: {the_hub.startup_seconds:.1f}s", flush=True)
        yield the_hub
    finally:
        hub_class.stop(the_hub)


class Browser:
    """Chromium with one page, and numbered screenshots in ``test-output/hub/``."""

    def __init__(self, playwright):
        self.browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        self.page = self.browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.set_default_timeout(90_000)
        self.shots = []

    def shot(self, name, element=None):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{len(self.shots) + 1:02d}-{name}.png"
        (element or self.page).screenshot(path=str(path))
        self.shots.append(path.name)

    def assignment_list(self):
        page = self.page
        page.get_by_role("menuitem", name="Nbgrader").click()
        page.get_by_role("menuitem", name="Assignment List").click()
        return page.locator(".nbgrader-mainarea-widget")


def _browser_student(hub, browser, name):
    """Login page, the Korean lab, the assignment list, fetch, two answers typed in, run all, save, submit."""
    page, seen = browser.page, {}
    page.goto(f"{hub.url}/hub/login")
    seen["login_page"] = page.locator("body").inner_text()
    browser.shot("login")
    page.fill("#username_input", name)
    page.fill("#password_input", hub.passwords[name])
    page.click("#login_submit")
    page.get_by_role("menuitem", name="파일").wait_for()
    page.get_by_role("menuitem", name="Nbgrader").click()
    seen["nbgrader_menu"] = page.locator(".lm-Menu-content").inner_text()
    browser.shot("korean-lab")
    page.keyboard.press("Escape")
    assignments = browser.assignment_list()
    assignments.locator("#released_assignments_list").get_by_text(LESSON).wait_for()
    browser.shot("assignment-list")
    assignments.locator("#released_assignments_list button", has_text="Fetch").click()
    folder = assignments.locator("#fetched_assignments_list a.assignment-notebooks-link", has_text=LESSON)
    folder.click()
    assignments.locator(f"#nbgrader-{hub.course_id}-{LESSON} a", has_text=LESSON).click()
    for function in TYPED:
        editor = page.locator(".jp-Notebook .jp-CodeCell .cm-content", has_text=f"def {function}(")
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(SOLUTION[function])
    page.get_by_role("menuitem", name="실행").click()
    page.get_by_role("menuitem", name="모든 셀 실행", exact=True).click()
    passed = page.locator(".jp-CodeCell", has=page.locator(".jp-OutputArea-output", has_text="공개 테스트 통과"))
    passed.nth(len(TYPED) - 1).wait_for(timeout=180_000)
    seen["passed_checks"] = passed.count()
    page.keyboard.press("Control+s")
    page.get_by_text("저장 완료").first.wait_for()
    _scroll_to(page, passed.first)
    browser.shot("check-passed")
    page.get_by_role("tab", name="Assignments").click()
    assignments.locator("#fetched_assignments_list button", has_text="Submit").click()
    assignments.locator("#submitted_assignments_list").get_by_text(LESSON).first.wait_for()
    browser.shot("submitted")
    return seen


def _scroll_to(page, element):
    """Scroll the notebook until ``element`` stays in view (JupyterLab renders cells out of view lazily,
    which moves the ones below while it scrolls)."""
    for _ in range(5):
        element.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        box = element.bounding_box()
        if box and 0 <= box["y"] and box["y"] + min(box["height"], 300) <= 800:
            return


def _api_student(hub, name, answers):
    """Log in, start the server, fetch, write ``answers`` into the notebook, submit: all through REST."""
    api = hub.session(name)
    hub.start_server(api, name)
    server = f"{hub.url}/user/{name}"
    course = {"course_id": hub.course_id, "assignment_id": LESSON}
    assert api.post(f"{server}/assignments/fetch", data=course, timeout=60).json()["success"]
    path = f"{server}/api/contents/{LESSON}/{LESSON}.ipynb"
    notebook = api.get(path, timeout=30).json()["content"]
    for cell in notebook["cells"]:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    assert api.put(path, json={"type": "notebook", "format": "json", "content": notebook}, timeout=30).ok
    assert api.post(f"{server}/assignments/submit", data=course, timeout=60).json()["success"]
    return api


def _readme_command(hub, line):
    """A line of the README as written: ``sudo …`` as root (what the server's administrator runs), the rest as
    the instructor, both in the course root."""
    if line.startswith("sudo "):
        run = subprocess.run(["bash", "-c", line.removeprefix("sudo ")], cwd=hub.course, capture_output=True,
                             text=True, env=tool_env())
    else:
        run = hub.as_user(hub.instructor, "bash", "-c", line, cwd=hub.course)
    assert run.returncode == 0, f"{line}\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}"
    return run


def _feedback_through_api(hub, api, name):
    server = f"{hub.url}/user/{name}"
    fetched = api.post(f"{server}/assignments/fetch_feedback", timeout=60,
                       data={"course_id": hub.course_id, "assignment_id": LESSON}).json()
    assert fetched["success"], fetched
    folder = api.get(f"{server}/api/contents/{LESSON}/feedback", timeout=30).json()["content"]
    stamp = folder[0]["path"]
    return api.get(f"{server}/api/contents/{stamp}/{LESSON}.html", timeout=30).json()["content"]


@pytest.fixture(scope="module")
def loop(hub):
    from playwright.sync_api import sync_playwright

    browser_student, right, wrong = hub.students
    timings, started = {}, time.monotonic()

    def lap(name):
        nonlocal started
        timings[name] = round(time.monotonic() - started, 1)
        print(f"{name}: {timings[name]}s", flush=True)
        started = time.monotonic()

    release, *after_deadline = server_commands()[2:]
    _readme_command(hub, release)
    lap("release")
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        try:
            with ThreadPoolExecutor(2) as pool:  # the two API students work while the browser student does
                wrong_answers = {**SOLUTION, "normalize": WRONG_ANSWER.source}
                api_students = {right: pool.submit(_api_student, hub, right, SOLUTION),
                                wrong: pool.submit(_api_student, hub, wrong, wrong_answers)}
                seen = _browser_student(hub, browser, browser_student)
                apis = {name: future.result() for name, future in api_students.items()}
            lap("three students")
            collect, grade, feedback, _ = (_readme_command(hub, line) for line in after_deadline)
            lap("collect, autograde, feedback, release")
            wrong_html = _feedback_through_api(hub, apis[wrong], wrong)
            browser_html = _feedback_in_browser(hub, browser, browser_student)
            lap("feedback fetched")
        finally:
            browser.browser.close()
    return {"seen": seen, "collect": collect, "grade": grade, "feedback": feedback, "wrong_html": wrong_html,
            "browser_html": browser_html, "apis": apis, "timings": timings, "shots": browser.shots}


def _feedback_in_browser(hub, browser, name):
    """Fetch Feedback in the assignment list, then the feedback page as the student's server serves it."""
    page = browser.page
    page.get_by_role("tab", name="Assignments").click()
    assignments = page.locator(".nbgrader-mainarea-widget")
    assignments.locator("#submitted_assignments_list button", has_text="Fetch Feedback").click()
    assignments.locator("#submitted_assignments_list a", has_text="view feedback").first.wait_for()
    browser.shot("feedback-fetched")
    listing = page.request.get(f"{hub.url}/user/{name}/api/contents/{LESSON}/feedback").json()["content"]
    page.goto(f"{hub.url}/user/{name}/files/{listing[0]['path']}/{LESSON}.html")
    page.get_by_text("연습: normalize").first.wait_for()
    browser.shot("feedback")
    return page.content()


# ── the loop ──

def test_the_browser_student_sees_korean_lab_with_only_the_assignment_list(loop):
    seen = loop["seen"]
    assert "학번(Username)과 비밀번호(Password)로 로그인하세요" in seen["login_page"]
    assert seen["nbgrader_menu"].split() == ["Assignment", "List"], seen["nbgrader_menu"]
    assert seen["passed_checks"] >= len(TYPED)


def test_collect_finds_all_three_submissions(hub, loop):
    for student in hub.students:
        assert (hub.course / "submitted" / student / LESSON / f"{LESSON}.ipynb").is_file(), student
    assert "cheating" not in loop["collect"].stdout + loop["collect"].stderr


def test_grades_are_in_the_instructors_gradebook(hub, loop):
    from dlgrade.course import gradebook

    browser_student, right, wrong = hub.students
    with gradebook(hub.course) as book:
        scores = {s: {g.name: g.score for g in book.find_submission_notebook(LESSON, LESSON, s).grades}
                  for s in hub.students}
        student = book.find_student(right)
        assert (student.first_name, student.email) == ("이서준", f"{right}@example.com")
    assert scores[right]["test_normalize"] > 0 and scores[wrong]["test_normalize"] == 0
    assert scores[wrong]["test_one_hot"] == scores[right]["test_one_hot"] > 0
    assert scores[browser_student]["test_normalize"] > 0 and scores[browser_student]["test_one_hot"] > 0
    assert scores[browser_student]["test_initialize_parameters"] == 0
    assert "격리:" in loop["grade"].stdout and "채점한 제출물: 3개" in loop["grade"].stdout
    owner = (hub.course / "autograded").stat().st_uid
    assert owner == (hub.course / "gradebook.db").stat().st_uid != 0, "root의 채점 결과는 강사의 것이 되어야 합니다"


def test_students_fetch_feedback_with_exercise_names_and_korean_hints(loop):
    html = loop["wrong_html"]
    assert "연습: normalize" in html and "연습: one_hot" in html
    assert WRONG_ANSWER.feedback in html
    assert "BEGIN HIDDEN TESTS" not in html
    assert "연습: normalize" in loop["browser_html"]


def test_screenshots_are_kept(hub, loop):
    names = loop["shots"]
    assert [re.sub(r"^\d\d-", "", n) for n in names] == [
        "login.png", "korean-lab.png", "assignment-list.png", "check-passed.png", "submitted.png",
        "feedback-fetched.png", "feedback.png"]
    assert all((SCREENSHOTS / n).stat().st_size > 10_000 for n in names)
    print(f"\n허브 준비와 시작: {hub.startup_seconds:.0f}초; 단계별 초: {json.dumps(loop['timings'], ensure_ascii=False)}"
          f"\n화면: {', '.join(names)}")


# ── what a student may not do ──

def _denied(hub, student, *command):
    run = hub.as_user(student, *command)
    return run.returncode != 0 and ("Permission denied" in run.stderr or "허가 거부" in run.stderr), run


def test_a_student_cannot_read_the_answers_the_gradebook_or_other_students_work(hub, loop):
    browser_student, right, wrong = hub.students
    course = hub.course
    forbidden = [course / "solutions" / LESSON / f"{LESSON}.ipynb", course / "dlutils" / "reference" / "lesson01.py",
                 course / "testcases" / "lesson01" / "expected.json", course / "testcases" / "lesson01" / "exercises.py",
                 course / "gradebook.db", course / "submitted" / right / LESSON / f"{LESSON}.ipynb",
                 course / "autograded" / right / LESSON / f"{LESSON}.ipynb",
                 Path(f"/home/{right}") / LESSON / f"{LESSON}.ipynb", hub.srv / "passwords.csv",
                 hub.srv / "hub" / "jupyterhub.sqlite"]
    for path in forbidden:
        assert path.exists(), path
        denied, run = _denied(hub, wrong, "cat", str(path))
        assert denied, (path, run.stdout[:200], run.stderr)
    exchange = hub.srv / "exchange" / hub.course_id
    for folder in (Path(f"/home/{right}"), exchange / "inbound", exchange / "feedback", course):
        denied, run = _denied(hub, wrong, "ls", str(folder))
        assert denied, (folder, run.stdout, run.stderr)
    guess = hub.as_user(wrong, "python", "-c", f"import glob; print(glob.glob({str(exchange / 'inbound' / '*')!r}))")
    assert guess.stdout.strip() == "[]", guess.stdout
    assert glob.glob(str(exchange / "inbound" / f"{right}+*")), "root는 제출물을 보아야 합니다"


def test_the_students_python_has_the_public_checks_and_no_answers(hub, loop):
    student = hub.students[2]
    probe = hub.as_user(student, "python", "-c", (
        "import importlib.util as u, json\n"
        "from testcases.lesson01 import exercises\n"
        "print(json.dumps({'reference': u.find_spec('dlutils.reference') is not None,\n"
        "    'judge': u.find_spec('testcases.engine.judge') is not None, 'dlgrade': u.find_spec('dlgrade') is not None,\n"
        "    'hidden': any(e.hidden for e in exercises.EXERCISES)}))"))
    assert probe.returncode == 0, probe.stderr
    assert json.loads(probe.stdout) == {"reference": False, "judge": False, "dlgrade": False, "hidden": False}


def test_a_student_has_no_formgrader_and_the_instructor_has_the_course_tools_and_formgrader(hub, loop):
    student, api = hub.students[2], loop["apis"][hub.students[2]]
    assert api.get(f"{hub.url}/user/{student}/formgrader", timeout=30).status_code == 404
    assert api.get(f"{hub.url}/services/formgrader/formgrader", timeout=30).status_code == 403
    instructor = hub.session(hub.instructor)
    page = instructor.get(f"{hub.url}/services/formgrader/formgrader", timeout=60)
    assert page.status_code == 200 and "Manage Assignments" in page.text, page.text[:500]
    hub.start_server(instructor, hub.instructor)
    root = instructor.get(f"{hub.url}/user/{hub.instructor}/api/contents", timeout=30).json()["content"]
    assert {"solutions", "gradebook.db", "autograded", "feedback"} <= {item["name"] for item in root}
    tools = hub.as_user(hub.instructor, "bash", "-c", "command -v dlgrade nbgrader")
    assert tools.stdout.split() == [str(hub.env_bin(hub.instructor) / t) for t in ("dlgrade", "nbgrader")]
    listed = hub.as_user(student, "jupyter", "server", "extension", "list")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", listed.stdout + listed.stderr)  # without its colours
    enabled = re.findall(r"(nbgrader\.server_extensions\.\w+) enabled", plain)
    assert enabled == ["nbgrader.server_extensions.assignment_list"], listed.stdout + listed.stderr


def test_each_student_server_runs_as_its_user_under_limits_and_the_culler_runs(hub, loop):
    from dlgrade.hub.limits import Cgroups

    groups = Cgroups.find(f"dl-course-hub-{hub.port}")
    for student in hub.students:
        folders = groups.folders(student)
        pids = [int(p) for p in (folders[0] / "cgroup.procs").read_text().split()]
        assert pids and all(Path(f"/proc/{p}").stat().st_uid == Path(f"/home/{student}").stat().st_uid for p in pids)
        assert groups.memory_limit(student) == 1 << 30
    runtime = Path(f"/home/{hub.students[0]}/.local/share/jupyter/runtime")
    kernels = [json.loads(path.read_text()) for path in runtime.glob("kernel-*.json")]
    assert kernels and all(k["transport"] == "ipc" for k in kernels), kernels
    assert "--timeout=3600" in hub_class.command_lines("jupyterhub_idle_culler")


# ── the Kubernetes student image's packages (deploy/kubernetes/) ──

def test_the_kubernetes_image_packages_install_and_pass_the_public_checks(hub, tmp_path):
    """The image's package list with the hub's student wheel, in a fresh venv: ngshare's nbgrader configuration
    loads, and every public check of lesson 01 passes with the solution's answers."""
    from dlgrade.hub.environments import base_python

    deploy = ROOT / "deploy" / "kubernetes"
    venv, uv = tmp_path / "image", shutil.which("uv", path=str(Path(sys.executable).parent))
    wheel = next((hub.srv / "bundle").glob("dl_fundamentals_student-*.whl"))
    subprocess.run([uv, "venv", "--quiet", "--python", base_python(), str(venv)], check=True)
    install = subprocess.run([uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), str(wheel),
                              "-r", str(deploy / "student-packages.txt")], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    python = str(venv / "bin" / "python")
    config = subprocess.run([python, "-I", "-c", (
        "from traitlets.config.loader import PyFileConfigLoader\n"
        f"c = PyFileConfigLoader('nbgrader_config.py', path={str(deploy / 'jupyter')!r}).load_config()\n"
        "print(c.ExchangeFactory.submit.__module__, c.CourseDirectory.course_id)")], capture_output=True, text=True,
                            env=clean_env(USER="jovyan"))  # the image's user; ngshare's client reads $USER
    assert config.stdout.split() == ["ngshare_exchange.submit", hub.course_id], config.stderr
    solution = read(solution_path(LESSON))
    job = {"lessons": [{"lesson": LESSON, "setup": setup_cell(solution).source, "variants": {}, "answers": SOLUTION,
                        "tests": {k.removeprefix("test_"): c.source for k, c in grade_cells(solution).items()}}]}
    run = subprocess.run([python, "-I", str(ROOT / "tests" / "student_runner.py")], input=json.dumps(job),
                         capture_output=True, text=True, cwd=tmp_path, env=clean_env(MPLBACKEND="Agg"), timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout)
    assert report["where"]["dlutils"].startswith(str(venv))
    checks = report["lessons"][LESSON]["solution"]
    assert checks and all(r["passed"] and "공개 테스트 통과" in r["stdout"] for r in checks.values()), checks
