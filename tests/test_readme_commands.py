"""The README's "바로 시작하기" commands, as written: the first opens the course from a clean
clone, the last is the test command that CI runs, and its first step installs what a fresh
machine lacks."""
import json
import os
import re
import shutil
import signal
import subprocess
import urllib.request

import pytest

from course import ROOT, clone_files, read, readme_blocks, release_path
from test_student_install import (CHROME_TEXT, CHROMIUM, CHROMIUM_ARGS, _free_port, _wait_for_server,
                                  clean_env)

SYSTEM_PACKAGES = ("chromium", "fonts-nanum", "postgresql", "dataset-fashion-mnist", "node-configurable-http-proxy")


def quick_start_commands():
    return [block.strip() for block in readme_blocks("바로 시작하기")]


def test_ci_runs_the_readme_test_command_and_nothing_else():
    test_command = quick_start_commands()[-1]
    assert "pytest" in test_command and test_command.startswith("bash scripts/system_packages.sh && ")
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("#")]
    assert ci[-1] == test_command
    assert ci[:-1] == ["set -euo pipefail", 'cd "$(dirname "$0")/.."']


@pytest.mark.skipif(os.geteuid() != 0, reason="hides the system packages in a mount namespace of its own (root)")
def test_the_system_packages_script_finds_what_a_fresh_machine_lacks(tmp_path):
    """With the installed packages hidden (mounts, and a PATH without chromium), the script in dry run
    names all five and the apt-get line that installs them."""
    bare_path = tmp_path / "bin"
    bare_path.mkdir()
    for tool in ("ls", "id"):
        (bare_path / tool).symlink_to(shutil.which(tool))
    hide = " && ".join(["true", *(f"mount -t tmpfs none {path}" for path in
                                  ("/usr/share/fonts/truetype", "/usr/lib/postgresql", "/usr/share/datasets")
                                  if os.path.isdir(path))])
    run = subprocess.run(["unshare", "--mount", "--propagation", "private", "bash", "-c",
                          f"{hide} && PATH={bare_path} /bin/bash scripts/system_packages.sh"], cwd=ROOT,
                         capture_output=True, text=True, env=dict(os.environ, SYSTEM_PACKAGES_DRY_RUN="1"))
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == f"system packages missing: {' '.join(SYSTEM_PACKAGES)}"
    assert f"apt-get install -y -qq {' '.join(SYSTEM_PACKAGES)}" in run.stdout
    present = subprocess.run(["bash", "scripts/system_packages.sh"], cwd=ROOT, capture_output=True, text=True)
    assert present.stdout.strip() == "system packages: all present", "CI의 .ci/run이 설치했어야 합니다"


def _lab_config(server, token):
    with urllib.request.urlopen(f"{server}/lab?token={token}", timeout=10) as response:
        html = response.read().decode("utf-8")
    return json.loads(re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                                html, re.DOTALL).group(1))


def _default_locale(server, token):
    url = f"{server}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)["schema"]["properties"]["locale"]["default"]


def _korean_page_without_nbgrader(server, token, screenshot):
    """The lab page in Chromium: its menus in Korean, nothing of nbgrader's; a screenshot is kept."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.set_default_timeout(120_000)
            page.goto(f"{server}/lab?token={token}")
            page.get_by_role("menuitem", name="파일").wait_for()
            page.locator(".jp-Launcher").wait_for()
            page.locator(".jp-DirListing-item", has_text="01_mnist_and_the_neuron").wait_for()
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
            return page.evaluate(CHROME_TEXT)
        finally:
            browser.close()


def test_the_first_command_opens_the_course_from_a_clean_clone(tmp_path):
    """``python3 -m venv .venv && pip install -e . && dl-course`` in a clone with no venv, from a fresh
    terminal (no venv on PATH) with a home of its own: the released notebooks are copied to
    ``~/dl-course-work`` and JupyterLab serves them in Korean with nbgrader's panels off."""
    open_command = quick_start_commands()[0]
    assert open_command.endswith("&& .venv/bin/dl-course")
    clone, home = clone_files(tmp_path / "clone"), tmp_path / "home"
    home.mkdir()
    port, token = _free_port(), "readme-open-test"
    env = clean_env(HOME=str(home), JUPYTER_PORT=str(port), JUPYTER_TOKEN=token, BROWSER="true")
    with (tmp_path / "open.log").open("w") as log:
        lab = subprocess.Popen(["bash", "-c", open_command], cwd=clone, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
        try:
            server = f"http://localhost:{port}"
            _wait_for_server(f"{server}/api/status?token={token}", lab, seconds=900)
            assert _default_locale(server, token) == "ko_KR"
            assert "@jupyter/nbgrader" in _lab_config(server, token)["disabledExtensions"]
            chrome = _korean_page_without_nbgrader(server, token, ROOT / "test-output" / "clone-open" / "lab.png")
            chrome = chrome.lower()
            assert "파일" in chrome and not [w for w in ("nbgrader", "formgrader", "validate", "assignment") if w in chrome]
        finally:
            os.killpg(lab.pid, signal.SIGTERM)
            lab.wait(30)
    work = home / "dl-course-work"
    lessons = sorted(p.name for p in (ROOT / "notebooks").iterdir() if p.is_dir())
    assert sorted(p.name for p in work.iterdir()) == sorted(lessons + ["glossary.md"])
    for lesson in lessons:
        assert read(work / lesson / f"{lesson}.ipynb") == read(release_path(lesson))
    assert (work / "glossary.md").read_bytes() == (ROOT / "notebooks" / "glossary.md").read_bytes()
    check = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-c", "from testcases.lesson01 import check"],
                           cwd=work, capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stderr
