"""Long work off the GUI thread: building the gazetteer on first run, reading and geoparsing files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ..errors import MapviewerError
from ..gazetteer.store import GazetteerStore, ensure_store
from ..model import Document
from ..pipeline import Geoparser


class AnalyseTask(QThread):
    """Opens (or first builds) the gazetteer, then geoparses each source; cancel drops the result."""

    progress = Signal(str, float)
    done = Signal(object, object)       # (store, list of (source, Analysis))
    failed = Signal(str)

    def __init__(self, sources: list[Path | Document], store: GazetteerStore | None, parent=None):
        super().__init__(parent)
        self.sources = sources
        self.store = store
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        from ..documents import read_document

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
            if not self.cancelled:
                self.done.emit(store, results)
        except MapviewerError as e:
            self.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 - a bug must become a message, never a dead worker
            self.failed.emit(f"Unexpected error: {type(e).__name__}: {e}")
