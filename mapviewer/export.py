"""Exports, no Qt: a self-contained HTML map with the article beside it, GeoJSON (RFC 7946) and CSV.

Article text is untrusted: it reaches HTML only through html.escape or as JSON read by the page
script into text nodes, and CSV cells that a spreadsheet would run as formulas are defused.
"""

from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path
from typing import Any

import shapely

from .errors import ExportError
from .gazetteer.store import GazetteerStore
from .io import write_atomic
from .mapping.build import build_map
from .model import Analysis
from .places import UNCERTAIN, PlaceEntry, collect_places, place_key

FORMATS = {".html": "html", ".htm": "html", ".geojson": "geojson", ".json": "geojson", ".csv": "csv"}
CREDITS = ("Places: GeoNames, geonames.org (CC BY 4.0). Outlines: Made with Natural Earth (public domain), "
           "world-atlas (ISC). Map: Leaflet. Made with mapviewer.")
_PAGE_CSS = "html, body { margin: 0; height: 100%; overflow: hidden; }"


def _article_html(doc: int, analysis: Analysis) -> str:
    """The article with its sentences and place mentions as elements the page script can find."""
    text = analysis.document.text
    by_sentence: dict[int, list[tuple[int, Any]]] = {}
    for i, m in enumerate(analysis.mentions):
        if m.place is not None:
            by_sentence.setdefault(m.sentence, []).append((i, m))
    out, pos = [], 0
    for j, s in enumerate(analysis.sentences):
        out.append(html.escape(text[pos:s.start]))
        out.append(f'<span class="mv-sentence" id="d{doc}s{j}">')
        cur = s.start
        for i, m in by_sentence.get(j, []):
            if m.start < cur:
                continue
            classes = f"mv-kind-{m.kind} mv-place-{m.place.kind}" + (" mv-uncertain" if m.confidence < UNCERTAIN else "")
            out.append(html.escape(text[cur:m.start]))
            out.append(f'<mark id="d{doc}m{i}" class="{classes}" data-place="{html.escape(place_key(m.place, doc))}" '
                       f'title="{html.escape(m.place.name)}">{html.escape(m.text)}</mark>')
            cur = m.end
        out.append(html.escape(text[cur:s.end]) + "</span>")
        pos = s.end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _panel_html(analyses: list[Analysis], entries: list[PlaceEntry]) -> str:
    counts: dict[int, set[str]] = {}
    for e in entries:
        for r in e.mentions:
            counts.setdefault(r.doc, set()).add(e.key)
    chooser = ""
    if len(analyses) > 1:
        options = "".join(f'<option value="{i}">{html.escape(a.document.title or a.document.source)}</option>'
                          for i, a in enumerate(analyses))
        chooser = f'<select id="mv-doc-select" aria-label="Document">{options}</select> '
    docs = "".join(
        f'<div class="mv-doc" data-doc="{i}"><h1>{html.escape(a.document.title)}</h1>'
        f'<div class="mv-source">{html.escape(a.document.source)} · {len(counts.get(i, ()))} places, '
        f'{sum(1 for m in a.mentions if m.place)} mentions</div>'
        f'<div class="mv-article" style="white-space: pre-wrap">{_article_html(i, a)}</div></div>'
        for i, a in enumerate(analyses))
    return (f'<div id="mv-panel" class="mv-panel"><div class="mv-toolbar">{chooser}'
            '<button id="mv-prev" title="Previous sentence">◀</button> '
            '<button id="mv-next" title="Next sentence">▶</button> '
            '<span id="mv-status">Click a marker, an outline or a highlighted name.</span></div>'
            f'{docs}<p class="mv-credits">{html.escape(CREDITS)}</p></div>')


def html_page(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One self-contained page: the map and the article text, every script and stylesheet inlined."""
    import folium

    entries = collect_places(analyses, store)
    m = build_map(analyses, store, entries)
    root = m.get_root()
    title = " · ".join(a.document.title for a in analyses if a.document.title)[:200] or "mapviewer map"
    root.header.add_child(folium.Element(f"<title>{html.escape(title)}</title><style>{_PAGE_CSS}"
                                         ".folium-map { position: absolute !important; left: 0; top: 0; bottom: 0;"
                                         " width: 62% !important; height: 100% !important; }</style>"),
                          name="mv_page")
    root.html.add_child(folium.Element(_panel_html(analyses, entries)), name="mv_panel")
    return root.render()


def geojson(analyses: list[Analysis], store: GazetteerStore, outlines: bool = False) -> dict[str, Any]:
    """RFC 7946 FeatureCollection: one Point per place with its mentions; outlines optional."""
    features = []
    for e in collect_places(analyses, store):
        p = e.place
        mentions = [{"document": analyses[r.doc].document.source or r.doc, "sentence_index": r.mention.sentence,
                     "start": r.mention.start, "end": r.mention.end, "text": r.mention.text, "kind": r.mention.kind,
                     "confidence": r.mention.confidence, "sentence": analyses[r.doc].sentence_text(r.mention.sentence)}
                    for r in e.mentions]
        props = {"name": p.name, "kind": p.kind, "country_code": p.country, "country": e.country,
                 "admin1_code": p.admin1, "region": e.region, "geonameid": p.geonameid,
                 "confidence": round(e.confidence, 4), "mention_count": len(mentions), "mentions": mentions}
        features.append({"type": "Feature", "id": e.key, "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                         "properties": props})
        outline = store.outline(p.id) if outlines and p.located_from is None else None
        if outline is not None:
            features.append({"type": "Feature", "id": f"{e.key}-outline",
                             "geometry": shapely.geometry.mapping(shapely.set_precision(outline, 1e-5)),
                             "properties": {"name": p.name, "kind": p.kind, "role": "outline", "place": e.key}})
    return {"type": "FeatureCollection", "features": features}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("document", "sentence", "start", "end", "surface", "mention_kind", "place", "kind", "country",
               "region", "lat", "lon", "confidence", "geonameid")


def _cell(value: Any) -> Any:
    """Text a spreadsheet would evaluate ("=HYPERLINK(...)") is stored as text."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def csv_text(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One row per mention."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in collect_places(analyses, store):
        for r in sorted(e.mentions, key=lambda r: (r.doc, r.mention.start)):
            m, p = r.mention, e.place
            w.writerow([_cell(v) for v in (analyses[r.doc].document.source or r.doc, m.sentence, m.start, m.end,
                                           m.text, m.kind, p.name, p.kind, e.country or p.name, e.region or "",
                                           p.lat, p.lon, m.confidence, p.geonameid or "")])
    return buf.getvalue()


def export(analyses: list[Analysis], store: GazetteerStore, out: Path, fmt: str | None = None,
           outlines: bool = False) -> None:
    """Write ``analyses`` to ``out`` in the format its suffix names (or ``fmt``), atomically."""
    fmt = fmt or FORMATS.get(Path(out).suffix.lower())
    if fmt == "html":
        write_atomic(out, html_page(analyses, store))
    elif fmt == "geojson":
        write_atomic(out, json.dumps(geojson(analyses, store, outlines), ensure_ascii=False))
    elif fmt == "csv":
        write_atomic(out, csv_text(analyses, store))
    else:
        raise ExportError(f"{Path(out).name}: unknown export format; use one of {', '.join(sorted(FORMATS))}")
