"""Start the desktop app: ``mapviewer [FILE...] [--screenshot OUT.png]`` (arguments parsed in ``mapviewer.cli``)."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..bundled import resource
from ..gazetteer.opening import StoreOpening
from .window import MainWindow

SCREENSHOT_TIMEOUT_S = 180  # the first run may build the gazetteer


def fail(app: QApplication, message: str) -> None:
    """End a --screenshot run with the reason, on one line, and a non-zero exit."""
    print(f"mapviewer: {message}", file=sys.stderr)
    app.exit(1)


def take_screenshot_when_ready(app: QApplication, window: MainWindow, out: Path, started: float,
                               waits_for_map: bool) -> None:
    """Save the window as a PNG once the map page says it is ready (at once when there is no article to
    wait for), then quit; print when each step ended. A failed analysis or an unwritable file ends the run
    with its reason and exit code 1."""
    steps: list[tuple[str, float]] = [("window created", time.monotonic())]
    window.runner.storeOpened.connect(lambda: steps.append(("gazetteer open (first run: built)", time.monotonic())))
    window.analysed.connect(lambda: steps.append(("article geoparsed, map page built", time.monotonic())))
    window.runner.failed.connect(lambda message, _details: fail(app, message))

    def save() -> None:
        if not window.grab().save(str(out)):
            fail(app, f"cannot write the screenshot {out}")
            return
        for name, t in steps:
            print(f"{t - started:6.2f} s  {name}", file=sys.stderr)
        print(f"saved {out}", file=sys.stderr)
        app.exit(0)

    def painted(_: object) -> None:
        steps.append(("map painted", time.monotonic()))
        QTimer.singleShot(300, save)      # markers settle (cluster animation) before the picture is taken

    if not waits_for_map:
        QTimer.singleShot(500, save)
        return

    def ready() -> None:
        steps.append(("map page loaded", time.monotonic()))
        window.map.run_js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(1))))",
                          painted)

    window.map.mapReady.connect(ready)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_S * 1000, lambda: (print("mapviewer: the map did not load in time",
                                                                  file=sys.stderr), app.exit(1)))


def leftover_folders(window: MainWindow) -> set[Path]:
    """Where a killed mapviewer may have left temporary files: the gazetteer's folder, the autosave's, the
    folder last opened from (where exports are proposed) and the recent projects' folders."""
    from ..gazetteer.lifecycle import default_path

    last = str(window.settings.value("last_folder", "") or "")
    return {default_path().parent, window.autosave.path.parent, *(p.parent for p in window.recent_projects.paths()),
            *([Path(last)] if last else [])}


def remove_leftovers_of_earlier_runs(window: MainWindow) -> threading.Thread:
    """Remove them on a thread of their own: a folder on a slow network share never delays the window."""
    from ..leftovers import remove_leftovers

    folders = leftover_folders(window)
    thread = threading.Thread(target=lambda: [remove_leftovers(f) for f in folders if f.is_dir()],
                              name="mapviewer-leftovers", daemon=True)
    thread.start()
    return thread


def run_app(args: argparse.Namespace, started: float | None = None, opening: StoreOpening | None = None) -> int:
    """The window, opened on ``args.files``; ``args`` come from the ``open`` command of ``mapviewer.cli``,
    ``opening``: the store's opening, which it started before Qt."""
    started = time.monotonic() if started is None else started
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("mapviewer")
    app.setOrganizationName("mapviewer")
    app.setWindowIcon(QIcon(str(resource("mapviewer.svg"))))
    window = MainWindow(opening=opening)
    remove_leftovers_of_earlier_runs(window)
    if args.screenshot:
        window.resize(*args.size)
        take_screenshot_when_ready(app, window, args.screenshot, started, waits_for_map=bool(args.files))
    if args.files:   # files and web addresses; the worker starts before the window paints: both go at once
        window.open_paths([f for f in args.files if isinstance(f, Path)], [f for f in args.files if isinstance(f, str)])
    window.show()
    code = app.exec()
    window.stop_work()      # a --screenshot run ends without closing the window
    # Delete the window, and its web page with it, while QtWebEngine is still up: at interpreter exit
    # the order of destruction is not ours and a page outliving its profile crashes.
    shiboken6.delete(window)
    return code
