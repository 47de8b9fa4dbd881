"""Build the folium map of one or more analyses.

Markers (one per place) and outlines come from folium; mapviewer's script (resources/mapviewer.js)
binds their popups, tooltips and clicks from one JSON block of data, building every piece of article
text with DOM text nodes, so no article text is ever parsed as HTML or JavaScript.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
import shapely
from folium.plugins import MarkerCluster

from ..gazetteer.store import GazetteerStore
from ..model import Analysis
from ..places import UNCERTAIN, PlaceEntry, collect_places
from .assets import map_css, map_js, own_file

KIND_STYLE = {
    "city": {"color": "#b03a2e", "radius": 7},
    "admin1": {"color": "#7d3c98", "radius": 9},
    "country": {"color": "#1f618d", "radius": 11},
    "continent": {"color": "#117a65", "radius": 13},
}
LEGEND_LABELS = {"city": "town", "admin1": "region", "country": "country", "continent": "continent"}
OUTLINE_TOLERANCE = 0.005       # extra simplification for the view, degrees
BASEMAP_TOLERANCE = 0.08
ATTRIBUTION = ("Places: <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0) · Outlines: Natural Earth, "
               "world-atlas · mapviewer")


def _json_for_script(value: Any) -> str:
    """JSON that is safe inside a <script> element: '</script>' and '<!--' cannot close or open anything."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _rounded(geom, digits: int = 4):
    return shapely.set_precision(geom, 10 ** -digits)


@lru_cache(maxsize=4)
def _basemap_geojson(store_path: str) -> tuple[dict | None, dict | None]:
    """Land and country borders as GeoJSON geometries for a world view; read once per store."""
    store = GazetteerStore(Path(store_path))
    try:
        return tuple(shapely.geometry.mapping(_rounded(shapely.simplify(g, BASEMAP_TOLERANCE), 2))
                     if (g := store.basemap(name)) is not None else None for name in ("land", "borders"))
    finally:
        store.close()


def _basemap(m: folium.Map, store: GazetteerStore) -> None:
    """Land and country borders from the bundled outlines: a basemap that needs no network."""
    base = folium.FeatureGroup(name="Offline basemap", overlay=False, control=True, show=True)
    land, borders = _basemap_geojson(str(store.path))
    if land is not None:
        folium.GeoJson(land, name="land", interactive=False, smooth_factor=1.5,
                       style_function=lambda _: {"fillColor": "#f4f1ea", "fillOpacity": 1, "color": "#c9c2b3",
                                                 "weight": 0.6}).add_to(base)
    if borders is not None:
        folium.GeoJson(borders, name="borders", interactive=False,
                       style_function=lambda _: {"color": "#b3aa99", "weight": 0.7}).add_to(base)
    base.add_to(m)
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", show=False, overlay=False).add_to(m)
    folium.TileLayer("OpenTopoMap", name="OpenTopoMap (online)", show=False, overlay=False).add_to(m)


def _marker_style(entry: PlaceEntry) -> dict[str, Any]:
    """Leaflet path options of a place's marker: colour and size by kind, dashed and pale when uncertain."""
    style = KIND_STYLE.get(entry.place.kind, KIND_STYLE["city"])
    uncertain = entry.confidence < UNCERTAIN
    return {"radius": style["radius"], "color": style["color"], "weight": 2, "fill": True,
            "fillColor": style["color"], "fillOpacity": 0.25 if uncertain else 0.7,
            "dashArray": "4 3" if uncertain else None, "opacity": 0.6 if uncertain else 1.0}


def _marker_layer(entries: list[PlaceEntry]) -> folium.GeoJson:
    """All markers as one GeoJSON layer of circle markers: one template instead of one per place."""
    features = [{"type": "Feature", "id": e.key, "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
                 "properties": {"place": e.key, "mentions": [r.id for r in e.mentions], "style": _marker_style(e)}}
                for e in entries]
    return folium.GeoJson({"type": "FeatureCollection", "features": features}, name="markers",
                          marker=folium.CircleMarker(radius=7), style_function=lambda f: f["properties"]["style"])


def _outline_layer(entries: list[PlaceEntry], store: GazetteerStore, name: str, color: str) -> folium.GeoJson | None:
    features = []
    for e in entries:
        geom = store.outline(e.place.id) if e.place.located_from is None else None
        if geom is None:
            continue
        geom = _rounded(shapely.make_valid(shapely.simplify(geom, OUTLINE_TOLERANCE)), 4)
        features.append({"type": "Feature", "geometry": shapely.geometry.mapping(geom),
                         "properties": {"place": e.key, "mentions": [r.id for r in e.mentions],
                                        "uncertain": e.confidence < UNCERTAIN}})
    if not features:
        return None
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name=name,
        style_function=lambda f: {"color": color, "weight": 1.5, "fillColor": color,
                                  "fillOpacity": 0.08 if f["properties"]["uncertain"] else 0.15,
                                  "dashArray": "5 4" if f["properties"]["uncertain"] else None},
        highlight_function=lambda f: {"weight": 3, "fillOpacity": 0.3})


