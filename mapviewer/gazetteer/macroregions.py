"""Regions that news names and that are unions of countries ("the Middle East", "Southeast Asia") or of
first-level divisions ("the Midwest", "Darfur", "the Donbas").

Two sources, written down here as ISO 3166-1 alpha-2 codes:

- the UN M49 geographic regions (UN Statistics Division, "Standard country or area codes for statistical
  use", sub-regions and intermediate regions, and the Americas; public information). The continents
  themselves come from GeoNames and are not repeated.
- a short list of regions of common usage that M49 does not define (the Middle East, the Balkans, the
  Caucasus, the Sahel, the Horn of Africa, Scandinavia, the Gulf states, the Maghreb, the Levant, the
  Baltic states, Central Europe, Benelux, the Channel Islands, the Asia-Pacific as East and Southeast Asia
  with Oceania), each with the countries most references agree on (for example the Middle East as in the
  CIA World Factbook's and the BBC's usage: Bahrain to Yemen, with Egypt, Turkey, Iran and Cyprus).

Each region's outline is the union of its countries' outlines and its point the centre of that union.

Regions made of first-level divisions or of counties (``REGION_UNIONS``: GeoNames admin-1 codes; counties by
region and name) are a short list of usage too: the US Census Bureau's Midwest and New England, and the
regions news names that no gazetteer here holds as one place (Darfur's and Kordofan's states, the Donbas' two
oblasts, the Kurdistan Region's governorates, Somaliland's and Puntland's regions, Kashmir on both sides of
the Line of Control; Southern California's ten counties and the Bay Area's nine as the state's own regional
planning uses them, the metropolitan counties of England by their boroughs: Greater Manchester, the West
Midlands, West and South Yorkshire, Tyne and Wear).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MacroRegion:
    name: str
    other_names: tuple[str, ...]
    countries: tuple[str, ...]
    source: str  # "M49" or "usage"
    made_of: tuple[str, ...] = ()   # the regions of this table it is the union of (their outlines are reused)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(text.split())


M49 = "M49"
USAGE = "usage"

_SINGLE: tuple[MacroRegion, ...] = (
    # -- UN M49 sub-regions and intermediate regions -------------------------------------------------
    MacroRegion("Northern Africa", ("North Africa",), _codes("DZ EG LY MA SD TN EH"), M49),
    MacroRegion("Sub-Saharan Africa", (), _codes(
        "IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD GQ GA ST BW SZ "
        "LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"), M49),
    MacroRegion("Eastern Africa", ("East Africa",), _codes(
        "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW"), M49),
    MacroRegion("Middle Africa", ("Central Africa",), _codes("AO CM CF TD CG CD GQ GA ST"), M49),
    MacroRegion("Southern Africa", (), _codes("BW SZ LS NA ZA"), M49),
    MacroRegion("Western Africa", ("West Africa",), _codes(
        "BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG"), M49),
    MacroRegion("Latin America", ("Latin America and the Caribbean",), _codes(
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN "
        "MX NI PA AR BO BR CL CO EC FK GF GY PY PE SR UY VE"), M49),
    MacroRegion("Caribbean", (), _codes(
        "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI"), M49),
    MacroRegion("Central America", (), _codes("BZ CR SV GT HN MX NI PA"), M49),
    MacroRegion("Northern America", (), _codes("BM CA GL PM US"), M49),
    MacroRegion("South America", (), _codes("AR BO BR CL CO EC FK GF GY PY PE SR UY VE"), M49),
    MacroRegion("Central Asia", (), _codes("KZ KG TJ TM UZ"), M49),
    MacroRegion("Eastern Asia", ("East Asia",), _codes("CN HK MO KP JP MN KR TW"), M49),
    MacroRegion("South-eastern Asia", ("Southeast Asia", "South-East Asia", "South East Asia"),
                _codes("BN KH ID LA MY MM PH SG TH TL VN"), M49),
    MacroRegion("Southern Asia", ("South Asia",), _codes("AF BD BT IN IR MV NP PK LK"), M49),
    MacroRegion("Western Asia", ("West Asia",), _codes(
        "AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE"), M49),
    MacroRegion("Eastern Europe", (), _codes("BY BG CZ HU PL MD RO RU SK UA"), M49),
    MacroRegion("Northern Europe", (), _codes("AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB"), M49),
    MacroRegion("Southern Europe", (), _codes("AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK"), M49),
    MacroRegion("Western Europe", (), _codes("AT BE FR DE LI LU MC NL CH"), M49),
    MacroRegion("Australia and New Zealand", ("Australasia",), _codes("AU NZ NF"), M49),
    MacroRegion("Melanesia", (), _codes("FJ NC PG SB VU"), M49),
    MacroRegion("Micronesia", (), _codes("GU KI MH FM NR MP PW"), M49),
    MacroRegion("Polynesia", (), _codes("AS CK PF NU PN WS TK TO TV WF"), M49),
    # -- regions of common usage ---------------------------------------------------------------------
    MacroRegion("Middle East", ("Mideast", "Near East"), _codes(
        "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE"), USAGE),
    MacroRegion("Balkans", ("Balkan Peninsula", "Western Balkans"), _codes(
        "AL BA BG HR GR XK ME MK RO RS SI"), USAGE),
    MacroRegion("Caucasus", ("South Caucasus", "Transcaucasia"), _codes("AM AZ GE"), USAGE),
    MacroRegion("Sahel", (), _codes("SN MR ML BF NE NG TD SD ER"), USAGE),
    MacroRegion("Horn of Africa", (), _codes("DJ ER ET SO"), USAGE),
    MacroRegion("Scandinavia", ("Nordic countries", "Nordics"), _codes("DK NO SE"), USAGE),
    MacroRegion("Gulf states", ("Gulf countries", "Arab Gulf states", "Gulf Arab states"),
                _codes("BH KW OM QA SA AE"), USAGE),
    MacroRegion("Maghreb", (), _codes("DZ LY MR MA TN"), USAGE),
    MacroRegion("Levant", (), _codes("IL JO LB PS SY"), USAGE),
    MacroRegion("Baltic states", ("Baltics", "Baltic countries"), _codes("EE LV LT"), USAGE),
    MacroRegion("Central Europe", (), _codes("AT CZ DE HU LI PL SK SI CH"), USAGE),
    MacroRegion("Benelux", (), _codes("BE NL LU"), USAGE),
    MacroRegion("Channel Islands", (), _codes("JE GG"), USAGE),
)


@dataclass(frozen=True, slots=True)
class RegionUnion:
    name: str
    other_names: tuple[str, ...]
    regions: tuple[str, ...]          # GeoNames admin-1 codes, "US.IL"
    counties: tuple[str, ...] = ()    # counties by region code and name, "US.CA:Orange County"


def _counties(region: str, names: str) -> tuple[str, ...]:
    return tuple(f"{region}:{name.strip()}" for name in names.split(","))


def _us(states: str) -> tuple[str, ...]:
    return tuple(f"US.{s}" for s in states.split())


REGION_UNIONS: tuple[RegionUnion, ...] = (
    RegionUnion("Midwest", ("Middle West", "Midwestern United States"),
                _us("IL IN IA KS MI MN MO NE ND OH SD WI")),
    RegionUnion("New England", (), _us("CT ME MA NH RI VT")),
    RegionUnion("Pacific Northwest", (), _us("WA OR ID")),
    RegionUnion("Deep South", (), _us("AL GA LA MS SC")),
    RegionUnion("Darfur", (), _codes("SD.47 SD.49 SD.55 SD.60 SD.61")),
    RegionUnion("Kordofan", (), _codes("SD.50 SD.56 SD.62")),
    RegionUnion("Donbas", ("Donbass", "Donets Basin"), _codes("UA.05 UA.14")),
    RegionUnion("Kurdistan Region", ("Iraqi Kurdistan", "Kurdistan", "Kurdistan Regional Government"),
                _codes("IQ.11 IQ.08 IQ.05 IQ.19")),
    RegionUnion("Somaliland", (), _codes("SO.21 SO.20 SO.19 SO.12 SO.22")),
    RegionUnion("Puntland", (), _codes("SO.03 SO.18")),
    RegionUnion("Kashmir", (), _codes("IN.12 IN.41 PK.06 PK.07")),
    # -- unions of counties (US counties; England's metropolitan boroughs and counties, as Natural Earth's
    #    parts of England) ----------------------------------------------------------------------------
    RegionUnion("Southern California", ("SoCal",), (), _counties("US.CA", (
        "Imperial County, Kern County, Los Angeles County, Orange County, Riverside County, San Bernardino County, "
        "San Diego County, San Luis Obispo County, Santa Barbara County, Ventura County"))),
    RegionUnion("San Francisco Bay Area", ("Bay Area",), (), _counties("US.CA", (
        "Alameda County, Contra Costa County, Marin County, Napa County, San Francisco County, San Mateo County, "
        "Santa Clara County, Solano County, Sonoma County"))),
    RegionUnion("Silicon Valley", (), (), _counties("US.CA", "Santa Clara County, San Mateo County")),
    RegionUnion("Inland Empire", (), (), _counties("US.CA", "Riverside County, San Bernardino County")),
    RegionUnion("South Florida", (), (), _counties("US.FL", "Miami-Dade County, Broward County, Palm Beach County")),
    RegionUnion("Northern Virginia", ("NoVA",), (), _counties("US.VA", (
        "Arlington County, Fairfax County, Loudoun County, Prince William County"))),
    RegionUnion("Greater Manchester", (), (), _counties("GB.ENG", (
        "Bolton, Bury, Manchester, Oldham, Rochdale, Salford, Stockport, Tameside, Trafford, Wigan"))),
    RegionUnion("West Midlands", (), (), _counties("GB.ENG", (
        "Birmingham, Coventry, Dudley, Sandwell, Solihull, Walsall, Wolverhampton"))),
    RegionUnion("West Yorkshire", (), (), _counties("GB.ENG", "Leeds, Bradford, Calderdale, Kirklees, Wakefield")),
    RegionUnion("South Yorkshire", (), (), _counties("GB.ENG", "Barnsley, Doncaster, Rotherham, Sheffield")),
    RegionUnion("Tyne and Wear", (), (), _counties("GB.ENG", (
        "Gateshead, Newcastle upon Tyne, North Tyneside, South Tyneside, Sunderland"))),
    RegionUnion("East Anglia", (), (), _counties("GB.ENG", "Norfolk, Suffolk, Cambridgeshire")),
)
_BY_NAME = {r.name: r for r in _SINGLE}


def _union(name: str, other_names: tuple[str, ...], parts: tuple[str, ...], source: str) -> MacroRegion:
    """A region made of other regions of this table (by name): their countries."""
    return MacroRegion(name, other_names, tuple(c for part in parts for c in _BY_NAME[part].countries), source,
                       parts)


# The regions above, and two made of them.
MACRO_REGIONS: tuple[MacroRegion, ...] = (
    *_SINGLE,
    _union("Americas", ("the Americas",), ("Northern America", "Latin America"), M49),
    _union("Asia-Pacific", ("Asia Pacific", "Asia-Pacific region", "Asia and the Pacific", "APAC"),
           ("Eastern Asia", "South-eastern Asia", "Australia and New Zealand", "Melanesia", "Micronesia",
            "Polynesia"), USAGE),
)
# GeoNames' continents as unions of M49 regions (Central America and the Caribbean in North America).
_CONTINENT_REGIONS = {
    "Africa": ("Northern Africa", "Sub-Saharan Africa"),
    "North America": ("Northern America", "Central America", "Caribbean"),
    "South America": ("South America",),
    "Asia": ("Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"),
    "Europe": ("Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"),
    "Oceania": ("Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"),
}
CONTINENT_OF: dict[str, str] = {code: continent for continent, regions in _CONTINENT_REGIONS.items()
                                for region in regions for code in _BY_NAME[region].countries}
