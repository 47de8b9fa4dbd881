"""Help › Rebuild gazetteer…, and the offer to rebuild when the gazetteer fails while in use (its
integrity check's findings in the question): the user is asked first — a build takes about a minute — then
the store is built on a worker thread with progress and Cancel, never over another program's file
(``lifecycle.rebuild_store``), and the window works with the new store. A cancelled or failed build leaves
the old store where it was."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..errors import MapviewerError
from .errors import show_error
from .tasks import StoppableTask

if TYPE_CHECKING:
    from .tasks import StoreHandle

QUESTION = ("Rebuild the offline gazetteer now? It takes about a minute, from the data that came with "
            "mapviewer (nothing is downloaded); the window keeps what it shows.")


class RebuildTask(StoppableTask):
    progress = Signal(str, float)
    done = Signal(object)        # the store's path
    failed = Signal(str, str)    # message, details

    def __init__(self, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path

    def _work(self) -> None:
        from ..gazetteer.lifecycle import rebuild_store

        try:
            self.done.emit(rebuild_store(self.path, self.progress.emit, cancelled=lambda: self.cancelled))
        except MapviewerError as e:
            if self.cancelled:           # the user's Cancel: the old store stays, nothing to tell
                return
            self.failed.emit(str(e), "")
        except Exception as e:
            self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}", traceback.format_exc())


class Rebuilder(QObject):
    """Asks, builds, and hands the new store to ``store``; ``rebuilt`` once the window may use it."""

    rebuilt = Signal()

    def __init__(self, store: StoreHandle, parent: QWidget):
        super().__init__(parent)
        self.store = store
        self._parent = parent
        self.question: QMessageBox | None = None
        self.task: RebuildTask | None = None
        self.retry = False             # the rebuild was offered after a failure: the work is done again

    def offer(self, reason: str = "") -> QMessageBox:
        """The question (with why, when the store failed), non-blocking; Yes starts the build."""
        box = QMessageBox(QMessageBox.Icon.Question, "mapviewer", f"{reason}\n\n{QUESTION}".strip(),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.retry = bool(reason)
        box.finished.connect(lambda button: self.start() if button == QMessageBox.StandardButton.Yes else None)
        self.question = box
        box.open()
        return box

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.isRunning()

    def start(self) -> None:
        if self.busy:
            return
        from ..gazetteer.lifecycle import default_path

        current = self.store.store
        task = RebuildTask(current.path if current is not None else default_path(), self)
        progress = QProgressDialog("Rebuilding the gazetteer…", "Cancel", 0, 100, self._parent)
        progress.setWindowTitle("mapviewer")
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)

        def cancel() -> None:
            task.cancelled = True

        def step(message: str, fraction: float) -> None:
            progress.setLabelText(f"Rebuilding the gazetteer: {message}")
            progress.setValue(int(100 * fraction))

        progress.canceled.connect(cancel)
        task.progress.connect(step)
        task.done.connect(self._done)
        task.failed.connect(lambda message, details: show_error(self._parent, message, details))
        task.finished.connect(progress.deleteLater)
        task.finished.connect(progress.reset)
        self.task = task
        task.start()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Stop a build under way (its temporary file is removed) before the window goes."""
        if self.task is not None:
            self.task.stop(timeout_ms)

    def _done(self, path: Path) -> None:
        from ..gazetteer.store import GazetteerStore

        self.store.replace(GazetteerStore(path))
        self.rebuilt.emit()
