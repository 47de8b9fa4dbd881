"""Build the gazetteer store (one SQLite file) from the sources, and then its detail file: pure writers of
the tables of gazetteer.schema to the paths they are given (gazetteer.lifecycle makes that atomic and
decides when).

A new user waits for the store before the first map, so it holds only what that map needs (everything the
geoparser reads, and the world's level of the basemap), and it uses both of a small machine's cores: a
helper process folds the towns' names, reads the word frequencies and person names, draws the world's
basemap and the outlines, and makes the names' skeletons, while this process reads and links the places
and writes the rows. The detail (the basemap's closer levels, the points' R*Tree) is built from the store
afterwards. What is written does not depend on that split.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import os
import re
import signal
import sqlite3
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from ..model import Progress
from ..text.normalize import fold_once, skeletons
from . import aliases, features, sources
from .basemap import LEVELS, basemap_drawings, basemap_rows, level_outline_rows
from .points import label_point
from .schema import (
    ALTERNATE,
    APPLICATION_ID,
    BASEMAP,
    BUILDER_VERSION,
    COUNTRY_INFO,
    DEMONYM,
    DETAIL_TABLES,
    GENERATED,
    LEVEL_OUTLINES,
    LEVELS_KEY,
    MEMBERS,
    META,
    METONYM,
    NAMES,
    NAMES_INDEX,
    NATURAL_EARTH,
    OUTLINES,
    PERSON_NAMES,
    PLACES,
    PLACES_INDEX,
    POINTS,
    PRIMARY,
    TOWN_NAMES,
    WORD_FLOOR,
    WORDS,
    create_script,
)

# Simplification tolerances in degrees: ~1 km keeps regions right at regional zoom, small files.
REGION_TOLERANCE = 0.01
COUNTRY_TOLERANCE = 0.02
# An alternate name that is this common as an English word ("But", "The", "So") is not kept; nor a two-part
# name's first part ("Central and Western").
COMMON_WORD_ZIPF = 4.5
# An alternate "The <word>" names a town only where <word> is rare ("The Potteries"); with a word as common as
# this it is a nickname or a description ("The River" for New Brunswick, "The Bank", "The Point", "The D"),
# which in text is the opening of a sentence or of a body's name ("The Bank of England").
DESCRIPTION_WORD_ZIPF = 3.0
# A small town whose own name is one of the commonest English words ("On", "We", "Of") cannot be
# found by that word: in English text it is always the word.
FUNCTION_WORD_ZIPF = 6.0
FUNCTION_WORD_MIN_POPULATION = 100_000
# SQLite's page cache while writing (KiB): the R*Tree of points and the names' key order fit in it.
WRITE_CACHE_KIB = 256 * 1024

T = TypeVar("T")


@dataclass(slots=True)
class PlaceRecord:
    id: int
    name: str
    kind: str
    lat: float
    lon: float
    population: int = 0
    country: str | None = None
    admin1: str | None = None
    region_id: int | None = None
    geonameid: int | None = None
    feature: str = ""
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    outline: BaseGeometry | None = None
    # The admin-1 topology's members (``index``) a region, county or country is made of: its highlight is
    # drawn from the basemap's arcs at each level (``basemap.level_outline_rows``).
    ne_members: tuple[int, ...] = ()

    def add_name(self, name: str, source: str) -> None:
        self.add_keyed(fold_once(name), name, source)

    def add_keyed(self, key: str, name: str, source: str) -> None:
        """A name whose folded key is known already (the first source of a key is kept)."""
        if key and key not in self.names:
            self.names[key] = (name, source)


@lru_cache(maxsize=1)
def _english_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en")


def _zipf(key: str) -> float:
    """Zipf frequency of a single English word (wordfreq's scale: 7 for "the", 0 for unknown)."""
    freq = _english_frequencies().get(key)
    return round(math.log10(freq) + 9, 2) if freq else 0.0


_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024F\u1E00-\u1EFF]")


def _is_latin(name: str) -> bool:
    return name.isascii() or _NON_LATIN_LETTER.search(name) is None


def _plausible_alternate(name: str, primary_keys: set[str]) -> str | None:
    """Alternate names are noisy: keep Latin-script names that are not ordinary English words. The folded
    key of a name kept, else None."""
    if not _is_latin(name):      # first: most alternates are in other scripts, and folding them is slow
        return None
    key = fold_once(name)
    if not key or len(key.replace(" ", "")) < 3 or key.isdigit():
        return None
    if key in primary_keys:
        return key
    if key.startswith("the ") and _zipf(key[4:]) >= DESCRIPTION_WORD_ZIPF:
        return None
    if " " in key or _zipf(key) < COMMON_WORD_ZIPF:
        return key
    return None


