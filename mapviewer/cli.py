"""Command line: one parser for every command. ``mapviewer [FILE...]`` is ``mapviewer open [FILE...]``,
the desktop app; the other commands work without a window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import ExportError, MapviewerError

if TYPE_CHECKING:
    from .export import ExportFormat
    from .gazetteer.store import GazetteerStore
    from .model import Analysis, Progress

APP_COMMAND = "open"
COMMANDS = (APP_COMMAND, "gazetteer", "geoparse", "export", "project")
# The readable formats, for --help without importing the readers (a test checks it against documents.READERS).
ARTICLES = ".txt, .md, .html, .pdf, .docx, .odt, .epub, .eml"
SOURCES = f"articles ({ARTICLES}) or web addresses (http://, https://)"


def _progress_printer() -> Progress:
    start = time.monotonic()

    def report(message: str, fraction: float) -> None:
        print(f"[{time.monotonic() - start:5.1f}s {fraction:4.0%}] {message}", file=sys.stderr, flush=True)

    return report


def _gazetteer(args: argparse.Namespace) -> int:
    from .errors import DamagedStore
    from .gazetteer.lifecycle import default_path, ensure_detail, ensure_store, integrity_problem, rebuild_store
    from .gazetteer.store import REBUILD, GazetteerStore

    path = default_path()
    if args.action == "build":
        print(f"building the gazetteer at {path}", file=sys.stderr)
        rebuild_store(path, _progress_printer())
    ensure_store(path, _progress_printer())

    def check(file: Path) -> None:
        found = integrity_problem(file)          # a store damaged in the middle opens, and fails later
        if found:
            raise DamagedStore(f"the gazetteer at {file} is damaged; its integrity check found: {found}. {REBUILD}",
                               path)

    check(path)                                  # before its detail is built from it
    detail = ensure_detail(path, _progress_printer())
    if detail:
        check(detail)
    store = GazetteerStore(path)
    files = [path, *([detail] if detail else [])]
    lines = [f"path     {store.path}", *([f"detail   {detail} (the basemap's closer zooms)"] if detail else []),
             f"version  {store.meta.get('version')} (built {store.meta.get('built')})",
             f"size     {sum(f.stat().st_size for f in files) / 1e6:.1f} MB", "check    ok (PRAGMA quick_check)",
             *(f"{kind:8s} {n:,}" for kind, n in store.counts().items())]
    _emit("".join(line + "\n" for line in lines), None)
    return 0


def _geoparse(args: argparse.Namespace) -> int:
    from .export import FORMATS
    from .gazetteer.lifecycle import ensure_store
    from .io import check_target

    inputs = [*_files(args.files), *([args.jsonl] if args.jsonl else []), *([args.project] if args.project else [])]
    if args.jsonl:
        return _geoparse_corpus(args)
    if args.out:
        check_target(args.out, inputs)
    if not args.files and not args.project:
        raise MapviewerError("geoparse needs FILE..., --project FILE or --jsonl IN.jsonl")
    store, analyses = _analyses(args, ensure_store(progress=_progress_printer()))
    _with_basemap(store, FORMATS[args.format])
    _emit(FORMATS[args.format].render(analyses, store, True), args.out, inputs)
    return 0


def _with_basemap(store: GazetteerStore, fmt: ExportFormat) -> None:
    """A format that draws the basemap gets its closer zooms: on a first run they are built now."""
    from .gazetteer.lifecycle import ensure_detail

    if fmt.basemap and not store.detailed:
        ensure_detail(store.path, _progress_printer())
        store.attach_detail()


def _geoparse_corpus(args: argparse.Namespace) -> int:
    """A corpus, streamed; exit status 1 when some records had errors (the others are still geoparsed)."""
    from .corpus import CorpusJob, geoparse_corpus
    from .corpus.output import Files
    from .gazetteer.lifecycle import ensure_store

    if args.files:
        raise MapviewerError("geoparse takes FILE... or --jsonl IN.jsonl, not both")
    if args.resume and not args.out:
        raise MapviewerError("--resume needs --out: it continues the output file of an interrupted run")
    if args.out:
        Files(args.out).check([args.jsonl])
        if not args.resume and Files(args.out).partial.exists():
            print(f"starting afresh: {Files(args.out).partial} of an interrupted run is replaced "
                  "(--resume would continue it)", file=sys.stderr)
    if not args.jsonl.is_file():
        raise MapviewerError(f"cannot read {args.jsonl}: no such file")
    job = CorpusJob(args.jsonl, ensure_store(progress=_progress_printer()), args.out,
                    args.workers or os.cpu_count() or 1, args.resume, literal_only=args.literal_only)
    try:
        if args.dask or args.scheduler:
            from .corpus.dask import geoparse_on_dask

            summary = geoparse_on_dask(job, args.scheduler)
        else:
            summary = geoparse_corpus(job)
    except OSError as e:
        if args.out or e.filename:     # a file's error names the file; standard output's names none
            raise
        raise _stdout_failed(e) from None
    if summary.first_error and summary.errors_file:
        more = f" ({summary.errors - 1:,} more in {summary.errors_file})" if summary.errors > 1 else ""
        print(f"mapviewer: {summary.first_error}{more}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.errors else 0


def _emit(text: str, out: Path | None, inputs: Sequence[Path] = ()) -> None:
    """Write to ``out`` atomically (never over one of the ``inputs``), or to standard output."""
    from .io import write_atomic

    if out:
        write_atomic(out, text, inputs)
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as e:
        raise _stdout_failed(e) from None


def _stdout_failed(e: OSError) -> ExportError:
    """The error to report when standard output refused a write; nothing more will be written to it."""
    _discard_stdout()
    reason = "it was closed early (broken pipe)" if isinstance(e, BrokenPipeError) else e.strerror or str(e)
    return ExportError(f"cannot write to standard output: {reason}")


def _discard_stdout() -> None:
    """Nothing more can reach standard output; without this, Python's exit would fail on it again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):     # no file descriptor: stdout is not a real file
        os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _analyse_files(sources: list[Path | str], store_path: Path | None = None,
                   literal_only: bool = False) -> tuple[GazetteerStore, list[Analysis]]:
    from .documents import read_document
    from .documents.url import read_url
    from .gazetteer.lifecycle import ensure_store
    from .gazetteer.store import GazetteerStore
    from .geoparse.config import GeoparserConfig
    from .pipeline import Geoparser

    store = GazetteerStore(store_path or ensure_store(progress=_progress_printer()))
    geoparser = Geoparser(store, GeoparserConfig(literal_only=literal_only))
    documents = [read_document(s) if isinstance(s, Path) else read_url(s) for s in sources]
    for warning in (w for d in documents for w in d.warnings):
        print(f"mapviewer: warning: {warning}", file=sys.stderr)
    return store, [geoparser.analyse(document) for document in documents]


