"""A file changed on disk while open: the bar above the article offers to reload, asks before corrections
are left behind, and says when the file was deleted or renamed — the window keeps what it shows."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from mapviewer.corrections import for_mention

from .conftest import LOAD_MS


def _open(qtbot, window, path):
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([path])


def _names(window):
    return {e.place.name for e in window.entries}


def test_a_file_saved_in_place_is_offered_for_reloading(qtbot, window, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks in Paris went on.", encoding="utf-8")
    _open(qtbot, window, article)
    assert not window.changed_files.isVisible()
    with open(article, "a", encoding="utf-8") as f:          # an editor that writes in place
        f.write("\nLater, Lyon agreed.")
    qtbot.waitUntil(window.changed_files.isVisible, timeout=5000)
    assert "a.txt changed on disk" in window.changed_files.label.text()
    assert _names(window) == {"Paris"}                                   # nothing reloaded by itself
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.changed_files.reload_button.click()
    assert _names(window) == {"Paris", "Lyon"} and not window.changed_files.isVisible()


def test_a_file_replaced_by_a_rename_is_still_followed(qtbot, window, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks in Paris went on.", encoding="utf-8")
    _open(qtbot, window, article)
    new = tmp_path / ".a.txt.swp"                                       # an editor that saves by renaming
    new.write_text("Talks in Berlin went on.", encoding="utf-8")
    os.replace(new, article)
    qtbot.waitUntil(window.changed_files.isVisible, timeout=5000)
    window.changed_files.dismiss_button.click()
    assert not window.changed_files.isVisible()
    with open(article, "a", encoding="utf-8") as f:                     # watched again after the rename
        f.write("\nLater, Lyon agreed.")
    qtbot.waitUntil(window.changed_files.isVisible, timeout=5000)


def test_a_deleted_file_is_named_and_the_window_keeps_its_text(qtbot, window, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks in Paris went on.", encoding="utf-8")
    _open(qtbot, window, article)
    article.unlink()
    qtbot.waitUntil(window.changed_files.isVisible, timeout=5000)
    assert "a.txt was deleted or renamed on disk" in window.changed_files.label.text()
    assert not window.changed_files.reload_button.isVisible()
    assert window.analyses[0].document.text == "Talks in Paris went on." and _names(window) == {"Paris"}
    article.write_text("Talks in Rome went on.", encoding="utf-8")       # back again: now it can be reloaded
    qtbot.waitUntil(lambda: "changed on disk" in window.changed_files.label.text(), timeout=5000)
    assert window.changed_files.reload_button.isVisible()


def test_reloading_asks_before_leaving_corrections_behind(qtbot, window, tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text("Talks in Paris went on.", encoding="utf-8")
    _open(qtbot, window, article)
    paris = window.analyses[0].mentions[0]
    window.review.correct(0, for_mention(paris, "confirm", None, "mention"))
    article.write_text("Talks in Berlin went on.", encoding="utf-8")
    qtbot.waitUntil(window.changed_files.isVisible, timeout=5000)
    window.changed_files.reload_button.click()
    assert "1 correction(s)" in window.reload_box.text()
    window.reload_box.done(QMessageBox.StandardButton.No)
    qtbot.wait(200)
    assert _names(window) == {"Paris"} and window.analyses[0].mentions[0].status == "confirmed"
    window.changed_files.reload_button.click()
    monkeypatch.setattr("mapviewer.qt.window.QMessageBox.question",      # then: save the corrections first?
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.reload_box.done(QMessageBox.StandardButton.Yes)
    assert _names(window) == {"Berlin"}
