"""Regions news names that are unions of first-level divisions or counties (gazetteer/macroregions.REGION_UNIONS),
on the real gazetteer: each is one place of kind area with the union of its divisions' outlines, in its country
when it has one, and an article's "the Midwest" or "Darfur" is read as it."""

from __future__ import annotations

import shapely

from mapviewer.model import Document


def test_each_union_is_one_area_with_its_divisions_outline(store):
    from mapviewer.gazetteer.macroregions import REGION_UNIONS

    for union in REGION_UNIONS:
        (place,) = [m.place for m in store.by_name(union.name.lower()) if m.place.kind == "area"]
        outline = store.outline(place.id)
        assert outline is not None and outline.area > 0, union.name
        assert outline.contains(shapely.Point(place.lon, place.lat)) or outline.distance(
            shapely.Point(place.lon, place.lat)) < 0.5, union.name
    midwest = next(m.place for m in store.by_name("midwest"))
    assert midwest.country == "US"
    assert store.outline(midwest.id).contains(shapely.Point(-93.6, 41.6))        # Des Moines, Iowa
    assert not store.outline(midwest.id).contains(shapely.Point(-97.7, 30.3))    # Austin, Texas
    kashmir = next(m.place for m in store.by_name("kashmir") if m.place.kind == "area")
    assert kashmir.country is None                                                 # on both sides of the line
    socal = next(m.place for m in store.by_name("southern california"))
    assert (socal.country, socal.admin1) == ("US", "CA")                          # its counties' state
    assert midwest.admin1 is None


def test_every_member_of_a_union_is_found_and_inside_it(store):
    """A member missing from the gazetteer would silently shrink its union: each one is looked up."""
    from mapviewer.gazetteer import sources
    from mapviewer.gazetteer.macroregions import REGION_UNIONS
    from mapviewer.text.normalize import fold

    admin1 = {f"{a.country}.{a.code}": a.name for a in sources.admin1_codes()}
    for union in REGION_UNIONS:
        (area,) = [m.place for m in store.by_name(fold(union.name)) if m.place.kind == "area"]
        outline = store.outline(area.id)
        members = [(code, admin1[code], "admin1") for code in union.regions]
        members += [(key.split(":")[0], key.split(":")[1], "county") for key in union.counties]
        for code, name, kind in members:
            country, region = code.split(".")
            found = [m.place for m in store.by_name(fold(name)) if m.place.kind == kind
                     and m.place.country == country and ((kind == "county" and m.place.admin1 == region)
                                                         or (kind == "admin1" and m.place.name == name))]
            assert len(found) == 1, (union.name, name, found)
            assert outline.distance(shapely.Point(found[0].lon, found[0].lat)) < 0.05, (union.name, name)


def test_unions_in_an_article(geoparser):
    text = ("Storms swept across the Midwest and New England on Tuesday, while refugees from Darfur crossed into "
            "Chad. Fighting in the Donbas continued; in Kashmir, troops clashed with militants. Oil from "
            "Kurdistan flows through Turkey.")
    found = {m.text: m.place for m in geoparser.analyse(Document(text)).mentions}
    for name in ("Midwest", "New England", "Darfur", "Donbas", "Kashmir"):
        assert found[name].kind == "area", (name, found[name])
    assert found["Kurdistan"].name == "Kurdistan Region"
    assert found["New England"].population > 10_000_000      # not New England, North Dakota
    text = ("Wildfires in Southern California and the Bay Area forced evacuations; Greater Manchester Police and "
            "West Midlands officers were sent to help in East Anglia.")
    found = {m.text: m.place for m in geoparser.analyse(Document(text)).mentions}
    assert found["Southern California"].kind == "area" and found["Bay Area"].name == "San Francisco Bay Area"
    assert {found[n].country for n in ("Greater Manchester", "West Midlands", "East Anglia")} == {"GB"}


def test_world_regions_made_of_other_regions(geoparser, store):
    """The Americas (M49) and the Asia-Pacific (usage) are unions of the M49 regions they are made of, and a
    region word inside such a name ("the Asia-Pacific region") is no cue that the next name is a state."""
    from mapviewer.gazetteer.macroregions import MACRO_REGIONS

    regions = {r.name: set(r.countries) for r in MACRO_REGIONS}
    assert regions["Americas"] == regions["Northern America"] | regions["Latin America"]
    assert {"JP", "AU", "ID", "FJ"} <= regions["Asia-Pacific"] and "IN" not in regions["Asia-Pacific"]
    text = "Security in the Asia-Pacific region worries Washington, and trade across the Americas grew."
    found = {m.text: m.place for m in geoparser.analyse(Document(text)).mentions}
    assert found["Asia-Pacific region"].name == "Asia-Pacific"
    assert found["Americas"].kind == "macroregion"
    assert found["Washington"].kind == "city"              # the capital, not Washington State


def test_the_channel_islands_by_the_story(geoparser):
    """Jersey and Guernsey in a story about the English Channel; the islands off California in one there."""
    def channel_islands(text):
        (place,) = [m.place for m in geoparser.analyse(Document(text)).mentions if m.text == "Channel Islands"]
        return place

    europe = channel_islands("Storm Ciarán battered Cornwall and Devon before hitting Normandy. The Channel "
                             "Islands were cut off.")
    assert europe.kind == "macroregion" and 49 < europe.lat < 50
    assert channel_islands("Fires on the Channel Islands off Santa Barbara, California, spread.").lon < -100
