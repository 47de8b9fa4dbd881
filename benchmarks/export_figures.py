"""Export figures: the sample article's HTML (time, size) and a synthetic analysis with 1,000 places and
5,000 mentions (HTML build time, size, and time until the page is interactive in headless Chromium).

    python benchmarks/export_figures.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from mapviewer.documents import read_document
from mapviewer.export import html_page
from mapviewer.gazetteer import GazetteerStore
from mapviewer.model import Analysis, Candidate, Document, Mention, Sentence
from mapviewer.pipeline import Geoparser

SEED = Path(__file__).resolve().parent.parent / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"


def synthetic(store: GazetteerStore, places: int = 1000, mentions: int = 5000) -> Analysis:
    """One document naming ``places`` real gazetteer cities ``mentions`` times, one per sentence."""
    rows = store._query("SELECT id FROM places WHERE kind = 'city' ORDER BY population DESC LIMIT ?", (places,))
    chosen = [store.place(r[0]) for r in rows]
    parts, sentences, found = [], [], []
    pos = 0
    for i in range(mentions):
        p = chosen[i % len(chosen)]
        prefix = f"Report {i}: officials in "
        sentence = f"{prefix}{p.name} said the situation was calm."
        sentences.append(Sentence(pos, pos + len(sentence)))
        found.append(Mention(pos + len(prefix), pos + len(prefix) + len(p.name), p.name, i, "literal", p, 0.9,
                             (Candidate(p, 0.9),)))
        parts.append(sentence)
        pos += len(sentence) + 1
    return Analysis(Document(" ".join(parts), title="Synthetic", source="synthetic.txt"), tuple(sentences),
                    tuple(found))


def interactive_seconds(page_html: str) -> float | None:
    chromium = shutil.which("chromium")
    if not chromium:
        return None
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "map.html"
        path.write_text(page_html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        t = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.mapviewer !== undefined", timeout=60000)
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        elapsed = time.perf_counter() - t
        browser.close()
        return elapsed


def main() -> None:
    store = GazetteerStore.open()
    geoparser = Geoparser(store)
    seed = geoparser.analyse(read_document(SEED))
    html_page([seed], store)  # warm-up: assets read, caches filled
    t = time.perf_counter()
    page = html_page([seed], store)
    print(f"sample article   HTML export {time.perf_counter() - t:5.2f} s, {len(page.encode()) / 1e6:4.2f} MB")
    s = interactive_seconds(page)
    print(f"                 interactive in Chromium after {s:.2f} s" if s else "                 (no chromium)")
    big = synthetic(store)
    t = time.perf_counter()
    page = html_page([big], store)
    print(f"1,000 places / 5,000 mentions: HTML built in {time.perf_counter() - t:5.2f} s, "
          f"{len(page.encode()) / 1e6:4.1f} MB")
    s = interactive_seconds(page)
    print(f"                 interactive in Chromium after {s:.2f} s" if s else "                 (no chromium)")


if __name__ == "__main__":
    main()
