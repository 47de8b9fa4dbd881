"""The main window: article, map and places table, kept on one selection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMainWindow, QMessageBox, QProgressDialog, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from ..bundled import sample_article
from ..errors import MapviewerError
from ..export import FORMATS, export
from ..mapping.page import message_page
from ..model import Analysis, Document
from ..places import PlaceEntry
from .article import ArticleView
from .mapview import MapView
from .places_table import PlacesFilter, PlacesModel
from .tasks import AnalyseTask

MAX_RECENT = 10
EMPTY_MAP = message_page("Open an article to see its places here.")


class MainWindow(QMainWindow):
    analysed = Signal()          # a new set of analyses is shown (tests and --screenshot wait for it)

    def __init__(self, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings("mapviewer", "mapviewer")
        self.setWindowTitle("mapviewer")
        self.setAcceptDrops(True)
        self.store = None
        self.analyses: list[Analysis] = []
        self.entries: list[PlaceEntry] = []
        self.selected: str | None = None
        self._step = 0
        self._task: AnalyseTask | None = None
        self._progress: QProgressDialog | None = None
        self._build_widgets()
        self._build_menus()
        self._restore()

    # -- layout ----------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.article = ArticleView()
        self.doc_choice = QComboBox()
        self.doc_choice.setVisible(False)
        self.prev_button, self.next_button = QPushButton("◀ Previous"), QPushButton("Next ▶")
        self.prev_button.setToolTip("Previous sentence that mentions the selected place")
        self.next_button.setToolTip("Next sentence that mentions the selected place")
        self.sentence_label = QLabel("")
        self.sentence_label.setTextFormat(Qt.TextFormat.PlainText)
        nav = QHBoxLayout()
        for w in (self.doc_choice, self.prev_button, self.next_button, self.sentence_label):
            nav.addWidget(w)
        nav.addStretch(1)
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
        self.proxy = PlacesFilter(self)
        self.proxy.setSourceModel(self.model)
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
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter places…")
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

        self.article.placeActivated.connect(lambda key: self.select(key, "text"))
        self.map.placeClicked.connect(lambda key: self.select(key, "map"))
        self.table.selectionModel().selectionChanged.connect(self._table_selection)
        self.search.textChanged.connect(self.proxy.set_text)
        self.doc_choice.currentIndexChanged.connect(self._show_document)
        self.prev_button.clicked.connect(lambda: self._step_sentence(-1))
        self.next_button.clicked.connect(lambda: self._step_sentence(1))

    def _welcome_panel(self) -> QWidget:
        """What an empty window offers: open an article, or the sample article."""
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
        v.addStretch(2)
        return panel

    def open_sample(self) -> None:
        self.open_paths([Path(str(sample_article()))])

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self._action(file_menu, "Open &sample article", self.open_sample)
        self._action(file_menu, "&New from clipboard text", self.open_clipboard, "Ctrl+Shift+V")
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        shortcuts = {"html": "Ctrl+E"}
        self.export_actions = [
            self._action(file_menu, f"Export as {f.description}…", lambda f=f: self.export_dialog(f.name),
                         shortcuts.get(f.name))
            for f in FORMATS.values()]
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu("&Edit")
        self.copy_action = self._action(edit_menu, "&Copy coordinates", self.copy_coordinates, "Ctrl+Shift+C")
        self._action(edit_menu, "&Find place…", self.search.setFocus, QKeySequence.StandardKey.Find)
        self._update_actions()

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda checked=False: slot())
        menu.addAction(action)
        return action

    def _update_actions(self) -> None:
        for a in self.export_actions:
            a.setEnabled(bool(self.analyses))
        self.copy_action.setEnabled(self.selected is not None)
        self.prev_button.setEnabled(self.selected is not None)
        self.next_button.setEnabled(self.selected is not None)
        recent = [p for p in self.settings.value("recent", [], type=list) if p]
        self.recent_menu.clear()
        for p in recent:
            self.recent_menu.addAction(p).triggered.connect(lambda checked=False, p=p: self.open_paths([Path(p)]))
        self.recent_menu.setEnabled(bool(recent))

    # -- opening ---------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        from ..documents import SUFFIXES

        suffixes = " ".join(f"*{s}" for s in SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", self.settings.value("last_folder", ""),
                                                f"Articles ({suffixes});;All files (*)")
        if paths:
            self.open_paths([Path(p) for p in paths])

    def open_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.report("The clipboard holds no text.")
            return
        self.open_sources([Document(text, title="Clipboard text", source="clipboard")])

    def open_paths(self, paths: list[Path]) -> None:
        if paths:
            self.settings.setValue("last_folder", str(paths[0].parent))
        self.open_sources(list(paths))

    def open_sources(self, sources: list) -> None:
        """Geoparse ``sources`` (paths or Documents) off the GUI thread, with progress and cancel."""
        if self._task is not None and self._task.isRunning():
            self._task.cancel()
        task = AnalyseTask(sources, self.store, self)
        self._task = task
        self._progress = QProgressDialog("Finding places…", "Cancel", 0, 100, self)
        self._progress.setWindowTitle("mapviewer")
        self._progress.setMinimumDuration(400)
        self._progress.setAutoClose(False)
        self._progress.canceled.connect(task.cancel)
        task.progress.connect(self._on_progress)
        task.done.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.finished.connect(self._task_finished)
        self.statusBar().showMessage("Finding places…")
        task.start()

    def _on_progress(self, message: str, fraction: float) -> None:
        if self._progress is not None:
            self._progress.setLabelText(message)
            self._progress.setValue(int(100 * fraction))
        self.statusBar().showMessage(message)

    def _task_finished(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage("Could not open the article")
        self.report(message)

    def _on_done(self, store, results, entries, page: str) -> None:
        if self.sender() is not self._task:
            return
        self.store = store
        self.analyses = [a for _, a in results]
        self.entries = entries
        self.selected = None
        self.model.set_entries(self.entries)
        self.table.resizeColumnsToContents()
        self.doc_choice.blockSignals(True)
        self.doc_choice.clear()
        for a in self.analyses:
            self.doc_choice.addItem(a.document.title[:80] or a.document.source)
        self.doc_choice.blockSignals(False)
        self.doc_choice.setVisible(len(self.analyses) > 1)
        self._show_document(0)
        self.map.show_html(page)
        paths = [str(s) for s, _ in results if isinstance(s, Path)]
        if paths:
            recent = [p for p in self.settings.value("recent", [], type=list) if p and p not in paths]
            self.settings.setValue("recent", (paths + recent)[:MAX_RECENT])
        titles = ", ".join(a.document.source or a.document.title for a in self.analyses)
        self.setWindowTitle(f"{titles} — mapviewer")
        mentions = sum(len(e.mentions) for e in self.entries)
        self.statusBar().showMessage(f"{len(self.entries)} places, {mentions} mentions")
        self._update_actions()
        self.analysed.emit()

    def _show_document(self, index: int) -> None:
        if 0 <= index < len(self.analyses):
            self.welcome.setVisible(False)
            self.article.setVisible(True)
            self.article.show_analysis(self.analyses[index], index)
            if self.doc_choice.currentIndex() != index:
                self.doc_choice.setCurrentIndex(index)

    # -- one selection in three views ------------------------------------------------------------
    def entry(self, key: str) -> PlaceEntry | None:
        return next((e for e in self.entries if e.key == key), None)

    def select(self, key: str, origin: str) -> None:
        """Select a place: the article shows its sentences, the map flies to it, the table shows its row."""
        e = self.entry(key)
        if e is None:
            return
        if key != self.selected:
            self._step = 0
        self.selected = key
        self._show_sentences(e)
        if origin != "map":
            self.map.focus_place(key)
        if origin != "table":
            row = self.proxy.mapFromSource(self.model.index(self.model.row_of(key), 0))
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().select(row, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                               | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(row)
            self.table.selectionModel().blockSignals(False)
        self.statusBar().showMessage(f"{e.label}: {e.place.lat:.4f}, {e.place.lon:.4f} · "
                                     f"{len(e.mentions)} mentions · confidence {e.confidence:.0%}")
        self._update_actions()

    def _sentences(self, e: PlaceEntry) -> tuple[int, list[int]]:
        """The document to show for a place and the sentences there that mention it."""
        docs = [r.doc for r in e.mentions]
        doc = self.article.doc_index if self.article.doc_index in docs else docs[0]
        return doc, sorted({r.mention.sentence for r in e.mentions if r.doc == doc})

    def _show_sentences(self, e: PlaceEntry) -> None:
        doc, sentences = self._sentences(e)
        if doc != self.article.doc_index:
            self._show_document(doc)
        step = self._step % len(sentences)
        self.article.highlight_sentences(sentences, scroll_to=sentences[step])
        self.sentence_label.setText(f"{e.place.name}: sentence {step + 1} of {len(sentences)}")

    def _step_sentence(self, delta: int) -> None:
        e = self.entry(self.selected) if self.selected else None
        if e is not None:
            self._step += delta
            self._show_sentences(e)

    def _table_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.select(self.model.key_at(self.proxy.mapToSource(rows[0]).row()), "table")

    # -- edit, export ----------------------------------------------------------------------------
    def copy_coordinates(self) -> None:
        e = self.entry(self.selected) if self.selected else None
        if e is not None:
            QGuiApplication.clipboard().setText(f"{e.place.lat:.5f}, {e.place.lon:.5f}")
            self.statusBar().showMessage(f"Copied the coordinates of {e.place.name}")

    def export_dialog(self, fmt: str) -> None:
        f = FORMATS[fmt]
        stem = Path(self.analyses[0].document.source or "map").stem if self.analyses else "map"
        suggested = str(Path(self.settings.value("last_folder", "") or Path.home()) / f"{stem}{f.suffixes[0]}")
        path, _ = QFileDialog.getSaveFileName(self, "Export", suggested, f.file_filter)
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str | None = None) -> bool:
        try:
            export(self.analyses, self.store, path, fmt)
        except MapviewerError as e:
            self.report(str(e))
            return False
        self.statusBar().showMessage(f"Exported {path}")
        return True

    def report(self, message: str) -> None:
        """Errors are dialogs with a clear message; the window keeps working."""
        box = QMessageBox(QMessageBox.Icon.Warning, "mapviewer", message, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)     # messages name files: never rich text
        box.setModal(True)
        box.open()
        self.last_error = message

    # -- drag and drop, settings -----------------------------------------------------------------
    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dropEvent(self, e) -> None:
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

    def showEvent(self, e) -> None:
        super().showEvent(e)
        if self._default_layout:  # first run: article 40 %, map 60 % of the width and of the height
            self._default_layout = False
            self.main.setSizes([int(self.width() * 0.4), int(self.width() * 0.6)])
            self.right.setSizes([int(self.height() * 0.6), int(self.height() * 0.4)])

    def closeEvent(self, e) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("main_splitter", self.main.saveState())
        self.settings.setValue("right_splitter", self.right.saveState())
        if self._task is not None and self._task.isRunning():
            self._task.cancel()
            self._task.wait(5000)
        super().closeEvent(e)
