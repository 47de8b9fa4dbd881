"""The whole flow, no Qt: Document -> sentences -> mentions -> resolved places (an Analysis)."""

from __future__ import annotations

import bisect
import itertools
import re

from .gazetteer.store import GazetteerStore
from .gazetteer.store import Place
from .geoparse.recognize import Recognizer, Span
from .geoparse.relative import find_relative, place_from
from .geoparse.resolve import Reading, Resolver
from .model import Analysis, Candidate, Document, Mention
from .text.normalize import fold
from .text.sentences import split_sentences

MAX_ALTERNATIVES = 5
RELATIVE_CONFIDENCE = 0.9
# "Washington said", "Moscow has warned": a capital or country standing for its government.
_SPEECH = re.compile(r"\s+(?:has |have |had |is |was |will |would )?(?:said|says|say|announced|announces|warned|"
                     r"warns|accused|accuses|denied|denies|insisted|insists|claimed|claims|wants|demanded|"
                     r"demands|rejected|rejects|responded|urged|urges|threatened|vowed)\b")


class Geoparser:
    """Recognizer and resolver over one open gazetteer; reusable for many documents."""

    def __init__(self, store: GazetteerStore):
        self.store = store
        self.recognizer = Recognizer(store)
        self.resolver = Resolver()

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
                reading = Reading((place,), (RELATIVE_CONFIDENCE,), "literal")
            else:
                reading = readings.get(span.key)
            if reading is None or reading.best is None:
                continue
            kind = reading.kind
            if kind == "literal" and reading.best.kind in ("country", "city") and _SPEECH.match(text, span.end):
                kind = "metonym"
            alternatives = tuple(Candidate(p, round(s, 4)) for p, s in
                                 zip(reading.places[:MAX_ALTERNATIVES], reading.probabilities))
            mentions.append(Mention(
                start=span.start, end=span.end, text=span.text,
                sentence=max(0, bisect.bisect_right(starts, span.start) - 1), kind=kind,
                place=reading.best, confidence=round(reading.probabilities[0], 4), alternatives=alternatives))
        return Analysis(document, sentences, tuple(mentions))


    @staticmethod
    def _relative_places(text: str, spans: list[Span], readings: dict[str, Reading]) -> dict[int, tuple[Place, Span]]:
        """Places stated relative to a resolved one ("X, 10 km south of Y"), by the start offset of X."""
        by_start = {s.start: s for s in spans}
        located = {}
        for n, rel in enumerate(find_relative(text)):
            anchor = by_start.get(rel.anchor_start)
            reading = readings.get(anchor.key) if anchor else None
            if reading is None or reading.best is None:
                continue
            place = place_from(reading.best, rel, place_id=-(n + 1))
            located[rel.start] = (place, Span(rel.start, rel.end, rel.text, fold(rel.text), (), False, False))
        return located


def _with_relative(spans: list[Span], located: dict[int, tuple[Place, Span]]) -> list[Span]:
    """The spans, with the relatively located names added or replacing a gazetteer guess at the same place."""
    added = sorted((span for _, span in located.values()), key=lambda s: s.start)
    starts = [a.start for a in added]
    reach = list(itertools.accumulate((a.end for a in added), max))  # furthest end among added[:i + 1]
    # Bisection, not a comparison with every added span: that made a long log of dispatches quadratic.
    keep = [s for s in spans if (i := bisect.bisect_left(starts, s.end)) == 0 or reach[i - 1] <= s.start]
    return sorted(keep + added, key=lambda s: s.start)


def analyse(document: Document, store: GazetteerStore) -> Analysis:
    """Geoparse one document (see Geoparser to reuse the parts across documents)."""
    return Geoparser(store).analyse(document)
