"""The offline basemap, written into the store at build time: land, coastlines, country and region
borders, lakes and rivers, as GeoJSON cut into grid cells, one generalisation per zoom range.

Why this way: Natural Earth's admin-1 file is a *topology* (each border or stretch of coast is one arc,
shared by the two regions on its sides). Each level simplifies every arc once, and then builds both the
fills (the regions' rings, joined per country) and the lines (an arc used once is coast, one between two
countries a country border, one between two regions of a country a region border) from those same arcs:
at every zoom the land's edge, the coastline and the borders are the same vertices, so they cannot
disagree. A map page carries, per level, only the cells around its places (``mapping/basemap.py``) and
switches levels with the zoom; it is GeoJSON that Leaflet draws on a canvas, so no tile server, no
raster and no new library is needed.

Levels (Leaflet zooms): 0–3 the world at 0.1°; 4–6 at 0.02°; 7–9 at 0.003°; 10 and closer the full
1:10m detail (arcs quantised to ~50 m), enough for 1:100,000 where a town and its villages fill the view.
A level's tolerance stays below a pixel at its deepest zoom (one pixel at zoom z is 360/2^(z+8) degrees).
"""

from __future__ import annotations

import gzip
import json
import math
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry

from ..bundled import gazetteer_source
from . import sources
from .topology import decode_arcs, features


@dataclass(frozen=True, slots=True)
class Level:
    """One generalisation: the zooms it is made for, its simplification (degrees), the decimals kept,
    the grid its rows are cut into (degrees; 0: one row, the world) and how far around a place a page
    takes its cells (degrees)."""

    zmin: int
    zmax: int
    tolerance: float
    digits: int
    cell: float
    radius: float

    @property
    def min_area(self) -> float:
        """Islands and lakes smaller than three pixels square at the level's deepest zoom are left out."""
        return (3 * degrees_per_pixel(self.zmax)) ** 2 if self.tolerance else 0.0


LEVELS = (Level(0, 3, 0.15, 2, 0, 0), Level(4, 6, 0.02, 2, 10, 5), Level(7, 9, 0.003, 3, 5, 2),
          Level(10, 18, 0.0, 4, 1, 0.6))
MAX_ZOOM = LEVELS[-1].zmax
# The grids a geometry is cut along, coarse to fine: each divides the one before.
GRIDS = tuple(level.cell for level in LEVELS if level.cell)
LABEL_PIXELS = 120       # a river is named in a cell where its stretch is at least this long at the level's zoom
# Label classes in the order they win a place on the screen when they appear at the same zoom.
CLASSES = ("country", "sea", "capital", "city", "region", "lake", "river")
REGION_ZOOMS = (5, 9)    # regions are named from zoom 5 to 9
COUNTRY_MAX_ZOOM = 7


def city_min_zoom(population: int, feature: str) -> int:
    """The zoom from which a town is named: a city of ten million from zoom 3, of a hundred thousand from
    6, a village of a thousand from 10; capitals two zooms earlier, regional capitals one."""
    z = round(15 - 1.75 * math.log10(max(population, 1)))
    z -= 2 if feature.endswith("PPLC") else 1 if feature.endswith("PPLA") else 0
    return max(2, min(z, LEVELS[-1].zmin + 1))


def country_min_zoom(population: int) -> int:
    return 2 if population >= 100_000_000 else 3 if population >= 20_000_000 else 4 if population >= 2_000_000 else 5


def level_of_zoom(zoom: int) -> int:
    """The level drawn at a zoom."""
    return max(n for n, level in enumerate(LEVELS) if level.zmin <= zoom)


def degrees_per_pixel(zoom: float) -> float:
    """Longitude degrees per screen pixel at a Leaflet zoom (256-pixel tiles)."""
    return 360.0 / (256 * 2 ** zoom)


def cell_of(lon: float, lat: float, size: float) -> tuple[int, int]:
    """The (x, y) index of the grid cell of ``size`` degrees holding a point."""
    return math.floor((lon + 180) / size), math.floor((lat + 90) / size)


