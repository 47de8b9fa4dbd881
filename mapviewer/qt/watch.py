"""Open files changed on disk: a bar above the article says so and offers to reload (it never reloads by
itself, so nothing the user did is dropped without a question); a file deleted or renamed away is named,
and what the window shows is kept.

Editors save in different ways — in place, or a new file renamed over the old one (the watcher then loses
the file) — so a change is looked at once the writes have settled, and the file is watched again."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

SETTLE_MS = 300      # an editor's save is several writes (or a rename) in quick succession


def _stamp(path: Path) -> tuple[int, int] | None:
    """What says a file changed (size, modification time in ns); None when it is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class ChangedFiles(QWidget):
    """The bar: hidden until a followed file changes. ``reloadRequested`` when the user asks to reload."""

    reloadRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)       # file names are no markup
        self.label.setWordWrap(True)
        self.reload_button = QPushButton("Reload")
        self.dismiss_button = QPushButton("Dismiss")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.dismiss_button)
        self.setStyleSheet("ChangedFiles { background: palette(tooltip-base); }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setVisible(False)
        self.reload_button.clicked.connect(self.reloadRequested)
        self.dismiss_button.clicked.connect(lambda: self.setVisible(False))
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._look)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._settle.start())
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())   # a file renamed back
        self._stamps: dict[Path, tuple[int, int] | None] = {}
        self._announced: list[tuple[int, int] | None] = []     # the files' state the bar last spoke of

    def follow(self, paths: list[Path]) -> None:
        """Watch these files (the documents shown) from now on; the bar of earlier files goes."""
        self.setVisible(False)
        for watched in (self._watcher.files(), self._watcher.directories()):
            if watched:
                self._watcher.removePaths(watched)
        self._stamps = {p: _stamp(p) for p in paths}
        self._announced = list(self._stamps.values())
        self._watch()

    def _watch(self) -> None:
        files = [str(p) for p in self._stamps if p.exists() and str(p) not in self._watcher.files()]
        folders = {str(p.parent) for p in self._stamps} - set(self._watcher.directories())
        for group in (files, sorted(folders)):
            if group:
                self._watcher.addPaths(group)

    def _look(self) -> None:
        """Which followed files differ from what was read, and what the bar should say about them."""
        self._watch()                       # a file replaced by a rename is a new file to the watcher
        now_stamps = [_stamp(p) for p in self._stamps]
        if now_stamps == self._announced:   # a neighbour in the folder changed, or the bar was dismissed
            return
        changed = [p for (p, s), now in zip(self._stamps.items(), now_stamps) if now is not None and now != s]
        gone = [p for (p, s), now in zip(self._stamps.items(), now_stamps) if now is None and s is not None]
        if changed:
            names = ", ".join(p.name for p in changed)
            self.label.setText(f"{names} changed on disk. Reload to read the new text; "
                               "until then the window shows what was read before.")
        elif gone:
            self.label.setText(f"{', '.join(p.name for p in gone)} was deleted or renamed on disk; "
                               "the window keeps showing what was read.")
        else:
            return
        self._announced = now_stamps
        self.reload_button.setVisible(bool(changed) and not gone)
        self.setVisible(True)

    def confirm_reload(self, corrections: int, reload: Callable[[], None]) -> QMessageBox | None:
        """``reload()`` now, or — when there are corrections, which were made on the old text — once the
        user says yes to the question returned (opened, not blocking)."""
        if not corrections:
            reload()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "mapviewer",
                          f"Reload the text? Your {corrections} correction(s) were made on the old text and will "
                          "not be applied to the new one (a saved project keeps them).",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(lambda button: reload() if button == QMessageBox.StandardButton.Yes else None)
        box.open()
        return box
