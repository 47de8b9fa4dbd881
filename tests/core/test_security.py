"""Untrusted text is data: article text, titles and file names never reach a template engine as code and
survive every export character for character. See tests/hostile.py for the payloads."""

from __future__ import annotations

import ast
import base64
import csv
import hashlib
import html
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapviewer.export import csv_mentions_text, export, geojson, html_page
from mapviewer.io import text_for_utf8
from mapviewer.mapping.build import page_title
from mapviewer.model import Document

from ..hostile import PAYLOADS, article, no_marker_created, page_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _csp(page: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_in_text_title_and_source_is_data(name, in_tmp, geoparser, store):
    payload = PAYLOADS[name]
    text = article(payload)
    analysis = geoparser.analyse(Document(text, title=f"{payload} title", source=f"Paris {payload}.txt"))
    assert analysis.mentions, "the article should mention places around the payload"
    page = html_page([analysis], store)
    assert no_marker_created(in_tmp)
    data = page_data(page)
    doc = data["documents"][0]
    assert (doc["text"], doc["title"], doc["source"]) == (text, f"{payload} title", f"Paris {payload}.txt")
    for m in doc["mentions"]:      # offsets are UTF-16 units: check them the way JavaScript slices
        units = text.encode("utf-16-le", "surrogatepass")
        assert units[2 * m["start"]:2 * m["end"]].decode("utf-16-le", "surrogatepass") in ("Paris", "Kyiv", "Berlin")
    # Beside the JSON block, the payload is only in the escaped title.
    titles = re.findall(r"<title>(.*?)</title>", page, re.S)
    assert len(titles) == 1 and "<" not in titles[0]
    assert html.unescape(titles[0]) == text_for_utf8(page_title([analysis])).replace("\x00", "\ufffd")
    outside = re.sub(r'<script type="application/json" id="mapviewer-data">.*?</script>|<title>.*?</title>', "",
                     page, flags=re.S)
    assert not re.search(r"pwned|PWNED|lipsum|7\*7|YES|unbalanced|surrogate", outside)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_survives_geojson_and_csv(name, in_tmp, geoparser, store):
    text = article(PAYLOADS[name])
    source = f"{PAYLOADS[name]}.txt"
    analysis = geoparser.analyse(Document(text, title="t", source=source))
    for suffix in ("geojson", "csv", "mentions.csv", "html"):
        export([analysis], store, in_tmp / f"out.{suffix}")
    assert no_marker_created(in_tmp)
    fc = json.loads((in_tmp / "out.geojson").read_text(encoding="utf-8"))
    assert fc == json.loads(json.dumps(geojson([analysis], store)))
    sentences = {analysis.sentence_text(i) for i in range(len(analysis.sentences))}
    for props in (f["properties"] for f in fc["features"]):
        assert props["first_sentence"] in sentences and props["description"].startswith(props["first_sentence"])
        assert props["documents"] == source
    rows = list(csv.DictReader(io.StringIO((in_tmp / "out.mentions.csv").read_text(encoding="utf-8"))))
    assert rows and all(r["document"] in (text_for_utf8(source), "'" + text_for_utf8(source)) for r in rows)
    assert csv_mentions_text([analysis], store) == (in_tmp / "out.mentions.csv").read_text(encoding="utf-8")
    places = list(csv.DictReader(io.StringIO((in_tmp / "out.csv").read_text(encoding="utf-8"))))
    assert places and {r["first_sentence"].removeprefix("'") for r in places} <= {text_for_utf8(s) for s in sentences}


def test_every_script_of_the_page_is_allowed_by_hash_and_nothing_else(seed_analysis, store):
    page = html_page([seed_analysis], store)
    csp = _csp(page)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) >= 4          # Leaflet, markercluster, folium's two, mapviewer's
    hashes = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts}
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    assert hashes == allowed
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "base-uri 'none'" in csp
    assert re.findall(r"<script[^>]*\ssrc=", page) == [] and "<link" not in page
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_no_template_is_built_from_a_string_outside_the_page_module():
    """The rule that closes the hole for good: templates are fixed class attributes of mapping/page.py."""
    builders = {"Element", "Template", "Html", "Popup", "Tooltip", "IFrame", "Markup", "from_string", "DivIcon",
                "MacroElement", "JavascriptLink", "CssLink"}
    found = []
    for path in (ROOT / "mapviewer").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        xml_trees = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names
                     if a.name == "xml.etree.ElementTree"}      # ET.Element: an XML node, its text escaped
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                if isinstance(f, ast.Attribute) and getattr(f.value, "id", None) in xml_trees:
                    continue
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                if name in builders:
                    found.append((path.relative_to(ROOT).as_posix(), node.lineno, name))
    page_module = [f for f in found if f[0] == "mapviewer/mapping/page.py"]
    assert [f for f in found if f[0] != "mapviewer/mapping/page.py"] == []
    assert {f[2] for f in page_module} == {"Template"}
    tree = ast.parse((ROOT / "mapviewer/mapping/page.py").read_text(encoding="utf-8"))
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt in cls.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                arg = stmt.value.args[0]
                assert isinstance(arg, (ast.Constant, ast.BinOp)), f"{cls.name}: template must be a constant"


