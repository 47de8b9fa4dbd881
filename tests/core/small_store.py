"""A small gazetteer store written with the real writer: fast unit tests need no 60 s build. It holds
five places and only the words and person names the tests ask about."""

from __future__ import annotations

from pathlib import Path

import shapely

from mapviewer.gazetteer.build import PlaceRecord, write_store
from mapviewer.model import Progress

VERSION = "small-test-store"
WORDS = {"paris": 3.9, "the": 7.73}
PERSON_NAMES = {"paris": (0.0, 0.001)}


def small_places() -> list[PlaceRecord]:
    ukraine = PlaceRecord(1, "Ukraine", "country", 49.0, 32.0, 41_000_000, "UA", geonameid=690791,
                          feature="A.PCLI", outline=shapely.box(22, 44, 40, 52))
    donetsk = PlaceRecord(2, "Donetsk", "admin1", 48.0, 37.7, 4_000_000, "UA", "05", geonameid=709716,
                          feature="A.ADM1", outline=shapely.box(36.5, 46.8, 39, 49.3))
    kurakhove = PlaceRecord(3, "Kurakhove", "city", 47.98, 37.28, 18_000, "UA", "05", region_id=2,
                            geonameid=704109, feature="P.PPL")
    paris = PlaceRecord(4, "Paris", "city", 48.85, 2.35, 2_100_000, "FR", "11", geonameid=2988507,
                        feature="P.PPLC")
    paris_tx = PlaceRecord(5, "Paris", "city", 33.66, -95.56, 25_000, "US", "TX", geonameid=4717560,
                           feature="P.PPL")
    for place, names in ((ukraine, ["Ukraine", "Ukrainian"]), (donetsk, ["Donetsk", "Donetsk Oblast"]),
                         (kurakhove, ["Kurakhove", "Kurakhovo"]), (paris, ["Paris"]), (paris_tx, ["Paris"])):
        for name in names:
            place.add_name(name, "demonym" if name == "Ukrainian" else "geonames")
    return [ukraine, donetsk, kurakhove, paris, paris_tx]


def write_small_store(path: Path, version: str = VERSION, progress: Progress | None = None) -> None:
    write_store(path, small_places(), (), version, WORDS, PERSON_NAMES, progress)
