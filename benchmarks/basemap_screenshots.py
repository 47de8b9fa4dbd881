"""The basemap screenshots of the README: the sample article zoomed to Kurakhove, its neighbouring villages
named, in the app (offscreen) and in the exported page in headless Chromium.

    python benchmarks/basemap_screenshots.py [--out docs]

basemap-app.png (the app's window), basemap-export.png (the exported page, 1280×800).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"
VIEW = "mapviewer.map.setView([47.93, 37.30], 10, {animate: false}) && null"


def app_screenshot(out: Path) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.qt.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def pause(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), GazetteerStore.open())
        window.resize(1400, 860)
        window.show()
        window.main.setSizes([520, 880])
        window.right.setSizes([640, 220])
        loop = QEventLoop()
        window.map.mapReady.connect(loop.quit)
        window.open_paths([SEED])
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        pause(800)
        window.map.run_js(VIEW)
        pause(1500)
        window.grab().save(str(out))
        window.close()
    app.quit()


def export_screenshot(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from mapviewer.documents import read_document
    from mapviewer.export import html_page
    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.pipeline import Geoparser

    store = GazetteerStore.open()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_path = Path(tmp) / "sample.html"
        page_path.write_text(html_page([Geoparser(store).analyse(read_document(SEED))], store), encoding="utf-8")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(page_path.as_uri())
        page.wait_for_function("() => window.mapviewer !== undefined", timeout=30000)
        page.evaluate(VIEW)
        page.wait_for_timeout(800)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    export_screenshot(args.out / "basemap-export.png")
    app_screenshot(args.out / "basemap-app.png")
    print(f"saved the basemap screenshots in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