def _cell_box(x: int, y: int, size: float) -> tuple[float, float, float, float]:
    return x * size - 180, y * size - 90, (x + 1) * size - 180, (y + 1) * size - 90


def _cut(geom: BaseGeometry, size: float) -> Iterator[tuple[tuple[int, int], BaseGeometry]]:
    """The pieces of a geometry in each cell of the grid of ``size``, cut through the coarser grids first
    so that a continent-wide polygon is not clipped once per small cell. Size 0: the whole, uncut."""
    if not size:
        yield (0, 0), geom
        return
    pieces: list[tuple[tuple[int, int], float, BaseGeometry]] = [((0, 0), 360.0, geom)]
    for grid in (*(g for g in GRIDS if g > size), size):
        nxt = []
        for _, _, part in pieces:
            west, south, east, north = part.bounds
            x0, y0 = cell_of(west, south, grid)
            x1, y1 = cell_of(min(east, 180 - 1e-9), min(north, 90 - 1e-9), grid)
            for x in range(x0, x1 + 1):
                for y in range(y0, y1 + 1):
                    box = _cell_box(x, y, grid)
                    clipped = part if x0 == x1 and y0 == y1 else shapely.clip_by_rect(part, *box)
                    clipped = _kept(clipped, part.geom_type)
                    if clipped is not None:
                        nxt.append(((x, y), grid, clipped))
        pieces = nxt
    for cell, _, part in pieces:
        yield cell, part


def _kept(geom: BaseGeometry, like: str) -> BaseGeometry | None:
    """The parts of a clipped geometry of the original's dimension (clipping leaves points and slivers)."""
    if geom.is_empty:
        return None
    polygonal = "Polygon" in like
    parts = [g for g in getattr(geom, "geoms", [geom])
             if ("Polygon" in g.geom_type) == polygonal and g.geom_type != "Point" and not g.is_empty]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else (shapely.MultiPolygon(parts) if polygonal else shapely.MultiLineString(
        [ls for p in parts for ls in getattr(p, "geoms", [p])]))


def _rounded(geom: BaseGeometry, digits: int) -> BaseGeometry:
    """Coordinates rounded one by one (not snapped as a whole): an arc shared by a fill and a line stays
    the same vertices in both."""
    return shapely.transform(geom, lambda xy: np.round(xy, digits))


@dataclass(frozen=True, slots=True)
class _Topology:
    """The admin-1 topology: decoded arcs, each region's country and rings (arc indexes), and each arc's
    class: coast, country (border) or region (border)."""

    topology: dict[str, Any]
    arcs: list[np.ndarray]
    arc_class: dict[int, str]


@lru_cache(maxsize=1)
def _read_topology() -> _Topology:
    """The admin-1 topology, read once per process: a store's build draws the world's level and its
    highlighted outlines in one helper process, from the same topology."""
    with gzip.open(gazetteer_source(sources.REGIONS_FILE).open("rb")) as f:
        topology = json.load(f)
    users: dict[int, list[str]] = defaultdict(list)

    def walk(arcs: Any, country: str) -> None:
        if isinstance(arcs, int):
            users[arcs if arcs >= 0 else ~arcs].append(country)
        else:
            for a in arcs:
                walk(a, country)

    for g in topology["objects"][sources.REGIONS_OBJECT]["geometries"]:
        walk(g.get("arcs", []), g["properties"].get("adm0_a3") or "")
    arc_class = {i: "coast" if len(c) == 1 else "country" if len(set(c)) > 1 else "region"
                 for i, c in users.items()}
    return _Topology(topology, decode_arcs(topology), arc_class)


@dataclass(frozen=True, slots=True)
class _LevelArcs:
    """A level's simplified arcs and the regions built from them (properties with ``index``, polygon)."""

    arcs: list[np.ndarray]
    regions: list[tuple[dict[str, Any], BaseGeometry]]


