"""The core never imports Qt: everything but mapviewer.qt runs and is tested without a GUI."""

from __future__ import annotations

import json
import subprocess
import sys

CORE = ["mapviewer.pipeline", "mapviewer.export", "mapviewer.mapping", "mapviewer.places", "mapviewer.corpus",
        "mapviewer.documents", "mapviewer.gazetteer", "mapviewer.cli"]


def test_core_modules_do_not_import_qt():
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE)
            + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _loaded_after(statement: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with ``prefixes`` that a new process has loaded after ``statement``."""
    code = (f"import json, sys\n{statement}\n"
            f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_values_load_no_library():
    assert _loaded_after("import mapviewer.model", ("shapely", "numpy", "geopy", "mapviewer.gazetteer")) == []


def test_geoparser_is_a_library_without_qt_folium_or_online_geocoders():
    heavy = ("PySide6", "shiboken6", "folium", "geopy")
    assert _loaded_after("from mapviewer import Geoparser", heavy) == []
    assert _loaded_after("import mapviewer.pipeline", heavy) == []
