"""A copy of the real gazetteer damaged in the middle, as a failing disk or an interrupted copy leaves one:
its header, schema and meta table intact (so it opens and passes the checks made on opening), every 40th
page from the tenth onward overwritten — each table of any size has damaged pages."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path


def damaged_copy(store: Path, folder: Path) -> Path:
    path = folder / store.name          # the same name: the same data version, trusted on opening
    shutil.copyfile(store, path)
    with open(path, "r+b") as f:
        page_size = struct.unpack(">H", f.read(18)[16:18])[0]
        pages = path.stat().st_size // page_size
        for page in range(pages // 10, pages, 40):
            f.seek(page * page_size)
            f.write(b"\xff" * page_size)
    return path
