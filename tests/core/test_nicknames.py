"""GeoNames lists nicknames and descriptions among towns' alternate names: "The River" (New Brunswick, New
Jersey), "The Bank" (Portsmouth), "The Point", "The Center", "The D" (Detroit). In text such a phrase opens
a sentence or a body's name ("The Bank of England"), so the store does not keep an alternate "The <word>"
whose word is common (gazetteer/build.py ``_plausible_alternate``); places whose own name begins with
"The" keep it."""

from __future__ import annotations

from mapviewer.model import Document

TEXT = ("The Bank of England raised interest rates in London on Thursday. The Point is that nobody expected it. "
        "The Center for Disease Control reported cases in Atlanta. The River Thames flooded Oxford. The Falls "
        "were closed. The Fort was rebuilt. The D was fine. The Hague hosted talks, and The Bronx saw protests, "
        "as did The Woodlands, Texas.")


def test_a_sentence_that_opens_with_the_and_a_common_word_names_no_town(geoparser):
    read = {m.text: m.place for m in geoparser.analyse(Document(TEXT)).mentions}
    assert not [name for name in read if name.startswith("The ") and name.split()[1] in
                {"Bank", "Point", "Center", "River", "Falls", "Fort", "D"}], read
    assert read["River Thames"].kind == "river"
    # nothing pulls the story to New Jersey any more: Oxford is the English one
    assert (read["Oxford"].country, read["London"].country) == ("GB", "GB")


def test_places_named_the_something_are_still_found(geoparser):
    read = {m.text: m.place for m in geoparser.analyse(Document(TEXT)).mentions}
    assert read["The Hague"].country == "NL"
    assert read["The Bronx"].country == read["The Woodlands"].country == "US"


def test_a_nickname_is_not_a_name_the_store_finds(store):
    from mapviewer.text.normalize import fold

    for nickname in ("The River", "The Bank", "The Point", "The Center", "The D", "The Fort", "The Falls"):
        assert store.by_name(fold(nickname)) == (), nickname
