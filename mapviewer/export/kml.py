"""KML 2.2 for Google Earth and Google My Maps: one placemark per place, its sentences in the description,
a region's or country's outline as polygons beside its point, a style per kind.

Written with ElementTree, so every text is escaped as XML. Google Earth renders a description as HTML:
each piece of document text in it is HTML-escaped first, and the only markup is ``<p>`` and ``<b>``.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

from ..gazetteer.store import GazetteerStore
from ..model import Analysis
from ..palette import KINDS
from ..places import UNCERTAIN, PlaceEntry, collect_places
from ..text.titles import page_title
from .fields import outline, place_fields, sentence_mentions

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

KML_NS = "http://www.opengis.net/kml/2.2"
DATA_FIELDS = ("kind", "region", "country", "country_code", "geonameid", "confidence", "mention_count", "status",
               "reviewed")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    """Characters XML 1.0 cannot carry (NUL, most control characters, lone surrogates) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = xml_text(str(text))
    return el


def _colour(rgb: str, alpha: int) -> str:
    """'#b03a2e' -> KML's aabbggrr."""
    return f"{alpha:02x}{rgb[5:7]}{rgb[3:5]}{rgb[1:3]}"


def _style_id(entry: PlaceEntry) -> str:
    kind = entry.place.kind if entry.place.kind in KINDS else "city"
    return f"{kind}-uncertain" if entry.confidence < UNCERTAIN else kind


def _styles(doc: ET.Element) -> None:
    """The map's colours and sizes by kind; uncertain places paler, as on the map."""
    for kind, style in KINDS.items():
        for suffix, icon_alpha, fill_alpha in (("", 0xFF, 0x33), ("-uncertain", 0x99, 0x1A)):
            s = _sub(doc, "Style", id=kind + suffix)
            icon = _sub(s, "IconStyle")
            _sub(icon, "color", _colour(style.colour, icon_alpha))
            _sub(icon, "scale", round(style.radius / 9, 2))
            line = _sub(s, "LineStyle")
            _sub(line, "color", _colour(style.colour, icon_alpha))
            _sub(line, "width", 2)
            _sub(_sub(s, "PolyStyle"), "color", _colour(style.colour, fill_alpha))


def description(entry: PlaceEntry, analyses: list[Analysis]) -> str:
    """The sentences that mention the place, one paragraph each, the mentions in bold."""
    paragraphs = []
    for (doc, index), refs in sentence_mentions(entry).items():
        text, sentence = analyses[doc].document.text, analyses[doc].sentences[index]
        parts, at = [], sentence.start
        for r in refs:
            start = max(at, r.mention.start)
            parts += [html.escape(text[at:start]), "<b>", html.escape(text[start:r.mention.end]), "</b>"]
            at = max(at, r.mention.end)
        parts.append(html.escape(text[at:sentence.end]))
        paragraphs.append("<p>" + "".join(parts) + "</p>")
    return "".join(paragraphs)


def _coordinates(coords: Any) -> str:
    return " ".join(f"{round(x, 5)},{round(y, 5)}" for x, y in coords)


def _geometry(parent: ET.Element, entry: PlaceEntry, shape: BaseGeometry | None) -> None:
    """A Point, or with an outline a MultiGeometry of the point and the outline's polygons."""
    if shape is not None:
        parent = _sub(parent, "MultiGeometry")
    _sub(_sub(parent, "Point"), "coordinates", f"{entry.place.lon},{entry.place.lat}")
    import shapely  # loaded by the export that draws outlines, not with the window's menus

    for poly in shapely.get_parts(shape) if shape is not None else ():
        if poly.geom_type != "Polygon":
            continue
        el = _sub(parent, "Polygon")
        _sub(_sub(_sub(el, "outerBoundaryIs"), "LinearRing"), "coordinates", _coordinates(poly.exterior.coords))
        for ring in poly.interiors:
            _sub(_sub(_sub(el, "innerBoundaryIs"), "LinearRing"), "coordinates", _coordinates(ring.coords))


def kml_text(analyses: list[Analysis], store: GazetteerStore, outlines: bool = True) -> str:
    """One Placemark per place in order of first mention: name, description, style, ``DATA_FIELDS`` as
    ExtendedData (attribute columns in My Maps and GDAL), its point and, with ``outlines``, its outline."""
    root = ET.Element("kml", xmlns=KML_NS)
    doc = _sub(root, "Document")
    _sub(doc, "name", page_title(analyses))
    _styles(doc)
    for e in collect_places(analyses, store):
        fields = place_fields(e, analyses)
        placemark = _sub(doc, "Placemark", id=f"place-{e.key}")
        _sub(placemark, "name", e.place.name)
        _sub(placemark, "description", description(e, analyses))
        _sub(placemark, "styleUrl", "#" + _style_id(e))
        data = _sub(placemark, "ExtendedData")
        for name in DATA_FIELDS:
            if fields[name] is not None:
                _sub(_sub(data, "Data", name=name), "value", fields[name])
        _geometry(placemark, e, outline(e, store) if outlines else None)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
