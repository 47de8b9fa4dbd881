"""Reviewing in the real app: every kind of correction through the real widgets (the text's context menu, a
table row's, a marker's through the page bridge, the search dialog, a click on the map through the bridge),
the reading list with the alternatives on the map, undo/redo, two documents, projects saved and opened,
autosave and recovery, a damaged project."""

from __future__ import annotations

import json

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from mapviewer.corrections import PIN_FEATURE, review_progress
from mapviewer.places import is_uncertain
from mapviewer.project import load_project, save_project
from mapviewer.qt.window import MainWindow

from ..conftest import SEED
from .conftest import LOAD_MS, js, select_text


def _mention(window, text, doc=0):
    return next(m for m in window.analyses[doc].mentions if m.text == text)


def _right_click_text(window, start: int) -> None:
    """A real context-menu event on the article's viewport, over the character at ``start``."""
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(start + 1)
    window.article.setTextCursor(cursor)
    window.article.ensureCursorVisible()
    pos = window.article.cursorRect(cursor).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, window.article.viewport().mapToGlobal(pos))
    QApplication.sendEvent(window.article.viewport(), event)


def _action(window, starts: str):
    menu = window.active_menu
    assert menu is not None and menu.isVisible()
    return next(a for a in menu.actions() if a.text().startswith(starts))


def _apply(qtbot, window, starts: str) -> None:
    """Pick a menu entry and wait until text, table and map show the result."""
    with qtbot.waitSignals([window.corrected, window.map.mapReady], timeout=LOAD_MS):
        _action(window, starts).trigger()


def test_pick_another_candidate_from_the_text_then_undo_and_redo(qtbot, loaded):
    washington = _mention(loaded, "Washington")
    other = washington.alternatives[1].place
    _right_click_text(loaded, washington.start)
    _apply(qtbot, loaded, "1. ")
    fixed = _mention(loaded, "Washington")
    assert (fixed.place, fixed.status) == (other, "corrected")
    entry = next(e for e in loaded.entries if e.place == other)
    assert entry.status == "corrected"                                     # the table's entries
    assert loaded.model.data(loaded.model.index(loaded.model.row_of(entry.key), 8)).startswith("✎ corrected")
    assert js(qtbot, loaded, f"mapviewer.places[{json.dumps(entry.key)}].status") == "corrected"    # the map
    assert loaded.isWindowModified() and "[*]" in loaded.windowTitle()
    assert loaded.menus.undo.text().replace("&", "") == f"Undo Choose {other.name} for “Washington”"
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        loaded.menus.undo.trigger()
    assert _mention(loaded, "Washington").status == "machine" and not loaded.isWindowModified()
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        loaded.menus.redo.trigger()
    assert _mention(loaded, "Washington").place == other


def test_not_a_place_from_a_table_row(qtbot, loaded):
    key = next(e.key for e in loaded.entries if e.place.name == "Florida")
    row = loaded.proxy.mapFromSource(loaded.model.index(loaded.model.row_of(key), 0))
    loaded.table.scrollTo(row)
    pos = loaded.table.visualRect(row).center()
    QApplication.sendEvent(loaded.table.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, loaded.table.viewport().mapToGlobal(pos)))
    _apply(qtbot, loaded, "Not a place")
    assert not any(e.place.name == "Florida" for e in loaded.entries)
    assert not any(m.text == "Florida" for m in loaded.analyses[0].mentions)
    assert js(qtbot, loaded, f"{json.dumps(key)} in mapviewer.places") is False


