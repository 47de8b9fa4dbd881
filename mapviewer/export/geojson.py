"""GeoJSON (RFC 7946) that QGIS and uMap open as a layer with attribute columns."""

from __future__ import annotations

from typing import Any

from ..gazetteer.store import GazetteerStore
from ..model import Analysis
from ..places import collect_places
from .fields import outline, place_fields


def geojson(analyses: list[Analysis], store: GazetteerStore, outlines: bool = True) -> dict[str, Any]:
    """One Point feature per place with flat properties (``fields.place_fields`` less lat/lon, which the
    geometry holds, plus ``role``: "place"); with ``outlines``, each region's and country's polygon as a
    feature of its own with the same properties and ``role`` "outline", listed first so that points
    draw on top."""
    import shapely  # loaded by the export, not with the window's menus

    points, polygons = [], []
    for e in collect_places(analyses, store):
        props = {k: v for k, v in place_fields(e, analyses).items() if k not in ("lat", "lon")}
        points.append({"type": "Feature", "id": e.key,
                       "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                       "properties": {**props, "role": "place"}})
        shape = outline(e, store) if outlines else None
        if shape is not None:
            polygons.append({"type": "Feature", "id": f"{e.key}-outline", "geometry": shapely.geometry.mapping(shape),
                             "properties": {**props, "role": "outline"}})
    return {"type": "FeatureCollection", "features": polygons + points}
