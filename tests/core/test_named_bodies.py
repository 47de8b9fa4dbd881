"""A town's name that opens a team's or a body's name ("the Portland Trail Blazers") leans to the best-known
town of that name even when the rest of the story lies near a smaller namesake (geoparse/resolve.py); a
local body of a town near the story keeps its town, and a name that goes on as a place's own name
("Washington Township") is no body's. And in a sports story, "Wales" stays the country."""

from __future__ import annotations

from mapviewer.model import Document


def places(geoparser, text, name):
    found = {m.place for m in geoparser.analyse(Document(text)).mentions if m.text == name}
    assert len(found) == 1, found
    return found.pop()


def test_a_team_named_after_a_far_city_is_that_city(geoparser):
    # Portland, Texas lies near Corpus Christi; the Trail Blazers play in Portland, Oregon.
    text = ("HOUSTON (AP) - James Harden scored 31 points as the Houston Rockets beat the Portland Trail Blazers "
            "112-104 on Monday night. In San Antonio, the Spurs lost to Dallas. The Rockets play Portland again "
            "on Friday.")
    assert places(geoparser, text, "Portland").admin1 == "OR"


def test_a_local_body_of_a_nearby_town_keeps_its_town(geoparser):
    text = ("Dallas police and Fort Worth firefighters responded. The Red Oak Police Department said the road "
            "near Waxahachie would stay closed.")
    assert places(geoparser, text, "Red Oak").admin1 == "TX"


def test_a_place_name_that_goes_on_is_no_body(geoparser):
    # "Washington Township" is a township the gazetteer lacks: the capital is a guess, not a sure reading.
    text = "Voters in Paterson and Hackensack, New Jersey, and in Washington Township cast ballots on Tuesday."
    (m,) = [m for m in geoparser.analyse(Document(text)).mentions if m.text == "Washington"]
    assert m.confidence < 0.9


def test_a_town_before_city_that_the_gazetteer_lacks_names_a_team(geoparser):
    # "Kansas City" is a name of its own; "Manchester City" is a team of the best-known Manchester
    text = "Manchester City drew with Bayern Munich, and the Golden State Warriors beat the Atlanta Hawks."
    assert places(geoparser, text, "Manchester").country == "GB"
    assert places(geoparser, "Fans flew home to Kansas City, Missouri.", "Kansas City").admin1 == "MO"


def test_a_region_is_not_beaten_by_a_village_of_its_name_in_a_story_about_its_country(geoparser):
    # Wales, a village near Sheffield, lies in England like the story's towns; that says nothing against Wales.
    text = ("Manchester United beat Liverpool at Old Trafford, while Chelsea drew with Newcastle. Arsenal travelled "
            "to Brighton. Tottenham's new stadium in north London hosted the Wales game.")
    place = places(geoparser, text, "Wales")
    assert place.kind == "admin1" and place.country == "GB"
