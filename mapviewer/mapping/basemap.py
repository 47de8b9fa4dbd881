"""The offline basemap a map page carries: for each level of ``gazetteer/basemap.py``, the store's cells
around the page's places, and the names to write on it — towns and villages, regions, countries, seas,
lakes and rivers — with the zooms at which each may appear, most important first.

Which cells: every place pulls in the cells within a level's ``radius`` of it, for the levels its kind
needs (a country the world and the 4–6 zooms, a town every level down to 1:100,000); places are taken
most mentioned first until a level's byte budget is spent, so the page stays small (an exported page of
one article is well under 3 MB) and a corpus of a thousand places still opens. The page draws a finer
level over a water-coloured mask of its cells, so coarser cells show only where no finer one exists.

The rules (which level, which zoom a name appears at, which name wins a place on the screen) are all
here; the page script (``resources/basemap.js``) only draws what this data says.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..gazetteer.basemap import LEVELS, MAX_ZOOM, Level, cell_of
from ..gazetteer.store import GazetteerStore
from ..model import Place
from ..palette import BASEMAP, BASEMAP_TEXT
from ..places import PlaceEntry

# The levels (index into LEVELS) a place of each kind needs around it; other kinds need the world only.
_LOCAL = ("city", "county", "island", "lake")
LEVELS_FOR_KIND = {**dict.fromkeys(_LOCAL, (1, 2, 3)), "admin1": (1, 2), "landform": (1, 2), "river": (1,),
                   "area": (1,)}
BUDGET = {1: 200_000, 2: 150_000, 3: 80_000}   # bytes of compressed rows a page takes per level
# Label classes in the order they win a place on the screen when they appear at the same zoom.
CLASSES = ("country", "sea", "capital", "city", "region", "lake", "river")
_SANS = 'system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif'
_SERIF = 'Georgia, "DejaVu Serif", serif'


def _look(font: str, height: int, colour: str, *, upper: bool = False, dot: bool = False,
          spacing: str = "0px") -> dict[str, Any]:
    return {"font": font, "height": height, "colour": colour, "upper": upper, "dot": dot, "spacing": spacing}


# How each class of name is written: the page sets these on each label and measures with them.
LABELS = {
    "country": _look(f"600 13px {_SANS}", 16, BASEMAP_TEXT["country"], upper=True, spacing="1.5px"),
    "sea": _look(f"italic 13px {_SERIF}", 16, BASEMAP_TEXT["water"], spacing="1px"),
    "capital": _look(f"600 13px {_SANS}", 16, BASEMAP_TEXT["place"], dot=True),
    "city": _look(f"12px {_SANS}", 15, BASEMAP_TEXT["place"], dot=True),
    "region": _look(f"11px {_SANS}", 14, BASEMAP_TEXT["region"], upper=True, spacing="1px"),
    "lake": _look(f"italic 12px {_SERIF}", 15, BASEMAP_TEXT["water"]),
    "river": _look(f"italic 11px {_SERIF}", 14, BASEMAP_TEXT["water"]),
}
MAX_LABELS = 250        # names on the screen at once, at most


def city_min_zoom(population: int, feature: str) -> int:
    """The zoom from which a town is named: a city of ten million from zoom 3, of a hundred thousand from
    6, a village of a thousand from 10; capitals two zooms earlier, regional capitals one."""
    z = round(15 - 1.75 * math.log10(max(population, 1)))
    z -= 2 if feature.endswith("PPLC") else 1 if feature.endswith("PPLA") else 0
    return max(2, min(z, LEVELS[-1].zmin + 1))


def _min_population(zoom: int) -> int:
    """The smallest population of a town named at ``zoom`` (capitals aside): the inverse of city_min_zoom."""
    return int(10 ** ((15 - zoom - 0.5) / 1.75))


def country_min_zoom(population: int) -> int:
    return 2 if population >= 100_000_000 else 3 if population >= 20_000_000 else 4 if population >= 2_000_000 else 5


def _box(lat: float, lon: float, radius: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) within ``radius`` degrees of latitude (and as many km of longitude)."""
    dlon = min(radius / max(math.cos(math.radians(lat)), 0.2), 180)
    return max(lat - radius, -90), max(lon - dlon, -180), min(lat + radius, 90), min(lon + dlon, 180)


def _cells(box: tuple[float, float, float, float], size: float) -> Iterator[tuple[int, int]]:
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


Box = tuple[float, float, float, float]


def _chosen_cells(entries: list[PlaceEntry], store: GazetteerStore
                  ) -> tuple[dict[int, dict[tuple[int, int], bytes]], dict[int, list[Box]]]:
    """Per level, the cells around the places (most mentioned first) and their rows, within the budget;
    and the boxes around those places (whose towns are named)."""
    order = sorted(entries, key=lambda e: -len(e.mentions))
    chosen = {0: store.basemap_cells(0, [(0, 0)])}
    boxes: dict[int, list[Box]] = {}
    for n in range(1, len(LEVELS)):
        level, size = LEVELS[n], 0
        cells: dict[tuple[int, int], bytes] = {}
        boxes[n] = []
        for e in order:
            if n not in LEVELS_FOR_KIND.get(e.place.kind, ()):
                continue
            box = _box(e.place.lat, e.place.lon, level.radius)
            boxes[n].append(box)
            new = [c for c in _cells(box, level.cell) if c not in cells]
            found = store.basemap_cells(n, new)
            cells.update({c: found.get(c, b"") for c in new})
            size += sum(len(r) for r in found.values())
            if size > BUDGET[n]:
                break
        chosen[n] = cells
    return chosen, boxes


