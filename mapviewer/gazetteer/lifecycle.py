"""Find or build the store: where it lives, which data it must hold (a hash of every input), whether a
file can be trusted, and an atomic build with progress and cancel. The builder only writes files.

A file is only ever replaced when it is a mapviewer store (its SQLite application_id, or the meta table
of older builds) or lies in mapviewer's own cache folder: pointing ``MAPVIEWER_GAZETTEER`` at someone
else's file is an error, never a loss. One build runs at a time: a second process waits for it (a lock
file beside the store) and then uses what it built.

Two stages, two files: the store (``ensure_store``) holds everything geoparsing needs and the world's level
of the basemap, so a new user's first map waits for it alone; its detail file beside it (``ensure_detail``:
the basemap's closer levels, the points' R*Tree) is built afterwards, by the app in the background."""

from __future__ import annotations

import os
import queue
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import IO

import platformdirs
from filelock import FileLock, Timeout

from ..errors import Cancelled, GazetteerError
from ..leftovers import partial_path, remove_leftovers
from ..model import Progress
from .schema import APPLICATION_ID, BUILDER_VERSION, META, levels_of
from .sources import data_version as _inputs_hash

ENV_PATH = "MAPVIEWER_GAZETTEER"
# Writes a store of ``version`` at a path (gazetteer.build.build_store; tests pass a small one).
Writer = Callable[[Path, str, Progress | None], None]
# Writes the basemap detail of the store at the first path, of ``version``, at the second
# (gazetteer.build.build_detail).
DetailWriter = Callable[[Path, Path, str, Progress | None], None]


def data_version() -> str:
    """The version a trusted store carries: changes with the builder and with any of its inputs."""
    return _inputs_hash(BUILDER_VERSION)


def cache_dir() -> Path:
    """mapviewer's own folder in the user's cache: whatever lies there is mapviewer's."""
    return Path(platformdirs.user_cache_dir("mapviewer", appauthor=False))


def default_path() -> Path:
    """Where the store lives: $MAPVIEWER_GAZETTEER, else the user's cache directory."""
    if os.environ.get(ENV_PATH):
        return Path(os.environ[ENV_PATH])
    return cache_dir() / f"gazetteer-{data_version()}.sqlite"


def detail_path(store: Path) -> Path:
    """Where the basemap detail of the store at ``store`` lives: beside it, named after it."""
    return store.with_name(f"{store.stem}-detail{store.suffix}")


def is_ours(path: Path) -> bool:
    """Whether the file at ``path`` is a store mapviewer wrote (complete or not, current or not)."""
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError:
        return False
    if len(header) < 72 or not header.startswith(b"SQLite format 3\x00"):
        return False
    if struct.unpack(">I", header[68:72])[0] == APPLICATION_ID:
        return True
    try:                                  # stores written before the application_id: their meta table
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return db.execute(f"SELECT 1 FROM {META.name} WHERE key = 'version'").fetchone() is not None
        finally:
            db.close()
    except sqlite3.Error:
        return False


def _may_replace(path: Path) -> bool:
    if not os.path.lexists(path):
        return True
    if path.is_symlink() or not path.is_file():
        return False
    return path.resolve().parent == cache_dir().resolve() or is_ours(path)


def problem(path: Path, version: str | None = None) -> str | None:
    """Why the file at ``path`` cannot be trusted as a store (or as a store's detail file), or None when it can."""
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


def basemap_levels(path: Path) -> set[int]:
    """The basemap levels the trusted file at ``path`` holds (its meta table says)."""
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        meta = dict(db.execute(f"SELECT key, value FROM {META.name}"))
    finally:
        db.close()
    return levels_of(meta)


def needs_detail(store: Path) -> bool:
    """Whether the trusted store at ``store`` holds the world's level of the basemap only, and so has a
    detail file with the closer levels (a store written whole, as tests write small ones, has none)."""
    return 1 not in basemap_levels(store)


def integrity_problem(path: Path) -> str | None:
    """What SQLite's integrity check (``PRAGMA quick_check``: every page and record, without comparing
    indexes to their tables) finds wrong in the store, its first findings; None when it finds nothing."""
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            findings = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
        finally:
            db.close()
    except sqlite3.DatabaseError as e:
        return str(e)
    if findings == ["ok"]:
        return None
    said = "; ".join(" ".join(f.replace("*** in database main ***", "").split()) for f in findings)
    return said if len(said) <= 300 else f"{said[:300]}…"      # one line, however much is damaged


