"""Search the whole gazetteer by name as the user types: what "Search the gazetteer…" and "Add place…" show.

Case-, accent- and punctuation-insensitive (names are compared folded), over every name of every place
(alternate and foreign names too), with names that begin with what was typed and, for a misspelling,
names that sound alike. Results carry what a user needs to tell two Springfields apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .gazetteer.ranking import MIN_SIMILARITY, match_score
from .gazetteer.store import GazetteerStore
from .model import NameMatch, Place
from .places import place_context, place_label
from .text.normalize import fold

PREFIX_SIMILARITY = 0.9   # a name that begins with the query ranks below an exact one
PREFIX_ROWS = 300         # name rows read for a prefix; one place can have many names


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A place found for a query, the name it was found under, and where it is."""

    place: Place
    name: str
    region: str | None
    country: str | None

    @property
    def label(self) -> str:
        """'Athens (Georgia, United States)', then the matched name when it is not the place's own."""
        alias = f" “{self.name}”" if fold(self.name) != fold(self.place.name) else ""
        return place_label(self.place, self.region, self.country) + alias


def search(store: GazetteerStore, query: str, limit: int = 20) -> list[SearchResult]:
    """The best ``limit`` places for ``query``: exact names, then names beginning with it, then close
    spellings, each group ordered by the geoparser's own ranking (population, kind)."""
    key = fold(query)
    if not key:
        return []
    scored: list[tuple[NameMatch, float]] = [(m, 1.0) for m in store.by_name(key)]
    scored += [(m, PREFIX_SIMILARITY) for m in store.starting_with(key, PREFIX_ROWS)]
    scored += [(m, PREFIX_SIMILARITY * s / 100) for m in store.like(key)
               if (s := fuzz.ratio(key, m.key)) >= MIN_SIMILARITY]
    best: dict[int, tuple[NameMatch, float]] = {}   # each place under its best-scoring name
    for m, similarity in scored:
        score = match_score(m.place, m, similarity)
        if m.place.id not in best or score > best[m.place.id][1]:
            best[m.place.id] = (m, score)
    ranked = sorted(best.values(), key=lambda ms: -ms[1])[:limit]
    return [SearchResult(m.place, m.name, *place_context(m.place, store)) for m, _ in ranked]
