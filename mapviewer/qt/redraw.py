"""A new map page of what the window shows, made on a worker: after a correction that needs an outline the
page lacks, new preferences, or a first run's basemap detail. Collecting a long article's places and
building its page take seconds; on the window's thread that was a freeze. The page is the coarse first
page (the basemap's world level), whose closer levels follow (``basemap_levels``); a newer request drops
the one under way."""

from __future__ import annotations

import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..errors import MapviewerError
from .tasks import StoppableTask, TaskSlot, app_page

if TYPE_CHECKING:
    from ..gazetteer.store import GazetteerStore
    from ..model import Analysis
    from ..places import PlaceEntry


class _PageTask(StoppableTask):
    done = Signal(object)       # the page's UTF-8 in pieces
    failed = Signal(str, str)   # message, details

    def __init__(self, analyses: list[Analysis], entries: list[PlaceEntry], store: GazetteerStore,
                 view: tuple[float, float, float] | None, below: float, parent: QObject):
        super().__init__(parent)
        self.analyses, self.entries, self.store, self.view, self.below = analyses, entries, store, view, below

    def _work(self) -> None:
        try:
            page = app_page(self.analyses, self.store, self.entries, self.view, self.below)
        except MapviewerError as e:
            self.failed.emit(str(e), "")
            return
        except Exception as e:      # a bug: said, and the map shown stays
            self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}", traceback.format_exc())
            return
        if not self.cancelled:
            self.done.emit(page)


class MapRedraw(TaskSlot):
    """``ready(analyses, entries, page)`` with the page of the analyses and entries it was asked for: the
    window shows it if they are still what it shows, else asks again."""

    ready = Signal(object, object, object)
    failed = Signal(str, str)

    def request(self, analyses: list[Analysis], entries: list[PlaceEntry], store: GazetteerStore,
                view: tuple[float, float, float] | None, below: float) -> None:
        task = _PageTask(analyses, entries, store, view, below, self)
        task.done.connect(lambda page: self.ready.emit(analyses, entries, page) if task is self._task else None)
        task.failed.connect(self.failed)
        self.start_task(task)
