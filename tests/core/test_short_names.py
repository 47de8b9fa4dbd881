"""How news shortens the names of places called after two parts or a generic word (gazetteer/build.py,
gazetteer/features.py), on the real gazetteer: "Bosnia", "Trinidad", "St Kitts", "Newfoundland"; "West
Darfur" for "Western Darfur"; "the Gobi", "the Falklands", "the Kurils"; and capes, reefs and waterfalls from
Natural Earth. The short name must never take what another place or a common word owns. And a demonym that
several countries share ("French") is the largest's; a small country named alone is no guess."""

from __future__ import annotations

import pytest

from mapviewer.model import Document
from mapviewer.text.normalize import fold


def kinds(store, name):
    return [(m.place.kind, m.place.country) for m in store.by_name(fold(name))]


@pytest.mark.parametrize("name, kind, country", [
    ("Bosnia", "country", "BA"), ("Trinidad", "country", "TT"), ("St Kitts", "country", "KN"),
    ("St. Kitts", "country", "KN"), ("Saint Kitts", "country", "KN"), ("Newfoundland", "admin1", "CA"),
    ("Falklands", "country", "FK"), ("Faroes", "country", "FO"), ("Gobi", "landform", None),
    ("Kurils", "island", None), ("Spratlys", "island", None), ("Cape Cod", "landform", "US"),
    ("Great Barrier Reef", "landform", None), ("Cape of Good Hope", "landform", "ZA"),
    ("West Darfur", "admin1", "SD"), ("South Kordofan", "admin1", "SD"),      # "Western Darfur", "Southern …"
    ("North Kivu", "admin1", "CD"), ("South Ubangi", "admin1", "CD"),          # "Nord Kivu", "Sud-Ubangi"
    ("Carpathians", "landform", None), ("Rockies", "landform", "US"), ("Bosphorus", "sea", None),
])
def test_a_short_name_finds_its_place(store, name, kind, country):
    assert any(k == kind and (country is None or c == country) for k, c in kinds(store, name))


def test_a_short_name_takes_nothing_that_is_another_places_or_a_word(store):
    assert ("country", "TC") not in kinds(store, "Turks")              # Turks and Caicos: the demonym of Turkey
    assert ("admin1", "IN") not in kinds(store, "Jammu")               # the town, not Jammu and Kashmir
    assert not any(kind == "admin1" for kind, country in kinds(store, "Central") if country == "HK")
    assert not any(kind == "landform" for kind, _ in kinds(store, "Arabian"))    # an adjective, no desert
    assert not any(kind == "island" for kind, _ in kinds(store, "Cooks"))       # a common word's plural
    # a country of 6,000 people does not hide a town of 80,000 (Saint-Pierre, Réunion)
    assert ("country", "PM") not in kinds(store, "Saint Pierre")


def test_short_names_in_an_article(geoparser):
    text = ("Peacekeepers left Bosnia in 2004. Carnival in Trinidad drew tourists from St Kitts and from "
            "Newfoundland. Fishing boats around the Falklands and the Kurils were stopped.")
    found = {m.text: m.place for m in geoparser.analyse(Document(text)).mentions}
    assert found["Bosnia"].country == "BA"
    assert found["Trinidad"].country == "TT"
    assert found["St Kitts"].country == "KN"
    assert found["Newfoundland"].name == "Newfoundland and Labrador"
    assert found["Falklands"].country == "FK"
    assert found["Kurils"].kind == "island"


def test_a_shared_demonym_means_the_largest_country(store):
    assert [c for kind, c in kinds(store, "French") if kind == "country"] == ["FR"]       # not Réunion, Mayotte
    assert [c for kind, c in kinds(store, "American") if kind == "country"] == ["US"]     # not the N. Marianas
    assert [c for kind, c in kinds(store, "Indian") if kind == "country"] == ["IN"]


def test_a_small_country_named_alone_is_no_guess(geoparser):
    # A country's prior is at least a country of a million people's (gazetteer/ranking.py): before, the
    # Falklands (2,600 people) named alone were 22 % sure and shown as uncertain.
    text = "Fishing boats near the Falklands were stopped, and ships left Greenland and Monaco."
    found = {m.text: m for m in geoparser.analyse(Document(text)).mentions}
    for name in ("Falklands", "Greenland", "Monaco"):
        assert found[name].place.kind == "country" and found[name].confidence > 0.5, found[name]


def test_a_town_goes_by_its_name_without_its_river_or_region(store, geoparser):
    # GeoNames names "Frankfurt am Main", "Frankfurt (Oder)", "Halle (Saale)": "Frankfurt" is their own
    # name, and the larger is meant, as sure as a city's own name makes it.
    from mapviewer.gazetteer.schema import PRIMARY
    from mapviewer.places import UNCERTAIN

    own = {m.place.name for m in store.by_name("frankfurt") if m.source == PRIMARY}
    assert {"Frankfurt am Main", "Frankfurt (Oder)"} <= own
    assert "Halle (Saale)" in {m.place.name for m in store.by_name("halle") if m.source == PRIMARY}
    (m,) = geoparser.analyse(Document("Flights from Frankfurt were cancelled.")).mentions
    assert m.place.name == "Frankfurt am Main" and m.confidence >= UNCERTAIN
