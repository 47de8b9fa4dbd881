"""Streets and institutions named after places ("Atlantic Avenue", "Dufferin Street", "Liverpool Academy"),
and towns named after planets ("NASA's rover on Mars" is no visit to Mars, Pennsylvania).

A name followed by a street word names a street, which lies in the town the article is about, not in the
place it was named after; so does a town's name before "University", "Academy", "Hotel" (the Liverpool
Academy in Cairo, Washington University in St. Louis). The place is still a fair reading when it lies near
the article's other places (Dufferin Street in a Toronto story, Dufferin County beside it); when it lies far
from all of them (Northumberland Avenue in a Saskatoon story) the mention is dropped rather than put on the
map far away. A planet's name read as a town is held to the same test.
"""

from __future__ import annotations

from ..geodesy import great_circle_km
from ..model import Span
from .config import GeoparserConfig
from .cues import NAMED_AFTER_HEADS, PLANETS, STREET_HEADS, next_word
from .steps import Parse


class StreetNames:
    """A SpanFilter step after the resolver (see the module's description); an article with no other place
    keeps them."""

    def __init__(self, config: GeoparserConfig = GeoparserConfig()):
        self.config = config

    def filter(self, parse: Parse) -> list[Span]:
        streets = [s for s in parse.spans if (r := parse.readings.get(s.start)) is not None and r.best is not None
                   and _named_after(parse.text, s, r.best.kind)]
        if not streets:
            return parse.spans
        street_keys = {s.key for s in streets}
        others = [r.best for s in parse.spans if s.key not in street_keys
                  and (r := parse.readings.get(s.start)) is not None and r.best is not None]
        if not others:
            return parse.spans
        far = set()
        for span in streets:
            place = parse.readings[span.start].best
            assert place is not None
            if not any(float(great_circle_km(place.lat, place.lon, o.lat, o.lon)) <= self.config.street_km
                       for o in others):
                far.add(span.start)
        return [s for s in parse.spans if s.start not in far]


def _named_after(text: str, span: Span, kind: str) -> bool:
    """"Atlantic Avenue", "Liverpool Academy": a street, or a school or hotel named after a town (a state's
    university, "Colorado State University", is in the state); or a town named after a planet."""
    word = next_word(text, span.end)
    return word in STREET_HEADS or (kind in ("city", "county") and (word in NAMED_AFTER_HEADS or span.key in PLANETS))
