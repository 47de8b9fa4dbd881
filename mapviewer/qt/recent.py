"""File › Open recent: absolute paths, newest first, kept in QSettings; a path that fails is dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10


class RecentFiles:
    def __init__(self, settings: QSettings):
        self._settings = settings

    def paths(self) -> list[Path]:
        return [Path(p) for p in self._settings.value("recent", [], type=list) if p]

    def add(self, paths: list[Path]) -> None:
        new = [p.resolve() for p in paths]
        kept = [p for p in self.paths() if p not in new]
        self._settings.setValue("recent", [str(p) for p in (new + kept)[:MAX_RECENT]])

    def remove(self, paths: list[Path]) -> None:
        gone = {p.resolve() for p in paths}
        self._settings.setValue("recent", [str(p) for p in self.paths() if p not in gone])
