"""What a confined process sees (as root): an allow-list, private writable folders, its own processes."""
import ctypes
import json
import os
import platform

import pytest

from course import kept_under_tmp
from testcases.engine import sandbox

pytestmark = pytest.mark.skipif(not sandbox.isolation_available(), reason="confinement needs root on Linux")


def forked(function):
    """``function()`` in a child process; what it returns (JSON), or the error it raised."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        try:
            result = {"value": function()}
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            result = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(writer, json.dumps(result).encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as stream:
        result = json.loads(stream.read())
    os.waitpid(pid, 0)
    assert "error" not in result, result["error"]
    return result["value"]


def confined(view, probe):
    """``probe()`` in a confined child."""
    return forked(lambda: (sandbox.confine(sandbox.Limits(), view), probe())[1])


@pytest.fixture
def course(tmp_path):
    """A folder the confined process may read, with a private part, beside one it may not know."""
    for path, text in {"own/answer.py": "mine", "own/private/key.txt": "secret", "other/student.txt": "x"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    return tmp_path


def test_only_the_allowed_paths_exist_and_hidden_ones_are_empty(course):
    view = sandbox.View(readable=(str(course / "own"),), hidden=(str(course / "own" / "private"),))

    def probe():
        return {"own": os.listdir(course / "own"), "parent": os.listdir(course),
                "private": os.listdir(course / "own" / "private"), "other": os.path.exists(course / "other"),
                "top": sorted(os.listdir("/"))}
    seen = confined(view, probe)
    assert seen["own"] == sorted(seen["own"]) and set(seen["own"]) == {"answer.py", "private"}
    assert seen["parent"] == ["own"] and seen["private"] == [] and seen["other"] is False
    python_tops = {path.split("/")[1] for path in sandbox.python_paths()}
    assert set(seen["top"]) <= {*sandbox.SYSTEM, "dev", "proc", "sys", "tmp", "var", *python_tops}


def test_the_allowed_paths_are_read_only(course):
    def probe():
        try:
            (course / "own" / "new.txt").write_text("x")
            return "wrote"
        except OSError as exc:
            return type(exc).__name__
    assert confined(sandbox.View(readable=(str(course / "own"),)), probe) != "wrote"


def test_tmp_is_private_to_each_process():
    def write():
        for folder in ("/tmp", "/var/tmp", "/dev/shm"):
            with open(os.path.join(folder, "relay.txt"), "w") as file:
                file.write("answer")
        return sorted(os.listdir("/tmp"))

    def read():
        return [os.path.exists(os.path.join(folder, "relay.txt")) for folder in ("/tmp", "/var/tmp", "/dev/shm")]
    assert confined(sandbox.View(), write) == sorted(["relay.txt", *kept_under_tmp()])
    assert confined(sandbox.View(), read) == [False, False, False]
    assert not os.path.exists("/tmp/relay.txt")


def test_other_users_processes_are_invisible():
    def probe():
        return {"pids": [int(p) for p in os.listdir("/proc") if p.isdigit()], "me": os.getpid()}
    seen = confined(sandbox.View(), probe)
    assert seen["pids"] == [seen["me"]]


def test_python_and_its_lazy_imports_still_work():
    def probe():
        import email.mime.text  # noqa: F401  (not imported before confinement)
        import numpy
        return float(numpy.linalg.norm(numpy.ones(4)))
    assert confined(sandbox.View(), probe) == 2.0


@pytest.mark.skipif(platform.machine() not in sandbox.KEYCTL, reason="keyctl's number is known on x86_64 and aarch64")
def test_no_key_passes_through_the_graders_session_keyring():
    libc = ctypes.CDLL(None, use_errno=True)
    keyctl, add_key = sandbox.KEYCTL[platform.machine()], {"x86_64": 248, "aarch64": 217}[platform.machine()]
    session = ctypes.c_int(-3)  # KEY_SPEC_SESSION_KEYRING

    def write():
        return libc.syscall(add_key, b"user", b"relay", b"answer", 6, session) > 0

    def read():
        return libc.syscall(keyctl, 10, session, b"user", b"relay", 0) > 0  # KEYCTL_SEARCH

    def login_session():  # the grader started from a login shell: one session keyring for all it starts
        assert libc.syscall(keyctl, sandbox.KEYCTL_JOIN_SESSION_KEYRING, b"login") > 0
        return [confined(sandbox.View(), write), confined(sandbox.View(), read)]
    assert forked(login_session) == [True, False]
