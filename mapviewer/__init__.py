"""mapviewer: every place an article mentions, on a map, linked back to its sentences.

The geoparser is a library of its own (no Qt, no folium, no network)::

    from mapviewer import Document, GazetteerStore, Geoparser

    geoparser = Geoparser(GazetteerStore.open())
    for m in geoparser.analyse(Document("Yelyzavtivka, 10 km south of Kurakhove, has fallen, Moscow said.")).mentions:
        print(m.text, m.kind, m.place.name, m.place.lat, m.place.lon, m.confidence)

The names are loaded on first use, so ``import mapviewer.model`` stays free of the gazetteer's libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .gazetteer.store import GazetteerStore
    from .geoparse.config import GeoparserConfig
    from .model import Analysis, Document, Mention, Place
    from .pipeline import Geoparser

__version__ = "0.1.0"
__all__ = ["Analysis", "Document", "GazetteerStore", "Geoparser", "GeoparserConfig", "Mention", "Place"]

_HOMES = {"Analysis": ".model", "Document": ".model", "Mention": ".model", "Place": ".model",
          "GazetteerStore": ".gazetteer.store", "Geoparser": ".pipeline", "GeoparserConfig": ".geoparse.config"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
