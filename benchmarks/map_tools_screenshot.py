"""The README's dark-theme screenshot of the map tools, taken offscreen with the real app:

    python benchmarks/map_tools_screenshot.py [--out docs/map-tools-dark.png]

The sample article in the dark theme, Kurakhove selected and zoomed to, the distance to Pokrovsk measured,
the coordinates under the pointer shown.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "map-tools-dark.png")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QSignalSpy, QTest
    from PySide6.QtWidgets import QApplication

    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.qt.preferences import Preferences
    from mapviewer.qt.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), GazetteerStore.open())
        window.tools.set_preferences(Preferences(theme="dark"))
        window.resize(1400, 860)
        window.show()
        window.main.setSizes([600, 800])
        ready = QSignalSpy(window.map.mapReady)
        window.open_paths([SEED])
        for _ in range(600):                # the article geoparsed and its map page ready, 60 s at most
            if window.entries and ready.count():
                break
            QTest.qWait(100)
        entries = {e.place.name: e for e in window.entries}
        kurakhove, pokrovsk = entries["Kurakhove"], entries["Pokrovsk"]
        window.select(kurakhove.key, "table")
        QTest.qWait(1500)
        window.map.run_js("mapviewer.map.closePopup(); mapviewer.cluster.unspiderfy();"
                          " mapviewer.map.setView([48.13, 37.23], 9, {animate: false})")
        window.tools.measure.start((kurakhove.place.lat, kurakhove.place.lon))
        window.tools.measure.click(pokrovsk.place.lat, pokrovsk.place.lon)
        window.map.run_js("mapviewer.map.fire('mousemove', {latlng: L.latLng(48.0513, 37.4121)})")
        QTest.qWait(1500)
        if not window.grab().save(str(args.out)):
            sys.exit(f"cannot write {args.out}")
        print(f"saved {args.out}: {window.tools.measure.km:.2f} km", file=sys.stderr)
        window.tools.measure.stop()
        window.tools.set_preferences(Preferences())
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
