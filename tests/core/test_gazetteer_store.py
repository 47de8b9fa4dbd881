"""The store file: written atomically, checked on open, rebuilt when damaged or stale."""

from __future__ import annotations

import dataclasses

import pytest

from mapviewer.errors import Cancelled, GazetteerError
from mapviewer.gazetteer import GazetteerStore, OfflineGazetteer
from mapviewer.gazetteer.lifecycle import ensure_store, problem, rebuild
from mapviewer.gazetteer.schema import PLACES
from mapviewer.model import Place

from .small_store import VERSION, write_small_store


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.sqlite"
    write_small_store(path)
    return path


def test_small_store_answers_with_its_own_places(small):
    g = OfflineGazetteer(GazetteerStore(small))
    assert g.geocode("kurakhovo").raw["name"] == "Kurakhove"
    assert g.geocode("Paris").raw["country_code"] == "FR"
    assert g.geocode("Paris", country_codes="us").raw["country_code"] == "US"
    assert len(g.geocode("Paris", exactly_one=False)) == 2
    assert g.geocode("Kurakhove").address == "Kurakhove, Donetsk, Ukraine"


def test_a_complete_store_has_no_problem(small):
    assert problem(small, VERSION) is None


def test_truncated_store_is_detected(small):
    data = small.read_bytes()
    small.write_bytes(data[: len(data) // 2])
    assert "incomplete" in problem(small, VERSION)
    with pytest.raises(GazetteerError):
        GazetteerStore(small)


def test_garbage_is_not_a_store(tmp_path):
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    assert "not a gazetteer store" in problem(path)


def test_stale_version_is_detected(small):
    assert "other data" in problem(small, "another-version")


def test_damaged_store_is_rebuilt(tmp_path):
    path = tmp_path / "store.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    built = []

    def build(p, version, progress):
        built.append(version)
        write_small_store(p, version)

    assert ensure_store(path, build=build) == path
    assert built and problem(path, built[0]) is None
    GazetteerStore(path).close()
    assert ensure_store(path, build=build) == path and len(built) == 1  # trusted now: no rebuild


def test_half_written_build_leaves_nothing_behind(tmp_path):
    path = tmp_path / "store.sqlite"

    class Crash(Exception):
        pass

    def crash(message, fraction):
        if message == "writing names":
            raise Crash

    with pytest.raises(Crash):
        ensure_store(path, crash, build=write_small_store)
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_build_leaves_nothing_behind(tmp_path):
    path = tmp_path / "store.sqlite"
    seen = []
    with pytest.raises(Cancelled):
        rebuild(path, lambda m, f: seen.append(m), build=write_small_store, cancelled=lambda: len(seen) >= 2)
    assert seen == ["writing places", "writing names"]
    assert list(tmp_path.iterdir()) == []


def test_the_store_reads_places_in_the_columns_the_builder_writes(small):
    assert PLACES.names == tuple(f.name for f in dataclasses.fields(Place))[:len(PLACES.names)]
    kurakhove = GazetteerStore(small).place(3)
    assert (kurakhove.name, kurakhove.kind, kurakhove.region_id, kurakhove.feature) == \
        ("Kurakhove", "city", 2, "P.PPL")
