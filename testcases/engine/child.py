"""The judge's child: runs one submission's answer cells, confined, and calls them on request.

It is forked from the judge after the lesson's setup cell ran there, so it starts
with numpy, the grading code and the setup's imports already loaded. Before any
student code runs it imports the lesson's reference (graded functions this
exercise calls are answered by it), puts a ``ReferenceGuard`` where the
exercise's own reference was (the original is dropped, not kept), and confines
itself (``sandbox.confine``). It never sees an expected value: the judge computes
those after each reply.
"""
import os

from testcases.engine import pipe, sandbox
from testcases.engine.cells import without_magics
from testcases.engine.invoke import invoke
from testcases.engine.report import CheckFailed
from testcases.engine.runner import ReferenceGuard, import_given_helpers

BLANK = "빈칸이 아직 그대로입니다 (NotImplementedError). ### START CODE HERE ### 아래의 raise 줄을 지우고 코드를 쓰세요."


def _quiet_stdio():
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _close_other_fds(keep):
    for fd in sorted(int(name) for name in os.listdir("/proc/self/fd")):
        if fd > 2 and fd != keep:
            try:
                os.close(fd)
            except OSError:
                pass


def describe_error(label, exc):
    if isinstance(exc, NotImplementedError):
        return f"{label}: {BLANK}"
    if isinstance(exc, CheckFailed):
        return str(exc)
    notes = "\n".join(getattr(exc, "__notes__", []))
    return f"{label}: {type(exc).__name__}: {exc}" + (f"\n{notes}" if notes else "")


def _run_answers(answers, namespace):
    """Execute the answer cells in order; each error is kept, in Korean, and the rest still run."""
    errors = []
    for grade_id, source in answers:
        try:
            exec(compile(without_magics(source), f"<답 셀 {grade_id}>", "exec"), namespace)
        except BaseException as exc:  # noqa: BLE001 - a student's cell may raise anything, even SystemExit
            errors.append(f"답 셀 {grade_id}: 실행하다가 오류가 났습니다. {type(exc).__name__}: {exc}")
    return errors


def serve(sock, lesson, exercise, answers, namespace, limits, view):
    """The child's whole life: wait for the judge, run the answers, answer calls until told to stop."""
    _close_other_fds(keep=sock.fileno())
    _quiet_stdio()
    ref = lesson.reference()
    import_given_helpers()
    guard = ReferenceGuard(ref, exercise.name, keep_original=False, forbids=exercise.forbids)
    providers = {dep: getattr(ref, dep) for dep in exercise.calls}
    del ref
    if pipe.receive(sock)["op"] != "start":
        return
    sandbox.confine(limits, view)
    errors = _run_answers(answers, namespace)
    target = namespace.get(exercise.name)
    pipe.send(sock, {"op": "ready", "defined": target is not None, "errors": errors})
    while (request := pipe.receive(sock))["op"] == "invoke":
        label = request["label"]
        try:
            outputs, after = invoke(exercise, target, request["inputs"], providers, label)
            reply = {"op": "result", "outputs": outputs, "after": after, "guard_called": guard.called}
        except BaseException as exc:  # noqa: BLE001
            reply = {"op": "error", "message": describe_error(label, exc), "error_type": type(exc).__name__,
                     "guard_called": guard.called}
        _reply(sock, reply, label, guard)


def _reply(sock, reply, label, guard):
    """Send ``reply``; a value the codec cannot carry (its own attributes fail) is reported instead."""
    try:
        pipe.send(sock, reply)
    except OSError:
        raise
    except BaseException as exc:  # noqa: BLE001 - a returned object whose methods raise anything
        pipe.send(sock, {"op": "error", "guard_called": guard.called,
                         "message": f"{label}: 반환값을 채점기로 옮길 수 없습니다 ({type(exc).__name__}). "
                                    "numpy 배열, 숫자, 리스트, 튜플, 딕셔너리로 돌려주세요."})
