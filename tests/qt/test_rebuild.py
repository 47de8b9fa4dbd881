"""The gazetteer in the app: a store damaged in the middle fails in use, and the window offers a rebuild with
what the integrity check found, asking first; Help › Rebuild gazetteer… rebuilds on request; a cancelled
build leaves the old store and no temporary file. And the app's start removes what a killed run left."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from mapviewer.gazetteer import GazetteerStore
from mapviewer.gazetteer.lifecycle import integrity_problem
from mapviewer.leftovers import QUIET_S
from mapviewer.qt.app import leftover_folders, remove_leftovers_of_earlier_runs
from mapviewer.qt.window import MainWindow

from ..conftest import SEED
from ..damaged_store import damaged_copy
from .conftest import LOAD_MS


@pytest.fixture
def damaged(store, tmp_path):
    return damaged_copy(store.path, tmp_path)


@pytest.fixture
def on_damaged(qtbot, tmp_path, damaged):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, store=GazetteerStore(damaged))
    w.resize(1280, 800)
    w.show()
    yield w
    w.close()
    shiboken6.delete(w)


def _failing_analysis(qtbot, window):
    window.open_paths([SEED])
    qtbot.waitUntil(lambda: window.rebuilder.question is not None and window.rebuilder.question.isVisible(),
                    timeout=LOAD_MS)
    return window.rebuilder.question


def test_a_store_failing_in_use_is_offered_for_rebuilding_and_no_is_respected(qtbot, on_damaged, damaged):
    question = _failing_analysis(qtbot, on_damaged)
    assert "its integrity check found" in question.text() and "Rebuild the offline gazetteer now?" in question.text()
    assert on_damaged.statusBar().currentMessage() == "The gazetteer is damaged"
    question.done(QMessageBox.StandardButton.No)
    qtbot.wait(200)
    assert on_damaged.rebuilder.task is None and on_damaged.analyses == [] and integrity_problem(damaged)


def test_a_cancelled_rebuild_leaves_the_old_store_and_nothing_else(qtbot, on_damaged, damaged):
    before = (damaged.stat().st_size, damaged.stat().st_mtime_ns)
    help_menu = next(a.menu() for a in on_damaged.menuBar().actions() if a.text() == "&Help")
    next(a for a in help_menu.actions() if a.text() == "&Rebuild gazetteer…").trigger()
    question = on_damaged.rebuilder.question
    assert question.text().startswith("Rebuild the offline gazetteer now?")
    question.done(QMessageBox.StandardButton.Yes)
    task = on_damaged.rebuilder.task
    progress = on_damaged.findChild(QProgressDialog)
    qtbot.waitUntil(lambda: progress.labelText().startswith("Rebuilding the gazetteer: reading"), timeout=30_000)
    qtbot.wait(1000)                             # well inside the build
    assert task.isRunning()
    progress.findChild(QPushButton).click()        # the dialog's Cancel
    assert task.wait(10_000)     # stopped long before the build would end (how fast: benchmarks, not a test)
    assert (damaged.stat().st_size, damaged.stat().st_mtime_ns) == before
    assert [p.name for p in damaged.parent.iterdir() if p.name.startswith(".")] == [f".{damaged.name}.lock"]


@pytest.mark.slow
def test_yes_rebuilds_the_store_and_opens_the_article_again(qtbot, on_damaged, damaged):
    question = _failing_analysis(qtbot, on_damaged)
    with qtbot.waitSignals([on_damaged.analysed, on_damaged.map.mapReady], timeout=300_000):
        question.done(QMessageBox.StandardButton.Yes)
    assert integrity_problem(damaged) is None and on_damaged.store.store.path == damaged
    assert "Kyiv" in {e.place.name for e in on_damaged.entries}


def test_the_start_removes_what_a_killed_run_left(qtbot, window, tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    window.settings.setValue("last_folder", str(exports))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = exports / f".map.html.mapviewer-{gone.stdout.strip()}-k3j2.tmp"
    left.write_text("article text", encoding="utf-8")
    past = time.time() - QUIET_S - 1
    os.utime(left, (past, past))
    assert exports in leftover_folders(window) and window.autosave.path.parent in leftover_folders(window)
    remove_leftovers_of_earlier_runs(window).join(10)
    assert not left.exists()
    shutil.rmtree(exports)
