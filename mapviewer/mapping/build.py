"""Build the folium map page of one or more analyses.

Markers (one per place) and outlines come from folium, each naming its place; mapviewer's script
(resources/mapviewer.js) binds their popups, tooltips and clicks, and builds the article panel of an
exported page, from the page's one JSON block of data (``mapping/data.py``). Every element added to the page is one of
``mapping/page.py``'s, whose templates are fixed: no text of a document is ever template source, HTML
or script.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import folium
import shapely
from branca.element import Figure
from folium.plugins import MarkerCluster
from shapely.geometry.base import BaseGeometry

from ..gazetteer.basemap import MAX_ZOOM
from ..gazetteer.store import GazetteerStore
from ..model import Analysis
from ..palette import KINDS, SHARED, document_colour, kind_style, page_palette
from ..places import UNCERTAIN, PlaceEntry, collect_places
from ..text.titles import page_title, shorten
from .assets import map_scripts, map_stylesheets, own_file
from .basemap import BASEMAP_ID, PageCells, basemap_json, drawn_outlines, page_cells
from .data import page_data, release
from .layers import OFFLINE_LAYER, ONLINE_LAYERS
from .page import InlineScript, InlineStyle, PageData, PageTitle, render_page

OUTLINE_TOLERANCE = 0.005       # extra simplification for the view of outlines not drawn from the basemap, degrees
ATTRIBUTION = ("Places and names: <a href='https://www.geonames.org/'>GeoNames</a> (CC BY 4.0) · Basemap and "
               "outlines: Natural Earth, world-atlas · mapviewer")
CREDITS = ("Places and names: GeoNames, geonames.org (CC BY 4.0). Basemap and outlines: Made with Natural Earth "
           "(public domain), world-atlas (ISC). Map: Leaflet. Made with mapviewer.")


def _rounded(geom: BaseGeometry, digits: int = 4) -> BaseGeometry:
    return shapely.set_precision(geom, 10 ** -digits)


def _basemap(m: folium.Map) -> tuple[str, list[list[str]]]:
    """The offline basemap's layer (drawn by resources/basemap.js from the page data) and the opt-in online
    layers: the group's name and each online layer's (name, title)."""
    base = folium.FeatureGroup(name=OFFLINE_LAYER, overlay=False, control=True, show=True)
    base.add_to(m)
    online = []
    for tiles, name in ONLINE_LAYERS:
        layer = folium.TileLayer(tiles, name=name, show=False, overlay=False)
        layer.add_to(m)
        online.append([layer.get_name(), name.replace(" (online)", "")])
    return base.get_name(), online


def _tile_host(url: str) -> str:
    """'https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png' -> 'https://*.tile.opentopomap.org'."""
    parts = urlsplit(url.replace("{s}", "x"))
    host = parts.netloc.replace("x.", "*.", 1) if "{s}" in url else parts.netloc
    return f"{parts.scheme}://{host}"


@lru_cache(maxsize=1)
def tile_hosts() -> tuple[str, ...]:
    """The servers of the online layers, for the page's Content-Security-Policy."""
    return tuple(_tile_host(folium.TileLayer(tiles).tiles) for tiles, _ in ONLINE_LAYERS)


def _marker_style(entry: PlaceEntry, documents: int, below: float) -> dict[str, Any]:
    """Leaflet path options of a place's marker: colour and size by kind, dashed and pale when uncertain; with
    several documents, a ring in the colour of the document that mentions it (dark for several)."""
    style = kind_style(entry.place.kind)
    uncertain = entry.confidence < below
    docs = {r.doc for r in entry.mentions}
    ring = style.colour if documents < 2 else (document_colour(min(docs)) if len(docs) == 1 else SHARED)
    return {"radius": style.radius, "color": ring, "weight": 2 if documents < 2 else 3, "fill": True,
            "fillColor": style.colour, "fillOpacity": 0.25 if uncertain else 0.7,
            "dashArray": "4 3" if uncertain else None, "opacity": 0.6 if uncertain else 1.0}


def _marker_features(entries: list[PlaceEntry], documents: int, below: float) -> list[dict[str, Any]]:
    """One GeoJSON point per place, its Leaflet style in its properties (the page script restyles from it). A
    feature names its place, whose mentions are in the page data: folium's script for the layer is compiled
    as a template once more, and a long article's mention ids in it took the worker seconds, holding the
    interpreter lock for a tenth of a second at a time."""
    return [{"type": "Feature", "id": e.key, "geometry": {"type": "Point", "coordinates": [e.place.lon, e.place.lat]},
             "properties": {"place": e.key, "docs": sorted({r.doc for r in e.mentions}),
                            "style": _marker_style(e, documents, below)}}
            for e in entries]


def _marker_layer(entries: list[PlaceEntry], documents: int, below: float) -> folium.GeoJson:
    """All markers as one GeoJSON layer of circle markers: one template instead of one per place."""
    features = _marker_features(entries, documents, below)
    return folium.GeoJson({"type": "FeatureCollection", "features": features}, name="markers",
                          marker=folium.CircleMarker(radius=7), style_function=lambda f: f["properties"]["style"])


