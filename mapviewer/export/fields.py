"""What every place export says about a place, as flat fields: one value per column, no nested lists, so
that QGIS, uMap, Google My Maps and a spreadsheet show each as an attribute column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..gazetteer.store import GazetteerStore
from ..model import Analysis
from ..places import MentionRef, PlaceEntry

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


def document_name(analyses: list[Analysis], doc: int) -> str:
    """The file a mention comes from, or the document's number when it has none (clipboard text)."""
    return analyses[doc].document.source or f"document {doc + 1}"


def sentence_mentions(entry: PlaceEntry) -> dict[tuple[int, int], list[MentionRef]]:
    """The place's mentions grouped by (document, sentence), in reading order."""
    groups: dict[tuple[int, int], list[MentionRef]] = {}
    for r in sorted(entry.mentions, key=lambda r: (r.doc, r.mention.start)):
        groups.setdefault((r.doc, r.mention.sentence), []).append(r)
    return groups


def place_fields(entry: PlaceEntry, analyses: list[Analysis]) -> dict[str, Any]:
    """name, kind, lat, lon, region, country, country_code, geonameid, confidence, mention_count,
    status (machine, or the user's mark: confirmed, corrected, added), reviewed (mentions the user looked at),
    first_sentence, description (every sentence that mentions the place, one a line) and documents (the
    files that mention it, one a line). A region is in its own region, a country in its own country, so a
    filter on either column keeps them."""
    p = entry.place
    sentences = [analyses[doc].sentence_text(s) for doc, s in sentence_mentions(entry)]
    return {"name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
            "region": entry.region or (p.name if p.kind == "admin1" else None),
            "country": entry.country or (p.name if p.kind == "country" else None),
            "country_code": p.country or None, "geonameid": p.geonameid,
            "confidence": round(entry.confidence, 3), "mention_count": len(entry.mentions),
            "status": entry.status, "reviewed": entry.reviewed,
            "first_sentence": sentences[0], "description": "\n".join(sentences),
            "documents": "\n".join(dict.fromkeys(document_name(analyses, r.doc) for r in entry.mentions))}


def outline(entry: PlaceEntry, store: GazetteerStore) -> BaseGeometry | None:
    """A region's or country's outline to about a metre, exterior rings counter-clockwise and holes
    clockwise as RFC 7946 and KML ask (GEOS's precision reducer returns shells clockwise)."""
    if entry.place.located_from is not None:   # located from the text ("10 km south of …"): a point only
        return None
    geom = store.outline(entry.place.id)
    if geom is None:
        return None
    import shapely  # loaded with the first outline (the store's reading of it loads it too)

    return shapely.orient_polygons(shapely.set_precision(geom, 1e-5))
