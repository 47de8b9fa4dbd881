"""The bundled offline gazetteer: a SQLite store built from GeoNames, Natural Earth and world-atlas,
read directly (GazetteerStore) or through a geopy Geocoder (OfflineGazetteer, loaded on first use:
importing geopy loads its online geocoders, which the geoparser never needs)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import NameMatch, Place
from .lifecycle import default_path, ensure_store
from .ranking import importance
from .store import GazetteerStore

if TYPE_CHECKING:
    from .geocoder import OfflineGazetteer

__all__ = ["GazetteerStore", "NameMatch", "OfflineGazetteer", "Place", "default_path", "ensure_store", "importance"]


def __getattr__(name: str) -> Any:
    if name == "OfflineGazetteer":
        from .geocoder import OfflineGazetteer

        return OfflineGazetteer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