class _Builder:
    def __init__(self, progress: Progress):
        self.progress = progress
        self.places: list[PlaceRecord] = []

    def new_place(self, **kw: Any) -> PlaceRecord:
        place = PlaceRecord(id=len(self.places) + 1, **kw)
        self.places.append(place)
        return place

    # -- continents and countries -------------------------------------------------------------
    def add_continents(self) -> None:
        for _code, c in sources.continents().items():
            place = self.new_place(name=c["name"], kind="continent", lat=float(c["lat"]),
                                   lon=float(c["lng"]), population=int(c.get("population") or 0),
                                   geonameid=c["geonameId"], feature="L.CONT")
            place.add_name(c["name"], PRIMARY)
            primary = {fold_once(c["name"])}
            for alt in c.get("alternateNames", []):
                if alt.get("lang") in ("en", None, "") and _plausible_alternate(alt["name"], primary):
                    place.add_name(alt["name"], ALTERNATE)
            for name in aliases.CONTINENT_NAMES.get(c["name"], ()):
                place.add_name(name, GENERATED)
            for name in aliases.CONTINENT_DEMONYMS.get(c["name"], ()):
                place.add_name(name, DEMONYM)

    def add_countries(self) -> dict[str, PlaceRecord]:
        infos = sources.country_infos()
        geonames_points = sources.country_points()
        outlines = {int(p["id"]): g for p, g in sources.country_outlines() if p.get("id")}
        by_iso: dict[str, PlaceRecord] = {}
        for iso, c in sources.countries().items():
            info = infos.get(iso, {})
            outline = outlines.get(int(c["isonumeric"]))
            if iso in geonames_points:
                lat, lon = geonames_points[iso]
            elif info.get("latlng"):
                lat, lon = map(float, info["latlng"][:2])
            elif outline is not None:
                lat, lon = label_point(outline)
            else:
                continue
            place = self.new_place(name=c["name"], kind="country", lat=lat, lon=lon,
                                   population=int(c.get("population") or 0), country=iso,
                                   geonameid=c["geonameid"], feature="A.PCLI", outline=outline)
            place.add_name(c["name"], PRIMARY)
            for name in (info.get("name"), *info.get("altSpellings", ())):
                codes = (iso, c.get("iso3"))
                if name and name not in codes and _is_latin(name) and len(name) > 2:
                    place.add_name(name, COUNTRY_INFO)
            for name in (*aliases.EXTRA_COUNTRY_NAMES.get(iso, ()), *aliases.PROSE_CODES.get(iso, ())):
                place.add_name(name, GENERATED)
            demonyms = set(aliases.EXTRA_DEMONYMS.get(iso, ()))
            if info.get("demonym"):
                demonyms |= aliases.demonym_forms(info["demonym"])
            for name in sorted(demonyms):
                place.add_name(name, DEMONYM)
            by_iso[iso] = place
        _demonyms_to_the_largest(by_iso.values())
        return by_iso

    # -- admin-1 regions, linked to Natural Earth outlines --------------------------------------
    def add_regions(self, cities: dict[str, dict[str, Any]], countries: dict[str, PlaceRecord],
                    ne: list[tuple[dict[str, Any], BaseGeometry]]) -> dict[str, PlaceRecord]:
        """Admin-1 regions; ``ne``: Natural Earth's regions as ``prepared_regions`` makes them."""
        regions: dict[str, PlaceRecord] = {}
        for a in sources.admin1_codes():
            if a.country not in countries:
                continue
            place = self.new_place(name=a.name, kind="admin1", lat=0.0, lon=0.0, country=a.country,
                                   admin1=a.code, geonameid=a.geonameid, feature="A.ADM1")
            place.add_name(a.name, PRIMARY)
            place.add_name(a.ascii_name, PRIMARY)
            regions[f"{a.country}.{a.code}"] = place

        self.progress("linking regions to Natural Earth outlines", 0.45)
        ne_geoms = np.array([g for _, g in ne])
        city_list = list(cities.values())
        points = shapely.points([c["longitude"] for c in city_list], [c["latitude"] for c in city_list])
        tree = shapely.STRtree(ne_geoms)
        city_idx, ne_idx = tree.query(points, predicate="within")
        weight: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        ne_of_city: dict[int, int] = {}
        for ci, ri in zip(city_idx.tolist(), ne_idx.tolist()):
            c = city_list[ci]
            weight[ri][f"{c['countrycode']}.{c['admin1code']}"] += 1 + c["population"]
            ne_of_city[ci] = ri

        by_name = {(p.country, fold_once(aliases.region_base(p.name))): p for p in regions.values()}
        members: dict[int, list[int]] = defaultdict(list)  # region place id -> NE indexes
        ne_place: dict[int, PlaceRecord] = {}
        for ri, (props, geom) in enumerate(ne):
            iso = props.get("iso_a2")
            votes = weight.get(ri)
            target = None
            if votes:
                code, _ = max(votes.items(), key=lambda kv: kv[1])
                target = regions.get(code)
            if target is None:
                target = by_name.get((iso, fold_once(aliases.region_base(props.get("name") or ""))))
            if target is None and iso in countries and props.get("name"):
                lat, lon = label_point(geom)
                target = self.new_place(name=props["name"], kind="admin1", lat=lat, lon=lon,
                                        country=iso, feature="A.ADM1")
                target.add_name(props["name"], NATURAL_EARTH)
            if target is not None:
                members[target.id].append(ri)
                ne_place[ri] = target
        for place in {p.id: p for p in ne_place.values()}.values():
            place.ne_members = tuple(ne[i][0]["index"] for i in members[place.id])
            parts = [ne_geoms[i] for i in members[place.id]]
            place.outline = shapely.make_valid(shapely.union_all(parts)) if len(parts) > 1 else parts[0]
            if len(parts) == 1:
                place.add_name(ne[members[place.id][0]][0]["name"], NATURAL_EARTH)
        split = {ri for ri, p in ne_place.items() if len(members[p.id]) > 1}  # before ids are renumbered
        by_country: dict[str, list[int]] = defaultdict(list)
        for props, _ in ne:
            by_country[props.get("iso_a2") or ""].append(props["index"])
        for iso, country in countries.items():
            country.ne_members = tuple(by_country.get(iso, ()))
        self._place_regions_without_outline(regions, cities)
        self._link_cities(city_list, regions, ne_of_city, ne_place)
        self._add_subdivisions(ne, split, ne_place, weight)
        return regions

    def _add_subdivisions(self, ne: list[tuple[dict[str, Any], BaseGeometry]], split: set[int],
                          ne_place: dict[int, PlaceRecord], weight: dict[int, dict[str, float]]) -> None:
        """Natural Earth parts of a GeoNames region are places too, of kind county: England's counties
        ("Kent", "Northamptonshire"), France's departments ("Gironde"), each in its region."""
        for ri, region in ne_place.items():
            name = ne[ri][0].get("name")
            if ri not in split or not name or fold_once(name) == fold_once(region.name):
                continue
            lat, lon = label_point(ne[ri][1])
            part = self.new_place(name=name, kind="county", lat=lat, lon=lon, country=region.country,
                                  admin1=region.admin1, region_id=region.id, feature="A.ADM2", outline=ne[ri][1],
                                  population=int(sum(weight.get(ri, {}).values())), ne_members=(ne[ri][0]["index"],))
            part.add_name(name, NATURAL_EARTH)

    def _place_regions_without_outline(self, regions: dict[str, PlaceRecord],
                                       cities: dict[str, dict[str, Any]]) -> None:
        """Regions with an outline sit at its label point; others at their population centre."""
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for c in cities.values():
            s = sums[f"{c['countrycode']}.{c['admin1code']}"]
            w = 1 + c["population"]
            s[0] += w * c["latitude"]
            s[1] += w * c["longitude"]
            s[2] += w
        for code, place in list(regions.items()):
            if place.outline is not None:
                place.lat, place.lon = label_point(place.outline)
            elif code in sums:
                lat, lon, w = sums[code]
                place.lat, place.lon = lat / w, lon / w
            else:  # neither outline nor cities: nowhere to put it
                self.places.remove(place)
                del regions[code]
        for i, place in enumerate(self.places, 1):
            place.id = i

    def _link_cities(self, city_list: list[dict[str, Any]], regions: dict[str, PlaceRecord],
                     ne_of_city: dict[int, int], ne_place: dict[int, PlaceRecord]) -> None:
        self._city_region: dict[int, PlaceRecord] = {}
        for ci, c in enumerate(city_list):
            region = regions.get(f"{c['countrycode']}.{c['admin1code']}")
            if region is None and ci in ne_of_city:
                region = ne_place.get(ne_of_city[ci])
            if region is not None:
                self._city_region[c["geonameid"]] = region
                region.population += c["population"]

    # -- cities ---------------------------------------------------------------------------------
    def add_cities(self, cities: dict[str, dict[str, Any]], countries: dict[str, PlaceRecord],
                   regions: dict[str, PlaceRecord], capitals: Mapping[str, int]) -> None:
        """The towns, without their own names (``town_name_rows`` writes them); ``capitals``: the geonameid of
        each country's capital (``capital_towns``)."""
        region_bases = {(r.country, fold_once(aliases.region_base(r.name))): r for r in regions.values()}
        forms_of: dict[int, set[str]] = defaultdict(set)    # a region's bases whose forms it was given
        self.town_ids: list[tuple[int, int]] = []     # (rank in towns_in_order, place id) of each town kept
        self.town_population: dict[str, int] = {}      # the most populous kept town's, by the folded name
        for rank, c in enumerate(towns_in_order(cities)):
            iso = c["countrycode"]
            if iso not in countries:
                continue
            key = fold_once(c["name"])
            self.town_population.setdefault(key, int(c["population"]))    # towns come most populous first
            region = self._city_region.get(c["geonameid"])
            place = PlaceRecord(len(self.places) + 1, c["name"], "city", c["latitude"], c["longitude"],
                                int(c["population"]), iso, region.admin1 if region else c.get("admin1code"),
                                region.id if region else None, c["geonameid"], "P.PPL")
            self.places.append(place)
            self.town_ids.append((rank, place.id))
            if capitals.get(iso) == c["geonameid"]:
                place.feature = "P.PPLC"
                for name in aliases.CAPITAL_METONYMS.get(iso, ()):
                    place.add_name(name, METONYM)
            # A region named after its main city takes the city's spellings ("Lugansk" region), not its names as a
            # town ("Quebec City"): each spelling, and once per base the forms of it ("Lugansk Oblast", …).
            if region is not None and region_bases.get((iso, key)) is region:
                bases = forms_of[region.id]
                own = {key}
                alternates = (a for a in c.get("alternatenames", ()) if _plausible_alternate(a, own) is not None)
                for alt in (a for a in alternates if not aliases.names_the_city(a)):
                    base = aliases.region_base(alt)
                    forms = aliases.region_names(alt) if base not in bases else (alt,)
                    bases.add(base)
                    for form in sorted(forms):
                        region.add_name(form, GENERATED)

    def finish_region_names(self, regions: dict[str, PlaceRecord], countries: dict[str, PlaceRecord]) -> None:
        self._add_first_of_pair(regions, countries)
        for region in regions.values():
            bases = set()       # names of one base ("Kursk", "Kursk Oblast") have the same forms
            for name, _ in list(region.names.values()):
                base = aliases.region_base(name)
                if base not in bases:
                    bases.add(base)
                    for form in sorted(aliases.region_names(name)):
                        region.add_name(form, GENERATED)
        for code, names in aliases.AP_ABBREVIATIONS.items():
            for name in names:
                if code in regions:
                    regions[code].add_name(name, GENERATED)

    def _add_first_of_pair(self, regions: dict[str, PlaceRecord], countries: dict[str, PlaceRecord]) -> None:
        """A country's or region's name of two parts also names it by its first ("Bosnia", "Trinidad",
        "Newfoundland"), unless that is a common word ("Central and Western"), another country's or region's
        name or demonym ("Turks and Caicos"), or a town's: a region must not hide a town ("Jammu"), nor a
        country a town more populous than itself (Saint-Pierre, Réunion, not Saint Pierre and Miquelon)."""
        reserved = {key for p in (*countries.values(), *regions.values()) for key in p.names}
        towns = self.town_population
        for place in (*countries.values(), *regions.values()):
            first = aliases.first_of_pair(place.name)
            if first is None:
                continue
            key = fold_once(first)
            if key in reserved or _zipf(key) >= COMMON_WORD_ZIPF:
                continue
            if key in towns and (place.kind == "admin1" or towns[key] > place.population):
                continue
            for form in (first, *aliases.saint_forms(first)):
                place.add_name(form, GENERATED)


