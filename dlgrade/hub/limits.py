"""Memory and CPU limits per student, with the kernel's control groups.

Each student's server (and every kernel it starts) runs in a control group of its own,
``dl-course-hub-<port>/<user>``, made under the hub's own group: with cgroup v2 (``memory.max``,
``cpu.max``), or with cgroup v1's ``memory`` and ``cpu`` hierarchies (``memory.limit_in_bytes``,
``cpu.cfs_quota_us``). Past the memory limit the kernel's OOM killer ends a process of that student
only (usually the kernel, which JupyterLab then restarts); the CPU limit caps the cores the student
may use at once. ``Cgroups.find`` returns None where neither can be written (not root, or no
control groups delegated), and the hub then says the limits are off.
"""
import contextlib
import os
from pathlib import Path

CGROUP = Path("/sys/fs/cgroup")
PERIOD_US = 100_000  # the CPU bandwidth period: quota = cpus * period


def _own_group(controller):
    """This process's group in the hierarchy of ``controller`` (``""`` for cgroup v2)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return path.lstrip("/")
    return None


class Cgroups:
    """The control groups of one hub's students: ``folders(user)`` per hierarchy, with their limits."""

    def __init__(self, bases, version):
        self.bases, self.version = bases, version

    @classmethod
    def find(cls, name):
        """The groups for hub ``name``, created under this process's own; None where they cannot be."""
        if os.geteuid() != 0:
            return None
        if (CGROUP / "cgroup.controllers").is_file():
            controllers = (CGROUP / "cgroup.controllers").read_text().split()
            if not {"memory", "cpu"} <= set(controllers):
                return None
            bases = {"unified": CGROUP / name}
        else:
            groups = {c: _own_group(c) for c in ("memory", "cpu")}
            if None in groups.values() or not all((CGROUP / c).is_dir() for c in groups):
                return None
            bases = {c: CGROUP / c / groups[c] / name for c in groups}
        try:
            for base in bases.values():
                base.mkdir(exist_ok=True)
            if "unified" in bases:
                (CGROUP / "cgroup.subtree_control").write_text("+memory +cpu")
                (bases["unified"] / "cgroup.subtree_control").write_text("+memory +cpu")
        except OSError:
            return None
        return cls(bases, 2 if "unified" in bases else 1)

    def folders(self, user):
        return [base / user for base in self.bases.values()]

    def create(self, user, memory_bytes, cpus):
        """The groups of ``user`` with its limits (0 means no limit); returns their folders."""
        folders = self.folders(user)
        for folder in folders:
            folder.mkdir(exist_ok=True)
        quota = int(cpus * PERIOD_US) if cpus else None
        if self.version == 2:
            group = folders[0]
            (group / "memory.max").write_text(str(memory_bytes) if memory_bytes else "max")
            (group / "memory.swap.max").write_text("0")
            (group / "cpu.max").write_text(f"{quota or 'max'} {PERIOD_US}")
        else:
            memory, cpu = self.bases["memory"] / user, self.bases["cpu"] / user
            (memory / "memory.limit_in_bytes").write_text(str(memory_bytes or -1))
            (cpu / "cpu.cfs_period_us").write_text(str(PERIOD_US))
            (cpu / "cpu.cfs_quota_us").write_text(str(quota or -1))
        return folders

    @staticmethod
    def join(folders):
        """Move the calling process into ``folders`` (before it drops root: run from a ``preexec_fn``)."""
        for folder in folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def _memory_file(self, user, v2_name, v1_name):
        folder = self.bases.get("unified") or self.bases["memory"]
        return folder / user / (v2_name if self.version == 2 else v1_name)

    def memory_bytes(self, user):
        """Memory ``user``'s processes use now (the page cache of their files included)."""
        return int(self._memory_file(user, "memory.current", "memory.usage_in_bytes").read_text())

    def memory_limit(self, user):
        text = self._memory_file(user, "memory.max", "memory.limit_in_bytes").read_text().strip()
        return None if text == "max" else int(text)

    def remove(self, user):
        """Remove the groups of ``user`` once its processes are gone (a group with processes stays)."""
        for folder in self.folders(user):
            with contextlib.suppress(OSError):
                folder.rmdir()

    def remove_all(self):
        for base in self.bases.values():
            for folder in (p for p in base.iterdir() if p.is_dir()) if base.is_dir() else ():
                with contextlib.suppress(OSError):
                    folder.rmdir()
            with contextlib.suppress(OSError):
                base.rmdir()
