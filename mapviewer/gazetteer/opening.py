"""The gazetteer store opened (on a first run: built) on a thread of its own, from the moment the app starts:
a new user's first map then waits for the build alone, not for Qt, the window and Qt WebEngine to start
before it. Whoever needs the store waits for it (``wait``) with a progress and a cancel of their own; a
cancel stops the build (``lifecycle`` kills its processes and removes its partial file), and the next
``wait`` starts it again."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Cancelled
from ..model import Progress

if TYPE_CHECKING:
    from .store import GazetteerStore

STEP_S = 0.05       # how often a waiter looks at its cancel, as lifecycle's build does


class StoreOpening:
    """The store at ``path`` (None: ``lifecycle.default_path()``, read when the opening starts), opened once."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._store: GazetteerStore | None = None
        self._error: BaseException | None = None
        self._stopped = False
        self._progress: Progress | None = None

    @property
    def store(self) -> GazetteerStore | None:
        """The store once it is open, else None."""
        return self._store

    def start(self) -> None:
        """Start opening the store in the background, unless it is open or already being opened."""
        with self._lock:
            if self._store is None and (self._thread is None or not self._thread.is_alive()):
                self._stopped, self._error = False, None
                self._thread = threading.Thread(target=self._open, name="mapviewer-store", daemon=True)
                self._thread.start()

    def wait(self, progress: Progress, cancelled: Callable[[], bool]) -> GazetteerStore:
        """The open store, once it is; meanwhile the build's steps go to ``progress``. Raises Cancelled (and
        stops the build) as soon as ``cancelled()``, and the opening's error (GazetteerError…) if it failed."""
        self.start()
        thread = self._thread
        self._progress = progress
        try:
            while thread is not None and thread.is_alive():
                if cancelled():
                    raise Cancelled("the gazetteer build was cancelled")
                thread.join(STEP_S)     # short steps: an asynchronous exception lands between them too
        except BaseException:
            self.stop()
            raise
        finally:
            self._progress = None
        if self._store is None:
            raise self._error or Cancelled("the gazetteer build was cancelled")
        return self._store

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop an opening under way (a build's processes are killed at once) and wait for its thread."""
        self._stopped = True
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)

    def _open(self) -> None:
        from .lifecycle import ensure_store
        from .store import GazetteerStore

        try:
            self._store = GazetteerStore(ensure_store(self._path, self._report, cancelled=lambda: self._stopped))
        except BaseException as e:      # the waiter raises it
            self._error = e

    def _report(self, message: str, fraction: float) -> None:
        progress = self._progress
        if progress is not None:
            progress(message, fraction)
