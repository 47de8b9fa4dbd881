"""Writing user files: atomically (a crash or a full disk never leaves a half-written file behind), and
in encodings that cannot fail on what a document holds."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from .errors import ExportError

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def dumps_json(value: object, **options: object) -> str:
    """JSON text, non-ASCII kept readable; a lone surrogate (clipboard text, a JSON corpus can hold one)
    is written as its ``\\udxxx`` escape, so the text stays exact and still encodes as UTF-8."""
    text = json.dumps(value, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def text_for_utf8(value: str) -> str:
    """Text for formats without escapes (CSV): characters UTF-8 cannot carry become U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    path = Path(path)
    mode = "wb" if isinstance(data, bytes) else "w"
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
        try:
            with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise ExportError(f"cannot write {path}: {e.strerror or e}") from e


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
