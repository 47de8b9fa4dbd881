"""The two articles of issue 11, written to try the geoparser on what news names beyond towns: seas,
rivers, counties, world regions, qualified names ("Athens, Georgia") and a person named like a place.

Every place named in them should be found and placed right, and nothing else found. Each expected place
is one test; those the geoparser does not get yet are marked xfail with the reason, so the file says
honestly what holds.
"""

from __future__ import annotations

import pytest
from geopy.distance import great_circle

from mapviewer.model import Document

EUROPE = ("Wildfires forced thousands to flee across southern Europe on Monday. In Greece, firefighters "
          "battled flames near Athens and on the island of Rhodes, while in Spain the blaze spread through the "
          "province of Valencia. Turkish authorities evacuated villages near Antalya. The Mediterranean heatwave "
          "is expected to move east toward the Middle East by Thursday, forecasters at the Met Office in Exeter "
          "said. Ships in the Aegean Sea were told to keep clear of the coast of Crete. The Danube and the Rhine "
          "are at record lows, disrupting barge traffic between Rotterdam and Basel. \"It's a catastrophe,\" said "
          "George Washington, a farmer near Florence, Alabama, where the drought has also hit cotton fields along "
          "the Tennessee River.")
HOUSTON = ("HOUSTON (Reuters) - Flooding from Tropical Storm Alberto closed highways across Harris County and "
           "Galveston on Wednesday. Officials in Fort Bend County ordered evacuations along the Brazos River. "
           "Paris, Texas, about 300 miles to the north, was spared, and so was Athens, Georgia. The Gulf of Mexico "
           "remains unusually warm.")

# (article, written as, kind, a point the place must be within 161 km of)
EXPECTED = [
    (EUROPE, "Europe", "continent", (48.7, 9.1)),  # GeoNames' point of Europe
    (EUROPE, "Greece", "country", (39.0, 22.0)),
    (EUROPE, "Athens", "city", (37.98, 23.73)),
    (EUROPE, "Rhodes", "island", (36.2, 28.0)),
    (EUROPE, "Spain", "country", (40.0, -4.0)),
    (EUROPE, "Valencia", "admin1", (39.4, -0.6)),
    (EUROPE, "Turkish", "country", (39.0, 35.0)),
    (EUROPE, "Antalya", "city", (36.9, 30.7)),
    (EUROPE, "Mediterranean", "sea", (36.0, 16.0)),
    (EUROPE, "Middle East", "macroregion", (29.0, 42.0)),
    (EUROPE, "Exeter", "city", (50.72, -3.53)),
    (EUROPE, "Aegean Sea", "sea", (38.5, 25.0)),
    (EUROPE, "Crete", "admin1 island", (35.2, 24.9)),  # the island and the region are one
    (EUROPE, "Danube", "river", (45.0, 21.0)),
    (EUROPE, "Rhine", "river", (49.5, 8.0)),
    (EUROPE, "Rotterdam", "city", (51.92, 4.48)),
    (EUROPE, "Basel", "city", (47.56, 7.59)),
    (EUROPE, "Florence", "city", (34.80, -87.68)),
    (EUROPE, "Alabama", "admin1", (32.8, -86.8)),
    (EUROPE, "Tennessee River", "river", (35.0, -87.0)),
    (HOUSTON, "HOUSTON", "city", (29.76, -95.36)),
    (HOUSTON, "Harris County", "county", (29.86, -95.39)),
    (HOUSTON, "Galveston", "city", (29.30, -94.80)),
    (HOUSTON, "Fort Bend County", "county", (29.53, -95.77)),
    (HOUSTON, "Brazos River", "river", (30.5, -96.5)),
    (HOUSTON, "Paris", "city", (33.66, -95.56)),
    (HOUSTON, "Texas", "admin1", (31.3, -99.3)),
    (HOUSTON, "Athens", "city", (33.96, -83.38)),
    (HOUSTON, "Georgia", "admin1", (32.7, -83.4)),
    (HOUSTON, "Gulf of Mexico", "sea", (25.0, -90.0)),
]
# Places whose point is a long feature's: a river's point is the middle of its line, so the 161 km test
# is for the line as a whole, not one town on it.
LONG = {"Danube": 700, "Rhine": 400, "Tennessee River": 400, "Brazos River": 400, "Mediterranean": 1500,
        "Middle East": 1500, "Gulf of Mexico": 500, "Aegean Sea": 300}


@pytest.fixture(scope="module")
def analyses(geoparser):
    return {text: geoparser.analyse(Document(text)) for text in (EUROPE, HOUSTON)}


@pytest.mark.parametrize(("article", "surface", "kind", "point"), EXPECTED,
                         ids=[f"{a[:7]}-{s}" for a, s, _, _ in EXPECTED])
def test_place_found_and_placed(analyses, article, surface, kind, point):
    found = [m for m in analyses[article].mentions if m.text == surface]
    assert found, f"{surface!r} not found"
    for m in found:
        assert m.place.kind in kind.split(), (surface, m.place)
        assert great_circle(point, (m.place.lat, m.place.lon)).km <= LONG.get(surface, 161), (surface, m.place)


@pytest.mark.parametrize("article", [EUROPE, HOUSTON], ids=["europe", "houston"])
def test_nothing_false(analyses, article):
    expected = {s for a, s, _, _ in EXPECTED if a == article}
    assert {m.text for m in analyses[article].mentions} <= expected


def test_a_person_named_like_a_place_is_no_place(analyses):
    assert "Washington" not in {m.text for m in analyses[EUROPE].mentions}
