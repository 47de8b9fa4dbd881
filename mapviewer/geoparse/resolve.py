"""Resolution: choose which real place each recognised name means, using the whole document.

Each name gets one meaning per document. A reading scores by its prior (population, kind,
capital, own name vs alternate name) plus what the document says around it: the countries and
regions its other places lie in, how near it is to them, and "region"/"oblast" cues. The scores of
a name's readings become probabilities (softmax), which are its confidence and alternatives.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..gazetteer.geocoder import importance
from ..gazetteer.store import NameMatch, Place
from .recognize import Span

MAX_CANDIDATES = 25
ITERATIONS = 3

# Weights of the evidence, in units of "ten times the population" (one step of log10 population).
W_PRIMARY_NAME = 1.0        # the place's own name, not an alternate name of another place
W_COUNTRY = 2.5             # the document mentions this place's country (or places in it)
W_REGION = 1.5              # ... or its admin-1 region
W_NEAR = 2.0                # close to the document's other places (decays over ~250 km)
W_REGION_CUE = 4.0          # "Kursk region", "the regions of Donetsk and Lugansk"
W_MISSPELT = 8.0            # per unit of lost similarity (a 0.9 match costs 0.8)
NEAR_KM = 250.0
TEMPERATURE = 1.0           # softmax temperature: confidence calibration
MIN_FUZZY_CONTEXT = 1.0     # a misspelt name needs context this strong to be placed at all

_OWN_NAME_SOURCES = frozenset({"geonames", "countryinfo", "natural-earth", "demonym", "metonym"})


@dataclass(frozen=True, slots=True)
class Reading:
    """The outcome for one name: its readings with probabilities, best first."""

    places: tuple[Place, ...]
    probabilities: tuple[float, ...]
    kind: str  # literal / adjective / metonym

    @property
    def best(self) -> Place | None:
        return self.places[0] if self.places else None


def _candidates(span: Span) -> list[tuple[Place, NameMatch]]:
    best: dict[int, tuple[Place, NameMatch]] = {}
    for m in span.matches:
        if m.place.id not in best or m.source in _OWN_NAME_SOURCES:
            best[m.place.id] = (m.place, m)
    ranked = sorted(best.values(), key=lambda pm: -_prior(*pm))
    return ranked[:MAX_CANDIDATES]


def _prior(place: Place, match: NameMatch) -> float:
    return importance(place) + (W_PRIMARY_NAME if match.source in _OWN_NAME_SOURCES else 0.0)


def _kind(span: Span, match: NameMatch) -> str:
    if span.adjective or match.source == "demonym":
        return "adjective"
    return "metonym" if match.source == "metonym" else "literal"


def _haversine_km(lat: np.ndarray, lon: np.ndarray, lat0: np.ndarray, lon0: np.ndarray) -> np.ndarray:
    """Great-circle distances (km) from each candidate (rows) to each anchor (columns), vectorised."""
    p1, p2 = np.radians(lat)[:, None], np.radians(lat0)[None, :]
    dl = np.radians(lon)[:, None] - np.radians(lon0)[None, :]
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 12742.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


class Resolver:
    """Chooses a reading for every distinct name of a document."""

    def resolve(self, spans: list[Span]) -> dict[str, Reading]:
        groups: dict[str, list[Span]] = defaultdict(list)
        for span in spans:
            groups[span.key].append(span)
        cands = {key: _candidates(group[0]) for key, group in groups.items()}
        cands = {k: v for k, v in cands.items() if v}
        hints = {k: any(s.region_hint for s in groups[k]) for k in cands}
        similarity = {k: min(s.similarity for s in groups[k]) for k in cands}
        counts = {k: len(groups[k]) for k in cands}
        priors = {k: np.array([_prior(p, m) for p, m in v]) for k, v in cands.items()}
        for k, v in cands.items():
            if hints[k]:
                priors[k] = priors[k] + np.array([W_REGION_CUE if p.kind == "admin1" else 0.0 for p, _ in v])

        choice = {k: 0 for k in cands}
        scores = dict(priors)
        for _ in range(ITERATIONS):
            scores = {k: priors[k] + self._context(k, cands, choice, counts) for k in cands}
            choice = {k: int(np.argmax(s)) for k, s in scores.items()}

        readings: dict[str, Reading] = {}
        for k, v in cands.items():
            s = scores[k] - W_MISSPELT * (1 - similarity[k])
            if similarity[k] < 1 and (scores[k] - priors[k]).max() < MIN_FUZZY_CONTEXT:
                continue  # a misspelling with nothing in the document to support it
            order = np.argsort(-s)
            z = np.exp((s[order] - s[order[0]]) / TEMPERATURE)
            probs = z / z.sum()
            best_place, best_match = v[order[0]]
            readings[k] = Reading(tuple(v[i][0] for i in order), tuple(float(p) for p in probs),
                                  _kind(groups[k][0], best_match))
        return readings

    def _context(self, key: str, cands: dict[str, list[tuple[Place, NameMatch]]], choice: dict[str, int],
                 counts: dict[str, int]) -> np.ndarray:
        """Support each reading of ``key`` gets from the current readings of the other names."""
        others = [(cands[k][choice[k]][0], counts[k]) for k in cands if k != key]
        mine = cands[key]
        if not others:
            return np.zeros(len(mine))
        countries: dict[str, float] = defaultdict(float)
        regions: dict[int, float] = defaultdict(float)
        for place, n in others:
            if place.country:
                countries[place.country] += n
            if place.kind == "admin1":
                regions[place.id] += n
            elif place.region_id:
                regions[place.region_id] += n
        total = sum(n for _, n in others)
        country_support = np.array([math.sqrt(countries.get(p.country, 0) / total) for p, _ in mine])
        region_support = np.array([
            math.sqrt(regions.get(p.id if p.kind == "admin1" else p.region_id or -1, 0) / total) for p, _ in mine])
        local = [p for p, _ in others if p.kind in ("city", "admin1")]
        near = np.zeros(len(mine))
        if local:
            dist = _haversine_km(np.array([p.lat for p, _ in mine]), np.array([p.lon for p, _ in mine]),
                                 np.array([p.lat for p in local]), np.array([p.lon for p in local]))
            near = np.exp(-dist.min(axis=1) / NEAR_KM)
            near[[p.kind in ("country", "continent") for p, _ in mine]] = 0.0
        return W_COUNTRY * country_support + W_REGION * region_support + W_NEAR * near