def _bounds(entries: list[PlaceEntry]) -> list[list[float]] | None:
    """Fit the finest places: continents (and countries, when towns or regions exist) don't stretch the view."""
    for kinds in (("city", "admin1"), ("city", "admin1", "country"), ("city", "admin1", "country", "continent")):
        pts = [(e.place.lat, e.place.lon) for e in entries if e.place.kind in kinds]
        if pts:
            lats, lons = [p[0] for p in pts], [p[1] for p in pts]
            return [[min(lats), min(lons)], [max(lats), max(lons)]]
    return None


def place_data(entries: list[PlaceEntry], analyses: list[Analysis]) -> dict[str, Any]:
    """What the page script needs about each place and each sentence that mentions one."""
    sentences: dict[str, str] = {}
    places = {}
    for e in entries:
        mentions = []
        for ref in e.mentions:
            analysis = analyses[ref.doc]
            s = analysis.sentences[ref.mention.sentence]
            sentences.setdefault(ref.sentence_id, analysis.document.text[s.start:s.end])
            mentions.append({"id": ref.id, "doc": ref.doc, "sentence": ref.sentence_id,
                             "start": ref.mention.start - s.start, "end": ref.mention.end - s.start,
                             "kind": ref.mention.kind})
        p = e.place
        places[e.key] = {"name": p.name, "label": e.label, "kind": p.kind, "region": e.region,
                         "country": e.country, "lat": p.lat, "lon": p.lon, "confidence": round(e.confidence, 3),
                         "geonameid": p.geonameid, "mentions": mentions}
    return {"places": places, "sentences": sentences,
            "documents": [{"title": a.document.title, "source": a.document.source} for a in analyses]}


def build_map(analyses: list[Analysis], store: GazetteerStore,
              entries: list[PlaceEntry] | None = None) -> folium.Map:
    """A folium map of the analyses' places; every marker and outline knows its place and mentions."""
    entries = collect_places(analyses, store) if entries is None else entries
    m = folium.Map(location=[30, 10], zoom_start=2, tiles=None, control_scale=True, world_copy_jump=False,
                   maxZoom=18, minZoom=1)  # map options: with no default tile layer, folium sets no zoom range
    m.default_js = map_js()      # this map's own local assets; folium's class-level CDN lists stay untouched
    m.default_css = map_css()
    _basemap(m, store)

    cluster = MarkerCluster(name="Places", options={"maxClusterRadius": 40, "spiderfyOnMaxZoom": True})
    cluster.default_js, cluster.default_css = [], []  # already among the map's assets
    markers = _marker_layer(entries)
    markers.add_to(cluster)
    cluster.add_to(m)

    outlines = []
    for kind, name, color in (("admin1", "Regions", KIND_STYLE["admin1"]["color"]),
                              ("country", "Countries", KIND_STYLE["country"]["color"])):
        layer = _outline_layer([e for e in entries if e.place.kind == kind], store, name, color)
        if layer is not None:
            group = folium.FeatureGroup(name=name, show=True)
            layer.add_to(group)
            group.add_to(m)
            outlines.append(layer.get_name())
    folium.LayerControl(collapsed=True).add_to(m)
    data = place_data(entries, analyses)
    data.update({"map": m.get_name(), "markers": markers.get_name(), "outlines": outlines, "bounds": _bounds(entries),
                 "legend": [{"label": LEGEND_LABELS[k], "color": v["color"]} for k, v in KIND_STYLE.items()],
                 "cluster": cluster.get_name(), "attribution": ATTRIBUTION})
    root = m.get_root()
    root.header.add_child(folium.Element(f"<style>{own_file('mapviewer.css')}</style>"), name="mapviewer_css")
    root.html.add_child(folium.Element(
        f'<script type="application/json" id="mapviewer-data">{_json_for_script(data)}</script>'),
        name="mapviewer_data")
    root.script.add_child(folium.Element(own_file("mapviewer.js")), name="mapviewer_js")
    return m


def map_html(analyses: list[Analysis], store: GazetteerStore) -> str:
    """The map alone as one HTML page (what the desktop app shows)."""
    return build_map(analyses, store).get_root().render()
