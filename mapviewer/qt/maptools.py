"""The map tools of the window: the Map menu (zoom to all places, to the selected one, reset view, locate,
measure), File › Export map as PNG, Edit › Preferences, mapviewer's own menu on a right-click on the map,
markers that follow the places table's filter, and the theme. The window makes one ``MapTools``; the page's
side is resources/maptools.js."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu

from ..corrections import Correction, now, pinned_place
from ..mapping.layers import BASEMAPS
from ..palette import LIGHT, Theme
from .article import trimmed_span
from .locator import locator_dialog
from .map_png import SCALES, MapPicture
from .measure import Measure
from .preferences import Preferences, PreferencesDialog, load_preferences, save_preferences
from .search_dialog import SearchDialog
from .theme import apply_theme

if TYPE_CHECKING:
    from .window import MainWindow

SHORTCUTS = {"zoom_all": "Ctrl+Shift+F", "zoom_selected": "Ctrl+J", "reset_view": "Ctrl+0", "locate": "Ctrl+L",
             "measure": "Ctrl+M", "export_png": "Ctrl+Shift+E", "preferences": "Ctrl+,"}


class MapTools(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.map = window.map
        self.prefs = Preferences()
        self.theme: Theme = LIGHT
        self.active_menu: QMenu | None = None           # the map's context menu shown (tests drive it)
        self.locator: SearchDialog | None = None
        self.picture: MapPicture | None = None
        self._configured = 0                             # the last page that got the theme and basemap
        self.measure = Measure(self.map)
        self.measure.message.connect(window.statusBar().showMessage)
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        self.measure.toggled.connect(self.actions["measure"].setChecked)
        self._sync = QTimer(self, singleShot=True, interval=0)
        self._sync.timeout.connect(self.send_table_filter)
        proxy = window.proxy
        for changed in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            changed.connect(lambda *_: self._sync.start())
        self.map.mapReady.connect(self._page_ready)
        self.map.mapMenuRequested.connect(self.show_map_menu)
        self.apply(load_preferences(window.settings))

    # -- menus -----------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object], menu: QMenu,
                before: QAction | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(SHORTCUTS[name]))
        action.triggered.connect(lambda checked=False: slot())
        menu.insertAction(before, action) if before is not None else menu.addAction(action)
        self.actions[name] = action
        return action

    def _menu(self, title: str) -> QMenu:
        return next(m for m in self.window.menuBar().findChildren(QMenu) if m.title() == title)

    def _build_menus(self) -> None:
        map_menu = QMenu("&Map", self.window)
        self.window.menuBar().insertMenu(self._menu("&Help").menuAction(), map_menu)
        self._action("zoom_all", "Zoom to &all places", lambda: self.map.send_tool({"tool": "zoomAll"}), map_menu)
        self._action("zoom_selected", "Zoom to the &selected place", self.zoom_selected, map_menu)
        self._action("reset_view", "&Reset view", lambda: self.map.send_tool({"tool": "resetView"}), map_menu)
        map_menu.addSeparator()
        self._action("locate", "&Locate a place…", self.open_locator, map_menu)
        measure = self._action("measure", "&Measure a distance", self.toggle_measure, map_menu)
        measure.setCheckable(True)
        file_menu = self._menu("&File")
        quit_action = next(a for a in file_menu.actions() if a.text() == "&Quit")
        self._action("export_png", "Export map as &PNG…", self.export_png_dialog, file_menu, before=quit_action)
        file_menu.insertSeparator(quit_action)
        edit_menu = self._menu("&Edit")
        edit_menu.addSeparator()
        self._action("preferences", "&Preferences…", self.preferences_dialog, edit_menu)

    # -- the tools -------------------------------------------------------------------------------
    def zoom_selected(self) -> None:
        if self.window.selected is None:
            self.window.statusBar().showMessage("Select a place first (in the text, the table or the map)")
            return
        self.map.send_tool({"tool": "zoomSelected"})

    def open_locator(self) -> None:
        store = self.window.store.store
        if store is None:
            self.window.statusBar().showMessage("The gazetteer opens with the first article: open one first")
            return
        self.locator = locator_dialog(self.map, store, self.window)

    def toggle_measure(self) -> None:
        if self.measure.active:
            self.measure.stop()
        else:
            self.measure.start()

    def send_table_filter(self) -> None:
        """The markers of the places the table shows (all: no filter)."""
        w = self.window
        rows = w.proxy.rowCount()
        keys = None if rows == w.model.rowCount() else [
            w.model.key_at(w.proxy.mapToSource(w.proxy.index(r, 0)).row()) for r in range(rows)]
        self.map.send_tool({"tool": "show", "keys": keys})

    def _page_ready(self) -> None:
        """A new page gets the theme, the default basemap, the table's filter and a measurement under way."""
        if self.map.page_number == self._configured:
            return
        self._configured = self.map.page_number
        self.map.send_tool({"tool": "theme", "name": self.theme.name})
        if self.prefs.basemap != BASEMAPS[0][0]:
            self.map.send_tool({"tool": "basemap", "name": dict(BASEMAPS)[self.prefs.basemap]})
        self.send_table_filter()
        if self.measure.active:
            self.measure.start(self.measure.points[0] if self.measure.points else None)

    # -- the map's own context menu ----------------------------------------------------------------
    def show_map_menu(self, lat: float, lon: float) -> None:
        """mapviewer's menu for a point of the map (never the browser's)."""
        from PySide6.QtGui import QCursor

        if self.active_menu is not None:
            self.active_menu.deleteLater()
        menu = self.active_menu = self.map_menu(lat, lon)
        menu.popup(QCursor.pos())

    def map_menu(self, lat: float, lon: float) -> QMenu:
        menu = QMenu(self.window)
        here = f"{lat:.5f}, {lon:.5f}"
        menu.addAction(f"Copy coordinates ({here})").triggered.connect(lambda: self.copy_point(here))
        menu.addAction("Measure from here").triggered.connect(lambda: self.measure.start((lat, lon)))
        span = self.addable_selection()
        if span is None:
            add = menu.addAction("Add a place here (select its name in the article first)")
            add.setEnabled(False)
        else:
            name = span[2]
            menu.addAction(f"Add “{name[:40]}” here".replace("&", "&&")).triggered.connect(
                lambda: self.add_here(span, lat, lon))
        menu.addSeparator()
        for name in ("locate", "zoom_all", "zoom_selected", "reset_view"):
            menu.addAction(self.actions[name])
        return menu

    def copy_point(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.window.statusBar().showMessage(f"Copied {text}")

    def addable_selection(self) -> tuple[int, int, str] | None:
        """The text selected in the article, when no mention covers any of it: a name to add as a place."""
        article = self.window.article
        cursor = article.textCursor()
        if article.analysis is None or not cursor.hasSelection():
            return None
        text = article.analysis.document.text
        start, end = trimmed_span(text, *sorted((cursor.anchor(), cursor.position())))
        if start == end or any(m.start < end and start < m.end for m in article.analysis.mentions if m.place):
            return None
        return start, end, text[start:end]

    def add_here(self, span: tuple[int, int, str], lat: float, lon: float) -> None:
        """The selected name, added as a place where the user right-clicked (a correction: undo removes it)."""
        start, end, name = span
        place = pinned_place(name, lat, lon)
        self.window.review.correct(self.window.article.doc_index,
                                   Correction(start, end, name, "add", place, "mention", now()))

    # -- export ----------------------------------------------------------------------------------
    def export_png_dialog(self) -> None:
        w = self.window
        if not w.analyses:
            w.report("Open an article before exporting its map.")
            return
        scale, ok = QInputDialog.getItem(w, "Export map as PNG", "Scale (the map's size on screen times):",
                                         [f"{s}×" for s in SCALES], 1, False)
        if not ok:
            return
        stem = Path(w.analyses[0].document.source or "map").stem
        suggested = str(Path(str(w.settings.value("last_folder", "") or Path.home())) / f"{stem}-map.png")
        path, _ = QFileDialog.getSaveFileName(w, "Export map as PNG", suggested, "PNG image (*.png)")
        if path:
            self.export_png(Path(path), int(scale.rstrip("×")))

    def export_png(self, path: Path, scale: int) -> MapPicture:
        """Write the map as shown to ``path``, ``scale`` times its size on screen; ``picture.done`` at the end."""
        picture = self.picture = MapPicture(self.map, path, scale, self)
        picture.done.connect(self._exported)
        self.window.statusBar().showMessage(f"Exporting the map as {path.name}…")
        picture.start()
        return picture

    def _exported(self, path: str, error: str) -> None:
        if error:
            self.window.report(error)
        else:
            self.window.statusBar().showMessage(f"Exported {path}")

    # -- preferences -----------------------------------------------------------------------------
    def preferences_dialog(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.prefs, self.window)
        dialog.accepted.connect(lambda: self.set_preferences(dialog.preferences()))
        dialog.open()
        return dialog

    def set_preferences(self, prefs: Preferences) -> None:
        """Keep ``prefs`` and let them take effect now."""
        save_preferences(self.window.settings, prefs)
        self.apply(prefs)

    def apply(self, prefs: Preferences) -> None:
        old, self.prefs = self.prefs, prefs
        w = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.theme = apply_theme(app, prefs.theme)
        w.article.set_colours(self.theme, prefs.uncertainty)
        w.article.set_font_size(prefs.font_size)
        w.runner.config, w.runner.below = prefs.geoparser_config(), prefs.uncertainty
        w.reset_geoparser()
        if prefs.uncertainty != old.uncertainty:
            w.redraw_map()              # its markers and popups say "uncertain" from the page's data
        self.map.send_tool({"tool": "theme", "name": self.theme.name})
        if prefs.basemap != old.basemap:
            self.map.send_tool({"tool": "basemap", "name": dict(BASEMAPS)[prefs.basemap]})
