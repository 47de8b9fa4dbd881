"""The map tools of an exported page in headless Chromium (no app, no bridge): every request blocked."""

from __future__ import annotations

import json

import pytest

from mapviewer.export import html_page
from mapviewer.palette import DARK, LIGHT

from .pages import basemap_colour, open_page

SEA = (43.3, 34.0)          # the middle of the Black Sea
LAND = (50.4, 26.5)         # western Ukraine


def test_tools_of_the_exported_page(browser, tmp_path, seed_analysis, store):
    path = tmp_path / "seed.html"
    path.write_text(html_page([seed_analysis], store), encoding="utf-8")
    page, requests, errors = open_page(browser, path)
    assert page.evaluate("[...document.querySelectorAll('.mv-tools button')].map(b => b.title)") == [
        "Zoom to all places", "Zoom to the selected place", "Reset the view"]
    page.mouse.move(300, 300)
    assert page.evaluate("document.getElementById('mv-coords').textContent").count("°") == 2
    for zoom in (3, 9):
        page.evaluate(f"mapviewer.map.setView([48, 37.3], {zoom}, {{animate: false}}) && null")
        assert page.evaluate("[...document.querySelectorAll('.leaflet-control-scale-line')]"
                             ".every(l => l.scrollWidth <= l.clientWidth)"), f"zoom {zoom}"

    everything = page.evaluate("mapviewer.tools.shown().length")
    page.click(".mv-legend-kind[data-kind=city]")                  # the legend toggles a kind
    towns = sum(e["kind"] == "city" for e in page.evaluate("Object.values(mapviewer.places)"))
    assert page.evaluate("mapviewer.tools.shown().length") == everything - towns > 0
    page.click(".mv-legend-kind[data-kind=city]")
    assert page.evaluate("mapviewer.tools.shown().length") == everything

    page.click("#mv-zoom-all")
    assert page.evaluate("mapviewer.map.getZoom()") <= 4

    # the theme colours the offline basemap: its sea, its land and its names, drawn again on a switch
    page.evaluate("mapviewer.map.setView([47, 33], 5, {animate: false}) && null")
    page.wait_for_timeout(200)
    drawn = [page.evaluate(basemap_colour(*SEA)), page.evaluate(basemap_colour(*LAND))]
    assert drawn == [LIGHT.map.water, LIGHT.map.land]
    page.evaluate("mapviewer.tools.run(" + json.dumps(json.dumps({"tool": "theme", "name": "dark"})) + ")")
    page.wait_for_timeout(200)
    drawn = [page.evaluate(basemap_colour(*SEA)), page.evaluate(basemap_colour(*LAND))]
    assert drawn == [DARK.map.water, DARK.map.land]
    water = page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).backgroundColor")
    assert water == "rgb({}, {}, {})".format(*bytes.fromhex(DARK.map.water[1:]))
    names = page.evaluate("[...document.querySelectorAll('.mv-label-country')].map(n => getComputedStyle(n).color)")
    assert names and set(names) == {"rgb({}, {}, {})".format(*bytes.fromhex(DARK.map.country_label[1:]))}
    assert requests == [] and errors == []

    # the default basemap of the preferences: the page switches layers by name (its tiles are refused here)
    page.evaluate("mapviewer.tools.run(" + json.dumps(json.dumps({"tool": "basemap",
                                                                  "name": "OpenTopoMap (online)"})) + ")")
    assert page.evaluate("mapviewer.tools.basemap()") == "OpenTopoMap (online)"
    page.wait_for_timeout(300)
    assert requests and all("opentopomap.org" in r for r in requests)


@pytest.mark.parametrize("article", ["india", "seed"])
def test_no_place_is_fitted_behind_the_legend_or_the_buttons(browser, tmp_path, geoparser, store, seed_analysis,
                                                             article):
    from mapviewer.model import Document

    # Chittagong lies at the south-east corner of the places: fitted with even padding it sat under the legend
    text = ("MUMBAI (Reuters) - Heavy monsoon rains flooded parts of Mumbai and Pune on Tuesday. In neighbouring "
            "Gujarat, authorities evacuated people from low-lying areas near Surat and Vadodara. The Narmada River "
            "rose above the danger mark at Bharuch. Further east, Kolkata and the state of West Bengal braced for a "
            "cyclone forming over the Bay of Bengal, while Bangladesh moved fishermen to shelters near Chittagong. "
            "Officials in New Delhi said the Indian Navy had sent ships to the Arabian Sea.")
    analysis = geoparser.analyse(Document(text)) if article == "india" else seed_analysis
    path = tmp_path / f"{article}.html"
    path.write_text(html_page([analysis], store), encoding="utf-8")
    page, _, errors = open_page(browser, path)
    # the legend, and the buttons of the top corners (zoom and tools, layers)
    under = """(() => {
      const boxes = [...document.querySelectorAll('.mv-legend, .leaflet-top .leaflet-control')]
        .map(c => c.getBoundingClientRect());
      const map = mapviewer.map.getContainer().getBoundingClientRect();
      const points = [];
      mapviewer.markers.eachLayer(l => {
        const p = mapviewer.map.latLngToContainerPoint(l.getLatLng());
        points.push([p.x + map.left, p.y + map.top]);
      });
      const r = 8;                                   // a marker's radius: none partly covered either
      return [points.length, points.filter(([x, y]) => boxes.some(b => x >= b.left - r && x <= b.right + r
                                                                  && y >= b.top - r && y <= b.bottom + r)).length];
    })()"""
    count, hidden = page.evaluate(under)
    assert count >= 6 and hidden == 0
    for width, height in ((740, 450), (600, 600), (1000, 380)):    # the app's map pane, and other shapes
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("mapviewer.map.invalidateSize({animate: false}) && null")
        page.click("#mv-zoom-all")
        assert page.evaluate(under) == [count, 0], (width, height)
    assert errors == []