def _analyses(args: argparse.Namespace, store_path: Path | None = None) -> tuple[GazetteerStore, list[Analysis]]:
    """The corrected analyses of ``--project`` followed by those of the FILEs."""
    from .gazetteer.lifecycle import ensure_store
    from .gazetteer.store import GazetteerStore
    from .project import load_project

    store_path = store_path or ensure_store(progress=_progress_printer())
    project = load_project(args.project).analyses if args.project else []
    if not args.files:
        return GazetteerStore(store_path), project
    store, analyses = _analyse_files(args.files, store_path, literal_only=args.literal_only)
    return store, project + analyses


def _export(args: argparse.Namespace) -> int:
    from .export import export, format_for
    from .io import check_target

    if not args.files and not args.project:
        raise MapviewerError("export needs FILE... or --project FILE")
    check_target(args.out, [*_files(args.files), *([args.project] if args.project else [])])   # before the geoparsing
    store, analyses = _analyses(args)
    _with_basemap(store, format_for(args.out))
    export(analyses, store, args.out, outlines=args.outlines)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _project(args: argparse.Namespace) -> int:
    from .project import Project, ProjectDocument, save_project

    _, analyses = _analyse_files(args.files)
    save_project(args.out, Project(tuple(ProjectDocument(a) for a in analyses)))
    print(f"wrote {args.out} ({len(analyses)} document{'s' * (len(analyses) != 1)})", file=sys.stderr)
    return 0


def _open(args: argparse.Namespace) -> int:
    if args.screenshot is not None and not args.screenshot.absolute().parent.is_dir():
        raise MapviewerError(f"cannot write the screenshot {args.screenshot}: no folder {args.screenshot.parent}")
    # The store's opening first (on a first run, its build), then the core's imports, both on threads of
    # their own while Qt starts: the article's map is ready sooner.
    from .gazetteer.opening import StoreOpening

    opening = StoreOpening()
    opening.start()
    # Before PySide6 is imported: QtWebEngine's libraries load with it, the xcb plugin with the app.
    from .qt.preflight import check

    check()
    if args.files:
        from .warm import warm_up

        warm_up()
    from .qt.app import run_app

    return run_app(args, _STARTED, opening)


def _source(text: str) -> Path | str:
    """An article argument: a web address (http:// or https://, fetched on request) or a file's path."""
    from .web import is_web_address

    return text.strip() if is_web_address(text) else Path(text)


