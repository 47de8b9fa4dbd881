"""A gazetteer damaged in the middle: it opens (its header and meta table are whole), then fails in use;
the error says what SQLite's integrity check found and how to rebuild, ``gazetteer info`` checks it, and
``gazetteer build`` never writes over another program's file."""

from __future__ import annotations

import sqlite3

import pytest

from mapviewer.cli import main
from mapviewer.errors import DamagedStore
from mapviewer.gazetteer import GazetteerStore
from mapviewer.gazetteer.lifecycle import ENV_PATH, integrity_problem, problem

from ..conftest import SEED
from ..damaged_store import damaged_copy


@pytest.fixture(scope="module")
def damaged(store, tmp_path_factory):
    return damaged_copy(store.path, tmp_path_factory.mktemp("damaged"))


def test_a_store_damaged_in_the_middle_opens_then_fails_with_its_integrity_check(store, damaged):
    assert problem(damaged) is None and integrity_problem(store.path) is None
    assert integrity_problem(damaged)
    opened = GazetteerStore(damaged)
    with pytest.raises(DamagedStore) as e:
        opened.counts()
    message = str(e.value)
    assert message.startswith(f"the gazetteer at {damaged} failed (")
    assert "its integrity check found: " in message and "mapviewer gazetteer build" in message
    assert "Rebuild gazetteer…" in message and e.value.path == damaged


def test_gazetteer_info_checks_integrity(damaged, monkeypatch, capsys):
    monkeypatch.setenv(ENV_PATH, str(damaged))
    assert main(["gazetteer", "info"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"mapviewer: the gazetteer at {damaged} is damaged; its integrity check found: ")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_gazetteer_info_of_a_sound_store_says_so(store, monkeypatch, capsys):
    monkeypatch.setenv(ENV_PATH, str(store.path))
    assert main(["gazetteer", "info"]) == 0
    assert "check    ok (PRAGMA quick_check)" in capsys.readouterr().out


def test_geoparse_on_a_damaged_store_says_how_to_rebuild(damaged, monkeypatch, capsys):
    monkeypatch.setenv(ENV_PATH, str(damaged))
    assert main(["geoparse", str(SEED)]) == 1
    err = capsys.readouterr().err
    assert "integrity check found" in err and "mapviewer gazetteer build" in err and err.count("\n") == 1


def test_gazetteer_build_never_replaces_another_programs_file(tmp_path, monkeypatch, capsys):
    other = tmp_path / "notes.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    before = other.read_bytes()
    monkeypatch.setenv(ENV_PATH, str(other))
    assert main(["gazetteer", "build"]) == 1
    assert "is not a mapviewer gazetteer" in capsys.readouterr().err
    assert other.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]