def _outline(entry: PlaceEntry, store: GazetteerStore, cells: PageCells,
             levels: dict[str, list[Any]]) -> BaseGeometry | None:
    """The outline a page first draws of a place; for a region or country drawn from the basemap's arcs,
    its geometry at every basemap level is added to ``levels`` (the page swaps them with the level)."""
    if entry.place.located_from is not None:
        return None
    drawn = _drawn(entry, store, cells)
    if drawn:
        levels[entry.key] = _per_level(drawn)
        return drawn[0]
    geom = store.outline(entry.place.id)
    return None if geom is None else _rounded(shapely.make_valid(shapely.simplify(geom, OUTLINE_TOLERANCE)), 4)


def _drawn(entry: PlaceEntry, store: GazetteerStore, cells: PageCells) -> list[BaseGeometry] | None:
    """A region's or country's outline as the page's basemap draws it at each level (``drawn_outlines``);
    None for a place the basemap's arcs do not outline, or one located from another."""
    own = None if entry.place.located_from is not None else store.level_outlines(entry.place.id)
    return drawn_outlines(own, cells) if own else None


def _per_level(drawn: list[BaseGeometry]) -> list[Any]:
    """A region's or country's outline per basemap level as the page data has it: GeoJSON geometries, null
    where a level's is the level before's."""
    return [shapely.geometry.mapping(g) if n == 0 or g is not drawn[n - 1] else None for n, g in enumerate(drawn)]


def basemap_detail(entries: list[PlaceEntry], store: GazetteerStore) -> str:
    """The basemap data block, whole, of a page made ``coarse`` (the world's level only, as the app first
    shows a map: its page is made and drawn in less than half the time): its closer levels, their names and
    the highlighted outlines at each level, as JSON text the page script draws where the map is (the
    window sends it once the page is on the screen). The page keeps its own layer group and online layers."""
    cells = page_cells(entries, store)
    levels = {e.key: _per_level(drawn) for e in entries
              if e.place.kind in _OUTLINED_KINDS and (drawn := _drawn(e, store, cells))}
    return basemap_json(cells, "", [], levels)


def _outline_layer(entries: list[PlaceEntry], store: GazetteerStore, name: str, color: str,
                   below: float, cells: PageCells, levels: dict[str, list[Any]]) -> folium.GeoJson | None:
    features = []
    for e in entries:
        geom = _outline(e, store, cells, levels)
        if geom is None:
            continue
        features.append({"type": "Feature", "geometry": shapely.geometry.mapping(geom),
                         "properties": {"place": e.key, "uncertain": e.confidence < below}})
    if not features:
        return None
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features}, name=name,
        style_function=lambda f: {"color": color, "weight": 1.5, "fillColor": color,
                                  "fillOpacity": 0.08 if f["properties"]["uncertain"] else 0.15,
                                  "dashArray": "5 4" if f["properties"]["uncertain"] else None},
        highlight_function=lambda f: {"weight": 3, "fillOpacity": 0.3})


# Kinds drawn with their outline or line, each as a layer of its own (finest first).
_OUTLINED = tuple((kind, name, KINDS[kind].colour) for kind, name in (
    ("county", "Counties"), ("admin1", "Regions"), ("country", "Countries"), ("macroregion", "World regions"),
    ("sea", "Seas"), ("lake", "Lakes"), ("river", "Rivers"), ("island", "Islands"), ("landform", "Landforms"),
    ("area", "Geographic areas")))
_OUTLINED_KINDS = frozenset(kind for kind, _, _ in _OUTLINED)


def _bounds(entries: list[PlaceEntry]) -> list[list[float]] | None:
    """Fit the finest places: continents (and countries, when towns or regions exist) don't stretch the view."""
    local = ("city", "county", "admin1", "island", "lake")
    for kinds in (local, (*local, "country", "river", "landform", "area"), tuple(KINDS)):
        pts = [(e.place.lat, e.place.lon) for e in entries if e.place.kind in kinds]
        if pts:
            lats, lons = [p[0] for p in pts], [p[1] for p in pts]
            return [[min(lats), min(lons)], [max(lats), max(lons)]]
    return None


