"""How likely a place is to be meant before any context: one prior for the geocoder and the geoparser, and
how a looked-up name's candidates rank (the geocoder and the window's search; geopy is not needed for it)."""

from __future__ import annotations

import math

from ..model import NameMatch, Place
from .schema import COUNTRY_INFO, NATURAL_EARTH, PRIMARY

# Region and county populations are sums of their towns, so they are weighed down against their own
# capitals. Physical features have no population: a fixed prior each, seas above the towns that share a
# name, rivers, lakes, islands and landforms about a town of 100,000 (weaker than a country, a state or
# a big city called the same: "Jordan", "Ohio", "Columbia"). World regions sum their countries.
KIND_WEIGHT = {"continent": 2.0, "country": 2.0, "admin1": -1.0, "city": 0.0, "county": -1.0,
               "sea": 6.5, "lake": 5.0, "river": 5.0, "island": 5.0, "landform": 5.0, "area": 5.5,
               "macroregion": 0.0}


# A country is named in the news far beyond its population (the Vatican, Greenland, the Falklands): its prior
# is at least that of a country of this many people.
COUNTRY_MIN_POPULATION = 1_000_000

# Feature codes that weigh more than their kind: capitals, and oceans (the Atlantic over Atlantic, Iowa).
FEATURE_WEIGHT = {"P.PPLC": 1.0, "H.OCN": 2.0}


def importance(place: Place) -> float:
    """Prior weight of a place: bigger and higher-level places are mentioned more often."""
    population = max(place.population, COUNTRY_MIN_POPULATION) if place.kind == "country" else place.population
    return (math.log10(population + 1) + KIND_WEIGHT.get(place.kind, 0.0)
            + FEATURE_WEIGHT.get(place.feature, 0.0))


# A misspelling or transliteration must be at least this close (rapidfuzz ratio, 0-100).
MIN_SIMILARITY = 72.0
PRIMARY_NAME_BONUS = 1.0


def _name_bonus(match: NameMatch | None) -> float:
    """A place's own name beats the same word listed as another place's alternate name."""
    return PRIMARY_NAME_BONUS if match is not None and match.source in (PRIMARY, COUNTRY_INFO, NATURAL_EARTH) else 0.0


def match_score(place: Place, match: NameMatch | None, similarity: float) -> float:
    """How good a place is as the meaning of a looked-up name: spelling first, then importance."""
    return 10 * similarity + importance(place) + _name_bonus(match)
