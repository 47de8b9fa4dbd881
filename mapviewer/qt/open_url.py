"""File › Open URL…: asks for a web page's address (an address on the clipboard is offered), without
blocking the window; the window has the worker fetch it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ..web import is_web_address

PROMPT = ("Address of a web page (http:// or https://).\n"
          "mapviewer fetches this page now, and nothing else: the rest stays offline.")


def address_dialog(parent: QWidget, chosen: Callable[[str], None]) -> QInputDialog:
    """A window-modal dialog, opened; ``chosen(address)`` when the user presses OK on an address."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Open URL")
    dialog.setLabelText(PROMPT)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.resize(560, dialog.sizeHint().height())
    copied = QGuiApplication.clipboard().text().strip()
    if is_web_address(copied) and "\n" not in copied:
        dialog.setTextValue(copied)
    dialog.textValueSelected.connect(lambda text: chosen(text) if text.strip() else None)
    dialog.open()
    return dialog
