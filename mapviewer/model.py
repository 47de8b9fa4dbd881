"""Values that flow through mapviewer: file -> Document -> sentences -> mentions -> places."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .gazetteer.store import Place

MentionKind = Literal["literal", "adjective", "metonym"]


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
