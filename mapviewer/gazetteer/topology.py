"""Decode TopoJSON (quantized, delta-encoded arcs) into shapely geometries.

The bundled outline files are TopoJSON; decoding is a cumulative sum per arc, so it is done here
with numpy rather than pulling in a converter that needs geopandas. world-atlas rings are spherical
and may jump across the antimeridian (Russia, Fiji): rings are unwrapped, then cut at ±180°.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry


def decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """Each arc as an array of (lon, lat)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        xy = np.asarray(arc, dtype=float)[:, :2]
        if transform:
            xy = np.cumsum(xy, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(xy)
    return arcs


_WORLD = shapely.box(-180, -90, 180, 90)


def _ring(arcs: list[np.ndarray], indexes: list[int]) -> np.ndarray:
    parts: list[np.ndarray] = []
    for i in indexes:
        xy = arcs[i] if i >= 0 else arcs[~i][::-1]
        parts.append(xy if not parts else xy[1:])
    ring = np.concatenate(parts)
    ring[:, 0] = np.unwrap(ring[:, 0], period=360)
    return ring


def _polygon(arcs: list[np.ndarray], rings: list[list[int]]) -> BaseGeometry | None:
    coords = [_ring(arcs, r) for r in rings]
    coords = [c for c in coords if len(c) >= 4]
    if not coords:
        return None
    shell_mid = coords[0][:, 0].mean()
    holes = [h - [360 * round((h[:, 0].mean() - shell_mid) / 360), 0] for h in coords[1:]]
    polygon = shapely.make_valid(shapely.Polygon(coords[0], holes))
    return wrap_antimeridian(polygon)


def wrap_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Cut a geometry whose longitudes run past ±180° into parts inside [-180, 180]."""
    west, _, east, _ = geom.bounds
    if west >= -180 and east <= 180:
        return geom
    pieces = []
    for shift in (-360, 0, 360):
        moved = shapely.transform(geom, lambda xy, s=shift: xy + np.array([s, 0]))  # numpy: shift each x
        piece = shapely.intersection(moved, _WORLD)
        if not piece.is_empty:
            pieces.append(piece)
    return shapely.union_all(pieces)


def _geometry(arcs: list[np.ndarray], obj: dict[str, Any]) -> BaseGeometry | None:
    kind = obj.get("type")
    if kind == "Polygon":
        polys = [_polygon(arcs, obj["arcs"])]
    elif kind == "MultiPolygon":
        polys = [_polygon(arcs, p) for p in obj["arcs"]]
    else:
        return None
    kept: list[BaseGeometry] = [p for p in polys if p is not None and not p.is_empty]
    if not kept:
        return None
    geom = _joined(kept) if len(kept) > 1 else kept[0]
    geom = shapely.make_valid(geom) if not geom.is_valid else geom
    return _polygonal(geom)


def _joined(parts: list[BaseGeometry]) -> BaseGeometry:
    """The polygons of a member as one geometry: as they are when they are disjoint, as they nearly always
    are (their union took a third of reading the admin-1 file, for the same area), else their union."""
    polygons = [p for part in parts for p in getattr(part, "geoms", [part])]
    if all(p.geom_type == "Polygon" for p in polygons):
        joined = shapely.MultiPolygon(polygons)
        if joined.is_valid:
            return joined
    return shapely.union_all(parts)


def _polygonal(geom: BaseGeometry) -> BaseGeometry | None:
    """Drop the slivers (lines, points) that cutting and repairing can leave behind."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else None


def features(topology: dict[str, Any], name: str,
             arcs: list[np.ndarray] | None = None) -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
    """Yield (properties plus id and ``index``, the member's position in the object, which stays the same
    whatever ``arcs`` drop) for each polygonal geometry of object ``name``; built from ``arcs`` when given
    (the decoded arcs, simplified: the basemap's levels)."""
    arcs = decode_arcs(topology) if arcs is None else arcs
    obj = topology["objects"][name]
    members = obj["geometries"] if obj.get("type") == "GeometryCollection" else [obj]
    for index, member in enumerate(members):
        geom = _geometry(arcs, member)
        if geom is not None and not geom.is_empty:
            props = {**(member.get("properties") or {}), "index": index}
            if "id" in member:
                props["id"] = member["id"]
            yield props, geom
