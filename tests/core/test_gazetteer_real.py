"""The real bundled gazetteer answers as a geopy geocoder."""

from __future__ import annotations

import pytest
import shapely
from geopy.location import Location


@pytest.mark.parametrize(("query", "name", "country"), [
    ("Kourakhové", "Kurakhove", "UA"),
    ("Vougledar", "Vuhledar", "UA"),
    ("Kiev", "Kyiv", "UA"),
    ("Lugansk", "Luhansk", "UA"),
    ("Zaporizhia", "Zaporizhzhia", "UA"),
    ("AVDIIVKA", "Avdiyivka", "UA"),
    ("Kursk Oblast", "Kursk Oblast", "RU"),
    ("Donetsk region", "Donetsk", "UA"),
    ("Washington", "Washington", "US"),
])
def test_geocode_spellings(gazetteer, query, name, country):
    loc = gazetteer.geocode(query)
    assert isinstance(loc, Location)
    assert loc.raw["name"] == name and loc.raw["country_code"] == country


def test_geocode_region_is_the_admin1_region(gazetteer):
    loc = gazetteer.geocode("Donetsk region")
    assert loc.raw["kind"] == "admin1" and loc.raw["geonameid"] == 709716


def test_raw_holds_the_whole_record(gazetteer):
    raw = gazetteer.geocode("Kurakhove").raw
    assert raw["kind"] == "city" and raw["region"] == "Donetsk" and raw["country"] == "Ukraine"
    assert raw["population"] > 10_000 and raw["geonameid"] == 695357
    assert gazetteer.geocode("Kurakhove").address == "Kurakhove, Donetsk, Ukraine"


def test_country_filter(gazetteer):
    loc = gazetteer.geocode("Paris", country_codes="us")
    assert loc.raw["country_code"] == "US" and loc.raw["region"] == "Texas"
    assert gazetteer.geocode("Paris").raw["country_code"] == "FR"


def test_many_candidates(gazetteer):
    springfields = gazetteer.geocode("Springfield", exactly_one=False)
    assert len(springfields) >= 20
    assert {loc.raw["country_code"] for loc in springfields} >= {"US"}
    assert len({loc.raw["region"] for loc in springfields}) >= 10


@pytest.mark.parametrize("query", ["xqzzrtplk", "", "But", "The", "In", "So", "He", "We", "On"])
def test_nonsense_and_ordinary_words_are_not_places(gazetteer, query):
    assert gazetteer.geocode(query) is None


def test_reverse(gazetteer):
    loc = gazetteer.reverse((47.985, 37.281))
    assert loc.address == "Kurakhove, Donetsk, Ukraine"
    assert gazetteer.reverse((0.0, -140.0)) is None  # the middle of the Pacific


def test_no_network_adapter(gazetteer):
    from geopy.exc import GeocoderServiceError

    with pytest.raises(GeocoderServiceError):
        gazetteer.adapter.get_json("https://example.org", timeout=1, headers={})


@pytest.mark.parametrize("name", ["Russia", "Fiji", "United States", "Kiribati", "New Zealand"])
def test_outlines_valid_across_the_antimeridian(store, gazetteer, name):
    place_id = gazetteer.geocode(name, kinds=["country"]).raw["id"]
    outline = store.outline(place_id)
    assert outline.is_valid and not outline.is_empty
    west, south, east, north = outline.bounds
    assert west >= -180 and east <= 180 and south >= -90 and north <= 90
    for part in getattr(outline, "geoms", [outline]):
        assert part.bounds[2] - part.bounds[0] < 180, "a part wraps the wrong way round the globe"


def test_region_outline_holds_its_cities(store, gazetteer):
    donetsk = gazetteer.geocode("Donetsk region").raw
    outline = store.outline(donetsk["id"])
    for town in ("Kurakhove", "Pokrovsk", "Vuhledar"):
        loc = gazetteer.geocode(town, country_codes="ua")
        assert outline.contains(shapely.Point(loc.longitude, loc.latitude))


def test_every_region_outline_is_valid(store):
    rows = store._query("SELECT o.wkb FROM outlines o")
    geoms = shapely.from_wkb([r[0] for r in rows])
    assert len(geoms) > 3000
    assert shapely.is_valid(geoms).all()


def test_demonyms_are_names_of_countries(store):
    for word, country in (("ukrainian", "UA"), ("north korean", "KP"), ("polish", "PL"), ("american", "US")):
        assert any(m.place.country == country and m.source == "demonym" for m in store.by_name(word))
