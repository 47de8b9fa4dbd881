"""Long work off the GUI thread: opening (on first run building) the gazetteer, reading and geoparsing
files, drawing the map page."""

from __future__ import annotations

import ctypes
import gc
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from ..errors import DamagedStore, MapviewerError
from ..gazetteer.opening import StoreOpening
from ..model import Document
from ..places import UNCERTAIN

if TYPE_CHECKING:
    from typing import TypeAlias

    from ..documents.url import WebAddress
    from ..gazetteer.store import GazetteerStore
    from ..geoparse.config import GeoparserConfig
    from ..model import Analysis
    from ..places import PlaceEntry
    from ..project import ProjectDocument

    Source: TypeAlias = Path | Document | WebAddress | ProjectDocument     # what an AnalyseTask opens

Progress = Callable[[str, float], None]


def app_page(analyses: list[Analysis], store: GazetteerStore, entries: list[PlaceEntry],
             view: tuple[float, float, float] | None, below: float) -> list[bytes]:
    """The app's map page of ``analyses``, made on a worker: its UTF-8 in pieces (encoded here, while the
    window waits for nothing), with the basemap's world level only. Made and drawn in less than half the
    time of the whole page, the map is on the screen sooner; its closer levels follow once it is there
    (``basemap_levels``). The world's level is right at any zoom, only coarser."""
    from ..mapping.build import page_pieces

    return [piece.encode("utf-8") for piece in page_pieces(analyses, store, entries, view=view, below=below,
                                                          coarse=True)]


class StoreHandle:
    """The gazetteer a window works with, given to it: already open (tests, a second window), or opened
    — and on the first run built, with progress — in the background from the window's start
    (``gazetteer.opening``), for the first task that needs it."""

    def __init__(self, store: GazetteerStore | None = None, opening: StoreOpening | None = None):
        self._store = store
        self._opening = opening or StoreOpening()
        self._lock = threading.Lock()       # one task at a time asks for it

    @property
    def store(self) -> GazetteerStore | None:
        return self._store if self._store is not None else self._opening.store

    def prepare(self) -> None:
        """Start opening the store (on a first run: building it) now, before anything needs it."""
        if self._store is None:
            self._opening.start()

    def open(self, progress: Progress, cancelled: Callable[[], bool]) -> GazetteerStore:
        """The open store; a first-run build stops (raising Cancelled) as soon as ``cancelled()``."""
        with self._lock:
            if self._store is not None:
                return self._store
            return self._opening.wait(
                lambda m, f: progress(f"Building the offline gazetteer (first run only): {m}", f), cancelled)

    def replace(self, store: GazetteerStore) -> None:
        """A rebuilt store instead of the one open (which closes when nothing uses it any more)."""
        self._store = store

    def shutdown(self) -> None:
        """Stop an opening under way (a first-run build's processes are killed) before the window goes."""
        self._opening.stop()


class _WorkersRunning:
    """What the interpreter does for the GUI thread while workers build analyses.

    - Python's cyclic garbage collector is off, and what the workers built is frozen (``gc.freeze``) when
      the last one ends. A collection scans every object of the process while holding the interpreter lock:
      with a 5 or 20 MB article's analysis in memory each is a pause of a tenth of a second to a second, for
      the GUI thread too. Reference counting still frees what is no longer used; only reference cycles made
      meanwhile stay (an analysis makes few).
    - The interpreter lock changes hands within half a millisecond (``sys.setswitchinterval``) instead of
      five. Every call Qt makes into Python on the GUI thread (a model's ``data`` or ``headerData``, a
      slot) waits for the lock; a repaint of the places table's header makes dozens, so with a busy worker
      the window went a tenth of a second without a turn of its event loop. Only a thread that waits for
      the lock makes it change hands, so the workers lose nearly nothing when the window is idle.
    """

    SWITCH_S = 0.0005

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workers = 0
        self._interval = sys.getswitchinterval()

    @property
    def idle(self) -> bool:
        """No worker is building an analysis: the interpreter is as it was before any began."""
        return not self._workers

    def __enter__(self) -> None:
        with self._lock:
            if not self._workers:
                self._interval = sys.getswitchinterval()
                sys.setswitchinterval(self.SWITCH_S)
            self._workers += 1
            gc.disable()

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._workers -= 1
            if not self._workers:
                gc.freeze()
                gc.enable()
                sys.setswitchinterval(self._interval)


workers_running = _WorkersRunning()


class _Stopped(BaseException):
    """Raised inside a worker by StoppableTask.cancel(); a BaseException, so no handler of errors keeps it."""


