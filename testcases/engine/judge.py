"""The judge: grades one submitted notebook outside the student's kernel.

    python -m testcases.engine.judge < request.json > verdicts.json

The request names the lesson, the setup cell (from the gradebook, so the
instructor's), the student's answer cells and the test cells to decide. The
judge runs the setup cell, then forks one child per exercise *before* it imports
any reference solution; each child runs the answer cells up to its exercise,
confined (``testcases.engine.child``), and calls the student's function on every
public and hidden case. The judge compares each reply with the stored or freshly
computed expected values, which no child ever holds, and prints one verdict per
test cell: ``{"test_x": {"passed": bool, "message": "…", "finding": {…}}}``; the finding
says how and where the cell failed, for the instructor's report (``findings``).

Nothing the student's kernel did can reach this process, and a child that
crashes, hangs, floods or replies with anything but a well-formed message costs
only its own exercise. A child sees the Python installation and nothing of the
course (``child_view``): what it needs is imported before it is confined.
"""
import contextlib
import io
import json
import os
import signal
import socket
import sys
import time

from testcases.engine import child, findings, lessons, mistakes, pipe, sandbox, store
from testcases.engine.cells import exercise_of, without_magics
from testcases.engine.report import CheckFailed
from testcases.engine.runner import ReferenceGuard, hidden_cases, judge_case
from testcases.engine.warm import import_public_dlutils

TIMEOUT_WORDS = "초 안에 끝나지 않았습니다"
START_SECONDS = 20      # default time to run the answer cells
CASE_SECONDS = 20       # default time for one call of the student's function
MESSAGE_CHARS = 3000    # the most of a child's own words (the errors it reports) a verdict shows
REPLY_BYTES = 8 << 20   # the largest reply decoded (the largest a reference gives is about 0.3 MB)


def _fork_child(lesson, exercise, answers, namespace, limits, view):
    parent_end, child_end = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        parent_end.close()
        try:
            child.serve(child_end, lesson, exercise, answers, namespace, limits, view)
        finally:
            os._exit(0)
    child_end.close()
    return pid, parent_end


def _stop(pid, sock):
    """End a child and everything it started (its process group; as root, every process of its user)."""
    sock.close()
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill()
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    if sandbox.isolation_available():
        sandbox.kill_user(sandbox.uid_for(pid))


class BadReply(Exception):
    """A failed case; its message is the Korean verdict. ``failure`` says how it failed
    (``findings.WRONG``, ``ERROR``, ``TIMEOUT``, ``BLANK``), ``named`` the mistakes the checks
    named, ``error_type`` the type of the student's exception."""

    def __init__(self, message, failure=findings.ERROR, named=(), error_type=None):
        super().__init__(message)
        self.failure, self.named, self.error_type = failure, list(named), error_type


def _lost(label, exc, seconds):
    if isinstance(exc, pipe.PipeTimeout):
        return f"{label}: {seconds}{TIMEOUT_WORDS}. 끝나지 않는 반복문이 있는지 확인하세요."
    if isinstance(exc, pipe.MessageTooLarge):
        return f"{label}: 결과가 너무 큽니다 ({exc.args[0]:,} 바이트). 반환하는 값의 모양을 확인하세요."
    if isinstance(exc, pipe.MalformedMessage):
        return (f"{label}: 채점 프로세스가 보낸 결과를 읽을 수 없습니다. 답 셀이 채점기와의 연결에 직접 쓰거나 "
                "numpy 배열, 숫자, 리스트, 튜플, 딕셔너리가 아닌 값을 돌려주었는지 확인하세요.")
    return (f"{label}: 채점 프로세스가 도중에 끝났습니다. 메모리를 너무 많이 쓰거나(메모리 제한), "
            "CPU 시간을 다 쓰거나, 프로세스를 끝내는 코드(os._exit, sys.exit 등)가 있는지 확인하세요.")


def _text(value):
    """A child's words, as a bounded string."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + " …"


def _receive(sock, seconds, label, fields):
    """The child's next message, a dict whose ``fields`` have the given types, else ``BadReply``."""
    try:
        message = pipe.receive(sock, seconds, limit=REPLY_BYTES)
    except pipe.PipeError as exc:
        failure = findings.TIMEOUT if isinstance(exc, pipe.PipeTimeout) else findings.ERROR
        raise BadReply(_lost(label, exc, seconds), failure) from exc
    if not (isinstance(message, dict) and all(isinstance(message.get(k), t) for k, t in fields.items())):
        raise BadReply(_lost(label, pipe.MalformedMessage(), seconds))
    return message


def _cases(number, exercise):
    """``(kind, number from 1, label, case, stored expected or None)``: the public cases, then the hidden ones."""
    for index, (case, record) in enumerate(zip(exercise.public(), store.records(number, exercise.name))):
        label = f"{exercise.name} [공개 테스트{', ' + case.title if case.title else ''}]"
        yield findings.PUBLIC, index + 1, label, case, record["expected"]
    for index, (label, case) in enumerate(hidden_cases(number, exercise)):
        yield findings.HIDDEN, index + 1, label, case, None


def _error_reply(number, exercise, reply, label):
    """A child's report of an exception in the student's code, as ``BadReply``."""
    message = _text(reply.get("message", f"{label}: 알 수 없는 오류"))
    error_type = reply.get("error_type")
    error_type = error_type if isinstance(error_type, str) and error_type.isidentifier() else None
    error_type = error_type[:60] if error_type else None
    if error_type == "NotImplementedError":
        return BadReply(message, findings.BLANK)
    if error_type == "CheckFailed":  # the call returned too few values, or a class lacks a method
        return BadReply(message, findings.WRONG)
    return BadReply(message, findings.ERROR, mistakes.named_in_error(number, exercise, message), error_type)


