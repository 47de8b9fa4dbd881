"""Bad input, the row "a file deleted while it loads": the file is there when the user asks for it and gone
when the worker reads it. The window says which file and why, and keeps what it showed."""

from __future__ import annotations

from ..conftest import SEED
from .conftest import LOAD_MS


def test_a_file_deleted_between_the_request_and_the_read_is_named_and_the_window_keeps_its_article(
        qtbot, window, tmp_path):
    article = tmp_path / "dispatch.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        window.open_paths([article])
    shown_text, shown_places, page = window.article.toPlainText(), [e.key for e in window.entries], window.map.page_path
    assert article.resolve() in window.recent.paths() and len(shown_places) > 10
    # Open it again (File › Open recent): the worker opens the gazetteer before it reads the file, so
    # holding the gazetteer's lock keeps it between the request and the read while the file goes.
    with window.store._lock:
        window.open_paths([article])
        assert window.runner.busy
        article.unlink()
    with qtbot.waitSignal(window.runner.failed, timeout=LOAD_MS):
        pass
    assert window.last_error == f"{article}: no such file"
    assert window.statusBar().currentMessage() == "Could not open the article"
    assert window.article.toPlainText() == shown_text and window.analyses[0].document.path == article
    assert [e.key for e in window.entries] == shown_places and window.map.page_path == page
    assert article.resolve() not in window.recent.paths()      # Open recent no longer offers it
