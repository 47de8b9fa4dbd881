"""Hostile documents exported and opened in headless Chromium with the network blocked: nothing runs, nothing
is injected, the text is shown character for character, and the page's Content-Security-Policy holds."""

from __future__ import annotations

import pytest

from mapviewer.export import html_page
from mapviewer.model import Document

from ..hostile import CSP_PROBE, PAYLOADS, article
from .pages import open_page

NAMES = sorted(PAYLOADS)


@pytest.fixture(scope="module")
def hostile_page(browser, tmp_path_factory, geoparser, store):
    """One exported page with a document per payload, its title and file name holding the payload too."""
    analyses = [geoparser.analyse(Document(article(PAYLOADS[n]), title=f"{PAYLOADS[n]} title",
                                           source=f"Paris {PAYLOADS[n]}.txt")) for n in NAMES]
    path = tmp_path_factory.mktemp("hostile") / "hostile.html"
    path.write_text(html_page(analyses, store), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    yield page, requests, errors, analyses
    page.context.close()


def test_nothing_runs_and_nothing_is_injected(hostile_page):
    page, requests, errors, analyses = hostile_page
    title = page.title()
    for key in page.evaluate("Object.keys(mapviewer.places)"):
        page.evaluate(f"mapviewer.clickPlace({key!r})")        # every popup, every quoted sentence
    for i in range(len(analyses)):
        page.select_option("#mv-doc-select", str(i))
        for mark in page.query_selector_all(f".mv-doc[data-doc='{i}'] mark[data-place]"):
            mark.click()
    assert page.evaluate("window.pwned") is None
    assert page.title() == title
    assert page.evaluate("""() => document.querySelectorAll(
        '#mv-panel img, #mv-panel svg, #mv-panel iframe, #mv-panel script, #mv-panel style, #mv-panel a, '
        + '.leaflet-popup-content img, .leaflet-popup-content script, [onerror], [onload], [onmouseover], '
        + '[onfocus]').length""") == 0
    assert requests == [] and errors == []


@pytest.mark.parametrize("index", range(len(NAMES)), ids=NAMES)
def test_text_title_and_file_name_are_shown_exactly(hostile_page, index):
    page, _, _, analyses = hostile_page
    doc = analyses[index].document
    shown = page.evaluate(f"""() => {{
        const d = document.querySelector(".mv-doc[data-doc='{index}']");
        return [d.querySelector(".mv-article").textContent, d.querySelector("h1").textContent,
                d.querySelector(".mv-source").textContent,
                JSON.parse(document.getElementById("mapviewer-data").textContent).documents[{index}].text];
    }}""")
    assert shown[0] == doc.text and shown[3] == doc.text
    assert shown[1] == doc.title
    assert shown[2].startswith(doc.source + " · ")
    marks = page.evaluate(f"Array.from(document.querySelectorAll(\".mv-doc[data-doc='{index}'] mark\"))"
                          ".map(m => m.textContent)")
    assert marks and set(marks) <= {"Paris", "Kyiv", "Berlin"}


def test_the_policy_blocks_inline_handlers_and_foreign_scripts(hostile_page):
    page, _requests, errors, _ = hostile_page
    page.evaluate(CSP_PROBE)
    page.wait_for_function("() => window.violations.length >= 3", timeout=5000)
    assert page.evaluate("window.cspBroken") is None
    assert set(page.evaluate("window.violations")) >= {"script-src-attr", "script-src-elem", "img-src"}
    errors.clear()       # the blocked probes are reported as console errors: that is the point
