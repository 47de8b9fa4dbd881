"""The reading of the mention under the pointer or the cursor: its place and the ranked alternatives, each
with kind, region, country, population, confidence and distance from the chosen one. A double-click on an
alternative chooses it; the window shows the alternatives on the map while the list is shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ..gazetteer.store import GazetteerStore
from ..model import Mention, Place
from ..places import Alternative, alternatives, place_context
from .plaintext import plain_tooltip

COLUMNS = ("Place", "Kind", "Region", "Country", "Population", "Confidence", "Distance")
STATUS = {"machine": "machine reading", "confirmed": "confirmed by you", "corrected": "corrected by you",
          "added": "added by you"}


def _row(label: str, place: Place, region: str | None, country: str | None, score: float,
         km: float | None) -> QTreeWidgetItem:
    return QTreeWidgetItem([label, "region" if place.kind == "admin1" else place.kind, region or "", country or "",
                            f"{place.population:,}" if place.population else "", f"{score:.0%}",
                            "" if km is None else f"{km:,.0f} km"])


class ReadingPanel(QTreeWidget):
    """``alternativeChosen(place)`` on a double-click; ``hovered(index)`` names the alternative under the
    pointer (-1 for none), for the map to highlight it."""

    alternativeChosen = Signal(object)
    hovered = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setMouseTracking(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mention: Mention | None = None
        self.alternatives: list[Alternative] = []
        self.itemDoubleClicked.connect(self._chosen)
        self.itemEntered.connect(lambda item, _col: self.hovered.emit(self.indexOfTopLevelItem(item) - 1))

    def show_mention(self, mention: Mention | None, store: GazetteerStore) -> list[Alternative]:
        """Show ``mention``'s reading (None clears the list); returns the alternatives shown."""
        self.clear()
        self.mention = mention
        self.alternatives = [] if mention is None else alternatives(mention, store)
        if mention is None:
            return []
        if mention.place is not None:
            p = mention.place
            chosen = _row(f"{p.name} ({STATUS[mention.status]})", p,
                          *place_context(p, store), mention.confidence, None)
            font = QFont(chosen.font(0))
            font.setBold(True)
            for col in range(len(COLUMNS)):
                chosen.setFont(col, font)
            self.addTopLevelItem(chosen)
        for n, a in enumerate(self.alternatives, 1):
            item = _row(f"{n}. {a.place.name}", a.place, a.region, a.country, a.score, a.distance_km)
            item.setToolTip(0, plain_tooltip(a.label))
            self.addTopLevelItem(item)
        return self.alternatives

    def _chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        index = self.indexOfTopLevelItem(item) - 1
        if 0 <= index < len(self.alternatives):
            self.alternativeChosen.emit(self.alternatives[index].place)