def test_search_the_gazetteer_from_a_marker(qtbot, loaded):
    key = next(e.key for e in loaded.entries if e.place.name == "Kherson")
    with qtbot.waitSignal(loaded.map.placeMenuRequested, timeout=10_000):
        js(qtbot, loaded, f"(mapviewer.layers[{json.dumps(key)}][0].fire('contextmenu'), true)")
    _action(loaded, "Search the gazetteer…").trigger()
    dialog = loaded.search_dialog
    assert dialog is not None and dialog.isVisible() and dialog.query.text() == "Kherson"
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, "Athens")
    qtbot.waitUntil(lambda: any("Georgia, United States" in r.label for r in dialog.results), timeout=5_000)
    row = next(i for i, r in enumerate(dialog.results) if "Georgia, United States" in r.label)
    dialog.table.setCurrentCell(row, 0)
    assert dialog.table.item(row, 4).text().replace(",", "").isdigit()          # population shown
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    kherson = _mention(loaded, "Kherson")
    assert (kherson.place.admin1, kherson.status) == ("GA", "corrected")


def test_place_it_on_the_map_with_a_click(qtbot, loaded):
    pokrovsk = _mention(loaded, "Pokrovsk")
    _right_click_text(loaded, pokrovsk.start)
    _action(loaded, "Place it on the map").trigger()
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        js(qtbot, loaded, "(mapviewer.map.fire('click', {latlng: L.latLng(48.28, 37.18)}), true)")
    fixed = _mention(loaded, "Pokrovsk")
    assert fixed.place.feature == PIN_FEATURE and (fixed.place.lat, fixed.place.lon) == (48.28, 37.18)
    assert js(qtbot, loaded, "mapviewer.pins.getLayers().length") == 1      # the pin can be dragged
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        js(qtbot, loaded, "(h => (h.setLatLng([48.3, 37.2]), h.fire('dragend'), true))(mapviewer.pins.getLayers()[0])")
    moved = _mention(loaded, "Pokrovsk")
    assert (moved.place.lat, moved.place.lon) == (48.3, 37.2)
    assert loaded.menus.undo.text().replace("&", "") == "Undo Move the pin of “Pokrovsk”"


def test_escape_cancels_placing_on_the_map(qtbot, loaded):
    kherson = _mention(loaded, "Kherson")
    _right_click_text(loaded, kherson.start)
    _action(loaded, "Place it on the map").trigger()
    qtbot.keyClick(loaded, Qt.Key.Key_Escape)
    js(qtbot, loaded, "(mapviewer.map.fire('click', {latlng: L.latLng(1, 1)}), true)")
    qtbot.wait(200)
    assert _mention(loaded, "Kherson") == kherson and loaded.review.undo_stack.count() == 0


def test_add_a_place_for_selected_text(qtbot, loaded):
    cursor = select_text(loaded, "Mar-a-Lago")
    pos = loaded.article.cursorRect(cursor).center()
    QApplication.sendEvent(loaded.article.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, loaded.article.viewport().mapToGlobal(pos)))
    _action(loaded, "Add place “Mar-a-Lago”…").trigger()
    dialog = loaded.search_dialog
    assert dialog.query.text() == "Mar-a-Lago"
    dialog.query.setText("Palm Beach")
    dialog.refresh()
    assert dialog.results and dialog.results[0].place.name == "Palm Beach"
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        qtbot.keyClick(dialog.query, "\r")
    added = _mention(loaded, "Mar-a-Lago")
    assert (added.place.name, added.status) == ("Palm Beach", "added")


def test_confirm_every_mention_of_a_name(qtbot, loaded):
    kyiv = _mention(loaded, "Kyiv")
    count = sum(m.text == "Kyiv" for m in loaded.analyses[0].mentions)
    _right_click_text(loaded, kyiv.start)
    assert _action(loaded, "Apply to all").isChecked()                  # one meaning per name: the default
    _apply(qtbot, loaded, "Confirm")
    assert review_progress(loaded.analyses[0])[0] == count
    assert all(m.status == "confirmed" for m in loaded.analyses[0].mentions if m.text == "Kyiv")


