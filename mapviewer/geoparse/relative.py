"""Places given relative to another: "Yelyzavtivka, located about ten kilometers south of Kurakhove".

A village too small for the gazetteer is still placed: at the stated distance and bearing from the
place it is described against (geographiclib's geodesic on WGS84, as geopy's destination; importing
geopy itself would load its online geocoders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geographiclib.geodesic import Geodesic

from ..model import Place, Reading, Span
from ..text.normalize import fold
from .config import GeoparserConfig
from .steps import Parse

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
            "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12}
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}
_UNITS = {"km": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometre": 1.0,
          "miles": 1.609344, "mile": 1.609344, "mi": 1.609344}

# The name is matched case-sensitively (capitalised words only: "Moscow said Yelyzavtivka" is not one name);
# the rest of the phrase in any case ("About 10 KM south of").
RELATIVE = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w'’\-]+(?: [A-ZÀ-Þ][\w'’\-]+){0,3})(?i:,?\s+(?:(?:which is|is|was|located|situated|lying)\s+)*"
    r"(?:(?:about|some|around|roughly|approximately|nearly|almost|just|only|barely)\s+)?"
    r"(?P<number>\d+(?:\.\d+)?|" + "|".join(_NUMBERS) + r")[\s-]*"
    r"(?P<unit>" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\s+(?:to the\s+)?"
    r"(?P<bearing>(?:north|south)[\s-]?(?:east|west)|north|south|east|west)(?:ern)?\s+of\s+)")


@dataclass(frozen=True, slots=True)
class Relative:
    """``text[start:end]`` lies ``km`` away from the place named at ``anchor_start``, on ``bearing``."""

    start: int
    end: int
    text: str
    km: float
    bearing: float
    anchor_start: int


_CUE = re.compile(r"\b(?:km|kilomet(?:er|re)s?|miles?)\s+(?:to the\s+)?(?:north|south|east|west)", re.IGNORECASE)


def find_relative(text: str, lookback: int = 120) -> list[Relative]:
    """Every "X, N km <bearing> of" in ``text``, X searched up to ``lookback`` characters before the cue."""
    out = []
    for cue in _CUE.finditer(text):  # the full pattern only runs near a "N km south" cue: fast on any text
        m = None
        for lo in range(max(0, cue.start() - lookback), cue.start()):
            if text[lo].isupper() and (lo == 0 or not text[lo - 1].isalnum()):
                m = RELATIVE.match(text, lo, cue.end() + 40)
                if m:
                    break
        if m is None:
            continue
        number = m.group("number").lower()
        value = float(number) if number[0].isdigit() else float(_NUMBERS[number])
        bearing = _BEARINGS[re.sub(r"[\s-]", "", m.group("bearing").lower())]
        out.append(Relative(m.start("name"), m.end("name"), m.group("name"),
                            value * _UNITS[m.group("unit").lower()], bearing, m.end()))
    return out


def place_from(anchor: Place, rel: Relative, place_id: int) -> Place:
    """A place of its own at the stated distance and bearing from ``anchor``, numbered ``place_id`` in its
    document."""
    point = Geodesic.WGS84.Direct(anchor.lat, anchor.lon, rel.bearing, rel.km * 1000.0)
    region_id = anchor.region_id if anchor.kind == "city" else anchor.id if anchor.kind == "admin1" else None
    return Place(id=place_id, name=rel.text, kind="city", country=anchor.country, admin1=anchor.admin1,
                 region_id=region_id, lat=round(point["lat2"], 5), lon=round(point["lon2"], 5), population=0,
                 geonameid=None, feature="P.PPL", located_from=anchor.id)


class RelativePlaces:
    """A SpanResolver step: "X, 10 km south of Y" places X from Y's reading, replacing any gazetteer
    guess for X. Runs after the resolver, whose readings are the anchors."""

    def __init__(self, config: GeoparserConfig = GeoparserConfig()):
        self.config = config

    def resolve(self, parse: Parse) -> list[tuple[Span, Reading]]:
        located: dict[int, tuple[Span, Reading]] = {}
        for n, rel in enumerate(find_relative(parse.text, self.config.relative_lookback), 1):
            anchor = parse.readings.get(rel.anchor_start)
            if anchor is None or anchor.best is None:
                continue
            span = Span(rel.start, rel.end, rel.text, fold(rel.text), (), False, False)
            place = place_from(anchor.best, rel, place_id=n)
            located[rel.start] = (span, Reading((place,), (self.config.relative_confidence,), "literal"))
        return list(located.values())
