"""The store's tables, written down once: the builder creates and fills them from these definitions,
the store reads them through the same column lists, so the two cannot drift apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Place

# Bump on any change of what the builder writes (tables, names, rules): stores of another version are
# rebuilt, as the version is part of the data hash (gazetteer.lifecycle.data_version).
BUILDER_VERSION = 34
# The least Zipf frequency a word is kept with: rarer words read as no English word (0) to the recognizer.
WORD_FLOOR = 2.0
# SQLite's application_id of every store mapviewer writes ("MVgz"): how a file is known to be ours.
APPLICATION_ID = 0x4D56677A

# Where a name came from (the names.source column).
PRIMARY, ALTERNATE, NATURAL_EARTH, COUNTRY_INFO, GENERATED, DEMONYM, METONYM = (
    "geonames", "geonames-alternate", "natural-earth", "countryinfo", "generated", "demonym", "metonym")


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its columns in order, (name, SQL type and constraints), and what follows them."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: str = ""       # a table constraint, e.g. "PRIMARY KEY (key, place_id)"
    options: str = ""   # e.g. "WITHOUT ROWID"
    module: str = ""    # a virtual table's module, e.g. "rtree" (its columns have no types)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def create(self) -> str:
        if self.module:
            return f"CREATE VIRTUAL TABLE {self.name} USING {self.module}({', '.join(self.names)});"
        parts = [f"{name} {sql}" for name, sql in self.columns] + ([self.key] if self.key else [])
        return f"CREATE TABLE {self.name} ({', '.join(parts)}) {self.options};".replace(" ;", ";")

    def insert(self, named: bool = False) -> str:
        """INSERT of whole rows: values in column order, or (``named``) a mapping by column name."""
        marks = ", ".join(f":{n}" for n in self.names) if named else ",".join("?" * len(self.columns))
        return f"INSERT INTO {self.name} ({', '.join(self.names)}) VALUES ({marks})"


META = Table("meta", (("key", "TEXT PRIMARY KEY"), ("value", "TEXT NOT NULL")))
# The first columns are Place's fields, in order (tests/core/test_gazetteer_store.py checks it).
PLACES = Table("places", (
    ("id", "INTEGER PRIMARY KEY"), ("name", "TEXT NOT NULL"), ("kind", "TEXT NOT NULL"), ("country", "TEXT"),
    ("admin1", "TEXT"), ("region_id", "INTEGER"), ("lat", "REAL NOT NULL"), ("lon", "REAL NOT NULL"),
    ("population", "INTEGER NOT NULL"), ("geonameid", "INTEGER"), ("feature", "TEXT NOT NULL")))
NAMES = Table("names", (("key", "TEXT NOT NULL"), ("place_id", "INTEGER NOT NULL"), ("name", "TEXT NOT NULL"),
                        ("source", "TEXT NOT NULL"), ("skel", "TEXT NOT NULL")),
              key="PRIMARY KEY (key, place_id)", options="WITHOUT ROWID")
# The towns' names as the build's helper process hands them to its builder (``build.town_name_rows``), in
# the names table's order (their rowids'): by key, then by ``rank``, the town's place in the builder's order
# of towns, so of their place ids, which are the builder's to give. Not in a store.
TOWN_NAMES = Table("town_names", (("key", "TEXT NOT NULL"), ("rank", "INTEGER NOT NULL"),
                                  ("name", "TEXT NOT NULL"), ("source", "TEXT NOT NULL"),
                                  ("skel", "TEXT NOT NULL")))
WORDS = Table("words", (("key", "TEXT PRIMARY KEY"), ("zipf", "REAL NOT NULL")), options="WITHOUT ROWID")
PERSON_NAMES = Table("person_names", (("key", "TEXT PRIMARY KEY"), ("first", "REAL NOT NULL"),
                                      ("last", "REAL NOT NULL")), options="WITHOUT ROWID")
OUTLINES = Table("outlines", (("place_id", "INTEGER PRIMARY KEY"), ("wkb", "BLOB NOT NULL")))
# The highlighted outlines of regions and countries drawn from the basemap's own arcs, one per basemap level
# (gazetteer/basemap.py ``level_outline_rows``: zlib-compressed GeoJSON geometries), so that a highlight sits
# on the basemap's borders at every zoom.
LEVEL_OUTLINES = Table("level_outlines", (("place_id", "INTEGER NOT NULL"), ("level", "INTEGER NOT NULL"),
                                          ("geojson", "BLOB NOT NULL")),
                       key="PRIMARY KEY (place_id, level)", options="WITHOUT ROWID")
# The offline basemap (gazetteer/basemap.py): per level and grid cell, its drawing and its names (zlib JSON).
BASEMAP = Table("basemap", (("level", "INTEGER NOT NULL"), ("x", "INTEGER NOT NULL"), ("y", "INTEGER NOT NULL"),
                            ("data", "BLOB NOT NULL"), ("labels", "BLOB NOT NULL")),
                key="PRIMARY KEY (level, x, y)", options="WITHOUT ROWID")
# The admin-1 topology's members (``index``, comma-separated) a region, county or country is made of: what
# the basemap's detail build (``gazetteer.build.build_detail``) draws its highlighted outlines from.
MEMBERS = Table("members", (("place_id", "INTEGER PRIMARY KEY"), ("members", "TEXT NOT NULL")))
# An R*Tree of the places' points, for "what lies near here" (same id as places).
POINTS = Table("points", tuple((name, "") for name in ("id", "min_lat", "max_lat", "min_lon", "max_lon")),
               module="rtree")

TABLES = (META, PLACES, NAMES, WORDS, PERSON_NAMES, OUTLINES, MEMBERS, LEVEL_OUTLINES, BASEMAP)
# The detail: the basemap's levels below the world's and the points' R*Tree (what only a map's closer zooms
# and reverse geocoding use), in a file of its own beside the store, built after it while the first map is
# already shown (gazetteer.lifecycle.ensure_detail). A store written whole holds them itself.
DETAIL_TABLES = (META, LEVEL_OUTLINES, BASEMAP, POINTS)
# The meta key saying which basemap levels a file holds ("0": the world only; "0,1,2,3": all of them).
LEVELS_KEY = "basemap_levels"
# A store's indexes: the places' made once they are written, the names' once they are.
PLACES_INDEX = "CREATE INDEX places_geonameid ON places (geonameid)"
NAMES_INDEX = "CREATE INDEX names_skel ON names (skel)"


def levels_of(meta: dict[str, str]) -> set[int]:
    """The basemap levels a file holds, from its meta table (``LEVELS_KEY``)."""
    return {int(n) for n in meta.get(LEVELS_KEY, "").split(",") if n}


def create_script(tables: tuple[Table, ...] = TABLES) -> str:
    """The SQL that creates an empty store (or, with ``DETAIL_TABLES``, an empty detail file)."""
    return "\n".join(t.create() for t in tables)


def place_columns(alias: str) -> str:
    """The select list that ``read_place`` reads, for the places table under ``alias``."""
    return ", ".join(f"{alias}.{name}" for name in PLACES.names)


PLACE_WIDTH = len(PLACES.columns)


def read_place(row: Sequence[Any]) -> Place:
    """The Place in the first columns of a row selected with ``place_columns``."""
    return Place(*row[:PLACE_WIDTH])
