"""A large article in the window: its text goes in by slices while the window keeps processing events, a
very long line is shown broken at spaces with every offset unchanged, what is asked meanwhile (a selected
place) is done once the text is in; the places table sorts its own rows and keeps the selection.
(The longest GUI-thread stall is measured by benchmarks/stall_figures.py, not asserted here.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from mapviewer.qt.text_fill import LINE, display_breaks

from .conftest import LOAD_MS


def test_display_breaks_turn_spaces_into_line_ends_only_in_long_lines():
    text = "short line\n" + "word " * (3 * LINE // 5) + "\nend"
    breaks, column = display_breaks(text, 0, len(text), 0)
    assert breaks and all(text[b] == " " for b in breaks)
    shown = "".join("\n" if i in set(breaks) else c for i, c in enumerate(text))
    assert max(len(line) for line in shown.split("\n")) <= LINE + 5 and column == 3
    # the same breaks when the text comes in pieces, the column carried from one to the next
    pieces, column, at = [], 0, 0
    for end in (7, 4000, 9000, len(text)):
        found, column = display_breaks(text, at, end, column)
        pieces += found
        at = end
    assert pieces == breaks


def test_a_long_single_line_article_is_filled_in_slices(qtbot, window, tmp_path):
    sentence = "Officials in Kyiv said the talks in Geneva went on while Lviv waited. "
    path = tmp_path / "line.txt"
    path.write_text(sentence * (2_000_000 // len(sentence)), encoding="utf-8")
    with qtbot.waitSignal(window.analysed, timeout=LOAD_MS):
        window.open_paths([path])
    assert window.article._filling is not None      # the window is shown while the text goes in
    kyiv = next(e for e in window.entries if e.place.name == "Kyiv")
    window.select(kyiv.key, "table")                 # asked meanwhile: done once the text is in
    qtbot.waitUntil(lambda: window.article._filling is None, timeout=LOAD_MS)
    shown = window.article.document().toPlainText()
    text = window.analyses[0].document.text
    assert len(shown) == len(text) and shown.replace("\n", " ") == text
    assert max(len(line) for line in shown.split("\n")) <= LINE + 100
    assert window.article.current_sentence_text() == window.analyses[0].sentence_text(kyiv.stops[0][1])
    m = window.analyses[0].mentions[-1]
    assert window.article.mention_at(m.start) == m                 # offsets are the document's


def test_the_places_table_sorts_its_rows_and_keeps_the_selection(qtbot, loaded):
    table, proxy = loaded.table, loaded.proxy
    names = lambda: [proxy.index(r, 0).data() for r in range(proxy.rowCount())]  # noqa: E731
    kyiv = next(e for e in loaded.entries if e.place.name == "Kyiv")
    loaded.select(kyiv.key, "map")
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert names() == sorted(names())
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names() == sorted(names(), reverse=True)
    table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    counts = [int(proxy.index(r, 4).data()) for r in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert table.currentIndex().data() == "Kyiv"


def test_while_an_article_is_analysed_the_window_thread_gets_the_interpreter_at_once(qtbot, window, tmp_path):
    """Each call Qt makes into Python on the window's thread (a model's data, a header's labels) waits for
    the interpreter lock; while a worker analyses, the lock changes hands within half a millisecond, and
    the collector is paused. Both are as they were once the work has ended."""
    import gc
    import sys

    from mapviewer.qt.tasks import workers_running

    # An earlier test's work may still be ending (on a busy machine): the interpreter as it is without any.
    qtbot.waitUntil(lambda: workers_running.idle, timeout=LOAD_MS)
    before = sys.getswitchinterval()
    assert before > workers_running.SWITCH_S and gc.isenabled()
    path = tmp_path / "long.txt"
    path.write_text("Officials in Kyiv said the talks in Geneva went on. " * 40_000, encoding="utf-8")
    seen = []
    with qtbot.waitSignal(window.analysed, timeout=LOAD_MS):
        window.open_paths([path])
        qtbot.waitUntil(lambda: seen.append((sys.getswitchinterval(), gc.isenabled()))
                        or seen[-1] == (workers_running.SWITCH_S, False), timeout=LOAD_MS)
    qtbot.waitUntil(lambda: workers_running.idle, timeout=LOAD_MS)
    assert sys.getswitchinterval() == before and gc.isenabled()
