"""Exports, no Qt — and :data:`FORMATS`, the one registry that the command line, the window's menus and its
file dialogs read: a self-contained HTML map with the article beside it, KML, GeoJSON (RFC 7946), CSV
(one row per place, or per mention) and JSON Lines. One module per format; each place format shows the
flat fields of ``fields.place_fields``.

Article text is untrusted: it reaches the HTML page only as JSON data that the page script turns into
text nodes (``mapping/page.py``), KML holds it as escaped text, and CSV cells that a spreadsheet would run
as formulas are defused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExportError
from ..gazetteer.store import GazetteerStore
from ..io import check_target, dumps_json, write_atomic
from ..model import Analysis
from .csvtext import csv_mentions_text, csv_text
from .geojson import geojson
from .jsonl import jsonl_text, prediction
from .kml import kml_text

__all__ = ["FORMATS", "ExportFormat", "csv_mentions_text", "csv_text", "export", "format_for", "geojson",
           "html_page", "jsonl_text", "kml_text", "prediction", "suggested_path"]


def html_page(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One self-contained page: the map and the article text, every script and stylesheet inlined."""
    from ..mapping.build import page_html  # folium: loaded only by what draws a map

    return page_html(analyses, store, panel=True)


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One way to write analyses to a file: what the CLI's ``--format``, the Export menu and the file
    dialogs offer, and what a file name's ending selects."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    render: Callable[[list[Analysis], GazetteerStore, bool], str]    # (analyses, store, outlines) -> text
    basemap: bool = False       # draws the offline basemap: wants the store's detail (lifecycle.ensure_detail)

    @property
    def file_filter(self) -> str:
        """'GeoJSON (*.geojson *.json)', for file dialogs."""
        return f"{self.description} ({' '.join('*' + s for s in self.suffixes)})"


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("html", "HTML map with the article", (".html", ".htm"), lambda a, s, _: html_page(a, s),
                 basemap=True),
    ExportFormat("kml", "KML for Google Earth and My Maps", (".kml",), kml_text),
    ExportFormat("geojson", "GeoJSON", (".geojson", ".json"), lambda a, s, o: dumps_json(geojson(a, s, o))),
    ExportFormat("csv", "CSV, one row per place", (".csv",), lambda a, s, _: csv_text(a, s)),
    ExportFormat("csv-mentions", "CSV, one row per mention", (".mentions.csv",),
                 lambda a, s, _: csv_mentions_text(a, s)),
    ExportFormat("jsonl", "JSON Lines, one document per line", (".jsonl",), lambda a, s, _: jsonl_text(a)),
)}


def format_for(out: Path, name: str | None = None) -> ExportFormat:
    """The format called ``name``, else the one whose suffix ends ``out``'s name (the longest: OUT.mentions.csv
    is the mention table, OUT.csv the places); the error names the valid ones."""
    if name is not None:
        if name in FORMATS:
            return FORMATS[name]
        raise ExportError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")
    file_name = Path(out).name.lower()
    endings = sorted(((s, f) for f in FORMATS.values() for s in f.suffixes), key=lambda sf: -len(sf[0]))
    for suffix, f in endings:
        if file_name.endswith(suffix):
            return f
    known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
    raise ExportError(f"{Path(out).name}: unknown export format; use one of {known}")


def suggested_path(analyses: list[Analysis], fmt: str, folder: Path) -> Path:
    """The file an export dialog proposes: the first document's name with the format's suffix in ``folder``,
    but never one of the files the documents were read from (``a.html`` exported as HTML is proposed as
    ``a-map.html``, then ``a-map-2.html``…)."""
    suffix = FORMATS[fmt].suffixes[0]
    stem = Path(analyses[0].document.source or "map").stem if analyses else "map"
    inputs = {a.document.path.resolve() for a in analyses if a.document.path is not None}
    candidates = [folder / f"{stem}{suffix}", folder / f"{stem}-map{suffix}",
                  *(folder / f"{stem}-map-{n}{suffix}" for n in range(2, len(inputs) + 3))]
    return next(p for p in candidates if p.resolve() not in inputs)


def export(analyses: list[Analysis], store: GazetteerStore, out: Path, fmt: str | None = None,
           outlines: bool = True) -> None:
    """Write ``analyses`` to ``out`` in the format its name ends with (or ``fmt``), atomically, never over
    one of the files the analyses were read from. Outlines of regions and countries are part of KML and
    GeoJSON unless ``outlines`` is False."""
    inputs = [a.document.path for a in analyses if a.document.path is not None]
    check_target(out, inputs)                  # before the work of rendering
    write_atomic(out, format_for(out, fmt).render(analyses, store, outlines), inputs)
