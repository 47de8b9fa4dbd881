"""The measuring tool's distance: the WGS84 geodesic, in km and miles."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from mapviewer.geodesy import distance_text, geodesic_km, great_circle_km


def test_a_degree_of_latitude_at_the_equator_and_at_the_pole():
    assert geodesic_km(0, 0, 1, 0) == pytest.approx(110.574, abs=0.001)
    assert geodesic_km(89, 0, 90, 0) == pytest.approx(111.694, abs=0.001)


def test_agrees_with_geopy_and_differs_from_the_sphere():
    kurakhove, pokrovsk = (47.9836, 37.2826), (48.2820, 37.1758)
    km = geodesic_km(*kurakhove, *pokrovsk)
    assert km == pytest.approx(geodesic(kurakhove, pokrovsk).km, rel=1e-9)
    assert 30 < km < 40
    paris, london = (48.8566, 2.3522), (51.5074, -0.1278)
    assert abs(geodesic_km(*paris, *london) - float(great_circle_km(*paris, *london))) > 0.2


def test_distance_text():
    assert distance_text(10.0) == "10 km · 6.21 mi"
    assert distance_text(0.5) == "0.50 km · 0.31 mi"
    assert distance_text(1234.5) == "1,234 km · 767 mi"
