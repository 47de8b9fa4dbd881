"""File › Open URL… in the window, against a real HTTP server on this machine: the page's places on the
map, a failure as a message with what was open kept, and Cancel or closing during a stalled request."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QGuiApplication

from ..core.test_bad_input import NEWS_PAGE
from ..web_server import Route, WebServer, page
from .conftest import LOAD_MS


@pytest.fixture(scope="module")
def server():
    with WebServer({"/storm.html": page(NEWS_PAGE, "windows-1252"), "/stall": Route(stall=True)}) as s:
        yield s


def _fetching(qtbot, window, url):
    window.open_paths([], [url])
    task = window.runner._task
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Fetching"), timeout=30_000)
    qtbot.wait(200)
    assert task.isRunning()
    return task


def test_a_page_opened_by_its_address(qtbot, window, server):
    QGuiApplication.clipboard().setText(server.url("/storm.html"))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    action = next(a for a in menu.actions() if a.text() == "Open &URL…")
    action.trigger()
    dialog = window.url_dialog
    assert dialog.textValue() == server.url("/storm.html")         # offered from the clipboard
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        dialog.accept()
    assert {e.place.name for e in window.entries} >= {"Lyon", "Marseille", "Grenoble", "Paris"}
    assert not {"Tokyo", "Madrid", "Sydney"} & {e.place.name for e in window.entries}
    assert server.url("/storm.html") in window.windowTitle()
    assert window.recent.paths() == []           # an address is no file of the recent list


def test_a_failed_address_is_a_message_and_the_window_keeps_its_article(qtbot, loaded, server):
    before = [e.key for e in loaded.entries]
    with qtbot.waitSignal(loaded.statusBar().messageChanged, timeout=LOAD_MS,
                          check_params_cb=lambda m: m == "Could not open the article"):
        loaded.open_paths([], [server.url("/missing")])
    assert loaded.last_error == f"{server.url('/missing')}: the server answered 404 Not Found"
    assert [e.key for e in loaded.entries] == before


def test_cancel_stops_a_stalled_request_at_once(qtbot, loaded, server):
    before = [e.key for e in loaded.entries]
    task = _fetching(qtbot, loaded, server.url("/stall"))
    started = time.monotonic()
    loaded.runner.cancel()
    assert task.wait(1000) and time.monotonic() - started < 1.0
    assert [e.key for e in loaded.entries] == before


def test_closing_the_window_during_a_stalled_request(qtbot, window, server):
    task = _fetching(qtbot, window, server.url("/stall"))
    started = time.monotonic()
    window.close()
    assert not task.isRunning() and time.monotonic() - started < 1.0
