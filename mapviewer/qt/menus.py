"""The window's menus, built from the registries: File › Open offers what ``documents.READERS`` reads,
File › Export what ``export.FORMATS`` writes. A new reader or format appears here by itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..export import FORMATS

if TYPE_CHECKING:
    from .window import MainWindow

EXPORT_SHORTCUTS = {"html": "Ctrl+E"}


@dataclass(frozen=True)
class Menus:
    recent: QMenu
    exports: list[QAction]
    copy_coordinates: QAction
    previous_sentence: QAction
    next_sentence: QAction
    recent_projects: QMenu
    undo: QAction
    redo: QAction
    next_uncertain: QAction


def _action(window: QMainWindow, menu: QMenu, text: str, slot: Callable[[], object],
            shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> Menus:
    """File, Edit and View menus of ``window`` (a MainWindow), wired to its slots."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _action(window, file_menu, "&Open…", window.open_dialog, QKeySequence.StandardKey.Open)
    _action(window, file_menu, "Open &folder…", window.open_folder_dialog)
    _action(window, file_menu, "Open &URL…", window.open_url_dialog, "Ctrl+Shift+U")
    _action(window, file_menu, "Open &sample article", window.open_sample)
    _action(window, file_menu, "&New from clipboard text", window.open_clipboard, "Ctrl+Shift+V")
    recent = file_menu.addMenu("Open &recent")
    file_menu.addSeparator()
    _action(window, file_menu, "Open &project…", window.open_project_dialog, "Ctrl+Shift+O")
    recent_projects = file_menu.addMenu("Open recent pro&ject")
    _action(window, file_menu, "&Save project", window.save_project, QKeySequence.StandardKey.Save)
    _action(window, file_menu, "Save project &as…", window.save_project_as, "Ctrl+Shift+S")
    file_menu.addSeparator()
    exports = [_action(window, file_menu, f"Export as {f.description}…", partial(window.export_dialog, f.name),
                       EXPORT_SHORTCUTS.get(f.name)) for f in FORMATS.values()]
    file_menu.addSeparator()
    _action(window, file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    edit_menu = bar.addMenu("&Edit")
    undo = window.review.undo_stack.createUndoAction(window, "&Undo")    # its text names what it undoes
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = window.review.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    next_uncertain = _action(window, edit_menu, "&Next uncertain mention", lambda: window.next_uncertain(1), "F8")
    _action(window, edit_menu, "Pre&vious uncertain mention", lambda: window.next_uncertain(-1), "Shift+F8")
    _action(window, edit_menu, "Re-&read the document with my corrections", window.reread_document, "Ctrl+R")
    edit_menu.addSeparator()
    copy = _action(window, edit_menu, "&Copy coordinates", window.copy_coordinates, "Ctrl+Shift+C")
    _action(window, edit_menu, "&Find place…", window.focus_filter, QKeySequence.StandardKey.Find)
    view_menu = bar.addMenu("&View")
    previous = _action(window, view_menu, "&Previous sentence of the place", lambda: window.step_sentence(-1),
                       "Alt+Left")
    following = _action(window, view_menu, "&Next sentence of the place", lambda: window.step_sentence(1),
                        "Alt+Right")
    help_menu = bar.addMenu("&Help")
    _action(window, help_menu, "&Rebuild gazetteer…", lambda: window.rebuilder.offer())
    _action(window, help_menu, "&About mapviewer", window.about)
    return Menus(recent, exports, copy, previous, following, recent_projects, undo, redo, next_uncertain)
