"""Derive the repository's ``gazetteer/natural-earth_physical.geojson.gz`` and
``gazetteer/natural-earth_water.geojson.gz`` from Natural Earth's 1:10m physical layers (public domain),
and copy us-atlas' counties: run once when the sources change.

    python tools/derive_natural_earth.py ../shared/data     # the folder of Natural Earth and us-atlas files

Kept: named seas, gulfs, bays, straits, sounds, channels, fjords, lagoons and oceans; named lakes and
reservoirs; named rivers; islands and island groups; ranges, deserts, plateaus, plains, basins,
peninsulas, deltas, valleys, capes, reefs, waterfalls and the geographic areas (Sahel, Anatolia,
Patagonia). Geometry is simplified (0.02°, ~2 km: enough for a marker and an outline at regional zoom)
and rounded to 1e-4°, so the file stays small; the builder reads only this file.

The water file is what the offline basemap draws (``mapviewer/gazetteer/basemap.py``): every lake and
reservoir (polygons) and river (lines; lake centrelines are left out, the lake is drawn instead), named or
not, with Natural Earth's ``min_zoom`` (from which web-map zoom to draw it) and ``min_label`` (to name it),
simplified by WATER_TOLERANCE (0.001°, ~100 m: within a pixel or two at 1:100,000, where Natural Earth's
1:10m lines are already coarser than that), rounded to 1e-4°; and the label points of the named seas,
oceans, gulfs and bays with ``min_label`` and ``max_label``.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

TOLERANCE = 0.02
WATER_TOLERANCE = 0.001
# Natural Earth feature class -> gazetteer kind.
KINDS = {
    **dict.fromkeys(("sea", "gulf", "bay", "strait", "sound", "channel", "fjord", "lagoon", "ocean", "inlet"), "sea"),
    **dict.fromkeys(("Lake", "Reservoir", "Alkaline Lake"), "lake"),
    "River": "river",
    **dict.fromkeys(("Island", "Island group", "island", "island group"), "island"),
    **dict.fromkeys(("Range/mtn", "Desert", "Plateau", "Plain", "Basin", "Pen/cape", "Peninsula", "Delta",
                     "Valley", "Lowland", "Isthmus", "Wetlands", "Gorge", "Foothills", "Depression", "Tundra",
                     "Coast", "cape", "reef", "waterfall"), "landform"),
    "Geoarea": "area",
}
LAYERS = ("ne_10m_geography_marine_polys", "ne_10m_lakes", "ne_10m_rivers_lake_centerlines",
          "ne_10m_geography_regions_polys", "ne_10m_geography_regions_points")


def _merged(features: list[dict]) -> list[dict]:
    """One feature per named thing: Natural Earth cuts rivers into stretches and some seas into parts
    ("Danube" several times). Parts of one kind and name whose boxes lie within MERGE_DEGREES of each
    other are one feature (the most prominent part's properties, the union of the geometries)."""
    groups: dict[tuple[str, str], list[list[dict]]] = {}
    for f in features:
        box = shape(f["geometry"]).bounds
        clusters = groups.setdefault((f["properties"]["kind"], f["properties"]["name"]), [])
        for cluster in clusters:
            if any(_near(box, shape(g["geometry"]).bounds) for g in cluster):
                cluster.append(f)
                break
        else:
            clusters.append([f])
    out = []
    for clusters in groups.values():
        for cluster in clusters:
            cluster.sort(key=lambda f: f["properties"]["rank"])
            geom = shapely.union_all([shape(f["geometry"]) for f in cluster])
            if geom.geom_type in ("MultiLineString", "LineString"):
                geom = shapely.line_merge(geom)
            out.append({**cluster[0], "geometry": mapping(shapely.set_precision(geom, 1e-4))})
    return out


MERGE_DEGREES = 3.0


def _whole_oceans(features: list[dict]) -> list[dict]:
    """Natural Earth splits the Atlantic and the Pacific at the equator; news names the whole ocean ("the
    Atlantic"): one more feature for each, the union of its halves."""
    out = []
    for ocean in ("ATLANTIC OCEAN", "PACIFIC OCEAN"):
        halves = [f for f in features if f["properties"]["name"] in (f"NORTH {ocean}", f"SOUTH {ocean}")]
        if len(halves) == 2:
            geom = shapely.union_all([shape(f["geometry"]).buffer(0.1) for f in halves]).buffer(-0.1)  # one polygon
            props = {**halves[0]["properties"], "name": ocean, "alt": ""}
            out.append({"type": "Feature", "geometry": mapping(shapely.set_precision(geom, 1e-4)), "properties": props})
    return out


def _near(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return (a[0] - MERGE_DEGREES <= b[2] and b[0] - MERGE_DEGREES <= a[2]
            and a[1] - MERGE_DEGREES <= b[3] and b[1] - MERGE_DEGREES <= a[3])


def _water(source: Path) -> list[dict]:
    """Lakes, rivers and sea label points for the basemap, with Natural Earth's zoom levels."""
    out = []
    for layer, kind in (("ne_10m_lakes", "lake"), ("ne_10m_rivers_lake_centerlines", "river"),
                        ("ne_10m_geography_marine_polys", "sea")):
        with gzip.open(source / "natural-earth" / f"{layer}.geojson.gz") as f:
            collection = json.load(f)
        for feature in collection["features"]:
            props = feature["properties"]
            name = (props.get("name_en") or props.get("name") or "").strip()
            if feature.get("geometry") is None or props.get("featurecla") == "Lake Centerline":
                continue
            geom = shape(feature["geometry"])
            if kind == "sea":
                if not name:
                    continue
                largest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
                geom = largest.point_on_surface()
            else:
                geom = shapely.simplify(geom, WATER_TOLERANCE, preserve_topology=True)
            geom = shapely.set_precision(geom, 1e-4)
            if geom.is_empty:
                continue
            out.append({"type": "Feature", "geometry": mapping(geom), "properties": {
                "name": name, "kind": kind, "min_zoom": float(props.get("min_zoom") or 0),
                "min_label": float(props.get("min_label") or 0), "max_label": float(props.get("max_label") or 99)}})
    return out


def main(source: Path, target: Path) -> None:
    features = []
    for layer in LAYERS:
        with gzip.open(source / "natural-earth" / f"{layer}.geojson.gz") as f:
            collection = json.load(f)
        for feature in collection["features"]:
            props = feature["properties"]
            kind = KINDS.get(props.get("featurecla") or "")
            name = (props.get("name_en") or props.get("name") or "").strip()
            if kind is None or not name or feature.get("geometry") is None:
                continue
            geom = shape(feature["geometry"])
            if geom.geom_type not in ("Point", "MultiPoint"):
                geom = shapely.make_valid(shapely.simplify(geom, TOLERANCE, preserve_topology=True))
            geom = shapely.set_precision(geom, 1e-4)
            if geom.is_empty:
                continue
            alt = (props.get("namealt") or props.get("name_alt") or "").strip()
            features.append({"type": "Feature", "geometry": mapping(geom), "properties": {
                "name": name, "alt": alt, "kind": kind, "class": props.get("featurecla"),
                "rank": int(float(props.get("scalerank") or 10)), "admin": props.get("admin") or ""}})
    features = _merged(features)
    features += _whole_oceans(features)
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    with gzip.GzipFile(target / "natural-earth_physical.geojson.gz", "wb", mtime=0) as f:  # same input, same bytes
        f.write(text.encode("utf-8"))
    with open(source / "us-atlas_counties-10m.topo.json", "rb") as src, \
            gzip.GzipFile(target / "us-atlas_counties-10m.topo.json.gz", "wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    shutil.copy(source / "us-atlas.LICENSE", target / "us-atlas.LICENSE")
    water = json.dumps({"type": "FeatureCollection", "features": _water(source)}, separators=(",", ":"))
    with gzip.GzipFile(target / "natural-earth_water.geojson.gz", "wb", mtime=0) as f:
        f.write(water.encode("utf-8"))
    print(f"{len(features)} features")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "gazetteer")