def _files(sources: list[Path | str]) -> list[Path]:
    """The files among the article arguments (what an output must never replace)."""
    return [s for s in sources if isinstance(s, Path)]


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, like 1280x800, not {text!r}") from None
    if not (100 <= w <= 10_000 and 100 <= h <= 10_000):
        raise argparse.ArgumentTypeError("width and height must be between 100 and 10000")
    return w, h


LITERAL_ONLY_HELP = "only places as places: drop adjectives (\"Ukrainian\") and metonyms (\"Moscow said\")"


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    parser = argparse.ArgumentParser(
        prog="mapviewer", description="Every place an article mentions, on a map.",
        epilog="Without a command, mapviewer opens the desktop app: mapviewer [FILE...] is mapviewer open [FILE...].")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    app = sub.add_parser(APP_COMMAND, help="open articles in the desktop app (the default command)")
    app.add_argument("files", nargs="*", type=_source, help=f"{SOURCES} to open")
    app.add_argument("--screenshot", type=Path, metavar="OUT.png",
                     help="render the window once the map has loaded, save it as a PNG and exit")
    app.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH",
                     help="window size for --screenshot (default 1280x800)")
    app.set_defaults(run=_open)
    gaz = sub.add_parser("gazetteer", help="build or describe the offline gazetteer")
    gaz.add_argument("action", choices=("build", "info"))
    gaz.set_defaults(run=_gazetteer)
    geo = sub.add_parser("geoparse", help="find and resolve the places of articles or of a corpus")
    geo.add_argument("files", nargs="*", type=_source, help=SOURCES)
    geo.add_argument("--format", choices=list(FORMATS), default="jsonl", help="output format (default jsonl)")
    geo.add_argument("--jsonl", type=Path, help="a corpus: JSON Lines of {id, text}")
    geo.add_argument("--project", type=Path, metavar="FILE.mvproj", help="a project's documents, as corrected")
    geo.add_argument("--out", type=Path, help="output file (default: standard output)")
    geo.add_argument("--workers", type=_positive, help="processes for a corpus (default: all cores)")
    geo.add_argument("--literal-only", action="store_true", help=LITERAL_ONLY_HELP)
    geo.add_argument("--resume", action="store_true",
                     help="continue an interrupted corpus run: keep the records already in OUT.partial (or OUT)")
    cluster = geo.add_mutually_exclusive_group()
    cluster.add_argument("--dask", choices=("local",),
                         help="run the corpus on a Dask LocalCluster of --workers processes (needs mapviewer[dask])")
    cluster.add_argument("--scheduler", metavar="ADDRESS",
                         help="run the corpus on the Dask cluster at ADDRESS, e.g. tcp://10.0.0.5:8786")
    geo.set_defaults(run=_geoparse)
    suffixes = ", ".join(f"OUT{f.suffixes[0]}" for f in FORMATS.values())
    exp = sub.add_parser("export", help="export the map of articles: " + ", ".join(FORMATS))
    exp.add_argument("files", nargs="*", type=_source, help=SOURCES)
    exp.add_argument("--project", type=Path, metavar="FILE.mvproj", help="a project's documents, as corrected")
    exp.add_argument("--out", type=Path, required=True, help=f"the format follows the suffix: {suffixes}")
    exp.add_argument("--literal-only", action="store_true", help=LITERAL_ONLY_HELP)
    exp.add_argument("--outlines", action=argparse.BooleanOptionalAction, default=True,
                     help="KML and GeoJSON: region and country outlines beside the points (default: on)")
    exp.set_defaults(run=_export)
    proj = sub.add_parser("project", help="make a project of articles, to review in the app")
    proj_sub = proj.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = proj_sub.add_parser("new", help="geoparse articles into a new project: project new OUT.mvproj FILE...")
    new.add_argument("out", type=Path, metavar="OUT.mvproj")
    new.add_argument("files", nargs="+", type=_source, help=SOURCES)
    new.set_defaults(run=_project)
    return parser


def _with_command(argv: list[str]) -> list[str]:
    """``mapviewer FILE...`` and ``mapviewer --screenshot …`` mean ``mapviewer open …``."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        return [APP_COMMAND, *argv]
    return argv


_STARTED = time.monotonic()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_with_command(argv))
    try:
        code: int = args.run(args)
        return code
    except MapviewerError as e:
        print(f"mapviewer: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # the system refused something no check foresaw: still one line, no traceback
        where = f"{e.filename}: " if e.filename else ""
        print(f"mapviewer: {where}{e.strerror or e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
