"""The exported HTML in a real headless Chromium with every network request blocked."""

from __future__ import annotations

from mapviewer.export import html_page
from mapviewer.model import Document

from .pages import open_page


def test_seed_export_works_offline(browser, tmp_path, seed_analysis, store):
    path = tmp_path / "seed.html"
    path.write_text(html_page([seed_analysis], store), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    assert page.evaluate("typeof L") == "object"
    title = seed_analysis.document.title          # the title and heading: cut after a whole word
    assert page.title() == title and page.evaluate("document.querySelector('h1').textContent") == title
    assert title.endswith("Vladimir Putin, and…")
    assert page.evaluate("document.querySelectorAll('.leaflet-overlay-pane path.leaflet-interactive').length") >= 5
    assert page.evaluate("document.querySelectorAll('.leaflet-marker-pane > *').length") >= 1

    key = page.evaluate("Object.keys(mapviewer.places).find(k => mapviewer.places[k].name === 'Vuhledar')")
    page.evaluate(f"mapviewer.clickPlace('{key}')")
    active = page.evaluate("Array.from(document.querySelectorAll('.mv-sentence.mv-active')).map(s => s.textContent)")
    assert len(active) == 1 and "Vougledar" in active[0]
    page.wait_for_function("() => (document.querySelector('.leaflet-popup-content') || {}).textContent", timeout=8000)
    assert "Vuhledar" in page.evaluate("document.querySelector('.leaflet-popup-content').textContent")

    kyiv = page.evaluate("Object.keys(mapviewer.places).find(k => mapviewer.places[k].name === 'Kyiv')")
    page.click(f"mark[data-place='{kyiv}']")      # a mention in the text opens its marker's popup
    page.wait_for_function("() => (document.querySelector('.leaflet-popup-content') || {}).textContent"
                           " && document.querySelector('.leaflet-popup-content').textContent.includes('Kyiv')",
                           timeout=5000)
    assert requests == [] and errors == []


def test_two_documents_selection_stays_in_its_document(browser, tmp_path, seed_analysis, geoparser, store):
    other = geoparser.analyse(Document("Talks in Paris went on. Later, Paris and Lyon agreed.", title="Second"))
    path = tmp_path / "two.html"
    path.write_text(html_page([seed_analysis, other], store), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    page.select_option("#mv-doc-select", "1")
    paris = page.evaluate("Object.keys(mapviewer.places).find(k => mapviewer.places[k].name === 'Paris')")
    page.click(f"mark[data-place='{paris}']")
    assert page.evaluate("document.querySelector('.mv-doc:not([hidden])').dataset.doc") == "1"
    assert page.evaluate("document.querySelector('.mv-current').id") == "d1s0"
    page.click("#mv-next")
    assert page.evaluate("document.querySelector('.mv-current').id") == "d1s1"
    assert "sentence 2 of 2" in page.evaluate("document.getElementById('mv-status').textContent")
    ukraine = page.evaluate("Object.keys(mapviewer.places).find(k => mapviewer.places[k].name === 'Ukraine')")
    page.evaluate(f"mapviewer.clickPlace('{ukraine}')")     # a place of document 1 only: its document is shown
    assert page.evaluate("document.querySelector('.mv-doc:not([hidden])').dataset.doc") == "0"
    assert requests == [] and errors == []
