"""The whole flow, no Qt: Document -> sentences -> mentions -> resolved places (an Analysis)."""

from __future__ import annotations

import bisect
import re

from .gazetteer.store import GazetteerStore
from .geoparse.recognize import Recognizer
from .geoparse.resolve import Resolver
from .model import Analysis, Candidate, Document, Mention
from .text.sentences import split_sentences

MAX_ALTERNATIVES = 5
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
        starts = [s.start for s in sentences]
        mentions = []
        for span in spans:
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


def analyse(document: Document, store: GazetteerStore) -> Analysis:
    """Geoparse one document (see Geoparser to reuse the parts across documents)."""
    return Geoparser(store).analyse(document)
