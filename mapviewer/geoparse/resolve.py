"""Resolution: choose which real place each recognised name means, using the whole document.

Each name gets one meaning per document. A reading scores by its prior (population, kind,
capital, own name vs alternate name) plus what the document says around it: the countries and
regions its other places lie in, how near it is to them, and "region"/"oblast" cues. The scores of
a name's readings become probabilities (softmax), which are its confidence and alternatives.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..gazetteer.macroregions import CONTINENT_OF
from ..gazetteer.ranking import importance
from ..gazetteer.schema import COUNTRY_INFO, DEMONYM, METONYM, NATURAL_EARTH, PRIMARY
from ..geodesy import great_circle_km
from ..model import MentionKind, NameMatch, Place, Reading, Span
from .config import GeoparserConfig
from .cues import PLACE_NAME_TAILS, next_word
from .qualifiers import neighbour_bonuses
from .steps import Parse

_OWN_NAME_SOURCES = frozenset({PRIMARY, COUNTRY_INFO, NATURAL_EARTH, DEMONYM, METONYM})


def _candidates(span: Span, config: GeoparserConfig) -> list[tuple[Place, NameMatch, float]]:
    """(place, matched name, prior) for the most likely readings of a name."""
    best: dict[int, NameMatch] = {}
    for m in span.matches:
        if m.place.id not in best or m.source in _OWN_NAME_SOURCES:
            best[m.place.id] = m
    # A city named like the region it lies in ("New York" for New York City in New York State) owns the
    # name as much as the region does, even when the gazetteer lists it as an alternate name.
    regions = {pid for pid, m in best.items() if m.place.kind == "admin1"}
    own = {pid for pid, m in best.items() if m.source in _OWN_NAME_SOURCES or m.place.region_id in regions}
    # Either way the place gets the own-name weight once: for its own name, or for its region's. A former
    # or rare name of a smaller place ("Jacksonville" for Pickerington, Ohio) loses it once more when a
    # bigger place bears the name as its own (Jacksonville, Florida).
    biggest_own = max((importance(best[pid].place) for pid in own), default=0.0)
    ranked = sorted(((m.place, m, importance(m.place) + (
        config.w_primary_name if m.place.id in own
        else -config.w_primary_name if importance(m.place) < biggest_own else 0.0))
        for m in best.values()), key=lambda c: -c[2])
    return ranked[:config.max_candidates]


def _kind(span: Span, match: NameMatch) -> MentionKind:
    if span.adjective or match.source == DEMONYM:
        return "adjective"
    return "metonym" if match.source == METONYM else "literal"


class Resolver:
    """Chooses a reading for every distinct name of a document (a SpanResolver step)."""

    def __init__(self, config: GeoparserConfig = GeoparserConfig()):
        self.config = config

    def resolve(self, parse: Parse) -> list[tuple[Span, Reading]]:
        by_name = self.readings(parse.spans, parse.text)
        return [(s, by_name[s.key]) for s in parse.spans if s.key in by_name]

    def readings(self, spans: list[Span], text: str = "") -> dict[str, Reading]:
        """One reading per distinct name (folded key) of ``spans`` (in ``text``, whose qualifiers and lists
        count: "Athens, Georgia")."""
        groups: dict[str, list[Span]] = defaultdict(list)
        for span in spans:
            groups[span.key].append(span)
        config = self.config
        cands = {key: _candidates(group[0], config) for key, group in groups.items()}
        cands = {k: v for k, v in cands.items() if v}
        if not cands:
            return {}
        hints = {k: sum(s.region_hint for s in groups[k]) / len(groups[k]) for k in cands}
        similarity = {k: min(s.similarity for s in groups[k]) for k in cands}
        starts = {s.start for s in spans}
        bodies = {k: [bool(text) and _opens_name(text, s, starts) for s in groups[k]] for k in cands}
        # A name that opens a team's or a body's name ("the Atlanta Hawks") says less of where the story happens
        # than a place it happens in: as the other names' context it counts w_body_name, not 1.
        counts = {k: sum(config.w_body_name if body else 1.0 for body in bodies[k]) for k in cands}
        beside = neighbour_bonuses(text, spans, config.w_qualifier, config.w_list, config.w_region_cue) if text else {}
        priors = {k: np.array([prior + (config.w_region_cue * hints[k] if p.kind == "admin1" else 0.0)
                                + beside.get(k, {}).get(p.id, 0.0)
                                for p, _, prior in v]) for k, v in cands.items()}
        # A town's name that opens a proper name ("the Portland Trail Blazers", "Cambridge Analytica", "the
        # Venice Commission") names a team or a body after the best-known town of that name, wherever the
        # story happens: its readings' prior gaps weigh more against what the rest of the document says.
        for k, v in cands.items():
            if v[0][0].kind == "city" and any(bodies[k]):
                priors[k] = priors[k] + (config.named_body_prior - 1) * (priors[k] - priors[k].max())

        context = _Context(cands, counts, config)
        choice = {k: 0 for k in cands}
        scores = dict(priors)
        for _ in range(config.iterations):
            support = context.support(choice)
            scores = {k: priors[k] + support[k] for k in cands}
            choice = {k: int(np.argmax(s)) for k, s in scores.items()}

        readings: dict[str, Reading] = {}
        for k, v in cands.items():
            s = scores[k] - config.w_misspelt * (1 - similarity[k])
            if similarity[k] < 1 and (scores[k] - priors[k]).max() < config.min_fuzzy_context:
                continue  # a misspelling with nothing in the document to support it
            order = np.argsort(-s)
            # "No place of that name" competes too: a weak single reading with no support is not certain.
            z = np.exp((s[order] - s[order[0]]) / config.temperature)
            probs = _calibrated(z / (z.sum() + np.exp((config.unknown_score - s[order[0]]) / config.temperature)),
                                config)
            best_match = v[order[0]][1]
            readings[k] = Reading(tuple(v[i][0] for i in order), tuple(float(p) for p in probs),
                                  _kind(groups[k][0], best_match))
        return readings


def _opens_name(text: str, span: Span, starts: set[int]) -> bool:
    """Is ``span`` followed by a capitalised word that is no place's name: the first word(s) of a
    proper name ("Portland Trail Blazers", "Venice Commission")?"""
    after = span.end + 1
    return (text[span.end:after] == " " and after < len(text) and text[after].isupper()
            and after not in starts and next_word(text, span.end) not in PLACE_NAME_TAILS)


def _calibrated(probs: np.ndarray, config: GeoparserConfig) -> np.ndarray:
    """The best reading's probability through a logistic map (slope < 1 pulls it towards the middle, as
    softmax scores are too sure of the middling cases and not sure enough of the weak ones); the other
    readings keep their shares of the rest."""
    best = float(np.clip(probs[0], 1e-6, 1 - 1e-6))
    logit = config.confidence_slope * np.log(best / (1 - best)) + config.confidence_shift
    new = 1 / (1 + np.exp(-logit))
    rest = probs[1:] * ((1 - new) / (1 - best))
    return np.concatenate(([new], rest))


def _continent(place: Place) -> str | None:
    """The continent a place lies in (a continent is its own), for the document's continent of focus."""
    if place.kind == "continent":
        return place.name
    return CONTINENT_OF.get(place.country) if place.country else None