@lru_cache(maxsize=1)
def _level_arcs(n: int) -> _LevelArcs:
    """Level ``n``'s arcs and regions, made once for its drawing and its highlighted outlines (kept for the
    last level asked: the levels come one after the other)."""
    topo = _read_topology()
    arcs = _simplified(topo.arcs, LEVELS[n].tolerance)
    return _LevelArcs(arcs, list(features(topo.topology, sources.REGIONS_OBJECT, arcs)))


def _simplified(arcs: list[np.ndarray], tolerance: float) -> list[np.ndarray]:
    """Each arc simplified once (Douglas–Peucker keeps the ends, so arcs still meet)."""
    if tolerance == 0:
        return arcs
    lines = shapely.simplify(np.array([shapely.LineString(a) for a in arcs]), tolerance)
    return [shapely.get_coordinates(line) for line in lines]


def _land(regions: list[tuple[dict[str, Any], BaseGeometry]], min_area: float) -> Iterator[BaseGeometry]:
    """Each country's land: its regions built from the level's arcs, joined; islands too small to see at
    the level left out."""
    by_country: dict[str, list[BaseGeometry]] = defaultdict(list)
    for props, geom in regions:
        by_country[props.get("adm0_a3") or ""].append(geom)
    for parts in by_country.values():
        try:
            land = shapely.coverage_union_all(parts)
        except shapely.errors.GEOSException:
            land = shapely.union_all(parts)
        kept = [p for p in getattr(land, "geoms", [land]) if p.geom_type == "Polygon" and p.area >= min_area]
        if kept:
            yield shapely.MultiPolygon(kept)


def _lines(topo: _Topology, arcs: list[np.ndarray], level: Level, land: list[BaseGeometry]) -> dict[str, BaseGeometry]:
    """Coast, country and region borders of the level; a coast or border arc only where it still bounds the
    level's land (the coast of an island left out goes with it)."""
    edge = set(_points(shapely.get_coordinates(land)).tolist())
    out: dict[str, list[np.ndarray]] = defaultdict(list)
    for i, kind in topo.arc_class.items():
        if not level.cell and kind != "country":
            continue  # the world, uncut: no region borders, and its land's own edge is the coastline
        xy = arcs[i]
        if len(xy) >= 2 and (kind == "region" or edge.issuperset(_points(xy[[0, -1]]).tolist())):
            out[kind].append(xy)
    return {k: shapely.MultiLineString(v) for k, v in out.items()}


def _points(xy: np.ndarray) -> np.ndarray:
    """(lon, lat) rows as complex numbers, to compare points as one value."""
    return xy[:, 0] + 1j * xy[:, 1]


def _water(level: Level) -> Iterator[tuple[str, dict[str, Any], BaseGeometry]]:
    """Lakes and rivers drawn at the level (Natural Earth's ``min_zoom``), simplified for it; seas as points."""
    with gzip.open(gazetteer_source(sources.WATER_FILE).open("rb")) as f:
        collection = json.load(f)
    for feature in collection["features"]:
        props = feature["properties"]
        kind = props["kind"]
        if kind != "sea" and props["min_zoom"] > level.zmax:
            continue
        geom = shape(feature["geometry"])
        if kind != "sea" and level.tolerance:
            geom = shapely.simplify(geom, level.tolerance, preserve_topology=kind == "lake")
        if kind == "lake":
            geom = _kept(geom, "Polygon")
            parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= level.min_area] if geom else []
            if not parts:
                continue
            geom = shapely.MultiPolygon(parts)
        yield kind, props, geom


def _zoom_key(z: float) -> str:
    return str(int(max(z, 0)))


@dataclass(slots=True)
class _Row:
    """What one cell of one level holds, grouped as the page draws it."""

    layers: dict[str, list[BaseGeometry]]
    lakes: dict[str, list[BaseGeometry]]
    rivers: dict[str, list[BaseGeometry]]
    labels: list[list[Any]]

    def as_json(self, digits: int) -> dict[str, Any]:
        """The drawing: each kind's parts as one multi-geometry's coordinates (the page joins cells)."""
        def joined(parts: list[BaseGeometry]) -> Any:
            return mapping(_rounded(_multi(parts), digits))["coordinates"]

        return {"layers": {k: joined(v) for k, v in self.layers.items()},
                "lakes": {z: joined(v) for z, v in self.lakes.items()},
                "rivers": {z: joined(v) for z, v in self.rivers.items()}}


