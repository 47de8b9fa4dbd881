"""Long work off the GUI thread: building the gazetteer on first run, reading and geoparsing files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ..errors import MapviewerError
from ..model import Document


class AnalyseTask(QThread):
    """Opens (or first builds) the gazetteer, geoparses each source and draws the map page; cancel drops
    the result. Only widgets are left for the GUI thread, so a 1 MB article does not freeze the window."""

    progress = Signal(str, float)
    done = Signal(object, object, object, str)   # store, [(source, Analysis)], [PlaceEntry], map page HTML
    failed = Signal(str)

    def __init__(self, sources: list[Path | Document], store, parent=None):
        super().__init__(parent)
        self.sources = sources
        self.store = store
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        # The core is imported here, on the worker thread, while the GUI thread starts Qt WebEngine.
        from ..documents import read_document
        from ..gazetteer.lifecycle import ensure_store
        from ..gazetteer.store import GazetteerStore
        from ..mapping.build import build_map
        from ..pipeline import Geoparser
        from ..places import collect_places

        try:
            store = self.store
            if store is None:
                store = GazetteerStore(ensure_store(progress=lambda m, f: self.progress.emit(
                    f"Building the offline gazetteer (first run only): {m}", f)))
            geoparser = Geoparser(store)
            results = []
            for n, source in enumerate(self.sources):
                if self.cancelled:
                    return
                name = source.name if isinstance(source, Path) else (source.title or "clipboard text")
                self.progress.emit(f"Finding places in {name}", n / max(1, len(self.sources)))
                document = read_document(source) if isinstance(source, Path) else source
                results.append((source, geoparser.analyse(document)))
            if self.cancelled:
                return
            self.progress.emit("Drawing the map", 0.95)
            analyses = [a for _, a in results]
            entries = collect_places(analyses, store)
            page = build_map(analyses, store, entries).get_root().render()
            if not self.cancelled:
                self.done.emit(store, results, entries, page)
        except MapviewerError as e:
            self.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 - a bug must become a message, never a dead worker
            self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}")
