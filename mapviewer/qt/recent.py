"""File › Open recent (articles) and Open recent project: absolute paths, newest first, kept in QSettings under
their own key; a path that fails is dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10


class RecentFiles:
    def __init__(self, settings: QSettings, key: str = "recent"):
        self._settings, self._key = settings, key

    def paths(self) -> list[Path]:
        stored = self._settings.value(self._key, [], type=list)
        return [Path(p) for p in stored if isinstance(p, str) and p] if isinstance(stored, list) else []

    def add(self, paths: list[Path]) -> None:
        new = [p.resolve() for p in paths]
        kept = [p for p in self.paths() if p not in new]
        self._settings.setValue(self._key, [str(p) for p in (new + kept)[:MAX_RECENT]])

    def remove(self, paths: list[Path]) -> None:
        gone = {p.resolve() for p in paths}
        self._settings.setValue(self._key, [str(p) for p in self.paths() if p not in gone])
