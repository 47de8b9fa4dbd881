"""The basemap's closer zooms, built in the background on a first run: the gazetteer store alone is
enough to geoparse and to draw a first map (the world's level of the basemap, at every zoom), so the
window shows that map at once and builds the detail file (``lifecycle.ensure_detail``) once the map is
on the screen. A label in the status bar says how far it is; when it is ready the map is drawn again
where it is, with the closer zooms' coasts, borders, rivers and names. Closing the window stops the
build (its process group is killed and its partial file removed); the next launch builds it again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from ..errors import MapviewerError

if TYPE_CHECKING:
    from .tasks import StoreHandle


class DetailTask(QThread):
    """The build on a thread of its own. Its work is in other processes, which this thread watches in steps
    of 50 ms: ``cancel`` is a flag it sees within them (it then kills the build's processes), with no
    asynchronous exception, which could land while a process is being started."""

    progress = Signal(str, float)
    done = Signal()
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        from ..gazetteer.lifecycle import ensure_detail

        try:
            ensure_detail(self.path, self.progress.emit, cancelled=lambda: self.cancelled)
        except MapviewerError as e:
            if not self.cancelled:
                self.failed.emit(str(e))
            return
        except Exception as e:          # a bug: said in the status bar, the window goes on with the world's level
            self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}")
            return
        if not self.cancelled:
            self.done.emit()


class DetailBuilder(QObject):
    """Builds the open store's basemap detail when it lacks one; ``ready`` once the store has it."""

    ready = Signal()

    def __init__(self, store: StoreHandle, status: QStatusBar, parent: QObject):
        super().__init__(parent)
        self.store = store
        self.label = QLabel()
        self.label.setVisible(False)
        status.addPermanentWidget(self.label)
        self.task: DetailTask | None = None
        self.error = ""          # why the last build failed: not tried again in this session

    def start_if_needed(self) -> None:
        """Start the build when the open store has no detail yet (nothing while one runs or after a failure)."""
        store = self.store.store
        if store is None or store.detailed or self.error or (self.task is not None and self.task.isRunning()):
            return
        task = DetailTask(store.path, self)
        task.progress.connect(self._step)
        task.done.connect(self._done)
        task.failed.connect(self._failed)
        self.task = task
        self._step("starting", 0.0)
        task.start()

    def _step(self, message: str, fraction: float) -> None:
        self.label.setText(f"Detailed basemap (first run only): {fraction:.0%}")
        self.label.setToolTip(f"Building the basemap's closer zooms, offline: {message}. Until then the map "
                              "shows the world's coasts and borders at every zoom.")
        self.label.setVisible(True)

    def _done(self) -> None:
        self.label.setVisible(False)
        store = self.store.store
        if store is not None and store.attach_detail():
            self.ready.emit()

    def _failed(self, message: str) -> None:
        self.error = message
        self.label.setText("Detailed basemap: not built")
        self.label.setToolTip(message)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop a build under way (its process and partial file go with it) before the window goes."""
        if self.task is not None and self.task.isRunning():
            self.task.cancel()
            self.task.wait(timeout_ms)
