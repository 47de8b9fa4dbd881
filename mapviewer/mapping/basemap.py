"""The offline basemap a map page carries: for each level of ``gazetteer/basemap.py``, the store's cells
around the page's places, and the names to write on it — towns and villages, regions, countries, seas,
lakes and rivers — with the zooms at which each may appear, most important first.

Which cells: every place pulls in the cells within a level's ``radius`` of it, for the levels its kind
needs (a region the world down to zoom 9, a town every level down to 1:100,000); places are taken most
mentioned first until a level's byte budget is spent, so the page stays small (an exported page of one
article is under 3 MB) and a corpus of a thousand places still opens. The page draws a finer level over
a water-coloured mask of its cells, so coarser cells show only where no finer one exists.

The drawing of a cell is JSON as the builder wrote it and goes into the page as that text (its own inert
data block, ``mapviewer-basemap``), never parsed here; only the names are read, to choose and order them.
The rules (which level, which zoom a name appears at, which name wins a place on the screen) are all in
Python; the page script (``resources/basemap.js``) only draws what this data says, in the colours of the
app's theme (``palette.MapStyle``, which the page receives with the palette).
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from ..gazetteer.basemap import CLASSES, LEVELS, MAX_ZOOM, cell_of
from ..gazetteer.store import GazetteerStore
from ..places import PlaceEntry

BASEMAP_ID = "mapviewer-basemap"
# The levels (index into LEVELS) a place of each kind needs around it; other kinds need the world only.
_LOCAL = ("city", "county", "island", "lake")
LEVELS_FOR_KIND = {**dict.fromkeys(_LOCAL, (1, 2, 3)), "admin1": (1, 2), "landform": (1, 2), "river": (1,),
                   "area": (1,)}
BUDGET = {1: 200_000, 2: 150_000, 3: 80_000}   # bytes of compressed drawing a page takes per level
_SANS = 'system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif'
_SERIF = 'Georgia, "DejaVu Serif", serif'


def _look(font: str, height: int, colour: str, *, upper: bool = False, dot: bool = False,
          spacing: str = "0px") -> dict[str, Any]:
    return {"font": font, "height": height, "colour": colour, "upper": upper, "dot": dot, "spacing": spacing}


# How each class of name is written: the page sets these on each label and measures with them. Its colour
# is the name of a field of the theme's ``palette.MapStyle`` (the page draws in the app's theme).
LABELS = {
    "country": _look(f"600 13px {_SANS}", 16, "country_label", upper=True, spacing="1.5px"),
    "sea": _look(f"italic 13px {_SERIF}", 16, "water_label", spacing="1px"),
    "capital": _look(f"600 13px {_SANS}", 16, "label", dot=True),
    "city": _look(f"12px {_SANS}", 15, "label", dot=True),
    "region": _look(f"11px {_SANS}", 14, "region_label", upper=True, spacing="1px"),
    "lake": _look(f"italic 12px {_SERIF}", 15, "water_label"),
    "river": _look(f"italic 11px {_SERIF}", 14, "water_label"),
}
MAX_LABELS = 250        # names on the screen at once, at most

Box = tuple[float, float, float, float]
Cells = dict[tuple[int, int], tuple[bytes, bytes]]


def _box(lat: float, lon: float, radius: float) -> Box:
    """(south, west, north, east) within ``radius`` degrees of latitude (and as many km of longitude)."""
    dlon = min(radius / max(math.cos(math.radians(lat)), 0.2), 180)
    return max(lat - radius, -90), max(lon - dlon, -180), min(lat + radius, 90), min(lon + dlon, 180)


def _cells(box: Box, size: float) -> Iterator[tuple[int, int]]:
    south, west, north, east = box
    x0, y0 = cell_of(west, south, size)
    x1, y1 = cell_of(min(east, 180 - 1e-9), min(north, 90 - 1e-9), size)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            yield x, y


def _cell_bounds(cell: tuple[int, int], size: float) -> list[float]:
    """[south, west, north, east] of a cell."""
    x, y = cell
    return [y * size - 90, x * size - 180, (y + 1) * size - 90, (x + 1) * size - 180]


@dataclass(frozen=True, slots=True)
class PageCells:
    """What of the basemap a page carries: per level, the cells around its places and their rows, and the
    boxes around those places (whose towns are named)."""

    chosen: list[Cells]
    boxes: list[list[Box]]


def page_cells(entries: list[PlaceEntry], store: GazetteerStore, coarse: bool = False) -> PageCells:
    """Per level, the cells around the places (most mentioned first) and their rows, within the budget;
    and the boxes around those places. ``coarse``: the world's level only (the first page the app shows,
    which the closer levels reach once it is on the screen: ``mapping.build.basemap_detail``)."""
    order = sorted(entries, key=lambda e: -len(e.mentions))
    chosen, boxes = [store.basemap_cells(0, [(0, 0)])], [[(-90.0, -180.0, 90.0, 180.0)]]
    for n in range(1, len(LEVELS)):
        level, size = LEVELS[n], 0
        cells: Cells = {}
        boxes.append([])
        for e in () if coarse else order:
            if n not in LEVELS_FOR_KIND.get(e.place.kind, ()):
                continue
            box = _box(e.place.lat, e.place.lon, level.radius)
            boxes[n].append(box)
            new = [c for c in _cells(box, level.cell) if c not in cells]
            found = store.basemap_cells(n, new)
            cells.update(found)
            size += sum(len(r[0]) for r in found.values())
            if size > BUDGET[n]:
                break
        chosen.append(cells)
    return PageCells(chosen, boxes)


def _area(cells: PageCells, n: int) -> BaseGeometry | None:
    """Where the page draws level ``n``: the union of its cells (None without any)."""
    if not cells.chosen[n]:
        return None
    bounds = [_cell_bounds(c, LEVELS[n].cell) for c in cells.chosen[n]]
    return shapely.union_all([shapely.box(west, south, east, north) for south, west, north, east in bounds])


def drawn_outlines(levels: dict[int, BaseGeometry], cells: PageCells) -> list[BaseGeometry]:
    """A region's or country's outline (``store.level_outlines``) as the page's basemap is drawn at each
    level: the level's own outline inside the level's cells, and outside them the outline drawn a level
    coarser (the page draws the coarser level there), so the highlight lies on the borders under it. A
    level the store lacks (a small island simplified away) takes the nearest finer one."""
    own = [next((levels[m] for m in sorted(levels) if m >= n), levels[max(levels)]) for n in range(len(LEVELS))]
    drawn = [own[0]]
    for n in range(1, len(LEVELS)):
        area = _area(cells, n)
        if area is None or not shapely.box(*own[n].bounds).intersects(area):    # none of the level's cells
            drawn.append(drawn[-1])
            continue
        inside = shapely.intersection(own[n], area)
        outside = shapely.difference(drawn[-1], area)
        drawn.append(shapely.union(inside, outside))
    return drawn


def _inside(lat: float, lon: float, boxes: list[Box]) -> bool:
    return any(s <= lat <= n and w <= lon <= e for s, w, n, e in boxes)


def _labels(chosen: list[Cells], boxes: list[list[Box]]) -> list[list[Any]]:
    """The names of the chosen cells, most important first: towns and villages only near the places (the
    cells are wider), a river's or lake's name ending where a finer level names it again."""
    labels = []
    for n, cells in enumerate(chosen):
        finer = set(chosen[n + 1]) if n + 1 < len(chosen) else set()
        finer_size = LEVELS[n + 1].cell if finer else 0.0
        for _, blob in cells.values():
            for name, cls, lat, lon, zmin, zmax, population in json.loads(zlib.decompress(blob)):
                if cls in ("city", "capital") and not _inside(lat, lon, boxes[n]):
                    continue
                if cls in ("river", "lake") and finer and cell_of(lon, lat, finer_size) in finer:
                    zmax = min(zmax, LEVELS[n].zmax)
                if zmin <= zmax:
                    labels.append([name, cls, lat, lon, zmin, zmax, population])
    labels.sort(key=lambda x: (x[4], CLASSES.index(x[1]), -x[6]))
    return [label[:6] for label in labels]


def basemap_json(page: PageCells, group: str, online: list[list[str]], outlines: dict[str, list[Any]]) -> str:
    """The basemap's data block as JSON text (``resources/basemap.js`` reads it): per level its zooms, the
    bounds of its cells and their drawings; the names; the style; the layer group it draws into, the
    online layers that say when they cannot be reached, and the highlighted outlines of regions and
    countries per level (by place key, GeoJSON geometries: ``drawn_outlines``; null where a level's is
    the level before's), which the page swaps with the basemap's level."""
    chosen, boxes = page.chosen, page.boxes
    levels = []
    for n, cells in enumerate(chosen):
        level = LEVELS[n]
        head = json.dumps({"zmin": level.zmin, "zmax": level.zmax,
                           "cells": [_cell_bounds(c, level.cell) for c in cells] if level.cell else []})
        rows = ",".join(zlib.decompress(data).decode("utf-8") for data, _ in cells.values())
        levels.append(f'{head[:-1]},"rows":[{rows}]}}')
    rest = json.dumps({"labels": _labels(chosen, boxes), "maxZoom": MAX_ZOOM, "group": group, "online": online,
                       "outlines": outlines,
                       "style": {"labels": LABELS, "maxLabels": MAX_LABELS,
                                 "regionZoom": LEVELS[1].zmin + 1}}, ensure_ascii=False, separators=(",", ":"))
    return f'{{"levels":[{",".join(levels)}],{rest[1:]}'
