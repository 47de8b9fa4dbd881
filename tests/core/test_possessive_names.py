"""Names written with an apostrophe-s are read whole (geoparse/recognize.py): inside a name ("the Democratic
People's Republic of Korea") and at its end ("St. John's"). A possessive is still no part of a name:
"William's" is not Williams, Arizona. So are names with lower-case words inside ("Dar es Salaam"). And what
stands between a title and a place is a person's name ("President Xi Jinping")."""

from __future__ import annotations

from mapviewer.model import Document


def mentions(geoparser, text):
    return {m.text: m.place for m in geoparser.analyse(Document(text)).mentions}


def test_a_possessive_inside_a_name_is_part_of_it(geoparser):
    found = mentions(geoparser, "The threat facing the Democratic People's Republic of Korea (DPRK) has grown.")
    assert list(found) == ["Democratic People's Republic of Korea"]
    assert found["Democratic People's Republic of Korea"].country == "KP"   # not "Republic of Korea", the South


def test_a_name_that_ends_in_apostrophe_s(geoparser):
    found = mentions(geoparser, "Officials in Newfoundland and Labrador said the storm hit St. John's on Monday.")
    assert found["St. John's"].country == "CA"
    found = mentions(geoparser, "He lives in St. John’s, Antigua, near the harbour.")
    assert found["St. John’s"].country == "AG"


def test_a_possessive_is_no_part_of_a_name(geoparser):
    found = mentions(geoparser, "Prince William's visit to Phoenix and Tucson drew crowds. Roger's farm is in "
                                "Arizona.")
    assert not any("William" in text or "Roger" in text for text in found)
    assert found["Phoenix"].admin1 == "AZ"
    found = mentions(geoparser, "Russia's army and Britain's navy met off Norway's coast.")
    assert set(found) == {"Russia", "Britain", "Norway"}


def test_lower_case_words_inside_names(geoparser):
    # "Dar es Salaam" was "Dar", read as Dara, Senegal
    found = mentions(geoparser, "In Tanzania, Dar es Salaam was hit. Fans in Bergen op Zoom cheered; Sidi bel Abbes "
                                "is in Algeria.")
    assert found["Dar es Salaam"].country == "TZ"
    assert found["Bergen op Zoom"].country == "NL"
    assert found["Sidi bel Abbes"].country == "DZ"


def test_a_country_with_apostrophe_s_qualifies_the_next_name(geoparser):
    # A story about Colombia: without the qualifier, "Valparaiso" was Valparaíso, Colombia (5 % of Chile's size)
    text = ("BOGOTA, Colombia (Reuters) - Colombian troops clashed with rebels in Cauca province near the border "
            "with Ecuador, while in Venezuela, President Nicolas Maduro visited Maracaibo. Peru's capital Lima and "
            "Chile's Valparaiso saw protests.")
    assert mentions(geoparser, text)["Valparaiso"].country == "CL"


def test_a_name_after_a_title_and_a_given_name_is_a_surname(geoparser):
    # "Jinping" is also a county town in Guizhou; "Lincoln" a city in Nebraska
    found = mentions(geoparser, "President Xi Jinping visited Xinjiang before returning to Beijing. On October 3, "
                                "1863, President Abraham Lincoln proclaimed a holiday.")
    assert set(found) == {"Xinjiang", "Beijing"}
