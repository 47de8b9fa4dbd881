"""The locator (Map › Locate a place…, Ctrl+L): any place of the gazetteer, not only the article's, found as
the user types (``mapviewer.search``, the correction dialogs' search) with its region, country and kind;
the chosen one is flown to and marked on the map for a while."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..gazetteer.store import GazetteerStore
from ..model import Place
from ..palette import kind_style
from ..places import place_context
from ..search import SearchResult
from .mapview import MapView
from .search_dialog import SearchDialog


def locate_command(result: SearchResult) -> dict[str, object]:
    """What the page needs to fly to a place and mark it: its point, kind and a label that tells namesakes
    apart ('Kurakhove (Donetsk, Ukraine) · town')."""
    p = result.place
    return {"tool": "locate", "lat": p.lat, "lon": p.lon, "kind": p.kind,
            "label": f"{result.label} · {kind_style(p.kind).label}"}


def locate(view: MapView, store: GazetteerStore, place: Place) -> SearchResult:
    """Fly the map to ``place`` and mark it; returns the place with its context."""
    result = SearchResult(place, place.name, *place_context(place, store))
    view.send_tool(locate_command(result))
    return result


def locator_dialog(view: MapView, store: GazetteerStore, parent: QWidget, query: str = "") -> SearchDialog:
    """The locator, opened (not modal): the highlighted result is previewed as a faint marker."""
    dialog = SearchDialog(store, query, "Locate a place", parent)
    dialog.previewed.connect(lambda r: view.show_alternatives(
        [] if r is None else [{"label": r.label, "lat": r.place.lat, "lon": r.place.lon, "highlight": True}]))
    dialog.finished.connect(lambda _: view.show_alternatives([]))
    dialog.accepted.connect(lambda: locate(view, store, dialog.chosen) if dialog.chosen is not None else None)
    dialog.open()
    return dialog