def _decide(number, exercise, sock, ref, start_seconds, case_seconds):
    """Run every case through the child; ``(passed, Korean verdict, finding)`` of this exercise.

    Every message of the child is untrusted: one that is late, too large, not
    decodable or not of the expected form fails this exercise, with a reason.
    """
    name = exercise.name
    tally = findings.Tally(len(store.records(number, name)), exercise.trials)
    try:
        _send(sock, {"op": "start"}, name)
        ready = _receive(sock, start_seconds, f"{name} (답 셀 실행)", {"defined": bool, "errors": list})
        if not ready["defined"]:
            return False, "\n".join([f"{name}: 답 셀이 {name} 함수를 정의하지 않았습니다.",
                                     *map(_text, ready["errors"])]), tally.finding(findings.ERROR)
        for kind, case_number, label, case, stored in _cases(number, exercise):
            tally.running(kind, case_number)
            _send(sock, {"op": "invoke", "inputs": case.inputs, "label": label}, label)
            reply = _receive(sock, case_seconds, label, {"op": str, "guard_called": bool})
            if reply["guard_called"]:
                raise BadReply(ReferenceGuard.message(name), findings.WRONG, mistakes.reference_called(exercise))
            if reply["op"] != "result":
                raise _error_reply(number, exercise, reply, label)
            if not (isinstance(reply.get("outputs"), dict) and isinstance(reply.get("after"), dict)):
                raise BadReply(_lost(label, pipe.MalformedMessage(), case_seconds))
            expected = stored if stored is not None else exercise.expected(ref, case.inputs)
            _compare(number, exercise, label, reply, case.inputs, expected)
            tally.case_passed()
    except BadReply as exc:
        return False, str(exc), tally.finding(exc.failure, exc.named, exc.error_type)
    public, hidden = tally.passed[findings.PUBLIC], tally.passed[findings.HIDDEN]
    return True, (f"✔ 채점 통과: 공개 테스트 {public}개와 숨겨진 테스트 {hidden}개를 "
                  "노트북 밖의 깨끗한 환경에서 모두 통과했습니다."), tally.finding()


def _send(sock, message, label):
    try:
        pipe.send(sock, message)
    except OSError as exc:  # the child is gone
        raise BadReply(_lost(label, pipe.PipeClosed(), 0)) from exc


def _compare(number, exercise, label, reply, inputs, expected):
    """``judge_case`` on a reply; any failure, foreseen or not, becomes ``BadReply``."""
    try:
        judge_case(exercise, label, reply["outputs"], reply["after"], inputs, expected)
    except CheckFailed as exc:
        raise BadReply(str(exc), findings.WRONG, mistakes.named(number, exc.hints)) from exc
    except Exception as exc:  # noqa: BLE001 - a comparison meeting a value no check foresaw
        raise BadReply(f"{label}: 결과를 비교할 수 없습니다 ({type(exc).__name__}: {str(exc)[:300]}). "
                       "반환값의 형태를 확인하세요.", findings.WRONG) from exc


COURSE_PACKAGES = ("dlutils", "testcases", "dlgrade")


def course_copies():
    """Every folder of the course's packages this Python could import or read: the ones in use
    (for an editable install, in its source tree) and any copy in the installation's site-packages."""
    import dlutils
    import testcases

    places = {os.path.realpath(p) for package in (dlutils, testcases) for p in package.__path__}
    for folder in sandbox.python_paths():
        places |= {os.path.realpath(os.path.join(folder, name)) for name in COURSE_PACKAGES
                   if os.path.isdir(os.path.join(folder, name))}
    return sorted(places)


def child_view():
    """What a child sees: the Python installation, without any copy of the course's packages (the
    child has imported all it needs before it is confined) and without the course folder."""
    return sandbox.View(hidden=tuple(course_copies()))


def judge(request):
    """Verdicts for ``request`` (see the module docstring)."""
    lesson = lessons.load(request["lesson"])
    wanted = {exercise_of(test_id) for test_id in request["tests"]}
    limits = sandbox.Limits(**request.get("limits", {}))
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(without_magics(request["setup"]), "<setup>", "exec"), namespace)
    import_public_dlutils()  # what an answer may import, loaded before any child is confined
    view = child_view()
    children, answers = {}, []
    for name, exercise in lesson.exercises.items():
        if name in request["answers"]:
            answers.append((name, request["answers"][name]))
        if name in wanted:
            children[name] = _fork_child(lesson, exercise, list(answers), dict(namespace), limits, view)
    ref = lesson.reference()
    verdicts = {}
    for name, (pid, sock) in children.items():
        started = time.monotonic()
        try:
            passed, message, finding = _decide(lesson.number, lesson.exercises[name], sock, ref,
                                               request.get("start_seconds", START_SECONDS),
                                               request.get("case_seconds", CASE_SECONDS))
        finally:
            _stop(pid, sock)
        verdicts[f"test_{name}"] = {"passed": passed, "message": message, "finding": finding,
                                    "seconds": round(time.monotonic() - started, 3)}
    for test_id in request["tests"]:
        verdicts.setdefault(test_id, {"passed": False, "message": f"{test_id}: 이 실습에 없는 채점 셀입니다.",
                                      "finding": findings.Tally(0, 0).finding(findings.ERROR)})
    return verdicts


def main():
    request = json.load(sys.stdin)
    print(json.dumps(judge(request), ensure_ascii=False))


if __name__ == "__main__":
    main()
