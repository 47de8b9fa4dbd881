"""The window's behaviour a hands-on review asked for, each through the real widgets (offscreen)."""

from __future__ import annotations

import json
import os

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from mapviewer.palette import CURRENT_SENTENCE, KINDS
from mapviewer.qt.window import MainWindow

from ..conftest import SEED
from .conftest import LOAD_MS, drop_files, js


def _entry(window, name):
    return next(e for e in window.entries if e.place.name == name)


def _open(qtbot, window, opener):
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        opener()


def test_a_new_document_starts_from_a_clean_view(qtbot, loaded):
    ukraine = _entry(loaded, "Ukraine")
    loaded.select(ukraine.key, "table")
    loaded.step_sentence(1)
    loaded.search.setText("zzz-no-such-place")
    loaded.article.verticalScrollBar().setValue(loaded.article.verticalScrollBar().maximum())
    QGuiApplication.clipboard().setText("Talks in Paris went on.\nLater, Lyon and Marseille agreed.")
    _open(qtbot, loaded, loaded.open_clipboard)
    assert loaded.selected is None and loaded.sentence_label.full_text() == ""
    assert loaded.article.extraSelections() == [] and loaded.article.verticalScrollBar().value() == 0
    assert loaded.search.text() == "" and loaded.proxy.rowCount() == len(loaded.model.entries) == 3
    assert loaded.table.columnWidth(0) >= loaded.table.fontMetrics().horizontalAdvance("Marseille")
    assert loaded.statusBar().currentMessage() == "3 places, 3 mentions"


def test_a_cancelled_load_keeps_what_was_shown(qtbot, loaded):
    before = [e.key for e in loaded.entries]
    loaded.open_paths([SEED])
    loaded.runner.cancel()
    qtbot.wait(300)
    assert [e.key for e in loaded.entries] == before
    assert loaded.statusBar().currentMessage().startswith("Cancelled")


def test_selected_sentences_keep_their_mentions_visible_and_mark_the_current_one(qtbot, loaded):
    ukraine = _entry(loaded, "Ukraine")
    assert len(ukraine.stops) >= 3
    loaded.select(ukraine.key, "table")
    first = loaded.analyses[0].sentence_text(ukraine.stops[0][1])
    assert loaded.article.current_sentence_text() == first
    colours = [sel.format.background().color().name() for sel in loaded.article.extraSelections()]
    assert colours.count(CURRENT_SENTENCE) == 1
    assert colours.count(KINDS["country"].tint) >= len(ukraine.stops)   # the mentions stay highlighted
    loaded.next_button.click()
    assert loaded.article.current_sentence_text() == loaded.analyses[0].sentence_text(ukraine.stops[1][1])
    assert loaded.sentence_label.full_text() == f"Ukraine: sentence 2 of {len(ukraine.stops)}"


def test_a_map_click_selects_the_whole_row_and_keyboard_moves_on_from_it(qtbot, loaded):
    vuhledar = _entry(loaded, "Vuhledar")
    with qtbot.waitSignal(loaded.map.placeClicked, timeout=10_000):
        js(qtbot, loaded, f"(mapviewer.layers[{json.dumps(vuhledar.key)}][0].fire('click'), true)")
    model = loaded.table.selectionModel()
    row = model.currentIndex().row()
    assert loaded.model.key_at(loaded.proxy.mapToSource(model.currentIndex()).row()) == vuhledar.key
    assert sorted(i.column() for i in model.selectedIndexes()) == list(range(loaded.proxy.columnCount()))
    loaded.select(_entry(loaded, "Kyiv").key, "map")
    assert {i.row() for i in model.selectedIndexes()} == {model.currentIndex().row()}
    loaded.table.setFocus()
    qtbot.keyClick(loaded.table, Qt.Key.Key_Down)
    assert model.currentIndex().row() != row and loaded.selected == loaded.model.key_at(
        loaded.proxy.mapToSource(model.currentIndex()).row())


def test_the_filter_box_picks_with_enter_and_clears_with_escape(qtbot, loaded):
    qtbot.keyClicks(loaded.search, "pokrov")
    assert loaded.proxy.rowCount() == 1
    qtbot.keyClick(loaded.search, Qt.Key.Key_Return)
    assert loaded.selected == _entry(loaded, "Pokrovsk").key
    loaded.search.setFocus()
    qtbot.keyClick(loaded.search, Qt.Key.Key_Escape)
    assert loaded.search.text() == "" and loaded.proxy.rowCount() == len(loaded.entries)


