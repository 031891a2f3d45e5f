"""The judge kept warm: imports done once per grading process, a fresh fork per notebook.

    python -m testcases.engine.warm_judge FD

Started by ``WarmJudge`` (used by ``StartJudge``) with one end of a socket pair
as FD. It imports numpy, matplotlib and every public ``dlutils`` module (what the
lessons' setup cells import; never a reference solution or a given helper) and the
grading code, then waits. For each request it forks a child that does exactly what
``python -m testcases.engine.judge`` does in a new process, and passes its verdicts
back. The child starts from this never-used state, so no notebook can reach the
next one; grading a notebook skips about a second of imports.
"""
import contextlib
import importlib
import os
import pkgutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading

from testcases.engine import judge, pipe

# The judge's environment: the non-interactive backend, one BLAS thread (judges of
# several workers run side by side), no bytecode written by student imports.
JUDGE_ENV = {"MPLBACKEND": "agg", "OPENBLAS_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}
PRIVATE_PACKAGES = ("reference", "given")


class JudgeFailed(RuntimeError):
    """The judge could not decide a notebook (it crashed or ran past its time)."""


def import_public_dlutils():
    """Import numpy, pandas, matplotlib's pyplot and every dlutils module but the private packages."""
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    import dlutils

    for module in pkgutil.iter_modules(dlutils.__path__):
        if module.name not in PRIVATE_PACKAGES:
            importlib.import_module(f"dlutils.{module.name}")


def _judge_in_child(request, stderr):
    """Fork; the child judges ``request`` and sends ``{"verdicts": …}`` or ``{"error": …}``."""
    reader, writer = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        reader.close()
        os.dup2(stderr.fileno(), 2)
        try:
            os.chdir(request["cwd"])
            pipe.send(writer, {"verdicts": judge.judge(request)})
        except BaseException as exc:  # noqa: BLE001 - reported to the grader, which fails the notebook
            pipe.send(writer, {"error": f"{type(exc).__name__}: {exc}"})
        finally:
            os._exit(0)
    writer.close()
    try:
        reply = pipe.receive(reader)
    except pipe.PipeClosed:
        reply = None
    finally:
        reader.close()
        _, status = os.waitpid(pid, 0)
    if reply is None:
        stderr.seek(0)
        reply = {"error": f"the judge ended without verdicts (wait status {status}):\n{stderr.read()[-3000:]}"}
    return reply


def serve(sock):
    """Answer requests on ``sock`` until the grader closes it."""
    while True:
        try:
            request = pipe.receive(sock)
        except pipe.PipeClosed:
            return
        with tempfile.TemporaryFile("w+") as stderr:
            pipe.send(sock, _judge_in_child(request, stderr))


class WarmJudge:
    """The grading process's side: starts the warm judge on first use, restarts it after a failure."""

    def __init__(self):
        self._process = None
        self._sock = None
        self._lock = threading.Lock()  # one notebook at a time (a caller may use a thread)

    def judge(self, request, timeout):
        """Verdicts for ``request`` (see ``judge.judge``), run in the current folder."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            try:
                pipe.send(self._sock, {**request, "cwd": os.getcwd()})
                reply = pipe.receive(self._sock, timeout)
            except (pipe.PipeClosed, pipe.PipeTimeout, OSError) as exc:
                self.stop()
                raise JudgeFailed(f"the judge did not answer within {timeout} s ({type(exc).__name__})") from exc
        if "error" in reply:
            raise JudgeFailed(f"the judge failed: {reply['error']}")
        return reply["verdicts"]

    def _start(self):
        ours, theirs = socket.socketpair()
        env = {**os.environ, **JUDGE_ENV}
        env.pop("NBGRADER_EXECUTION", None)
        self._process = subprocess.Popen([sys.executable, "-m", "testcases.engine.warm_judge", str(theirs.fileno())],
                                         pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL,
                                         start_new_session=True)
        theirs.close()
        self._sock = ours

    def stop(self):
        """End the warm judge and any notebook it is judging."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
            self._process = None


def main():
    sock = socket.socket(fileno=int(sys.argv[1]))
    import_public_dlutils()
    serve(sock)


if __name__ == "__main__":
    main()
