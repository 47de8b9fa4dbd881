"""The map pane: a QWebEngineView showing the core's folium page, linked to the window by QWebChannel."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView

log = logging.getLogger(__name__)


class _PageBridge(QObject):
    """What the page script sees as ``bridge``: placeClicked(key), pageReady(), focusRequested signal."""

    focusRequested = Signal(str)

    def __init__(self, view: MapView):
        super().__init__(view)
        self._view = view

    @Slot(str)
    def placeClicked(self, key: str) -> None:
        self._view.placeClicked.emit(key)

    @Slot()
    def pageReady(self) -> None:
        self._view.mapReady.emit()


class _MapPage(QWebEnginePage):
    """The map never navigates away: links open in the system browser, everything else is refused."""

    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() in ("http", "https"):
                QDesktopServices.openUrl(url)
            return False
        return url.isLocalFile() or url.scheme() in ("data", "about")

    def createWindow(self, _type):
        return None

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        """Script errors of the map page go to the log, where a bug report can quote them."""
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.warning("map page: %s (line %s)", message, line)


def _qwebchannel_js() -> str:
    f = QFile(":/qtwebchannel/qwebchannel.js")
    f.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        return bytes(f.readAll()).decode("utf-8")
    finally:
        f.close()


class MapView(QWebEngineView):
    """Shows a map page from a file (QWebEngineView.setHtml is limited to 2 MB)."""

    placeClicked = Signal(str)
    mapReady = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPage(_MapPage(self))
        settings = self.page().settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        self._bridge = _PageBridge(self)
        self._channel = QWebChannel(self.page())
        self._channel.registerObject("bridge", self._bridge)
        self.page().setWebChannel(self._channel)
        script = QWebEngineScript()
        script.setName("qwebchannel")
        script.setSourceCode(_qwebchannel_js())
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        self.page().scripts().insert(script)
        self._dir = tempfile.TemporaryDirectory(prefix="mapviewer-")
        self._n = 0

    def show_html(self, html: str) -> None:
        """Load a page; each load gets a new file so a reload never races the previous one."""
        self._n += 1
        path = Path(self._dir.name) / f"map-{self._n}.html"
        path.write_text(html, encoding="utf-8")
        self.setUrl(QUrl.fromLocalFile(str(path)))

    def focus_place(self, key: str) -> None:
        self._bridge.focusRequested.emit(key)

    def run_js(self, code: str, callback=None) -> None:
        if callback is None:
            self.page().runJavaScript(code)
        else:
            self.page().runJavaScript(code, 0, callback)
