"""Length-prefixed JSON messages between the judge and a child, with a size cap and a deadline."""
import json
import select
import struct
import time

from testcases.engine import codec

MAX_MESSAGE = 64 << 20
_HEADER = struct.Struct("!Q")


class PipeClosed(Exception):
    """The other side is gone (it exited, crashed or was killed)."""


class PipeTimeout(Exception):
    """No whole message arrived before the deadline."""


class MessageTooLarge(Exception):
    """The other side sent more than ``MAX_MESSAGE`` bytes."""


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


def receive(sock, timeout=None):
    deadline = None if timeout is None else time.monotonic() + timeout
    (size,) = _HEADER.unpack(_read(sock, _HEADER.size, deadline))
    if size > MAX_MESSAGE:
        raise MessageTooLarge(size)
    return codec.from_plain(json.loads(_read(sock, size, deadline)))
