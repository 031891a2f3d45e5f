"""Linux accounts for a class: one per student of the roster, and the instructor's.

An account's name is the student's id (학번) as nbgrader knows it: nbgrader names a submission
after the Linux user that made it, so the account, the hub user and the gradebook share one id.
A new account gets a home only it can read and a random first password (for PAM login), which
``write_passwords`` leaves for the instructor in a file only root can read.
"""
import csv
import os
import pwd
import re
import secrets
import subprocess
from pathlib import Path

from dlgrade.course import CourseError
from dlgrade.roster import parse

NAME = re.compile(r"[a-z_][a-z0-9_-]{0,31}")
FIRST_USER_UID = 1000  # accounts below this are the system's own
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread on paper


def roster_accounts(path):
    """The account names of the roster at ``path``; every id that cannot be a Linux name raises one error."""
    students, _ = parse(path)
    bad = [sid for sid in students if not NAME.fullmatch(sid)]
    if bad:
        raise CourseError(
            f"{path}: 학번 {', '.join(bad)}은(는) 리눅스 계정 이름으로 쓸 수 없습니다. 계정 이름(=nbgrader의 학생 ID)은 "
            "영어 소문자나 _로 시작하고 소문자·숫자·_·-만 쓸 수 있습니다(32자까지). 숫자로만 된 학번은 "
            "s20231234처럼 앞에 글자를 붙여 명단을 고친 뒤 다시 실행하세요.")
    return list(students)


def check_name(name, role="강사"):
    if not NAME.fullmatch(name):
        raise CourseError(f"{role} 계정 이름 {name!r}은(는) 리눅스 계정 이름으로 쓸 수 없습니다 "
                          "(영어 소문자나 _로 시작, 소문자·숫자·_·-만).")


def exists(name):
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return False
    if entry.pw_uid < FIRST_USER_UID:
        raise CourseError(f"{name}은(는) 이 서버의 시스템 계정입니다. 학생이나 강사의 계정으로 쓸 수 없으니 "
                          "명단의 학번이나 --instructor의 이름을 바꾸세요.")
    return True


def _password():
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(12))


def ensure(name):
    """Make the account ``name`` if it is missing; returns its first password, or None if it existed.
    Either way its home is readable by no one else."""
    password = None
    if not exists(name):
        run = subprocess.run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash", name],
                             capture_output=True, text=True)
        if run.returncode != 0:
            raise CourseError(f"계정 {name}을(를) 만들지 못했습니다: {run.stderr.strip()}")
        password = _password()
        subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
    os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
    return password


def write_passwords(path, passwords):
    """Add ``{account: password}`` to the CSV at ``path`` (created readable by root only)."""
    path = Path(path)
    new = not path.exists()
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        if new:
            writer.writerow(["계정", "첫 비밀번호"])
        writer.writerows(sorted(passwords.items()))