def test_a_long_label_does_not_widen_the_article_pane(qtbot, loaded):
    sizes = loaded.main.sizes()
    loaded.sentence_label.set_full_text("Kurakhove (Donetsk, Ukraine): sentence 1 of 3 " * 20)
    qtbot.wait(50)
    assert loaded.main.sizes() == sizes
    assert loaded.sentence_label.text().endswith("…")


def test_a_file_dropped_on_the_map_is_opened(qtbot, window, tmp_path):
    article = tmp_path / "dropped.txt"
    article.write_text("Talks in Paris went on.", encoding="utf-8")
    drop_files(qtbot, window, window.map.focusProxy() or window.map, [article])
    assert window.analyses[0].document.source == "dropped.txt"


def test_a_quoted_sentence_in_a_popup_selects_it_in_the_text(qtbot, loaded):
    ukraine = _entry(loaded, "Ukraine")
    js(qtbot, loaded, f"(mapviewer.focusPlace({json.dumps(ukraine.key)}), true)")
    qtbot.waitUntil(lambda: js(qtbot, loaded, "document.querySelectorAll('.mv-quote').length") >= 3, timeout=5000)
    with qtbot.waitSignal(loaded.map.sentenceClicked, timeout=5000):
        js(qtbot, loaded, "(document.querySelectorAll('.mv-quote')[2].click(), true)")
    assert loaded.selected == ukraine.key
    assert loaded.article.current_sentence_text() == loaded.analyses[0].sentence_text(ukraine.stops[2][1])


def test_recent_files_are_absolute_dropped_when_gone_and_on_the_welcome_panel(qtbot, window, tmp_path,
                                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Talks in Paris went on.", encoding="utf-8")
    _open(qtbot, window, lambda: window.open_paths([os.path.relpath(tmp_path / "a.txt")]))
    assert window.recent.paths() == [(tmp_path / "a.txt").resolve()]
    other = MainWindow(window.settings, store=window.store.store)
    buttons = [other.welcome_recent.itemAt(i).widget().text() for i in range(other.welcome_recent.count())]
    shiboken6.delete(other)
    assert buttons == ["a.txt"]
    (tmp_path / "a.txt").unlink()
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=LOAD_MS,
                          check_params_cb=lambda m: m == "Could not open the article"):
        window.menus.recent.actions()[0].trigger()
    assert window.recent.paths() == []


def test_an_empty_file_says_so_instead_of_showing_no_places(qtbot, window, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=LOAD_MS,
                          check_params_cb=lambda m: m == "Could not open the article"):
        window.open_paths([empty])
    assert "no text" in window.last_error and window.analyses == []


def test_a_reader_warning_reaches_the_user(qtbot, window, tmp_path):
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes("Talks in Zürich “went on”.\nOfficials in Kyiv".encode() + b" \xff\xfe said Lviv was calm.")
    _open(qtbot, window, lambda: window.open_paths([damaged]))
    assert "not valid utf-8" in window.last_error and "line 2" in window.last_error
    assert {e.place.name for e in window.entries} >= {"Zürich", "Kyiv"}


def test_about_names_the_version_and_the_licences(qtbot, window):
    from mapviewer import __version__
    from mapviewer.qt.window import ABOUT

    assert ABOUT.startswith(f"mapviewer {__version__}") and "GeoNames (CC BY 4.0" in ABOUT
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions()] == ["&Rebuild gazetteer…", "&About mapviewer"]


def test_map_pages_a_crash_left_behind_are_removed_on_the_next_start(tmp_path):
    import subprocess
    import sys

    from mapviewer.qt.mapview import PAGES_PREFIX, remove_stale_pages

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f"{PAGES_PREFIX}{gone.stdout.strip()}-abc"
    stale.mkdir()
    (stale / "map-1.html").write_text("article text", encoding="utf-8")
    alive = tmp_path / f"{PAGES_PREFIX}{os.getpid()}-def"
    alive.mkdir()
    assert remove_stale_pages(tmp_path) == [stale]
    assert not stale.exists() and alive.exists()
