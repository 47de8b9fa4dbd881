"""The window takes every type ``documents.READERS`` reads, with nothing of its own to update: File › Open's
filter, File › Open folder and a drop, shown here with the OpenDocument and EPUB readers."""

from __future__ import annotations

from mapviewer.documents import READERS

from ..core.made_documents import epub_bytes, odt_bytes, xhtml
from .conftest import LOAD_MS, drop_files


def _action(window, text):
    return next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)


def test_the_open_dialog_offers_every_readable_suffix(qtbot, window, tmp_path, monkeypatch):
    book = tmp_path / "storm.epub"
    book.write_bytes(epub_bytes([xhtml("<p>Rescue teams from Grenoble reached Lyon.</p>")], title="The storm"))
    offered = []

    def choose(parent, caption, folder, filters):
        offered.append(filters)
        return [str(book)], filters.split(";;")[0]

    monkeypatch.setattr("mapviewer.qt.window.QFileDialog.getOpenFileNames", choose)
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        _action(window, "&Open…").trigger()
    articles = offered[0].split(";;")[0]
    suffixes = {p.strip("()*") for p in articles.removeprefix("Articles ").split()}
    assert suffixes == {s for t in READERS.values() for s in t.suffixes} and {".odt", ".epub"} <= suffixes
    assert window.analyses[0].document.title == "The storm", window.last_error


def test_open_folder_and_a_drop_take_odt_and_epub(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.odt").write_bytes(odt_bytes(["Rain in Lyon", "Talks in Kyiv went on."]))
    (folder / "b.epub").write_bytes(epub_bytes([xhtml("<p>Snow in Oslo.</p>")]))
    (folder / "notes.xyz").write_bytes(b"not an article")
    monkeypatch.setattr("mapviewer.qt.window.QFileDialog.getExistingDirectory", lambda *a, **k: str(folder))
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        _action(window, "Open &folder…").trigger()
    assert [a.document.source for a in window.analyses] == ["a.odt", "b.epub"], window.last_error

    dropped = tmp_path / "dropped.odt"
    dropped.write_bytes(odt_bytes(["Storm hits Marseille"]))
    drop_files(qtbot, window, window, [dropped])
    assert [a.document.source for a in window.analyses] == ["dropped.odt"], window.last_error
