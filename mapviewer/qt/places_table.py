"""The places table: one row per place, sortable, filtered by a search box."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ..places import PlaceEntry
from .plaintext import plain_tooltip

COLUMNS = ("Place", "Kind", "Region", "Country", "Mentions", "Confidence", "Lat", "Lon", "Review", "Documents")
REVIEW = {"machine": "", "confirmed": "✓ confirmed", "corrected": "✎ corrected", "added": "+ added"}


Row = tuple[str, str, str, str, int, float, float, float, str, str]
# The roles the model answers, as plain numbers (compared once per cell and role the view asks for).
_DISPLAY, _SORT_KEY, _TOOLTIP, _ALIGNMENT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole))
_ROLES = frozenset((_DISPLAY, _SORT_KEY, _TOOLTIP, _ALIGNMENT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _review(e: PlaceEntry) -> str:
    reviewed = e.reviewed
    return f"{REVIEW[e.status]} {reviewed}/{len(e.mentions)}" if reviewed else ""


# Each column's value of a place. Some run over all the place's mentions (confidence, review, documents).
_VALUES: tuple[Callable[[PlaceEntry], Any], ...] = (
    lambda e: e.place.name, lambda e: "region" if e.place.kind == "admin1" else e.place.kind,
    lambda e: e.region or "", lambda e: e.country or "", lambda e: len(e.mentions),
    lambda e: round(e.confidence, 2), lambda e: round(e.place.lat, 4), lambda e: round(e.place.lon, 4), _review,
    lambda e: ", ".join(str(d + 1) for d in e.documents))


class PlacesModel(QAbstractTableModel):
    """A place's row is computed when first shown and then kept (the view asks for each cell many times);
    sorting computes only the sorted column, so the places of a 20 MB article arrive at once."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.entries: list[PlaceEntry] = []
        self._rows: list[Row | None] = []
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_entries(self, entries: list[PlaceEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._rows = [None] * len(self.entries)
        self._sorted()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows in the order of a column's values, sorted here in one call: a proxy model sorting them would
        ask for two cells' values per comparison, seconds for the places of a 20 MB article."""
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()            # a selected row stays selected, wherever it goes
        keys = [self.entries[i.row()].key for i in kept]
        self._order = (column, order)
        self._sorted()
        rows = {e.key: n for n, e in enumerate(self.entries)}
        self.changePersistentIndexList(kept, [self.index(rows[k], i.column()) for k, i in zip(keys, kept)])
        self.layoutChanged.emit()

    def _sorted(self) -> None:
        if self._order is None or not self.entries:
            return
        column, order = self._order
        value = _VALUES[column]
        keyed = sorted(((value(e) if r is None else r[column], e, r) for e, r in zip(self.entries, self._rows)),
                       key=lambda item: item[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self.entries, self._rows = [e for _, e, _ in keyed], [r for _, _, r in keyed]

    def _row(self, n: int) -> Row:
        row = self._rows[n]
        if row is None:
            row = self._rows[n] = cast(Row, tuple(f(self.entries[n]) for f in _VALUES))
        return row

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():     # the view asks for eight roles of each cell it measures
            return None
        values = self._row(index.row())
        if role == _DISPLAY:
            v = values[index.column()]
            return f"{v:.0%}" if index.column() == 5 else str(v)
        if role == _SORT_KEY:
            return values[index.column()]
        if role == _TOOLTIP:
            return plain_tooltip(self.entries[index.row()].label)
        if 4 <= index.column() < 8:      # the alignment
            return _RIGHT
        return None

    def key_at(self, row: int) -> str:
        return self.entries[row].key

    def row_of(self, key: str) -> int:
        return next((i for i, e in enumerate(self.entries) if e.key == key), -1)


class PlacesFilter(QSortFilterProxyModel):
    """Sorts by value (numbers as numbers), filters on name, region and country, and by document."""

    def __init__(self, places: PlacesModel, parent: QObject | None = None):
        super().__init__(parent)
        self.places = places
        self.setSourceModel(places)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self._text = ""
        self._document: int | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The places model sorts its own rows; this model keeps their order and only filters."""
        self.places.sort(column, order)

    def set_document(self, doc: int | None) -> None:
        """Only the places of document ``doc`` (None: of all documents). The same filter again is no change:
        filtering asks this model about every row, 5-10 ms for the places of a 20 MB article."""
        if doc != self._document:
            self.beginFilterChange()
            self._document = doc
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        text = text.strip().lower()
        if text != self._text:
            self.beginFilterChange()
            self._text = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        text = self._text
        e = self.places.entries[row]
        if self._document is not None and self._document not in e.documents:
            return False
        if not text:
            return True
        return any(text in (v or "").lower() for v in (e.place.name, e.region, e.country, e.place.kind))
