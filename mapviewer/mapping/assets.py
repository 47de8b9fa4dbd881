"""Leaflet and Leaflet.markercluster from their installed xstatic packages, as data: URIs.

Inlined assets make one map file work offline with a double-click and in the desktop view alike;
nothing is fetched from a CDN. Images referenced by the stylesheets are inlined too.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

from ..bundled import resource

_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S+")
_CSS_URL = re.compile(r"url\((['\"]?)(images/[^)'\"]+)\1\)")


def _data_uri(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _script(path: Path) -> str:
    text = _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))
    return _data_uri("text/javascript", text.encode("utf-8"))


def _stylesheet(path: Path) -> str:
    def inline(m: re.Match) -> str:
        image = path.parent / m.group(2)
        return f"url({_data_uri('image/png', image.read_bytes())})" if image.exists() else "none"

    return _data_uri("text/css", _CSS_URL.sub(inline, path.read_text(encoding="utf-8")).encode("utf-8"))


@lru_cache(maxsize=1)
def map_js() -> list[tuple[str, str]]:
    """(name, data URI) of every script the map needs, in load order."""
    lf, mc = Path(leaflet.BASE_DIR), Path(markercluster.BASE_DIR)
    return [("leaflet", _script(lf / "leaflet.js")),
            ("leaflet.markercluster", _script(mc / "leaflet.markercluster.js"))]


@lru_cache(maxsize=1)
def map_css() -> list[tuple[str, str]]:
    lf, mc = Path(leaflet.BASE_DIR), Path(markercluster.BASE_DIR)
    return [("leaflet_css", _stylesheet(lf / "leaflet.css")),
            ("markercluster_css", _stylesheet(mc / "MarkerCluster.css")),
            ("markercluster_default_css", _stylesheet(mc / "MarkerCluster.Default.css"))]


@lru_cache(maxsize=2)
def own_file(name: str) -> str:
    """mapviewer's own script or stylesheet from resources/."""
    return resource(name).read_text(encoding="utf-8")
