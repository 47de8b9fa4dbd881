"""Command line: ``mapviewer [FILE...]`` opens the app; subcommands work without a window."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from .errors import MapviewerError

COMMANDS = ("gazetteer", "geoparse", "export")


def _progress_printer():
    start = time.monotonic()

    def report(message: str, fraction: float) -> None:
        print(f"[{time.monotonic() - start:5.1f}s {fraction:4.0%}] {message}", file=sys.stderr, flush=True)

    return report


def _gazetteer(args: argparse.Namespace) -> int:
    from .gazetteer.build import BUILDER_VERSION, build_store
    from .gazetteer.sources import data_version
    from .gazetteer.store import GazetteerStore, default_path, ensure_store

    path = default_path()
    if args.action == "build":
        print(f"building the gazetteer at {path}", file=sys.stderr)
        build_store(path, data_version(BUILDER_VERSION), _progress_printer())
    store = GazetteerStore(ensure_store(path, _progress_printer()))
    size = path.stat().st_size
    print(f"path     {store.path}\nversion  {store.meta.get('version')} (built {store.meta.get('built')})")
    print(f"size     {size / 1e6:.1f} MB")
    for kind, n in store.counts().items():
        print(f"{kind:8s} {n:,}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mapviewer", description="Every place an article mentions, on a map.")
    sub = parser.add_subparsers(dest="command", required=True)
    gaz = sub.add_parser("gazetteer", help="build or describe the offline gazetteer")
    gaz.add_argument("action", choices=("build", "info"))
    gaz.set_defaults(run=_gazetteer)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_parser().parse_args(argv)
            return args.run(args)
        from .app import run_app

        return run_app(argv)
    except MapviewerError as e:
        print(f"mapviewer: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
