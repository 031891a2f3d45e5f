"""Every process a grading run started, stopped together: workers, their helpers, kernels and judges.

``adopt_orphans`` makes this process a child subreaper (Linux), so a process whose parent has died
is re-parented here, not to PID 1, and is still found. ``stop_descendants`` freezes the whole tree
(SIGSTOP, so nothing forks while it is collected), kills it (SIGKILL) and reaps what is left.
Confined processes run as other users; the grader is root whenever they do, so it may signal them.
"""
import contextlib
import ctypes
import os
import signal
import time
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


def adopt_orphans():
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _children():
    """``{parent pid: [child pids]}`` of every process, read from ``/proc``."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    return children


def descendants(pid):
    children, found, todo = _children(), [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _signal_all(pids, number):
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, number)


def _reap():
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def stop_descendants(seconds=10):
    """Kill every process below this one; returns how many there were."""
    me, stopped, deadline = os.getpid(), set(), time.monotonic() + seconds
    while (tree := descendants(me)) and time.monotonic() < deadline:
        _signal_all(tree, signal.SIGSTOP)
        tree = descendants(me)
        _signal_all(tree, signal.SIGKILL)
        stopped.update(tree)
        time.sleep(0.05)
        _reap()
    return len(stopped)
