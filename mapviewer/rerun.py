"""Re-read a document with the user's corrections as context: what "Re-read with my corrections" does.

A correction changes one reading; the names that were read in its light ("Athens" beside a wrong
"Georgia") keep theirs until the user asks. Then the geoparser runs again with one more step before its
resolver (``UserReadings``): a name the user decided about has the user's place as its only candidate, a
rejected name is gone, an added one is there. The resolver reads the other names with these as context.
The corrections stay as they are and are applied to the new machine reading, so their marks remain.
"""

from __future__ import annotations

from dataclasses import replace

from .corrections import apply_corrections, targets
from .gazetteer.schema import PRIMARY
from .geoparse.steps import Parse
from .model import NameMatch, Place, Span
from .pipeline import Geoparser
from .project import ProjectDocument
from .text.normalize import fold

STEP = "user readings"
FLOOR = "floor"


class UserReadings:
    """A span filter: the spans as the user's decisions say (see the module's description)."""

    def __init__(self, decided: dict[tuple[int, int], tuple[str, Place]], rejected: set[tuple[int, int]]):
        self.decided, self.rejected = decided, rejected

    def filter(self, parse: Parse) -> list[Span]:
        kept = [s for s in parse.spans if (s.start, s.end) not in self.rejected]
        known = {(s.start, s.end) for s in kept}
        for (start, end), (text, _) in self.decided.items():
            if (start, end) not in known and not any(s.start < end and start < s.end for s in kept):
                kept.append(Span(start, end, text, fold(text), (), False, False))
        return [self._decided(s) for s in kept]

    def _decided(self, span: Span) -> Span:
        decision = self.decided.get((span.start, span.end))
        if decision is None:
            return span
        match = NameMatch(decision[1], span.text, span.key, PRIMARY)
        return replace(span, matches=(match,), similarity=1.0)


def reread(geoparser: Geoparser, document: ProjectDocument) -> ProjectDocument:
    """The document geoparsed again with its corrections as context; its corrections kept."""
    corrected = apply_corrections(document.analysis, document.corrections)
    decided = {(m.start, m.end): (m.text, m.place) for m in corrected.mentions
               if m.reviewed and m.place is not None}
    rejected = _rejected(document)
    step = UserReadings(decided, rejected)
    geoparser.add_step(STEP, step, before="resolve")
    # Without the confidence floor: it must not drop a name the user decided about.
    names = geoparser.step_names
    before_floor = names[names.index(FLOOR) - 1]
    floor = geoparser.remove_step(FLOOR)
    try:
        analysis = geoparser.analyse(document.analysis.document)
    finally:
        geoparser.remove_step(STEP)
        geoparser.add_step(FLOOR, floor, after=before_floor)
    return ProjectDocument(analysis, document.corrections)


def _rejected(document: ProjectDocument) -> set[tuple[int, int]]:
    """The spans the user said are not places (every mention of the name, for a correction of scope name)."""
    spans: set[tuple[int, int]] = set()
    for c in document.corrections:
        if c.action == "reject":
            spans |= {(m.start, m.end) for m in document.analysis.mentions if targets(m, c)}
    return spans
