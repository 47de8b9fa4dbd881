"""A mention's confidence is its chance of naming a place placed right; and two recognition fixes found
while measuring it (a place in a list of places, a relative place's name matched case-sensitively)."""

from __future__ import annotations

from mapviewer.geoparse.relative import find_relative
from mapviewer.model import Document


def mention(geoparser, text, name):
    (m,) = [m for m in geoparser.analyse(Document(text)).mentions if m.text == name]
    return m


def test_people_named_after_a_country_are_less_sure_a_place_than_the_country(geoparser):
    text = "Many Americans travel at Thanksgiving. Flights across the United States were full."
    people = mention(geoparser, text, "Americans")
    country = mention(geoparser, text, "United States")
    assert people.place == country.place
    assert people.confidence < 0.9 <= country.confidence


def test_a_place_inside_an_organisation_name_is_less_sure_than_the_same_place_alone(geoparser):
    inside = mention(geoparser, "She spoke to the Alberta Liquor Store Association on Monday.", "Alberta")
    alone = mention(geoparser, "She spoke to shop owners in Alberta on Monday.", "Alberta")
    assert inside.place == alone.place
    assert inside.confidence < alone.confidence


def test_confidences_stay_probabilities_with_the_chosen_place_first(geoparser):
    text = ("Americans in Paris, Texas, and Athens, Georgia, watched; the Alberta Liquor Store Association "
            "and Moscow said so. Storms hit Columbus, Richmond and Jacksonville.")
    for m in geoparser.analyse(Document(text)).mentions:
        scores = [c.score for c in m.alternatives]
        assert 0.0 < m.confidence == scores[0] < 1.0
        assert scores == sorted(scores, reverse=True) and sum(scores) <= 1.0001


def test_a_name_listed_after_places_is_a_place_though_also_a_surname(geoparser):
    text = "Storms hit Columbus, Richmond and Jacksonville on Monday."
    assert {m.text for m in geoparser.analyse(Document(text)).mentions} >= {"Columbus", "Richmond", "Jacksonville"}


def test_a_relative_place_is_named_by_capitalised_words_only():
    text = "Moscow said Yelyzavtivka, located about ten kilometers south of Kurakhove, had fallen."
    (rel,) = find_relative(text)
    assert rel.text == "Yelyzavtivka" and round(rel.km) == 10 and rel.bearing == 180
