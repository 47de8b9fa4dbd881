"""The offline basemap of an exported page in headless Chromium (every request blocked): names at town
zoom, one level per zoom range, and an online layer that cannot be reached says so."""

from __future__ import annotations

import pytest

from mapviewer.export import html_page
from mapviewer.gazetteer.basemap import LEVELS

from .pages import open_page

KURAKHOVE = (47.98, 37.28)


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory, seed_analysis, store):
    path = tmp_path_factory.mktemp("basemap") / "seed.html"
    path.write_text(html_page([seed_analysis], store), encoding="utf-8")
    return path


def _view(page, lat, lon, zoom):
    page.evaluate(f"mapviewer.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}) && null")
    page.wait_for_timeout(100)


def test_town_zoom_names_the_neighbouring_villages(browser, seed_page):
    page, requests, errors = open_page(browser, seed_page)
    _view(page, *KURAKHOVE, 11)
    labels = page.evaluate("Array.from(document.querySelectorAll('.mv-label')).map(n => "
                           "[n.textContent, n.className, n.getBoundingClientRect().toJSON()])")
    names = [name for name, cls, _ in labels if "mv-label-city" in cls]
    assert "Kurakhove" in names
    # its neighbours, from the gazetteer (cities500): the villages around it are named too
    assert {"Hostre", "Kurakhivka", "Hirnyk"} <= set(names) and len(names) >= 10
    boxes = [b for _, _, b in labels]
    for i, a in enumerate(boxes):                       # no two names overlap
        for b in boxes[i + 1:]:
            assert (a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"]
                    or b["bottom"] <= a["top"]), (a, b)
    assert page.evaluate("document.querySelectorAll('.mv-label *').length") == 0     # text nodes, no markup
    _view(page, *KURAKHOVE, 5)                          # zoomed out: countries and regions, no villages
    far = page.evaluate("mapviewerBasemap.labels()")
    assert ["UKRAINE", "country"] in [[n.upper(), c] for n, c in far] and "Hostre" not in [n for n, _ in far]
    assert requests == [] and errors == []


# Whether each outline the page draws from the basemap's arcs shows the geometry of the level drawn.
_OUTLINES_OF_LEVEL = """() => {
  const data = JSON.parse(document.getElementById('mapviewer-data').textContent);
  const base = JSON.parse(document.getElementById('mapviewer-basemap').textContent);
  const shown = [];
  data.outlines.forEach(name => window[name].eachLayer(l => {
    const own = base.outlines[l.feature.properties.place];
    if (!own) return;
    const drawn = l.toGeoJSON().geometry.coordinates.flat(Infinity);      // to 6 decimals
    let n = mapviewerBasemap.level();
    while (!own[n]) n--;                                                   // null: as the level before
    const level = own[n].coordinates.flat(Infinity);
    shown.push(drawn.length === level.length && drawn.every((v, i) => Math.abs(v - level[i]) < 1e-6));
  }));
  return shown;
}"""


def test_one_generalisation_per_zoom_range(browser, seed_page):
    page, _, errors = open_page(browser, seed_page)
    for n, level in enumerate(LEVELS):
        for zoom in (level.zmin, min(level.zmax, 13)):
            _view(page, *KURAKHOVE, zoom)
            assert page.evaluate("mapviewerBasemap.level()") == n, zoom
            # the highlighted regions and countries are the level's outlines (drawn from its arcs)
            shown = page.evaluate(_OUTLINES_OF_LEVEL)
            assert len(shown) >= 10 and all(shown), (zoom, shown)
    assert page.evaluate("document.querySelectorAll('.leaflet-mv-basemap-pane canvas').length") == 1
    assert errors == []


def test_unreachable_online_layer_says_so(browser, seed_page):
    page, requests, errors = open_page(browser, seed_page)
    assert page.evaluate("document.querySelector('.mv-notice').hidden")
    page.click(".leaflet-control-layers")
    page.hover(".leaflet-control-layers")
    page.get_by_text("OpenStreetMap (online)").click()
    page.wait_for_function("() => !document.querySelector('.mv-notice').hidden", timeout=10000)
    text = page.evaluate("document.querySelector('.mv-notice').textContent")
    assert "OpenStreetMap cannot be reached" in text
    assert requests and all("openstreetmap" in r for r in requests)     # only after the user chose it
    assert page.evaluate("document.querySelectorAll('.mv-label').length") == 0      # no offline names on it
    page.get_by_text("Offline basemap", exact=True).click()
    assert page.evaluate("document.querySelector('.mv-notice').hidden")
    assert [e for e in errors if "openstreetmap" not in e and "ERR_FAILED" not in e] == []
