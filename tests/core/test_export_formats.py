"""KML, GeoJSON and CSV of the sample article read back by the programs people open them with: GDAL (through
pyogrio, what QGIS reads with), fastkml and the csv module; hostile text through KML."""

from __future__ import annotations

import csv
import io
import json
import warnings
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
import shapely
from pyogrio.raw import read as ogr_read

from mapviewer.cli import build_parser
from mapviewer.export import csv_mentions_text, csv_text, export, geojson, kml_text
from mapviewer.export.csvtext import PLACE_COLUMNS
from mapviewer.export.kml import KML_NS, xml_text
from mapviewer.io import text_for_utf8
from mapviewer.mapping.build import page_title
from mapviewer.model import Document
from mapviewer.places import collect_places

from ..hostile import PAYLOADS, article, no_marker_created

with warnings.catch_warnings():
    warnings.simplefilter("ignore")      # "lxml missing": fastkml falls back to the standard library's parser
    from fastkml import KML

NS = {"k": KML_NS}


@pytest.fixture(scope="module")
def exported(tmp_path_factory, seed_analysis, store):
    """The sample article written as the app writes it (outlines on), in every place format."""
    folder = tmp_path_factory.mktemp("exports")
    for name in ("map.kml", "map.geojson", "map.csv", "map.mentions.csv"):
        export([seed_analysis], store, folder / name)
    return folder


@pytest.fixture(scope="module")
def entries(seed_analysis, store):
    return collect_places([seed_analysis], store)


def _ogr(path, **options):
    """(field names, geometries, {field: column}) as GDAL reads the file."""
    meta, _, wkb, columns = ogr_read(path, **options)
    return list(meta["fields"]), shapely.from_wkb(wkb), dict(zip(meta["fields"], columns))


