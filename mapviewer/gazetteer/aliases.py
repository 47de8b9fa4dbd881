"""How people write places that the raw sources do not list: region phrases, country short forms,
demonyms. General English news usage only; nothing here is keyed to any evaluation corpus."""

from __future__ import annotations

import re

# Words that name a first-level division; "Kursk Oblast" -> "Kursk", and "Donetsk" -> "Donetsk region".
REGION_WORDS = (
    "oblast", "region", "province", "state", "governorate", "prefecture", "krai", "kray",
    "republic", "territory", "county", "district", "department", "voivodeship", "canton",
    "autonomous okrug", "autonomous oblast", "autonomous region", "autonomous republic", "emirate",
    "division", "municipality", "parish", "capital district", "federal district",
)
GENERATED_REGION_WORDS = ("region", "oblast", "province", "state", "governorate", "prefecture")

_REGION_SUFFIX = re.compile(
    r"\s+(?:" + "|".join(sorted((re.escape(w) for w in REGION_WORDS), key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)
_REGION_PREFIX = re.compile(r"^(?:republic|province|state|region|oblast|canton) of\s+", re.IGNORECASE)


def region_base(name: str) -> str:
    """'Kursk Oblast' -> 'Kursk'; 'Republic of Dagestan' -> 'Dagestan'; 'Texas' -> 'Texas'."""
    base = _REGION_PREFIX.sub("", _REGION_SUFFIX.sub("", name.strip()))
    return base or name


_COMPASS = re.compile(r"^(North|South|East|West)ern (?=\S)")
_FRENCH_COMPASS = {"Nord": "North", "Sud": "South"}
_FRENCH = re.compile(r"^(Nord|Sud)[- ](?=[A-Z])")
_COMPASS_STARTS = ("Northern", "Southern", "Eastern", "Western", "Nord", "Sud")


def region_names(name: str) -> set[str]:
    """Every form of an admin-1 name a writer may use: the base name and 'base region' etc.; 'West Darfur'
    for 'Western Darfur', 'North Kivu' for 'Nord Kivu'."""
    base = region_base(name)
    forms = {name, base}
    for word in GENERATED_REGION_WORDS:
        forms.add(f"{base} {word}")
        forms.add(f"{base} {word.capitalize()}")
    if not (name.startswith(_COMPASS_STARTS) or base.startswith(_COMPASS_STARTS)):
        return forms       # nearly every region: no form to write again (the build calls this 25,000 times)
    forms |= {_FRENCH.sub(lambda m: _FRENCH_COMPASS[m.group(1)] + " ", form) for form in forms}   # "North Kivu"
    return forms | {_COMPASS.sub(r"\1 ", form) for form in forms}


_SAINT = re.compile(r"^(St|Ste|Saint|Sainte)\.? ")
_SAINT_FORMS = {"St": ("Saint", "St"), "Ste": ("Sainte", "Ste"), "Saint": ("Saint", "St"),
                "Sainte": ("Sainte", "Ste")}


def saint_forms(name: str) -> set[str]:
    """'St. Croix County' is also written 'Saint Croix County' and 'St Croix County'; 'Saint Kitts' is
    'St Kitts' and 'St. Kitts'."""
    m = _SAINT.match(name)
    if m is None:
        return set()
    rest = name[m.end():]
    full, short = _SAINT_FORMS[m.group(1)]
    return {f"{full} {rest}", f"{short} {rest}", f"{short}. {rest}"} - {name}


_FIRST_OF_PAIR = re.compile(r"^([^\s,]+(?: [^\s,]+)?) (?:and|&) \S")


def first_of_pair(name: str) -> str | None:
    """'Bosnia and Herzegovina' -> 'Bosnia', 'Newfoundland and Labrador' -> 'Newfoundland': news names a
    place called after two parts by its first ("Trinidad", "St Kitts"), or None."""
    m = _FIRST_OF_PAIR.match(name)
    return m.group(1) if m else None


_QUALIFIED_TOWN = re.compile(r"^([^\s(),]+(?: [^\s(),]+)?) (?:\(.+\)|(?:am|an der|im|in der) \S.*)$")


def short_town_name(name: str) -> str | None:
    """'Frankfurt am Main', 'Frankfurt (Oder)', 'Freiburg im Breisgau', 'Halle (Saale)' -> the name they go by
    ('Frankfurt', 'Freiburg', 'Halle'), or None."""
    m = _QUALIFIED_TOWN.match(name)
    return m.group(1) if m else None


_CITY_WORD = re.compile(r"\b(?:city|ciudad|ville|stadt)\b", re.IGNORECASE)


def names_the_city(name: str) -> bool:
    """'Quebec City', 'Ciudad de Guatemala': a name of the town as a town, which the region named after it
    does not take."""
    return _CITY_WORD.search(name) is not None


# Codes that appear in running English prose; other ISO codes ("COD", "IN") are ordinary words.
PROSE_CODES = {"US": ("US", "U.S.", "USA", "U.S.A."), "GB": ("UK", "U.K."), "AE": ("UAE", "U.A.E.")}

# Common English forms missing from the country tables.
EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("America", "United States of America"),
    "GB": ("Britain", "Great Britain"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea",),
    "RU": ("Russian Federation",),
    "CZ": ("Czech Republic", "Czechia"),
    "CD": ("DR Congo", "Congo-Kinshasa", "DRC"),
    "CG": ("Congo-Brazzaville",),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "SZ": ("Swaziland", "Eswatini"),
    "MK": ("Macedonia", "North Macedonia"),
    "TR": ("Türkiye", "Turkiye"),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "PS": ("Palestine", "Palestinian Territories"),
    "TL": ("East Timor", "Timor-Leste"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "FK": ("Falklands",),
    "FO": ("Faroes",),
}

# Demonyms and adjectives beyond the single one the country tables give.
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American", "Americans", "U.S.-based"),
    "GB": ("British", "Briton", "Britons", "Brits"),
    "PL": ("Polish", "Pole", "Poles"),
    "NL": ("Dutch",),
    "CH": ("Swiss",),
    "FR": ("French", "Frenchman", "Frenchmen"),
    "ES": ("Spanish", "Spaniard", "Spaniards"),
    "DK": ("Danish", "Dane", "Danes"),
    "SE": ("Swedish", "Swede", "Swedes"),
    "FI": ("Finnish", "Finn", "Finns"),
    "TR": ("Turkish", "Turk", "Turks"),
    "IE": ("Irish",),
    "IL": ("Israeli", "Israelis"),
    "PS": ("Palestinian", "Palestinians"),
    "NZ": ("New Zealander", "New Zealanders"),
    "PH": ("Filipino", "Filipinos", "Philippine"),
    "KP": ("North Korean", "North Koreans"),
    "KR": ("South Korean", "South Koreans"),
    "CN": ("Chinese",),
    "JP": ("Japanese",),
    "VN": ("Vietnamese",),
    "PT": ("Portuguese",),
    "LB": ("Lebanese",),
    "SD": ("Sudanese",),
    "TW": ("Taiwanese",),
    "SA": ("Saudi", "Saudis", "Saudi Arabian"),
    "AE": ("Emirati", "Emiratis"),
    "AF": ("Afghan", "Afghans"),
    "PK": ("Pakistani", "Pakistanis"),
    "BD": ("Bangladeshi", "Bangladeshis"),
    "IQ": ("Iraqi", "Iraqis"),
    "YE": ("Yemeni", "Yemenis"),
    "QA": ("Qatari", "Qataris"),
    "KW": ("Kuwaiti", "Kuwaitis"),
    "OM": ("Omani", "Omanis"),
    "BH": ("Bahraini", "Bahrainis"),
    "TH": ("Thai",),
    "IS": ("Icelandic", "Icelander", "Icelanders"),
    "CZ": ("Czech", "Czechs"),
    "SK": ("Slovak", "Slovaks"),
    "HR": ("Croatian", "Croat", "Croats"),
    "RS": ("Serbian", "Serb", "Serbs"),
    "BA": ("Bosnian", "Bosnians"),
    "SI": ("Slovenian", "Slovene", "Slovenes"),
}


def demonym_forms(demonym: str) -> set[str]:
    """'American' -> {'American', 'Americans'}; 'Chinese', 'Polish' stay as they are."""
    forms = {demonym}
    if demonym.endswith(("an", "i", "ean", "ian")) and not demonym.endswith("ese"):
        forms.add(demonym + "s")
    return forms


# Names a continent is written as in the news; the EU is placed on Europe (never on the town of Eu).
CONTINENT_NAMES: dict[str, tuple[str, ...]] = {
    "Europe": ("EU", "European Union"),
    "South America": ("Latin America",),   # as GeoNames-based annotation places it; also a macroregion
}
CONTINENT_DEMONYMS: dict[str, tuple[str, ...]] = {
    "Europe": ("European", "Europeans"),
    "Africa": ("African", "Africans"),
    "Asia": ("Asian", "Asians"),
    "South America": ("South American", "South Americans"),
    "North America": ("North American", "North Americans"),
    "Oceania": ("Oceanian",),
    "Antarctica": ("Antarctic",),
}

# Short names of seas that news writes alone, after "the": "tankers in the Gulf", "a storm in the Gulf". Which
# gulf is meant, the resolver reads from the story's other places.
SEA_SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "Persian Gulf": ("Gulf",),
    "Gulf of Mexico": ("Gulf",),
}
# English spellings and short names of Natural Earth features that its labels lack.
FEATURE_NAMES: dict[str, tuple[str, ...]] = {
    "Bosporus": ("Bosphorus",),
    "Rocky Mountains": ("Rockies",),
}

# Associated Press abbreviations of US states and Canadian provinces, as written in datelines.
AP_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US.AL": ("Ala.",), "US.AZ": ("Ariz.",), "US.AR": ("Ark.",), "US.CA": ("Calif.",),
    "US.CO": ("Colo.",), "US.CT": ("Conn.",), "US.DE": ("Del.",), "US.FL": ("Fla.",), "US.GA": ("Ga.",),
    "US.IL": ("Ill.",), "US.IN": ("Ind.",), "US.KS": ("Kan.", "Kans."), "US.KY": ("Ky.",), "US.LA": ("La.",),
    "US.MD": ("Md.",), "US.MA": ("Mass.",), "US.MI": ("Mich.",), "US.MN": ("Minn.",), "US.MS": ("Miss.",),
    "US.MO": ("Mo.",), "US.MT": ("Mont.",), "US.NE": ("Neb.", "Nebr."), "US.NV": ("Nev.",),
    "US.NH": ("N.H.",), "US.NJ": ("N.J.",), "US.NM": ("N.M.",), "US.NY": ("N.Y.",), "US.NC": ("N.C.",),
    "US.ND": ("N.D.",), "US.OK": ("Okla.",), "US.OR": ("Ore.",), "US.PA": ("Pa.",), "US.RI": ("R.I.",),
    "US.SC": ("S.C.",), "US.SD": ("S.D.",), "US.TN": ("Tenn.",), "US.TX": ("Tex.",), "US.VT": ("Vt.",),
    "US.VA": ("Va.",), "US.WA": ("Wash.",), "US.WV": ("W.Va.", "W. Va."), "US.WI": ("Wis.", "Wisc."),
    "US.WY": ("Wyo.",), "US.DC": ("D.C.", "DC"),
    "CA.02": ("B.C.", "BC"), "CA.01": ("Alta.",), "CA.08": ("Ont.",), "CA.10": ("Que.",),
    "CA.11": ("Sask.",), "CA.03": ("Man.",),
}

# Buildings that stand for a government in the news ("the Kremlin said"): placed on the capital.
CAPITAL_METONYMS: dict[str, tuple[str, ...]] = {
    "RU": ("Kremlin",),
    "US": ("White House", "Capitol Hill"),
    "GB": ("Downing Street", "Whitehall"),
    "FR": ("Elysee Palace", "Élysée"),
    "CN": ("Zhongnanhai",),
}