def _folium_map(analyses: list[Analysis], store: GazetteerStore, entries: list[PlaceEntry] | None = None,
                panel: bool = False, view: tuple[float, float, float] | None = None,
                below: float = UNCERTAIN, coarse: bool = False) -> Figure:
    """The page of a folium map of the analyses' places; every marker and outline knows its place
    (whose mentions are in the page data).

    With ``panel`` the page also shows the article text beside the map (the exported page); with ``view``
    (centre lat, lon, zoom) it opens there instead of around the places. Places and mentions read with a
    confidence ``below`` the threshold are drawn as uncertain. ``coarse``: the basemap's world level only
    (:func:`basemap_detail` has the rest).
    """
    entries = collect_places(analyses, store) if entries is None else entries
    m = folium.Map(location=[30, 10], zoom_start=2, tiles=None, control_scale=False, world_copy_jump=False,
                   width="62%" if panel else "100%", position="absolute" if panel else "relative",
                   maxZoom=MAX_ZOOM, minZoom=1)  # with no default tile layer, folium sets no zoom range
    m.default_js, m.default_css = [], []    # the libraries are inlined below; folium's CDN lists untouched
    base, online = _basemap(m)

    cluster = MarkerCluster(  # type: ignore[no-untyped-call]
        name="Places", options={"maxClusterRadius": 40, "spiderfyOnMaxZoom": True})
    cluster.default_js, cluster.default_css = [], []
    markers = _marker_layer(entries, len(analyses), below)
    markers.add_to(cluster)
    cluster.add_to(m)

    cells = page_cells(entries, store, coarse)
    outlines: list[str] = []
    levels: dict[str, list[Any]] = {}
    for kind, name, color in _OUTLINED:
        layer = _outline_layer([e for e in entries if e.place.kind == kind], store, name, color, below, cells, levels)
        if layer is not None:
            group = folium.FeatureGroup(name=name, show=True)
            layer.add_to(group)
            group.add_to(m)
            outlines.append(layer.get_name())
    control = folium.LayerControl(collapsed=True)
    control.add_to(m)
    data = page_data(entries, analyses, store, below, panel)
    data.update({"map": m.get_name(), "markers": markers.get_name(), "outlines": outlines, "bounds": _bounds(entries),
                 "view": list(view) if view else None,
                 "legend": _legend(entries), "palette": page_palette(),
                 "documentLegend": _document_legend(analyses),
                 "cluster": cluster.get_name(), "layerControl": control.get_name(), "attribution": ATTRIBUTION,
                 "panel": panel, "credits": CREDITS})
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(PageTitle(page_title(analyses)), name="mapviewer_title")
    for n, css in enumerate((*map_stylesheets(), own_file("mapviewer.css"), own_file("maptools.css"))):
        root.header.add_child(InlineStyle(css), name=f"mapviewer_css_{n}")
    for n, code in enumerate(map_scripts()):
        root.header.add_child(InlineScript(code), name=f"mapviewer_lib_{n}")
    root.html.add_child(PageData(data), name="mapviewer_data")
    release(data)       # its JSON is made: freed piece by piece, not in one call at this function's end
    root.html.add_child(PageData.from_json(basemap_json(cells, base, online, levels), BASEMAP_ID),
                        name="mapviewer_basemap")
    root.html.add_child(InlineScript(own_file("basemap.js")), name="mapviewer_basemap_js")
    root.html.add_child(InlineScript(own_file("mapviewer.js")), name="mapviewer_js")
    root.html.add_child(InlineScript(own_file("maptools.js")), name="mapviewer_tools_js")
    return root


def _legend(entries: list[PlaceEntry]) -> list[dict[str, str]]:
    """The kinds of place this map shows, in the palette's order: a legend of all fourteen would cover the
    map of an article that names towns and countries."""
    shown = {e.place.kind for e in entries}
    return [{"kind": k, "label": v.label, "color": v.colour} for k, v in KINDS.items() if k in shown]


def _document_legend(analyses: list[Analysis]) -> list[dict[str, str]]:
    """A legend entry per document (its title cut after a word) when several share the map."""
    if len(analyses) < 2:
        return []
    return [{"label": shorten(a.document.title or a.document.source or f"document {n + 1}", 40),
             "color": document_colour(n)} for n, a in enumerate(analyses)] + [
        {"label": "several documents", "color": SHARED}]


def outlined(entries: list[PlaceEntry]) -> frozenset[str]:
    """The places a page may draw an outline of: regions and countries."""
    return frozenset(e.key for e in entries if e.place.kind in ("admin1", "country"))


def page_update(analyses: list[Analysis], store: GazetteerStore, entries: list[PlaceEntry],
                below: float = UNCERTAIN) -> dict[str, Any]:
    """New places and documents for a page already shown (after a correction), as data: the page script
    redraws the markers and restyles the outlines from it, without a reload. Valid while ``outlined(entries)``
    is within that of the page's own entries (an outline the page lacks needs a new page)."""
    return {**page_data(entries, analyses, store, below), "markers": _marker_features(entries, len(analyses), below)}


def page_html(analyses: list[Analysis], store: GazetteerStore, entries: list[PlaceEntry] | None = None,
              panel: bool = False, view: tuple[float, float, float] | None = None,
              below: float = UNCERTAIN) -> str:
    """The map as one HTML page with its Content-Security-Policy: the app's map, or with ``panel`` the
    exported page with the article beside the map. The only way a map page is made."""
    return "".join(page_pieces(analyses, store, entries, panel, view, below))


def page_pieces(analyses: list[Analysis], store: GazetteerStore, entries: list[PlaceEntry] | None = None,
                panel: bool = False, view: tuple[float, float, float] | None = None,
                below: float = UNCERTAIN, coarse: bool = False) -> list[str]:
    """:func:`page_html`'s page in pieces, in order (its data in pieces of about a MB): what the app's
    worker makes, so that a long article's page is never one string, made in one call that holds the
    interpreter lock. ``coarse``: the basemap's world level only (the app's first page of a document;
    :func:`basemap_detail` follows)."""
    return render_page(_folium_map(analyses, store, entries, panel, view, below, coarse), tile_hosts())
