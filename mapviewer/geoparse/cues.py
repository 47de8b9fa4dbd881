"""Words around a name that say what the name is, as English news writes them.

Each list is a general fact of English, not a fix for one text:

- ORGANISATION_HEADS end the names of bodies and buildings named after a place ("the Ohio Department of
  Health", "Vancouver International Airport", "the Alberta Liquor Store Association"). They are never
  surnames, so a place before them is not the first name of a person.
- PLACE_FOLLOWERS are lower-case nouns that follow a place used as a modifier ("Richmond police",
  "Houston officials"): no person's name is followed by them.
- EPONYM_HEADS follow a place that names a disease or a strain ("Marburg virus", "Lyme disease"): the
  name is not a mention of the place.
- STORM_WORDS name a storm with the capitalised name after them ("Hurricane Florence", "Tropical Storm
  Alberto", "Typhoon Haiyan"): neither is a mention of a place (Hurricane, Utah; Florence, Italy).
- PLANETS are towns' names too (Mars, Pennsylvania; Jupiter, Florida), but in news mostly the planets ("NASA's
  rover on Mars"): geoparse/streets.py keeps the town only when it lies near the article's other places.
- STREET_HEADS, capitalised after a place's name, make it a street's ("Atlantic Avenue", "Eglinton Avenue
  West"); NAMED_AFTER_HEADS likewise make a town's name an institution's ("Liverpool Academy", "Washington
  University"): geoparse/streets.py keeps the place only when it lies near the article's other places.
- PLACE_NAME_TAILS, capitalised after a town's name, go on with a place's own name ("Washington Township"):
  the town's name does not open a body's or a team's name there (geoparse/resolve.py). "City" is not one: a
  city's own name with it is in the gazetteer whole ("Kansas City", "Quebec City"), so a town's name before
  it that is not opens a team's ("Manchester City" in a story beside Atlanta is still Manchester, England).
- ABBREVIATED_PREFIXES are the abbreviations that begin place names ("St. Louis", "Mt. Kenya", "Ft.
  Worth"); the full stop after them does not end the name.
- PLACE_OF is a place noun and "of" before a name ("the island of Rhodes"): the name is a place's.
- RESIDENCE is where news says a person lives, after the name and age ("Wesley Brookes, 18, of Regina",
  "Nicole and Andra Cox, all of Hugo"): a place follows.
- PARTY_TAG is the party-and-state tag of American politicians ("Sen. Tim Scott (R-Charleston)",
  "Rep. Jerry Nadler (D-N.Y.)"): the part after the letter is a place.
"""

from __future__ import annotations

import re

ORGANISATION_HEADS = frozenset("""
department ministry agency authority bureau office service services commission committee council board
association society foundation institute institution union federation league club team party group
company corporation corp inc ltd llc co bank fund trust partnership alliance coalition network
police sheriff sheriff's troopers patrol fire rescue guard army navy force forces command
airport airlines airways station terminal port harbour harbor
hospital clinic health medical school schools academy college university campus museum gallery library
zoo theatre theater festival court courthouse jail prison penitentiary
times post herald tribune journal news daily press chronicle gazette telegraph star globe
government legislature parliament assembly senate chamber congress cabinet
""".split())
PLACE_FOLLOWERS = frozenset("""
police officials official authorities residents resident voters officers officer firefighters
government council mayor governor
""".split())
# A person speaking: "Malinao said", "Trong told reporters", '…," said Noma.' (small towns do not speak;
# capitals and countries that do are metonyms, geoparse/metonyms.py).
SPEECH_AFTER = re.compile(r" (?:said|says|told|added|noted|explained|wrote|tweeted|recalled|stated)\b")
SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|told) $")
# Prepositions after which a name is a place whoever else bears it ("in Georgia"; not "to Georgia's credit").
STRONG_LOCATIVES = frozenset("in near across throughout outside inside within".split())
EPONYM_HEADS = frozenset("virus viruses disease fever flu syndrome strain variant".split())
PLANETS = frozenset("mercury venus mars jupiter saturn uranus neptune pluto".split())
STORM_WORDS = frozenset("hurricane typhoon cyclone storm superstorm".split())
STREET_HEADS = frozenset("Street Avenue Road Drive Boulevard Lane Highway Parkway Parade Terrace".split())
NAMED_AFTER_HEADS = frozenset("University College Academy School Institute Hotel Embassy Club".split())
# Capitalised words that continue a place's own name ("Washington Township", "Suffolk County"), not a body's.
PLACE_NAME_TAILS = frozenset("Town Township Borough County Parish District Province Region State Village".split())
ABBREVIATED_PREFIXES = frozenset({"St", "Mt", "Ft", "Pt", "Ste"})
PARTY_TAG = re.compile(r"[RDI]-")
RESIDENCE = re.compile(r"(?:, \d{1,3},|, all|\w,) of $")
# "the island of Rhodes", "the city of Florence", "the province of Valencia": a place follows.
PLACE_OF = re.compile(r"\b(?:island|islands|city|town|village|province|region|state|county|district|port|"
                      r"coast|capital|republic|kingdom|valley|shores?|banks?|outskirts|suburbs?) of $")


def next_word(text: str, end: int) -> str:
    """The lower-case word right after ``end`` when one space separates them ("police" in "Richmond
    police"), or ''."""
    if text[end:end + 1] != " ":
        return ""
    stop = end + 1
    while stop < len(text) and (text[stop].isalpha() or text[stop] == "'"):
        stop += 1
    return text[end + 1:stop]
