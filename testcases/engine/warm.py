"""A helper process that a grading process keeps warm: started on first use, asked over a socket pair.

The helper runs ``python -m MODULE FD``: it imports what it needs once, then
``serve`` answers one request at a time on socket FD until the grading process
closes its end. ``warm_kernel`` (forks each notebook's kernel) and ``warm_judge``
(forks each notebook's judge) are the two helpers.
"""
import contextlib
import importlib
import os
import pkgutil
import signal
import socket
import subprocess
import sys
import threading

from testcases.engine import pipe

PRIVATE_PACKAGES = ("reference", "given")  # dlutils packages no helper imports before a fork


class WarmHelper:
    """The grading process's side of one helper; ``env()`` gives the helper's environment."""

    def __init__(self, module, env=lambda: None):
        self.module, self.env = module, env
        self._process = None
        self._sock = None
        self._lock = threading.Lock()  # one request at a time (a caller may use a thread)

    def ask(self, request, timeout=None):
        """The helper's reply to ``request``, starting it first if it is not running. A helper
        that does not answer (within ``timeout`` seconds) is stopped and the error raised."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            try:
                pipe.send(self._sock, request)
                return pipe.receive(self._sock, timeout)
            except (pipe.PipeError, OSError):
                self.stop()
                raise

    def _start(self):
        ours, theirs = socket.socketpair()
        self._process = subprocess.Popen([sys.executable, "-m", self.module, str(theirs.fileno())],
                                         pass_fds=[theirs.fileno()], env=self.env(), stdin=subprocess.DEVNULL,
                                         start_new_session=True)
        theirs.close()
        self._sock = ours

    def stop(self):
        """End the helper and whatever it is doing."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
            self._process = None


def import_public_dlutils():
    """Import numpy, pandas, matplotlib's pyplot and every dlutils module but the private packages."""
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401

    import dlutils

    for module in pkgutil.iter_modules(dlutils.__path__):
        if module.name not in PRIVATE_PACKAGES:
            importlib.import_module(f"dlutils.{module.name}")


def serve(answer):
    """The helper's side: ``answer(request, sock)`` is sent back for each request on the socket
    whose descriptor is ``sys.argv[1]``, until the grading process closes it."""
    sock = socket.socket(fileno=int(sys.argv[1]))
    while True:
        try:
            request = pipe.receive(sock)
        except pipe.PipeClosed:
            return
        pipe.send(sock, answer(request, sock))
