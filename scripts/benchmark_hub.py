"""How many students one server holds: N simulated students on a real ``dlgrade hub``, on loopback.

    sudo .venv/bin/python scripts/benchmark_hub.py [--students 10 20 40] [--rounds 3] [--memory 1G]

One hub (``tests/hub_class.py``: accounts for the largest N, the course's environments, JupyterHub
with its proxy) serves every N in turn. The instructor releases lesson 07; then, for each N, that many
students at once each start a server (REST API), fetch the lesson (nbgrader's assignment list), start
a kernel and run its setup cell, then its answer and check cells ``--rounds`` times over the kernel's
websocket, the way a class runs cells. Their servers are stopped before the next N. Bounded: at most
``--rounds`` rounds per student and ``--timeout`` seconds per N; only 127.0.0.1 is contacted.

Printed, per N: server start time (median, p95), check-cell latency (median, p95: from the request to
the kernel's reply), memory per student (peak of the student's control group: server, kernel and
everything they started, sampled every second; median and max), and the check cells that did not
pass. Last, the smallest N whose check-cell p95 is over 2 s.
"""
import argparse
import asyncio
import json
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hub_class  # noqa: E402
from course import answer_cells, grade_cells, read, setup_cell, solution_path  # noqa: E402
from tornado.httpclient import AsyncHTTPClient, HTTPRequest  # noqa: E402
from tornado.websocket import websocket_connect  # noqa: E402

from dlgrade.hub.limits import Cgroups  # noqa: E402

LESSON = "07_deep_nn_step_by_step"
PASSED = "공개 테스트 통과"
HUB_COMMAND = ".venv/bin/dlgrade hub students.csv --instructor kim"  # as README's 서버에서 수업하기
SLOW = 2.0  # seconds: a check cell slower than this at p95 is too slow for a class


def lesson_code():
    """The setup cell, then (answer, check) sources of every exercise of lesson 07, from the solution."""
    solution = read(solution_path(LESSON))
    tests = grade_cells(solution)
    pairs = [(cell.source, tests[f"test_{grade_id}"].source) for grade_id, cell in answer_cells(solution).items()]
    return setup_cell(solution).source, pairs


def median(values):
    return statistics.median(values) if values else float("nan")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else float("nan")


class Kernel:
    """One kernel of a student's server, driven over its websocket (Jupyter's JSON messages)."""

    def __init__(self, socket):
        self.socket, self.session = socket, uuid.uuid4().hex

    async def run(self, code):
        """Execute ``code``; returns (seconds until its reply and its last output, status, the text it printed).
        The reply comes on the shell channel and the output on iopub, in either order: both are waited for."""
        msg_id = uuid.uuid4().hex
        message = {"header": {"msg_id": msg_id, "username": "", "session": self.session, "msg_type": "execute_request",
                              "version": "5.3", "date": ""},
                   "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                   "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                               "allow_stdin": False, "stop_on_error": True}}
        started = time.monotonic()
        await self.socket.write_message(json.dumps(message))
        printed, status, idle = [], None, False
        while status is None or not idle:
            raw = await self.socket.read_message()
            if raw is None:
                return time.monotonic() - started, "closed", "".join(printed)
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if reply["msg_type"] == "stream":
                printed.append(reply["content"]["text"])
            elif reply["msg_type"] == "execute_reply":
                status = reply["content"]["status"]
            elif reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                idle = True
        return time.monotonic() - started, status, "".join(printed)


class Student:
    def __init__(self, hub, name, token):
        self.hub, self.name, self.token = hub, name, token

    async def call(self, method, path, body=None, hub_api=False):
        url = f"{self.hub.url}/hub/api{path}" if hub_api else f"{self.hub.url}/user/{self.name}{path}"
        request = HTTPRequest(url, method=method, headers={"Authorization": f"token {self.token}"},
                              body=body if body is not None else (None if method in ("GET", "DELETE") else ""),
                              request_timeout=300)
        response = await AsyncHTTPClient().fetch(request, raise_error=False)
        if response.code >= 400 and not (hub_api and response.code == 400):
            raise RuntimeError(f"{self.name}: {method} {url} → {response.code} {response.body[:300]!r}")
        return json.loads(response.body) if response.body else None

    async def start_server(self):
        """Seconds until the server is ready; None if the hub gave up on it."""
        started = time.monotonic()
        await self.call("POST", f"/users/{self.name}/server", hub_api=True)
        while True:
            server = (await self.call("GET", f"/users/{self.name}", hub_api=True))["servers"].get("")
            if server is None:
                return None
            if server.get("ready"):
                return time.monotonic() - started
            await asyncio.sleep(0.5)

    async def work(self, setup, pairs, rounds, result):
        """``session``, with what went wrong (if anything) kept in ``result`` instead of ending the others' work."""
        try:
            await self.session(setup, pairs, rounds, result)
        except Exception as error:  # noqa: BLE001 - a student whose session broke is counted, the class goes on
            result["error"] = f"{type(error).__name__}: {error}"

    async def session(self, setup, pairs, rounds, result):
        result["start"] = await self.start_server()
        if result["start"] is None:
            result["failed_start"] = True
            return
        await self.call("POST", "/assignments/fetch",
                        body=f"course_id={self.hub.course_id}&assignment_id={LESSON}")
        kernel_id = (await self.call("POST", "/api/kernels", body="{}"))["id"]
        socket = await websocket_connect(HTTPRequest(
            f"{self.hub.url.replace('http', 'ws')}/user/{self.name}/api/kernels/{kernel_id}/channels",
            headers={"Authorization": f"token {self.token}"}, connect_timeout=300, request_timeout=300),
            max_message_size=64 << 20)
        kernel = Kernel(socket)
        try:
            _, status, _ = await kernel.run(setup)
            result["failed"] += status != "ok"
            for _ in range(rounds):
                for answer, check in pairs:
                    await kernel.run(answer)
                    seconds, status, printed = await kernel.run(check)
                    result["checks"].append(seconds)
                    if status != "ok" or PASSED not in printed:
                        result["failed"] += 1
                        result.setdefault("first_failure", f"{status}: {printed[-300:]}")
        finally:
            socket.close()
            await self.call("DELETE", f"/api/kernels/{kernel_id}")

    async def stop_server(self):
        await self.call("DELETE", f"/users/{self.name}/server", hub_api=True)
        while (await self.call("GET", f"/users/{self.name}", hub_api=True))["servers"]:
            await asyncio.sleep(0.5)


