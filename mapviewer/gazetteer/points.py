"""Where an area's marker goes: one point convention for every place the builder derives from an outline
(admin-1 regions, counties, seas, lakes, islands, landforms, world regions, rivers).

The convention was chosen by measurement (benchmarks/area_point_figures.py, figures in gazetteer/SOURCES.md):
other gazetteers, GeoNames among them, put an area's point near the centre of its whole extent, so the area
centroid of the whole outline is used when it lies inside the area (Quebec's with its islands, not only its
mainland's). A ring-shaped or scattered area (an archipelago, a gulf) has its centroid outside: then the
centroid of its largest part, else a point surely inside that part, so the marker always sits on the area.
Lines (rivers) take the middle of their longest stretch.
"""

from __future__ import annotations

import shapely
from shapely.geometry.base import BaseGeometry


def label_point(geom: BaseGeometry) -> tuple[float, float]:
    """(lat, lon) of the marker for an outline or line."""
    parts = getattr(geom, "geoms", [geom])
    largest = max(parts, key=lambda g: (g.area, g.length))
    if largest.geom_type.endswith("LineString"):
        point = shapely.line_interpolate_point(largest, 0.5, normalized=True)
        return point.y, point.x
    for candidate in (geom, largest):
        centre = candidate.centroid
        if candidate.area > 0 and candidate.contains(centre):
            return centre.y, centre.x
    point = largest.point_on_surface()
    return point.y, point.x
