"""Getting a file's bytes: only regular files, never blocking (a FIFO is refused before it is opened, and
opened without waiting for a writer if it appears in between), never more than the size limit."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import ReaderError

MAX_BYTES = 50_000_000

_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
          (stat.S_ISSOCK, "is a socket, not a file"), (stat.S_ISCHR, "is a device, not a file"),
          (stat.S_ISBLK, "is a device, not a file"))


def read_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file ``path``; ReaderError says precisely why not."""
    try:
        info = os.stat(path)
    except OSError as e:
        raise ReaderError(_missing(path, e)) from e
    _check_kind(path, info.st_mode)
    if info.st_size > limit:
        raise ReaderError(_too_large(path, info.st_size, limit))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise ReaderError(_missing(path, e)) from e
    with os.fdopen(fd, "rb") as f:
        _check_kind(path, os.fstat(f.fileno()).st_mode)   # replaced between stat and open
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise ReaderError(f"{path}: cannot read ({e.strerror or e})") from e
    if len(data) > limit:
        raise ReaderError(_too_large(path, len(data), limit))
    return data


def _check_kind(path: Path, mode: int) -> None:
    for test, what in _KINDS:
        if test(mode):
            raise ReaderError(f"{path}: {what}")
    if not stat.S_ISREG(mode):
        raise ReaderError(f"{path}: not a regular file")


def _missing(path: Path, e: OSError) -> str:
    if e.errno == errno.ENOENT and os.path.islink(path):
        return f"{path}: broken link (it points to {os.readlink(path)}, which does not exist)"
    reasons = {errno.ENOENT: "no such file", errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.ELOOP: "too many levels of symbolic links", errno.ENOTDIR: "a folder in the path is a file",
               errno.ENAMETOOLONG: "file name too long"}
    return f"{path}: {reasons.get(e.errno or 0, e.strerror or str(e))}"


def _too_large(path: Path, size: int, limit: int) -> str:
    return f"{path}: too large ({size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)"
