"""File › Export map as PNG: the map as it is shown (view, filters, theme, basemap, measurement), at a chosen
scale factor, for slides and articles.

At 1× the view itself is grabbed. At a larger factor a second view that is never put on the screen loads
the same page ``factor`` times larger with a zoom factor of ``factor``: the page lays out at the shown size
(the same part of the world at the same zoom) and Chromium draws it with ``factor`` device pixels per CSS
pixel, so lines and labels are sharp rather than enlarged. The page's state comes from the shown page
(``mapviewer.tools.state()``) and goes back to the second one as JSON over the bridge."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap

from ..errors import MapviewerError
from ..io import write_atomic
from .mapview import MapView

SCALES = (1, 2, 3, 4)
SETTLE_MS = 400            # markers and clusters settle before the picture is taken (as --screenshot waits)
RESTORE_MS = 150          # the restore command crosses the channel before the frames are awaited
LOAD_TIMEOUT_MS = 60_000


def png_bytes(pixmap: QPixmap) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise MapviewerError("The map could not be encoded as PNG.")
    return bytes(data.data())


class MapPicture(QObject):
    """One export; ``done(path, error)`` at the end, the error empty when the file was written."""

    done = Signal(str, str)

    def __init__(self, source: MapView, path: Path, scale: int, parent: QObject | None = None):
        super().__init__(parent)
        self.source, self.path, self.scale = source, Path(path), scale
        self.view: MapView | None = None
        self._timeout = QTimer(self, singleShot=True, interval=LOAD_TIMEOUT_MS)
        self._timeout.timeout.connect(lambda: self._finish(None, "The map did not load in time."))

    def start(self) -> None:
        if self.source.page_path is None:
            self._finish(None, "There is no map to export.")
            return
        self._timeout.start()
        self.source.run_js("JSON.stringify(window.mapviewer && mapviewer.tools ? mapviewer.tools.state() : null)",
                           self._with_state)

    def _with_state(self, state_json: object) -> None:
        if not isinstance(state_json, str) or state_json == "null":
            self._finish(None, "The map page is not ready yet.")
            return
        state = json.loads(state_json)
        if self.scale == 1:
            self._settled(self.source)
            return
        page = self.source.page_path
        assert page is not None
        view = self.view = MapView()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        view.resize(self.source.size() * self.scale)
        view.setZoomFactor(self.scale)
        view.mapReady.connect(lambda: self._restore(view, state))
        view.show()
        view.show_html(page.read_text(encoding="utf-8"))

    def _restore(self, view: MapView, state: dict[str, object]) -> None:
        view.mapReady.disconnect()
        view.setZoomFactor(self.scale)
        view.send_tool({"tool": "restore", "state": state})
        QTimer.singleShot(RESTORE_MS, lambda: self._settled(view))

    def _settled(self, view: MapView) -> None:
        """Two animation frames and a moment after the page's last change, the picture."""
        view.run_js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(1))))",
                    lambda _: QTimer.singleShot(SETTLE_MS, lambda: self._grab(view)))

    def _grab(self, view: MapView) -> None:
        try:
            write_atomic(self.path, png_bytes(view.grab()))
        except (MapviewerError, OSError) as e:
            self._finish(None, f"Could not write {self.path}: {e}")
            return
        self._finish(self.path, "")

    def _finish(self, path: Path | None, error: str) -> None:
        self._timeout.stop()
        if self.view is not None:
            self.view.close()
            self.view.deleteLater()
            self.view = None
        self.done.emit(str(path or self.path), error)
