"""The installed PySide6 must not drain None's reference count: on Python 3.11 (None is not immortal)
PySide6 6.12.0 did, one reference per void Qt call, and the app died after enough highlights."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument


def test_void_qt_calls_keep_none_alive(qapp):
    document = QTextDocument()
    document.setPlainText("Kyiv " * 200)
    cursor = QTextCursor(document)
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for i in range(2000):
        fmt.setBackground(QColor("#f9e79f"))
        cursor.setPosition(i % 900)
        cursor.setPosition(i % 900 + 4, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    assert sys.getrefcount(None) - before > -500
