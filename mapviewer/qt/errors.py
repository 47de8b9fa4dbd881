"""How an error reaches the user: its message in a dialog, the traceback behind "Show Details…".

The core raises typed errors with a message meant for people (``mapviewer.errors``); anything else is a
bug, whose traceback the user can copy into a report. The window keeps working either way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget, message: str, details: str = "") -> QMessageBox:
    """A non-blocking warning dialog; ``details`` (a traceback) behind its Details button."""
    box = QMessageBox(QMessageBox.Icon.Warning, "mapviewer", message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)      # messages name files: never rich text
    if details:
        box.setDetailedText(details)
    box.setModal(True)
    box.open()
    return box
