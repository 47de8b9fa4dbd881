"""Map figures: the app's map page ready (this checkout, and another one for a before/after), frame times
while panning and zooming an exported page in headless Chromium at several zooms, and the exported page's
size and time to interactive for the sample article and for an article of 1,000 places.

    python benchmarks/map_figures.py [--runs 5] [--before /path/to/other/checkout]

Page ready in the app: seconds from the process start to the map page's ``pageReady`` ("map painted" of
``mapviewer FILE --screenshot``), best and median of ``--runs``. Frames: a page-side requestAnimationFrame
recorder while the mouse drags the map and the map zooms in and out (animated), at each zoom.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"
KURAKHOVE = (47.98, 37.28)
ZOOMS = (3, 6, 9, 12)


def app_ready(checkout: Path, runs: int) -> list[float]:
    """Seconds from launch to the sample's map page ready, per run, with ``checkout``'s mapviewer."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(checkout),
               QTWEBENGINE_CHROMIUM_FLAGS=os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"))
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            proc = subprocess.run([sys.executable, "-m", "mapviewer", str(SEED), "--screenshot", f"{tmp}/{i}.png"],
                                  capture_output=True, text=True, env=env, cwd=checkout, check=True)
            steps = [line for line in proc.stderr.splitlines() if " s  " in line]
            out.append(float(steps[-1].split()[0]))
    return out


def thousand_places_article(store) -> str:  # type: ignore[no-untyped-def]
    """An article naming the 1,000 most populous towns of the gazetteer, one sentence each."""
    rows = store._query("SELECT name FROM places WHERE kind = 'city' ORDER BY population DESC LIMIT 1000")
    return "\n".join(f"The delegation travelled to {name}." for (name,) in rows)


START = """(() => {
  window.benchFrames = [];
  window.benchOn = true;
  let last = performance.now();
  const tick = t => { benchFrames.push(t - last); last = t; if (benchOn) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()"""


def frames(browser, page_path: Path) -> dict[int, list[float]]:  # type: ignore[no-untyped-def]
    """Frame intervals at each zoom while the mouse drags the map (40 moves of 10 px, out and back) and the
    map zooms in and out with its animation."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(page_path.as_uri())
    page.wait_for_function("() => window.mapviewer !== undefined", timeout=30000)
    out = {}
    for z in ZOOMS:
        page.evaluate(f"mapviewer.map.setView([{KURAKHOVE[0]}, {KURAKHOVE[1]}], {z}, {{animate: false}}) && null")
        page.wait_for_timeout(300)
        page.evaluate(START)
        page.mouse.move(400, 400)
        page.mouse.down()
        for i in range(40):
            page.mouse.move(400 + 10 * (i if i < 20 else 40 - i), 400 + 4 * (i if i < 20 else 40 - i))
        page.mouse.up()
        page.evaluate("mapviewer.map.zoomIn(1) && null")
        page.wait_for_timeout(700)
        page.evaluate("mapviewer.map.zoomOut(1) && null")
        page.wait_for_timeout(700)
        out[z] = page.evaluate("(() => { benchOn = false; return benchFrames.slice(2); })()")
    page.close()
    return out


def interactive(browser, page_path: Path, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds from navigation start to the page script's map ready and the basemap drawn."""
    out = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(page_path.as_uri())
        page.wait_for_function("() => window.mapviewer !== undefined && window.mapviewerBasemap !== undefined",
                               timeout=60000)
        out.append(page.evaluate("performance.now()"))
        page.close()
    return out


def stats(values: list[float], unit: str = "") -> str:
    return f"best {min(values):.2f}{unit}, median {statistics.median(values):.2f}{unit}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", type=Path, help="another checkout of mapviewer to compare the app's page ready with")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from mapviewer.documents import read_document
    from mapviewer.export import html_page
    from mapviewer.gazetteer.store import GazetteerStore
    from mapviewer.model import Document
    from mapviewer.pipeline import Geoparser

    if args.before:
        before = app_ready(args.before, args.runs)
        print(f"app, launch to map page ready, before ({args.before}): {stats(before, ' s')}")
    print(f"app, launch to map page ready, this checkout: {stats(app_ready(ROOT, args.runs), ' s')}")

    store = GazetteerStore.open()
    geoparser = Geoparser(store)
    articles = {"sample article": geoparser.analyse(read_document(SEED)),
                "1,000 places": geoparser.analyse(Document(thousand_places_article(store), title="1,000 places"))}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for name, analysis in articles.items():
            path = Path(tmp) / "page.html"
            build = []
            for _ in range(args.runs):
                t = time.perf_counter()
                text = html_page([analysis], store)
                build.append(time.perf_counter() - t)
            path.write_text(text, encoding="utf-8")
            places = len({m.place.id for m in analysis.mentions if m.place})
            tti = interactive(browser, path, args.runs)
            print(f"{name} ({places} places): exported page {path.stat().st_size / 1e6:.2f} MB, "
                  f"made in {stats(build, ' s')}; time to interactive in Chromium {stats(tti, ' ms')}")
            if name == "sample article":
                for z, ms in frames(browser, path).items():
                    ms.sort()
                    print(f"   frames at zoom {z:2d} while panning and zooming: median {statistics.median(ms):.1f} ms, "
                          f"95th percentile {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, longest {ms[-1]:.1f} ms "
                          f"({len(ms)} frames)")
        browser.close()


if __name__ == "__main__":
    main()
