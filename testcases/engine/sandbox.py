"""Confinement of a process that runs a student's code (the judge's children, the grading kernel).

What it does, in this order, inside the process that is about to run student code:

1. its own process group, so a timeout kills it and everything it started;
2. as root: new mount, network and IPC namespaces, a session keyring of its own
   and a root folder built from an allow-list (``View``): the system's programs
   and libraries, the Python
   installation, ``view.readable`` read-only and ``view.writable`` read-write,
   each at its own path; a private, empty ``/tmp``, ``/var/tmp`` and ``/dev/shm``;
   a ``/proc`` that shows only its own user's processes; ``view.hidden`` paths
   inside all that covered by empty read-only mounts. Nothing else exists for it:
   no other copy of the course, no other submission, nothing written by another
   confined process. Then it becomes a user id of its own that owns no file, so
   it cannot write into what it sees, signal the grader or another submission's
   processes, or fork past the process limit;
3. resource limits: address space, CPU seconds, file size, open files, processes.

Without root only the resource limits and the process group apply; ``describe``
says so, and the grader prints it, so nothing runs unconfined silently.
"""
import ctypes
import os
import platform
import resource
import signal
import site
import sys
from dataclasses import dataclass

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWNET = 0x00020000, 0x08000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = \
    1, 2, 4, 8, 32, 1 << 12, 1 << 14, 1 << 18
GIB = 1 << 30
FIRST_UID = 200_000
SYSTEM = ("usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc")   # top-level folders kept, read-only
DEVICES = ("null", "zero", "full", "random", "urandom")
DEV_LINKS = {"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0", "stdout": "/proc/self/fd/1", "stderr": "/proc/self/fd/2"}
PRIVATE = ("tmp", "var/tmp", "dev/shm")    # empty and writable, its own
NEW_ROOT = "/tmp"   # where the root folder is built, in the process's own mount namespace only
KEYCTL = {"x86_64": 250, "aarch64": 219}    # the number of the keyctl system call (no libc wrapper)
KEYCTL_JOIN_SESSION_KEYRING = 1


@dataclass(frozen=True)
class Limits:
    memory: int = 2 * GIB       # address space, bytes
    cpu_seconds: int = 60       # CPU time of the process
    processes: int = 64         # processes and threads of the confined user
    file_bytes: int = 64 << 20  # largest file it may write
    open_files: int = 256
    private_bytes: int = 64 << 20   # size of each private writable folder (/tmp, /var/tmp, /dev/shm)


@dataclass(frozen=True)
class View:
    """What a confined process sees besides the system and Python: absolute paths."""
    readable: tuple = ()
    writable: tuple = ()
    hidden: tuple = ()


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
        return ("격리: 네트워크 없음, 파이썬과 공개 패키지와 자기 폴더만 보임(강의의 답과 다른 제출물 가림), "
                "자기만의 /tmp, 파일을 갖지 않은 사용자, 자원 제한")
    return ("격리 제한: root가 아니어서 자원 제한(메모리, CPU 시간, 파일 크기)만 적용됩니다. "
            "학생 코드가 강의 폴더를 읽거나 쓰는 것을 막으려면 root로 채점하세요.")


def _mount(libc, source, target, fstype=None, flags=0, data=None):
    encode = (lambda v: None if v is None else os.fsencode(str(v)))
    _check(libc.mount(encode(source), encode(target), encode(fstype), flags, encode(data)), f"mount {target}")


def python_paths():
    """Where this interpreter reads its code from: the installation and its site-packages (folders
    added by ``PYTHONPATH`` are not among them: a confined process does not see them)."""
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, *site.getsitepackages(),
              *([site.getusersitepackages()] if site.ENABLE_USER_SITE else [])}
    return sorted(os.path.realpath(p) for p in places if os.path.isdir(p))


def _inside(path, folders):
    return any(path == f or path.startswith(f.rstrip("/") + "/") for f in folders)


