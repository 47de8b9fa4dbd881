"""The first run in the window: Cancel during the gazetteer's build stops it at once (its processes end,
no file is left), and opening the article again builds the gazetteer and shows the map."""

from __future__ import annotations

import os

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from mapviewer.gazetteer.lifecycle import ENV_PATH, data_version, problem
from mapviewer.qt.window import MainWindow

from ..conftest import SEED
from ..processes import descendants, still_running

BUILD_MS = 900_000


@pytest.mark.slow
def test_cancel_during_the_first_run_build_then_open_again(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "gazetteer" / "store.sqlite"
    monkeypatch.setenv(ENV_PATH, str(path))
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))  # no store yet
    window.show()
    others = descendants(os.getpid())      # QtWebEngine's processes, and what earlier tests left running
    try:
        said: list[str] = []
        window.runner.status.connect(said.append)
        window.open_paths([SEED])
        task = window.runner._task
        qtbot.waitUntil(lambda: any("folding the towns' names" in m for m in said), timeout=BUILD_MS)
        builders = {p for p in descendants(os.getpid()) - others if not _is_qtwebengine(p)}
        assert builders, "no build process at work"
        window.runner.cancel()
        assert task.wait(1000), "the build was still running a second after Cancel"
        assert still_running(builders) == []
        assert [p.name for p in path.parent.iterdir() if not p.name.endswith(".lock")] == []

        with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=BUILD_MS):
            window.open_paths([SEED])
        assert problem(path, data_version()) is None
        assert any(e.place.name == "Kurakhove" for e in window.entries)
    finally:
        window.close()
        shiboken6.delete(window)


def _is_qtwebengine(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"QtWebEngineProcess" in f.read()
    except OSError:
        return True
