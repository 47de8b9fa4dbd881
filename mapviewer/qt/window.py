"""The main window: article, map and places table, kept on one selection.

The window only wires views together. Analyses run in ``runner.AnalysisRunner``, menus come from the
registries (``menus.py``), errors are shown by ``errors.show_error``, and the selection rules are the
core's (``PlaceEntry.stops`` / ``first_stop``), which the map page script follows too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QDragEnterEvent, QDropEvent, QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..bundled import sample_article
from ..corrections import Action, Correction, Scope, for_mention, now, pinned_place, review_progress
from ..errors import MapviewerError
from ..export import FORMATS, export, format_for
from ..gazetteer.store import GazetteerStore
from ..mapping.message import message_page
from ..model import Analysis, Document, Mention, Place
from ..places import PlaceEntry, alternatives, collect_places, is_uncertain, place_key
from ..project import SUFFIX, Project, ProjectDocument, UiState, load_project, save_project
from ..project import MapView as ProjectView
from ..warm import warm_up
from .article import ArticleView, trimmed_span
from .autosave import Autosave
from .basemap_levels import CloserLevels
from .controls import ElidedLabel, FilterBox
from .detail import DetailBuilder
from .errors import show_error
from .maptools import MapTools
from .mapview import MapView
from .mention_menu import add_place_menu, mention_menu
from .menus import build_menus
from .places_table import COLUMNS, PlacesFilter, PlacesModel
from .reading import ReadingPanel
from .rebuild import Rebuilder
from .recent import RecentFiles
from .redraw import MapRedraw
from .review import Review
from .runner import AnalysisRunner
from .search_dialog import SearchDialog
from .tasks import StoreHandle
from .watch import ChangedFiles

if TYPE_CHECKING:
    from ..gazetteer.opening import StoreOpening
    from ..pipeline import Geoparser
    from .tasks import Source

EMPTY_MAP = message_page("Open an article to see its places here.")
ABOUT = f"""mapviewer {__version__}
Every place an article mentions, on a map, linked back to its sentences. Offline: nothing is requested
from the network unless you pick an online map layer.

