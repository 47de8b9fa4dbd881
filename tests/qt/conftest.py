"""The window with the real QtWebEngine, offscreen, on the session's gazetteer."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from mapviewer.qt.window import MainWindow

from ..conftest import SEED

LOAD_MS = 60_000


@pytest.fixture
def window(qtbot, tmp_path, store):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, store=store)   # the session's open gazetteer: no second open per test
    w.resize(1280, 800)
    w.show()
    yield w
    w.close()
    # Delete the window (and its web page) now: a page outliving QtWebEngine's profile at exit crashes.
    shiboken6.delete(w)


@pytest.fixture
def loaded(qtbot, window):
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([SEED])
    return window


def js(qtbot, window, code):
    """Run ``code`` in the map page; its value comes back through JSON."""
    box = []
    window.map.run_js(f"JSON.stringify({code})", box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return json.loads(box[0]) if box[0] else None


def select_text(window, words):
    """Select the first ``words`` of the shown document in the article view, as a drag would; the cursor."""
    from PySide6.QtGui import QTextCursor

    start = window.analyses[0].document.text.index(words)
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    window.article.setTextCursor(cursor)
    return cursor


def drop_files(qtbot, window, target, paths):
    """Drag ``paths`` onto the widget ``target`` and drop them there, as from a file manager; returns once
    the window has analysed them and drawn the map."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = QPointF(target.width() / 2, target.height() / 2)
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        QApplication.sendEvent(target, QDropEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                                  Qt.KeyboardModifier.NoModifier))
