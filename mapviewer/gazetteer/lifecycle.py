"""Find or build the store: where it lives, which data it must hold (a hash of every input), whether a
file can be trusted, and an atomic build with progress and cancel. The builder only writes files."""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

import platformdirs

from ..errors import Cancelled, GazetteerError
from ..model import Progress
from .schema import BUILDER_VERSION, META
from .sources import data_version as _inputs_hash

ENV_PATH = "MAPVIEWER_GAZETTEER"
# Writes a store of ``version`` at a path (gazetteer.build.build_store; tests pass a small one).
Writer = Callable[[Path, str, Progress | None], None]


def data_version() -> str:
    """The version a trusted store carries: changes with the builder and with any of its inputs."""
    return _inputs_hash(BUILDER_VERSION)


def default_path() -> Path:
    """Where the store lives: $MAPVIEWER_GAZETTEER, else the user's cache directory."""
    if os.environ.get(ENV_PATH):
        return Path(os.environ[ENV_PATH])
    cache = Path(platformdirs.user_cache_dir("mapviewer", appauthor=False))
    return cache / f"gazetteer-{data_version()}.sqlite"


def problem(path: Path, version: str | None = None) -> str | None:
    """Why the file at ``path`` cannot be trusted as a store, or None when it can."""
    try:
        with open(path, "rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as e:
        return f"cannot read {path}: {e.strerror or e}"
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return f"{path} is not a gazetteer store"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", header[28:32])[0]
    if pages * page_size != size:
        return f"{path} is incomplete ({size} of {pages * page_size} bytes)"
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(db.execute(f"SELECT key, value FROM {META.name}"))
        finally:
            db.close()
    except sqlite3.DatabaseError as e:
        return f"{path} is damaged: {e}"
    if version is not None and meta.get("version") != version:
        return f"{path} was built from other data (version {meta.get('version')}, expected {version})"
    return None


def ensure_store(path: Path | None = None, progress: Progress | None = None, build: Writer | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Path:
    """Return the path of a trusted store, building it (with progress) when missing, stale or damaged."""
    version = data_version()
    path = path or default_path()
    reason = problem(path, version)
    if reason is None:
        return path
    if progress is not None and path.exists():
        progress(f"rebuilding: {reason}", 0.0)
    rebuild(path, progress, build=build, cancelled=cancelled, version=version)
    return path


def rebuild(path: Path, progress: Progress | None = None, *, build: Writer | None = None,
            cancelled: Callable[[], bool] | None = None, version: str | None = None) -> None:
    """Build the store at ``path`` atomically: into a temporary file beside it, renamed over ``path``
    once complete, so a crash or a cancel never leaves a file that is later trusted.

    ``cancelled`` is asked at every progress step; when it answers True the build stops with Cancelled.
    """
    if build is None:
        from .build import build_store  # the builder and its libraries: needed on first run only

        build = build_store

    def report(message: str, fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("the gazetteer build was cancelled")
        if progress is not None:
            progress(message, fraction)

    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        build(tmp, version or data_version(), report)
        report("done", 1.0)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as e:
        raise GazetteerError(f"could not build the gazetteer at {path}: {e}") from e
    finally:
        tmp.unlink(missing_ok=True)
