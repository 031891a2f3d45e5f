"""Length-prefixed JSON messages between the judge and a child, with a size cap and a deadline.

The size is checked before a message is read, and anything that is not a whole,
decodable message raises one of the exceptions below: a side that receives from
an untrusted process (the judge from its children) catches ``PipeError``.
"""
import json
import select
import struct
import time

from testcases.engine import codec

MAX_MESSAGE = 64 << 20
_HEADER = struct.Struct("!Q")


class PipeError(Exception):
    """No usable message: the base of the errors below."""


class PipeClosed(PipeError):
    """The other side is gone (it exited, crashed or was killed)."""


class PipeTimeout(PipeError):
    """No whole message arrived before the deadline."""


class MessageTooLarge(PipeError):
    """The other side announced more than the size limit."""


class MalformedMessage(PipeError):
    """A whole message arrived but is not JSON the codec can decode."""


def send(sock, message):
    data = json.dumps(codec.to_plain(message), ensure_ascii=False).encode()
    sock.sendall(_HEADER.pack(len(data)) + data)


def _read(sock, size, deadline):
    chunks, remaining = [], size
    while remaining:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([sock], [], [], left)[0]:
                raise PipeTimeout()
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            raise PipeClosed()
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def receive(sock, timeout=None, limit=MAX_MESSAGE):
    deadline = None if timeout is None else time.monotonic() + timeout
    (size,) = _HEADER.unpack(_read(sock, _HEADER.size, deadline))
    if size > limit:
        raise MessageTooLarge(size)
    data = _read(sock, size, deadline)
    try:
        return codec.from_plain(json.loads(data))
    except Exception as exc:  # noqa: BLE001 - bad bytes, bad JSON, values the codec refuses, nesting too deep
        raise MalformedMessage(f"{type(exc).__name__}: {str(exc)[:200]}") from exc
