"""The article pane: the text with its place mentions highlighted; hover tells the place, click selects it."""

from __future__ import annotations

import bisect

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
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from ..model import Analysis, Mention
from ..palette import LIGHT, Theme
from ..places import UNCERTAIN, is_uncertain, place_key
from .plaintext import plain_tooltip


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

class ArticleView(QTextEdit):
    """Read-only article text; emits mentionActivated(place key, sentence) when a mention is clicked,
    mentionShown(mention) when the pointer rests on one or a click selects it, mentionMenuRequested(mention,
    global position) on a right-click on a mention and addRequested(start, end, position) on a right-click
    on selected text that is no mention."""

    mentionActivated = Signal(str, int)
    mentionShown = Signal(object)
    mentionMenuRequested = Signal(object, QPoint)
    addRequested = Signal(int, int, QPoint)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.theme: Theme = LIGHT      # highlight colours for the desktop's light or dark theme
        self.uncertain_below = UNCERTAIN   # readings less confident than this are underlined as uncertain
        self.set_font_size(11)
        self.analysis: Analysis | None = None
        self.doc_index = 0
        self._starts: list[int] = []
        self._mentions: list[Mention] = []
        self._sentences: list[int] = []
        self._current: int | None = None

    def set_font_size(self, points: int) -> None:
        self.setStyleSheet(f"QTextEdit {{ font-family: Georgia, serif; font-size: {int(points)}pt; }}")

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
        again after every highlight (seconds for a 1 MB article instead of a fraction of one)."""
        self.analysis, self.doc_index = analysis, doc_index
        self._mentions = sorted((m for m in analysis.mentions if m.place), key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setUndoRedoEnabled(False)
        document.setPlainText(analysis.document.text)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for m in self._mentions:
            fmt = QTextCharFormat()
            fmt.setBackground(self._tint(m))
            fmt.setForeground(QColor(self.theme.text))
            if is_uncertain(m, self.uncertain_below):
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(self.theme.uncertain))
            elif m.reviewed:
                fmt.setUnderlineStyle(_REVIEW_UNDERLINE[m.status])
                fmt.setUnderlineColor(QColor(self.theme.reviewed))
            cursor.setPosition(m.start)
            cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()
        self._sentences, self._current = [], None
        self.setExtraSelections([])
        scroll = self.verticalScrollBar().value()
        self.setDocument(document)  # the previous document, a child of this view, is deleted with it
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(scroll if keep_scroll else 0)

    def mention_at(self, offset: int) -> Mention | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self._mentions[i].start <= offset < self._mentions[i].end:
            return self._mentions[i]
        return None

    def highlight_sentences(self, indexes: list[int], current: int | None = None, scroll: bool = True) -> None:
        """Highlight these sentences, the ``current`` one stronger, and scroll to it; the mentions inside
        them keep their own colour, so the reader still sees which words name places."""
        if self.analysis is None:
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
        cursor = QTextCursor(self.document())
        cursor.setPosition(m.start)
        cursor.setPosition(m.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.mentionShown.emit(m)
