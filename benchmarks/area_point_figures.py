"""Which point convention for areas matches the corpora's gold points best: measured over every country,
admin-1 region, sea, lake, island, landform and world region that has a gold point in the development
corpora, not over single names.

    python benchmarks/area_point_figures.py [--eval ../shared/eval]

The corpora's gold points are GeoNames'. Areas are found two ways: a gold toponym whose GeoNames id is a
country's or region's in the gazetteer (whatever mapviewer read there), and, for kinds GeoNames ids do not
link (seas, world regions…), a mention mapviewer read as that area with the gold point within 161 km of
its outline (the right area). For each convention the script prints, per group, how many mentions and how
many areas (each area once, at its mentions' median) fall more than 161 km from the gold point, and the
median distance. Conventions are computed from the stored outlines; "stored" is the gazetteer's own point.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from geoparse_figures import CORPORA, DEFAULT_EVAL, _store_place, near_place
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from mapviewer.gazetteer import GazetteerStore
from mapviewer.geodesy import great_circle_km

Towns = np.ndarray  # rows of (lat, lon, population) of the GeoNames towns inside an area


def _polygons(geom: BaseGeometry) -> list[BaseGeometry]:
    return [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]


def _inside_or(point: Point, geom: BaseGeometry) -> Point:
    """The point if it lies in the area, else the largest part's centroid or a point surely inside."""
    if geom.contains(point):
        return point
    largest = max(_polygons(geom), key=lambda g: g.area)
    return largest.centroid if largest.contains(largest.centroid) else largest.point_on_surface()


def _largest_centroid(geom: BaseGeometry, towns: Towns) -> Point:
    return _inside_or(max(_polygons(geom), key=lambda g: g.area).centroid, geom)


def _whole_centroid(geom: BaseGeometry, towns: Towns) -> Point:
    return _inside_or(geom.centroid, geom)


def _pole(geom: BaseGeometry, towns: Towns) -> Point:
    return polylabel(max(_polygons(geom), key=lambda g: g.area), tolerance=0.02)


def _box_centre(geom: BaseGeometry, towns: Towns) -> Point:
    x0, y0, x1, y1 = max(_polygons(geom), key=lambda g: g.area).bounds
    return _inside_or(Point((x0 + x1) / 2, (y0 + y1) / 2), geom)


def _towns(weighted: bool) -> Callable[[BaseGeometry, Towns], Point]:
    def centre(geom: BaseGeometry, towns: Towns) -> Point:
        if not len(towns):
            return _whole_centroid(geom, towns)
        w = 1 + towns[:, 2] if weighted else np.ones(len(towns))
        return _inside_or(Point(float(towns[:, 1] @ w / w.sum()), float(towns[:, 0] @ w / w.sum())), geom)
    return centre


CONVENTIONS: dict[str, Callable[[BaseGeometry, Towns], Point]] = {
    "largest part's centroid": _largest_centroid,
    "whole outline's centroid": _whole_centroid,
    "pole of inaccessibility": _pole,
    "bounding-box centre": _box_centre,
    "towns' mean": _towns(False),
    "towns' population centre": _towns(True),
}


def samples(store: GazetteerStore, eval_dir: Path, preds: Path) -> list[tuple[str, Any, float, float]]:
    """(corpus, place, gold lat, gold lon) of every gold toponym that names an area of the gazetteer."""
    rows = store._query("SELECT id FROM places WHERE kind IN ('country', 'admin1') AND geonameid IS NOT NULL")
    by_geonameid = {p.geonameid: p for p in (store.place(r[0]) for r in rows) if p is not None}
    out = []
    for corpus, file in CORPORA.items():
        predicted = {d["id"]: d["places"] for d in map(json.loads, (preds / file).read_text("utf-8").splitlines())}
        for doc in map(json.loads, (eval_dir / file).read_text("utf-8").splitlines()):
            for g in (g for g in doc["gold"] if g["lat"] is not None):
                place = by_geonameid.get(g.get("geonameid"))
                if place is None:
                    hit = next((p for p in predicted.get(str(doc["id"]), [])
                                if p["start"] < g["end"] and g["start"] < p["end"]), None)
                    place = _store_place(store, hit) if hit else None
                    if place is None or place.kind in ("city", "country", "admin1", "continent") \
                            or store.outline(place.id) is None or not near_place(store, place, g["lat"], g["lon"]):
                        continue
                out.append((corpus, place, g["lat"], g["lon"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder with the corpora and score.py")
    args = ap.parse_args()
    store = GazetteerStore.open()
    with tempfile.TemporaryDirectory() as tmp:
        for file in CORPORA.values():
            subprocess.run([sys.executable, "-m", "mapviewer", "geoparse", "--jsonl", str(args.eval / file),
                            "--out", str(Path(tmp) / file)], check=True, stderr=subprocess.DEVNULL)
        found = samples(store, args.eval, Path(tmp))
    towns: dict[int, Towns] = defaultdict(lambda: np.zeros((0, 3)))
    for column in ("region_id", "country"):
        key = "p.region_id" if column == "region_id" else "c.id"
        join = "" if column == "region_id" else "JOIN places c ON c.kind = 'country' AND c.country = p.country"
        groups: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
        for area, lat, lon, pop in store._query(f"SELECT {key}, p.lat, p.lon, p.population FROM places p {join} "
                                                 f"WHERE p.kind = 'city' AND {key} IS NOT NULL"):
            groups[area].append((lat, lon, pop))
        towns.update({k: np.array(v) for k, v in groups.items()})
    points: dict[tuple[str, int], tuple[float, float]] = {}
    for _, place, _, _ in found:
        outline = shapely.make_valid(store.outline(place.id))
        points[("stored", place.id)] = (place.lat, place.lon)
        for name, convention in CONVENTIONS.items():
            p = convention(outline, towns[place.id]) if _polygons(outline) else Point(place.lon, place.lat)
            points[(name, place.id)] = (p.y, p.x)

    def group(place: Any) -> str:
        return place.kind if place.kind in ("country", "admin1") else "other areas"

    print(f"{len(found)} mentions of {len({p.id for _, p, _, _ in found})} areas with gold points "
          f"({', '.join(f'{c} {sum(x == c for x, *_ in found)}' for c in CORPORA)})")
    print(f"{'convention':26s} " + " ".join(f"{g:>36s}" for g in ("country", "admin1", "other areas", "all")))
    for name in ("stored", *CONVENTIONS):
        cells = []
        for g in ("country", "admin1", "other areas", "all"):
            per_area: dict[int, list[float]] = defaultdict(list)
            for _, place, lat, lon in found:
                if g in ("all", group(place)):
                    per_area[place.id].append(float(great_circle_km(lat, lon, *points[(name, place.id)])))
            km = np.concatenate([np.array(v) for v in per_area.values()])
            medians = np.array([np.median(v) for v in per_area.values()])
            cells.append(f"{int((km > 161).sum()):4d}/{len(km)} mentions "
                         f"{int((medians > 161).sum()):3d}/{len(medians)} areas {np.median(km):4.0f} km")
        print(f"{name:26s} " + " ".join(f"{c:>36s}" for c in cells))
    print("(> 161 km from the gold point: mentions, areas; median distance over mentions)")


if __name__ == "__main__":
    main()