_METACHARACTERS = "{}%#<>&\"'/\\`$!-[]\u2028\u2029\x00\u202e\U0001f600 \n"
_WORDS = st.sampled_from(["Paris", "Kyiv", "Berlin", "in", "the", "{{", "}}", "{%", "%}", "{#", "#}", "</script>",
                          "<!--", "]]>", "<b>", "7*7", "lipsum", "self", "\ud800"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_WORDS, st.text(alphabet=_METACHARACTERS, max_size=6)), min_size=1, max_size=30))
def test_any_text_reaches_the_page_exactly(geoparser, store, parts):
    text = " ".join(parts)
    analysis = geoparser.analyse(Document(text, title=text[:40], source="random.txt"))
    data = page_data(html_page([analysis], store))
    assert data["documents"][0]["text"] == text and data["documents"][0]["title"] == text[:40]


def test_page_json_in_pieces_is_the_json_of_the_whole():
    """A long article's page data is encoded piece by piece (a long string in slices, a long list item by
    item): the same text as one call would write, escapes and all, whatever falls on a slice's edge."""
    import json

    from mapviewer.io import dumps_json
    from mapviewer.mapping.page import _PIECE, json_for_script

    text = "".join(PAYLOADS.values()) * (3 * _PIECE // len("".join(PAYLOADS.values())))
    value = {"documents": [{"text": text, "title": "</script>", 7: None,
                            "mentions": [{"start": i, "text": text[i:i + 40], "c": [0.5, True]} for i in range(300)]}],
             "sizes": list(range(1000)), "empty": {}}
    whole = (dumps_json(value, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e")
             .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    assert json_for_script(value) == whole
    assert json.loads(whole)["documents"][0]["text"] == text


def test_a_long_articles_page_is_made_in_pieces_with_its_data_spliced_in(geoparser, store):
    """The app's page of a long article is never one string (``page_pieces``): its data is kept in pieces of
    about a MB and spliced in after the template engine has rendered the page around a slot for each
    block; joined, the pieces are the page, its policy and data intact."""
    from mapviewer.mapping.basemap import BASEMAP_ID
    from mapviewer.mapping.build import _folium_map, page_pieces
    from mapviewer.mapping.page import DATA_ID, _data_blocks

    text = "Talks in Paris </script> went on; officials in Kyiv said it was calm.\n" * 40_000   # 2.8 MB
    analysis = geoparser.analyse(Document(text, title="long", source="long.txt"))
    assert {b.element_id for b in _data_blocks(_folium_map([analysis], store))} == {DATA_ID, BASEMAP_ID}
    pieces = page_pieces([analysis], store)
    assert len(pieces) > 3 and max(map(len, pieces)) < 2_000_000
    page = "".join(pieces)
    assert page_data(page)["documents"][0]["text"] == text and "</script> went" not in page
    assert "mapviewer-data-slot" not in page and _csp(page).startswith("default-src 'none'")
