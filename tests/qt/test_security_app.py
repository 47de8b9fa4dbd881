"""Hostile documents opened in the app (real QtWebEngine, offscreen): from files whose names and text
hold the payloads, from saved web pages whose title holds them, and from the clipboard. Nothing runs,
the text is shown exactly, and the map page's Content-Security-Policy holds inside QtWebEngine."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from ..core.test_security_cli import mapviewer
from ..hostile import CHARACTERS, CSP_PROBE, PAYLOADS, article, file_names, html_page_with, no_marker_created
from .conftest import LOAD_MS, js


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _open(qtbot, window, opener) -> None:
    with qtbot.waitSignals([window.analysed, window.map.mapReady], timeout=LOAD_MS):
        opener()


def _shown_documents(qtbot, window):
    return js(qtbot, window, "JSON.parse(document.getElementById('mapviewer-data').textContent).documents"
                             ".map(d => [d.text, d.title, d.source])")


def _article_views(window):
    """The article pane's text of every open document."""
    texts = []
    for i in range(len(window.analyses)):
        window._show_document(i)
        texts.append(window.article.toPlainText())
    return texts


def test_payload_file_names_and_texts(qtbot, window, in_tmp):
    names = file_names()
    paths = []
    for name, file_name in names.items():
        if name in CHARACTERS:
            continue              # NUL and the like: not text a file reader accepts (tests/core covers them)
        path = in_tmp / file_name
        path.write_text(article(PAYLOADS[name]), encoding="utf-8")
        paths.append(path)
    _open(qtbot, window, lambda: window.open_paths(paths))
    assert no_marker_created(in_tmp)
    shown = _shown_documents(qtbot, window)
    assert [(text, source) for text, _, source in shown] == [(p.read_text(encoding="utf-8"), p.name) for p in paths]
    assert _article_views(window) == [p.read_text(encoding="utf-8") for p in paths]
    assert js(qtbot, window, "window.pwned === undefined") is True
    assert window.windowTitle().startswith(paths[0].name)


def test_payload_in_a_web_page_title(qtbot, window, in_tmp):
    paths = []
    for i, name in enumerate(sorted(set(PAYLOADS) - set(CHARACTERS))):
        path = in_tmp / f"page{i}.html"
        path.write_text(html_page_with(PAYLOADS[name]), encoding="utf-8")
        paths.append(path)
    _open(qtbot, window, lambda: window.open_paths(paths))
    assert no_marker_created(in_tmp)
    titles = [title for _, title, _ in _shown_documents(qtbot, window)]
    assert titles == [a.document.title for a in window.analyses]
    assert all(t.endswith(" in Paris") for t in titles)
    assert js(qtbot, window, "window.pwned === undefined") is True


def test_payload_from_the_clipboard(qtbot, window, in_tmp):
    text = "".join(article(p) for p in PAYLOADS.values() if "\x00" not in p and "\ud800" not in p)
    QGuiApplication.clipboard().setText(text)
    _open(qtbot, window, window.open_clipboard)
    assert no_marker_created(in_tmp)
    assert _shown_documents(qtbot, window)[0][0] == text
    assert js(qtbot, window, "window.pwned === undefined") is True


def test_the_policy_holds_in_qtwebengine(qtbot, loaded):
    js(qtbot, loaded, f"({CSP_PROBE})()")
    qtbot.waitUntil(lambda: js(qtbot, loaded, "window.violations.length") >= 2, timeout=5000)
    assert js(qtbot, loaded, "window.cspBroken === undefined") is True
    assert {"script-src-attr", "script-src-elem"} <= set(js(qtbot, loaded, "window.violations"))


def test_the_map_page_cannot_navigate_away(qtbot, loaded, tmp_path):
    other = tmp_path / "other.html"
    other.write_text("<title>other</title><p>not mapviewer</p>", encoding="utf-8")
    before = loaded.map.url()
    js(qtbot, loaded, f"(location.href = {other.as_uri()!r}, true)")
    qtbot.wait(500)
    assert loaded.map.url() == before
    assert js(qtbot, loaded, "typeof window.mapviewer") == "object"


def test_opening_a_hostile_file_from_the_command_line(in_tmp):
    """What the report did: `mapviewer 'Paris {{ … }}.txt' --screenshot s.png` must run nothing."""
    name = file_names()["makedirs"]
    (in_tmp / name).write_text(article(PAYLOADS["makedirs"]), encoding="utf-8")
    run = mapviewer([name, "--screenshot", "s.png"], in_tmp, QT_QPA_PLATFORM="offscreen")
    assert run.returncode == 0, run.stderr
    assert no_marker_created(in_tmp) and (in_tmp / "s.png").stat().st_size > 10_000
