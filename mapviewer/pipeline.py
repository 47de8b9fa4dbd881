"""The whole flow, no Qt: Document -> sentences -> spans -> readings -> mentions (an Analysis).

The Geoparser runs named steps (geoparse.steps) in order. The default steps:

    recognize  Recognizer      proposes the spans the gazetteer knows        (geoparse/recognize.py)
    resolve    Resolver        reads every name in the light of the others   (geoparse/resolve.py)
    streets    StreetNames     drops "Atlantic Avenue" far from the article's places (geoparse/streets.py)
    relative   RelativePlaces  places "X, 10 km south of Y" from Y           (geoparse/relative.py)
    metonyms   SpeechMetonyms  "Moscow said" names a government              (geoparse/metonyms.py)
    confidence MentionConfidence  each mention's chance of being a place placed right (geoparse/confidence.py)
    floor      ConfidenceFloor drops the mentions below config.min_confidence   (geoparse/confidence.py)
    literal    LiteralOnly     drops adjectives and metonyms, only with config.literal_only (geoparse/literal.py)

A step of another kind or source goes beside them: ``geoparser.add_step("mine", MyFilter(), before="resolve")``.
"""

from __future__ import annotations

import bisect

from .freeing import free_gradually
from .gazetteer.store import GazetteerStore
from .geoparse.confidence import ConfidenceFloor, MentionConfidence
from .geoparse.config import GeoparserConfig
from .geoparse.literal import LiteralOnly
from .geoparse.metonyms import SpeechMetonyms
from .geoparse.recognize import Recognizer
from .geoparse.relative import RelativePlaces
from .geoparse.resolve import Resolver
from .geoparse.steps import Parse, Step, run_step
from .geoparse.streets import StreetNames
from .model import Analysis, Candidate, Document, Mention
from .text.sentences import split_sentences


class Geoparser:
    """Named steps over one open gazetteer; reusable for many documents."""

    def __init__(self, store: GazetteerStore, config: GeoparserConfig = GeoparserConfig()):
        self.store = store
        self.config = config
        self.steps: list[tuple[str, Step]] = [
            ("recognize", Recognizer(store, config)),
            ("resolve", Resolver(config)),
            ("streets", StreetNames(config)),
            ("relative", RelativePlaces(config)),
            ("metonyms", SpeechMetonyms()),
            ("confidence", MentionConfidence(store)),
            ("floor", ConfidenceFloor(config.min_confidence)),
        ]
        if config.literal_only:
            self.steps.append(("literal", LiteralOnly()))

    @property
    def step_names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def step(self, name: str) -> Step:
        return self.steps[self._index(name)][1]

    def add_step(self, name: str, step: Step, *, before: str | None = None, after: str | None = None) -> None:
        """Add ``step`` under a new ``name``: last, or right before or after the step so named."""
        if name in self.step_names:
            raise ValueError(f"there is already a step named {name!r}")
        if before is not None and after is not None:
            raise ValueError("give before or after, not both")
        index = (self._index(before) if before is not None else self._index(after) + 1 if after is not None
                 else len(self.steps))
        self.steps.insert(index, (name, step))

    def remove_step(self, name: str) -> Step:
        return self.steps.pop(self._index(name))[1]

    def _index(self, name: str) -> int:
        try:
            return self.step_names.index(name)
        except ValueError:
            raise ValueError(f"no step named {name!r}; the steps are {', '.join(self.step_names)}") from None

    def analyse(self, document: Document) -> Analysis:
        parse = Parse(document, split_sentences(document.text))
        for _, step in self.steps:
            run_step(step, parse)
        analysis = self._analysis(parse)
        free_gradually(parse.spans, parse.readings)    # a long article's: not in one call at the return
        return analysis

    def _analysis(self, parse: Parse) -> Analysis:
        """The mentions: every span whose reading has a place."""
        starts = [s.start for s in parse.sentences]
        mentions = []
        for span in parse.spans:
            reading = parse.readings.get(span.start)
            if reading is None or reading.best is None:
                continue
            alternatives = tuple(Candidate(p, round(s, 4)) for p, s in
                                 zip(reading.places[:self.config.max_alternatives], reading.probabilities))
            mentions.append(Mention(
                start=span.start, end=span.end, text=span.text,
                sentence=max(0, bisect.bisect_right(starts, span.start) - 1), kind=reading.kind,
                place=reading.best, confidence=round(reading.probabilities[0], 4), alternatives=alternatives))
        return Analysis(parse.document, parse.sentences, tuple(mentions))


def analyse(document: Document, store: GazetteerStore) -> Analysis:
    """Geoparse one document (see Geoparser to reuse the parts across documents)."""
    return Geoparser(store).analyse(document)
