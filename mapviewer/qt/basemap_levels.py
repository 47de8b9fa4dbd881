"""The basemap's closer levels for the app's first page of a document. That page carries the world's level
only (``mapping.build.page_pieces(coarse=True)``): made and drawn in less than half the time of the whole
page, the map is on the screen sooner. Once it is there, a worker makes the rest of the page's basemap data
(``mapping.build.basemap_detail``), and the page script draws it where the map is then. Made only after
the page is on the screen and the article's text is in its view (a long one goes in slice by slice), it
takes nothing from the first paint nor from the window's turns while the text goes in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .tasks import StoppableTask, TaskSlot

if TYPE_CHECKING:
    from ..gazetteer.store import GazetteerStore
    from ..places import PlaceEntry
    from .article import ArticleView
    from .mapview import MapView
    from .tasks import StoreHandle


class _LevelsTask(StoppableTask):
    done = Signal(str)      # the JSON text of the page's whole basemap data

    def __init__(self, entries: list[PlaceEntry], store: GazetteerStore, parent: QObject):
        super().__init__(parent)
        self.entries, self.store = entries, store

    def _work(self) -> None:
        from ..mapping.build import basemap_detail

        detail = basemap_detail(self.entries, self.store)
        if not self.cancelled:
            self.done.emit(detail)


class CloserLevels(TaskSlot):
    """Sends a coarse page its closer levels once it is ready and the article view is filled; a page shown
    meanwhile drops them."""

    def __init__(self, view: MapView, article: ArticleView, store: StoreHandle, parent: QObject):
        super().__init__(parent)
        self.view, self.article, self.store = view, article, store
        self._page = 0
        self._entries: list[PlaceEntry] = []
        self._shown = False           # the page has said it is ready
        view.mapReady.connect(self._ready)
        article.filled.connect(self._start_if_due)

    def follow(self, page: int, entries: list[PlaceEntry]) -> None:
        """Page number ``page``, of ``entries``, was made coarse: its closer levels follow when it is ready."""
        self.shutdown()
        self._page, self._entries, self._shown = page, entries, False

    def _ready(self) -> None:
        if self._page == self.view.page_number:
            self._shown = True
            self._start_if_due()

    def _start_if_due(self) -> None:
        store = self.store.store
        if not (self._entries and self._shown and self._page == self.view.page_number) or self.article.filling:
            return
        if store is None or not store.detailed:
            return      # a store without its detail yet: the whole page is drawn again once it is built
        page, entries, self._entries = self._page, self._entries, []
        task = _LevelsTask(entries, store, self)
        task.done.connect(lambda detail: self.view.add_basemap_detail(page, detail))
        self.start_task(task)
