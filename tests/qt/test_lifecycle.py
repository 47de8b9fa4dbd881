"""Long work stops when the user says so: Cancel, another article, or closing the window stop a large
analysis within a second, and the window keeps (or quits) cleanly."""

from __future__ import annotations

import sys
import time

import pytest

from ..conftest import SEED


@pytest.fixture(scope="module")
def big_article(tmp_path_factory):
    """About 8 MB of news text: several seconds of geoparsing on this machine."""
    sys.path.insert(0, str(SEED.parent.parent / "benchmarks"))
    from input_figures import dispatches

    path = tmp_path_factory.mktemp("big") / "dispatches.txt"
    path.write_text(dispatches(8), encoding="utf-8")
    return path


def _start(qtbot, window, path):
    window.open_paths([path])
    task = window.runner._task
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Finding places in"), timeout=30_000)
    qtbot.wait(300)                     # well inside the geoparsing of the article
    assert task.isRunning()
    return task


def test_cancel_stops_a_large_analysis_within_a_second(qtbot, loaded, big_article):
    before = [e.key for e in loaded.entries]
    task = _start(qtbot, loaded, big_article)
    started = time.monotonic()
    loaded.runner.cancel()
    assert task.wait(1000), "the analysis was still running a second after Cancel"
    assert time.monotonic() - started < 1.0
    qtbot.wait(100)
    assert [e.key for e in loaded.entries] == before
    assert loaded.statusBar().currentMessage().startswith("Cancelled")


def test_another_article_replaces_a_large_analysis_at_once(qtbot, loaded, big_article):
    task = _start(qtbot, loaded, big_article)
    with qtbot.waitSignals([loaded.analysed, loaded.map.mapReady], timeout=60_000):
        loaded.open_paths([SEED])
    assert task.wait(1000) and loaded.analyses[0].document.source == SEED.name


def test_closing_the_window_during_a_large_analysis_stops_it(qtbot, window, big_article):
    task = _start(qtbot, window, big_article)
    started = time.monotonic()
    window.close()
    assert not task.isRunning() and time.monotonic() - started < 1.0
