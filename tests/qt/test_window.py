"""The desktop app with the real QtWebEngine, offscreen."""

from __future__ import annotations

import json

from ..conftest import SEED
from .conftest import LOAD_MS, js


def test_sample_article_fills_the_table(loaded):
    names = {e.place.name for e in loaded.model.entries}
    assert {"Ukraine", "Russia", "Kyiv", "Kursk Oblast", "Pokrovsk", "Kurakhove", "Vuhledar", "Poland"} <= names
    assert not names & {"Donald", "Trump", "Putin", "West"}
    assert loaded.proxy.rowCount() == len(loaded.model.entries)
    loaded.search.setText("donetsk")
    assert 0 < loaded.proxy.rowCount() < len(loaded.model.entries)


def test_marker_click_highlights_its_sentence(qtbot, loaded):
    key = next(e.key for e in loaded.entries if e.place.name == "Vuhledar")
    with qtbot.waitSignal(loaded.map.placeClicked, timeout=10_000):
        js(qtbot, loaded, f"(mapviewer.layers[{json.dumps(key)}][0].fire('click'), true)")
    highlighted = loaded.article.highlighted_text()
    assert len(highlighted) == 1 and "Vougledar" in highlighted[0]
    assert loaded.selected == key
    rows = loaded.table.selectionModel().selectedRows()
    assert rows and loaded.model.key_at(loaded.proxy.mapToSource(rows[0]).row()) == key


def test_table_row_moves_the_map(qtbot, loaded):
    entry = next(e for e in loaded.entries if e.place.name == "Kurakhove")
    before = js(qtbot, loaded, "mapviewer.center()")
    row = loaded.proxy.mapFromSource(loaded.model.index(loaded.model.row_of(entry.key), 0))
    loaded.table.selectRow(row.row())

    def moved():
        lat, lon, zoom = js(qtbot, loaded, "mapviewer.center()")
        return abs(lat - entry.place.lat) < 0.5 and abs(lon - entry.place.lon) < 0.5 and zoom >= 8

    qtbot.waitUntil(moved, timeout=10_000)
    assert js(qtbot, loaded, "mapviewer.center()") != before
    assert "Kourakhové" in " ".join(loaded.article.highlighted_text()) or \
        "Kurakhové" in " ".join(loaded.article.highlighted_text())


def test_export_from_the_menu_writes_a_file(qtbot, loaded, tmp_path, monkeypatch):
    out = tmp_path / "exported.html"
    monkeypatch.setattr("mapviewer.qt.window.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), "HTML map (*.html)"))
    loaded.menus.exports[0].trigger()
    assert out.exists() and "mapviewer-data" in out.read_text(encoding="utf-8")


def test_broken_file_shows_an_error_and_the_window_keeps_working(qtbot, window, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary" * 100)
    with qtbot.waitSignal(window.statusBar().messageChanged,
                          timeout=LOAD_MS, check_params_cb=lambda m: m == "Could not open the article"):
        window.open_paths([broken])
    assert "binary" in window.last_error
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([SEED])
    assert len(window.model.entries) > 10


def test_empty_window_offers_the_sample_article(qtbot, window):
    assert window.welcome.isVisible() and not window.article.isVisible()
    assert not window.menus.exports[0].isEnabled()
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.sample_button.click()
    assert window.article.isVisible() and not window.welcome.isVisible()
    assert window.menus.exports[0].isEnabled()
    assert "Kyiv" in window.article.toPlainText()


def test_export_menu_offers_every_format_of_the_registry(loaded):
    from mapviewer.export import FORMATS

    assert [a.text() for a in loaded.menus.exports] == [f"Export as {f.description}…" for f in FORMATS.values()]
    assert all(a.isEnabled() for a in loaded.menus.exports)