def _demonyms_to_the_largest(countries: Iterable[PlaceRecord]) -> None:
    """A demonym that several countries share means the most populous: "French" is France, not Réunion or
    Saint Pierre and Miquelon; "American" the United States, not the Northern Mariana Islands; "Indian" India,
    not the British Indian Ocean Territory."""
    holders: dict[str, list[PlaceRecord]] = defaultdict(list)
    for country in countries:
        for key, (_, source) in country.names.items():
            if source == DEMONYM:
                holders[key].append(country)
    for key, places in holders.items():
        for place in sorted(places, key=lambda p: -p.population)[1:]:
            del place.names[key]


def city_names(city: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """A town's names by folded key, as ``PlaceRecord.names`` holds them: its own name unless that is one
    of the commonest English words (then it cannot be found by it), and the alternate names worth keeping.
    The per-name work of the build, which needs nothing but the town's record."""
    own = fold_once(city["name"])
    names = {}
    if city["population"] >= FUNCTION_WORD_MIN_POPULATION or _zipf(own) < FUNCTION_WORD_ZIPF:
        names[own] = (city["name"], PRIMARY)
    short = aliases.short_town_name(city["name"])     # "Frankfurt" is Frankfurt am Main's own name too
    if short is not None and _zipf(fold_once(short)) < COMMON_WORD_ZIPF:
        names[fold_once(short)] = (short, PRIMARY)
    for alt in city.get("alternatenames", ()):
        key = _plausible_alternate(alt, {own})
        if key is not None and key not in names:
            names[key] = (alt, ALTERNATE)
    return names


@dataclass(frozen=True, slots=True)
class _TownNames:
    """The towns' own names: ``rows`` waits for them (``town_name_rows``, from the build's helper process);
    ``ids``: the place id of each town written, by its rank in ``towns_in_order``."""

    rows: Callable[[], bytes]
    ids: list[tuple[int, int]]


def _write_places(db: sqlite3.Connection, places: list[PlaceRecord], progress: Progress,
                  towns: _TownNames | None = None) -> None:
    """The tables, then the places, their points and their names, indexed: the towns' own names
    (``towns``) with their place ids, and the names the places were given here."""
    db.executescript(create_script())
    progress("writing places", 0.7)
    db.executemany(PLACES.insert(), ((p.id, p.name, p.kind, p.country, p.admin1, p.region_id, round(p.lat, 5),
                                      round(p.lon, 5), p.population, p.geonameid, p.feature) for p in places))
    db.execute(PLACES_INDEX)
    progress("writing names", 0.75)
    if towns is not None:       # in the names' order already: appended
        db.execute("ATTACH ':memory:' AS towns")
        db.deserialize(towns.rows(), name="towns")
        db.execute("CREATE TABLE towns.ids (rank INTEGER PRIMARY KEY, id INTEGER NOT NULL)")
        db.executemany("INSERT INTO towns.ids VALUES (?, ?)", towns.ids)
        db.execute(f"INSERT INTO {NAMES.name} SELECT t.key, i.id, t.name, t.source, t.skel "
                   f"FROM towns.{TOWN_NAMES.name} t JOIN towns.ids i ON i.rank = t.rank")
        db.commit()
        db.execute("DETACH towns")
    # In key order, as the names' primary key wants them; by the key alone, stably: the places come in id order.
    rows = sorted(((key, p.id, name, source) for p in places for key, (name, source) in p.names.items()),
                  key=itemgetter(0))
    db.executemany(NAMES.insert(), ((*row, skel) for row, skel in
                                    zip(rows, skeletons([key for key, _, _, _ in rows]), strict=True)))
    db.execute(NAMES_INDEX)


def _write_rest(db: sqlite3.Connection, version: str, words: Mapping[str, float],
                person_names: Mapping[str, tuple[float, float]], outlines: Iterable[tuple[int, bytes]],
                members: Iterable[tuple[int, tuple[int, ...]]], basemap: Basemap, progress: Progress) -> None:
    """Everything after the names (as WKB where geometry), the indexes and the meta table; committed."""
    progress("writing word frequencies", 0.85)
    db.executemany(WORDS.insert(), words.items())
    db.executemany(PERSON_NAMES.insert(), ((k, f, la) for k, (f, la) in person_names.items()))
    progress("writing outlines", 0.9)
    db.executemany(OUTLINES.insert(), outlines)
    db.executemany(MEMBERS.insert(), ((place_id, ",".join(map(str, m))) for place_id, m in members))
    _write_basemap(db, basemap)
    _write_meta(db, version, basemap.levels)


@dataclass(frozen=True, slots=True)
class Basemap:
    """What a file holds of the basemap: its ``levels`` (index into basemap.LEVELS), their cells' rows and
    the highlighted outlines drawn from their arcs."""

    levels: tuple[int, ...]
    rows: Iterable[tuple[int, int, int, bytes, bytes]]
    level_outlines: Iterable[tuple[int, int, bytes]]


def _write_points(db: sqlite3.Connection, points: Iterable[tuple[int, float, float]]) -> None:
    """The R*Tree of the places' points (id, lat, lon)."""
    db.executemany(POINTS.insert(), ((i, lat, lat, lon, lon) for i, lat, lon in points))


def _write_basemap(db: sqlite3.Connection, basemap: Basemap) -> None:
    db.executemany(LEVEL_OUTLINES.insert(), basemap.level_outlines)
    db.executemany(BASEMAP.insert(), basemap.rows)


def _write_meta(db: sqlite3.Connection, version: str, levels: tuple[int, ...]) -> None:
    db.executemany(META.insert(), [
        ("version", version), ("builder", str(BUILDER_VERSION)), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
        (LEVELS_KEY, ",".join(map(str, levels))),
    ])
    db.commit()


Outline = tuple[int, str, BaseGeometry]  # place id, kind, outline


def _outlines(places: Iterable[PlaceRecord]) -> list[Outline]:
    return [(p.id, p.kind, p.outline) for p in places if p.outline is not None]


def _members(places: Iterable[PlaceRecord]) -> list[tuple[int, tuple[int, ...]]]:
    return [(p.id, p.ne_members) for p in places if p.ne_members]


def outline_rows(outlines: Iterable[Outline]) -> list[tuple[int, bytes]]:
    """The outlines table: each outline simplified for its kind, repaired, rounded to ~1 m. (Each vertex is
    rounded on its own, and the few outlines that this makes invalid are repaired again: GEOS's snap
    rounding of every outline cost more than all the rest of this.)"""
    rows = []
    for place_id, kind, outline in outlines:
        tolerance = COUNTRY_TOLERANCE if kind in ("country", "macroregion") else REGION_TOLERANCE
        geom = shapely.make_valid(shapely.simplify(outline, tolerance, preserve_topology=True))
        geom = shapely.set_precision(geom, 1e-5, mode="pointwise")
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        if not geom.is_empty:
            rows.append((place_id, shapely.to_wkb(geom)))
    return rows


def prepared_regions() -> list[tuple[dict[str, Any], BaseGeometry]]:
    """Natural Earth's admin-1 regions, simplified and repaired: what ``_Builder.add_regions`` links."""
    found = list(sources.region_outlines())
    geoms = shapely.make_valid(shapely.simplify(np.array([g for _, g in found]), REGION_TOLERANCE,
                                                preserve_topology=True))
    return [(props, geom) for (props, _), geom in zip(found, geoms, strict=True)]


def word_frequencies() -> dict[str, float]:
    """Zipf frequencies of English words, from ``WORD_FLOOR`` up, by folded key: the recognizer's evidence that a
    capitalised word is an ordinary word. (A place's one-word name needs no entry of its own: a name
    with a frequency is an English word already, and folding leaves a folded key as it is.)"""
    found = {fold_once(w) for w in _english_frequencies()}
    return {k: z for k in found if " " not in k and (z := _zipf(k)) >= WORD_FLOOR}


class _Helper:
    """A second process for the build's independent work: spawned, not forked (the caller may be an app
    with threads). Should it fail to start (spawning runs the main module again, which must then not
    start a build itself: the ``if __name__ == "__main__"`` guard), the work is done in this process."""

    def __init__(self) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_helper_setup)
        self._pid = self.submit(os.getpid)

    def submit(self, fn: Callable[..., T], *args: Any) -> Callable[[], T]:
        """Start ``fn(*args)`` in the helper; the returned function waits for its result."""
        future = self._pool.submit(fn, *args)

        def result() -> T:
            while True:     # short waits: a cancel (an asynchronous exception here, see qt.tasks) lands
                try:
                    return future.result(timeout=0.05)
                except TimeoutError:
                    continue
                except BrokenProcessPool:
                    return fn(*args)
        return result

    def close(self) -> None:
        """Drop the work not started and end the helper at once: it only computes, and ending on its own
        it would first free its millions of objects, for seconds, while the store waits to be opened."""
        pid = self._pid()       # the first work it was given: done, unless it never started
        self._pool.shutdown(wait=False, cancel_futures=True)
        if pid != os.getpid():      # not when the work fell back to this process
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _helper_setup() -> None:
    """The helper's start: no cyclic collector (as the builder), and its standard output on its standard
    error, so that the builder's output (its progress, which its starter reads to the end) ends with the
    builder."""
    gc.disable()
    os.dup2(2, 1)


