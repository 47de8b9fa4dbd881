"""The map tools in the window, with the real QtWebEngine offscreen: mapviewer's own context menu (never the
browser's), coordinates, scale bar, zoom buttons, locator, measuring, filters, theme, preferences, PNG export."""

from __future__ import annotations

import json

import pytest
from coloraide import Color
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from mapviewer.geodesy import geodesic_km
from mapviewer.palette import DARK, LIGHT
from mapviewer.qt.preferences import Preferences, load_preferences

from ..browser.pages import basemap_colour
from .conftest import js, select_text

OCEAN = (-40.0, -30.0)          # the South Atlantic: no marker under the pointer
BLACK_SEA, UKRAINE = (43.3, 34.0), (50.4, 26.5)     # open sea and land on the offline basemap
BROWSER_ACTIONS = {"Back", "Forward", "Reload", "View page source", "Save page", "Inspect"}


def _to(qtbot, window, lat, lon, zoom):
    js(qtbot, window, f"(mapviewer.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}), true)")


def _centre(qtbot, window):
    return js(qtbot, window, "mapviewer.center()")


def _menus_shown():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def test_a_right_click_on_the_map_shows_mapviewers_menu_never_the_browsers(qtbot, loaded):
    _to(qtbot, loaded, *OCEAN, 5)
    before = loaded.map.url()
    target = loaded.map.focusProxy() or loaded.map
    centre = QPoint(loaded.map.width() // 2, loaded.map.height() // 2)
    QTest.mouseMove(target, centre)
    QTest.mouseClick(target, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: loaded.tools.active_menu is not None, timeout=10_000)
    qtbot.wait(300)
    texts = [a.text() for a in loaded.tools.active_menu.actions() if a.text()]
    assert texts[0].startswith("Copy coordinates (") and "Measure from here" in texts
    shown = {a.text().replace("&", "") for m in _menus_shown() for a in m.actions()}
    assert not shown & BROWSER_ACTIONS
    loaded.tools.active_menu.close()
    # the legend takes no right-click of its own: the browser would offer its menu there, the view does not
    x, y = js(qtbot, loaded, "(r => [r.left + 10, r.top + 10])(document.querySelector('.mv-legend')"
                             ".getBoundingClientRect())")
    QTest.mouseClick(target, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, QPoint(int(x), int(y)))
    qtbot.wait(800)
    shown = {a.text().replace("&", "") for m in _menus_shown() for a in m.actions()}
    assert not shown & BROWSER_ACTIONS, shown
    assert loaded.map.contextMenuPolicy() == Qt.ContextMenuPolicy.PreventContextMenu
    lat, lon = (float(v) for v in texts[0].split("(")[1].rstrip(")").split(","))
    assert abs(lat - OCEAN[0]) < 3 and abs(lon - OCEAN[1]) < 3       # the point under the pointer
    assert loaded.map.url() == before


def test_copy_coordinates_and_measure_from_the_menu(qtbot, loaded):
    menu = loaded.tools.map_menu(*OCEAN)
    copy = next(a for a in menu.actions() if a.text().startswith("Copy coordinates"))
    copy.trigger()
    assert QGuiApplication.clipboard().text() == "-40.00000, -30.00000"
    next(a for a in menu.actions() if a.text() == "Measure from here").trigger()
    assert loaded.tools.measure.active and loaded.tools.actions["measure"].isChecked()
    south = (OCEAN[0] - 0.0899, OCEAN[1])          # about ten kilometres south
    js(qtbot, loaded, f"(mapviewer.map.fire('click', {{latlng: L.latLng({south[0]}, {south[1]})}}), true)")
    qtbot.waitUntil(lambda: loaded.tools.measure.km is not None, timeout=5_000)
    assert loaded.tools.measure.km == pytest.approx(geodesic_km(*OCEAN, *south), rel=1e-9)
    assert 9.9 < loaded.tools.measure.km < 10.1
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewer.tools.measured.getLayers().length") == 3, timeout=5_000)
    label = js(qtbot, loaded, "document.querySelector('.mv-measure-label').textContent")
    assert label.startswith("9.9") or label.startswith("10")
    assert "km" in label and "mi" in label and label in loaded.statusBar().currentMessage()
    loaded.tools.actions["measure"].trigger()                          # Ctrl+M again: done
    assert not loaded.tools.measure.active
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewer.tools.measured.getLayers().length") == 0, timeout=5_000)


def test_add_a_place_here_adds_the_selected_name_where_the_user_clicked(qtbot, loaded):
    assert not next(a for a in loaded.tools.map_menu(*OCEAN).actions() if a.text().startswith("Add")).isEnabled()
    select_text(loaded, "carnage")
    add = next(a for a in loaded.tools.map_menu(48.5, 35.0).actions() if a.text().startswith("Add"))
    assert add.isEnabled() and add.text() == "Add “carnage” here"
    with qtbot.waitSignal(loaded.corrected, timeout=10_000):
        add.trigger()
    added = [m for m in loaded.analyses[0].mentions if m.text == "carnage"]
    assert len(added) == 1 and added[0].status == "added"
    assert (added[0].place.lat, added[0].place.lon) == (48.5, 35.0)
    assert loaded.review.undo_stack.undoText().startswith("Add carnage")
    with qtbot.waitSignal(loaded.corrected, timeout=10_000):
        loaded.review.undo_stack.undo()                                # Edit › Undo takes it away again
    assert not any(m.text == "carnage" for m in loaded.analyses[0].mentions) and not loaded.is_modified()


def test_coordinates_under_the_pointer_and_a_scale_bar_that_fits_its_text(qtbot, loaded):
    js(qtbot, loaded, "(mapviewer.map.fire('mousemove', {latlng: L.latLng(47.98, -37.28)}), true)")
    assert js(qtbot, loaded, "document.getElementById('mv-coords').textContent") == "47.9800° N, 37.2800° W"
    for zoom in (2, 4, 6, 9, 12):
        _to(qtbot, loaded, 48.0, 37.3, zoom)
        qtbot.wait(100)
        fits = js(qtbot, loaded, """(() => {
          const lines = [...document.querySelectorAll('.leaflet-control-scale-line')];
          const scale = document.querySelector('.leaflet-control-scale').getBoundingClientRect();
          const attr = document.querySelector('.leaflet-control-attribution').getBoundingClientRect();
          const apart = scale.right <= attr.left || scale.top >= attr.bottom || scale.bottom <= attr.top;
          return lines.every(l => l.scrollWidth <= l.clientWidth) && apart;
        })()""")
        assert fits, f"scale bar at zoom {zoom}"


def test_zoom_to_all_to_the_selected_place_and_reset(qtbot, loaded):
    opening = _centre(qtbot, loaded)
    key = next(e.key for e in loaded.entries if e.place.name == "Kurakhove")
    _to(qtbot, loaded, *OCEAN, 6)
    loaded.tools.actions["zoom_all"].trigger()
    qtbot.waitUntil(lambda: _centre(qtbot, loaded)[0] > 20, timeout=5_000)
    assert _centre(qtbot, loaded)[2] <= 4                                 # Florida to North Korea
    loaded.select(key, "table")
    _to(qtbot, loaded, *OCEAN, 6)
    loaded.tools.actions["zoom_selected"].trigger()
    qtbot.waitUntil(lambda: abs(_centre(qtbot, loaded)[0] - 47.98) < 0.5, timeout=5_000)
    loaded.tools.actions["reset_view"].trigger()
    qtbot.waitUntil(lambda: _centre(qtbot, loaded) == opening, timeout=5_000)


def test_the_locator_finds_any_gazetteer_place_and_flies_there(qtbot, loaded):
    assert loaded.tools.actions["locate"].shortcut().toString() == "Ctrl+L"
    assert not any(e.place.name == "Kramatorsk" for e in loaded.entries)     # not a place of the article
    loaded.tools.actions["locate"].trigger()
    dialog = loaded.tools.locator
    dialog.query.setText("Kramatorsk")
    dialog.refresh()
    row = [dialog.table.item(0, c).text() for c in range(4)]
    assert row[0].startswith("Kramatorsk") and row[1] == "city" and row[3] == "Ukraine" and row[2]
    dialog.accept()
    qtbot.waitUntil(lambda: abs(_centre(qtbot, loaded)[0] - 48.72) < 0.1
                    and abs(_centre(qtbot, loaded)[1] - 37.56) < 0.1, timeout=10_000)
    label = js(qtbot, loaded, "document.querySelector('.mv-located-label').textContent")
    assert label.startswith("Kramatorsk (") and "Ukraine" in label and label.endswith("· town")


def test_markers_follow_the_table_filter_the_legend_and_the_confidence(qtbot, loaded):
    everything = len(loaded.entries)
    clustered = "mapviewer.markers.getLayers().filter(l => mapviewer.cluster.hasLayer(l)).length"
    assert js(qtbot, loaded, clustered) == everything
    loaded.search.setText("donetsk")
    rows = loaded.proxy.rowCount()
    assert 0 < rows < everything
    qtbot.waitUntil(lambda: js(qtbot, loaded, clustered) == rows, timeout=5_000)
    keys = {loaded.model.key_at(loaded.proxy.mapToSource(loaded.proxy.index(r, 0)).row()) for r in range(rows)}
    assert set(js(qtbot, loaded, "mapviewer.tools.shown()")) == keys
    loaded.search.clear()
    qtbot.waitUntil(lambda: js(qtbot, loaded, clustered) == everything, timeout=5_000)

    countries = sum(e.place.kind == "country" for e in loaded.entries)
    js(qtbot, loaded, "(document.querySelector('.mv-legend-kind[data-kind=country]').click(), true)")
    assert js(qtbot, loaded, clustered) == everything - countries
    assert js(qtbot, loaded, "document.querySelector('.mv-legend-kind[data-kind=country]').classList"
                             ".contains('mv-off')") is True
    js(qtbot, loaded, "(document.querySelector('.mv-legend-kind[data-kind=country]').click(), true)")
    assert js(qtbot, loaded, clustered) == everything

    sure = sum(e.confidence >= 0.95 for e in loaded.entries)
    assert 0 < sure < everything
    js(qtbot, loaded, "(() => { const s = document.getElementById('mv-confidence'); s.value = '95';"
                      " s.dispatchEvent(new Event('input')); return true; })()")
    assert js(qtbot, loaded, clustered) == sure
    assert js(qtbot, loaded, "document.getElementById('mv-confidence-text').textContent") == "confidence ≥ 95%"


def _contrast_of_highlights(qtbot, article):
    """(foreground, background) of every highlighted mention as the article view formats it, once the view
    has its whole text (formatting again fills a document in slices when one slice cannot hold it)."""
    qtbot.waitUntil(lambda: not article.filling, timeout=10_000)
    pairs = set()
    for m in article._mentions:
        fmt = _format_at(article, m)
        pairs.add((fmt.foreground().color().name(), fmt.background().color().name()))
    return pairs


def test_preferences_take_effect_and_are_kept(qtbot, loaded):
    tools = loaded.tools
    light = _contrast_of_highlights(qtbot, loaded.article)
    assert {fg for fg, _ in light} == {LIGHT.text}
    with qtbot.waitSignal(loaded.map._bridge.toolCommand, timeout=5_000,
                          check_params_cb=lambda c: json.loads(c).get("tool") == "basemap") as sent:
        tools.set_preferences(Preferences(basemap="OpenTopoMap", theme="dark", uncertainty=0.6, font_size=16,
                                          literal_only=True))
    assert json.loads(sent.args[0])["name"] == "OpenTopoMap (online)"
    try:
        assert load_preferences(loaded.settings) == tools.prefs
        dark = _contrast_of_highlights(qtbot, loaded.article)
        assert {fg for fg, _ in dark} == {DARK.text} and all(Color(bg).contrast(fg) >= 4.5 for fg, bg in dark)
        assert QApplication.palette().window().color().lightness() < 80
        assert loaded.article.document().defaultFont().pointSize() == 16
        assert loaded.runner.config.literal_only
        qtbot.waitUntil(lambda: js(qtbot, loaded, "document.documentElement.classList.contains('mv-dark')"),
                        timeout=5_000)
        water = js(qtbot, loaded, "getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor")
        assert Color(water).to_string(hex=True) == DARK.map.water
        # the offline basemap, chosen again from the layer menu, is drawn in the dark theme's colours
        js(qtbot, loaded, "(mapviewer.tools.run(JSON.stringify({tool: 'basemap', name: 'Offline basemap'})), true)")
        _to(qtbot, loaded, 47, 33, 5)
        qtbot.waitUntil(lambda: [js(qtbot, loaded, basemap_colour(*p)) for p in (BLACK_SEA, UKRAINE)]
                        == [DARK.map.water, DARK.map.land], timeout=5_000)
        mark = js(qtbot, loaded, "getComputedStyle(document.documentElement).getPropertyValue('--mv-tint-city')")
        assert mark.strip() == DARK.tint("city")
    finally:
        tools.set_preferences(Preferences())
    assert _contrast_of_highlights(qtbot, loaded.article) == light
    assert loaded.article.document().defaultFont().pointSize() == 11


def test_literal_only_from_the_preferences_drops_adjectives(qtbot, loaded):
    from ..conftest import SEED
    from .conftest import LOAD_MS

    assert any(m.kind == "adjective" for m in loaded.analyses[0].mentions)
    loaded.tools.set_preferences(Preferences(literal_only=True))
    try:
        with qtbot.waitSignals([loaded.analysed, loaded.map.mapReady], timeout=LOAD_MS):
            loaded.open_paths([SEED])
        assert loaded.analyses[0].mentions and not any(m.kind == "adjective" for m in loaded.analyses[0].mentions)
    finally:
        loaded.tools.set_preferences(Preferences())


@pytest.mark.parametrize("scale", [1, 2])
def test_export_map_as_png(qtbot, loaded, tmp_path, scale):
    out = tmp_path / f"map-{scale}.png"
    with qtbot.waitSignal(loaded.tools.export_png(out, scale).done, timeout=60_000) as done:
        pass
    assert done.args == [str(out), ""]
    ratio = loaded.map.devicePixelRatioF()
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == (round(loaded.map.width() * scale * ratio), round(loaded.map.height() * scale * ratio))
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50         # a map, not a blank picture
    assert loaded.tools.actions["export_png"].text() == "Export map as &PNG…"


def test_the_uncertainty_threshold_marks_text_map_and_navigation(qtbot, loaded):
    from mapviewer.places import UNCERTAIN

    def dashed():
        qtbot.waitUntil(lambda: not loaded.article.filling, timeout=10_000)
        return sum(_format_at(loaded.article, m).underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
                   for m in loaded.article._mentions)

    def read_below(threshold):
        return sum(m.place is not None and m.confidence < threshold for m in loaded.analyses[0].mentions)

    below = [e for e in loaded.entries if e.confidence < 0.99]
    assert dashed() == read_below(UNCERTAIN) < read_below(0.99)
    with qtbot.waitSignal(loaded.map.mapReady, timeout=30_000):
        loaded.tools.set_preferences(Preferences(uncertainty=0.99))
    try:
        assert dashed() == read_below(0.99)
        uncertain = js(qtbot, loaded, "Object.keys(mapviewer.places).filter(k => mapviewer.places[k].uncertain)")
        assert set(uncertain) == {e.key for e in below}
        loaded.next_uncertain(1)
        assert "Uncertain:" in loaded.statusBar().currentMessage()
    finally:
        loaded.tools.set_preferences(Preferences())
    assert dashed() == read_below(UNCERTAIN)


def _format_at(article, m):
    assert m.start + 1 < article.document().characterCount(), "the mention is beyond the text shown"
    cursor = QTextCursor(article.document())
    cursor.setPosition(m.start + 1)
    return cursor.charFormat()