class _Context:
    """Support each reading of each name gets from the current readings of the document's other names."""

    def __init__(self, cands: dict[str, list[tuple[Place, NameMatch, float]]], counts: dict[str, float],
                 config: GeoparserConfig):
        self.config = config
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
        self.local = np.array([p.kind in ("city", "admin1", "county", "island") for p in places])
        # Seas and rivers (and lakes and landforms across borders) lie in no country, so no country's share
        # supports them: the story's towns tell which one is meant ("the Gulf" beside Kuwait or New Orleans).
        self.feature = np.array([p.country is None and p.kind not in ("continent", "macroregion") for p in places])
        self.is_country = np.array([p.kind == "country" for p in places])
        continents: dict[str, int] = {}
        self.continent = np.array([continents.setdefault(c, len(continents)) if (c := _continent(p)) else -1
                                   for p in places])
        self.place_id = np.array([p.id for p in places])
        # A town a hundred times smaller than a first-level region of its own country that bears its name
        # ("Wales", a village in South Yorkshire): the story's region says nothing against the region of that
        # name, so it does not support the town.
        self.region_blind = np.zeros(len(places), dtype=bool)
        for k, first in zip(self.keys, self.offsets):
            named = [c[0] for c in cands[k]]
            regions = [r for r in named if r.kind == "admin1"]
            for j, p in enumerate(named):
                self.region_blind[first + j] = p.kind in ("city", "county") and any(
                    r.country == p.country and r.id != p.region_id and p.population * 100 < r.population
                    for r in regions)

    def _nearest(self, readings: np.ndarray, anchors: np.ndarray) -> np.ndarray:
        """For each of ``readings``: the distance (km) to the nearest of ``anchors`` read for another name."""
        dist = great_circle_km(self.lat[readings, None], self.lon[readings, None], self.lat[anchors][None, :],
                               self.lon[anchors][None, :])
        dist[self.owner[readings, None] == self.owner[anchors][None, :]] = np.inf
        return np.asarray(dist.min(axis=1))

    @staticmethod
    def _share(values: np.ndarray, chosen: np.ndarray, weight: np.ndarray, owner: np.ndarray) -> np.ndarray:
        """For each reading: the weight of the other names whose reading has the same value (country, region)."""
        same = values[:, None] == values[chosen][None, :]
        same[:, :] &= (values != -1)[:, None]
        share = same.astype(float) @ weight
        own = weight[owner] * (values == values[chosen[owner]]) * (values != -1)
        return np.asarray(share - own)

    def support(self, choice: dict[str, int]) -> dict[str, np.ndarray]:
        if len(self.keys) == 1:
            return {self.keys[0]: np.zeros(len(self.owner))}
        chosen = self.offsets[:-1] + np.array([choice[k] for k in self.keys], dtype=int)
        others = np.maximum(self.weight.sum() - self.weight[self.owner], 1e-9)
        c_share = self._share(self.country, chosen, self.weight, self.owner) / others
        r_share = self._share(self.region, chosen, self.weight, self.owner) / others * ~self.region_blind
        same = self._share(self.place_id, chosen, self.weight, self.owner) / others
        k_share = self._share(self.continent, chosen, self.weight, self.owner) / others
        near = np.zeros(len(self.owner))
        # A town is near the story's towns and regions; a sea or river is near its towns or countries.
        for readers, anchored_by, km in ((self.local, self.local, self.config.near_km),
                                         (self.feature, self.local | self.is_country, self.config.feature_near_km)):
            anchors = chosen[anchored_by[chosen]]
            if len(anchors) and readers.any():
                near[readers] = np.exp(-self._nearest(np.flatnonzero(readers), anchors) / km)
        w = self.config
        support = w.w_country * np.sqrt(np.clip(c_share, 0, 1)) + w.w_region * np.sqrt(np.clip(r_share, 0, 1)) \
            + w.w_near * near + w.w_same * np.sqrt(np.clip(same, 0, 1)) \
            + w.w_continent * np.sqrt(np.clip(k_share, 0, 1))
        return {k: support[self.offsets[i]:self.offsets[i + 1]] for i, k in enumerate(self.keys)}
