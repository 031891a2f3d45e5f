"""A class on a real hub for the tests: ``dlgrade hub`` started on a copy of the course, accounts made for
one test run (names no other run uses), and everything removed afterwards (processes, accounts, homes,
control groups, folders).
"""
import csv
import os
import pwd
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from course import clone_files
from dlgrade.hub.limits import Cgroups

ROSTER_NAMES = ("김민지", "이서준", "박하은")


def free_port_range(accounts):
    """A hub port whose next three ports and whose account ports (+10, +11, ...) are free on loopback."""
    for _ in range(100):
        first = 20000 + secrets.randbelow(30000)
        try:
            for port in [*range(first, first + 4), *range(first + 10, first + 10 + accounts)]:
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
    raise RuntimeError("빈 포트를 찾지 못했습니다")


@dataclass
class Hub:
    base: Path
    port: int
    instructor: str
    students: list
    process: subprocess.Popen = None
    course_id: str = "dl-fundamentals-labs"
    startup_seconds: float = 0.0
    passwords: dict = field(default_factory=dict)

    @property
    def course(self):
        return self.base / "course"

    @property
    def srv(self):
        return self.base / "srv"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def env_bin(self, name):
        return self.srv / ("instructor-env" if name == self.instructor else "student-env") / "bin"

    def as_user(self, name, *command, cwd=None):
        """``command`` as the Linux user ``name`` with its own environment's tools first on PATH."""
        env = ["env", "-i", f"HOME=/home/{name}", f"USER={name}", "LANG=C.UTF-8",
               f"PATH={self.env_bin(name)}:/usr/bin:/bin"]
        return subprocess.run(["runuser", "-u", name, "--", *env, *command], cwd=cwd or f"/home/{name}",
                              capture_output=True, text=True)

    def session(self, name):
        """A ``requests`` session logged in through the hub's login form (PAM), with an API token of its own."""
        web = requests.Session()
        web.get(f"{self.url}/hub/login", timeout=30)
        login = web.post(f"{self.url}/hub/login", allow_redirects=False, timeout=60,
                         data={"username": name, "password": self.passwords[name], "_xsrf": web.cookies["_xsrf"]})
        assert login.status_code == 302, (name, login.status_code, login.text[:500])
        token = web.post(f"{self.url}/hub/api/users/{name}/tokens", json={"note": "test", "expires_in": 3600},
                         headers={"X-XSRFToken": web.cookies["_xsrf"]}, timeout=30)
        assert token.status_code == 201, token.text
        api = requests.Session()
        api.headers["Authorization"] = f"token {token.json()['token']}"
        return api

    def start_server(self, api, name, seconds=120):
        response = api.post(f"{self.url}/hub/api/users/{name}/server", timeout=60)
        assert response.status_code in (201, 202, 400), response.text  # 400: already running
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if api.get(f"{self.url}/hub/api/users/{name}", timeout=30).json()["servers"].get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"{name}의 서버가 {seconds}초 안에 뜨지 않았습니다")


def start(command, students=3, upto="01", memory="1G"):
    """Make a class and start its hub with ``command`` as the README writes it (``sudo .venv/bin/dlgrade hub
    students.csv --instructor kim``: run as root from the course root, for accounts named for this run, on
    loopback ports of its own); returns the ``Hub`` (call ``stop`` in any case)."""
    base = Path(tempfile.mkdtemp(prefix="dl-hub-", dir="/tmp"))
    os.chmod(base, 0o755)  # the accounts pass through it to their environments and the course
    tag = "dh" + secrets.token_hex(3)
    hub = Hub(base, free_port_range(students + 1), f"{tag}t", [f"{tag}s{i}" for i in range(1, students + 1)])
    clone_files(hub.course)
    (hub.course / ".venv").symlink_to(Path(sys.prefix))
    argv = shlex.split(command)
    argv = argv[1:] if argv[0] == "sudo" else argv
    roster = hub.course / argv[argv.index("hub") + 1]
    argv[argv.index("--instructor") + 1] = hub.instructor
    with roster.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["학번", "이름", "이메일"])
        for index, student in enumerate(hub.students):
            writer.writerow([student, ROSTER_NAMES[index % len(ROSTER_NAMES)], f"{student}@example.com"])
    log = (base / "hub.log").open("w")
    hub.process = subprocess.Popen(
        [*argv, "--dir", str(hub.srv), "--ip", "127.0.0.1", "--port", str(hub.port), "--upto", upto, "--memory", memory],
        cwd=hub.course, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env=dict(os.environ, PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}"))
    return hub


def wait_until_up(hub, seconds=400):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise AssertionError(f"dlgrade hub가 끝나 버렸습니다:\n{(hub.base / 'hub.log').read_text()[-4000:]}")
        try:
            if requests.get(f"{hub.url}/hub/api", timeout=2).status_code == 200 and \
                    requests.get(f"{hub.url}/services/formgrader/", timeout=5, allow_redirects=False).status_code < 500:
                break
        except requests.RequestException:
            pass
        time.sleep(0.5)
    else:
        raise AssertionError(f"허브가 {seconds}초 안에 뜨지 않았습니다:\n{(hub.base / 'hub.log').read_text()[-4000:]}")
    with (hub.srv / "passwords.csv").open(encoding="utf-8") as file:
        hub.passwords = dict(list(csv.reader(file))[1:])


def _pids_of(uids):
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid in uids:
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def command_lines(word):
    """The command lines (arguments joined by spaces) of the running processes that have ``word`` in them."""
    lines = []
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0") if entry.name.isdigit() else []
        except OSError:
            continue
        if any(word in arg for arg in args):
            lines.append(" ".join(args))
    return "\n".join(lines)


def stop(hub):
    """Stop the hub and every process it or the accounts started; remove the accounts, their groups and folders."""
    if hub.process and hub.process.poll() is None:
        os.killpg(hub.process.pid, signal.SIGTERM)
        try:
            hub.process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.process.pid, signal.SIGKILL)
            hub.process.wait(10)
    accounts = [name for name in [hub.instructor, *hub.students] if _exists(name)]
    uids = {pwd.getpwnam(name).pw_uid for name in accounts}
    for pid in _pids_of(uids):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + 10
    while _pids_of(uids) and time.monotonic() < deadline:
        time.sleep(0.2)
    for name in accounts:
        subprocess.run(["userdel", "--remove", name], capture_output=True)
    if (groups := Cgroups.find(f"dl-course-hub-{hub.port}")) is not None:
        groups.remove_all()
    shutil.rmtree(hub.base, ignore_errors=True)


def _exists(name):
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False
