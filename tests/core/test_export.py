"""Exports of the sample article and of hostile text: self-contained HTML, GeoJSON, CSV."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from mapviewer.export import csv_text, export, geojson, html_page
from mapviewer.model import Document

from ..hostile import page_data


HOSTILE = ("Protesters gathered in Paris <script>window.pwned = 1</script> near the Louvre. "
           "Officials in Kyiv said <img src=x onerror=\"window.pwned = 2\"> it was calm. "
           "A sign in Berlin read ${window.pwned = 3} and `backticks` and </script><script>window.pwned=4</script>. "
           "=HYPERLINK(\"http://evil\") was typed in London.")


@pytest.fixture(scope="module")
def seed_html(seed_analysis, store):
    return html_page([seed_analysis], store)


@pytest.fixture(scope="module")
def hostile_analysis(geoparser):
    return geoparser.analyse(Document(HOSTILE, title="<b>Title</b><script>window.pwned=5</script>",
                                      source="evil<script>.txt"))


def test_seed_html_is_self_contained(seed_html):
    assert len(seed_html.encode()) <= 2_000_000
    assert re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", seed_html) == []   # all inlined
    assert seed_html.count("<script>") >= 4 and seed_html.count("<style>") >= 4      # libraries inlined


def test_seed_html_shows_title_source_and_attribution(seed_html, seed_analysis):
    data = page_data(seed_html)
    assert data["documents"][0]["source"] == "afp-2024-12-16-trump-putin-ukraine-war.txt"
    assert f"<title>{seed_analysis.document.title}</title>" in seed_html
    assert "GeoNames" in data["attribution"] and "Natural Earth" in data["credits"] and data["panel"] is True


def test_geojson_is_rfc7946(seed_analysis, store):
    fc = geojson([seed_analysis], store)
    assert fc["type"] == "FeatureCollection"
    names = {f["properties"]["name"]: f for f in fc["features"]}
    kurakhove = names["Kurakhove"]
    lon, lat = kurakhove["geometry"]["coordinates"]
    assert 37 < lon < 38 and 47 < lat < 49  # [longitude, latitude] order
    props = kurakhove["properties"]
    assert props["region"] == "Donetsk" and props["country"] == "Ukraine" and props["geonameid"] == 695357
    assert {m["text"] for m in props["mentions"]} == {"Kurakhové", "Kourakhové"}
    for m in props["mentions"]:
        assert seed_analysis.document.text[m["start"]:m["end"]] == m["text"]
    with_outlines = geojson([seed_analysis], store, outlines=True)
    kinds = {f["geometry"]["type"] for f in with_outlines["features"]}
    assert kinds >= {"Point"} and kinds & {"Polygon", "MultiPolygon"}


def test_csv_has_one_row_per_mention(seed_analysis, hostile_analysis, store):
    rows = list(csv.DictReader(io.StringIO(csv_text([seed_analysis], store))))
    assert len(rows) == sum(1 for m in seed_analysis.mentions if m.place)
    assert {"document", "sentence", "start", "end", "surface", "place", "lat", "lon", "kind", "confidence",
            "geonameid"} <= set(rows[0])
    text = seed_analysis.document.text
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == r["surface"]


def test_csv_defuses_formulas(store, geoparser):
    analysis = geoparser.analyse(Document("=Paris was named, and +Kyiv too.", source="=cmd|' /C calc'!A0"))
    out = csv_text([analysis], store)
    assert "\n=cmd" not in out and "'=cmd" in out


def test_export_picks_the_format_by_suffix(tmp_path, seed_analysis, store):
    for name in ("map.html", "map.geojson", "map.csv"):
        export([seed_analysis], store, tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000
    assert json.loads((tmp_path / "map.geojson").read_text())["type"] == "FeatureCollection"
    from mapviewer.errors import ExportError

    with pytest.raises(ExportError):
        export([seed_analysis], store, tmp_path / "map.docx")


def test_two_documents_one_map(seed_analysis, hostile_analysis, store):
    data = page_data(html_page([seed_analysis, hostile_analysis], store))
    assert [d["source"] for d in data["documents"]] == ["afp-2024-12-16-trump-putin-ukraine-war.txt",
                                                        "evil<script>.txt"]
    paris = next(p for p in data["places"].values() if p["name"] == "Paris")
    assert paris["stops"] and all(doc == 1 for doc, _ in paris["stops"]) and paris["firstStop"] == {"1": 0}
