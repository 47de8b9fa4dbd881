"""Confidence that means what it says: the chance that a mention names a place and is placed within 161 km.

The resolver's probability says how sure it is of the place *given* that the name means a place. Some kinds
of mention are less often place mentions at all, whatever their reading: a plural demonym names people
("many Americans"), an adjective may be a language or an organisation's name ("British Airways",
"the Canadian Food Inspection Agency"), a small town's name used as a speaker or a body is easily a
person's. A small logistic regression over a few features of the mention (``features``) maps the resolver's
probability to that chance: the probability of the places read within 161 km of the best one (whether
"Kharkiv" is the city or its oblast, the marker is right), with the size of a town (a city of millions
named alone is meant more often than a village). Mentions below GeoparserConfig.min_confidence are dropped
(``ConfidenceFloor``). Its weights (``confidence_weights.WEIGHTS``) are fitted by ``tools/train_confidence.py``
on the development corpora, which also prints leave-one-corpus-out figures.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable, Iterator

import numpy as np

from ..gazetteer.store import GazetteerStore
from ..geodesy import great_circle_km
from ..model import Reading, Span
from .confidence_weights import FEATURES, WEIGHTS
from .cues import ORGANISATION_HEADS
from .recognize import locative
from .steps import Parse

# Words before a name that make it part of an institution's name: "the University of Alberta".
_INSTITUTION_OF = ("University of ", "College of ", "Bank of ", "Institute of ", "Museum of ", "School of ")


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _in_organisation_name(text: str, span: Span, reach: int = 4) -> bool:
    """The name begins or ends an organisation's or building's name: "British Airways", "Alberta Liquor Store
    Association", "the University of Iowa"."""
    if text.endswith(_INSTITUTION_OF, max(0, span.start - 16), span.start):
        return True
    pos = span.end
    for _ in range(reach):
        if text[pos:pos + 1] != " " or not text[pos + 1:pos + 2].isupper():
            return False
        stop = pos + 1
        while stop < len(text) and (text[stop].isalpha() or text[stop] in "'’&"):
            stop += 1
        if text[pos + 1:stop].lower() in ORGANISATION_HEADS:
            return True
        pos = stop
    return False


def _near_mass(reading: Reading, km: float = 161.0) -> float:
    """The resolver's probability of the best place and of the other readings within ``km`` of it: whichever
    of Kharkiv the city and Kharkiv Oblast is meant, the marker is right."""
    best = reading.places[0]
    others = reading.places[1:]
    if not others:
        return reading.probabilities[0]
    lats = np.array([p.lat for p in others])
    lons = np.array([p.lon for p in others])
    near = great_circle_km(lats, lons, best.lat, best.lon) <= km
    return reading.probabilities[0] + float(np.dot(near, reading.probabilities[1:len(others) + 1]))


def mention_features(store: GazetteerStore, parse: Parse) -> Iterator[tuple[Span, Reading, list[float]]]:
    """Each mention of ``parse`` that has a reading, with its features (a reading that several mentions share
    is measured once)."""
    counts = Counter(s.key for s in parse.spans if s.start in parse.readings)
    near: dict[int, float] = {}
    for span in parse.spans:
        reading = parse.readings.get(span.start)
        if reading is None or not reading.places:
            continue
        if id(reading) not in near:
            near[id(reading)] = _near_mass(reading)
        yield span, reading, features(store, parse.text, span, reading, counts[span.key], near[id(reading)])


def features(store: GazetteerStore, text: str, span: Span, reading: Reading, mentions: int,
             near: float) -> list[float]:
    """The mention's features, in the order of ``FEATURES``; ``near``: ``_near_mass(reading)``."""
    place = reading.places[0]
    first, surname = store.person_name(span.key)
    plural = reading.kind == "adjective" and span.text.endswith("s")
    values = {
        "logit": _logit(near),
        "sure": max(_logit(near) - 2.0, 0.0),   # the resolver's odds above 7:1
        "adjective": float(reading.kind == "adjective" and not plural),
        "plural_demonym": float(plural),
        "metonym": float(reading.kind == "metonym"),
        "town": float(place.kind == "city"),
        "town_size": max(math.log10(place.population + 1) - 5.0, -2.0) if place.kind == "city" else 0.0,
        "country": float(place.kind in ("country", "continent")),
        "organisation": float(_in_organisation_name(text, span)),
        "readings": math.log(len(reading.places)),
        "repeated": math.log(mentions),
        "capitals": float(span.text.replace(".", "").isupper()),
        "locative": float(locative(text, span.start)),        # "in X", "the city of X"
        "person": math.log10(1 + 100 * max(first, surname)),  # how common a person's name
    }
    return [values[name] for name in FEATURES]


def recalibrated(reading: Reading, p: float) -> Reading:
    """``reading`` with its best place's probability ``p``, the order of its places kept. Surer than the
    resolver: the other places keep their shares of the rest. Less sure: all places scale down alike (the
    doubt is whether the mention names a place at all, not which one), the rest going to "no place"."""
    probs = reading.probabilities
    best = probs[0]
    if p >= best:
        scale = (1 - p) / (1 - best) if best < 1 else 0.0
        return dataclasses.replace(reading, probabilities=(p, *(q * scale for q in probs[1:])))
    return dataclasses.replace(reading, probabilities=tuple(q * p / best for q in probs))


def shipped_model(x: list[float]) -> float:
    """The fitted logistic regression (confidence_weights) on a mention's features."""
    z = WEIGHTS["intercept"] + sum(WEIGHTS[name] * v for name, v in zip(FEATURES, x))
    return 1 / (1 + math.exp(-z))


class MentionConfidence:
    """A SpanResolver step, after every other resolver: each mention's confidence from its features, by
    ``model`` (the shipped one; tools/train_confidence.py passes the ones it fits)."""

    def __init__(self, store: GazetteerStore, model: Callable[[list[float]], float] = shipped_model):
        self.store = store
        self.model = model

    def resolve(self, parse: Parse) -> list[tuple[Span, Reading]]:
        return [(span, recalibrated(reading, self.model(x)))
                for span, reading, x in mention_features(self.store, parse)]


class ConfidenceFloor:
    """A SpanFilter step after MentionConfidence: drops the mentions less likely than ``floor`` to name a
    place placed right (GeoparserConfig.min_confidence), which a reader would only have to reject."""

    def __init__(self, floor: float):
        self.floor = floor

    def filter(self, parse: Parse) -> list[Span]:
        return [s for s in parse.spans
                if (r := parse.readings.get(s.start)) is None or not r.places or r.probabilities[0] >= self.floor]
