"""Values that flow through mapviewer: file -> Document -> sentences -> spans -> readings -> mentions -> places.

Plain data only: this module imports nothing of mapviewer and no third-party library, so any part
(a reader, an export, the Qt shell, a test) can use the values without loading the gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from operator import attrgetter, countOf
from pathlib import Path
from typing import Literal

MentionKind = Literal["literal", "adjective", "metonym"]
# Who decided a mention's reading: the geoparser alone, or the user (mapviewer.corrections).
MentionStatus = Literal["machine", "confirmed", "corrected", "added"]
# Long work reports (message, fraction done 0-1); a callback may raise to stop the work.
Progress = Callable[[str, float], None]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``kind`` is continent, country, admin1 or city.

    A place the text locates relative to another ("10 km south of Kurakhove") is no gazetteer entry:
    ``located_from`` is then the id of the gazetteer place it was located from, and ``id`` numbers it
    within its document only.
    """

    id: int
    name: str
    kind: str
    country: str | None
    admin1: str | None
    region_id: int | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    feature: str
    located_from: int | None = None  # not a store column: see gazetteer.schema.PLACES


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place found under a name, with the name as the store spells it and where it came from."""

    place: Place
    name: str
    key: str
    source: str


@dataclass(frozen=True, slots=True)
class Document:
    """An article's plain text; every offset in mapviewer is a character offset into ``text``.

    ``warnings`` are what a reader could not do cleanly (bytes that were not valid in the file's encoding),
    for the caller to show; ``path`` is the file it came from, which exports never write over."""

    text: str
    title: str = ""
    source: str = ""
    date: str = ""
    byline: str = ""
    warnings: tuple[str, ...] = ()
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text that may name a place, and the gazetteer entries it may mean."""

    start: int
    end: int
    text: str
    key: str  # the folded name (text.normalize.fold): one meaning per key and document
    matches: tuple[NameMatch, ...]
    adjective: bool
    region_hint: bool
    similarity: float = 1.0  # below 1 for a misspelling or transliteration ("Vougledar")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a span means: its possible places with probabilities, best first."""

    places: tuple[Place, ...]
    probabilities: tuple[float, ...]
    kind: MentionKind

    @property
    def best(self) -> Place | None:
        return self.places[0] if self.places else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a mention and how strongly the context supports it (0-1, summing to 1)."""

    place: Place
    score: float


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a place. ``place`` is None when no reading was trusted."""

    start: int
    end: int
    text: str
    sentence: int
    kind: MentionKind
    place: Place | None
    confidence: float
    alternatives: tuple[Candidate, ...] = ()
    status: MentionStatus = "machine"

    @property
    def reviewed(self) -> bool:
        """The user has looked at this reading (confirmed, corrected or added it)."""
        return self.status != "machine"


@dataclass(frozen=True)
class Analysis:
    """A geoparsed document. (Without slots, so that ``placed`` is computed once: there are few analyses.)"""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]

    @cached_property
    def placed(self) -> tuple[tuple[Mention, ...], tuple[int, ...]]:
        """The mentions that name a place, in order of their start, and those starts: what the article view
        finds a position's mention in. Computed once, in C loops, and for a new analysis on the app's worker
        thread: a 20 MB article's 300,000 mentions picked here held the window's thread for 30-50 ms. A
        corrected analysis already holds its mentions in order (``apply_corrections`` sorts them), so they
        are only checked."""
        placed = list(compress(self.mentions, map(attrgetter("place"), self.mentions)))
        starts = list(map(attrgetter("start"), placed))
        if starts != sorted(starts):
            placed.sort(key=attrgetter("start"))
            starts = list(map(attrgetter("start"), placed))
        return tuple(placed), tuple(starts)

    @cached_property
    def reviewed_mentions(self) -> int:
        """How many mentions the user has reviewed (confirmed, corrected or added): counted once, in C loops
        (``Mention.reviewed`` is Python, and a 20 MB article has 300,000 mentions)."""
        return len(self.mentions) - countOf(map(attrgetter("status"), self.mentions), "machine")

    def places(self) -> dict[Place, list[Mention]]:
        """Resolved mentions grouped by place, in order of first mention."""
        groups: dict[Place, list[Mention]] = {}
        for m in self.mentions:
            if m.place is not None:
                groups.setdefault(m.place, []).append(m)
        return groups

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.document.text[s.start:s.end]
