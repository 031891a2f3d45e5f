"""The hub's spawner: each user's server as that Linux user, in the environment of its role.

A student's server runs from ``student-env`` in the student's home, inside the student's control
groups (``limits``: ``mem_limit`` and ``cpu_limit``); the instructor's runs from ``instructor-env``
in the course root, without limits (grading needs the machine). Each account has a port of its own
(``ports``): JupyterHub's random free port is picked and released before the server binds it, so two
of forty servers starting together could get the same one, and the proxy would send one student to
the other's server.
"""
import subprocess
from functools import cached_property
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Unicode, default

from dlgrade.hub.limits import Cgroups


class CourseSpawner(LocalProcessSpawner):
    student_env = Unicode(config=True, help="the students' environment (a venv)")
    instructor_env = Unicode(config=True, help="the instructor's environment (a venv)")
    course_root = Unicode(config=True, help="the course root, the instructor's working folder")
    instructor = Unicode(config=True, help="the instructor's account")
    cgroup_name = Unicode("", config=True, help="the name of this hub's control groups; empty: no limits")
    ports = Dict(config=True, help="each account's own port: servers that start together never pick the same one")

    @default("popen_kwargs")
    def _no_terminal(self):
        # without the hub's terminal a server stops at once when the hub stops it (else it asks there first)
        return {"stdin": subprocess.DEVNULL}

    @property
    def is_instructor(self):
        return self.user.name == self.instructor

    @property
    def env_dir(self):
        return Path(self.instructor_env if self.is_instructor else self.student_env)

    @cached_property
    def cgroups(self):
        return Cgroups.find(self.cgroup_name) if self.cgroup_name else None

    def get_env(self):
        env = super().get_env()
        env["PATH"] = f"{self.env_dir / 'bin'}:/usr/local/bin:/usr/bin:/bin"
        env.setdefault("LANG", "C.UTF-8")
        return env

    def make_preexec_fn(self, name):
        become_user = super().make_preexec_fn(name)
        folders = [] if self.is_instructor or not self.cgroups else \
            self.cgroups.create(name, self.mem_limit or 0, self.cpu_limit or 0)

        def preexec():
            Cgroups.join(folders)
            become_user()
        return preexec

    async def start(self):
        self.port = self.ports.get(self.user.name, 0)
        self.cmd = [str(self.env_dir / "bin" / "jupyterhub-singleuser")]
        self.notebook_dir = self.course_root if self.is_instructor else "~"
        self.default_url = "/lab"
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now)
        if self.cgroups and not self.is_instructor:
            self.cgroups.remove(self.user.name)
