"""The map pane: a QWebEngineView showing the core's folium page, linked to the window by QWebChannel."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QChildEvent, QFile, QIODevice, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class _PageBridge(QObject):
    """What the page script sees as ``bridge``: placeClicked(key), sentenceClicked(key, doc, sentence),
    placeMenuRequested(key), mapClicked(lat, lon), mapMenuRequested(lat, lon), pinMoved(key, lat, lon),
    viewChanged(lat, lon, zoom), pageReady(), and the signals
    focusRequested(key), alternativesShown(JSON text), dataChanged(JSON text), basemapDetailed(JSON text),
    documentFiltered(document or -1), pinModeChanged(on) and toolCommand(JSON text) (resources/maptools.js)."""

    focusRequested = Signal(str)
    alternativesShown = Signal(str)
    dataChanged = Signal(str)
    basemapDetailed = Signal(str)
    documentFiltered = Signal(int)
    pinModeChanged = Signal(bool)
    toolCommand = Signal(str)

    def __init__(self, view: MapView):
        super().__init__(view)
        self._view = view

    @Slot(str)
    def placeClicked(self, key: str) -> None:
        self._view.placeClicked.emit(key)

    @Slot(str, int, int)
    def sentenceClicked(self, key: str, doc: int, sentence: int) -> None:
        self._view.sentenceClicked.emit(key, doc, sentence)

    @Slot(str)
    def placeMenuRequested(self, key: str) -> None:
        self._view.placeMenuRequested.emit(key)

    @Slot(float, float)
    def mapClicked(self, lat: float, lon: float) -> None:
        self._view.mapClicked.emit(lat, lon)

    @Slot(float, float)
    def mapMenuRequested(self, lat: float, lon: float) -> None:
        self._view.mapMenuRequested.emit(lat, lon)

    @Slot(str, float, float)
    def pinMoved(self, key: str, lat: float, lon: float) -> None:
        self._view.pinMoved.emit(key, lat, lon)

    @Slot(float, float, float)
    def viewChanged(self, lat: float, lon: float, zoom: float) -> None:
        self._view.view = (lat, lon, zoom)

    @Slot()
    def pageReady(self) -> None:
        self._view.mapReady.emit()


class _MapPage(QWebEnginePage):
    """The map never navigates away: it shows only the pages its view wrote, a link the user clicks opens
    in the system browser, and everything else (script navigation, dropped files, forms) is refused."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.own_pages: set[QUrl] = set()

    def acceptNavigationRequest(self, url: QUrl | str, kind: QWebEnginePage.NavigationType,
                                is_main_frame: bool) -> bool:
        url = QUrl(url)
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() in ("http", "https"):
                QDesktopServices.openUrl(url)
            return False
        return is_main_frame and url in self.own_pages

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # type: ignore[override]
        return None

    def javaScriptConsoleMessage(self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str,
                                 line: int, source: str) -> None:
        """Script errors of the map page go to the log, where a bug report can quote them."""
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            log.warning("map page: %s (line %s)", message, line)


_Attr = QWebEngineSettings.WebAttribute
# The map page needs script and nothing else of the browser: no access to other files or to the network
# beyond the page's own policy, no windows, clipboard, storage, plugins, or navigation by drop.
_SETTINGS = {
    _Attr.JavascriptEnabled: True,
    _Attr.LocalContentCanAccessFileUrls: False,
    _Attr.LocalContentCanAccessRemoteUrls: False,
    _Attr.JavascriptCanOpenWindows: False,
    _Attr.JavascriptCanAccessClipboard: False,
    _Attr.JavascriptCanPaste: False,
    _Attr.LocalStorageEnabled: False,
    _Attr.PluginsEnabled: False,
    _Attr.PdfViewerEnabled: False,
    _Attr.NavigateOnDropEnabled: False,
    _Attr.AllowRunningInsecureContent: False,
    _Attr.AllowGeolocationOnInsecureOrigins: False,
    _Attr.AllowWindowActivationFromJavaScript: False,
    _Attr.ScreenCaptureEnabled: False,
    _Attr.WebRTCPublicInterfacesOnly: True,
    _Attr.DnsPrefetchEnabled: False,
    _Attr.FullScreenSupportEnabled: False,
}


PAGES_PREFIX = "mapviewer-pages-"


def remove_stale_pages(folder: Path | None = None) -> list[Path]:
    """Remove the map-page folders of mapviewer processes that no longer run (after a crash); returns them."""
    removed = []
    for d in Path(folder or tempfile.gettempdir()).glob(f"{PAGES_PREFIX}*-*"):
        pid = d.name.removeprefix(PAGES_PREFIX).split("-", 1)[0]
        if not pid.isdigit() or not d.is_dir() or d.is_symlink() or d.stat().st_uid != os.getuid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d)
        except PermissionError:      # alive, someone else's
            continue
    return removed


_WRITE_APART = 4_000_000          # characters of a page written on a thread of its own
_PIECE = 1 << 20


def _write_page(path: Path, html: str | Sequence[bytes]) -> bool:
    """Write a page: encoded pieces as they are, HTML text encoded in slices of a MB (each in one call that
    holds the interpreter lock)."""
    try:
        with open(path, "wb") as f:
            if isinstance(html, str):
                for i in range(0, len(html), _PIECE):
                    f.write(html[i:i + _PIECE].encode("utf-8"))
            else:
                for piece in html:
                    f.write(piece)
    except OSError:
        return False          # a full disk: the map keeps its page
    return True


