"""CSV in two flavours: one row per place (what Google My Maps, uMap and QGIS import as points) and one row
per mention (offsets into the text, for analysis). Cells a spreadsheet would run as formulas are defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from ..gazetteer.store import GazetteerStore
from ..io import text_for_utf8
from ..model import Analysis
from ..places import collect_places
from .fields import document_name, place_fields, sentence_mentions

PLACE_COLUMNS = ("name", "kind", "lat", "lon", "region", "country", "geonameid", "confidence", "mention_count",
                 "status", "reviewed", "first_sentence")
MENTION_COLUMNS = ("document", "sentence", "start", "end", "surface", "mention_kind", "place", "kind", "country",
                   "region", "lat", "lon", "confidence", "geonameid", "status")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Text a spreadsheet would evaluate ("=HYPERLINK(...)") is stored as text; None is an empty cell."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    value = text_for_utf8(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    w.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def csv_text(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One row per place, in order of first mention: ``PLACE_COLUMNS``."""
    fields = (place_fields(e, analyses) for e in collect_places(analyses, store))
    return _table(PLACE_COLUMNS, ([f[c] for c in PLACE_COLUMNS] for f in fields))


def csv_mentions_text(analyses: list[Analysis], store: GazetteerStore) -> str:
    """One row per mention: ``MENTION_COLUMNS``, offsets in characters of the document's text."""
    rows: list[list[Any]] = []
    for e in collect_places(analyses, store):
        p = e.place
        for group in sentence_mentions(e).values():
            rows.extend([document_name(analyses, r.doc), r.mention.sentence, r.mention.start, r.mention.end,
                         r.mention.text, r.mention.kind, p.name, p.kind, e.country or p.name, e.region,
                         p.lat, p.lon, r.mention.confidence, p.geonameid, r.mention.status] for r in group)
    return _table(MENTION_COLUMNS, rows)
