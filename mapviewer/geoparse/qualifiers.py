"""What neighbouring names say about each other before any other context.

- A qualifier: "Athens, Georgia", "Paris, Texas", "Edmonton, Ky.", "Harris County, Texas" — a name, a
  comma, then a region or country — or the region or country first, with "'s": "Chile's Valparaiso". The
  name means a place inside the region or country, and that one means the region or country that holds one
  of the name's places.
- A list: "Texas, Georgia and Florida" — names joined by commas and "and"/"or" are of one kind: a list whose
  every name may be a region of one country is read as regions of that country, and a list of counties
  ("Allamakee County, Dallas County and Plymouth County") as counties of one state where they can be.
- A town cue: "the city of Turkey", "the town of Paris": the name is a town's.
- An article: "the Elbe", "the Peace River": a name after "the" is a river's or a lake's more than a
  town's (the Elbe, not Elbe, Lower Saxony), unless a capitalised word goes on with it ("the Winnipeg Free
  Press"). Seas, landforms and regions are left to the rest: their "the" also opens noun modifiers ("the
  Florida season"), and they are found without it.

Each gives prior bonuses (GeoparserConfig.w_qualifier, w_list, w_region_cue; half of it for the article) to
readings of a name; the resolver adds them before it weighs the rest of the document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from ..model import Place, Span

_QUALIFIER_GAP = ", "
# A possessive between two names: "Chile's Valparaiso" (and, inside one name, "Martha's Vineyard").
POSSESSIVE_GAPS = frozenset({"'s ", "’s "})
_TOWN_OF = re.compile(r"\b(?:[Cc]ity|[Tt]own|[Vv]illage) of $")
_ARTICLE = re.compile(r"\b[Tt]he $")
_NAME_GOES_ON = re.compile(r" [A-Z]")     # "the Winnipeg Free Press", "the Florida Panthers": a body's name
ARTICLE_KINDS = frozenset({"river", "lake"})
LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or "})


def holds(holder: Place, place: Place) -> bool:
    """Is ``place`` inside ``holder``, a region or a country: what makes "Athens, Georgia" a qualifier."""
    return (holder.kind == "admin1" and place.region_id == holder.id) or (
        holder.kind == "country" and place.country == holder.country and place.kind != "country")


def _only_a_region(span: Span, country: str | None) -> bool:
    """Does ``span`` name a region of ``country`` that has no town of that name inside it?"""
    regions = {p.id for p in _places(span) if p.kind == "admin1" and p.country == country}
    return bool(regions) and not any(p.kind == "city" and p.region_id in regions for p in _places(span))


def _places(span: Span) -> list[Place]:
    return [m.place for m in span.matches]


def neighbour_bonuses(text: str, spans: list[Span], w_qualifier: float, w_list: float,
                      w_cue: float) -> dict[str, dict[int, float]]:
    """Bonus per name (folded key) and place id, from the names and words right beside it."""
    bonus: dict[str, dict[int, float]] = defaultdict(dict)

    def give(key: str, place_id: int, value: float) -> None:
        bonus[key][place_id] = max(bonus[key].get(place_id, 0.0), value)

    for a, b in pairwise(spans):
        gap = text[a.end:b.start]
        if gap == _QUALIFIER_GAP:
            held, holder = a, b
        elif gap in POSSESSIVE_GAPS:
            held, holder = b, a          # "Chile's Valparaiso", "Russia's Kursk region"
        else:
            continue
        holders = {p.id: p for p in _places(holder) if p.kind in ("admin1", "country")}
        for p in _places(held):
            for h in holders.values():
                if holds(h, p):
                    give(held.key, p.id, w_qualifier)
                    give(holder.key, h.id, w_qualifier)
    for members in _lists(text, spans):
        # Regions of one country only when every name of the list may be one: "Washington, New York and
        # Boston" is a list of cities.
        countries = set.intersection(*({p.country for p in _places(s) if p.kind == "admin1"} for s in members))
        # ... and when one of them can be nothing but a region there: "São Paulo and Rio de Janeiro", "Lagos and
        # Kano" name cities as much as the states named after them, "New York, New Jersey and Connecticut" states.
        countries = {c for c in countries if any(_only_a_region(s, c) for s in members)}
        for country in countries:
            for span in members:
                for p in _places(span):
                    if p.kind == "admin1" and p.country == country:
                        give(span.key, p.id, w_list)
        states = set.intersection(*({p.region_id for p in _places(s) if p.kind == "county"} for s in members))
        for span in members:
            for p in _places(span):
                if p.kind == "county" and p.region_id in states:
                    give(span.key, p.id, w_list)
    for span in spans:
        if _TOWN_OF.search(text, max(0, span.start - 12), span.start):
            for p in _places(span):
                if p.kind == "city":
                    give(span.key, p.id, w_cue)
        elif _ARTICLE.search(text, max(0, span.start - 4), span.start) and not _NAME_GOES_ON.match(text, span.end):
            for p in _places(span):
                if p.kind in ARTICLE_KINDS:
                    give(span.key, p.id, w_cue / 2)
    return bonus


def _lists(text: str, spans: list[Span]) -> list[list[Span]]:
    """Runs of two or more names joined by commas, "and", "or"."""
    runs: list[list[Span]] = []
    for a, b in pairwise(spans):
        if text[a.end:b.start] not in LIST_GAPS:
            continue
        if runs and runs[-1][-1] is a:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    return runs
