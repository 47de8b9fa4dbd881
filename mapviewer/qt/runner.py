"""One analysis at a time, with a progress dialog and Cancel: what the window asks for when it opens
documents. A newer request cancels the one under way; a cancelled or replaced task's result is dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..geoparse.config import GeoparserConfig
from ..places import UNCERTAIN
from .tasks import AnalyseTask, StoreHandle

if TYPE_CHECKING:
    from .tasks import Source


class AnalysisRunner(QObject):
    status = Signal(str)                  # what the status bar should say now
    storeOpened = Signal()                # the gazetteer is open (on a first run: built)
    finished = Signal(object, object, object, object)  # [(source, ProjectDocument)], [PlaceEntry], map page (its
    # UTF-8 in pieces: as "object" they are passed on, not converted to a QString and back, 0.2 s for a 5 MB
    # page), and the ``purpose`` the request was made with
    failed = Signal(str, str)             # message, details
    damaged = Signal(str)                 # the gazetteer failed in use (the window offers a rebuild)

    def __init__(self, store: StoreHandle, parent: QWidget):
        super().__init__(parent)
        self.store = store
        self._parent = parent
        self._task: AnalyseTask | None = None
        self._request: tuple[list[Source], tuple[float, float, float] | None, object] | None = None  # to run again
        self._progress: QProgressDialog | None = None
        self.config = GeoparserConfig()      # Preferences › literal places only
        self.below = UNCERTAIN               # Preferences › uncertain below: how views mark readings

    def run(self, sources: list[Source], view: tuple[float, float, float] | None = None,
            purpose: object = None) -> None:
        """Geoparse ``sources`` off the GUI thread (a project's documents are taken as they are) and draw
        their map, at ``view`` if given; ``finished`` gives ``purpose`` back with the result (what the caller
        meant the documents for). The previous request, if any, is cancelled."""
        self.cancel(quietly=True)
        task = AnalyseTask(sources, self.store, self, self.config, self.below, view)
        self._task, self._request = task, (sources, view, purpose)
        progress = QProgressDialog("Finding places…", "Cancel", 0, 100, self._parent)
        progress.setWindowTitle("mapviewer")
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.canceled.connect(lambda: self.cancel())
        self._progress = progress
        task.progress.connect(lambda message, fraction: self._on_progress(task, message, fraction))
        task.storeOpened.connect(self.storeOpened)
        task.done.connect(lambda results, entries, page: self._on_done(task, results, entries, page, purpose))
        task.failed.connect(lambda message, details: self._on_failed(task, message, details))
        task.damaged.connect(lambda message: self._on_damaged(task, message))
        task.finished.connect(lambda: self._close_progress(task))
        self.status.emit("Finding places…")
        task.start()

    def run_again(self) -> bool:
        """The last request once more (after the gazetteer was rebuilt); whether there was one."""
        if self._request is None:
            return False
        self.run(*self._request)
        return True

    @property
    def busy(self) -> bool:
        """An analysis is under way."""
        return self._task is not None and self._task.isRunning()

    def cancel(self, quietly: bool = False) -> None:
        """Drop the task under way (it stops at its next step); the window keeps what it shows."""
        if self._task is not None and self._task.isRunning():
            self._task.cancel()
            if not quietly:
                self.status.emit("Cancelled: the window shows what it showed before")
        self._close_progress(self._task)
        self._task = None

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait for the worker, so that no thread outlives the window."""
        task = self._task
        self.cancel(quietly=True)
        if task is not None:
            task.wait(timeout_ms)

    def _on_progress(self, task: AnalyseTask, message: str, fraction: float) -> None:
        if task is self._task:
            if self._progress is not None:
                self._progress.setLabelText(message)
                self._progress.setValue(int(100 * fraction))
            self.status.emit(message)

    def _on_done(self, task: AnalyseTask, results: object, entries: object, page: list[bytes],
                 purpose: object) -> None:
        if task is self._task and not task.cancelled:
            self.finished.emit(results, entries, page, purpose)

    def _on_failed(self, task: AnalyseTask, message: str, details: str) -> None:
        if task is self._task:
            self.status.emit("Could not open the article")
            self.failed.emit(message, details)

    def _on_damaged(self, task: AnalyseTask, message: str) -> None:
        if task is self._task:
            self.status.emit("The gazetteer is damaged")
            self.damaged.emit(message)

    def _close_progress(self, task: AnalyseTask | None) -> None:
        if task is self._task and self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
