"""Writing user files: atomically (a crash or a full disk never leaves a half-written file behind), and
in encodings that cannot fail on what a document holds."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import ExportError
from .leftovers import remove_leftovers, tmp_prefix

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def dumps_json(value: object, **options: object) -> str:
    """JSON text, non-ASCII kept readable; a lone surrogate (clipboard text, a JSON corpus can hold one)
    is written as its ``\\udxxx`` escape, so the text stays exact and still encodes as UTF-8."""
    text = json.dumps(value, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def text_for_utf8(value: str) -> str:
    """Text for formats without escapes (CSV): characters UTF-8 cannot carry become U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def check_target(path: Path, inputs: Iterable[Path] = ()) -> os.stat_result | None:
    """The status of the file ``path`` would replace (None when there is none), or ExportError when it must
    not be replaced: one of the ``inputs`` (by path or by inode, so a hard link counts), a symbolic link
    (mapviewer does not guess whether its target was meant), a directory or another non-regular file."""
    path = Path(path)
    try:
        target = path.lstat()
    except FileNotFoundError:
        target = None
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from e
    for source in inputs:
        if _same_file(path, Path(source), target):
            raise ExportError(f"{path} is an input file ({Path(source).name}); choose another name for the output")
    if target is None or stat.S_ISREG(target.st_mode):
        return target
    if stat.S_ISLNK(target.st_mode):
        raise ExportError(f"{path} is a symbolic link (to {os.readlink(path)}); mapviewer does not replace links: "
                          f"write to the link's target or to another name")
    what = "a directory" if stat.S_ISDIR(target.st_mode) else "not a regular file"
    raise ExportError(f"{path} is {what}; choose a file name for the output")


def _same_file(path: Path, source: Path, target: os.stat_result | None) -> bool:
    if path.resolve() == source.resolve():
        return True
    try:
        other = source.stat()
    except OSError:
        return False
    return target is not None and (target.st_dev, target.st_ino) == (other.st_dev, other.st_ino)


def write_atomic(path: Path, data: str | bytes, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``: a crash or a full
    disk leaves the old file whole and no temporary file behind (one a killed process left is removed by
    the next write of the file, or the next start of the app: ``leftovers``). A replaced file keeps its permissions
    (and owner, where allowed); see :func:`check_target` for what is never replaced."""
    path = Path(path)
    target = check_target(path, inputs)
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    try:
        remove_leftovers(path.parent, path.name)       # of earlier writes of this file that were killed
        fd, tmp = tempfile.mkstemp(prefix=tmp_prefix(path.name), suffix=".tmp", dir=path.parent or ".")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
                _copy_access(f.fileno(), target)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from e


def _copy_access(fd: int, target: os.stat_result | None) -> None:
    """The replaced file's mode and owner, or a new file's usual mode (mkstemp makes it 0600)."""
    if target is None:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    with contextlib.suppress(PermissionError):     # only root may give a file away
        os.fchown(fd, target.st_uid, target.st_gid)
    os.fchmod(fd, stat.S_IMODE(target.st_mode))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
