"""The sample article in seeds/: every place found and placed right, nothing false."""

from __future__ import annotations

import pytest
from geopy.distance import great_circle

EXPECTED = [  # (written as, gazetteer name, kind, country)
    ("Ukraine", "Ukraine", "country", "UA"),
    ("Russia", "Russia", "country", "RU"),
    ("Kyiv", "Kyiv", "city", "UA"),
    ("Kursk region", "Kursk Oblast", "admin1", "RU"),
    ("Donetsk", "Donetsk", "admin1", "UA"),
    ("Lugansk", "Luhansk", "admin1", "UA"),
    ("Zaporizhia", "Zaporizhzhia", "admin1", "UA"),
    ("Kherson", "Kherson", "admin1", "UA"),
    ("Crimea", "Crimea", "admin1", "UA"),
    ("Florida", "Florida", "admin1", "US"),
    ("Pokrovsk", "Pokrovsk", "city", "UA"),
    ("Koupiansk", "Kupyansk", "city", "UA"),
    ("Kurakhové", "Kurakhove", "city", "UA"),
    ("Kourakhové", "Kurakhove", "city", "UA"),
    ("Avdiïvka", "Avdiyivka", "city", "UA"),
    ("Vougledar", "Vuhledar", "city", "UA"),
    ("North Korean", "North Korea", "country", "KP"),
    ("American", "United States", "country", "US"),
    ("Polish", "Poland", "country", "PL"),
    ("Europe", "Europe", "continent", None),
]


def mentions_of(analysis, surface):
    return [m for m in analysis.mentions if m.text == surface]


@pytest.mark.parametrize(("surface", "name", "kind", "country"), EXPECTED)
def test_place_found_and_placed(seed_analysis, surface, name, kind, country):
    found = mentions_of(seed_analysis, surface)
    assert found, f"{surface!r} not found"
    for m in found:
        assert (m.place.name, m.place.kind, m.place.country) == (name, kind, country)


def test_washington_is_the_capital_not_the_state(seed_analysis):
    (m,) = mentions_of(seed_analysis, "Washington")
    assert m.place.kind == "city" and m.place.country == "US"
    assert great_circle((m.place.lat, m.place.lon), (38.895, -77.036)).km < 20


def test_pokrovsk_is_the_town_in_donetsk_oblast(seed_analysis, store):
    (m,) = mentions_of(seed_analysis, "Pokrovsk")
    assert store.region(m.place).name == "Donetsk"


def test_region_phrases_are_regions(seed_analysis):
    kursk = mentions_of(seed_analysis, "Kursk")
    assert kursk and all(m.place.kind == "admin1" for m in kursk)


@pytest.mark.parametrize("word", ["Donald", "Trump", "Vladimir", "Putin", "Volodymyr", "Zelensky", "Beloussov",
                                  "NATO", "Monday", "October", "But", "The", "West", "Western", "Saturday",
                                  "January", "Ministry", "Mr"])
def test_no_false_places(seed_analysis, word):
    assert not [m for m in seed_analysis.mentions if word in m.text.split()], word


def test_eu_is_never_the_french_town(seed_analysis):
    for m in mentions_of(seed_analysis, "EU"):
        assert m.place.country != "FR"


def test_mentions_point_into_the_text_and_their_sentence(seed_analysis):
    text = seed_analysis.document.text
    for m in seed_analysis.mentions:
        assert text[m.start:m.end] == m.text
        s = seed_analysis.sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end
        assert 0 < m.confidence <= 1
        assert m.alternatives[0].place == m.place


def test_kinds_of_mentions(seed_analysis):
    assert {m.kind for m in mentions_of(seed_analysis, "Ukrainian")} == {"adjective"}
    assert {m.kind for m in mentions_of(seed_analysis, "Kremlin")} == {"metonym"}
    assert {m.kind for m in mentions_of(seed_analysis, "Crimea")} == {"literal"}


def test_yelyzavtivka_ten_km_south_of_kurakhove(seed_analysis):
    (kurakhove,) = {m.place for m in mentions_of(seed_analysis, "Kourakhové")}
    (m,) = mentions_of(seed_analysis, "Yelyzavtivka")
    distance = great_circle((m.place.lat, m.place.lon), (kurakhove.lat, kurakhove.lon)).km
    assert 7 <= distance <= 13
    assert m.place.lat < kurakhove.lat
