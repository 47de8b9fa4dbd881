"""How likely a place is to be meant before any context: one prior for the geocoder and the geoparser."""

from __future__ import annotations

import math

from ..model import Place

# Region populations are sums of their towns, so regions are weighed down against their own capitals.
KIND_WEIGHT = {"continent": 2.0, "country": 2.0, "admin1": -1.0, "city": 0.0}


def importance(place: Place) -> float:
    """Prior weight of a place: bigger and higher-level places are mentioned more often."""
    capital = 1.0 if place.feature == "P.PPLC" else 0.0
    return math.log10(place.population + 1) + KIND_WEIGHT.get(place.kind, 0.0) + capital