WORLD = (0,)                                    # the basemap level a store holds: the world, zooms 0-3
DETAIL = tuple(range(1, len(LEVELS)))           # the levels of its detail file


def build_store(path: Path, version: str, progress: Progress | None = None) -> None:
    """Build the store at ``path`` from the sources: everything the geoparser needs, and the world's level
    of the basemap (a first map is drawn from it; ``build_detail`` adds the closer zooms' levels)."""
    report = progress or (lambda message, fraction: None)
    helper = _Helper()
    try:
        _build(path, version, helper, report)
    finally:
        helper.close()


def towns_in_order(cities: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The towns in the order the builder gives them their ids: the most populous first."""
    return sorted(cities.values(), key=lambda c: -c["population"])


@lru_cache(maxsize=1)
def town_names() -> list[tuple[int, str, dict[str, tuple[str, str]]]]:
    """(geonameid, country code, ``city_names``) of every town, in ``towns_in_order``: the build's folding of
    names, done once by its helper, which answers the builder's two questions about them
    (``capital_towns``, ``town_name_rows``)."""
    return [(c["geonameid"], c["countrycode"], city_names(c)) for c in towns_in_order(sources.cities())]


def capital_towns() -> dict[str, int]:
    """Each country's capital: the geonameid of its first town (``towns_in_order``) that has the capital's
    name among its names."""
    wanted = {iso: fold_once(c["capital"]) for iso, c in sources.countries().items() if c.get("capital")}
    found: dict[str, int] = {}
    for geonameid, iso, names in town_names():
        if iso not in found and wanted.get(iso) in names:
            found[iso] = geonameid
    return found


def town_name_rows() -> bytes:
    """The towns' names with their skeletons, in the names table's order, as a serialized SQLite database
    (``TOWN_NAMES``): about four in five of the store's names, which the builder appends to its names
    table in one statement (``_write_places``)."""
    found = [(key, rank, name, source) for rank, (_, _, names) in enumerate(town_names())
             for key, (name, source) in names.items()]
    rows = [(*row, skel) for row, skel in zip(found, skeletons([row[0] for row in found]), strict=True)]
    rows.sort(key=itemgetter(0))    # by key, then (stably) in the towns' order
    db = sqlite3.connect(":memory:")
    try:
        db.execute(TOWN_NAMES.create())
        db.executemany(TOWN_NAMES.insert(), rows)
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _build(path: Path, version: str, helper: _Helper, report: Progress) -> None:
    """The store: this process reads and links the places and writes them; the helper folds the towns'
    names (and writes them with their skeletons), reads the person names, draws the world's basemap and
    the outlines meanwhile. (What each does is measured: each has about half of the work.)"""
    capitals = helper.submit(capital_towns)
    towns = helper.submit(town_name_rows)
    persons = helper.submit(sources.person_names)
    drawings = helper.submit(basemap_drawings, WORLD)
    b = _Builder(report)
    report("reading continents and countries", 0.0)
    b.add_continents()
    countries = b.add_countries()
    report("reading GeoNames cities", 0.1)
    cities = sources.cities()
    report("reading admin-1 regions", 0.2)
    regions = b.add_regions(cities, countries, prepared_regions())
    members = _members(b.places)        # the regions', their parts' and the countries': all known now
    level_outlines = helper.submit(level_outline_rows, members, WORLD)
    outlines = helper.submit(outline_rows, _outlines(b.places))
    linked = len(b.places)
    report("adding cities and their names", 0.45)
    b.add_cities(cities, countries, regions, capitals())
    b.finish_region_names(regions, countries)
    report("adding counties, physical features and world regions", 0.6)
    reserved = {key for p in b.places if p.kind in ("continent", "country", "admin1") for key in p.names}
    features.add_counties(b.new_place, regions, cities)
    features.add_physical(b.new_place, countries.values(), reserved)
    features.add_macroregions(b.new_place, countries, COUNTRY_TOLERANCE)
    features.add_region_unions(b.new_place, regions, list(b.places), REGION_TOLERANCE)
    later_outlines = outline_rows(_outlines(b.places[linked:]))    # here: the helper has more to do

    with _store_file(path) as db:
        _write_places(db, b.places, report, _TownNames(towns, b.town_ids))
        _write_rest(db, version, word_frequencies(), persons(), [*outlines(), *later_outlines], members,
                    Basemap(WORLD, basemap_rows(b.places, drawings(), WORLD), level_outlines()), report)


@dataclass(frozen=True, slots=True)
class _Named:
    """A place as the basemap names it (basemap.Named), read back from a store."""

    name: str
    kind: str
    lat: float
    lon: float
    population: int
    feature: str
    outline: BaseGeometry | None


def build_detail(store: Path, path: Path, version: str, progress: Progress | None = None) -> None:
    """Write at ``path`` the detail of the store at ``store``: the basemap's levels closer than the world's
    (``DETAIL``), their cells and the highlighted outlines of its places drawn from the same arcs, and the
    R*Tree of its places' points. The store holds all this needs (its places, their outlines and members),
    so the detail is built after it, while a first map is already shown."""
    report = progress or (lambda message, fraction: None)
    helper = _Helper()
    try:
        report("drawing the basemap's closer zooms", 0.0)
        drawings = helper.submit(basemap_drawings, DETAIL)
        source = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
        try:
            members = [(place_id, tuple(map(int, m.split(","))))
                       for place_id, m in source.execute(f"SELECT place_id, members FROM {MEMBERS.name}")]
            named = [_Named(name, kind, lat, lon, population, feature, None if wkb is None else shapely.from_wkb(wkb))
                     for name, kind, lat, lon, population, feature, wkb in source.execute(
                         f"SELECT p.name, p.kind, p.lat, p.lon, p.population, p.feature, o.wkb FROM {PLACES.name} p "
                         f"LEFT JOIN {OUTLINES.name} o ON o.place_id = p.id AND p.kind = 'admin1' "
                         "WHERE p.kind IN ('city', 'country', 'admin1')")]
            points = source.execute(f"SELECT id, lat, lon FROM {PLACES.name}").fetchall()
        finally:
            source.close()
        report("drawing the highlighted outlines at the closer zooms", 0.2)
        level_outlines = level_outline_rows(members, DETAIL)
        report("waiting for the basemap's drawing", 0.7)
        rows = basemap_rows(named, drawings(), DETAIL)
        with _store_file(path) as db:
            report("writing the basemap's closer zooms", 0.9)
            db.executescript(create_script(DETAIL_TABLES))
            _write_basemap(db, Basemap(DETAIL, rows, level_outlines))
            _write_points(db, points)
            _write_meta(db, version, DETAIL)
    finally:
        helper.close()


def write_store(path: Path, places: list[PlaceRecord], basemap: Iterable[tuple[int, int, int, bytes, bytes]],
                version: str,
                words: Mapping[str, float], person_names: Mapping[str, tuple[float, float]],
                progress: Progress | None = None) -> None:
    """Write a store at ``path`` (replacing any file there) holding exactly what it is given, with every
    level of the basemap (no detail file)."""
    report = progress or (lambda message, fraction: None)
    levels = tuple(range(len(LEVELS)))
    with _store_file(path) as db:
        _write_places(db, places, report)
        db.executescript(POINTS.create())
        _write_points(db, ((p.id, p.lat, p.lon) for p in places))
        _write_rest(db, version, words, person_names, outline_rows(_outlines(places)), _members(places),
                    Basemap(levels, basemap, level_outline_rows(_members(places))), report)


@contextmanager
def _store_file(path: Path) -> Iterator[sqlite3.Connection]:
    """A new SQLite file at ``path`` (replacing any file there), set up for one fast bulk write: no
    journal, no syncs (gazetteer.lifecycle writes a temporary file and renames it once complete)."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute(f"PRAGMA cache_size=-{WRITE_CACHE_KIB}")
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        yield db
    finally:
        db.close()


def main(argv: list[str]) -> None:
    """``store PATH VERSION``: build a store at PATH; ``detail STORE PATH VERSION``: its basemap detail at
    PATH. Each step is printed as ``lifecycle.progress_line`` does: how gazetteer.lifecycle runs a build in
    a process of its own. With ``--until-stdin-closes`` first, the build (its helper too) ends when its
    standard input closes: the process that started it is gone, or lost its handle on it."""
    from .lifecycle import progress_line

    if argv[0] == "--until-stdin-closes":
        argv = argv[1:]
        threading.Thread(target=_end_when_stdin_closes, daemon=True, name="mapviewer-build-watch").start()

    def report(message: str, fraction: float) -> None:
        print(progress_line(message, fraction), flush=True)

    # This process ends without its interpreter's teardown (below), so multiprocessing's resource tracker
    # finds the helper's queues' semaphores still registered and removes them itself: as it should, with
    # nothing to warn about. (Its process takes this process's warning options.)
    sys.warnoptions.append("ignore::UserWarning:multiprocessing.resource_tracker")

    # The build makes millions of small objects and few reference cycles, and its process ends with it:
    # without the cyclic collector scanning them over and over it takes about 40 % less time.
    gc.disable()
    if argv[0] == "detail":
        build_detail(Path(argv[1]), Path(argv[2]), argv[3], report)
    else:
        build_store(Path(argv[1]), argv[2], report)
    # The file is written and closed: ending now skips the interpreter's teardown of the build's millions
    # of objects, seconds that the app waiting for the store would spend waiting for this process to end.
    sys.stdout.flush()
    os._exit(0)


def _end_when_stdin_closes() -> None:
    """Kill this build's process group (this process, which leads it, and its helper) once nothing more can
    be read from standard input."""
    while os.read(0, 4096):     # the file descriptor itself: a daemon thread blocked on Python's buffered
        pass                    # stdin would abort the interpreter's shutdown when the build ends
    os.killpg(os.getpgid(0), signal.SIGKILL)


if __name__ == "__main__":      # python -m mapviewer.gazetteer.build store PATH VERSION, by hand
    main(sys.argv[1:])
