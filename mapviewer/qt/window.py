"""The main window: article, map and places table, kept on one selection.

The window only wires views together. Analyses run in ``runner.AnalysisRunner``, menus come from the
registries (``menus.py``), errors are shown by ``errors.show_error``, and the selection rules are the
core's (``PlaceEntry.stops`` / ``first_stop``), which the map page script follows too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..bundled import sample_article
from ..errors import MapviewerError
from ..export import FORMATS, export
from ..gazetteer.store import GazetteerStore
from ..mapping.page import message_page
from ..model import Analysis, Document
from ..places import PlaceEntry
from .article import ArticleView
from .controls import ElidedLabel, FilterBox
from .errors import show_error
from .mapview import MapView
from .menus import build_menus
from .places_table import PlacesFilter, PlacesModel
from .recent import RecentFiles
from .runner import AnalysisRunner
from .tasks import StoreHandle

EMPTY_MAP = message_page("Open an article to see its places here.")
ABOUT = f"""mapviewer {__version__}
Every place an article mentions, on a map, linked back to its sentences. Offline: nothing is requested
from the network unless you pick an online map layer.

Data: GeoNames (CC BY 4.0, geonames.org); Natural Earth (public domain); world-atlas and us-atlas (ISC);
countryinfo (MIT); wordfreq (CC BY-SA 4.0 data); US Census name lists (public domain).
Map: Leaflet (BSD-2), Leaflet.markercluster (MIT), folium (MIT). Desktop: Qt for Python (LGPL-3.0).
mapviewer itself: MIT licence. Sources and licences in full: gazetteer/SOURCES.md."""


class MainWindow(QMainWindow):
    analysed = Signal()          # a new set of analyses is shown (tests and --screenshot wait for it)

    def __init__(self, settings: QSettings | None = None, store: GazetteerStore | None = None):
        super().__init__()
        self.settings = settings or QSettings("mapviewer", "mapviewer")
        self.setWindowTitle("mapviewer")
        self.setAcceptDrops(True)
        self.store = StoreHandle(store)
        self.recent = RecentFiles(self.settings)
        self.analyses: list[Analysis] = []
        self.entries: list[PlaceEntry] = []
        self.selected: str | None = None
        self._stop = 0
        self._selecting = False
        self.last_error = ""
        self._opening: list[Path] = []
        self.runner = AnalysisRunner(self.store, self)
        self.runner.status.connect(self.statusBar().showMessage)
        self.runner.finished.connect(self._show_results)
        self.runner.failed.connect(self._on_failed)
        self._build_widgets()
        self.menus = build_menus(self)
        self._update_actions()
        self._restore()

    # -- layout ----------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.article = ArticleView()
        self.doc_choice = QComboBox()
        self.doc_choice.setVisible(False)
        self.doc_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_choice.setMinimumContentsLength(12)
        self.prev_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.prev_button.setToolTip("Previous sentence that mentions the selected place (Alt+Left)")
        self.next_button.setToolTip("Next sentence that mentions the selected place (Alt+Right)")
        self.sentence_label = ElidedLabel()
        nav = QHBoxLayout()
        nav.addWidget(self.doc_choice)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.sentence_label, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        lv.addLayout(nav)
        lv.addWidget(self.article)
        self.welcome = self._welcome_panel()
        lv.addWidget(self.welcome)
        self.article.setVisible(False)

        self.map = MapView()
        self.map.show_html(EMPTY_MAP)
        self.model = PlacesModel(self)
        self.proxy = PlacesFilter(self.model, self)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)   # most mentioned first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # fit columns to the first 200 rows
        self.search = FilterBox()
        self.search.setPlaceholderText("Filter places… (Enter picks the first, Esc clears)")
        self.search.setClearButtonEnabled(True)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(4, 4, 4, 4)
        bv.addWidget(self.search)
        bv.addWidget(self.table)

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.map)
        self.right.addWidget(bottom)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.addWidget(left)
        self.main.addWidget(self.right)
        self.main.setStretchFactor(0, 2)
        self.main.setStretchFactor(1, 3)
        self.setCentralWidget(self.main)
        self.statusBar().showMessage("Ready")

        self.article.mentionActivated.connect(
            lambda key, sentence: self.go_to_sentence(key, self.article.doc_index, sentence, "text"))
        self.map.placeClicked.connect(lambda key: self.select(key, "map"))
        self.map.sentenceClicked.connect(lambda key, doc, sentence: self.go_to_sentence(key, doc, sentence, "map"))
        self.map.filesDropped.connect(self.open_paths)
        self.table.selectionModel().currentRowChanged.connect(self._table_row)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.accepted.connect(self._pick_first_match)
        self.doc_choice.currentIndexChanged.connect(self._show_document)
        self.prev_button.clicked.connect(lambda: self.step_sentence(-1))
        self.next_button.clicked.connect(lambda: self.step_sentence(1))

    def _welcome_panel(self) -> QWidget:
        """What an empty window offers: open an article, the sample article, or a recent file."""
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.addStretch(1)
        title = QLabel("<h2>mapviewer</h2><p>See every place an article mentions on a map, and the sentence "
                       "behind each marker.</p><p>Open an article (.txt, .md, .html) or drop one here.</p>")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(title)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton("Open article…")
        self.sample_button = QPushButton("Open the sample article")
        self.open_button.clicked.connect(self.open_dialog)
        self.sample_button.clicked.connect(self.open_sample)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.welcome_recent = QVBoxLayout()
        v.addLayout(self.welcome_recent)
        v.addStretch(2)
        return panel

    def _update_actions(self) -> None:
        for a in self.menus.exports:
            a.setEnabled(bool(self.analyses))
        has_selection = self.selected is not None
        for w in (self.menus.copy_coordinates, self.menus.previous_sentence, self.menus.next_sentence,
                  self.prev_button, self.next_button):
            w.setEnabled(has_selection)
        recent = self.recent.paths()
        self.menus.recent.clear()
        for p in recent:
            self.menus.recent.addAction(str(p)).triggered.connect(lambda checked=False, p=p: self.open_paths([p]))
        self.menus.recent.setEnabled(bool(recent))
        while self.welcome_recent.count():
            item = self.welcome_recent.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for p in recent[:5]:
            button = QPushButton(p.name)
            button.setFlat(True)
            button.setToolTip(str(p))
            button.clicked.connect(lambda checked=False, p=p: self.open_paths([p]))
            self.welcome_recent.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)

    # -- opening ---------------------------------------------------------------------------------
    def open_sample(self) -> None:
        self.open_paths([Path(str(sample_article()))])

    def open_dialog(self) -> None:
        from ..documents import SUFFIXES

        suffixes = " ".join(f"*{s}" for s in SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", self._last_folder(),
                                                f"Articles ({suffixes});;All files (*)")
        if paths:
            self.open_paths([Path(p) for p in paths])

    def open_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.report("The clipboard holds no text.")
            return
        self._opening = []
        self.runner.run([Document(text, title="Clipboard text", source="clipboard")])

    def open_paths(self, paths: list[Path]) -> None:
        paths = [Path(p).absolute() for p in paths]
        if paths:
            self.settings.setValue("last_folder", str(paths[0].parent))
            self._opening = paths
            self.runner.run(list(paths))

    def _on_failed(self, message: str, details: str) -> None:
        failed = [p for p in self._opening if not p.is_file()]
        if failed:
            self.recent.remove(failed)
            self._update_actions()
        self.report(message, details)

    def _show_results(self, results: list[tuple[Path | Document, Analysis]], entries: list[PlaceEntry],
                      page: str) -> None:
        """A new set of documents: every view starts clean (no selection, no filter, top of the text)."""
        self.analyses = [a for _, a in results]
        self.entries = entries
        self.selected, self._stop = None, 0
        self.sentence_label.set_full_text("")
        self.search.blockSignals(True)
        self.search.clear()
        self.proxy.set_text("")
        self.search.blockSignals(False)
        self.model.set_entries(self.entries)
        self.table.scrollToTop()
        self.table.resizeColumnsToContents()
        self.doc_choice.blockSignals(True)
        self.doc_choice.clear()
        for a in self.analyses:
            self.doc_choice.addItem(a.document.title[:80] or a.document.source)
        self.doc_choice.blockSignals(False)
        self.doc_choice.setVisible(len(self.analyses) > 1)
        self._show_document(0)
        self.map.show_html(page)
        self.recent.add([s for s, _ in results if isinstance(s, Path)])
        titles = ", ".join(a.document.source or a.document.title for a in self.analyses)
        self.setWindowTitle(f"{titles} — mapviewer")
        mentions = sum(len(e.mentions) for e in self.entries)
        self.statusBar().showMessage(f"{len(self.entries)} places, {mentions} mentions")
        self._update_actions()
        warnings = [w for a in self.analyses for w in a.document.warnings]
        if warnings:             # damaged bytes and the like: the map is shown, and the reader told why
            self.report("Opened, with a warning:\n" + "\n".join(warnings))
        self.analysed.emit()

    def _show_document(self, index: int) -> None:
        if 0 <= index < len(self.analyses):
            self.welcome.setVisible(False)
            self.article.setVisible(True)
            if self.article.analysis is not self.analyses[index]:
                self.article.show_analysis(self.analyses[index], index)
            if self.doc_choice.currentIndex() != index:
                self.doc_choice.blockSignals(True)
                self.doc_choice.setCurrentIndex(index)
                self.doc_choice.blockSignals(False)

    # -- one selection in three views ------------------------------------------------------------
    def entry(self, key: str | None) -> PlaceEntry | None:
        return next((e for e in self.entries if e.key == key), None)

    def select(self, key: str, origin: str) -> None:
        """Select a place: the article shows its sentences, the map flies to it, the table shows its row."""
        e = self.entry(key)
        if e is None:
            return
        if key != self.selected:
            self._stop = e.first_stop(self.article.doc_index)
        self.selected = key
        self._show_stop(e)
        if origin != "map":
            self.map.focus_place(key)
        if origin != "table":
            self._select_row(key)
        self.statusBar().showMessage(f"{e.label}: {e.place.lat:.4f}, {e.place.lon:.4f} · "
                                     f"{len(e.mentions)} mentions · confidence {e.confidence:.0%}")
        self._update_actions()

    def _show_stop(self, e: PlaceEntry) -> None:
        """The current stop's document, the place's sentences there, the current one marked."""
        doc, sentence = e.stops[self._stop]
        self._show_document(doc)
        here = [s for d, s in e.stops if d == doc]
        self.article.highlight_sentences(here, current=sentence)
        self.sentence_label.set_full_text(f"{e.place.name}: sentence {self._stop + 1} of {len(e.stops)}")

    def step_sentence(self, delta: int) -> None:
        e = self.entry(self.selected)
        if e is not None:
            self._stop = (self._stop + delta) % len(e.stops)
            self._show_stop(e)

    def go_to_sentence(self, key: str, doc: int, sentence: int, origin: str) -> None:
        """A mention clicked in the text, or a quoted sentence in a map popup: select its place, with that
        sentence as the current one."""
        e = self.entry(key)
        if e is not None and (doc, sentence) in e.stops:
            self.selected = None            # a new selection, starting at this sentence
            self.select(key, origin)
            self._stop = e.stops.index((doc, sentence))
            self._show_stop(e)

    def _select_row(self, key: str) -> None:
        """Make the place's row the table's current and selected row, as a click would."""
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(key), 0))
        if not row.isValid():        # filtered out: the filter no longer hides the selection
            self.search.clear()
            row = self.proxy.mapFromSource(self.model.index(self.model.row_of(key), 0))
        self._selecting = True
        try:
            self.table.selectionModel().setCurrentIndex(
                row, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(row)
        finally:
            self._selecting = False

    def _table_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting and current.isValid():
            self.select(self.model.key_at(self.proxy.mapToSource(current).row()), "table")

    def _pick_first_match(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def focus_filter(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- edit, export ----------------------------------------------------------------------------
    def copy_coordinates(self) -> None:
        e = self.entry(self.selected)
        if e is not None:
            QGuiApplication.clipboard().setText(f"{e.place.lat:.5f}, {e.place.lon:.5f}")
            self.statusBar().showMessage(f"Copied the coordinates of {e.place.name}")

    def export_dialog(self, fmt: str) -> None:
        f = FORMATS[fmt]
        stem = Path(self.analyses[0].document.source or "map").stem if self.analyses else "map"
        suggested = str(Path(self._last_folder() or Path.home()) / f"{stem}{f.suffixes[0]}")
        path, _ = QFileDialog.getSaveFileName(self, "Export", suggested, f.file_filter)
        if path:
            self.export_to(Path(path), fmt)

    def _last_folder(self) -> str:
        return str(self.settings.value("last_folder", "") or "")

    def export_to(self, path: Path, fmt: str | None = None) -> bool:
        store = self.store.store
        if store is None or not self.analyses:
            self.report("Open an article before exporting its map.")
            return False
        try:
            export(self.analyses, store, path, fmt)
        except MapviewerError as e:
            self.report(str(e))
            return False
        self.statusBar().showMessage(f"Exported {path}")
        return True

    def about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "About mapviewer", ABOUT, QMessageBox.StandardButton.Ok,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def report(self, message: str, details: str = "") -> None:
        """Errors are dialogs with a clear message (and details for a bug); the window keeps working."""
        self.last_error = message
        show_error(self, message, details)

    # -- drag and drop, settings -----------------------------------------------------------------
    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self._default_layout = True
        for name, splitter in (("main_splitter", self.main), ("right_splitter", self.right)):
            state = self.settings.value(name)
            if isinstance(state, QByteArray) and splitter.restoreState(state):
                self._default_layout = False

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if self._default_layout:  # first run: article 40 %, map 60 % of the width and of the height
            self._default_layout = False
            self.main.setSizes([int(self.width() * 0.4), int(self.width() * 0.6)])
            self.right.setSizes([int(self.height() * 0.6), int(self.height() * 0.4)])

    def closeEvent(self, e: QCloseEvent) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("main_splitter", self.main.saveState())
        self.settings.setValue("right_splitter", self.right.saveState())
        self.runner.shutdown()
        super().closeEvent(e)
