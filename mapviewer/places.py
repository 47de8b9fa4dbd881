"""The places of one or more analyses, each with all its mentions: what the map, the exports and the
places table show. One entry per place, not per mention."""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer.store import GazetteerStore
from .model import Analysis, Mention, Place

UNCERTAIN = 0.6  # below this confidence every view marks a place or mention as uncertain


@dataclass(frozen=True, slots=True)
class MentionRef:
    """A mention and where it stands: document index, mention index, ids used in HTML."""

    doc: int
    index: int
    mention: Mention

    @property
    def id(self) -> str:
        return f"d{self.doc}m{self.index}"

    @property
    def sentence_id(self) -> str:
        return f"d{self.doc}s{self.mention.sentence}"


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    key: str
    place: Place
    region: str | None
    country: str | None
    mentions: tuple[MentionRef, ...]

    @property
    def confidence(self) -> float:
        return max(r.mention.confidence for r in self.mentions)

    @property
    def stops(self) -> tuple[tuple[int, int], ...]:
        """The sentences that mention the place as (document, sentence), in document then text order:
        what selecting the place highlights and what ◀/▶ step through, across documents."""
        return tuple(sorted({(r.doc, r.mention.sentence) for r in self.mentions}))

    def first_stop(self, doc: int) -> int:
        """Where a selection starts while ``doc`` is shown: its first sentence there, else the first of all
        (a place selected in document 2 stays in document 2)."""
        return next((n for n, (d, _) in enumerate(self.stops) if d == doc), 0)

    @property
    def label(self) -> str:
        """'Kurakhove (Donetsk, Ukraine)'."""
        context = ", ".join(x for x in (self.region, self.country) if x and x != self.place.name)
        return f"{self.place.name} ({context})" if context else self.place.name


def place_key(place: Place, doc: int) -> str:
    """Gazetteer places share one key across documents; places located from text ("10 km south of")
    exist in their own document only."""
    return str(place.id) if place.located_from is None else f"d{doc}r{place.id}"


def collect_places(analyses: list[Analysis], store: GazetteerStore) -> list[PlaceEntry]:
    """Places in order of first mention, with every mention of every document."""
    refs: dict[str, list[MentionRef]] = {}
    places: dict[str, Place] = {}
    for doc, analysis in enumerate(analyses):
        for index, m in enumerate(analysis.mentions):
            if m.place is None:
                continue
            key = place_key(m.place, doc)
            refs.setdefault(key, []).append(MentionRef(doc, index, m))
            places.setdefault(key, m.place)
    entries = []
    for key, place in places.items():
        region = store.place(place.region_id) if place.region_id else None
        country = store.country(place.country) if place.country and place.kind != "country" else None
        entries.append(PlaceEntry(key, place, region.name if region else None,
                                  country.name if country else None, tuple(refs[key])))
    return entries
