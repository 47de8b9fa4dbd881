"""Measure a distance on the map: click, click, and the geodesic between the two points in km and miles
(``geodesy.geodesic_km``), so that "about ten kilometres south of …" can be checked. The page draws what
this tool says (resources/maptools.js); a third click starts again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..geodesy import distance_text, geodesic_km
from .mapview import MapView


class Measure(QObject):
    """``message(text)`` says what to do next or what was measured (the window's status bar shows it)."""

    message = Signal(str)
    toggled = Signal(bool)

    def __init__(self, view: MapView):
        super().__init__(view)
        self.view = view
        self.active = False
        self.points: list[tuple[float, float]] = []
        self.km: float | None = None
        view.mapClicked.connect(self.click)

    def start(self, at: tuple[float, float] | None = None) -> None:
        """Measuring: the next clicks are its points (``at``, when given, is the first)."""
        self.active = True
        self.points = [] if at is None else [at]
        self.view.send_tool({"tool": "mode", "measure": True})
        self._show()
        self.toggled.emit(True)

    def stop(self) -> None:
        if not self.active:
            return
        self.active, self.points, self.km = False, [], None
        self.view.send_tool({"tool": "mode", "measure": False})
        self.view.send_tool({"tool": "measure", "points": [], "text": None})
        self.message.emit("Measuring ended")
        self.toggled.emit(False)

    def click(self, lat: float, lon: float) -> None:
        if not self.active:
            return
        if len(self.points) == 2:
            self.points = []
        self.points.append((lat, lon))
        self._show()

    def _show(self) -> None:
        text = None
        self.km = None
        if len(self.points) == 2:
            (lat1, lon1), (lat2, lon2) = self.points
            self.km = geodesic_km(lat1, lon1, lat2, lon2)
            text = distance_text(self.km)
            self.message.emit(f"Distance: {text} (a click starts a new measurement; Ctrl+M ends)")
        else:
            self.message.emit("Measure: click the " + ("second" if self.points else "first") + " point on the map")
        self.view.send_tool({"tool": "measure", "points": [list(p) for p in self.points], "text": text})
