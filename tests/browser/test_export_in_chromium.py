"""The exported HTML in a real headless Chromium with every network request blocked."""

from __future__ import annotations

import shutil
import pytest

from mapviewer.export import html_page
from mapviewer.model import Document

from ..core.test_export import HOSTILE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed "
                                "(.ci/run installs it)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def open_page(browser, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    requests, errors = [], []

    def block(route):
        if not route.request.url.startswith(("file:", "data:")):
            requests.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", block)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.mapviewer !== undefined", timeout=15000)
    return page, requests, errors


def test_seed_export_works_offline(browser, tmp_path, seed_analysis, store):
    path = tmp_path / "seed.html"
    path.write_text(html_page([seed_analysis], store), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    assert page.evaluate("typeof L") == "object"
    assert page.evaluate("document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length") >= 5
    assert page.evaluate("document.querySelectorAll('.leaflet-marker-pane > *').length") >= 1

    key = page.evaluate("Object.keys(mapviewer.places).find(k => mapviewer.places[k].name === 'Vuhledar')")
    page.evaluate(f"mapviewer.clickPlace('{key}')")
    active = page.evaluate("Array.from(document.querySelectorAll('.mv-sentence.mv-active')).map(s => s.textContent)")
    assert len(active) == 1 and "Vougledar" in active[0]
    page.wait_for_function("(document.querySelector('.leaflet-popup-content') || {}).textContent", timeout=8000)
    assert "Vuhledar" in page.evaluate("document.querySelector('.leaflet-popup-content').textContent")

    kyiv = page.evaluate("Object.keys(mapviewer.places).find(k => mapviewer.places[k].name === 'Kyiv')")
    page.click("mark[data-place='%s']" % kyiv)      # a mention in the text opens its marker's popup
    page.wait_for_function("(document.querySelector('.leaflet-popup-content') || {}).textContent"
                           " && document.querySelector('.leaflet-popup-content').textContent.includes('Kyiv')",
                           timeout=5000)
    assert requests == [] and errors == []


def test_hostile_article_runs_nothing(browser, tmp_path, geoparser, store):
    analysis = geoparser.analyse(Document(HOSTILE, title="<script>window.pwned=5</script>"))
    path = tmp_path / "hostile.html"
    path.write_text(html_page([analysis], store), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    for key in page.evaluate("Object.keys(mapviewer.places)"):
        page.evaluate(f"mapviewer.clickPlace('{key}')")
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.evaluate("document.getElementById('mv-panel').textContent")
    assert requests == [] and errors == []