def test_the_reading_list_shows_alternatives_on_the_map(qtbot, loaded):
    washington = _mention(loaded, "Washington")
    loaded.article.select_mention(washington)
    panel = loaded.reading
    assert panel.isVisible() and panel.topLevelItemCount() == len(washington.alternatives)
    first = panel.topLevelItem(1)
    assert first.text(6).endswith("km") and first.text(5).endswith("%") and first.text(3)
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewer.faint.getLayers().length") == len(panel.alternatives),
                    timeout=5_000)
    chosen = panel.alternatives[0].place
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        panel.itemDoubleClicked.emit(first, 0)
    assert _mention(loaded, "Washington").place == chosen
    assert panel.mention == _mention(loaded, "Washington")                # the list follows the correction


AMBIGUOUS = "Officials in Springfield and Portland met leaders from Columbus and Jacksonville on Monday."


def test_next_uncertain_mention_walks_in_text_order(qtbot, loaded):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText(AMBIGUOUS)     # towns of one name in many states: uncertain readings
    with qtbot.waitSignals([loaded.analysed, loaded.map.mapReady], timeout=LOAD_MS):
        loaded.open_clipboard()
    uncertain = [m for m in loaded.analyses[0].mentions if is_uncertain(m)]
    assert len(uncertain) >= 2
    for m in uncertain:
        loaded.menus.next_uncertain.trigger()
        assert loaded.article.textCursor().selectedText() == m.text and loaded.reading.mention == m
    loaded.menus.next_uncertain.trigger()                                # wraps round
    assert loaded.article.textCursor().selectionStart() == uncertain[0].start


def test_undo_redo_sequence_returns_to_each_state(qtbot, loaded):
    states = [loaded.analyses[0]]
    for name, entry in (("Florida", "Not a place"), ("Washington", "1. "), ("Kherson", "Confirm")):
        _right_click_text(loaded, _mention(loaded, name).start)
        _apply(qtbot, loaded, entry)
        states.append(loaded.analyses[0])
    for state in reversed(states[:-1]):
        with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
            loaded.menus.undo.trigger()
        assert loaded.analyses[0] == state
    for state in states[1:]:
        with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
            loaded.menus.redo.trigger()
        assert loaded.analyses[0] == state


def _second_window(qtbot, tmp_path, store, name="other"):
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, store=store)
    w.resize(1280, 800)
    w.show()
    return w


