"""The first run in the window: Cancel during the gazetteer's build stops it at once (its processes end,
no file is left), and opening the article again builds the gazetteer and shows the map. That first map
is drawn from the store alone; the basemap's closer zooms are built after it, in the background: closing
the window stops that build (nothing left running or written), and the next window builds it again and
draws the map anew with them."""

from __future__ import annotations

import os

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from mapviewer.gazetteer.lifecycle import ENV_PATH, data_version, detail_path, problem
from mapviewer.mapping.basemap import page_cells
from mapviewer.qt.window import MainWindow

from ..conftest import SEED
from ..processes import builds, still_running

BUILD_MS = 900_000


@pytest.mark.slow
def test_cancel_during_the_first_run_build_then_open_again(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "gazetteer" / "store.sqlite"
    monkeypatch.setenv(ENV_PATH, str(path))
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))  # no store yet
    window.show()
    try:
        said: list[str] = []
        window.runner.status.connect(said.append)
        window.open_paths([SEED])
        task = window.runner._task
        qtbot.waitUntil(lambda: any("reading admin-1 regions" in m for m in said), timeout=BUILD_MS)
        builders = builds(os.getpid())
        assert builders, "no build process at work"
        window.runner.cancel()
        assert task.wait(1000), "the build was still running a second after Cancel"
        assert still_running(builders) == []
        assert [p.name for p in path.parent.iterdir() if not p.name.endswith(".lock")] == []

        with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=BUILD_MS):
            window.open_paths([SEED])
        assert problem(path, data_version()) is None
        assert any(e.place.name == "Kurakhove" for e in window.entries)
        assert not window.store.store.detailed         # the first map: the world's level at every zoom

        qtbot.waitUntil(lambda: window.detail.label.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda: bool(builds(os.getpid())), timeout=10_000)
        builders = builds(os.getpid())
        window.close()                                  # during the detail's build
        assert still_running(builders) == []
        assert not detail_path(path).exists() and not [p for p in path.parent.iterdir() if ".partial" in p.name]
    finally:
        window.close()
        shiboken6.delete(window)

    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    try:
        with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=60_000):
            window.open_paths([SEED])            # the store is there: the map at once, and the detail again
        with qtbot.waitSignals([window.detail.ready, window.map.mapReady], timeout=BUILD_MS, order="strict"):
            pass
        store = window.store.store
        assert store.detailed and problem(detail_path(path), data_version()) is None
        assert not window.detail.label.isVisible()
        assert all(page_cells(window.entries, store).chosen[1:])     # the closer zooms' cells, on the new page
    finally:
        window.close()
        shiboken6.delete(window)

