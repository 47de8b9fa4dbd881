"""Exports, no Qt: a self-contained HTML map with the article beside it, GeoJSON (RFC 7946), CSV and JSON
Lines — and :data:`FORMATS`, the one registry that the command line, the window's menus and its file
dialogs read.

Article text is untrusted: it reaches the HTML page only as JSON data that the page script turns into
text nodes (``mapping/page.py``), and CSV cells that a spreadsheet would run as formulas are defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely

from .errors import ExportError
from .gazetteer.store import GazetteerStore
from .io import check_target, dumps_json, text_for_utf8, write_atomic
from .model import Analysis
from .places import collect_places


def html_page(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One self-contained page: the map and the article text, every script and stylesheet inlined."""
    from .mapping.build import page_html       # folium: loaded only by what draws a map

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


def prediction(doc_id: str, analysis: Analysis) -> dict[str, Any]:
    """One JSON Lines record: the document id and its places with offsets, coordinates and confidence
    (the format the evaluation scorer reads)."""
    places = []
    for m in analysis.mentions:
        p = m.place
        places.append({"start": m.start, "end": m.end, "name": m.text, "lat": p.lat, "lon": p.lon,
                       "geonameid": p.geonameid, "kind": p.kind, "feature": p.feature,
                       "mention": m.kind, "confidence": m.confidence})
    return {"id": doc_id, "places": places}


def jsonl_text(analyses: list[Analysis]) -> str:
    """One line per document, identified by its source."""
    return "".join(dumps_json(prediction(a.document.source, a)) + "\n" for a in analyses)


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One way to write analyses to a file: what the CLI's ``--format``, the Export menu and the file
    dialogs offer, and what a file suffix selects."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    render: Callable[[list[Analysis], GazetteerStore, bool], str]    # (analyses, store, outlines) -> text

    @property
    def file_filter(self) -> str:
        """'GeoJSON (*.geojson *.json)', for file dialogs."""
        return f"{self.description} ({' '.join('*' + s for s in self.suffixes)})"


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("html", "HTML map with the article", (".html", ".htm"), lambda a, s, _: html_page(a, s)),
    ExportFormat("geojson", "GeoJSON", (".geojson", ".json"), lambda a, s, o: dumps_json(geojson(a, s, o))),
    ExportFormat("csv", "CSV, one row per mention", (".csv",), lambda a, s, _: csv_text(a, s)),
    ExportFormat("jsonl", "JSON Lines, one document per line", (".jsonl",), lambda a, s, _: jsonl_text(a)),
)}


def format_for(out: Path, name: str | None = None) -> ExportFormat:
    """The format called ``name``, else the one whose suffix ``out`` has; the error names the valid ones."""
    if name is not None:
        if name in FORMATS:
            return FORMATS[name]
        raise ExportError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")
    suffix = Path(out).suffix.lower()
    for f in FORMATS.values():
        if suffix in f.suffixes:
            return f
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    raise ExportError(f"{Path(out).name}: unknown export format; use one of {known}")


def export(analyses: list[Analysis], store: GazetteerStore, out: Path, fmt: str | None = None,
           outlines: bool = False) -> None:
    """Write ``analyses`` to ``out`` in the format its suffix names (or ``fmt``), atomically, never over
    one of the files the analyses were read from."""
    inputs = [a.document.path for a in analyses if a.document.path is not None]
    check_target(out, inputs)                  # before the work of rendering
    write_atomic(out, format_for(out, fmt).render(analyses, store, outlines), inputs)