def test_save_and_open_a_two_document_project(qtbot, window, tmp_path, store, monkeypatch):
    second = tmp_path / "floods.txt"
    second.write_text("Floods hit Athens, Georgia, and Harris County, Texas. Kyiv sent help.", encoding="utf-8")
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([SEED, second])
    assert window.doc_choice.isVisible() and window.doc_choice.count() == 2
    assert "reviewed" in window.doc_choice.itemText(1)
    window.doc_choice.setCurrentIndex(1)
    athens = _mention(window, "Athens", doc=1)
    _right_click_text(window, athens.start)
    _apply(qtbot, window, "Confirm")
    done = sum(m.text == "Athens" for m in window.analyses[1].mentions)
    assert window.doc_choice.itemText(1).endswith(f"{done}/{len(window.analyses[1].mentions)} reviewed")
    assert window.table_docs.isVisible() and window.table_docs.count() == 3
    legend = js(qtbot, window, "document.querySelector('.mv-legend').textContent")
    assert "texas-floods.txt" in legend or "Floods" in legend or "floods" in legend
    window.table_docs.setCurrentIndex(2)                                 # table and map: document 2 only
    assert window.proxy.rowCount() == len(window.analyses[1].places())
    qtbot.waitUntil(lambda: js(qtbot, window, "mapviewer.tools.shown()"
                                              ".length") == len(window.analyses[1].places()), timeout=5_000)
    key = next(e.key for e in window.entries if e.place.name == "Kyiv")  # in both documents
    assert window.model.data(window.model.index(window.model.row_of(key), 9)) == "1, 2"
    window.table_docs.setCurrentIndex(0)
    assert window.proxy.rowCount() == len(window.entries)
    out = tmp_path / "review.mvproj"
    monkeypatch.setattr("mapviewer.qt.window.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    window.save_project()
    assert out.is_file() and not window.isWindowModified() and window.windowTitle().startswith("review.mvproj")
    saved = window.current_project()
    other = _second_window(qtbot, tmp_path, store)
    try:
        with qtbot.waitSignals([other.analysed, other.map.mapReady], timeout=LOAD_MS):
            assert other.open_project(out)
        opened = other.current_project()
        assert opened.documents == saved.documents and opened.ui.document == saved.ui.document
        assert other.analyses == window.analyses and [e.key for e in other.entries] == [e.key for e in window.entries]
        assert other.recent_projects.paths() == [out.resolve()]
        assert other.menus.recent_projects.actions()[0].text() == str(out.resolve())
    finally:
        other.close()
        shiboken6.delete(other)


def test_a_project_is_drawn_off_the_window_thread_and_opens_at_its_saved_view(qtbot, loaded, tmp_path):
    """Opening a project returns at once (the window shows what it showed) and the project appears once
    the worker has drawn its map: at the view it was saved with, the basemap's world level first."""
    js(qtbot, loaded, "window[mapviewer.data.map].setView([47.98, 37.28], 7, {animate: false}) && null")
    qtbot.waitUntil(lambda: loaded.map.view is not None and loaded.map.view[2] == 7, timeout=10_000)
    out = tmp_path / "view.mvproj"
    save_project(out, loaded.current_project())
    before = loaded.map.page_number
    with qtbot.waitSignals([loaded.analysed, loaded.map.mapReady], timeout=LOAD_MS):
        assert loaded.open_project(out)
        assert loaded.project_path is None and loaded.map.page_number == before    # not yet: on the worker
    assert loaded.project_path == out.absolute() and loaded.map.page_number == before + 1
    lat, lon, zoom = js(qtbot, loaded, "mapviewer.center()")
    assert zoom == 7 and abs(lat - 47.98) < 0.01 and abs(lon - 37.28) < 0.01
    page = loaded.map.page_path.read_text(encoding="utf-8")
    assert page.count('"rows":[') == 4 and page.count('"rows":[]') == 3      # the world level only, at first


def test_a_damaged_project_is_a_message_and_keeps_what_was_open(qtbot, loaded, tmp_path):
    bad = tmp_path / "bad.mvproj"
    bad.write_bytes(b'{"format": "mapviewer-project", "format_version": 2, "documents": [{"text": 5}]}')
    before = loaded.analyses
    assert not loaded.open_project(bad)
    assert "bad.mvproj" in loaded.last_error and "text" in loaded.last_error
    assert loaded.analyses == before


def test_unsaved_changes_are_asked_about(qtbot, loaded, tmp_path, monkeypatch):
    _right_click_text(loaded, _mention(loaded, "Florida").start)
    _apply(qtbot, loaded, "Confirm")
    asked = []
    monkeypatch.setattr("mapviewer.qt.window.QMessageBox.question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    other = tmp_path / "other.mvproj"
    save_project(other, loaded.current_project())
    assert not loaded.open_project(other) and asked and loaded.isWindowModified()
    loaded.close()
    assert loaded.isVisible() and len(asked) == 2                         # quitting asked too, and stayed
    assert loaded.autosave.path.is_file()                                  # what was unsaved is on disk
    monkeypatch.setattr("mapviewer.qt.window.QMessageBox.question",       # let the fixture close it
                        lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_autosave_after_a_change_and_recovery_after_a_crash(qtbot, loaded, tmp_path, store):
    loaded.autosave.timer.setInterval(50)
    _right_click_text(loaded, _mention(loaded, "Florida").start)
    _apply(qtbot, loaded, "Not a place")
    qtbot.waitUntil(loaded.autosave.path.is_file, timeout=5_000)
    autosaved = load_project(loaded.autosave.path)
    assert autosaved.documents == loaded.review.project.documents
    # a crash: the window never closes cleanly; a new one with the same settings starts
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    after = MainWindow(settings, store=store)
    after.show()
    try:
        qtbot.waitUntil(lambda: after.recovery_box is not None and after.recovery_box.isVisible(), timeout=5_000)
        with qtbot.waitSignals([after.analysed, after.map.mapReady], timeout=LOAD_MS):
            after.recovery_box.button(QMessageBox.StandardButton.Yes).click()
        assert not any(m.text == "Florida" for m in after.analyses[0].mentions)
        assert after.isWindowModified()
    finally:
        after._recovered = False
        after.close()
        shiboken6.delete(after)


@pytest.fixture(autouse=True)
def _never_ask_on_teardown(monkeypatch):
    """The fixtures close windows with unsaved corrections: they discard them without a dialog."""
    monkeypatch.setattr("mapviewer.qt.window.QMessageBox.question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)


def test_menus_name_the_new_actions(loaded):
    texts = [a.text() for m in loaded.menuBar().actions() for a in m.menu().actions()]
    for expected in ("Open &project…", "&Save project", "Save project &as…", "&Next uncertain mention"):
        assert expected in texts
    assert loaded.menus.undo.shortcut().toString() == "Ctrl+Z"
    assert loaded.menus.redo.shortcut().toString() == "Ctrl+Shift+Z"


def test_the_map_is_redrawn_in_place_and_reloaded_for_a_new_outline(qtbot, loaded):
    loaded.map.run_js("window.sameMapPage = true")
    qtbot.waitUntil(lambda: js(qtbot, loaded, "window.sameMapPage === true"), timeout=5_000)
    _right_click_text(loaded, _mention(loaded, "Florida").start)
    _apply(qtbot, loaded, "Not a place")
    assert js(qtbot, loaded, "window.sameMapPage === true")                # redrawn without a reload
    assert sorted(js(qtbot, loaded, "Object.keys(mapviewer.layers)")) == sorted(e.key for e in loaded.entries)
    key = next(e.key for e in loaded.entries if e.place.name == "Kherson")
    _right_click_text(loaded, _mention(loaded, "Kherson").start)
    _apply(qtbot, loaded, "Confirm")
    assert js(qtbot, loaded, f"mapviewer.places[{json.dumps(key)}].status") == "confirmed"
    js(qtbot, loaded, f"(mapviewer.clickPlace({json.dumps(key)}), true)")
    popup = js(qtbot, loaded, "document.querySelector('.mv-popup-status').textContent")
    assert popup.startswith("Confirmed by the user")
    _right_click_text(loaded, _mention(loaded, "Pokrovsk").start)
    _action(loaded, "Search the gazetteer…").trigger()
    loaded.search_dialog.query.setText("Moldova")
    loaded.search_dialog.refresh()
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        loaded.search_dialog.accept()
    assert _mention(loaded, "Pokrovsk").place.kind == "country"
    assert js(qtbot, loaded, "window.sameMapPage === undefined")           # a new country: a new page


@pytest.mark.parametrize("name", ["script", "img_onerror", "makedirs", "script_close", "attribute_breakout"])
def test_a_hostile_name_added_as_a_place_stays_text(qtbot, window, tmp_path, monkeypatch, name):
    from mapviewer.corrections import Correction, pinned_place

    from ..hostile import PAYLOADS, article, no_marker_created

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "hostile.txt"
    path.write_text(article(PAYLOADS[name]), encoding="utf-8")
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([path])
    payload = PAYLOADS[name]
    start = window.analyses[0].document.text.index(payload)
    with qtbot.waitSignals([window.corrected, window.map.mapReady], timeout=LOAD_MS):
        window.review.correct(0, Correction(start, start + len(payload), payload, "add",
                                            pinned_place(payload, 10.0, 10.0)))
    key = next(e.key for e in window.entries if e.place.name == payload)
    js(qtbot, window, f"(mapviewer.clickPlace({json.dumps(key)}), true)")
    assert js(qtbot, window, "document.querySelector('.mv-popup-title').textContent") == payload
    assert js(qtbot, window, "window.pwned === undefined") is True and no_marker_created(tmp_path)
    window.article.select_mention(_mention(window, payload))
    assert window.reading.topLevelItem(0).text(0).startswith(payload)


def test_a_table_row_shows_the_reading_and_the_search_previews_on_the_map(qtbot, loaded):
    key = next(e.key for e in loaded.entries if e.place.name == "Florida")
    row = loaded.proxy.mapFromSource(loaded.model.index(loaded.model.row_of(key), 0))
    loaded.table.selectRow(row.row())
    assert loaded.reading.isVisible() and loaded.reading.mention.text == "Florida"
    count = len(loaded.reading.alternatives)
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewer.faint.getLayers().length") == count, timeout=5_000)
    loaded.reading.hovered.emit(0)                                        # the pointer on the first alternative
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewer.faint.getLayers()[0].options.fillOpacity") == 0.6,
                    timeout=5_000)
    loaded.correct(0, loaded.reading.mention, "search", None, "mention")
    dialog = loaded.search_dialog
    dialog.query.setText("Kraków")
    dialog.refresh()
    first = dialog.results[0].place
    assert first.name == "Kraków"
    qtbot.waitUntil(lambda: js(qtbot, loaded, "mapviewer.faint.getLayers().map(l => [l.getLatLng().lat, "
                                              "l.getLatLng().lng])") == [[first.lat, first.lon]], timeout=5_000)
    dialog.reject()


def test_open_folder_opens_every_article_of_it(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b.txt").write_text("Rain in Lyon.", encoding="utf-8")
    (folder / "a.md").write_text("Snow in Oslo.", encoding="utf-8")
    (folder / "notes.xyz").write_bytes(b"not an article")
    monkeypatch.setattr("mapviewer.qt.window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Open &folder…")
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        action.trigger()
    assert [a.document.source for a in window.analyses] == ["a.md", "b.txt"], window.last_error


def test_undoing_to_the_saved_state_leaves_nothing_to_recover(qtbot, loaded):
    loaded.autosave.timer.setInterval(50)
    _right_click_text(loaded, _mention(loaded, "Kherson").start)
    _apply(qtbot, loaded, "Confirm")
    qtbot.waitUntil(loaded.autosave.path.is_file, timeout=5_000)
    with qtbot.waitSignals([loaded.corrected, loaded.map.mapReady], timeout=LOAD_MS):
        loaded.menus.undo.trigger()
    qtbot.waitUntil(lambda: not loaded.autosave.path.exists(), timeout=5_000)
    assert not loaded.isWindowModified()


def test_reread_with_my_corrections_is_one_undoable_step(qtbot, window, tmp_path):
    from ..core.test_rerun import TEXT

    path = tmp_path / "paris.txt"
    path.write_text(TEXT, encoding="utf-8")
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([path])
    paris = _mention(window, "Paris")
    texas = next(c.place for c in paris.alternatives if c.place.country == "US")
    _right_click_text(window, paris.start)
    _action(window, "Apply to all").setChecked(False)
    label = next(a.text() for a in window.active_menu.actions() if a.text().startswith(
        tuple(f"{n}. {texas.name} (Texas" for n in range(1, 9))))
    _apply(qtbot, window, label)
    assert [m.place.country for m in window.analyses[0].mentions if m.text == "Paris"] == ["US", "FR"]
    with qtbot.waitSignals([window.corrected, window.map.mapReady], timeout=LOAD_MS):
        next(a for a in window.menuBar().actions()[1].menu().actions()
             if a.text().startswith("Re-&read")).trigger()
    assert [m.place for m in window.analyses[0].mentions if m.text == "Paris"] == [texas, texas]
    assert window.menus.undo.text().replace("&", "") == "Undo Re-read with my corrections"
    with qtbot.waitSignals([window.corrected, window.map.mapReady], timeout=LOAD_MS):
        window.menus.undo.trigger()
    assert [m.place.country for m in window.analyses[0].mentions if m.text == "Paris"] == ["US", "FR"]
