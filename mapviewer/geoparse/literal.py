"""Only places as places: an optional last step that drops adjectival ("Ukrainian troops") and metonymic
("Moscow said") mentions, for users who want the map to show where things happen, not who acts.
On with ``GeoparserConfig(literal_only=True)`` or ``mapviewer geoparse --literal-only``."""

from __future__ import annotations

from ..model import Span
from .steps import Parse


class LiteralOnly:
    """A SpanFilter step: keeps the spans read literally (runs after every resolver)."""

    def filter(self, parse: Parse) -> list[Span]:
        return [s for s in parse.spans if (r := parse.readings.get(s.start)) is not None and r.kind == "literal"]