def _level_data(n: int, rows: dict[tuple[int, int], bytes], finer: set[tuple[int, int]] | None,
                finer_size: float) -> tuple[dict[str, Any], list[list[Any]]]:
    """One level as the page draws it: its cells (the mask), land, lines, lakes and rivers by the zoom from
    which they are drawn; and its water labels (a label inside a finer level's cells ends with the level)."""
    level = LEVELS[n]
    out: dict[str, Any] = {"zmin": level.zmin, "zmax": level.zmax,
                           "cells": [_cell_bounds(c, level.cell) for c in rows] if level.cell else [],
                           "land": [], "coast": [], "country": [], "region": [], "lakes": {}, "rivers": {}}
    labels = []
    for blob in rows.values():
        if not blob:
            continue
        row = json.loads(zlib.decompress(blob))
        for kind, geom in row["layers"].items():
            out[kind] += _parts(geom)
        for group in ("lakes", "rivers"):
            for z, geom in row[group].items():
                out[group].setdefault(z, []).extend(_parts(geom))
        for name, cls, lat, lon, zmin, zmax in row["labels"]:
            # a sea's name keeps Natural Earth's zooms; a river's or lake's ends where a finer level names it
            inside_finer = cls != "sea" and finer is not None and cell_of(lon, lat, finer_size) in finer
            last = min(int(zmax), level.zmax) if inside_finer else int(zmax)
            if int(zmin) <= last:
                labels.append([name, cls, lat, lon, int(zmin), last])
    return out, labels


def _parts(geom: dict[str, Any]) -> list[Any]:
    """The coordinates of each part of a (multi-)polygon or (multi-)line."""
    return geom["coordinates"] if geom["type"].startswith("Multi") else [geom["coordinates"]]


def _label(place: Place, cls: str, zmin: int, zmax: int = MAX_ZOOM) -> list[Any]:
    return [place.name, cls, round(place.lat, 4), round(place.lon, 4), zmin, zmax, place.population]


@lru_cache(maxsize=4)
def _world_labels(store_path: Path) -> tuple[tuple[Any, ...], ...]:
    """Countries and the towns named from the world zooms: the same for every page of a store."""
    store = GazetteerStore(store_path)
    try:
        out = [_label(p, "country", country_min_zoom(p.population), 7)
               for p in store.places_within(-90, -180, 90, 180, ("country",))]
        out += [_label(p, "capital" if p.feature.endswith("PPLC") else "city", z)
                for p in store.places_within(-90, -180, 90, 180, ("city",), _min_population(LEVELS[0].zmax + 2))
                if (z := city_min_zoom(p.population, p.feature)) <= LEVELS[0].zmax]
        return tuple(tuple(x) for x in out)
    finally:
        store.close()


@lru_cache(maxsize=8)
def _towns(store_path: Path, min_population: int) -> tuple[list[Place], np.ndarray, np.ndarray]:
    """The towns of at least ``min_population`` inhabitants and their latitudes and longitudes (one scan;
    the spatial index would visit every village of a wide box to find them)."""
    store = GazetteerStore(store_path)
    try:
        towns = store.largest("city", min_population)
        return towns, np.array([p.lat for p in towns]), np.array([p.lon for p in towns])
    finally:
        store.close()


def _towns_within(store_path: Path, min_population: int, box: Box) -> list[Place]:
    towns, lat, lon = _towns(store_path, min_population)
    south, west, north, east = box
    inside = np.flatnonzero((lat >= south) & (lat <= north) & (lon >= west) & (lon <= east))
    return [towns[i] for i in inside.tolist()]


def _place_labels(n: int, boxes: Iterable[Box], store: GazetteerStore) -> Iterator[list[Any]]:
    """Towns named from the level's zooms around the places; regions with the 4–6 zooms."""
    level: Level = LEVELS[n]
    wide = n < len(LEVELS) - 1
    for south, west, north, east in boxes:
        towns = (_towns_within(store.path, _min_population(level.zmax), (south, west, north, east)) if wide
                 else store.places_within(south, west, north, east, ("city",), _min_population(level.zmax)))
        for p in towns:
            z = city_min_zoom(p.population, p.feature)
            if level.zmin <= z <= level.zmax or (n == len(LEVELS) - 1 and z >= level.zmin):
                yield _label(p, "capital" if p.feature.endswith("PPLC") else "city", z)
        if n == 1:
            for p in store.places_within(south, west, north, east, ("admin1",)):
                outline = store.outline(p.id)
                at = outline.point_on_surface() if outline is not None else None
                lat, lon = (at.y, at.x) if at is not None else (p.lat, p.lon)
                yield [p.name, "region", round(lat, 4), round(lon, 4), 5, 9, 0]


def basemap_data(entries: list[PlaceEntry], store: GazetteerStore) -> dict[str, Any]:
    """What the page script needs to draw the basemap and its names (``resources/basemap.js``)."""
    chosen, boxes = _chosen_cells(entries, store)
    levels, labels = [], [list(x) for x in _world_labels(store.path)]
    for n in range(len(LEVELS)):
        finer = set(chosen[n + 1]) if n + 1 < len(LEVELS) else None
        data, water = _level_data(n, chosen[n], finer, LEVELS[n + 1].cell if finer is not None else 0)
        levels.append(data)
        labels += [[*w, 0] for w in water]
        if n:
            labels += _place_labels(n, boxes[n], store)
    seen, unique = set(), []
    for label in sorted(labels, key=lambda x: (x[4], CLASSES.index(x[1]), -x[6])):
        key = (label[0], label[1], round(label[2], 2), round(label[3], 2))
        if key not in seen:
            seen.add(key)
            unique.append(label[:6])
    return {"levels": levels, "labels": unique, "maxZoom": MAX_ZOOM,
            "style": {**BASEMAP, "labels": LABELS, "maxLabels": MAX_LABELS, "regionZoom": LEVELS[1].zmin + 1}}
