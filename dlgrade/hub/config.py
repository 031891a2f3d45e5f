"""The hub's JupyterHub configuration, from the settings ``dlgrade hub`` writes to ``hub.json``.

``jupyterhub_config.py`` in the hub's state folder is three lines that call ``configure`` with
that file, then load the instructor's own configuration (``--config``, e.g. LTI 1.3 login) last.

- login with PAM (the Linux accounts) by default, allowed for the roster and the instructor;
- the proxy (``configurable-http-proxy``) and the hub on loopback ports next to the public one, and
  each account's server on a loopback port of its own from the public one + 10;
- ``CourseSpawner`` with the per-student limits;
- services: ``formgrader`` (nbgrader's, as the instructor, in the course root) at
  ``/services/formgrader/``, and ``idle-culler`` (``jupyterhub-idle-culler``), which stops a
  server no one used for ``idle_timeout`` seconds;
- roles: the instructor may open the formgrader and see and stop the students' servers;
  the culler may only list, read activity and stop servers.
"""
import json
import os
import sys
from pathlib import Path

CONFIG = """\
# JupyterHub's configuration for this course, written by `dlgrade hub` (settings: hub.json beside it).
from dlgrade.hub.config import configure

configure(c, {settings!r})  # noqa: F821
if {extra!r}:
    load_subconfig({extra!r})  # noqa: F821
"""
LOGIN_NOTE = ("학번(Username)과 비밀번호(Password)로 로그인하세요. 처음 비밀번호는 강사에게 받습니다. "
              "로그인하면 실습 메뉴 Nbgrader › Assignment List에서 실습을 받고 제출합니다.")
FIRST_SERVER_PORT = 10  # servers listen on the hub's port + 10, + 11, ... (the instructor first, then the roster)
# Debian's configurable-http-proxy reads its modules from here; Node.js from elsewhere does not look there.
DEBIAN_NODE_MODULES = "/usr/share/nodejs"


def write(state_dir, settings, extra=None):
    """Write ``hub.json`` and ``jupyterhub_config.py`` into ``state_dir``; returns the config's path."""
    (state_dir / "hub.json").write_text(json.dumps(settings, indent=2, ensure_ascii=False), encoding="utf-8")
    config = state_dir / "jupyterhub_config.py"
    config.write_text(CONFIG.format(settings=str(state_dir / "hub.json"),
                                    extra=str(Path(extra).resolve()) if extra else ""), encoding="utf-8")
    return config


def configure(c, settings_path):
    s = json.loads(Path(settings_path).read_text(encoding="utf-8"))
    state = Path(s["state_dir"])
    if os.path.isdir(DEBIAN_NODE_MODULES):
        os.environ["NODE_PATH"] = os.pathsep.join(filter(None, [os.environ.get("NODE_PATH"), DEBIAN_NODE_MODULES]))

    c.JupyterHub.bind_url = f"http://{s['ip']}:{s['port']}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{s['port'] + 1}"
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s['port'] + 2}"
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

    c.JupyterHub.template_vars = {"announcement_login": LOGIN_NOTE}
    c.JupyterHub.authenticator_class = "pam"
    c.Authenticator.allowed_users = set(s["students"]) | {s["instructor"]}

    c.JupyterHub.spawner_class = "dlgrade.hub.spawner.CourseSpawner"
    c.CourseSpawner.student_env = s["student_env"]
    c.CourseSpawner.instructor_env = s["instructor_env"]
    c.CourseSpawner.course_root = s["course_root"]
    c.CourseSpawner.instructor = s["instructor"]
    c.CourseSpawner.cgroup_name = s["cgroup_name"]
    accounts = [s["instructor"], *s["students"]]
    c.CourseSpawner.ports = {name: s["port"] + FIRST_SERVER_PORT + index for index, name in enumerate(accounts)}
    c.Spawner.mem_limit = s["memory"]
    c.Spawner.cpu_limit = s["cpus"]
    # a class logs in at once: on 2 cores forty servers take minutes to start together, not the default 30 s
    c.Spawner.start_timeout = 600
    c.Spawner.http_timeout = 600

    instructor_bin = Path(s["instructor_env"]) / "bin"
    c.JupyterHub.services = [
        {"name": "formgrader", "url": f"http://127.0.0.1:{s['port'] + 3}", "user": s["instructor"],
         "cwd": s["course_root"], "oauth_no_confirm": True,
         "command": [str(instructor_bin / "jupyterhub-singleuser"), f"--ServerApp.root_dir={s['course_root']}"],
         "environment": {"JUPYTERHUB_DEFAULT_URL": "/formgrader", "PATH": f"{instructor_bin}:/usr/bin:/bin"}},
        {"name": "idle-culler",
         "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s['idle_timeout']}",
                     f"--cull-every={max(60, s['idle_timeout'] // 6)}"]},
    ]
    c.JupyterHub.load_roles = [
        {"name": "instructor", "users": [s["instructor"]],
         "scopes": ["access:services!service=formgrader", "admin-ui", "list:users", "read:users",
                    "read:servers", "delete:servers"]},
        {"name": "idle-culler", "services": ["idle-culler"],
         "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]},
    ]
