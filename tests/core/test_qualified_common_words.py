"""A town whose name is a common English word is found when a region or country that holds it follows
("Mobile, Alabama", "Nice, France", "Reading, Pa."): the qualifier is the evidence a locative would be
(geoparse/recognize.py ``_qualified``, with the relation of geoparse/qualifiers.py ``holds``). Without the
town, "Alabama" was read as a hamlet near Buffalo in a story about Buffalo, New York. And a list of names is a
list of regions only when one of them can be nothing else."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(("text", "kinds"), [
    ("Texas, Georgia and Florida voted.", ["admin1"] * 3),
    ("New York, New Jersey and Connecticut closed schools.", ["admin1"] * 3),
    ("Governors of Lagos, Ogun and Oyo met.", ["admin1"] * 3),
    # every name here is also a city inside the state named after it: a list of cities as much as of states
    ("Flooding hit São Paulo and Rio de Janeiro on Monday.", ["city"] * 2),
    ("Protests in Lagos and Kano continued.", ["city"] * 2),
])
def test_a_list_is_of_regions_when_one_name_can_only_be_a_region(geoparser, text, kinds):
    # geoparse/qualifiers.py: the list bonus needs one name that no town inside its region bears
    assert [m.place.kind for m in geoparser.analyse(Document(text)).mentions] == kinds
