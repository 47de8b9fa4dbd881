"""Exports, no Qt: a self-contained HTML map with the article beside it, GeoJSON (RFC 7946) and CSV.

Article text is untrusted: it reaches the HTML page only as JSON data that the page script turns into
text nodes (``mapping/page.py``), and CSV cells that a spreadsheet would run as formulas are defused.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import shapely

from .errors import ExportError
from .gazetteer.store import GazetteerStore
from .io import dumps_json, text_for_utf8, write_atomic
from .mapping.build import page_html
from .model import Analysis
from .places import collect_places

FORMATS = {".html": "html", ".htm": "html", ".geojson": "geojson", ".json": "geojson", ".csv": "csv"}


def html_page(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One self-contained page: the map and the article text, every script and stylesheet inlined."""
    return page_html(analyses, store, panel=True)


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
        outline = store.outline(p.id) if outlines and p.id > 0 else None
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
    if not isinstance(value, str):
        return value
    value = text_for_utf8(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


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
        write_atomic(out, dumps_json(geojson(analyses, store, outlines)))
    elif fmt == "csv":
        write_atomic(out, csv_text(analyses, store))
    else:
        raise ExportError(f"{Path(out).name}: unknown export format; use one of {', '.join(sorted(FORMATS))}")
