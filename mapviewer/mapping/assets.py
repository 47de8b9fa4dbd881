"""Leaflet and Leaflet.markercluster from their installed xstatic packages, and mapviewer's own files.

Everything a map page needs is inlined into it, so one file works offline with a double-click and in
the desktop view alike; nothing is fetched from a CDN. Images referenced by the stylesheets become
data: URIs.
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
    return _SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))


def _stylesheet(path: Path) -> str:
    def inline(m: re.Match[str]) -> str:
        image = path.parent / m.group(2)
        return f"url({_data_uri('image/png', image.read_bytes())})" if image.exists() else "none"

    return _CSS_URL.sub(inline, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def map_scripts() -> tuple[str, ...]:
    """The source of every library script the map needs, in load order."""
    lf, mc = Path(leaflet.BASE_DIR), Path(markercluster.BASE_DIR)
    return _script(lf / "leaflet.js"), _script(mc / "leaflet.markercluster.js")


@lru_cache(maxsize=1)
def map_stylesheets() -> tuple[str, ...]:
    lf, mc = Path(leaflet.BASE_DIR), Path(markercluster.BASE_DIR)
    return (_stylesheet(lf / "leaflet.css"), _stylesheet(mc / "MarkerCluster.css"),
            _stylesheet(mc / "MarkerCluster.Default.css"))


@lru_cache(maxsize=8)
def own_file(name: str) -> str:
    """mapviewer's own script or stylesheet from resources/."""
    return resource(name).read_text(encoding="utf-8")
