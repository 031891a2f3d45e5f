"""``dlgrade hub ROSTER --instructor NAME``: set the course up on this machine and start its JupyterHub.

In order, each step safe to repeat: the accounts (new ones get a first password in
``<dir>/passwords.csv``), the roster in the gradebook, the exchange folder (``chmod 1777``, as
nbgrader asks), the course root given to the instructor and closed to everyone else (``chmod 700``;
its ``.venv`` stays root's), the two environments, the hub's configuration; then JupyterHub
replaces this process (Ctrl-C stops it with every server it started).
"""
import os
import pwd
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dlgrade import course
from dlgrade.course import CourseError
from dlgrade.hub import accounts, config, environments
from dlgrade.hub.limits import Cgroups
from dlgrade.roster import import_roster

PROXY = "configurable-http-proxy"
KEPT_FROM_INSTRUCTOR = (".venv",)  # root runs the hub and grading from it: not the instructor's to change


@dataclass
class Options:
    roster: str
    instructor: str
    root: Path
    dir: Path
    ip: str = ""
    port: int = 8000
    upto: str = None
    memory: str = "1G"
    cpus: float = 1.0
    idle_timeout: int = 3600
    config: str = None


def parse_bytes(text):
    """``"1G"``, ``"512M"`` or a number of bytes, as bytes."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    size = text.strip().upper().removesuffix("B")
    try:
        return int(float(size[:-1]) * units[size[-1]]) if size[-1:] in units else int(size)
    except ValueError:
        raise ValueError(f"{text!r}: 1G, 512M처럼 쓰세요") from None


def check_machine():
    if os.geteuid() != 0:
        raise CourseError("dlgrade hub는 root로 실행해야 합니다 (학생 계정을 만들고 각 학생의 서버를 그 계정으로 "
                          "엽니다). sudo를 붙여 다시 실행하세요.")
    if not shutil.which(PROXY):
        raise CourseError(f"{PROXY}가 없습니다. `apt-get install node-configurable-http-proxy`(Debian/Ubuntu)나 "
                          f"`npm install -g configurable-http-proxy`로 설치한 뒤 다시 실행하세요.")


def give_course(root, owner):
    """The course root and everything in it (but ``.venv``) to ``owner``, closed to everyone else."""
    entry = pwd.getpwnam(owner)
    os.chown(root, entry.pw_uid, entry.pw_gid)
    for top, folders, files in os.walk(root):
        if Path(top) == root:
            folders[:] = [f for f in folders if f not in KEPT_FROM_INSTRUCTOR]
            files = [f for f in files if f not in KEPT_FROM_INSTRUCTOR]
        for name in folders + files:
            os.chown(os.path.join(top, name), entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    os.chmod(root, 0o700)


def _reachable_by(path, name):
    """Whether account ``name`` can pass through every folder above ``path``."""
    return subprocess.run(["runuser", "-u", name, "--", "test", "-x", str(path)]).returncode == 0


def prepare(options):
    """Every step before the hub starts; returns the path of JupyterHub's configuration."""
    check_machine()
    root, hub_dir = options.root.resolve(), options.dir.resolve()
    course_id = course.load_config(root).CourseDirectory.course_id
    students = accounts.roster_accounts(options.roster)
    accounts.check_name(options.instructor)
    if options.instructor in students:
        raise CourseError(f"강사 계정 {options.instructor}이(가) 학생 명단에도 있습니다. 다른 이름을 쓰세요.")

    passwords = {}
    for name in [options.instructor, *students]:
        if (password := accounts.ensure(name)) is not None:
            passwords[name] = password
    hub_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(hub_dir, 0o755)
    if passwords:
        accounts.write_passwords(hub_dir / "passwords.csv", passwords)
    print(f"계정: 학생 {len(students)}명, 강사 {options.instructor}" + (
        f" (새 계정 {len(passwords)}개의 첫 비밀번호: {hub_dir / 'passwords.csv'})" if passwords else ""))
    print("\n".join(import_roster(root, options.roster).lines()))

    exchange = hub_dir / "exchange"
    exchange.mkdir(exist_ok=True)
    os.chmod(exchange, 0o1777)
    state = hub_dir / "hub"
    state.mkdir(exist_ok=True)
    os.chmod(state, 0o700)

    with ThreadPoolExecutor(2) as pool:  # both wait mostly on the package index and the disk
        started = time.monotonic()
        student = pool.submit(environments.student_env, hub_dir, root, options.upto, exchange, course_id)
        instructor = pool.submit(environments.instructor_env, hub_dir, root, exchange)
        (student_env, student_built), (instructor_env, instructor_built) = student.result(), instructor.result()
    for label, env, built in (("학생", student_env, student_built), ("강사", instructor_env, instructor_built)):
        print(f"{label} 환경: {env} ({'새로 만듦' if built else '그대로 씀'})")
    print(f"환경 준비: {time.monotonic() - started:.0f}초")
    give_course(root, options.instructor)
    if not _reachable_by(root, options.instructor):
        raise CourseError(f"강사 계정 {options.instructor}이(가) 강의 폴더 {root}에 들어갈 수 없습니다 (위 폴더 중 "
                          "하나가 다른 계정에 닫혀 있습니다). 강의 폴더를 /srv 아래 같은 곳으로 옮겨 다시 실행하세요.")

    cgroup_name = f"dl-course-hub-{options.port}"
    if Cgroups.find(cgroup_name) is None:
        print("주의: 이 서버에서는 control group을 쓸 수 없어 학생별 메모리·CPU 제한을 걸지 못합니다. "
              "한 학생이 서버 전체의 메모리를 쓸 수 있습니다.")
    settings = {
        "state_dir": str(state), "ip": options.ip, "port": options.port, "students": students,
        "instructor": options.instructor, "student_env": str(student_env), "instructor_env": str(instructor_env),
        "course_root": str(root), "cgroup_name": cgroup_name, "memory": parse_bytes(options.memory),
        "cpus": options.cpus, "idle_timeout": options.idle_timeout,
    }
    return config.write(state, settings, options.config)


def start(options, setup_only=False):
    hub_config = prepare(options)
    address = f"http://{options.ip or 'localhost'}:{options.port}"
    if setup_only:
        print(f"준비를 마쳤습니다. 시작: {sys.executable} -m jupyterhub -f {hub_config}")
        return 0
    print(f"JupyterHub를 엽니다: {address} (끝내려면 Ctrl-C)", flush=True)
    os.chdir(hub_config.parent)
    os.execv(sys.executable, [sys.executable, "-m", "jupyterhub", "-f", str(hub_config)])
