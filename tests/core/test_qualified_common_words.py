"""A town whose name is a common English word is found when a region or country that holds it follows
("Mobile, Alabama", "Nice, France", "Reading, Pa."): the qualifier is the evidence a locative would be
(geoparse/recognize.py ``_qualified``, with the relation of geoparse/qualifiers.py ``holds``). Without the
town, "Alabama" was read as a hamlet near Buffalo in a story about Buffalo, New York."""

from __future__ import annotations

from mapviewer.model import Document


def read(geoparser, text):
    return {m.text: m.place for m in geoparser.analyse(Document(text)).mentions}


def test_a_common_word_before_its_state_or_country_is_the_town(geoparser):
    found = read(geoparser, "Police in Mobile, Alabama, arrested two men. A storm hit Buffalo, New York. "
                            "In Nice, France, tourists returned to the beaches. Reading, Pa., lost power.")
    assert (found["Mobile"].name, found["Mobile"].admin1) == ("Mobile", "AL")
    assert found["Alabama"].kind == "admin1"
    assert (found["Nice"].name, found["Nice"].country) == ("Nice", "FR")
    assert (found["Reading"].country, found["Reading"].admin1) == ("US", "PA")


def test_the_same_words_without_a_qualifier_are_words(geoparser):
    found = read(geoparser, "Sales of mobile phones were nice. Mobile Phones Ltd said Reading was up in Texas.")
    assert set(found) == {"Texas"}
