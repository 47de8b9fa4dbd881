"""The exported HTML page of the sample article and of hostile text, and the choice of format by file name.
KML, GeoJSON and CSV read back by real consumers: test_export_formats.py."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapviewer.export import export, format_for, html_page
from mapviewer.mapping.build import page_title
from mapviewer.model import Document
from mapviewer.text.titles import shorten

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
    assert len(seed_html.encode()) <= 3_000_000          # with its basemap: the cells around its places
    assert re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", seed_html) == []   # all inlined
    assert seed_html.count("<script>") >= 4 and seed_html.count("<style>") >= 4      # libraries inlined


def test_seed_html_shows_title_source_and_attribution(seed_html, seed_analysis):
    data = page_data(seed_html)
    assert data["documents"][0]["source"] == "afp-2024-12-16-trump-putin-ukraine-war.txt"
    assert f"<title>{seed_analysis.document.title}</title>" in seed_html
    assert "GeoNames" in data["attribution"] and "Natural Earth" in data["credits"] and data["panel"] is True


def test_seed_title_is_cut_after_a_whole_word(seed_html, seed_analysis):
    title = seed_analysis.document.title
    first_line = seed_analysis.document.text.splitlines()[0]
    assert len(title) <= 120 and title.endswith("…") and first_line.startswith(title[:-1])
    assert first_line[len(title) - 1] in " ,"                  # the cut falls between words
    assert page_data(seed_html)["documents"][0]["title"] == title        # the page's heading


def test_titles_of_several_documents_are_cut_after_a_whole_word(seed_analysis, hostile_analysis):
    title = page_title([seed_analysis, hostile_analysis, seed_analysis])
    assert len(title) <= 200 and title.endswith("…") and not title.endswith(" …")
    assert title.startswith(seed_analysis.document.title + " · <b>Title</b>")


def test_shorten():
    assert shorten("Kyiv  and\nBerlin", 20) == "Kyiv and Berlin"
    assert shorten("Talks in Kyiv went on", 12) == "Talks in…"
    assert shorten("Talks in Kyiv went on", 14) == "Talks in Kyiv…"
    assert shorten("Talks, then more", 9) == "Talks…"
    assert shorten("基辅和柏林的会谈继续进行", 6) == "基辅和柏林…"        # no spaces: cut where the limit falls


@given(st.text(alphabet="ab ,\n", max_size=40), st.integers(2, 30))
def test_shorten_is_a_prefix_within_the_limit(text, limit):
    short, whole = shorten(text, limit), " ".join(text.split())
    assert len(short) <= limit and whole.startswith(short.removesuffix("…"))


def test_export_picks_the_format_by_suffix(tmp_path, seed_analysis, store):
    for name in ("map.html", "map.kml", "map.geojson", "map.csv", "map.mentions.csv", "map.jsonl"):
        export([seed_analysis], store, tmp_path / name)
        assert (tmp_path / name).stat().st_size > 1000
    assert format_for(tmp_path / "Map.Mentions.CSV").name == "csv-mentions"
    assert format_for(tmp_path / "m.csv").name == "csv"
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


def test_the_legend_names_the_kinds_on_the_map(seed_html, seed_analysis):
    legend = [item["label"] for item in page_data(seed_html)["legend"]]
    kinds = {m.place.kind for m in seed_analysis.mentions if m.place}
    assert len(legend) == len(kinds) and "town" in legend and "country" in legend and "lake" not in legend
