"""Weather and shipping news: a storm's name is no place ("Hurricane Florence" is neither Hurricane, Utah,
nor Florence, Italy: geoparse/cues.py STORM_WORDS), and "the Gulf" is the gulf the story's towns lie by
(gazetteer/aliases.py SEA_SHORT_NAMES; a sea's or river's readings are supported by the story's towns near
its label point, geoparse/resolve.py); a sea's short name is never another feature's own name."""

from __future__ import annotations

from mapviewer.model import Document


def read(geoparser, text):
    return [(m.text, m.place.name, m.place.kind) for m in geoparser.analyse(Document(text)).mentions]


def test_a_storm_and_its_name_are_no_places(geoparser):
    text = ("Hurricane Florence made landfall near Wilmington, North Carolina, and Tropical Storm Alberto closed "
            "roads in Galveston. Typhoon Haiyan devastated Tacloban in the Philippines; Cyclone Idai hit Beira.")
    names = [name for name, _, _ in read(geoparser, text)]
    assert names == ["Wilmington", "North Carolina", "Galveston", "Tacloban", "Philippines", "Beira"]


def test_a_town_named_like_a_storm_is_still_a_town(geoparser):
    assert ("Hurricane", "Hurricane", "city") in read(geoparser, "The town of Hurricane, Utah, was spared.")
    # a storm's word written small is no storm's name
    assert ("Houston", "Houston", "city") in read(geoparser, "After the storm Houston residents cleaned up.")


def test_the_gulf_is_the_one_the_story_is_by(geoparser):
    us = ("Hurricane Ida strengthened over the Gulf on Saturday as residents of New Orleans and Houston boarded "
          "up homes. Oil rigs in the Gulf were evacuated.")
    arabia = ("Saudi Arabia and the United Arab Emirates said on Sunday that security in the Gulf was their "
              "priority. Iran denied involvement, and Kuwait protested.")
    assert {place for name, place, _ in read(geoparser, us) if name == "Gulf"} == {"Gulf of Mexico"}
    assert {place for name, place, _ in read(geoparser, arabia) if name == "Gulf"} == {"Persian Gulf"}


def test_a_seas_short_name_is_not_another_features_own_name(geoparser):
    # "the Mediterranean" is the sea, but "Java" is the island, not the Java Sea (gazetteer/features.py)
    found = read(geoparser, "A volcano erupted on Java, and ships in the Java Sea and the Mediterranean were warned.")
    assert found == [("Java", "Java", "island"), ("Java Sea", "Java Sea", "sea"),
                     ("Mediterranean", "Mediterranean Sea", "sea")]


def test_a_river_after_the_is_the_river_not_a_town_of_its_name(geoparser):
    # Elbe is also a village in Lower Saxony, and the story's German places supported it
    text = "Floods hit Bavaria and Saxony, where the Elbe burst its banks near Dresden."
    (elbe,) = [m.place for m in geoparser.analyse(Document(text)).mentions if m.text == "Elbe"]
    assert elbe.kind == "river"
    # a body's name after "the" is no river's: "the Winnipeg Free Press" keeps the city
    text = "Flooding closed roads, the Winnipeg Free Press reported from Manitoba."
    (winnipeg,) = [m.place for m in geoparser.analyse(Document(text)).mentions if m.text == "Winnipeg"]
    assert winnipeg.kind == "city"
