"""How likely a place is to be meant before any context: one prior for the geocoder and the geoparser."""

from __future__ import annotations

import math

from ..model import Place

# Region and county populations are sums of their towns, so they are weighed down against their own
# capitals. Physical features have no population: a fixed prior each, seas above the towns that share a
# name, rivers, lakes, islands and landforms about a town of 100,000 (weaker than a country, a state or
# a big city called the same: "Jordan", "Ohio", "Columbia"). World regions sum their countries.
KIND_WEIGHT = {"continent": 2.0, "country": 2.0, "admin1": -1.0, "city": 0.0, "county": -1.0,
               "sea": 6.5, "lake": 5.0, "river": 5.0, "island": 5.0, "landform": 5.0, "area": 5.5,
               "macroregion": 0.0}


# Feature codes that weigh more than their kind: capitals, and oceans (the Atlantic over Atlantic, Iowa).
FEATURE_WEIGHT = {"P.PPLC": 1.0, "H.OCN": 2.0}


def importance(place: Place) -> float:
    """Prior weight of a place: bigger and higher-level places are mentioned more often."""
    return (math.log10(place.population + 1) + KIND_WEIGHT.get(place.kind, 0.0)
            + FEATURE_WEIGHT.get(place.feature, 0.0))