def ensure_store(path: Path | None = None, progress: Progress | None = None, build: Writer | None = None,
                 cancelled: Callable[[], bool] | None = None) -> Path:
    """Return the path of a trusted store, building it (with progress) when missing, stale or damaged.

    Raises GazetteerError at once when the file there is not mapviewer's or the folder is not writable.
    """
    version = data_version()
    path = path or default_path()
    if problem(path, version) is None:
        return path
    lock = _build_lock(path, progress)
    try:
        reason = problem(path, version)        # another process may have built it while we waited
        if reason is None:
            return path
        if progress is not None and path.exists():
            progress(f"rebuilding: {reason}", 0.0)
        rebuild(path, progress, build=build, cancelled=cancelled, version=version)
    finally:
        lock.release()
    if path == default_path() and not os.environ.get(ENV_PATH):
        remove_stale_stores(path)
    return path


def remove_stale_stores(current: Path) -> list[Path]:
    """Remove the stores of earlier versions from mapviewer's cache folder (each is about 200 MB, and a new
    version builds its own), with their detail and lock files; not a store another process is building
    (its lock is held), nor any file that is not mapviewer's. Returns what was removed."""
    removed = []
    keep = {current.name, detail_path(current).name}
    for store in sorted(current.parent.glob("gazetteer-*.sqlite")):
        if store.name in keep or store.name.endswith(f"-detail{store.suffix}") or not is_ours(store):
            continue
        lock = FileLock(store.with_name(f".{store.name}.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue
        try:
            for file in (store, detail_path(store)):
                if file.is_file() and not file.is_symlink() and is_ours(file):
                    file.unlink()
                    removed.append(file)
        except OSError:
            pass
        finally:
            lock.release()
    return removed


def ensure_detail(path: Path | None = None, progress: Progress | None = None, build: DetailWriter | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Path | None:
    """The path of the trusted basemap detail of the store at ``path`` (trusted: ``ensure_store`` first),
    building it when missing, stale or damaged; None for a store that holds every level itself.

    The store is complete for geoparsing without it, so the app shows a first map at once and builds this
    meanwhile; a map page or an export made later has the closer zooms' basemap. Same lock as the store's
    build: a second process waits for this one's detail.
    """
    version = data_version()
    path = path or default_path()
    if not needs_detail(path):
        return None
    detail = detail_path(path)
    if problem(detail, version) is None:
        return detail
    lock = _build_lock(path, progress, detail)
    try:
        if problem(detail, version) is None:
            return detail
        write = build or partial(_detail_in_child, cancelled=cancelled)
        rebuild(detail, progress, build=lambda tmp, v, report: write(path, tmp, v, report), cancelled=cancelled,
                version=version)
    finally:
        lock.release()
    return detail


def rebuild_store(path: Path | None = None, progress: Progress | None = None, build: Writer | None = None,
                  cancelled: Callable[[], bool] | None = None, detail: DetailWriter | None = None) -> Path:
    """Build the store at ``path`` and its basemap detail afresh, whatever is there now (``mapviewer gazetteer
    build``, the app's Rebuild gazetteer…), with the same checks and lock as a first build: never over
    another program's file."""
    path = path or default_path()
    lock = _build_lock(path, progress, path, detail_path(path))
    try:
        rebuild(path, _scaled(progress, 0.0, 0.6), build=build, cancelled=cancelled)
        if needs_detail(path):
            write = detail or partial(_detail_in_child, cancelled=cancelled)
            rebuild(detail_path(path), _scaled(progress, 0.6, 1.0), cancelled=cancelled,
                    build=lambda tmp, v, report: write(path, tmp, v, report))
    finally:
        lock.release()
    return path


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` for one part of a longer build: its fractions mapped onto [start, end]."""
    if progress is None:
        return None
    report = progress
    return lambda message, fraction: report(message, start + (end - start) * fraction)


def _build_lock(path: Path, progress: Progress | None, *replaced: Path) -> FileLock:
    """The lock of the store at ``path`` that lets one process build while the others wait, acquired; taken
    after the checks a build needs: the files it replaces (``replaced``, else the store) must be
    replaceable and the folder writable."""
    replaced = replaced or (path,)
    for file in replaced:
        if not _may_replace(file):
            raise GazetteerError(f"{file} is not a mapviewer gazetteer, so it is left as it is: set {ENV_PATH} "
                                 "to a file name of its own, or move that file away")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as e:
        raise GazetteerError(f"cannot write the gazetteer in {path.parent}: {e.strerror or e}") from e
    lock = FileLock(path.with_name(f".{path.name}.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if progress is not None:
            progress("waiting for another mapviewer to finish building the gazetteer", 0.0)
        lock.acquire()
    for file in replaced:
        remove_leftovers(file.parent, file.name)     # what builds killed before left
    return lock


def rebuild(path: Path, progress: Progress | None = None, *, build: Writer | None = None,
            cancelled: Callable[[], bool] | None = None, version: str | None = None) -> None:
    """Build the store at ``path`` atomically: into a temporary file beside it, renamed over ``path``
    once complete, so a crash or a cancel never leaves a file that is later trusted. The real builder
    runs in processes of its own (``_build_in_child``); ``build`` replaces it (tests write small stores).

    ``cancelled`` is asked at every progress step, and by the real builder every 50 ms while its process
    works; when it answers True the build stops with Cancelled.
    """
    build = build or partial(_build_in_child, cancelled=cancelled)

    def report(message: str, fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("the gazetteer build was cancelled")
        if progress is not None:
            progress(message, fraction)

    tmp = partial_path(path)
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


# The build's process: this module's builder, imported (not run as __main__, which its helper process
# would import a second time).
_BUILD = "import sys; from mapviewer.gazetteer.build import main; main(sys.argv[1:])"


def _build_in_child(path: Path, version: str, progress: Progress | None,
                    cancelled: Callable[[], bool] | None = None) -> None:
    """gazetteer.build.build_store in a process of its own (``_run_build``)."""
    _run_build(["store", str(path), version], progress, cancelled)


def _detail_in_child(store: Path, path: Path, version: str, progress: Progress | None,
                     cancelled: Callable[[], bool] | None = None) -> None:
    """gazetteer.build.build_detail in a process of its own (``_run_build``)."""
    _run_build(["detail", str(store), str(path), version], progress, cancelled)


def progress_line(message: str, fraction: float) -> str:
    """A step of the build as its process prints it on standard output, for ``_build_in_child``."""
    return f"{fraction:.3f} {message}"


_PROGRESS = re.compile(r"([01]\.\d{3}) (.+)")   # progress_line's lines


def _run_build(args: list[str], progress: Progress | None, cancelled: Callable[[], bool] | None = None) -> None:
    """Run gazetteer.build (``main(args)``) in a process group of its own (the builder and its helper process), passing
    its progress on. The caller's threads keep their interpreter to themselves meanwhile (a window stays
    responsive), and when the caller stops — ``cancelled()`` answering True (asked every 50 ms), an
    exception from ``progress``, an interrupt, or an asynchronous exception in this thread — the whole
    build is killed at once: nothing of it goes on to race the next build."""
    # Its standard input stays open for as long as this process holds the handle: should this process die,
    # or lose the handle (a stop landing inside Popen, after the fork), the build ends itself.
    child = subprocess.Popen([sys.executable, "-c", _BUILD, "--until-stdin-closes", *args],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace", start_new_session=True)
    lines: queue.Queue[str | None] = queue.Queue()
    errors: list[str | None] = []
    pumps = [threading.Thread(target=_pump, args=(stream, put), daemon=True, name="mapviewer-build-output")
             for stream, put in ((child.stdout, lines.put), (child.stderr, errors.append))]
    try:
        for pump in pumps:
            pump.start()
        while (line := _next(lines, cancelled)) is not None:
            step = _PROGRESS.fullmatch(line.rstrip("\n"))
            if progress is not None and step:        # anything else a library printed is not ours to show
                progress(step[2], float(step[1]))
        while child.poll() is None:
            time.sleep(0.01)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        if child.stdin is not None:
            child.stdin.close()
    if child.returncode != 0:
        pumps[1].join(5)
        said = [e.strip() for e in errors if e and e.strip()]
        raise GazetteerError(f"the gazetteer build failed: {said[-1] if said else f'exit status {child.returncode}'}")


def _next(lines: queue.Queue[str | None], cancelled: Callable[[], bool] | None = None) -> str | None:
    """The next line, waiting in short steps: a cancel is seen (Cancelled), and an asynchronous exception in
    this thread lands, between them."""
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled("the gazetteer build was cancelled")
        try:
            return lines.get(timeout=0.05)
        except queue.Empty:
            continue


def _pump(stream: IO[str], put: Callable[[str | None], None]) -> None:
    """Pass a child's output on line by line, then None."""
    for line in stream:
        put(line)
    put(None)
