"""The places of one or more analyses, each with all its mentions: what the map, the exports and the
places table show. One entry per place, not per mention."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer.store import GazetteerStore
from .model import Analysis, Mention, MentionStatus, Place

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
    # What runs over all the place's mentions, computed once when the entry is made (on the worker
    # thread): a view asks for it again and again, and a place of a 20 MB article has thousands.
    _confidence: float = field(init=False, repr=False, compare=False)
    _reviewed: int = field(init=False, repr=False, compare=False)
    _stops: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)
    _documents: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_confidence", max(r.mention.confidence for r in self.mentions))
        object.__setattr__(self, "_reviewed", sum(r.mention.reviewed for r in self.mentions))
        object.__setattr__(self, "_stops", tuple(sorted({(r.doc, r.mention.sentence) for r in self.mentions})))
        object.__setattr__(self, "_documents", tuple(sorted({d for d, _ in self._stops})))

    @property
    def confidence(self) -> float:
        return self._confidence

    @property
    def stops(self) -> tuple[tuple[int, int], ...]:
        """The sentences that mention the place as (document, sentence), in document then text order:
        what selecting the place highlights and what ◀/▶ step through, across documents."""
        return self._stops

    @property
    def documents(self) -> tuple[int, ...]:
        """The documents that mention the place, in order."""
        return self._documents

    def first_stop(self, doc: int) -> int:
        """Where a selection starts while ``doc`` is shown: its first sentence there, else the first of all
        (a place selected in document 2 stays in document 2)."""
        return next((n for n, (d, _) in enumerate(self.stops) if d == doc), 0)

    @property
    def label(self) -> str:
        """'Kurakhove (Donetsk, Ukraine)'."""
        return place_label(self.place, self.region, self.country)

    @property
    def reviewed(self) -> int:
        """How many of its mentions the user confirmed, corrected or added."""
        return self._reviewed

    @property
    def status(self) -> MentionStatus:
        """The place's review mark: the strongest of its mentions' (added, corrected, confirmed), else machine."""
        statuses = {r.mention.status for r in self.mentions}
        return next((s for s in _STATUS_ORDER if s in statuses), "machine")


_STATUS_ORDER: tuple[MentionStatus, ...] = ("added", "corrected", "confirmed")


def place_label(place: Place, region: str | None, country: str | None) -> str:
    """'Kurakhove (Donetsk, Ukraine)': a place with what tells it apart from its namesakes."""
    context = ", ".join(x for x in (region, country) if x and x != place.name)
    return f"{place.name} ({context})" if context else place.name


def place_context(place: Place, store: GazetteerStore) -> tuple[str | None, str | None]:
    """The names of the region and the country a place lies in (none for a country itself)."""
    region = store.region(place)
    country = store.country(place.country) if place.country and place.kind != "country" else None
    return (region.name if region else None), (country.name if country else None)


@dataclass(frozen=True, slots=True)
class Alternative:
    """A reading of a mention as the candidate list shows it: the place, where it lies, how strongly the
    context supports it and how far it lies from the mention's chosen place (km, None without one)."""

    place: Place
    region: str | None
    country: str | None
    score: float
    distance_km: float | None

    @property
    def label(self) -> str:
        return place_label(self.place, self.region, self.country)


def alternatives(mention: Mention, store: GazetteerStore) -> list[Alternative]:
    """The mention's ranked readings other than its chosen place, best first."""
    from .geodesy import great_circle_km  # numpy: loaded by what shows alternatives

    chosen = mention.place
    result = []
    for c in mention.alternatives:
        if chosen is not None and c.place.id == chosen.id:
            continue
        km = None if chosen is None else float(great_circle_km(c.place.lat, c.place.lon, chosen.lat, chosen.lon))
        result.append(Alternative(c.place, *place_context(c.place, store), c.score, km))
    return result


def is_uncertain(mention: Mention, below: float = UNCERTAIN) -> bool:
    """A machine reading below the threshold (the user's, from Preferences, or ``UNCERTAIN``): what "next
    uncertain mention" visits and popups explain."""
    return mention.status == "machine" and mention.confidence < below


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
        entries.append(PlaceEntry(key, place, *place_context(place, store), tuple(refs[key])))
    return entries
