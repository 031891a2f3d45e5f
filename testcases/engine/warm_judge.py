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
import os
import socket
import tempfile

from testcases.engine import judge, pipe
from testcases.engine.warm import WarmHelper, import_public_dlutils, serve

# The judge's environment: the non-interactive backend, one BLAS thread (judges of
# several workers run side by side), no bytecode written by student imports.
JUDGE_ENV = {"MPLBACKEND": "agg", "OPENBLAS_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1"}


class JudgeFailed(RuntimeError):
    """The judge could not decide a notebook (it crashed or ran past its time)."""


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


def _answer(request, _sock):
    with tempfile.TemporaryFile("w+") as stderr:
        return _judge_in_child(request, stderr)


def _environment():
    env = {**os.environ, **JUDGE_ENV}
    env.pop("NBGRADER_EXECUTION", None)
    return env


class WarmJudge(WarmHelper):
    """The grading process's side: starts the warm judge on first use, restarts it after a failure."""

    def __init__(self):
        super().__init__("testcases.engine.warm_judge", env=_environment)

    def judge(self, request, timeout):
        """Verdicts for ``request`` (see ``judge.judge``), run in the current folder."""
        try:
            reply = self.ask({**request, "cwd": os.getcwd()}, timeout)
        except (pipe.PipeError, OSError) as exc:
            raise JudgeFailed(f"the judge did not answer within {timeout} s ({type(exc).__name__})") from exc
        if "error" in reply:
            raise JudgeFailed(f"the judge failed: {reply['error']}")
        return reply["verdicts"]


def main():
    import_public_dlutils()
    serve(_answer)


if __name__ == "__main__":
    main()
