"""The core never imports Qt: everything but mapviewer.qt runs and is tested without a GUI."""

from __future__ import annotations

import subprocess
import sys

CORE = ["mapviewer.pipeline", "mapviewer.export", "mapviewer.mapping", "mapviewer.places", "mapviewer.corpus",
        "mapviewer.documents", "mapviewer.gazetteer", "mapviewer.cli"]


def test_core_modules_do_not_import_qt():
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE)
            + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
