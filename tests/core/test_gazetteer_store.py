"""The store file: written atomically, checked on open, rebuilt when damaged or stale."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys

import pytest

from mapviewer.errors import Cancelled, GazetteerError
from mapviewer.gazetteer import GazetteerStore, OfflineGazetteer
from mapviewer.gazetteer.lifecycle import ensure_store, problem, rebuild
from mapviewer.gazetteer.schema import PLACES
from mapviewer.model import Place

from ..conftest import ROOT
from ..privileges import unprivileged
from .small_store import VERSION, write_small_store


def _left(folder):
    """What a build left in ``folder``, but for its lock file (empty; kept, so that no process ever waits on
    a lock file another has just deleted)."""
    return [p.name for p in folder.iterdir() if not p.name.endswith(".lock")]


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
    """A store of ours whose pages are damaged (its header, application_id included, intact) is rebuilt."""
    path = tmp_path / "store.sqlite"
    write_small_store(path, "old")
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    built = []

    def build(p, version, progress):
        built.append(version)
        write_small_store(p, version)

    assert ensure_store(path, build=build) == path
    assert built and problem(path, built[0]) is None
    GazetteerStore(path).close()
    assert ensure_store(path, build=build) == path and len(built) == 1  # trusted now: no rebuild


@pytest.mark.parametrize("content", [b"SQLite format 3\x00" + b"\x00" * 200, b"my notes, not a database" * 50, b""])
def test_a_file_that_is_not_ours_is_never_replaced(tmp_path, content):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(content)
    with pytest.raises(GazetteerError, match="not a mapviewer gazetteer"):
        ensure_store(path, build=lambda p, v, progress: write_small_store(p, v))
    assert path.read_bytes() == content and sorted(os.listdir(tmp_path)) == ["notes.sqlite"]


def test_another_programs_sqlite_database_is_never_replaced(tmp_path):
    path = tmp_path / "app.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.execute("INSERT INTO notes VALUES ('keep me')")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(GazetteerError, match="not a mapviewer gazetteer"):
        ensure_store(path, build=lambda p, v, progress: write_small_store(p, v))
    assert path.read_bytes() == before


def test_an_unwritable_folder_fails_at_once(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    built = []
    try:
        with unprivileged(), pytest.raises(GazetteerError, match="cannot write the gazetteer"):
            ensure_store(folder / "store.sqlite", build=lambda p, v, progress: built.append(v))
    finally:
        folder.chmod(0o700)
    assert built == []


def test_two_processes_share_one_build(tmp_path):
    """Both ask for the store at once: one builds, the other waits and uses it."""
    path = tmp_path / "store.sqlite"
    code = ("import sys, time\n"
            "from mapviewer.gazetteer.lifecycle import ensure_store\n"
            "from tests.core.small_store import write_small_store\n"
            "def build(p, v, progress):\n"
            "    print('built', flush=True)\n"
            "    time.sleep(1.5)\n"
            "    write_small_store(p, v)\n"
            "ensure_store(__import__('pathlib').Path(sys.argv[1]), build=build)\n")
    runs = [subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [r.communicate(timeout=120)[0] for r in runs]
    assert all(r.returncode == 0 for r in runs)
    assert sum(o.count("built") for o in outputs) == 1
    assert problem(path) is None


def test_half_written_build_leaves_nothing_behind(tmp_path):
    path = tmp_path / "store.sqlite"

    class Crash(Exception):
        pass

    def crash(message, fraction):
        if message == "writing names":
            raise Crash

    with pytest.raises(Crash):
        ensure_store(path, crash, build=write_small_store)
    assert _left(tmp_path) == []


def test_a_cancelled_build_leaves_nothing_behind(tmp_path):
    path = tmp_path / "store.sqlite"
    seen = []
    with pytest.raises(Cancelled):
        rebuild(path, lambda m, f: seen.append(m), build=write_small_store, cancelled=lambda: len(seen) >= 2)
    assert seen == ["writing places", "writing names"]
    assert _left(tmp_path) == []


def test_the_store_reads_places_in_the_columns_the_builder_writes(small):
    assert PLACES.names == tuple(f.name for f in dataclasses.fields(Place))[:len(PLACES.names)]
    kurakhove = GazetteerStore(small).place(3)
    assert (kurakhove.name, kurakhove.kind, kurakhove.region_id, kurakhove.feature) == \
        ("Kurakhove", "city", 2, "P.PPL")
