"""What the page script knows: the documents, their sentences and mentions, the places — as plain data.

This is everything of a document that reaches a map page, and it reaches it only as JSON
(:class:`mapviewer.mapping.page.PageData`). The page script builds the article panel and the popups
from it with DOM text nodes, so no text of a document is ever parsed as HTML, script or template.

Offsets here are UTF-16 code units, the unit of JavaScript strings, so that highlights sit on the same
characters in the page as in Python (which counts code points) even after an emoji or another
character outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from ..corrections import PIN_FEATURE
from ..freeing import free_gradually
from ..gazetteer.store import GazetteerStore
from ..model import Analysis
from ..places import UNCERTAIN, PlaceEntry, alternatives, is_uncertain, place_key

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


_SCAN = 1 << 20       # characters searched for astral ones in one call (one over 20 MB held the lock 40 ms)


def utf16_offsets(text: str) -> Callable[[int], int]:
    """A function from a code-point offset in ``text`` to the UTF-16 offset of the same position."""
    astral = [m.start() for at in range(0, len(text), _SCAN) for m in _ASTRAL.finditer(text, at, at + _SCAN)]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect.bisect_left(astral, i)


def _document(doc: int, analysis: Analysis, below: float, panel: bool) -> dict[str, Any]:
    """A document's text with its sentences and, for the article ``panel`` of an exported page, its resolved
    mentions (in text order, none overlapping). The app's page has no panel: its popups quote sentences
    from the places' own mentions, and the list, the largest part of a long article's data, would only
    make the page slower to load."""
    u16 = utf16_offsets(analysis.document.text)
    document: dict[str, Any] = {"title": analysis.document.title, "source": analysis.document.source,
                                "text": analysis.document.text,
                                "sentences": [[u16(s.start), u16(s.end)] for s in analysis.sentences]}
    if not panel:
        return document
    mentions, end = [], 0
    for i, m in sorted(enumerate(analysis.mentions), key=lambda im: im[1].start):
        if m.place is None or m.start < end:
            continue
        end = m.end
        mentions.append({"id": f"d{doc}m{i}", "start": u16(m.start), "end": u16(m.end), "sentence": m.sentence,
                         "place": place_key(m.place, doc), "kind": m.kind, "placeKind": m.place.kind,
                         "name": m.place.name, "uncertain": is_uncertain(m, below), "status": m.status})
    return {**document, "mentions": mentions}


def _alternatives(e: PlaceEntry, store: GazetteerStore, below: float) -> list[dict[str, Any]]:
    """What else the place's uncertain machine readings may mean, best first, each place once."""
    found: dict[int, dict[str, Any]] = {}
    for r in e.mentions:
        if not is_uncertain(r.mention, below):
            continue
        for a in alternatives(r.mention, store):
            if a.place.id not in found or a.score > found[a.place.id]["score"]:
                found[a.place.id] = {"label": a.label, "kind": a.place.kind, "score": round(a.score, 3),
                                     "km": None if a.distance_km is None else round(a.distance_km),
                                     "lat": a.place.lat, "lon": a.place.lon}
    return sorted(found.values(), key=lambda a: -a["score"])


def _place(e: PlaceEntry, u16s: list[Callable[[int], int]], store: GazetteerStore, below: float) -> dict[str, Any]:
    p = e.place
    mentions = [{"id": r.id, "doc": r.doc, "sentence": r.mention.sentence, "start": u16s[r.doc](r.mention.start),
                 "end": u16s[r.doc](r.mention.end), "kind": r.mention.kind, "status": r.mention.status}
                for r in e.mentions]
    return {"name": p.name, "label": e.label, "kind": p.kind, "region": e.region, "country": e.country,
            "lat": p.lat, "lon": p.lon, "confidence": round(e.confidence, 3), "geonameid": p.geonameid,
            "mentions": mentions, "stops": [list(s) for s in e.stops], "status": e.status, "reviewed": e.reviewed,
            "uncertain": e.confidence < below, "pin": p.feature == PIN_FEATURE,
            "alternatives": _alternatives(e, store, below),
            "firstStop": {doc: e.first_stop(doc) for doc in sorted({r.doc for r in e.mentions})}}


def page_data(entries: list[PlaceEntry], analyses: list[Analysis], store: GazetteerStore,
              below: float = UNCERTAIN, panel: bool = False) -> dict[str, Any]:
    """The documents and places of a map page; each mention and place with its review ``status`` (machine,
    confirmed, corrected, added), and a place read with a confidence ``below`` the threshold with its
    ``alternatives``; with ``panel`` (an exported page), each document's mentions for its article panel.

    A place's ``stops`` and ``firstStop[doc]`` are :attr:`PlaceEntry.stops` and
    :meth:`PlaceEntry.first_stop`: the page script follows the same selection rules as the window.
    """
    u16s = [utf16_offsets(a.document.text) for a in analyses]
    return {"documents": [_document(i, a, below, panel) for i, a in enumerate(analyses)],
            "places": {e.key: _place(e, u16s, store, below) for e in entries}}


def release(data: dict[str, Any]) -> None:
    """Free ``page_data``'s documents and places piece by piece (``free_gradually``): a long article's data
    is a dict per mention. ``data`` keeps its other keys, which ``page_data`` did not make."""
    free_gradually(data.pop("documents", []), data.pop("places", {}))
