"""The user's corrections of a geoparsed document, and the corrected analysis they give.

A correction is a value, not an edit: the machine's analysis is kept as it was, and the corrected one is
``apply_corrections(analysis, corrections)``. So undo is dropping the last correction, a project stores the
list with each correction's time, and every view and export shows the same corrected analysis.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Literal

from .model import Analysis, Candidate, Mention, MentionStatus, Place
from .text.normalize import fold

# choose: another of the mention's candidates; search: a place found in the gazetteer; pin: a point the
# user put on the map; add: a place for text the geoparser did not recognise; reject: not a place;
# confirm: the machine's reading is right.
Action = Literal["choose", "search", "pin", "add", "reject", "confirm"]
# mention: this mention only; name: every mention of the same name in the document ("one meaning per name").
Scope = Literal["mention", "name"]
ACTIONS: tuple[Action, ...] = ("choose", "search", "pin", "add", "reject", "confirm")
SCOPES: tuple[Scope, ...] = ("mention", "name")
_STATUS: dict[Action, MentionStatus] = {"choose": "corrected", "search": "corrected", "pin": "corrected",
                                        "add": "added", "confirm": "confirmed"}
PIN_FEATURE = "pin"   # Place.feature of a point placed by the user


@dataclass(frozen=True, slots=True)
class Correction:
    """One decision of the user about the text ``start:end`` (which reads ``text``) of a document.

    ``place`` is the reading chosen (every action but reject and confirm has one); ``time`` is when the
    user made it (ISO 8601, UTC), kept in projects.
    """

    start: int
    end: int
    text: str
    action: Action
    place: Place | None = None
    scope: Scope = "mention"
    time: str = ""

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown correction {self.action!r}; one of {', '.join(ACTIONS)}")
        if self.scope not in SCOPES:
            raise ValueError(f"unknown scope {self.scope!r}; one of {', '.join(SCOPES)}")
        if (self.place is None) != (self.action in ("reject", "confirm")):
            raise ValueError(f"a {self.action!r} correction {'needs' if self.place is None else 'takes no'} place")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    @property
    def label(self) -> str:
        """What the Edit menu says it will undo: 'Choose Paris, France for “Paris”'."""
        what = {"choose": "Choose {}", "search": "Choose {}", "pin": "Place on the map",
                "add": "Add {}", "reject": "Not a place", "confirm": "Confirm"}[self.action]
        return f"{what.format(self.place.name if self.place else '')} for “{self.text}”" + (
            " (every mention)" if self.scope == "name" else "")


def now() -> str:
    """The time a correction is stamped with."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def for_mention(mention: Mention, action: Action, place: Place | None = None, scope: Scope = "mention") -> Correction:
    """A correction of ``mention``, stamped now."""
    return Correction(mention.start, mention.end, mention.text, action, place, scope, now())


def pinned_place(name: str, lat: float, lon: float) -> Place:
    """A place where the user clicked. Its id is negative (no gazetteer id is) and follows from the point,
    so the same pin is one place on the map and in every export, across documents too."""
    lat, lon = round(lat, 5), round(lon, 5)
    ident = -(1 + round((lat + 90) * 1e5) * 36_000_001 + round((lon + 180) * 1e5))
    return Place(ident, name, "city", None, None, None, lat, lon, 0, None, PIN_FEATURE)


def _sentence(analysis: Analysis, start: int) -> int:
    starts = [s.start for s in analysis.sentences]
    return max(0, bisect.bisect_right(starts, start) - 1)


def _occurrences(analysis: Analysis, c: Correction) -> list[tuple[int, int]]:
    """Where an added name stands: its own span and, for scope "name", every whole-word occurrence."""
    if c.scope == "mention":
        return [(c.start, c.end)]
    found = [(m.start(), m.end()) for m in
             re.finditer(rf"(?<!\w){re.escape(c.text)}(?!\w)", analysis.document.text)]
    return sorted({(c.start, c.end), *found})


def _add(analysis: Analysis, mentions: list[Mention], c: Correction) -> list[Mention]:
    assert c.place is not None
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for start, end in _occurrences(analysis, c):
        if any(s < end and start < e for s, e in taken):
            continue
        added.append(Mention(start, end, analysis.document.text[start:end], _sentence(analysis, start), "literal",
                             c.place, 1.0, (Candidate(c.place, 1.0),), "added"))
    return mentions + added


def targets(m: Mention, c: Correction) -> bool:
    """Whether ``c`` is about ``m``: its span, or its name when the scope is every mention of the name."""
    return (m.start, m.end) == (c.start, c.end) or (c.scope == "name" and fold(m.text) == fold(c.text))


def _decide(m: Mention, c: Correction) -> Mention:
    if c.action == "confirm":
        return replace(m, confidence=1.0, status="confirmed" if m.status == "machine" else m.status)
    status = "added" if m.status == "added" else _STATUS[c.action]
    return replace(m, place=c.place, confidence=1.0, status=status)


def _apply(analysis: Analysis, mentions: list[Mention], c: Correction) -> list[Mention]:
    if c.action == "add" and not any((m.start, m.end) == (c.start, c.end) for m in mentions):
        return _add(analysis, mentions, c)
    if c.action == "reject":
        return [m for m in mentions if not targets(m, c)]
    return [_decide(m, c) if targets(m, c) else m for m in mentions]


def apply_corrections(analysis: Analysis, corrections: Iterable[Correction]) -> Analysis:
    """The analysis as the user corrected it, corrections applied in order (a later one wins).

    Rejected mentions are gone; the others carry their ``status``; a user's reading has confidence 1. A
    correction whose text no longer stands at its offsets (a document re-read differently) is skipped.
    """
    text = analysis.document.text
    mentions = list(analysis.mentions)
    for c in corrections:
        if text[c.start:c.end] == c.text:
            mentions = _apply(analysis, mentions, c)
    # Keyed in Python, not by one C call over all the mentions: 300,000 of them held the interpreter lock
    # for 50 ms (a stall of the window's thread while the app's worker makes a long article's analysis).
    return replace(analysis, mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))))


def review_progress(analysis: Analysis) -> tuple[int, int]:
    """(reviewed mentions, all mentions) of a corrected analysis: what "100 % reviewed" counts."""
    return analysis.reviewed_mentions, len(analysis.mentions)
