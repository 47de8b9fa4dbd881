"""Autosave: a few seconds after each change, and on quit, the project is written (atomically) to one file
beside the settings; a clean close removes it. A file still there at the next start means mapviewer did
not close cleanly, and the window offers it back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer

from ..errors import ProjectError
from ..project import Project, load_project, save_project

DELAY_MS = 3000


class Autosave(QObject):
    """``touch()`` after a change; ``flush()`` writes now; ``clear()`` on a clean close."""

    def __init__(self, settings: QSettings, project: Callable[[], Project], modified: Callable[[], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(settings.fileName()).parent / "autosave.mvproj"
        self._project, self._modified = project, modified
        self._pending = False
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.timeout.connect(self.flush)

    def touch(self, *_: object) -> None:
        self._pending = True
        self.timer.start()

    def flush(self) -> None:
        """Write the project now if it changed since the last autosave; a failure never stops the user."""
        self.timer.stop()
        if not self._pending:
            return
        if not self._modified():        # undone back to what was saved: nothing to recover
            self.clear()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            save_project(self.path, self._project())
            self._pending = False
        except (OSError, ProjectError):
            pass     # the next change tries again; the user's own save reports its errors

    def clear(self) -> None:
        self.timer.stop()
        self._pending = False
        self.path.unlink(missing_ok=True)

    def leftover(self) -> Project | None:
        """The project of an autosave that a crash left behind, if it can be read."""
        if not self.path.is_file():
            return None
        try:
            return load_project(self.path)
        except ProjectError:
            return None
