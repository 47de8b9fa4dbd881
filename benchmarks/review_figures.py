"""Review figures: how long a correction takes to show in the text, the table and the map of the app (the
sample article, offscreen, the real QtWebEngine), and how long a project of 50 articles takes to save and
to open.

    python benchmarks/review_figures.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"
CORPUS = ROOT.parent / "shared" / "eval" / "trnews.jsonl"


def _articles(n: int, corpus: bool) -> list[tuple[str, str]]:
    """(source, text) of ``n`` news articles: the evaluation corpus (when present), else the sample article."""
    if corpus and CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines()[:n]]
        if len(rows) == n:
            return [(f"trnews-{r['id']}.txt", r["text"]) for r in rows]
    return [(f"sample-{i}.txt", SEED.read_text("utf-8")) for i in range(n)]


def project_figures(runs: int, corpus: bool) -> None:
    from mapviewer.corrections import for_mention
    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.model import Document
    from mapviewer.pipeline import Geoparser
    from mapviewer.project import Project, ProjectDocument, load_project, save_project

    geoparser = Geoparser(GazetteerStore.open())
    docs = []
    for source, text in _articles(50, corpus):
        a = geoparser.analyse(Document(text, text.split("\n")[0][:80], source))
        docs.append(ProjectDocument(a, tuple(for_mention(m, "confirm") for m in a.mentions[:3])))
    project = Project(tuple(docs))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fifty.mvproj"
        saves, opens = [], []
        for _ in range(runs):
            t = time.perf_counter()
            save_project(path, project)
            saves.append(time.perf_counter() - t)
            t = time.perf_counter()
            loaded = load_project(path)
            _ = loaded.analyses          # the corrected analyses, as the app shows them
            opens.append(time.perf_counter() - t)
        assert loaded == project
        size = path.stat().st_size / 1e6
    mentions = sum(len(d.analysis.mentions) for d in docs)
    what = "news articles" if corpus and CORPUS.is_file() else "copies of the sample article"
    print(f"project of 50 {what} ({mentions} mentions, {size:.1f} MB): save {statistics.median(saves):.2f} s, "
          f"open {statistics.median(opens):.2f} s (median of {runs}; best {min(saves):.2f} / {min(opens):.2f} s)")


def correction_figures(runs: int) -> None:
    """Time from a correction to the text and table showing it, and to the map page showing it."""
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from mapviewer.corrections import for_mention
    from mapviewer.gazetteer import GazetteerStore
    from mapviewer.qt.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat), GazetteerStore.open())
        window.resize(1280, 800)
        window.show()

        def wait(signal, timeout_ms: int = 60_000) -> None:
            loop = QEventLoop()
            signal.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            signal.disconnect(loop.quit)

        window.open_paths([SEED])
        wait(window.map.mapReady)
        shown, mapped = [], []
        for n in range(runs):
            m = next(m for m in window.review.project.documents[0].analysis.mentions if m.text == "Florida")
            correction = for_mention(m, "reject") if n % 2 == 0 else None
            done: list[float] = []
            window.corrected.connect(lambda done=done: done.append(time.perf_counter()))
            t = time.perf_counter()
            if correction is not None:
                window.review.correct(0, correction)
            else:
                window.review.undo_stack.undo()
            app.processEvents()
            wait(window.map.mapReady)
            mapped.append(time.perf_counter() - t)
            shown.append(done[0] - t)
            window.corrected.disconnect()
        print(f"a correction on the sample article: text and table {1000 * statistics.median(shown):.0f} ms, "
              f"map {1000 * statistics.median(mapped):.0f} ms (median of {runs}, corrections and undos)")
        window.review.undo_stack.setClean()
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project_figures(args.runs, corpus=True)
    project_figures(args.runs, corpus=False)
    correction_figures(args.runs)


if __name__ == "__main__":
    main()
