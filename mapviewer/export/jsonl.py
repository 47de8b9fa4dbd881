"""JSON Lines predictions: what the evaluation scorer reads."""

from __future__ import annotations

from typing import Any

from ..io import dumps_json
from ..model import Analysis


def prediction(doc_id: str, analysis: Analysis) -> dict[str, Any]:
    """One JSON Lines record: the document id and its places with offsets, coordinates and confidence."""
    places = []
    for m in analysis.mentions:
        p = m.place
        if p is None:
            continue
        places.append({"start": m.start, "end": m.end, "name": m.text, "lat": p.lat, "lon": p.lon,
                       "geonameid": p.geonameid, "kind": p.kind, "feature": p.feature,
                       "mention": m.kind, "confidence": m.confidence,
                       "status": m.status})
    return {"id": doc_id, "places": places}


def jsonl_text(analyses: list[Analysis]) -> str:
    """One line per document, identified by its source."""
    return "".join(dumps_json(prediction(a.document.source, a)) + "\n" for a in analyses)
