"""Resolution: choose which real place each recognised name means, using the whole document.

Each name gets one meaning per document. A reading scores by its prior (population, kind,
capital, own name vs alternate name) plus what the document says around it: the countries and
regions its other places lie in, how near it is to them, and "region"/"oblast" cues. The scores of
a name's readings become probabilities (softmax), which are its confidence and alternatives.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..gazetteer.ranking import importance
from ..model import NameMatch, Place
from .recognize import Span

MAX_CANDIDATES = 25
ITERATIONS = 2

# Weights of the evidence, in units of "ten times the population" (one step of log10 population).
W_PRIMARY_NAME = 1.0        # the place's own name, not an alternate name of another place
W_COUNTRY = 2.5             # the document mentions this place's country (or places in it)
W_REGION = 1.5              # ... or its admin-1 region
W_NEAR = 2.0                # close to the document's other places (decays over ~250 km)
W_SAME = 2.0                # other names of the document already mean this very place ("Mexican", "Mexico")
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


def _candidates(span: Span) -> list[tuple[Place, NameMatch, float]]:
    """(place, matched name, prior) for the most likely readings of a name."""
    best: dict[int, NameMatch] = {}
    for m in span.matches:
        if m.place.id not in best or m.source in _OWN_NAME_SOURCES:
            best[m.place.id] = m
    # A city named like the region it lies in ("New York" for New York City in New York State) owns the
    # name as much as the region does, even when the gazetteer lists it as an alternate name.
    regions = {pid for pid, m in best.items() if m.place.kind == "admin1"}
    ranked = sorted(((m.place, m, _prior(m.place, m) + (W_PRIMARY_NAME if m.place.region_id in regions
                                                         and m.source not in _OWN_NAME_SOURCES else 0.0))
                     for m in best.values()), key=lambda c: -c[2])
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
        if not cands:
            return {}
        hints = {k: sum(s.region_hint for s in groups[k]) / len(groups[k]) for k in cands}
        similarity = {k: min(s.similarity for s in groups[k]) for k in cands}
        counts = {k: len(groups[k]) for k in cands}
        priors = {k: np.array([prior + (W_REGION_CUE * hints[k] if p.kind == "admin1" else 0.0)
                                for p, _, prior in v]) for k, v in cands.items()}

        context = _Context(cands, counts)
        choice = {k: 0 for k in cands}
        scores = dict(priors)
        for _ in range(ITERATIONS):
            support = context.support(choice)
            scores = {k: priors[k] + support[k] for k in cands}
            choice = {k: int(np.argmax(s)) for k, s in scores.items()}

        readings: dict[str, Reading] = {}
        for k, v in cands.items():
            s = scores[k] - W_MISSPELT * (1 - similarity[k])
            if similarity[k] < 1 and (scores[k] - priors[k]).max() < MIN_FUZZY_CONTEXT:
                continue  # a misspelling with nothing in the document to support it
            order = np.argsort(-s)
            z = np.exp((s[order] - s[order[0]]) / TEMPERATURE)
            probs = z / z.sum()
            best_match = v[order[0]][1]
            readings[k] = Reading(tuple(v[i][0] for i in order), tuple(float(p) for p in probs),
                                  _kind(groups[k][0], best_match))
        return readings


class _Context:
    """Support each reading of each name gets from the current readings of the document's other names."""

    def __init__(self, cands: dict[str, list[tuple[Place, NameMatch, float]]], counts: dict[str, int]):
        self.keys = list(cands)
        places = [c[0] for k in self.keys for c in cands[k]]
        self.owner = np.array([i for i, k in enumerate(self.keys) for _ in cands[k]], dtype=int)
        self.offsets = np.cumsum([0] + [len(cands[k]) for k in self.keys])
        self.weight = np.array([counts[k] for k in self.keys], dtype=float)
        self.lat = np.array([p.lat for p in places])
        self.lon = np.array([p.lon for p in places])
        codes: dict[str | None, int] = {None: -1}
        self.country = np.array([codes.setdefault(p.country, len(codes)) if p.country else -1 for p in places])
        self.region = np.array([p.id if p.kind == "admin1" else (p.region_id or -1) for p in places])
        self.local = np.array([p.kind in ("city", "admin1") for p in places])
        self.place_id = np.array([p.id for p in places])

    @staticmethod
    def _share(values: np.ndarray, chosen: np.ndarray, weight: np.ndarray, owner: np.ndarray) -> np.ndarray:
        """For each reading: the weight of the other names whose reading has the same value (country, region)."""
        same = values[:, None] == values[chosen][None, :]
        same[:, :] &= (values != -1)[:, None]
        share = same.astype(float) @ weight
        own = weight[owner] * (values == values[chosen[owner]]) * (values != -1)
        return share - own

    def support(self, choice: dict[str, int]) -> dict[str, np.ndarray]:
        if len(self.keys) == 1:
            return {self.keys[0]: np.zeros(len(self.owner))}
        chosen = self.offsets[:-1] + np.array([choice[k] for k in self.keys], dtype=int)
        others = np.maximum(self.weight.sum() - self.weight[self.owner], 1e-9)
        c_share = self._share(self.country, chosen, self.weight, self.owner) / others
        r_share = self._share(self.region, chosen, self.weight, self.owner) / others
        same = self._share(self.place_id, chosen, self.weight, self.owner) / others
        near = np.zeros(len(self.owner))
        anchors = chosen[self.local[chosen]]
        if len(anchors):
            dist = _haversine_km(self.lat, self.lon, self.lat[anchors], self.lon[anchors])
            dist[self.owner[:, None] == self.owner[anchors][None, :]] = np.inf
            near = np.exp(-dist.min(axis=1) / NEAR_KM)
            near[~self.local] = 0.0
        support = W_COUNTRY * np.sqrt(np.clip(c_share, 0, 1)) + W_REGION * np.sqrt(np.clip(r_share, 0, 1)) \
            + W_NEAR * near + W_SAME * np.sqrt(np.clip(same, 0, 1))
        return {k: support[self.offsets[i]:self.offsets[i + 1]] for i, k in enumerate(self.keys)}
