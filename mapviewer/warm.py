"""The core's imports done ahead, on a thread of their own: what opening an article needs (the readers,
the geoparser, the map page builder; folium alone is about half a second of module code). Imported by
the worker that opens the first article instead, that module code would hold the interpreter lock in
pieces of up to a tenth of a second while the window waits for it."""

from __future__ import annotations

import threading


def import_core() -> None:
    import mapviewer.documents
    import mapviewer.mapping.build
    import mapviewer.pipeline  # noqa: F401


def warm_up() -> threading.Thread:
    """Start importing the core in the background (at once: nothing waits for the thread)."""
    thread = threading.Thread(target=import_core, name="mapviewer-warm-up", daemon=True)
    thread.start()
    return thread