def _multi(parts: list[BaseGeometry]) -> BaseGeometry:
    """The parts as one multi-geometry, not dissolved: one path that the page fills in one go (no seams
    between neighbouring countries), built without a costly union."""
    if "Polygon" in parts[0].geom_type:
        return shapely.MultiPolygon([p for g in parts for p in getattr(g, "geoms", [g])])
    return shapely.MultiLineString([p for g in parts for p in getattr(g, "geoms", [g])])


def _level_rows(n: int) -> dict[tuple[int, int], _Row]:
    rows: dict[tuple[int, int], _Row] = defaultdict(lambda: _Row(defaultdict(list), defaultdict(list),
                                                                 defaultdict(list), []))
    level, topo, made = LEVELS[n], _read_topology(), _level_arcs(n)
    arcs = made.arcs
    land = list(_land(made.regions, level.min_area))
    for country in land:
        for cell, piece in _cut(country, level.cell):
            rows[cell].layers["land"].append(piece)
    for kind, lines in _lines(topo, arcs, level, land).items():
        for cell, piece in _cut(lines, level.cell):
            rows[cell].layers[kind].append(piece)
    min_length = LABEL_PIXELS * degrees_per_pixel(level.zmin)
    for kind, props, geom in _water(level):
        name = props["name"]
        if kind == "sea":
            if level.zmin == 0:
                rows[(0, 0)].labels.append(
                    [name.title() if name.isupper() else name, "sea", round(geom.y, 3), round(geom.x, 3),
                     int(props["min_label"]), int(props["max_label"]), 0])
            continue
        for cell, piece in _cut(geom, level.cell):
            group = rows[cell].lakes if kind == "lake" else rows[cell].rivers
            group[_zoom_key(props["min_zoom"])].append(piece)
            if name and props["min_label"] <= level.zmax:
                label = _water_label(piece, kind, min_length)
                if label is not None:
                    rows[cell].labels.append([name, kind, round(label.y, 4), round(label.x, 4),
                                              int(max(props["min_label"], level.zmin)), MAX_ZOOM, 0])
    return rows


def _water_label(piece: BaseGeometry, kind: str, min_length: float) -> Any:
    """Where to name a lake (inside its largest part) or a river (the middle of its longest stretch), if
    that part is large enough to carry a name at the level's zoom."""
    largest = max(getattr(piece, "geoms", [piece]), key=lambda g: g.area if kind == "lake" else g.length)
    if kind == "lake":
        return largest.point_on_surface() if largest.area >= (min_length / 3) ** 2 else None
    return shapely.line_interpolate_point(largest, 0.5, normalized=True) if largest.length >= min_length else None


class Named(Protocol):
    """What the basemap needs of a gazetteer place to name it (read only)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def population(self) -> int: ...
    @property
    def feature(self) -> str: ...
    @property
    def outline(self) -> BaseGeometry | None: ...


def _place_labels(places: Iterable[Named], labels: dict[tuple[int, int, int], list[list[Any]]],
                  levels: set[int]) -> None:
    """Towns in the cell of the level their zoom falls in (the world's cell for the world's zooms), with the
    zoom they appear from; countries in the world's cell; regions, at their outline's inner point, with the
    4–6 zooms' cells. ``labels`` is keyed by (level, x, y); only names of ``levels`` are added."""
    for p in places:
        if p.kind == "city":
            z = city_min_zoom(p.population, p.feature)
            n = level_of_zoom(z)
            if n not in levels:
                continue
            cls = "capital" if p.feature.endswith("PPLC") else "city"
            labels[(n, *(cell_of(p.lon, p.lat, LEVELS[n].cell) if LEVELS[n].cell else (0, 0)))].append(
                [p.name, cls, round(p.lat, 4), round(p.lon, 4), z, MAX_ZOOM, p.population])
        elif p.kind == "country" and 0 in levels:
            labels[(0, 0, 0)].append([p.name, "country", round(p.lat, 4), round(p.lon, 4),
                                      country_min_zoom(p.population), COUNTRY_MAX_ZOOM, p.population])
        elif p.kind == "admin1" and 1 in levels:
            at = p.outline.point_on_surface() if p.outline is not None else shapely.Point(p.lon, p.lat)
            labels[(1, *cell_of(at.x, at.y, LEVELS[1].cell))].append(
                [p.name, "region", round(at.y, 4), round(at.x, 4), *REGION_ZOOMS, p.population])


