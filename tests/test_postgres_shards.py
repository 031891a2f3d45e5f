"""A class graded as two shards on "two machines" sharing one PostgreSQL gradebook.

A real PostgreSQL server (Debian's ``postgresql``, which ``.ci/run`` installs when
missing) runs on a local port for the test. Two copies of the course, each with
the whole class under ``submitted/``, point ``db_url`` at it and grade
``--shard 1/2`` and ``--shard 2/2`` at the same time; the per-cell grades must
equal those of one machine grading everyone into SQLite.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from test_dlgrade import LESSON, scores, submit_class
from course import copy_course
from nbgrader.api import Gradebook

pytestmark = [pytest.mark.autograde]

PG_BIN = Path("/usr/lib/postgresql")


def _pg_tool(name):
    found = sorted(PG_BIN.glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


def _as_postgres(*command):
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], capture_output=True, text=True, check=True)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres():
    if not _pg_tool("initdb") or not _pg_tool("pg_ctl"):
        pytest.skip("PostgreSQL server is not installed (apt-get install postgresql; .ci/run does it)")
    folder = Path(tempfile.mkdtemp(prefix="dl-postgres-"))  # pytest's own folders are closed to other users
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    _as_postgres(_pg_tool("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    _as_postgres(_pg_tool("pg_ctl"), "-D", str(data), "-l", str(data / "server.log"), "-w", "-o",
                 f"-p {port} -k {folder} -c listen_addresses=127.0.0.1", "start")
    try:
        _as_postgres(_pg_tool("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "gradebook")
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/gradebook"
    finally:
        _as_postgres(_pg_tool("pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def _machine(folder, db_url):
    course = submit_class(copy_course(folder))
    with open(course / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.CourseDirectory.db_url = {db_url!r}\n")
    return course


def _dlgrade(course, *args):
    return subprocess.Popen([sys.executable, "-m", "dlgrade.cli", "autograde", LESSON, "--workers", "1", *args],
                            cwd=course, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def shards(postgres, tmp_path_factory):
    first, second = (_machine(tmp_path_factory.mktemp(f"machine{i}"), postgres) for i in (1, 2))
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", LESSON, "--force"], cwd=first,
                   env=env, capture_output=True, check=True)
    started = time.monotonic()
    runs = [_dlgrade(first, "--shard", "1/2"), _dlgrade(second, "--shard", "2/2")]
    outputs = [run.communicate() for run in runs]
    single = submit_class(copy_course(tmp_path_factory.mktemp("single")))
    subprocess.run([sys.executable, "-m", "dlgrade.cli", "autograde", LESSON], cwd=single, capture_output=True)
    return postgres, runs, outputs, single, time.monotonic() - started


def test_each_shard_grades_its_half(shards):
    _, runs, outputs, _, _ = shards
    graded = [out for out, _ in outputs]
    assert [run.returncode for run in runs] == [1, 0] or [run.returncode for run in runs] == [0, 1]
    assert sum(int(out.split("채점한 제출물: ")[1].split("개")[0]) for out in graded) == 5
    assert sum(out.count("중간에 잘렸거나 노트북 파일(JSON)이 아닙니다") for out in graded) == 1


def test_shared_gradebook_equals_one_machine(shards):
    postgres, _, _, single, _ = shards
    with Gradebook(postgres) as gradebook:
        shared = {s.student.id: {g.name: g.score for g in s.grades}
                  for s in gradebook.find_notebook(LESSON, LESSON).submissions}
    assert shared == scores(single)
