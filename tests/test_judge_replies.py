"""A child's replies are untrusted: the judge reads them from a real socket, and every bad one
fails only its exercise, with a Korean reason; well-formed replies, right or wrong, are judged."""
import json
import socket
import struct
import threading

import numpy as np
import pytest

from testcases.engine import codec, findings, judge, lessons
from testcases.engine.invoke import NAME_ERROR_HINT, invoke

LESSON = lessons.load("07")
EXERCISE = LESSON.exercises["compute_cost"]
REF = LESSON.reference()
READY = {"op": "ready", "defined": True, "errors": []}


def frame(data):
    data = data if isinstance(data, bytes) else json.dumps(data).encode()
    return struct.pack("!Q", len(data)) + data


def decide(*frames, close=False):
    """The judge's verdict on ``compute_cost`` when the child's side of the socket holds ``frames``:
    ``(passed, message, finding)``."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        writer = threading.Thread(target=_write, args=(theirs, b"".join(frames), close))
        writer.start()
        try:
            return judge._decide(LESSON.number, EXERCISE, ours, REF, 2, 2)
        finally:
            ours.shutdown(socket.SHUT_RDWR)
            writer.join()


def _write(sock, data, close):
    """The child's side: write ``data`` and drain what the judge sends, as a child would read it."""
    try:
        sock.sendall(data)
        if close:
            sock.shutdown(socket.SHUT_WR)
        while sock.recv(1 << 16):
            pass
    except OSError:
        pass


def replies(function):
    """One well-formed reply per case, with what ``function`` returns."""
    out = []
    for *_, case, _ in judge._cases(LESSON.number, EXERCISE):
        outputs, after = invoke(EXERCISE, function, case.inputs)
        out.append(frame(codec.to_plain({"op": "result", "outputs": outputs, "after": after,
                                         "guard_called": False})))
    return out


def test_correct_replies_pass_and_wrong_ones_fail():
    passed, message, finding = decide(frame(READY), *replies(REF.compute_cost))
    assert passed and finding["passed"] and finding["public"] == [1, 1] and finding["hidden"][0] > 0, message
    passed, message, finding = decide(frame(READY), *replies(lambda AL, Y: -np.sum(Y * np.log(AL)) / Y.shape[1]))
    assert not passed and "(1 - Y) * log(1 - AL)" in message
    assert (finding["failure"], finding["where"], finding["case"]) == (findings.WRONG, findings.PUBLIC, 1)
    assert [m["text"] for m in finding["mistakes"]] == [line.split("힌트: ")[1] for line in message.splitlines()
                                                        if "힌트: " in line]


def result(outputs, after=None):
    return {"op": "result", "guard_called": False, "outputs": outputs, "after": after or {}}


DEEP = b"[" * 100_000 + b"]" * 100_000
BAD_FIRST = {
    "not json": frame(b"{{{{{"),
    "not utf-8": frame(b"\xff\xfe\xfd"),
    "too deep": frame(DEEP),
    "a list": frame([1, 2]),
    "missing fields": frame({"op": "ready"}),
    "defined not a bool": frame({"op": "ready", "defined": "yes", "errors": []}),
}
BAD_REPLY = {
    "array of a false shape": frame(result({"cost": {"__array__": [1.0, 2.0], "dtype": "<f8", "shape": [5]}})),
    "object dtype": frame(result({"cost": {"__array__": [1], "dtype": "|O", "shape": [1]}})),
    "a function outside the course": frame(result({"cost": {"__function__": ["os", "system"]}})),
    "a module attribute, not a function": frame(result({"cost": {"__function__": ["dlutils.activations",
                                                                                  "__class__"]}})),
    "a float that is not one": frame(result({"cost": {"__float__": [1]}})),
    "huge integer": frame(b'{"op": "result", "guard_called": false, "outputs": {"cost": ' + b"9" * 10_000
                          + b'}, "after": {}}'),
    "outputs not a dict": frame({"op": "result", "guard_called": False, "outputs": [1], "after": {}}),
    "no outputs": frame({"op": "result", "guard_called": False}),
    "op not a string": frame({"op": 1, "guard_called": False}),
    "outputs without the cost": frame(result({"A": 1.0})),
    "after without the inputs": frame(result({"cost": 0.5})),
}


@pytest.mark.parametrize("bad", sorted(BAD_FIRST))
def test_a_bad_first_message_fails_the_exercise(bad):
    passed, message, finding = decide(BAD_FIRST[bad])
    assert not passed and message.startswith("compute_cost (답 셀 실행): 채점 프로세스가 보낸 결과를 읽을 수 없습니다")
    assert (finding["failure"], finding["where"]) == (findings.ERROR, findings.ANSWERS)


def test_a_reply_over_the_cap_is_refused_before_it_is_read():
    passed, message, _ = decide(frame(READY), struct.pack("!Q", judge.REPLY_BYTES + 1))
    assert not passed and "결과가 너무 큽니다" in message


@pytest.mark.parametrize("bad", sorted(BAD_REPLY))
def test_a_bad_reply_fails_the_exercise(bad):
    passed, message, finding = decide(frame(READY), BAD_REPLY[bad])
    assert not passed and message.startswith("compute_cost [공개 테스트"), message
    assert finding["where"] == findings.PUBLIC and finding["failure"] in (findings.ERROR, findings.WRONG)
    assert "읽을 수 없습니다" in message or "비교할 수 없습니다" in message or "기댓값" in message


def test_a_closed_socket_and_a_long_error_fail_with_a_short_reason():
    passed, message, finding = decide(frame(READY), close=True)
    assert not passed and "도중에 끝났습니다" in message and finding["failure"] == findings.ERROR
    passed, message, _ = decide(frame(READY), frame({"op": "error", "guard_called": False, "message": "x" * 10**6}))
    assert not passed and len(message) < judge.MESSAGE_CHARS + 10


def test_an_error_reply_is_kept_by_its_type_and_the_hint_in_its_message():
    def error(error_type, message="compute_cost [공개 테스트]: 오류"):
        return frame({"op": "error", "guard_called": False, "message": message, "error_type": error_type})
    assert decide(frame(READY), error("NotImplementedError"))[2]["failure"] == findings.BLANK
    named = decide(frame(READY), error("NameError", f"compute_cost [공개 테스트]: NameError\n{NAME_ERROR_HINT}"))[2]
    assert (named["failure"], named["error_type"]) == (findings.ERROR, "NameError")
    assert named["mistakes"] == [{"id": "invoke.NAME_ERROR_HINT", "text": NAME_ERROR_HINT}]
    assert decide(frame(READY), error("<b>not a type</b>"))[2]["error_type"] is None


def test_an_ndarray_subclass_travels_as_the_array_numpy_holds():
    class Liar(np.ndarray):
        @property
        def shape(self):
            return (1, 1)
    value = np.arange(6.0).reshape(2, 3).view(Liar)
    back = codec.loads(codec.dumps(value))
    assert type(back) is np.ndarray and back.shape == (2, 3)
