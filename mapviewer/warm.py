"""The core's imports done ahead, on a thread of their own: what opening an article needs (the readers,
the geoparser, the map page builder; folium alone is about half a second of module code). Imported by
the worker that opens the first article instead, that module code would hold the interpreter lock in
pieces of up to a tenth of a second while the window waits for it."""

from __future__ import annotations

import threading
from functools import cache


def import_core() -> None:
    import mapviewer.documents
    import mapviewer.mapping.build
    import mapviewer.pipeline  # noqa: F401


@cache
def warm_up() -> threading.Thread:
    """Start importing the core in the background (nothing waits for the thread); once per process: the
    command line starts it before Qt, and each window asks again."""
    thread = threading.Thread(target=import_core, name="mapviewer-warm-up", daemon=True)
    thread.start()
    return thread
