"""``mapviewer [FILE...]``: geoparse the files and list their places."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .documents import read_document
from .gazetteer.store import GazetteerStore, ensure_store
from .pipeline import Geoparser


def print_places(paths: list[Path]) -> None:
    def report(message: str, fraction: float) -> None:
        print(f"gazetteer: {message} ({fraction:.0%})", file=sys.stderr, flush=True)

    geoparser = Geoparser(GazetteerStore(ensure_store(progress=report)))
    for path in paths:
        analysis = geoparser.analyse(read_document(path))
        print(f"{path.name}: {len(analysis.places())} places, {len(analysis.mentions)} mentions")
        for mentions in analysis.places().values():
            p = mentions[0].place
            print(f"  {p.name:28s} {p.kind:9s} {p.country or '':3s} {p.lat:9.4f} {p.lon:10.4f} "
                  f"x{len(mentions):<3d} {max(m.confidence for m in mentions):.2f}  "
                  f"{', '.join(sorted({m.text for m in mentions}))}")


def run_app(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="mapviewer", description="Every place an article mentions, on a map.")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    print_places(args.files)
    return 0