class _Builder:
    """Builds the root folder of ``view`` at ``NEW_ROOT``, in a mount namespace of its own."""

    def __init__(self, libc, view, private_bytes):
        self.libc, self.private_bytes = libc, private_bytes
        self.system = [f"/{n}" for n in SYSTEM if os.path.isdir(f"/{n}") and not os.path.islink(f"/{n}")]
        self.links = {f"/{n}": os.readlink(f"/{n}") for n in SYSTEM if os.path.islink(f"/{n}")}
        self.binds = {}     # path in the new root -> (O_PATH descriptor of the original, read-only)
        for path in self.system:
            self._keep(path, path, True)
        for path in ("/sys", *(f"/dev/{d}" for d in DEVICES)):
            if os.path.exists(path):
                self._keep(path, path, path == "/sys")
        for paths, read_only in (((*python_paths(), *view.readable), True), (view.writable, False)):
            for path in paths:
                if os.path.exists(path):
                    for alias in {os.path.abspath(path), os.path.realpath(path)}:
                        if not _inside(alias, self.system):
                            self._keep(alias, os.path.realpath(path), read_only)
        self.hidden = sorted({os.path.realpath(p) for p in view.hidden})
        self.cwd = os.getcwd()

    def _keep(self, target, source, read_only):
        if target not in self.binds:
            self.binds[target] = (os.open(source, os.O_PATH), read_only)

    def _inner(self, path):
        return NEW_ROOT + path

    def build(self):
        _mount(self.libc, "tmpfs", NEW_ROOT, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
        for link, target in self.links.items():
            os.symlink(target, self._inner(link))
        for folder in PRIVATE:
            os.makedirs(self._inner(f"/{folder}"))
            _mount(self.libc, "tmpfs", self._inner(f"/{folder}"), "tmpfs", MS_NOSUID | MS_NODEV,
                   f"size={self.private_bytes},nr_inodes=10000,mode=1777")
        for target, (fd, read_only) in sorted(self.binds.items()):
            self._bind(fd, target, read_only)
        for name, target in DEV_LINKS.items():
            os.symlink(target, self._inner(f"/dev/{name}"))
        self._proc()
        for path in self.hidden:
            self._hide(self._inner(path))
        _mount(self.libc, None, NEW_ROOT, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, "size=1m,mode=755")

    def _bind(self, fd, target, read_only):
        inner = self._inner(target)
        if not os.path.lexists(inner):
            os.makedirs(os.path.dirname(inner), exist_ok=True)
            if os.path.isdir(f"/proc/self/fd/{fd}"):
                os.mkdir(inner)
            else:
                open(inner, "x").close()
        _mount(self.libc, f"/proc/self/fd/{fd}", inner, None, MS_BIND | MS_REC)
        if read_only:
            _mount(self.libc, None, inner, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        os.close(fd)

    def _proc(self):
        """A /proc of its own that shows only the processes of the user it becomes (Linux 5.8 and later;
        before, a mount's options would change every /proc, so the system's is shown as it is)."""
        inner = self._inner("/proc")
        os.mkdir(inner)
        try:
            _mount(self.libc, "proc", inner, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, "hidepid=invisible")
        except OSError:
            _mount(self.libc, "/proc", inner, None, MS_BIND | MS_REC)

    def _hide(self, inner):
        if os.path.isdir(inner) and not os.path.islink(inner):
            _mount(self.libc, "tmpfs", inner, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV, "size=4k,mode=555")
        elif os.path.isfile(inner) and not os.path.islink(inner):
            _mount(self.libc, "/dev/null", inner, None, MS_BIND)

    def enter(self):
        """Make the built folder this process's root, in the folder it was in (or ``/``)."""
        os.chroot(NEW_ROOT)
        os.chdir(self.cwd if os.path.isdir(self.cwd) else "/")


def _own_keyring(libc):
    """Join a new, empty session keyring: no key can pass through the one the grader was started in
    (a login session's, which every process it starts would otherwise share)."""
    number = KEYCTL.get(platform.machine())
    if number is not None and libc.syscall(number, KEYCTL_JOIN_SESSION_KEYRING, None) < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"keyctl join: {os.strerror(errno)}")


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


def confine(limits, view=View(), network=False, uid=None, own_group=True):
    """Confine this process for good (see the module docstring)."""
    if own_group:
        os.setpgid(0, 0)
    if isolation_available():
        libc = _libc()
        _check(libc.unshare(CLONE_NEWNS | CLONE_NEWIPC | (0 if network else CLONE_NEWNET)), "unshare")
        _check(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "mount --make-rprivate /")
        builder = _Builder(libc, view, limits.private_bytes)
        builder.build()
        builder.enter()
        _own_keyring(libc)
        _become(uid or uid_for(os.getpid()))
    _set_limits(limits)
