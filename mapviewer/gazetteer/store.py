"""The read-only gazetteer store: answers lookups from a built file (gazetteer.lifecycle finds or builds it)."""

from __future__ import annotations

import math
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DamagedStore, GazetteerError
from ..model import NameMatch, Place, Progress
from ..text.normalize import skeleton
from .lifecycle import detail_path, ensure_detail, ensure_store, integrity_problem, problem
from .schema import PLACE_WIDTH, levels_of, place_columns, read_place

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

_NAME_CACHE_LIMIT = 200_000
REBUILD = "Rebuild it: Help › Rebuild gazetteer… in the app, or 'mapviewer gazetteer build'"

_PLACE_COLUMNS = place_columns("p")


class GazetteerStore:
    """Read-only access to a built store, and to its basemap detail file when that is built (attached as
    ``detail``: the basemap's closer levels). Thread-safe: one connection behind a lock."""

    def __init__(self, path: Path):
        reason = problem(path)
        if reason:
            raise GazetteerError(reason)
        self.path = path
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.meta = dict(self._query("SELECT key, value FROM meta"))
        # Which file holds each basemap level: the store, or its detail file once built.
        self._level_table = dict.fromkeys(levels_of(self.meta), "main")
        self.attach_detail()
        self._names: dict[str, tuple[NameMatch, ...]] = {}
        self._words: dict[str, float] | None = None  # loaded on first use: most users never need them
        self._persons: dict[str, tuple[float, float]] | None = None
        self._countries: dict[str, Place] | None = None
        self.like = lru_cache(maxsize=8192)(self._like)
        self.place = lru_cache(maxsize=65536)(self._place)

    @classmethod
    def open(cls, path: Path | None = None, progress: Progress | None = None) -> GazetteerStore:
        """Open the store at ``path`` (default: the user's cache) with its basemap detail, building them
        first if needed."""
        path = ensure_store(path, progress)
        ensure_detail(path, progress)
        return cls(path)

    def close(self) -> None:
        self._db.close()

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as e:
                raise damaged(self.path, e) from e

    def _matches(self, where: str, args: tuple[Any, ...]) -> list[NameMatch]:
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS}, n.name, n.key, n.source FROM names n "
            f"JOIN places p ON p.id = n.place_id WHERE {where}", args)
        return [NameMatch(read_place(r), *r[PLACE_WIDTH:]) for r in rows]

    def prefetch(self, keys: Iterable[str]) -> None:
        """Look up many folded names in a few queries; a document's lookups then hit the cache."""
        if len(self._names) > _NAME_CACHE_LIMIT:
            self._names.clear()
        todo = list({k for k in keys if k not in self._names})
        for i in range(0, len(todo), 500):
            chunk = todo[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found: dict[str, list[NameMatch]] = {k: [] for k in chunk}
            for m in self._matches(f"n.key IN ({marks})", tuple(chunk)):
                found[m.key].append(m)
            self._names.update((k, tuple(v)) for k, v in found.items())

    def clear_cache(self) -> None:
        self._names.clear()
        self.like.cache_clear()
        self.place.cache_clear()

    def by_name(self, key: str) -> tuple[NameMatch, ...]:
        """Places with exactly this folded name."""
        if key not in self._names:
            self.prefetch((key,))
        return self._names[key]

    def _like(self, key: str) -> tuple[NameMatch, ...]:
        """Places whose name sounds like ``key`` (same consonant skeleton)."""
        skel = skeleton(key)
        if len(skel) < 3:
            return ()
        return tuple(self._matches("n.skel = ? AND length(n.key) BETWEEN ? AND ? "
                                   "ORDER BY p.population DESC LIMIT 100", (skel, len(key) - 4, len(key) + 4)))

    def starting_with(self, prefix: str, limit: int = 50) -> tuple[NameMatch, ...]:
        """Places with a folded name that begins with ``prefix``, most populous first (type-ahead search)."""
        if not prefix:
            return ()
        return tuple(self._matches("n.key >= ? AND n.key < ? ORDER BY p.population DESC LIMIT ?",
                                   (prefix, prefix + "\uffff", limit)))

    def _place(self, place_id: int) -> Place | None:
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id = ?", (place_id,))
        return read_place(rows[0]) if rows else None

    def country(self, iso: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code (all countries are read once, in one query)."""
        if self._countries is None:
            rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.kind = 'country'")
            self._countries = {p.country: p for p in map(read_place, rows) if p.country}
        return self._countries.get(iso)

    def region(self, place: Place) -> Place | None:
        """The admin-1 region a city lies in."""
        return self.place(place.region_id) if place.region_id else None

    def word_frequency(self, key: str) -> float:
        """How common ``key`` is as an English word (wordfreq's Zipf scale; below 2 reads as 0)."""
        if self._words is None:
            self._words = dict(self._query("SELECT key, zipf FROM words"))
        return self._words.get(key, 0.0)

    def person_name(self, key: str) -> tuple[float, float]:
        """How common ``key`` is as a first name and as a surname (% of US Census 1990 people)."""
        if self._persons is None:
            self._persons = {k: (f, la) for k, f, la in self._query("SELECT key, first, last FROM person_names")}
        return self._persons.get(key, (0.0, 0.0))

    def outline(self, place_id: int) -> BaseGeometry | None:
        rows = self._query("SELECT wkb FROM outlines WHERE place_id = ?", (place_id,))
        return _geometry(rows[0][0]) if rows else None

    def attach_detail(self) -> bool:
        """Read the basemap's closer levels from the store's detail file from now on, if it is built and
        trusted (on a first run it is built after the store, while a first map is shown). Whether the
        store now has them."""
        detail = detail_path(self.path)
        if not self.detailed and problem(detail, self.meta.get("version")) is None:
            self._query("ATTACH DATABASE ? AS detail", (f"{detail.as_uri()}?mode=ro",))
            levels = levels_of(dict(self._query("SELECT key, value FROM detail.meta")))
            self._level_table.update(dict.fromkeys(levels, "detail"))
        return self.detailed

    @property
    def detailed(self) -> bool:
        """Whether the basemap's closer levels are here (else its detail file is still to be built, and a
        map shows the world's level at every zoom)."""
        return 1 in self._level_table

    def level_outlines(self, place_id: int) -> dict[int, BaseGeometry]:
        """A region's or country's outline drawn from the basemap's arcs, by basemap level (none for other
        places, and only the levels here): what a map page highlights, where the exports keep ``outline``."""
        import shapely

        found = {}
        for schema in set(self._level_table.values()):
            rows = self._query(f"SELECT level, geojson FROM {schema}.level_outlines WHERE place_id = ?", (place_id,))
            found.update({level: shapely.from_geojson(zlib.decompress(data)) for level, data in rows
                          if self._level_table.get(level) == schema})
        return found

    def basemap_cells(self, level: int, cells: Iterable[tuple[int, int]]) -> dict[tuple[int, int], tuple[bytes, bytes]]:
        """The basemap's drawing and names (zlib-compressed JSON, ``gazetteer/basemap.py``) of these cells of
        a level; a cell of open sea has none, nor has a level that is not here."""
        schema = self._level_table.get(level)
        if schema is None:
            return {}
        found = {}
        for x, y in cells:
            for data, labels in self._query(f"SELECT data, labels FROM {schema}.basemap "
                                            "WHERE level = ? AND x = ? AND y = ?", (level, x, y)):
                found[(x, y)] = (data, labels)
        return found

    def country_outlines(self) -> list[tuple[Place, BaseGeometry]]:
        rows = self._query(f"SELECT {_PLACE_COLUMNS}, o.wkb FROM outlines o JOIN places p ON p.id = o.place_id "
                           "WHERE p.kind = 'country'")
        return [(read_place(r), _geometry(r[PLACE_WIDTH])) for r in rows]

    def near(self, lat: float, lon: float, radius_km: float, kinds: tuple[str, ...] = ("city",)) -> list[Place]:
        """Places of ``kinds`` within ``radius_km`` of a point, nearest first."""
        dlat = radius_km / 111.2
        dlon = radius_km / (111.2 * max(math.cos(math.radians(lat)), 0.01))
        marks = ",".join("?" * len(kinds))
        box = (lat - dlat, lat + dlat, lon - dlon, lon + dlon, *kinds)
        index = self._level_table.get(1)     # the points' R*Tree comes with the basemap's detail
        if index is None:                    # until that is built: a scan of the places, tens of milliseconds
            rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.lat >= ? AND p.lat <= ? "
                               f"AND p.lon >= ? AND p.lon <= ? AND p.kind IN ({marks})", box)
        else:
            rows = self._query(
                f"SELECT {_PLACE_COLUMNS} FROM {index}.points r JOIN places p ON p.id = r.id WHERE r.min_lat >= ? "
                f"AND r.max_lat <= ? AND r.min_lon >= ? AND r.max_lon <= ? AND p.kind IN ({marks})", box)
        import numpy as np  # numpy and the distance formula: loaded by what asks for places near a point

        from ..geodesy import great_circle_km

        places = [read_place(r) for r in rows]
        dist = great_circle_km([p.lat for p in places], [p.lon for p in places], lat, lon)
        return [places[i] for i in np.argsort(dist, kind="stable") if dist[i] <= radius_km]

    def counts(self) -> dict[str, int]:
        counts = dict(self._query("SELECT kind, COUNT(*) FROM places GROUP BY kind"))
        counts["names"] = self._query("SELECT COUNT(*) FROM names")[0][0]
        counts["outlines"] = self._query("SELECT COUNT(*) FROM outlines")[0][0]
        return counts


def damaged(path: Path, error: sqlite3.Error) -> DamagedStore:
    """The error for a store that failed in use, with what its integrity check finds."""
    found = integrity_problem(path)
    check = f"its integrity check found: {found}" if found else "its integrity check found nothing wrong"
    return DamagedStore(f"the gazetteer at {path} failed ({error}); {check}. {REBUILD}", path)


def _geometry(wkb: bytes) -> BaseGeometry:
    import shapely  # loaded by the maps and exports that draw outlines; the geoparser never needs it

    return shapely.from_wkb(wkb)
