""""Search the gazetteer…" and "Add place…": type a name, see the places it may be, pick one.

Results follow the typing (``mapviewer.search``: exact, prefix and fuzzy, accents ignored) with what tells
namesakes apart; the highlighted one is previewed on the map. Table cells are plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..gazetteer.store import GazetteerStore
from ..model import Place
from ..search import SearchResult, search

COLUMNS = ("Place", "Kind", "Region", "Country", "Population")
TYPING_PAUSE_MS = 120


class SearchDialog(QDialog):
    """Pick a gazetteer place; ``chosen`` holds it after the dialog is accepted."""

    previewed = Signal(object)       # the highlighted SearchResult, or None

    def __init__(self, store: GazetteerStore, query: str = "", title: str = "Search the gazetteer",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.store = store
        self.results: list[SearchResult] = []
        self.chosen: Place | None = None
        self.query = QLineEdit(query)
        self.query.setPlaceholderText("Type a place name, in any spelling…")
        self.query.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for w in (self.query, self.table, self.count, self.buttons):
            layout.addWidget(w)
        self.resize(640, 420)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.query.returnPressed.connect(self._accept_first)
        self.table.currentCellChanged.connect(lambda row, *_: self.previewed.emit(self._result(row)))
        self.table.cellDoubleClicked.connect(lambda *_: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        """Search for what the field holds now."""
        self._timer.stop()
        self.results = search(self.store, self.query.text())
        self.table.setRowCount(len(self.results))
        for row, r in enumerate(self.results):
            p = r.place
            values = (r.label, "region" if p.kind == "admin1" else p.kind, r.region or "", r.country or "",
                      f"{p.population:,}" if p.population else "")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.count.setText(f"{len(self.results)} places" if self.query.text().strip() else "")
        if self.results:
            self.table.setCurrentCell(0, 0)
        self.previewed.emit(self._result(self.table.currentRow()))     # also when row 0 stays current
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.results))

    def _result(self, row: int) -> SearchResult | None:
        return self.results[row] if 0 <= row < len(self.results) else None

    def _accept_first(self) -> None:
        self.refresh()
        if self.results:
            self.accept()

    def accept(self) -> None:
        result = self._result(self.table.currentRow())
        if result is None:
            return
        self.chosen = result.place
        super().accept()
