"""The article pane: the text with its place mentions highlighted; hover tells the place, click selects it."""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..model import Analysis, Mention
from ..palette import LIGHT, Theme
from ..places import UNCERTAIN, is_uncertain, place_key
from .plaintext import plain_tooltip
from .text_fill import SLICE_S, TextFill

LONG_TEXT = 100_000      # characters: more than a slice of the GUI thread's time fills


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection of ``text`` without the blanks around it (start == end: nothing but blanks)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_REVIEW_UNDERLINE = {"confirmed": QTextCharFormat.UnderlineStyle.SingleUnderline,
                     "corrected": QTextCharFormat.UnderlineStyle.WaveUnderline,
                     "added": QTextCharFormat.UnderlineStyle.WaveUnderline}


class ArticleView(QPlainTextEdit):
    """Read-only article text; emits mentionActivated(place key, sentence) when a mention is clicked,
    mentionShown(mention) when the pointer rests on one or a click selects it, mentionMenuRequested(mention,
    global position) on a right-click on a mention and addRequested(start, end, position) on a right-click
    on selected text that is no mention."""

    mentionActivated = Signal(str, int)
    mentionShown = Signal(object)
    mentionMenuRequested = Signal(object, QPoint)
    addRequested = Signal(int, int, QPoint)
    filled = Signal()                      # the document's whole text is in the view

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.theme: Theme = LIGHT      # highlight colours for the desktop's light or dark theme
        self.uncertain_below = UNCERTAIN   # readings less confident than this are underlined as uncertain
        self.set_font_size(11)
        self.analysis: Analysis | None = None
        self.doc_index = 0
        self._starts: tuple[int, ...] = ()
        self._mentions: tuple[Mention, ...] = ()
        self._sentences: list[int] = []
        self._filling: TextFill | None = None                  # a long document being filled
        self._after_fill: Callable[[], None] | None = None     # the last request made meanwhile
        self._current: int | None = None

    def set_font_size(self, points: int) -> None:
        self.setStyleSheet(f"QPlainTextEdit {{ font-family: Georgia, serif; font-size: {int(points)}pt; }}")

    def set_colours(self, theme: Theme, uncertain_below: float) -> None:
        """Highlights in ``theme``'s colours, uncertain below that confidence; the shown document is formatted
        again."""
        if (theme, uncertain_below) == (self.theme, self.uncertain_below):
            return
        self.theme, self.uncertain_below = theme, uncertain_below
        if self.analysis is not None:
            sentences, current = list(self._sentences), self._current
            self.show_analysis(self.analysis, self.doc_index, keep_scroll=True)
            if sentences:
                self.highlight_sentences(sentences, current, scroll=False)

    def _tint(self, m: Mention) -> QColor:
        return QColor(self.theme.tint(m.place.kind if m.place else ""))

    def show_analysis(self, analysis: Analysis, doc_index: int = 0, keep_scroll: bool = False) -> None:
        """Format a new document while it is detached from the view: a shown document would be laid out
        again after every highlight (seconds for a 1 MB article instead of a fraction of one). A long one
        is filled in slices between events (``text_fill``) while shown: a plain text view lays out only
        what is on screen, so it grows at the end without work on what came before."""
        began = time.perf_counter()      # all the work done here, not only the text's, is one slice at most
        self.analysis, self.doc_index = analysis, doc_index
        self._mentions, self._starts = analysis.placed
        if self._filling is not None:            # another document asked for before this one was shown
            self._filling.stop()
            self._filling.deleteLater()
        self._filling, self._after_fill = None, None
        document = self._new_document()
        fill = TextFill(document, analysis.document.text, self._mentions, self._format, self)
        self._sentences, self._current = [], None
        self.setExtraSelections([])
        scroll = self.verticalScrollBar().value() if keep_scroll else 0
        # A text that one slice cannot hold gets only its first piece here and the rest from the event loop:
        # a slice more in this call would only add to the window's step that made it.
        long = len(analysis.document.text) > LONG_TEXT
        if fill.fill(0.0 if long else SLICE_S - (time.perf_counter() - began)):
            self._attach(document, scroll)
            return
        self._filling = fill
        fill.done.connect(lambda: self._attach(document, scroll))
        self.setDocument(document)  # the previous document, a child of this view, is deleted with it
        fill.start()

    def _new_document(self) -> QTextDocument:
        """A document laid out as a plain text view does: only the paragraphs on screen, so that showing a
        20 MB article costs no more than showing its first page."""
        document = QTextDocument(self)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        document.setDefaultFont(self.font())
        document.setUndoRedoEnabled(False)
        return document

    def _format(self, m: Mention) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(self._tint(m))
        fmt.setForeground(QColor(self.theme.text))
        if is_uncertain(m, self.uncertain_below):
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(self.theme.uncertain))
        elif m.reviewed:
            fmt.setUnderlineStyle(_REVIEW_UNDERLINE[m.status])
            fmt.setUnderlineColor(QColor(self.theme.reviewed))
        return fmt

    def _attach(self, document: QTextDocument, scroll: int) -> None:
        """Show the filled document; what was asked of the view while it filled is done now."""
        self._filling = None
        if self.document() is not document:
            self.setDocument(document)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(scroll)
        after, self._after_fill = self._after_fill, None
        if after is not None:
            after()
        self.filled.emit()

    @property
    def filling(self) -> bool:
        """A long document's text is still going in, slice by slice."""
        return self._filling is not None

    def mention_at(self, offset: int) -> Mention | None:
        if self._filling is not None:
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._mentions[i].start <= offset < self._mentions[i].end:
            return self._mentions[i]
        return None

    def highlight_sentences(self, indexes: list[int], current: int | None = None, scroll: bool = True) -> None:
        """Highlight these sentences, the ``current`` one stronger, and scroll to it; the mentions inside
        them keep their own colour, so the reader still sees which words name places."""
        if self.analysis is None:
            return
        if self._filling is not None:
            self._after_fill = lambda: self.highlight_sentences(indexes, current, scroll)
            return
        selections = [self._selection(self.analysis.sentences[i].start, self.analysis.sentences[i].end,
                                      QColor(self.theme.current if i == current else self.theme.sentence))
                      for i in indexes]
        shown = set(indexes)
        selections += [self._selection(m.start, m.end, self._tint(m))
                       for m in self._mentions if m.sentence in shown]
        self._sentences, self._current = list(indexes), current
        self.setExtraSelections(selections)
        target = current if current is not None else (indexes[0] if indexes else None)
        if target is not None and scroll:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.analysis.sentences[target].start)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _selection(self, start: int, end: int, colour: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        sel.format.setBackground(colour)
        sel.format.setForeground(QColor(self.theme.text))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(start)
        sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return sel

    def highlighted_text(self) -> list[str]:
        """The highlighted sentences' text (what a selection shows), in order."""
        return [self.analysis.sentence_text(i) for i in self._sentences] if self.analysis else []

    def current_sentence_text(self) -> str | None:
        """The sentence highlighted as the current one, if any."""
        current = [sel.cursor.selectedText() for sel in self.extraSelections()
                   if sel.format.background().color() == QColor(self.theme.current)]
        return current[0] if current else None

    # -- interaction ---------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if isinstance(e, QHelpEvent) and e.type() == QEvent.Type.ToolTip and self.analysis is not None:
            m = self.mention_at(self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos())).position())
            if m is not None and (p := m.place) is not None:
                status = "" if m.status == "machine" else f" · {m.status} by you"
                QToolTip.showText(e.globalPos(), plain_tooltip(f"{p.name} — {p.kind}, {p.country or ''} "
                                                               f"({p.lat:.3f}, {p.lon:.3f}) · {m.confidence:.0%}"
                                                               f"{status}"), self)
                self.mentionShown.emit(m)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        clicked = e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection()
        if clicked and self.analysis is not None:
            m = self.mention_at(self.cursorForPosition(e.position().toPoint()).position())
            if m is not None and m.place is not None:
                self.mentionShown.emit(m)
                self.mentionActivated.emit(place_key(m.place, self.doc_index), m.sentence)

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        if self.analysis is None:
            return
        m = self.mention_at(self.cursorForPosition(e.pos()).position())
        cursor = self.textCursor()
        if m is not None:
            self.mentionShown.emit(m)
            self.mentionMenuRequested.emit(m, e.globalPos())
        elif cursor.hasSelection() and cursor.selectedText().strip():
            start, end = sorted((cursor.anchor(), cursor.position()))
            self.addRequested.emit(start, end, e.globalPos())

    def select_mention(self, m: Mention) -> None:
        """Put the cursor on a mention (what "next uncertain mention" does) and show its reading."""
        if self._filling is not None:
            self._after_fill = lambda: self.select_mention(m)
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(m.start)
        cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.mentionShown.emit(m)
