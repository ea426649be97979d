"""Writing files so that a crash or a failed run never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def atomic_write(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step, keeping its file mode.

    Temp file in the same directory, flush, fsync, ``os.replace``; the temp file is
    removed when anything fails.
    """
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class NotRegularFile(OSError):
    """The path names a FIFO, device, socket or directory, not a file to read."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit`` + 1 of them).

    Opened without blocking, so a FIFO put where a file should be is refused instead of
    waiting forever for a writer.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class BadHome(ValueError):
    """A ``~user`` path whose user does not exist; the message is one line."""


def expand_user(text: str, what: str) -> Path:
    """``text`` as a path with ``~`` expanded; BadHome names ``what`` it came from."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        user = text[1:].split("/", 1)[0]
        who = f"no user {user!r}" if user else "no home directory is known"
        raise BadHome(f"{what} {text!r}: cannot expand '~' ({who})") from None