async def sample_memory(groups, names, peaks, stop):
    while groups and not stop.is_set():
        for name in names:
            try:
                peaks[name] = max(peaks.get(name, 0), groups.memory_bytes(name))
            except OSError:
                pass
        await asyncio.sleep(1)


async def one_class(hub, students, setup, pairs, rounds, timeout, groups):
    results = {s.name: {"start": None, "checks": [], "failed": 0} for s in students}
    peaks, stop = {}, asyncio.Event()
    sampler = asyncio.create_task(sample_memory(groups, [s.name for s in students], peaks, stop))
    try:
        await asyncio.wait_for(asyncio.gather(*(s.work(setup, pairs, rounds, results[s.name]) for s in students)),
                               timeout)
    finally:
        stop.set()
        await sampler
        await asyncio.gather(*(s.stop_server() for s in students), return_exceptions=True)
    starts = [r["start"] for r in results.values() if r["start"] is not None]
    checks = [c for r in results.values() for c in r["checks"]]
    memory = [peaks[name] / 2**20 for name in peaks]
    return {"N": len(students), "start_median": median(starts), "start_p95": percentile(starts, 0.95),
            "check_median": median(checks), "check_p95": percentile(checks, 0.95), "checks": len(checks),
            "failed": sum(r["failed"] for r in results.values()),
            "failed_starts": sum("failed_start" in r for r in results.values()),
            "broken": [f"{name}: {r['error']}" for name, r in results.items() if "error" in r],
            "memory_median": median(memory), "memory_max": max(memory, default=float("nan")),
            "first_failure": next((r["first_failure"] for r in results.values() if "first_failure" in r), None)}


def table(rows):
    lines = ["| 학생 수 N | 서버 시작 중앙값 (초) | 서버 시작 p95 (초) | 채점 셀 지연 중앙값 (초) | 채점 셀 지연 p95 (초) "
             "| 학생당 메모리 중앙값 / 최대 (MB) | 채점 셀 수 (통과 못 함) | 열리지 않은 서버 | 끊긴 학생 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['N']} | {r['start_median']:.1f} | {r['start_p95']:.1f} | {r['check_median']:.2f} | "
                     f"{r['check_p95']:.2f} | {r['memory_median']:.0f} / {r['memory_max']:.0f} | "
                     f"{r['checks']} ({r['failed']}) | {r['failed_starts']} | {len(r['broken'])} |")
    slow = next((r["N"] for r in rows if r["check_p95"] > SLOW), None)
    lines.append(f"채점 셀 p95가 {SLOW:g}초를 넘은 첫 N: {slow}" if slow else
                 f"잰 N 모두 채점 셀 p95가 {SLOW:g}초 이하입니다.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[10, 20, 40])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--memory", default="1G", help="학생 한 명의 메모리 한도 (dlgrade hub --memory)")
    parser.add_argument("--timeout", type=int, default=900, help="N 하나에 쓸 수 있는 최대 초")
    args = parser.parse_args(argv)
    AsyncHTTPClient.configure(None, max_clients=4 * max(args.students))  # no student waits for another's request
    setup, pairs = lesson_code()
    started = time.monotonic()
    hub = hub_class.start(HUB_COMMAND, max(args.students), upto="07", memory=args.memory)
    try:
        hub_class.wait_until_up(hub)
        print(f"허브 준비: {time.monotonic() - started:.0f}초 (학생 계정 {len(hub.students)}개)", flush=True)
        release = hub.as_user(hub.instructor, "nbgrader", "release_assignment", LESSON, cwd=hub.course)
        assert release.returncode == 0, release.stderr
        with ThreadPoolExecutor(4) as pool:  # PAM logins, then a token each
            tokens = dict(zip(hub.students, pool.map(
                lambda name: hub.session(name).headers["Authorization"].split()[1], hub.students)))
        groups = Cgroups.find(f"dl-course-hub-{hub.port}")
        rows = []
        for count in sorted(args.students):
            students = [Student(hub, name, tokens[name]) for name in hub.students[:count]]
            rows.append(asyncio.run(one_class(hub, students, setup, pairs, args.rounds, args.timeout, groups)))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
        print(table(rows))
    finally:
        hub_class.stop(hub)
    return 0


if __name__ == "__main__":
    sys.exit(main())
