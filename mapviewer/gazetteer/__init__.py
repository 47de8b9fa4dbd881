"""The bundled offline gazetteer: a SQLite store built from GeoNames, Natural Earth and world-atlas,
read through a geopy Geocoder."""

from .geocoder import OfflineGazetteer, importance
from .store import GazetteerStore, NameMatch, Place, default_path, ensure_store

__all__ = ["GazetteerStore", "NameMatch", "OfflineGazetteer", "Place", "default_path", "ensure_store", "importance"]
