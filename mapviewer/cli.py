"""Command line: ``mapviewer [FILE...]`` opens the app; subcommands work without a window."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .errors import MapviewerError

COMMANDS = ("gazetteer", "geoparse", "export")


def _progress_printer():
    start = time.monotonic()

    def report(message: str, fraction: float) -> None:
        print(f"[{time.monotonic() - start:5.1f}s {fraction:4.0%}] {message}", file=sys.stderr, flush=True)

    return report


def _gazetteer(args: argparse.Namespace) -> int:
    from .gazetteer.lifecycle import default_path, ensure_store, rebuild
    from .gazetteer.store import GazetteerStore

    path = default_path()
    if args.action == "build":
        print(f"building the gazetteer at {path}", file=sys.stderr)
        rebuild(path, _progress_printer())
    store = GazetteerStore(ensure_store(path, _progress_printer()))
    size = path.stat().st_size
    print(f"path     {store.path}\nversion  {store.meta.get('version')} (built {store.meta.get('built')})")
    print(f"size     {size / 1e6:.1f} MB")
    for kind, n in store.counts().items():
        print(f"{kind:8s} {n:,}")
    return 0


def _geoparse(args: argparse.Namespace) -> int:
    import json

    from .corpus import geoparse_corpus, prediction, read_corpus
    from .gazetteer.lifecycle import ensure_store

    store_path = ensure_store(progress=_progress_printer())
    if args.jsonl:
        lines = (json.dumps(p, ensure_ascii=False) + "\n" for p in
                 geoparse_corpus(read_corpus(args.jsonl), store_path, workers=args.workers))
        _emit("".join(lines), args.out)
        return 0
    if not args.files:
        raise MapviewerError("geoparse needs FILE... or --jsonl IN.jsonl")
    store, analyses = _analyse_files(args.files, store_path)
    if args.format == "jsonl":
        _emit("".join(json.dumps(prediction(a.document.source, a), ensure_ascii=False) + "\n" for a in analyses),
              args.out)
        return 0
    from .export import csv_text, geojson

    text = csv_text(analyses, store) if args.format == "csv" else json.dumps(geojson(analyses, store), ensure_ascii=False)
    _emit(text, args.out)
    return 0


def _emit(text: str, out: Path | None) -> None:
    """Write to ``out`` atomically, or to standard output."""
    from .io import write_atomic

    if out:
        write_atomic(out, text)
    else:
        sys.stdout.write(text)


def _analyse_files(paths: list[Path], store_path: Path | None = None):
    from .documents import read_document
    from .gazetteer.lifecycle import ensure_store
    from .gazetteer.store import GazetteerStore
    from .pipeline import Geoparser

    store = GazetteerStore(store_path or ensure_store(progress=_progress_printer()))
    geoparser = Geoparser(store)
    return store, [geoparser.analyse(read_document(path)) for path in paths]


def _export(args: argparse.Namespace) -> int:
    from .export import export

    store, analyses = _analyse_files(args.files)
    export(analyses, store, args.out, outlines=args.outlines)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mapviewer", description="Every place an article mentions, on a map.")
    sub = parser.add_subparsers(dest="command", required=True)
    gaz = sub.add_parser("gazetteer", help="build or describe the offline gazetteer")
    gaz.add_argument("action", choices=("build", "info"))
    gaz.set_defaults(run=_gazetteer)
    geo = sub.add_parser("geoparse", help="find and resolve the places of articles or of a corpus")
    geo.add_argument("files", nargs="*", type=Path, help="articles (.txt, .md, .html)")
    geo.add_argument("--format", choices=("jsonl", "geojson", "csv"), default="jsonl")
    geo.add_argument("--jsonl", type=Path, help="a corpus: JSON Lines of {id, text}")
    geo.add_argument("--out", type=Path, help="output file (default: standard output)")
    geo.add_argument("--workers", type=int, help="processes for a corpus (default: all cores)")
    geo.set_defaults(run=_geoparse)
    exp = sub.add_parser("export", help="export the map of articles as HTML, GeoJSON or CSV")
    exp.add_argument("files", nargs="+", type=Path, help="articles (.txt, .md, .html)")
    exp.add_argument("--out", type=Path, required=True, help="OUT.html, OUT.geojson or OUT.csv")
    exp.add_argument("--outlines", action="store_true", help="GeoJSON: add region and country outlines")
    exp.set_defaults(run=_export)
    return parser


_STARTED = time.monotonic()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_parser().parse_args(argv)
            return args.run(args)
        from .qt.app import run_app

        return run_app(argv, _STARTED)
    except MapviewerError as e:
        print(f"mapviewer: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
