"""The whole flow, no Qt: Document -> sentences -> mentions -> resolved places (an Analysis)."""

from __future__ import annotations

import bisect
import re

from .gazetteer.store import GazetteerStore
from .geoparse.config import GeoparserConfig
from .geoparse.recognize import Recognizer, Span
from .geoparse.relative import find_relative, place_from
from .geoparse.resolve import Reading, Resolver
from .model import Analysis, Candidate, Document, Mention, Place
from .text.normalize import fold
from .text.sentences import split_sentences

# "Washington said", "Moscow has warned": a capital or country standing for its government.
_SPEECH = re.compile(r"\s+(?:has |have |had |is |was |will |would )?(?:said|says|say|announced|announces|warned|"
                     r"warns|accused|accuses|denied|denies|insisted|insists|claimed|claims|wants|demanded|"
                     r"demands|rejected|rejects|responded|urged|urges|threatened|vowed)\b")


class Geoparser:
    """Recognizer and resolver over one open gazetteer; reusable for many documents."""

    def __init__(self, store: GazetteerStore, config: GeoparserConfig = GeoparserConfig()):
        self.store = store
        self.config = config
        self.recognizer = Recognizer(store, config)
        self.resolver = Resolver(config)

    def analyse(self, document: Document) -> Analysis:
        text = document.text
        sentences = split_sentences(text)
        spans = self.recognizer.find(text, sentences)
        readings = self.resolver.resolve(spans)
        located = self._relative_places(text, spans, readings)
        starts = [s.start for s in sentences]
        mentions = []
        for span in _with_relative(spans, located):
            if span.start in located:
                place, _ = located[span.start]
                reading = Reading((place,), (self.config.relative_confidence,), "literal")
            else:
                reading = readings.get(span.key)
            if reading is None or reading.best is None:
                continue
            kind = reading.kind
            if kind == "literal" and reading.best.kind in ("country", "city") and _SPEECH.match(text, span.end):
                kind = "metonym"
            alternatives = tuple(Candidate(p, round(s, 4)) for p, s in
                                 zip(reading.places[:self.config.max_alternatives], reading.probabilities))
            mentions.append(Mention(
                start=span.start, end=span.end, text=span.text,
                sentence=max(0, bisect.bisect_right(starts, span.start) - 1), kind=kind,
                place=reading.best, confidence=round(reading.probabilities[0], 4), alternatives=alternatives))
        return Analysis(document, sentences, tuple(mentions))


    def _relative_places(self, text: str, spans: list[Span], readings: dict[str, Reading]) -> dict[int, tuple[Place, Span]]:
        """Places stated relative to a resolved one ("X, 10 km south of Y"), by the start offset of X."""
        by_start = {s.start: s for s in spans}
        located = {}
        for n, rel in enumerate(find_relative(text, self.config.relative_lookback)):
            anchor = by_start.get(rel.anchor_start)
            reading = readings.get(anchor.key) if anchor else None
            if reading is None or reading.best is None:
                continue
            place = place_from(reading.best, rel, place_id=-(n + 1))
            located[rel.start] = (place, Span(rel.start, rel.end, rel.text, fold(rel.text), (), False, False))
        return located


def _with_relative(spans: list[Span], located: dict[int, tuple[Place, Span]]) -> list[Span]:
    """The spans, with the relatively located names added or replacing a gazetteer guess at the same place."""
    keep = [s for s in spans if not any(s.start < span.end and span.start < s.end for _, span in located.values())]
    return sorted(keep + [span for _, span in located.values()], key=lambda s: s.start)


def analyse(document: Document, store: GazetteerStore) -> Analysis:
    """Geoparse one document (see Geoparser to reuse the parts across documents)."""
    return Geoparser(store).analyse(document)
