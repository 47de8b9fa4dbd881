"""A long article into a QTextDocument without freezing the window: the text and its mentions' formats go
in piece by piece, a slice of at most ``SLICE_S`` at a time with the event loop running between slices,
so a 20 MB article appears while the window stays responsive.

Qt lays out a paragraph as one unit, and a 5 MB line took seconds at once; so a line longer than
``LINE`` characters is shown with a line break in place of a space about every ``LINE`` characters. One
character for one, so every offset into the shown text is still the document's."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from ..model import Mention

SLICE_S = 0.01           # the longest the GUI thread works on the text at a time
CHUNK = 2_500            # characters inserted between two looks at the clock
LINE = 5_000             # a line longer than this is broken at a space for display


def display_breaks(text: str, start: int, end: int, column: int, width: int = LINE) -> tuple[list[int], int]:
    """The spaces of ``text[start:end]`` shown as line ends, so that no shown line runs much past ``width``
    characters, and the column at ``end``; ``column`` is the shown line's length at ``start``. Time linear
    in the lines and breaks of the range."""
    breaks = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        while column + (stop - pos) > width:
            space = text.find(" ", pos + max(0, width - column), stop)
            if space < 0:
                break
            breaks.append(space)
            column, pos = 0, space + 1
        if newline < 0:
            column += stop - pos
            break
        column, pos = 0, newline + 1
    return breaks, column


class TextFill(QObject):
    """Fills ``document`` with ``text``, each mention's range in ``format_of(mention)``; ``done`` at the end.
    ``fill(budget)`` does the work for up to ``budget`` seconds (None: all of it, for a short text);
    ``start()`` does the rest in slices from the event loop; ``stop()`` drops it."""

    done = Signal()

    def __init__(self, document: QTextDocument, text: str, mentions: Sequence[Mention],
                 format_of: Callable[[Mention], QTextCharFormat], parent: QObject | None = None):
        super().__init__(parent)
        self.document, self.text, self.mentions, self.format_of = document, text, mentions, format_of
        self._cursor = QTextCursor(document)
        self._plain = QTextCharFormat()
        self._pos = self._next = self._column = 0
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._slice)

    @property
    def complete(self) -> bool:
        return self._pos >= len(self.text)

    def fill(self, budget: float | None = None) -> bool:
        """Insert text for up to ``budget`` seconds; whether the whole text is in."""
        deadline = time.perf_counter() + budget if budget is not None else float("inf")
        while not self.complete:
            self._insert_chunk()
            if time.perf_counter() > deadline:
                break
        return self.complete

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _slice(self) -> None:
        if self.fill(SLICE_S):
            self.done.emit()
        else:
            self._timer.start()

    def _insert_chunk(self) -> None:
        text, mentions = self.text, self.mentions
        end = min(len(text), self._pos + CHUNK)
        n = self._next
        while n < len(mentions) and mentions[n].start < end:      # a chunk never ends inside a mention
            end = max(end, mentions[n].end)
            n += 1
        breaks, self._column = display_breaks(text, self._pos, end, self._column)
        shown = text[self._pos:end]
        if breaks:
            chars = list(shown)
            for b in breaks:
                chars[b - self._pos] = "\n"
            shown = "".join(chars)
        at, base = self._pos, self._pos
        self._cursor.beginEditBlock()       # one change for the layout to look at, not one per piece
        for m in mentions[self._next:n]:
            if m.start > at:
                self._cursor.insertText(shown[at - base:m.start - base], self._plain)
            if m.end > max(at, m.start):
                self._cursor.insertText(shown[max(at, m.start) - base:m.end - base], self.format_of(m))
            at = max(at, m.end)
        if end > at:
            self._cursor.insertText(shown[at - base:end - base], self._plain)
        self._cursor.endEditBlock()
        self._pos, self._next = end, n
