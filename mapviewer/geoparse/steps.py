"""The geoparser's steps and the document they work on.

A Geoparser runs a list of named steps over one Parse, in order (after spaCy's pipeline of named
components, kept small). Each step is one of three kinds, told apart by the one method it has:

- a SpanProposer proposes spans that may name places (the gazetteer recognizer; a learned one beside it);
- a SpanFilter keeps some of the spans and drops the others;
- a SpanResolver gives spans their readings: the context resolver for the recognised names, a step that
  places "X, 10 km south of Y" (its span, new, replaces the spans it overlaps), a rule that re-reads
  "Moscow said" as a metonym (a new reading for an existing span).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import Document, Reading, Sentence, Span


@dataclass(slots=True)
class Parse:
    """One document on its way through the steps: its spans in text order and their readings."""

    document: Document
    sentences: tuple[Sentence, ...]
    spans: list[Span] = field(default_factory=list)
    readings: dict[int, Reading] = field(default_factory=dict)  # by span start

    @property
    def text(self) -> str:
        return self.document.text

    def add_spans(self, spans: Iterable[Span]) -> None:
        self.spans = sorted([*self.spans, *spans], key=lambda s: s.start)

    def keep_spans(self, spans: list[Span]) -> None:
        kept = {s.start for s in spans}
        self.readings = {start: r for start, r in self.readings.items() if start in kept}
        self.spans = sorted(spans, key=lambda s: s.start)

    def read(self, readings: Iterable[tuple[Span, Reading]]) -> None:
        """Take a resolver's readings; a span not yet in the parse replaces the spans it overlaps."""
        ends = {s.start: s.end for s in self.spans}    # no two spans start together (readings are by start);
        new: dict[int, Span] = {}                    # a set of 300,000 pairs took 30 ms to free in one call
        for span, reading in readings:
            if ends.get(span.start) != span.end:
                new[span.start] = span
            self.readings[span.start] = reading
        if new:
            self.keep_spans(_without_overlaps(self.spans, list(new.values())) + list(new.values()))


def _without_overlaps(spans: list[Span], new: list[Span]) -> list[Span]:
    """The ``spans`` that overlap none of ``new``, found by bisection: comparing every pair made a long log
    of dispatches quadratic."""
    new = sorted(new, key=lambda n: n.start)
    starts = [n.start for n in new]
    reach = list(itertools.accumulate((n.end for n in new), max))   # the furthest end among new[:i + 1]
    return [s for s in spans if (i := bisect.bisect_left(starts, s.end)) == 0 or reach[i - 1] <= s.start]


class SpanProposer(Protocol):
    def propose(self, parse: Parse) -> Iterable[Span]:
        """Spans that may name places (added to the parse's spans)."""
        ...


class SpanFilter(Protocol):
    def filter(self, parse: Parse) -> list[Span]:
        """The spans of the parse to keep."""
        ...


class SpanResolver(Protocol):
    def resolve(self, parse: Parse) -> Iterable[tuple[Span, Reading]]:
        """Readings for spans of the parse, or for new spans that replace the ones they overlap."""
        ...


Step = SpanProposer | SpanFilter | SpanResolver


def run_step(step: Step, parse: Parse) -> None:
    """Apply one step of whichever kind to ``parse`` (by its method: isinstance on a Protocol costs 5 %)."""
    if (propose := getattr(step, "propose", None)) is not None:
        parse.add_spans(propose(parse))
    elif (keep := getattr(step, "filter", None)) is not None:
        parse.keep_spans(keep(parse))
    elif (resolve := getattr(step, "resolve", None)) is not None:
        parse.read(resolve(parse))
    else:
        raise TypeError(f"{step!r} has none of propose(), filter(), resolve()")
