"""The review screenshots of the README, taken offscreen with the real app:

    python benchmarks/review_screenshots.py [--out docs]

review-candidates.png (a mention's reading and alternatives, the alternatives faint on the map),
review-search.png (Search the gazetteer…), review-project.png (a reviewed two-document project).
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
FLOODS = ("Floods in Texas\n\nFlood waters rose across Harris County on Sunday as storms moved east from Austin. "
          "In Houston, crews closed roads near the Buffalo Bayou. Volunteers from Athens, Georgia, drove in "
          "with boats, and the governor asked Washington for federal help.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from mapviewer.corrections import for_mention
    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.places import is_uncertain
    from mapviewer.qt.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def pause(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait(signal) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    with tempfile.TemporaryDirectory() as tmp:
        floods = Path(tmp) / "texas-floods.txt"
        floods.write_text(FLOODS, encoding="utf-8")
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), GazetteerStore.open())
        window.resize(1400, 860)
        window.show()
        window.main.setSizes([720, 680])
        window.open_paths([SEED])
        wait(window.map.mapReady)
        pause(800)
        washington = next(m for m in window.analyses[0].mentions if m.text == "Washington")
        window.article.select_mention(washington)
        window.map.run_js("mapviewer.map.setView([38, -85], 4, {animate: false})")
        pause(1200)
        window.article.select_mention(washington)
        window.grab().save(str(args.out / "review-candidates.png"))

        window.correct(0, washington, "search", None, "mention")
        dialog = window.search_dialog
        assert dialog is not None
        dialog.query.setText("Athens")
        dialog.refresh()
        pause(300)
        dialog.grab().save(str(args.out / "review-search.png"))
        dialog.reject()

        window.open_paths([SEED, floods])
        wait(window.map.mapReady)
        for m in window.review.project.documents[1].analysis.mentions:    # the flood report, all reviewed
            if m.text == "Athens":
                georgia = next(c.place for c in m.alternatives if c.place.admin1 == "GA")
                window.review.correct(1, for_mention(m, "choose", georgia))
            elif m.text == "Georgia":
                window.review.correct(1, for_mention(m, "reject"))
            else:
                window.review.correct(1, for_mention(m, "confirm"))
        for m in window.review.project.documents[0].analysis.mentions:    # the sample: its uncertain ones
            if is_uncertain(m):
                window.review.correct(0, for_mention(m, "confirm"))
        wait(window.map.mapReady)
        window.doc_choice.setCurrentIndex(1)
        window.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
        athens = next(e.key for e in window.entries if e.place.name == "Athens")
        window.select(athens, "table")
        pause(1500)
        window.map.run_js("mapviewer.map.setView([35, -88], 4, {animate: false})")
        pause(1200)
        window.grab().save(str(args.out / "review-project.png"))
        window.review.undo_stack.setClean()
        window.close()
    print(f"saved the review screenshots in {args.out}", file=sys.stderr)
    app.quit()


if __name__ == "__main__":
    main()