class StoppableTask(QThread):
    """Work on a worker thread (``_work``) that ``cancel`` stops within moments, wherever it is."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cancelled = False
        self._lock = threading.Lock()
        self._thread: int | None = None       # the worker's thread id while its work may be stopped

    def cancel(self) -> None:
        """Stop the work within moments, wherever it is.

        Geoparsing a large article, or building the gazetteer, is one long call into the core with no
        place that asks whether to go on; rather than thread a flag through every loop of the core, the
        worker thread gets an exception at its next Python instruction (CPython's asynchronous exception,
        ``PyThreadState_SetAsyncExc``), only while it is inside its work, and the work is dropped. An
        exception that lands in a finaliser is swallowed by the interpreter, so it is sent again every
        20 ms until the work has ended.
        """
        self.cancelled = True
        threading.Thread(target=self._stop, name="mapviewer-stop", daemon=True).start()

    def stop(self, timeout_ms: int = 5000) -> None:
        """Cancel the work if it runs and wait for its thread (at most ``timeout_ms``): no thread outlives
        the window that started it."""
        if self.isRunning():
            self.cancel()
            self.wait(timeout_ms)

    def _stop(self) -> None:
        for _ in range(250):                      # 5 s at most
            with self._lock:
                if self._thread is None:
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread), ctypes.py_object(_Stopped))
            time.sleep(0.02)

    def run(self) -> None:
        try:
            with self._lock:
                if self.cancelled:
                    return
                self._thread = threading.get_ident()
            try:
                with workers_running:
                    self._work()
            finally:
                with self._lock:
                    self._thread = None
        except _Stopped:
            pass

    def _work(self) -> None:
        raise NotImplementedError


class TaskSlot(QObject):
    """Where one task of a kind runs at a time: starting one stops the one before; ``shutdown`` stops it
    before the window goes."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._task: StoppableTask | None = None

    def start_task(self, task: StoppableTask) -> None:
        self.shutdown()
        self._task = task
        task.start()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        if self._task is not None:
            self._task.stop(timeout_ms)
        self._task = None


class AnalyseTask(StoppableTask):
    """Geoparses each source (a project's documents, read and corrected already, are taken as they are)
    and draws the map page, at ``view`` if given; cancel drops the result. Only widgets are left for the
    GUI thread, so a 1 MB article, or a project of them, does not freeze the window."""

    progress = Signal(str, float)
    storeOpened = Signal()                 # the gazetteer is open (on a first run: built)
    done = Signal(object, object, object)  # [(source, ProjectDocument)], [PlaceEntry], map page's UTF-8 in pieces
    failed = Signal(str, str)              # message, details (a traceback for a bug, else empty)
    damaged = Signal(str)                  # the gazetteer failed in use: what its integrity check found

    def __init__(self, sources: list[Source], store: StoreHandle, parent: QObject | None = None,
                 config: GeoparserConfig | None = None, below: float = UNCERTAIN,
                 view: tuple[float, float, float] | None = None):
        super().__init__(parent)
        self.config, self.below, self.view = config, below, view
        self.sources = sources
        self.store = store

    def _work(self) -> None:
        try:
            # The store first: on a first run its build starts at once, in processes of its own. The core
            # is imported after, on this thread, while the GUI thread starts Qt WebEngine.
            store = self.store.open(self.progress.emit, lambda: self.cancelled)
            self.storeOpened.emit()
            from ..pipeline import Geoparser
            from ..places import collect_places
            from ..project import ProjectDocument

            geoparser = Geoparser(store) if self.config is None else Geoparser(store, self.config)
            documents: list[tuple[Source, ProjectDocument]] = []
            for n, source in enumerate(self.sources):
                if self.cancelled:
                    return
                if isinstance(source, ProjectDocument):
                    documents.append((source, source))
                    continue
                document = self._read(source, n / max(1, len(self.sources)))
                documents.append((source, ProjectDocument(geoparser.analyse(document))))
            if self.cancelled:
                return
            self.progress.emit("Drawing the map", 0.95)
            # Each document's corrected analysis (sorted mentions, its corrections applied) made here: for a
            # long article that was a pause of the window's thread.
            analyses = [d.corrected for _, d in documents]
            for a in analyses:    # what the window's views look up in each analysis (cached with it), made here
                _ = a.placed, a.reviewed_mentions
            entries = collect_places(analyses, store)
            page = app_page(analyses, store, entries, self.view, self.below)
            if not self.cancelled:
                self.done.emit(documents, entries, page)
        except DamagedStore as e:
            self.damaged.emit(str(e))
        except MapviewerError as e:
            self.failed.emit(str(e), "")
        except Exception as e:
            self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}", traceback.format_exc())

    def _read(self, source: Path | Document | WebAddress, fraction: float) -> Document:
        """The source's document: a file read, a page fetched (the only network request), or given."""
        from ..documents import read_document
        from ..documents.url import WebAddress, read_url

        if isinstance(source, WebAddress):
            self.progress.emit(f"Fetching {source.url}", fraction)
            document = read_url(source.url)
            self.progress.emit(f"Finding places in {source.url}", fraction)
            return document
        name = source.name if isinstance(source, Path) else (source.title or "clipboard text")
        self.progress.emit(f"Finding places in {name}", fraction)
        return read_document(source) if isinstance(source, Path) else source