class _Html(HTMLParser):
    """The tags and the text of a KML description, as a browser (Google Earth's balloon) parses it."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []
        self.bold: list[str] = []
        self._in_b = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_b = tag == "b"

    def handle_endtag(self, tag):
        self._in_b = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_b:
            self.bold.append(data)


# -- KML ---------------------------------------------------------------------------------------------


def test_kml_read_by_gdal_one_placemark_per_place(exported, entries):
    fields, geoms, columns = _ogr(exported / "map.kml", driver="LIBKML")
    assert list(columns["Name"]) == [e.place.name for e in entries]
    assert {"description", "kind", "region", "country", "geonameid", "confidence", "mention_count"} <= set(fields)
    row = [e.place.name for e in entries].index("Kurakhove")
    assert geoms[row].equals(shapely.Point(entries[row].place.lon, entries[row].place.lat))
    assert (columns["region"][row], columns["country"][row], int(columns["geonameid"][row])) == \
        ("Donetsk", "Ukraine", 695357)
    donetsk = [e.place.name for e in entries].index("Donetsk")
    parts = shapely.get_parts(geoms[donetsk])
    assert {p.geom_type for p in parts} == {"Point", "Polygon"}     # the point and the region's outline


def test_kml_read_by_fastkml_with_styles_and_descriptions(exported, entries, seed_analysis):
    document = KML.parse(exported / "map.kml").features[0]
    assert document.name == page_title([seed_analysis]) and document.name.endswith("counterparts, Vladimir Putin, and…")
    styles = {s.id for s in document.styles}
    placemarks = document.features
    assert [p.name for p in placemarks] == [e.place.name for e in entries]
    for p, e in zip(placemarks, entries):
        assert p.style_url.url.removeprefix("#") in styles and p.style_url.url.startswith("#" + e.place.kind)
        data = {d.name: d.value for d in p.extended_data.elements}
        assert data["kind"] == e.place.kind and int(data["mention_count"]) == len(e.mentions)
        html = _Html(p.description)
        assert {tag for tag, _ in html.tags} <= {"p", "b"} and all(attrs == [] for _, attrs in html.tags)
        sentences = dict.fromkeys(seed_analysis.sentence_text(r.mention.sentence) for r in e.mentions)
        assert "".join(html.text) == "".join(sentences)
        assert html.bold == [r.mention.text for r in sorted(e.mentions, key=lambda r: r.mention.start)]


def test_kml_polygons_wound_counter_clockwise(exported):
    root = ET.parse(exported / "map.kml").getroot()
    rings = {kind: [shapely.LinearRing([tuple(map(float, xy.split(","))) for xy in c.text.split()])
                    for c in root.iterfind(f".//k:{kind}/k:LinearRing/k:coordinates", NS)]
             for kind in ("outerBoundaryIs", "innerBoundaryIs")}
    assert len(rings["outerBoundaryIs"]) > 10
    assert all(r.is_ccw for r in rings["outerBoundaryIs"]) and not any(r.is_ccw for r in rings["innerBoundaryIs"])


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_hostile_text_in_kml_is_text(name, tmp_path, monkeypatch, geoparser, store):
    monkeypatch.chdir(tmp_path)
    payload = PAYLOADS[name]
    analysis = geoparser.analyse(Document(article(payload), title=f"{payload} title", source=f"{payload}.txt"))
    export([analysis], store, tmp_path / "out.kml")
    assert no_marker_created(tmp_path)
    kml = (tmp_path / "out.kml").read_text(encoding="utf-8")
    assert kml == kml_text([analysis], store)
    root = ET.fromstring(kml.encode())                                      # well-formed XML
    assert [e.tag for e in root] == [f"{{{KML_NS}}}Document"]
    assert root.find("k:Document/k:name", NS).text == xml_text(page_title([analysis]))
    for placemark in root.iterfind(".//k:Placemark", NS):
        assert {e.tag.split("}")[1] for e in placemark} == {"name", "description", "styleUrl", "ExtendedData", "Point"}
        html = _Html(placemark.find("k:description", NS).text)
        assert {tag for tag, _ in html.tags} <= {"p", "b"} and all(attrs == [] for _, attrs in html.tags)
        assert xml_text(payload) in "".join(html.text)                       # parsed back equal
    _fields, _, columns = _ogr(tmp_path / "out.kml", driver="LIBKML")
    assert set(columns["Name"]) >= {"Paris", "Kyiv"}


def test_xml_text_replaces_what_xml_cannot_hold():
    assert xml_text("a\x00b\ud800c\x0bd\tе\U0001f600") == "a\ufffdb\ufffdc\ufffdd\tе\U0001f600"


# -- GeoJSON -----------------------------------------------------------------------------------------


def test_geojson_properties_are_flat_columns(seed_analysis, store):
    fc = geojson([seed_analysis], store)
    for f in fc["features"]:
        assert all(v is None or isinstance(v, (str, int, float)) for v in f["properties"].values())
    points = {f["properties"]["name"]: f for f in fc["features"] if f["properties"]["role"] == "place"}
    kurakhove = points["Kurakhove"]
    lon, lat = kurakhove["geometry"]["coordinates"]
    assert 37 < lon < 38 and 47 < lat < 49           # [longitude, latitude] order
    props = kurakhove["properties"]
    assert (props["region"], props["country"], props["geonameid"], props["mention_count"]) == \
        ("Donetsk", "Ukraine", 695357, 2)
    assert props["description"].startswith(props["first_sentence"]) and "Kurakhov" in props["first_sentence"]
    assert props["documents"] == "afp-2024-12-16-trump-putin-ukraine-war.txt"
    outlines = [f for f in fc["features"] if f["properties"]["role"] == "outline"]
    assert {f["properties"]["name"] for f in outlines} >= {"Donetsk", "Ukraine", "Russia"}
    assert fc["features"][:len(outlines)] == outlines                   # drawn under the points
    assert all(f["properties"]["role"] == "place" for f in geojson([seed_analysis], store, outlines=False)["features"])


def test_geojson_rings_wound_as_rfc7946_requires(exported):
    fc = json.loads((exported / "map.geojson").read_text(encoding="utf-8"))
    polygons = [p for f in fc["features"] if f["geometry"]["type"] != "Point"
                for p in shapely.get_parts(shapely.geometry.shape(f["geometry"]))]
    assert len(polygons) > 10
    for p in polygons:
        assert p.exterior.is_ccw and not any(r.is_ccw for r in p.interiors)


def test_geojson_read_by_gdal(exported, entries):
    fields, geoms, columns = _ogr(exported / "map.geojson")
    assert {"name", "kind", "region", "country", "geonameid", "confidence", "mention_count", "first_sentence",
            "description", "documents", "role"} <= set(fields)
    points = columns["role"] == "place"
    assert list(columns["name"][points]) == [e.place.name for e in entries]
    assert columns["mention_count"].dtype.kind == "i" and columns["confidence"].dtype.kind == "f"
    assert set(shapely.get_type_id(geoms[~points])) <= {3, 6} and all(shapely.is_valid(geoms))


# -- CSV ---------------------------------------------------------------------------------------------


def test_csv_one_row_per_place(exported, entries):
    rows = list(csv.DictReader(io.StringIO((exported / "map.csv").read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == PLACE_COLUMNS
    assert [r["name"] for r in rows] == [e.place.name for e in entries]
    kurakhove = next(r for r in rows if r["name"] == "Kurakhove")
    assert (kurakhove["kind"], kurakhove["region"], kurakhove["country"], kurakhove["geonameid"],
            kurakhove["mention_count"]) == ("city", "Donetsk", "Ukraine", "695357", "2")
    assert 0.6 <= float(kurakhove["confidence"]) <= 1 and "Kurakhov" in kurakhove["first_sentence"]


def test_csv_opens_as_points_in_gdal(exported, entries):
    """What QGIS's and uMap's import do: lat/lon columns become points, numbers become numbers."""
    _, geoms, columns = _ogr(exported / "map.csv", X_POSSIBLE_NAMES="lon", Y_POSSIBLE_NAMES="lat",
                             AUTODETECT_TYPE="YES", KEEP_GEOM_COLUMNS="NO")
    assert list(geoms) == [shapely.Point(e.place.lon, e.place.lat) for e in entries]
    assert columns["mention_count"].dtype.kind == "i" and columns["confidence"].dtype.kind == "f"
    assert list(columns["mention_count"]) == [len(e.mentions) for e in entries]


def test_csv_of_mentions_has_one_row_per_mention(exported, seed_analysis):
    rows = list(csv.DictReader(io.StringIO((exported / "map.mentions.csv").read_text(encoding="utf-8"))))
    assert len(rows) == sum(1 for m in seed_analysis.mentions if m.place)
    text = seed_analysis.document.text
    assert all(text[int(r["start"]):int(r["end"])] == r["surface"] for r in rows)


def test_csv_defuses_formulas_in_both_flavours(store, geoparser):
    analysis = geoparser.analyse(Document("=Paris was named, and +Kyiv too.", source="=cmd|' /C calc'!A0"))
    mentions = csv_mentions_text([analysis], store)
    assert "\n=cmd" not in mentions and "'=cmd" in mentions
    places = list(csv.DictReader(io.StringIO(csv_text([analysis], store))))
    assert places and all(r["first_sentence"] == "'=Paris was named, and +Kyiv too." for r in places)
    lone = geoparser.analyse(Document("Paris \ud800 was calm.", source="x.txt"))
    assert text_for_utf8("Paris \ud800 was calm.") in csv_text([lone], store)


# -- the command line --------------------------------------------------------------------------------


def test_outlines_are_on_unless_asked_off():
    parse = build_parser().parse_args
    assert parse(["export", "a.txt", "--out", "x.kml"]).outlines is True
    assert parse(["export", "a.txt", "--out", "x.kml", "--outlines"]).outlines is True
    assert parse(["export", "a.txt", "--out", "x.kml", "--no-outlines"]).outlines is False
