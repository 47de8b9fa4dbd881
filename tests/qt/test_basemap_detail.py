"""The app's first map of a document: its page carries the basemap's world level only (made and drawn in
less than half the time), and the closer levels, their names and the outlines at each level follow as
data once the page is on the screen; a page shown meanwhile drops what was meant for the one before."""

from __future__ import annotations

import json

from mapviewer.mapping.basemap import BASEMAP_ID

from .conftest import LOAD_MS, js

LEVEL_PARTS = "mapviewerBasemap.levels().map(function (l) { return l.parts.length; })"


def _rows_on_file(window):
    page = window.map.page_path.read_text(encoding="utf-8")
    block = json.loads(page.split(f'id="{BASEMAP_ID}"', 1)[1].split(">", 1)[1].split("</script>", 1)[0])
    return [len(level["rows"]) for level in block["levels"]]


def test_the_first_page_has_the_world_level_and_the_closer_levels_follow(qtbot, loaded):
    assert _rows_on_file(loaded) == [1, 0, 0, 0]          # the page as loaded: the world's level
    qtbot.waitUntil(lambda: all(js(qtbot, loaded, LEVEL_PARTS)), timeout=LOAD_MS)
    # close to Kurakhove the finest level is drawn, with its villages named and Donetsk Oblast's outline
    # at that level's geometry
    js(qtbot, loaded, "window[mapviewer.data.map].setView([47.98, 37.28], 10, {animate: false}) && null")
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewerBasemap.level()") == 3, timeout=10_000)
    names = {name for name, _ in js(qtbot, loaded, "mapviewerBasemap.labels()")}
    assert {"Kurakhove", "Hostre"} <= names


def test_a_page_shown_meanwhile_drops_the_detail_meant_for_the_one_before(qtbot, loaded):
    before = loaded.map.page_number
    qtbot.waitUntil(lambda: all(js(qtbot, loaded, LEVEL_PARTS)), timeout=LOAD_MS)
    with qtbot.waitSignal(loaded.map.mapReady, timeout=LOAD_MS):
        loaded.redraw_map()                  # a new page (as after a new outline), made on a worker, coarse
    assert loaded.map.page_number == before + 1 and _rows_on_file(loaded) == [1, 0, 0, 0]
    qtbot.waitUntil(lambda: all(js(qtbot, loaded, LEVEL_PARTS)), timeout=LOAD_MS)      # its own detail
    loaded.map.add_basemap_detail(before, '{"levels": [], "labels": [], "outlines": {}}')
    qtbot.wait(300)
    parts = js(qtbot, loaded, LEVEL_PARTS)
    assert len(parts) == 4 and all(parts)                  # the new page's levels, untouched


def test_a_redrawn_page_of_what_the_window_no_longer_shows_is_made_again(qtbot, loaded):
    """A new page is made on a worker; a correction that comes meanwhile (new entries) makes the page under
    way stale: it is not shown, and the page of what the window shows now is made instead."""
    made = []
    loaded.redraw.ready.connect(lambda analyses, entries, page: made.append(entries))
    before = loaded.map.page_number
    loaded.redraw_map()
    assert loaded.map.page_number == before           # nothing shown yet: the page is made on the worker
    loaded.entries = list(loaded.entries)             # what a correction does meanwhile
    with qtbot.waitSignal(loaded.map.mapReady, timeout=LOAD_MS):
        qtbot.waitUntil(lambda: len(made) == 2, timeout=LOAD_MS)
    assert made[0] is not loaded.entries and made[1] is loaded.entries
    assert loaded.map.page_number == before + 1       # only the page of what is shown now