def level_outline_rows(groups: Iterable[tuple[int, tuple[int, ...]]],
                       levels: Iterable[int] = range(len(LEVELS))) -> list[tuple[int, int, bytes]]:
    """(place id, level, GeoJSON geometry as zlib-compressed JSON: a third of its WKB, as its coordinates
    have at most four decimals) of each region's or country's outline at every level, from ``groups``: a
    place's id and the admin-1 topology's members (``index``) it is made of. Built from the level's arcs
    and rounded as the level's drawing is, an outline's vertices are those of the basemap's borders and
    coast at that level: the highlight of a place lies on the lines under it at every zoom. Its islands
    too small for the level are left out, as the level's land leaves them out. ``levels``: which levels
    (index into LEVELS)."""
    groups = list(groups)
    if not groups:
        return []
    rows = []
    for n in levels:
        level = LEVELS[n]
        parts = {props["index"]: geom for props, geom in _level_arcs(n).regions}
        for place_id, members in groups:
            found = [parts[i] for i in members if i in parts]
            if not found:
                continue
            try:
                geom = shapely.coverage_union_all(found) if len(found) > 1 else found[0]
            except shapely.errors.GEOSException:
                geom = shapely.union_all(found)
            geom = shapely.make_valid(_rounded(geom, level.digits), method="structure", keep_collapsed=False)
            geom = _kept(geom, "Polygon")
            kept = [p for p in getattr(geom, "geoms", [geom]) if p.area >= level.min_area] if geom else []
            if kept:    # without the islands the level's land leaves out
                rows.append((place_id, n, _packed(mapping(shapely.MultiPolygon(kept)))))
    return rows


Drawings = dict[tuple[int, int, int], tuple[bytes, list[list[Any]]]]


def basemap_drawings(levels: Iterable[int] = range(len(LEVELS))) -> Drawings:
    """Each cell's drawing (zlib-compressed JSON) and its names of water, by (level, x, y), for ``levels``
    (index into LEVELS): the costly part of the basemap, which needs no place of the gazetteer (the build
    runs it in its helper process)."""
    return {(n, x, y): (_packed(row.as_json(LEVELS[n].digits)), row.labels)
            for n in levels for (x, y), row in _level_rows(n).items()}


def basemap_rows(places: Iterable[Named], drawings: Drawings | None = None,
                 levels: Iterable[int] = range(len(LEVELS))) -> Iterable[tuple[int, int, int, bytes, bytes]]:
    """(level, x, y, drawing, names) for every cell of ``levels``: the drawing and the names
    (``[name, class, lat, lon, from zoom, to zoom, population]``) zlib-compressed JSON. ``drawings``:
    ``basemap_drawings`` of the same levels."""
    levels = set(levels)
    drawings = basemap_drawings(sorted(levels)) if drawings is None else drawings
    labels: dict[tuple[int, int, int], list[list[Any]]] = defaultdict(list)
    for key, (_, water) in drawings.items():
        labels[key].extend(water)
    _place_labels(places, labels, levels)
    empty = _packed(_Row({}, {}, {}, []).as_json(0))
    for key in sorted(k for k in labels if k[0] in levels):
        yield *key, drawings[key][0] if key in drawings else empty, _packed(labels[key])


def _packed(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 6)
