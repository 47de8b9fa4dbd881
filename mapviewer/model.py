"""Values that flow through mapviewer: file -> Document -> sentences -> mentions -> places.

Plain data only: this module imports nothing of mapviewer and no third-party library, so any part
(a reader, an export, the Qt shell, a test) can use the values without loading the gazetteer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["literal", "adjective", "metonym"]
# Long work reports (message, fraction done 0-1); a callback may raise to stop the work.
Progress = Callable[[str, float], None]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``kind`` is continent, country, admin1 or city."""

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


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A place found under a name, with the name as the store spells it and where it came from."""

    place: Place
    name: str
    key: str
    source: str


@dataclass(frozen=True, slots=True)
class Document:
    """An article's plain text; every offset in mapviewer is a character offset into ``text``."""

    text: str
    title: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


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


@dataclass(frozen=True, slots=True)
class Analysis:
    """A geoparsed document."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]

    def places(self) -> dict[int, list[Mention]]:
        """Resolved mentions grouped by place id, in order of first mention."""
        groups: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if m.place is not None:
                groups.setdefault(m.place.id, []).append(m)
        return groups

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.document.text[s.start:s.end]
