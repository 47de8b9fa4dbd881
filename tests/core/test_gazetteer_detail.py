"""The store and its basemap detail: the store alone geoparses and draws a first map (the world's level
of the basemap at every zoom, highlights drawn from the same level's arcs); the detail file beside it
adds the closer levels once built, and is only ever written where no file of another program lies."""

from __future__ import annotations

import json

import pytest

from mapviewer.errors import GazetteerError
from mapviewer.gazetteer.lifecycle import detail_path, ensure_detail, needs_detail
from mapviewer.gazetteer.store import GazetteerStore
from mapviewer.mapping.basemap import BASEMAP_ID, page_cells
from mapviewer.mapping.build import basemap_detail, page_html, page_pieces
from mapviewer.pipeline import Geoparser
from mapviewer.places import collect_places

from .small_store import write_small_store


@pytest.fixture
def store_alone(tmp_path, store):
    """The session's real store seen without its detail file (a link to it in a folder of its own)."""
    link = tmp_path / "gazetteer.sqlite"
    link.symlink_to(store.path)
    opened = GazetteerStore(link)
    yield opened
    opened.close()


def test_the_session_store_has_its_detail(store):
    assert needs_detail(store.path)
    assert store.detailed and detail_path(store.path).is_file()


def test_a_store_without_its_detail_geoparses_alike_and_draws_the_world_level(store_alone, store, seed_analysis):
    assert not store_alone.detailed
    analysis = Geoparser(store_alone).analyse(seed_analysis.document)
    assert [(m.start, m.end, m.place.id if m.place else None) for m in analysis.mentions] == \
        [(m.start, m.end, m.place.id if m.place else None) for m in seed_analysis.mentions]

    entries = collect_places([analysis], store_alone)
    cells = page_cells(entries, store_alone)
    assert cells.chosen[0] and not any(cells.chosen[1:])     # the world, and nothing closer yet
    full = page_cells(collect_places([seed_analysis], store), store)
    assert all(full.chosen[1:])
    region = next(e for e in entries if e.place.kind == "admin1" and e.place.name.startswith("Donetsk"))
    assert set(store_alone.level_outlines(region.place.id)) == {0}
    assert set(store.level_outlines(region.place.id)) == {0, 1, 2, 3}

    page = page_html([analysis], store_alone, entries)
    data = json.loads(page.split(f'id="{BASEMAP_ID}"', 1)[1].split(">", 1)[1].split("</script>", 1)[0])
    assert [len(level["rows"]) for level in data["levels"]] == [1, 0, 0, 0]


def _basemap_block(page):
    return json.loads(page.split(f'id="{BASEMAP_ID}"', 1)[1].split(">", 1)[1].split("</script>", 1)[0])


def test_a_coarse_page_and_its_detail_make_the_whole_page(store, seed_analysis):
    """The app's first page of a document carries the world's level only; the detail sent after it has
    the closer levels, their names and the outlines at each level exactly as the whole page has them."""
    entries = collect_places([seed_analysis], store)
    coarse = _basemap_block("".join(page_pieces([seed_analysis], store, entries, coarse=True)))
    whole = _basemap_block(page_html([seed_analysis], store, entries))
    assert [len(level["rows"]) for level in coarse["levels"]] == [1, 0, 0, 0]
    assert all(len(level["rows"]) for level in whole["levels"])
    assert all(level[1:] == [None] * 3 for level in coarse["outlines"].values())   # the world level's outline
    detail = json.loads(basemap_detail(entries, store))
    for key in ("levels", "labels", "outlines"):
        assert detail[key] == whole[key], key
    assert len(detail["labels"]) > len(coarse["labels"])
    assert coarse["outlines"].keys() == whole["outlines"].keys() and \
        all(coarse["outlines"][k][0] == whole["outlines"][k][0] for k in whole["outlines"])


def test_a_store_written_whole_has_no_detail_file(tmp_path):
    path = tmp_path / "small.sqlite"
    write_small_store(path)
    assert not needs_detail(path)
    assert ensure_detail(path) is None
    assert GazetteerStore(path).detailed
    assert not detail_path(path).exists()


@pytest.mark.parametrize("content", [b"my notes, not a gazetteer", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_file_where_the_detail_goes_that_is_not_ours_is_never_replaced(store_alone, content):
    other = detail_path(store_alone.path)
    other.write_bytes(content)
    with pytest.raises(GazetteerError, match="not a mapviewer gazetteer"):
        ensure_detail(store_alone.path)
    assert other.read_bytes() == content
    assert not store_alone.attach_detail()


@pytest.mark.parametrize("point", [(47.98, 37.28), (48.85, 2.35), (40.71, -74.01), (-33.87, 151.21)])
def test_places_near_a_point_are_the_same_before_the_detail_brings_their_index(store_alone, store, point):
    assert [p.id for p in store_alone.near(*point, 50)] == [p.id for p in store.near(*point, 50)] != []
    assert [p.id for p in store_alone.near(*point, 500, kinds=("admin1", "country"))] == \
        [p.id for p in store.near(*point, 500, kinds=("admin1", "country"))] != []


def test_stores_of_earlier_versions_are_removed_from_the_cache_but_nothing_else(tmp_path):
    from filelock import FileLock

    from mapviewer.gazetteer.lifecycle import remove_stale_stores

    current = tmp_path / "gazetteer-new.sqlite"
    write_small_store(current)
    old, busy = tmp_path / "gazetteer-old.sqlite", tmp_path / "gazetteer-busy.sqlite"
    for path in (old, busy, detail_path(old)):
        write_small_store(path, version="an earlier version")
    foreign = tmp_path / "gazetteer-notes.sqlite"
    foreign.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    held = FileLock(busy.with_name(f".{busy.name}.lock"))
    held.acquire()
    try:
        assert sorted(remove_stale_stores(current)) == sorted([old, detail_path(old)])
    finally:
        held.release()
    assert current.is_file() and busy.is_file() and foreign.is_file() and not old.exists()