Data: GeoNames (CC BY 4.0, geonames.org); Natural Earth (public domain); world-atlas and us-atlas (ISC);
countryinfo (MIT); wordfreq (CC BY-SA 4.0 data); US Census name lists (public domain).
Map: Leaflet (BSD-2), Leaflet.markercluster (MIT), folium (MIT). Desktop: Qt for Python (LGPL-3.0).
mapviewer itself: MIT licence. Sources and licences in full: gazetteer/SOURCES.md."""


@dataclass(frozen=True, slots=True)
class _OpenedProject:
    """What the runner's documents are for when a project is opened: that project, shown once the runner
    has drawn their map."""

    project: Project
    path: Path | None          # None: unsaved (recovered from an autosave)
    recovered: bool


class MainWindow(QMainWindow):
    analysed = Signal()          # a new set of analyses is shown (tests and --screenshot wait for it)
    corrected = Signal()         # a correction, undo or redo is shown in text, table and map

    def __init__(self, settings: QSettings | None = None, store: GazetteerStore | None = None,
                 opening: StoreOpening | None = None):
        super().__init__()
        self.store = StoreHandle(store, opening)
        self.store.prepare()        # a first run's build starts before the window and Qt WebEngine do
        self.settings = settings or QSettings("mapviewer", "mapviewer")
        self.setWindowTitle("mapviewer")
        self.setAcceptDrops(True)
        self.recent = RecentFiles(self.settings)
        self.recent_projects = RecentFiles(self.settings, "recent_projects")
        self.review = Review(self)
        self.review.changed.connect(self._corrected)
        self.review.undo_stack.cleanChanged.connect(self._update_title)
        self.autosave = Autosave(self.settings, self.current_project, self.is_modified, self)
        self.review.undo_stack.indexChanged.connect(self.autosave.touch)
        self.project_path: Path | None = None
        self.active_menu: QMenu | None = None          # the correction menu shown (tests drive it)
        self.search_dialog: SearchDialog | None = None
        self.url_dialog: QInputDialog | None = None
        self.reload_box: QMessageBox | None = None
        self.recovery_box: QMessageBox | None = None
        self._pin: tuple[int, Mention, Scope] | None = None   # "Place it on the map": waiting for a click
        self._recovered = False        # a recovered autosave is unsaved work
        self._outlined: frozenset[str] = frozenset()   # the regions and countries the map page can outline
        self._geoparser: Geoparser | None = None         # for re-reading with corrections, made when first asked
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
        self.rebuilder = Rebuilder(self.store, self)
        self.runner.damaged.connect(self.rebuilder.offer)
        self.rebuilder.rebuilt.connect(self._rebuilt)
        self._build_widgets()
        self.detail = DetailBuilder(self.store, self.statusBar(), self)     # first run: the closer zooms
        self.closer_levels = CloserLevels(self.map, self.article, self.store, self)   # each first page of documents
        self.redraw = MapRedraw(self)                  # a new page of what the window shows, on a worker
        self.redraw.ready.connect(self._redrawn)
        self.redraw.failed.connect(self.report)
        self.map.mapReady.connect(self.detail.start_if_needed)
        self.detail.ready.connect(self.redraw_map)
        self.menus = build_menus(self)
        self.tools = MapTools(self)      # Map menu, map's own context menu, PNG export, preferences, theme
        self._update_actions()
        self._restore()
        self._update_title()
        QTimer.singleShot(0, self._offer_recovery)
        QTimer.singleShot(0, warm_up)       # the core imported while the window waits for its user

    # -- layout ----------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.article = ArticleView()
        self.doc_choice = QComboBox()
        self.doc_choice.setVisible(False)
        self.doc_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_choice.setMinimumContentsLength(36)
        self.prev_button, self.next_button = QPushButton("◀"), QPushButton("▶")
        self.prev_button.setToolTip("Previous sentence that mentions the selected place (Alt+Left)")
        self.next_button.setToolTip("Next sentence that mentions the selected place (Alt+Right)")
        self.sentence_label = ElidedLabel()
        nav = QHBoxLayout()
        nav.addWidget(self.doc_choice)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.sentence_label, 1)
        self.reading = ReadingPanel()
        self.reading.setVisible(False)
        texts = QSplitter(Qt.Orientation.Vertical)
        texts.addWidget(self.article)
        texts.addWidget(self.reading)
        texts.setStretchFactor(0, 3)
        texts.setStretchFactor(1, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        self.changed_files = ChangedFiles()
        self.changed_files.reloadRequested.connect(self._reload)
        lv.addWidget(self.changed_files)
        lv.addLayout(nav)
        lv.addWidget(texts)
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
        # Columns fit the first 50 rows (two screens, the most mentioned places): every row measured is
        # computed and asked for each column's text, a long pause of the window for a long article's places.
        self.table.horizontalHeader().setResizeContentsPrecision(50)
        self.search = FilterBox()
        self.search.setPlaceholderText("Filter places… (Enter picks the first, Esc clears)")
        self.search.setClearButtonEnabled(True)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(4, 4, 4, 4)
        self.table_docs = QComboBox()     # the places of all documents, or of one
        self.table_docs.setVisible(False)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.table_docs, 1)
        bv.addLayout(filters)
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
        self.map.placeMenuRequested.connect(lambda key: self._place_menu(key, QCursor.pos()))
        self.map.mapClicked.connect(self._map_clicked)
        self.map.pinMoved.connect(self._pin_moved)
        self.map.mapReady.connect(self._reapply_filter)
        self.article.mentionShown.connect(self.show_reading)
        self.article.mentionMenuRequested.connect(lambda m, pos: self._mention_menu(self.article.doc_index, m, pos))
        self.article.addRequested.connect(self._add_place)
        self.reading.alternativeChosen.connect(self._choose_shown)
        self.reading.hovered.connect(self._highlight_alternative)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().currentRowChanged.connect(self._table_row)
        self.search.textChanged.connect(self.proxy.set_text)
        self.table_docs.currentIndexChanged.connect(self._filter_document)
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
        projects = self.recent_projects.paths()
        self.menus.recent_projects.clear()
        for p in projects:
            self.menus.recent_projects.addAction(str(p).replace("&", "&&")).triggered.connect(
                lambda checked=False, p=p: self.open_project(p))
        self.menus.recent_projects.setEnabled(bool(projects))
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

    def open_folder_dialog(self) -> None:
        """Every article of a folder (the files ``documents.SUFFIXES`` name), in name order, on one map."""
        from ..documents import SUFFIXES

        folder = QFileDialog.getExistingDirectory(self, "Open folder", self._last_folder())
        if folder:
            paths = sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
            if paths:
                self.open_paths(paths)
            else:
                self.report(f"{folder} holds no articles ({', '.join(SUFFIXES)}).")

    def open_clipboard(self) -> None:
        if not self.may_discard():
            return
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.report("The clipboard holds no text.")
            return
        self._opening = []
        self.runner.run([Document(text, title="Clipboard text", source="clipboard")])

    def open_url_dialog(self) -> None:
        from .open_url import address_dialog

        self.url_dialog = address_dialog(self, lambda address: self.open_paths([], [address]))

    def open_paths(self, paths: list[Path], addresses: Sequence[str] = ()) -> None:
        """Open files and web pages (fetched by the worker: the only request made without an online layer)."""
        paths = [Path(p).absolute() for p in paths]
        if paths and any(p.suffix == SUFFIX for p in paths):
            self.open_project(next(p for p in paths if p.suffix == SUFFIX))
            return
        if (paths or addresses) and self.may_discard():
            from ..documents.url import WebAddress

            if paths:
                self.settings.setValue("last_folder", str(paths[0].parent))
            self._opening = paths
            self.runner.run([*paths, *(WebAddress(a) for a in addresses)])

    def _reload(self) -> None:
        """The changed-file bar's Reload: the documents read again (unsaved corrections: ``open_paths`` asks)."""
        paths = [a.document.path for a in self.analyses if a.document.path is not None]
        corrections = sum(len(d.corrections) for d in self.review.project.documents)
        self.reload_box = self.changed_files.confirm_reload(corrections, lambda: self.open_paths(paths))

    def _rebuilt(self) -> None:
        """A new store: the geoparser of the old one goes, and what failed on the damaged store runs again."""
        self._geoparser = None
        self.statusBar().showMessage("The gazetteer was rebuilt")
        if self.rebuilder.retry:
            self.runner.run_again()

    def _on_failed(self, message: str, details: str) -> None:
        failed = [p for p in self._opening if not p.is_file()]
        if failed:
            self.recent.remove(failed)
            self._update_actions()
        self.report(message, details)

    def _show_results(self, results: list[tuple[Source, ProjectDocument]], entries: list[PlaceEntry],
                      page: str | list[bytes], purpose: _OpenedProject | None) -> None:
        """Newly geoparsed documents: a new, unsaved project; or the documents of a project opened
        (``_load``), shown as it was saved."""
        self.redraw.shutdown()          # a page of what the window showed until now is of no use
        if purpose is not None:
            self.review.set_project(purpose.project)
            self.project_path, self._recovered = purpose.path, purpose.recovered
            ui = purpose.project.ui
        else:
            self.review.set_project(Project(tuple(d for _, d in results)))
            self.project_path, self._recovered = None, False
            self.recent.add([s for s, _ in results if isinstance(s, Path)])
            ui = UiState()
        self.autosave.clear()
        self._show_project(entries, page, ui)
        self.closer_levels.follow(self.map.page_number, self.entries)     # the runner's page is coarse

    def _show_project(self, entries: list[PlaceEntry], page: str | list[bytes], ui: UiState = UiState()) -> None:
        """A new set of documents: every view starts clean (no filter, top of the text), or as ``ui`` says."""
        self.analyses = self.review.project.analyses
        self.entries = entries
        self.selected, self._stop = None, 0
        self.sentence_label.set_full_text("")
        self.search.blockSignals(True)
        self.search.clear()
        self.proxy.set_text("")
        self.search.blockSignals(False)
        self.model.set_entries(self.entries)
        self.table.scrollToTop()
        # On a later turn of the event loop, after the events waiting (a 1 ms timer; a 0 ms one is a queued
        # call, made before them): fitting the columns asks for each measured cell's values (10-20 ms for a
        # long article's places), which would add to the rest of this step in one stall.
        QTimer.singleShot(1, self.table, self.table.resizeColumnsToContents)
        self._label_documents()
        self.doc_choice.setVisible(len(self.analyses) > 1)
        self._show_document(min(ui.document, len(self.analyses) - 1))
        self._show_reading(None)
        self.map.view = None
        self._show_page(page)
        self.changed_files.follow([a.document.path for a in self.analyses if a.document.path is not None])
        self._update_title()
        mentions = sum(len(e.mentions) for e in self.entries)
        self.statusBar().showMessage(f"{len(self.entries)} places, {mentions} mentions")
        self._update_actions()
        if ui.place is not None and self.entry(ui.place) is not None:
            self.select(ui.place, "text")
        warnings = [w for a in self.analyses for w in a.document.warnings]
        if warnings:             # damaged bytes and the like: the map is shown, and the reader told why
            self.report("Opened, with a warning:\n" + "\n".join(warnings))
        self.analysed.emit()

    def _show_page(self, page: str | list[bytes]) -> None:
        """A new map page of ``self.entries``; corrections then redraw it in place while its outlines suffice."""
        from ..mapping.build import outlined

        self._outlined = outlined(self.entries)
        self.map.show_html(page)

    def redraw_map(self) -> None:
        """A new map page of what the window shows, where the map is now (after a correction that needs an
        outline the page lacks, or new preferences), made on a worker (``redraw``)."""
        store = self.store.store
        if store is not None and self.analyses:
            self.redraw.request(self.analyses, self.entries, store, self.map.view, self.runner.below)

    def _redrawn(self, analyses: list[Analysis], entries: list[PlaceEntry], page: list[bytes]) -> None:
        """The page ``redraw_map`` asked for: shown if the window still shows what it was made of; else (a
        correction came meanwhile) it is asked for again."""
        if analyses is not self.analyses or entries is not self.entries:
            self.redraw_map()
            return
        self._show_page(page)
        self.closer_levels.follow(self.map.page_number, self.entries)

    def _label_documents(self) -> None:
        """The document list: each document's title with its count of places and its review progress."""
        self.doc_choice.blockSignals(True)
        current = max(self.doc_choice.currentIndex(), 0)
        self.doc_choice.clear()
        places_in = Counter(d for e in self.entries for d in e.documents)
        for n, a in enumerate(self.analyses):
            done, total = review_progress(a)
            places = places_in[n]
            self.doc_choice.addItem(f"{(a.document.title or a.document.source)[:60]} — {places} places, "
                                    f"{done}/{total} reviewed")
        self.doc_choice.setCurrentIndex(min(current, len(self.analyses) - 1))
        self.doc_choice.blockSignals(False)
        shown = self.table_docs.currentIndex()
        self.table_docs.blockSignals(True)
        self.table_docs.clear()
        self.table_docs.addItem("All documents")
        for n, a in enumerate(self.analyses, 1):
            self.table_docs.addItem(f"{n}. {(a.document.title or a.document.source)[:40]}")
        self.table_docs.setCurrentIndex(shown if 0 < shown <= len(self.analyses) else 0)
        self.table_docs.blockSignals(False)
        self._filter_document(self.table_docs.currentIndex())
        self.table_docs.setVisible(len(self.analyses) > 1)
        self.table.setColumnHidden(COLUMNS.index("Documents"), len(self.analyses) <= 1)

    def _filter_document(self, index: int) -> None:
        """The document filter (0: all documents, n: document n) applies to the table and the map."""
        doc = None if index <= 0 else index - 1
        self.proxy.set_document(doc)
        self.map.filter_document(doc)

    def _reapply_filter(self) -> None:
        """A new map page shows every document: it gets the window's filter."""
        if self.table_docs.currentIndex() > 0:
            self.map.filter_document(self.table_docs.currentIndex() - 1)

    def _update_title(self) -> None:
        """The project's or the documents' name, with [*]: Qt shows it as * while there are unsaved changes."""
        if self.project_path is not None:
            name = self.project_path.name
        else:
            name = ", ".join(a.document.source or a.document.title for a in self.analyses)
        self.setWindowTitle(f"{name}[*] — mapviewer" if name else "mapviewer[*]")
        self.setWindowModified(self.is_modified())

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
        if origin != "text":          # a marker or a row: the reading of the mention the selection stands on
            doc, sentence = e.stops[self._stop]
            self._show_reading(next(r.mention for r in e.mentions if (r.doc, r.mention.sentence) == (doc, sentence)))
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

    # -- reading and correcting ------------------------------------------------------------------
    def show_reading(self, mention: Mention) -> None:
        """The mention's reading and alternatives below the text, the alternatives faint on the map."""
        self._show_reading(mention)

    def _show_reading(self, mention: Mention | None) -> None:
        store = self.store.store
        if store is None or mention is None:
            self.reading.clear()
            self.reading.mention, self.reading.alternatives = None, []
            self.reading.setVisible(False)
            self.map.show_alternatives([])
            return
        self.reading.show_mention(mention, store)
        self.reading.setVisible(True)
        self._highlight_alternative(-1)

    def _highlight_alternative(self, index: int) -> None:
        self.map.show_alternatives([{"label": a.label, "lat": a.place.lat, "lon": a.place.lon,
                                     "highlight": n == index} for n, a in enumerate(self.reading.alternatives)])

    def _choose_shown(self, place: Place) -> None:
        """A double-click on an alternative in the reading list: that place, for every mention of the name."""
        from .mention_menu import same_name

        m = self.reading.mention
        doc = self.article.doc_index
        if m is not None and doc < len(self.analyses):
            scope: Scope = "name" if same_name(self.analyses[doc], m) > 1 else "mention"
            self.review.correct(doc, for_mention(m, "choose", place, scope))

    def _mention_menu(self, doc: int, mention: Mention, pos: QPoint) -> None:
        store = self.store.store
        if store is None:
            return
        menu = mention_menu(self, self.analyses[doc], mention, alternatives(mention, store),
                            lambda action, place, scope: self.correct(doc, mention, action, place, scope))
        self._popup(menu, pos)

    def _popup(self, menu: QMenu, pos: QPoint) -> None:
        if self.active_menu is not None:
            self.active_menu.deleteLater()
        self.active_menu = menu
        menu.popup(pos)

    def _place_menu(self, key: str, pos: QPoint) -> None:
        """A marker, outline or table row: the menu of the place's mention in the shown document (else its
        first)."""
        e = self.entry(key)
        if e is None:
            return
        ref = next((r for r in e.mentions if r.doc == self.article.doc_index), e.mentions[0])
        self.show_reading(ref.mention)
        self._mention_menu(ref.doc, ref.mention, pos)

    def _table_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            key = self.model.key_at(self.proxy.mapToSource(index).row())
            self._place_menu(key, self.table.viewport().mapToGlobal(pos))

    def correct(self, doc: int, mention: Mention, action: Action, place: Place | None, scope: Scope) -> None:
        """A choice from the correction menu; search and pin first ask for the place."""
        store = self.store.store
        if action == "search" and store is not None:
            self._search(mention.text, "Search the gazetteer", lambda p: self.review.correct(
                doc, for_mention(mention, "search", p, scope)))
        elif action == "pin":
            self._pin = (doc, mention, scope)
            self.map.set_pin_mode(True)
            self.statusBar().showMessage(f"Click the map where “{mention.text}” is")
        elif action != "search":
            self.review.correct(doc, for_mention(mention, action, place, scope))

    def _search(self, query: str, title: str, chosen: Callable[[Place], None]) -> None:
        store = self.store.store
        if store is None:
            return
        dialog = SearchDialog(store, query, title, self)
        dialog.previewed.connect(lambda r: self.map.show_alternatives(
            [] if r is None else [{"label": r.label, "lat": r.place.lat, "lon": r.place.lon, "highlight": True}]))
        dialog.accepted.connect(lambda: chosen(dialog.chosen) if dialog.chosen is not None else None)
        dialog.finished.connect(lambda _: self._highlight_alternative(-1))
        self.search_dialog = dialog
        dialog.open()

    def _map_clicked(self, lat: float, lon: float) -> None:
        if self._pin is not None:
            doc, mention, scope = self._pin
            self._pin = None
            self.map.set_pin_mode(False)
            self.review.correct(doc, for_mention(mention, "pin", pinned_place(mention.text, lat, lon), scope))

    def _pin_moved(self, key: str, lat: float, lon: float) -> None:
        """A pin dragged on the map: every mention placed there moves with it, as one undoable step."""
        e = self.entry(key)
        if e is None:
            return
        stack = self.review.undo_stack
        stack.beginMacro(f"Move the pin of “{e.place.name}”")
        for r in e.mentions:
            self.review.correct(r.doc, for_mention(r.mention, "pin", pinned_place(e.place.name, lat, lon)))
        stack.endMacro()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape and self._pin is not None:     # "Place it on the map" cancelled
            self._pin = None
            self.map.set_pin_mode(False)
            self.statusBar().showMessage("Not placed")
            return
        super().keyPressEvent(e)

    def _add_place(self, start: int, end: int, pos: QPoint) -> None:
        """Selected text that no mention covers: "Add place…" opens the search with it."""
        doc = self.article.doc_index
        text = self.analyses[doc].document.text
        start, end = trimmed_span(text, start, end)
        if start == end:
            return
        name = text[start:end]
        self._popup(add_place_menu(self, name, lambda: self._search(name, "Add place", lambda p: self.review.correct(
            doc, Correction(start, end, name, "add", p, "mention", now())))), pos)

    def next_uncertain(self, delta: int = 1) -> None:
        """Select the next (or previous) uncertain machine reading in text order, across documents."""
        stops = [(d, m) for d, a in enumerate(self.analyses) for m in a.mentions
                 if is_uncertain(m, self.runner.below)]
        if not stops:
            self.statusBar().showMessage("No uncertain mentions left")
            return
        here = (self.article.doc_index, self.article.textCursor().selectionStart())
        order = stops if delta > 0 else stops[::-1]
        after = [s for s in order if ((s[0], s[1].start) > here if delta > 0 else (s[0], s[1].start) < here)]
        doc, m = (after or order)[0]
        assert m.place is not None
        self.select(place_key(m.place, doc), "text")
        self._show_document(doc)
        self.article.select_mention(m)
        self.statusBar().showMessage(f"Uncertain: “{m.text}” read as {m.place.name} ({m.confidence:.0%}); "
                                     f"{len(stops)} uncertain mentions")

    def reread_document(self) -> None:
        """Geoparse the shown document again with its corrections as context (an undoable step)."""
        from ..pipeline import Geoparser
        from ..rerun import reread

        store = self.store.store
        doc = self.article.doc_index
        if store is None or doc >= len(self.review.project.documents):
            return
        if self._geoparser is None:
            self._geoparser = Geoparser(store, self.runner.config)
        self.review.reread(doc, reread(self._geoparser, self.review.project.documents[doc]))

    def reset_geoparser(self) -> None:
        """New geoparser options: re-reading makes its geoparser anew."""
        self._geoparser = None

    def _corrected(self, doc: int) -> None:
        """A correction, undo or redo: text, table, document list and map show the corrected analyses."""
        store = self.store.store
        if store is None:
            return
        from ..mapping.build import outlined, page_update

        shown = self.reading.mention
        self.analyses = self.review.project.analyses
        self.entries = collect_places(self.analyses, store)
        self.model.set_entries(self.entries)
        if doc == self.article.doc_index:
            self.article.show_analysis(self.analyses[doc], doc, keep_scroll=True)
        self._label_documents()
        if self.selected is not None and self.entry(self.selected) is None:
            self.selected = None
        if outlined(self.entries) <= self._outlined:      # the page has every outline: redraw it in place
            self.map.update_data(page_update(self.analyses, store, self.entries, self.runner.below))
        else:
            self.redraw_map()
        if self.selected is not None:
            self._select_row(self.selected)
        again = None if shown is None else next(
            (m for m in self.analyses[doc].mentions if (m.start, m.end) == (shown.start, shown.end)), None)
        self._show_reading(again)
        done, total = review_progress(self.analyses[doc])
        self.statusBar().showMessage(f"{self.review.undo_stack.undoText()} · {done} of {total} mentions reviewed")
        self._update_title()
        self._update_actions()
        self.corrected.emit()

    # -- projects --------------------------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.review.undo_stack.isClean() or self._recovered

    def current_project(self) -> Project:
        """The project as it is now, with the map's view and what the window shows."""
        view = None if self.map.view is None else ProjectView(*self.map.view)
        return replace(self.review.project, view=view, ui=UiState(self.article.doc_index, self.selected))

    def may_discard(self) -> bool:
        """Before the open project is replaced or the window closes: save, discard or cancel?"""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self, "mapviewer", "The project has unsaved corrections. Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_project()
        return answer == QMessageBox.StandardButton.Discard

    def save_project(self) -> bool:
        if self.project_path is None:
            return self.save_project_as()
        return self.save_project_to(self.project_path)

    def save_project_as(self) -> bool:
        if not self.analyses:
            self.report("Open an article before saving a project.")
            return False
        stem = Path(self.analyses[0].document.source or "project").stem
        suggested = str(Path(self._last_folder() or Path.home()) / f"{stem}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save project", suggested, f"mapviewer project (*{SUFFIX})")
        return bool(path) and self.save_project_to(Path(path))

    def save_project_to(self, path: Path) -> bool:
        try:
            save_project(path, self.current_project())
        except MapviewerError as e:
            self.report(str(e))
            return False
        self.project_path = path.absolute()
        self.recent_projects.add([self.project_path])
        self.review.undo_stack.setClean()
        self._recovered = False
        self.autosave.clear()
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(f"Saved {path}")
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", self._last_folder(),
                                              f"mapviewer project (*{SUFFIX});;All files (*)")
        if path:
            self.open_project(Path(path))

    def open_project(self, path: Path) -> bool:
        """Open a project file; a damaged one is a message, and what was open stays open."""
        if not self.may_discard():
            return False
        try:
            project = load_project(path)
        except MapviewerError as e:
            self.report(str(e))
            return False
        self._load(project, Path(path).absolute())
        self.recent_projects.add([Path(path).absolute()])
        self._update_actions()
        return True

    def _load(self, project: Project, path: Path | None, recovered: bool = False) -> None:
        """Show ``project`` (from ``path``; None: unsaved) once the runner has drawn its map, off this thread
        (on a first run the gazetteer is built meanwhile); until then the window shows what it showed."""
        self._opening = []
        view = None if project.view is None else (project.view.lat, project.view.lon, project.view.zoom)
        self.runner.run(list(project.documents), view, _OpenedProject(project, path, recovered))

    def _offer_recovery(self) -> None:
        """An autosave left by a crash: offer it back (without blocking the window)."""
        project = self.autosave.leftover()
        if project is None:
            return
        if self.runner.busy:          # articles given on the command line first; then the offer
            QTimer.singleShot(500, self._offer_recovery)
            return
        box = QMessageBox(QMessageBox.Icon.Question, "mapviewer",
                          f"mapviewer did not close normally. Recover the unsaved project of "
                          f"{len(project.documents)} document(s)?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and self.may_discard():
                self._load(project, None, recovered=True)
            else:
                self.autosave.clear()

        box.finished.connect(answered)
        self.recovery_box = box
        box.open()

    # -- edit, export ----------------------------------------------------------------------------
    def copy_coordinates(self) -> None:
        e = self.entry(self.selected)
        if e is not None:
            QGuiApplication.clipboard().setText(f"{e.place.lat:.5f}, {e.place.lon:.5f}")
            self.statusBar().showMessage(f"Copied the coordinates of {e.place.name}")

    def export_dialog(self, fmt: str) -> None:
        from ..export import suggested_path

        suggested = suggested_path(self.analyses, fmt, Path(self._last_folder() or Path.home()))
        path, _ = QFileDialog.getSaveFileName(self, "Export", str(suggested), FORMATS[fmt].file_filter)
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
        coarse = format_for(path, fmt).basemap and not store.detailed
        self.statusBar().showMessage(f"Exported {path}" + (" with the world's basemap only: its closer zooms are "
                                                           "still being built; export again when they are" if coarse
                                                           else ""))
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
        if self.is_modified():
            self.autosave.touch()
            self.autosave.flush()        # kept if the process dies while the question is open
        if not self.may_discard():
            e.ignore()
            return
        self.autosave.clear()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("main_splitter", self.main.saveState())
        self.settings.setValue("right_splitter", self.right.saveState())
        self.stop_work()
        super().closeEvent(e)

    def stop_work(self) -> None:
        """Stop what runs in the background (an analysis, a gazetteer or basemap build) before the window goes."""
        self.runner.shutdown()
        self.rebuilder.shutdown()
        self.detail.shutdown()
        self.closer_levels.shutdown()
        self.redraw.shutdown()
        self.store.shutdown()
