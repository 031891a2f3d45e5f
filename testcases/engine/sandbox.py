"""Confinement of a process that runs a student's code (the judge's children, the grading kernel).

What it does, in this order, inside the process that is about to run student code:

1. its own process group, so a timeout kills it and everything it started;
2. as root: new mount and network namespaces, the ``hidden`` paths (the course's
   answers, gradebook and other submissions) covered by empty read-only mounts,
   and no network; then it becomes a user id of its own that owns no file, so it
   cannot write into the course, signal the grader or another submission's
   processes, or fork past the process limit;
3. resource limits: address space, CPU seconds, file size, open files, processes.

Without root only the resource limits and the process group apply; ``describe``
says so, and the grader prints it, so nothing runs unconfined silently.
"""
import ctypes
import os
import resource
import signal
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 1 << 12, 1 << 14, 1 << 18
GIB = 1 << 30
FIRST_UID = 200_000


@dataclass(frozen=True)
class Limits:
    memory: int = 2 * GIB       # address space, bytes
    cpu_seconds: int = 60       # CPU time of the process
    processes: int = 64         # processes and threads of the confined user
    file_bytes: int = 64 << 20  # largest file it may write
    open_files: int = 256


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def isolation_available():
    """Whether namespaces and a user switch are possible here (root on Linux)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def describe():
    if isolation_available():
        return "격리: 네트워크 없음, 강의 폴더의 답과 다른 제출물 가림, 파일을 갖지 않은 사용자, 자원 제한"
    return ("격리 제한: root가 아니어서 자원 제한(메모리, CPU 시간, 파일 크기)만 적용됩니다. "
            "학생 코드가 강의 폴더를 읽거나 쓰는 것을 막으려면 root로 채점하세요.")


def _hide(libc, paths):
    for path in paths:
        if os.path.isdir(path):
            _check(libc.mount(b"tmpfs", os.fsencode(path), b"tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV,
                              b"size=4k,mode=555"), f"hide {path}")
        elif os.path.exists(path):
            _check(libc.mount(b"/dev/null", os.fsencode(path), None, MS_BIND, None), f"hide {path}")


def _mount(libc, source, target, fstype, flags, data=None):
    encode = (lambda v: None if v is None else os.fsencode(str(v)))
    _check(libc.mount(encode(source), encode(target), encode(fstype), flags, encode(data)), f"mount {target}")


def _expose(libc, path):
    """Make ``path`` reachable for the confined user in this mount namespace.

    An ancestor that others may not enter (a Python installed under ``/root``)
    is covered by a read-only tmpfs holding only the way on to ``path``, bound
    from the original through ``/proc/self/fd``.
    """
    path = Path(path).resolve()
    for ancestor in reversed(path.parents[:-1]):
        if os.stat(ancestor).st_mode & stat.S_IXOTH:
            continue
        step = ancestor / path.relative_to(ancestor).parts[0]
        keep = os.open(step, os.O_PATH)
        _mount(libc, "tmpfs", ancestor, "tmpfs", MS_NOSUID | MS_NODEV, "size=4k,mode=755")
        (step.mkdir if os.path.isdir(f"/proc/self/fd/{keep}") else step.touch)()
        _mount(libc, f"/proc/self/fd/{keep}", step, None, MS_BIND | MS_REC)
        _mount(libc, None, ancestor, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=755")
        os.close(keep)


def python_paths():
    """Where this interpreter reads its code from: it must stay readable to the confined process."""
    return sorted({sys.prefix, sys.base_prefix, *(p for p in sys.path if p and os.path.isdir(p))})


def uid_for(pid):
    """The user id a confined process runs as: one of its own, owning no file."""
    return FIRST_UID + pid % 100_000


def _become(uid):
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)


def kill_user(uid):
    """Kill every process running as ``uid`` (what a confined process may have left behind)."""
    pid = os.fork()
    if pid == 0:
        try:
            _become(uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def _set_limits(limits):
    for kind, value in ((resource.RLIMIT_AS, limits.memory), (resource.RLIMIT_CPU, limits.cpu_seconds),
                        (resource.RLIMIT_FSIZE, limits.file_bytes), (resource.RLIMIT_NOFILE, limits.open_files),
                        (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(kind, (value, value))
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))


def confine(limits, hidden=(), network=False, uid=None, own_group=True):
    """Confine this process for good (see the module docstring). ``hidden`` paths become empty."""
    if own_group:
        os.setpgid(0, 0)
    if isolation_available():
        libc = _libc()
        flags = CLONE_NEWNS | (0 if network else CLONE_NEWNET)
        _check(libc.unshare(flags), "unshare")
        _check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "mount --make-rprivate /")
        for path in python_paths():
            _expose(libc, path)
        _hide(libc, [os.path.abspath(p) for p in hidden])
        _become(uid or uid_for(os.getpid()))
    _set_limits(limits)