def _qwebchannel_js() -> str:
    f = QFile(":/qtwebchannel/qwebchannel.js")
    f.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        return bytes(f.readAll().data()).decode("utf-8")
    finally:
        f.close()


class MapView(QWebEngineView):
    """Shows a map page from a file (QWebEngineView.setHtml is limited to 2 MB)."""

    placeClicked = Signal(str)
    sentenceClicked = Signal(str, int, int)
    mapReady = Signal()
    placeMenuRequested = Signal(str)  # right-click on a place's marker or outline
    mapClicked = Signal(float, float)
    pinMoved = Signal(str, float, float)   # a place the user put on the map, dragged elsewhere
    mapMenuRequested = Signal(float, float)  # right-click on the map itself: mapviewer's menu for that point
    _written = Signal(int, str)            # a large page written (by its thread): its number and file

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._written.connect(self._load)
        self._page = _MapPage(self)
        self.setPage(self._page)
        self.setAcceptDrops(False)      # a file dropped on the map goes on to the window, never into the page
        # Never the browser's menu (Back, Reload, View source…): the page asks for mapviewer's own
        # (mapMenuRequested, placeMenuRequested).
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        settings = self.page().settings()
        for attribute, on in _SETTINGS.items():
            settings.setAttribute(attribute, on)
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
        self.view: tuple[float, float, float] | None = None    # centre and zoom, as the page last reported
        remove_stale_pages()
        # Private (mode 0700), removed with the view; named for this process so that a later start can
        # remove what a crash left behind (map pages hold the article's text).
        self._dir = tempfile.TemporaryDirectory(prefix=f"{PAGES_PREFIX}{os.getpid()}-")
        self._n = 0

    @property
    def page_number(self) -> int:
        """How many pages this view has loaded: a new one needs the tools' settings again."""
        return self._n

    @property
    def page_path(self) -> Path | None:
        """The file of the page shown."""
        return Path(self._dir.name) / f"map-{self._n}.html" if self._n else None

    def show_html(self, html: str | Sequence[bytes]) -> None:
        """Load a page: its HTML, or its UTF-8 in pieces, in order (what the app's worker makes of
        ``mapping.build.page_pieces``: a long article's page then reaches the file with no more work for
        the interpreter, whose lock the window's thread would wait for). Each load gets a new file so a
        reload never races the previous one. A large page is written on a thread of its own, so the window
        never waits for the disk; a page asked for later wins over one still being written."""
        self._n += 1
        n, path = self._n, Path(self._dir.name) / f"map-{self._n}.html"
        if (len(html) if isinstance(html, str) else sum(map(len, html))) < _WRITE_APART:
            _write_page(path, html)
            self._load(n, str(path))
            return
        def write() -> None:
            if _write_page(path, html):
                with contextlib.suppress(RuntimeError):      # the view closed meanwhile
                    self._written.emit(n, str(path))

        threading.Thread(target=write, name="mapviewer-page", daemon=True).start()

    def _load(self, n: int, path: str) -> None:
        if n == self._n:
            url = QUrl.fromLocalFile(path)
            self._page.own_pages.add(url)
            self.setUrl(url)

    def add_basemap_detail(self, page: int, detail: str) -> None:
        """The closer levels of the basemap of page ``page``, a page made ``coarse`` (``mapping.build.
        basemap_detail``'s JSON text), which the page script draws where the map is; dropped when another
        page is shown by now."""
        if page == self._n:
            self._bridge.basemapDetailed.emit(detail)

    def childEvent(self, e: QChildEvent) -> None:
        """QtWebEngine draws into a child widget, which would take drops for the page: it takes none, so a
        drop goes on to the window, which opens the files."""
        super().childEvent(e)
        child = e.child()
        if e.added() and isinstance(child, QWidget):
            child.setAcceptDrops(False)

    def focus_place(self, key: str) -> None:
        self._bridge.focusRequested.emit(key)

    def show_alternatives(self, alternatives: list[dict[str, object]]) -> None:
        """Faint markers of a mention's alternatives ({label, lat, lon, highlight}); [] removes them. They
        reach the page as JSON text, which the page script parses: data, never markup."""
        from ..io import dumps_json

        self._bridge.alternativesShown.emit(dumps_json(alternatives))

    def update_data(self, data: dict[str, object]) -> None:
        """New places and documents for the page shown (``mapping.build.page_update``), as JSON text that
        the page script parses; it says ``mapReady`` again when it has redrawn."""
        from ..io import dumps_json

        self._bridge.dataChanged.emit(dumps_json(data))

    def filter_document(self, doc: int | None) -> None:
        """Show only the markers of document ``doc`` (None: of every document)."""
        self._bridge.documentFiltered.emit(-1 if doc is None else doc)

    def set_pin_mode(self, on: bool) -> None:
        """A crosshair while the next click on the map places a mention."""
        self._bridge.pinModeChanged.emit(on)

    def send_tool(self, command: dict[str, object]) -> None:
        """A command of the map tools (``{"tool": name, …}``), as JSON text that the page script parses."""
        from ..io import dumps_json

        self._bridge.toolCommand.emit(dumps_json(command))

    def run_js(self, code: str, callback: Callable[[object], None] | None = None) -> None:
        if callback is None:
            self.page().runJavaScript(code)
        else:
            self.page().runJavaScript(code, 0, callback)
