"""Projects: documents, the machine's analyses, the user's corrections, the map view and the UI state in
one file that reopens exactly as it was saved. The format is described in ``docs/PROJECT_FORMAT.md``.

A project is JSON with a ``format_version``. Each document holds its text and source, the machine's analysis
as it was (so a project reopens the same even with another gazetteer or geoparser) and every correction
with its time; the corrected analysis is always recomputed from the two (``corrections.apply_corrections``).

Writing is atomic (``io.write_atomic``: a temporary file beside the project, fsync, rename), so a crash
while saving leaves the previous project or the new one, never a mix. Reading treats the file as untrusted:
every value is checked for its type and range before it becomes a value of mapviewer, and anything wrong
is one :class:`ProjectError` that says where.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

from .corrections import ACTIONS, SCOPES, Correction, apply_corrections
from .errors import ExportError, ProjectError
from .io import dumps_json, write_atomic
from .model import Analysis, Candidate, Document, Mention, Place, Sentence

FORMAT = "mapviewer-project"
FORMAT_VERSION = 2
SUFFIX = ".mvproj"
MAX_BYTES = 512 * 1024 * 1024   # a project bigger than this is not one mapviewer wrote
_KINDS = ("literal", "adjective", "metonym")
_STATUSES = ("machine", "confirmed", "corrected", "added")
_PLACE_FIELDS = tuple(f.name for f in fields(Place))


@dataclass(frozen=True, slots=True)
class MapView:
    """Where the map looked: centre and zoom level."""

    lat: float
    lon: float
    zoom: float


@dataclass(frozen=True, slots=True)
class UiState:
    """What the window showed: the document in front and the selected place (a ``PlaceEntry.key``)."""

    document: int = 0
    place: str | None = None


@dataclass(frozen=True)
class ProjectDocument:
    """A document as the machine read it and as the user corrected it."""

    analysis: Analysis
    corrections: tuple[Correction, ...] = ()

    @cached_property
    def corrected(self) -> Analysis:
        """What every view and export shows."""
        return apply_corrections(self.analysis, self.corrections)

    def with_corrections(self, corrections: tuple[Correction, ...]) -> ProjectDocument:
        return ProjectDocument(self.analysis, corrections)


@dataclass(frozen=True)
class Project:
    documents: tuple[ProjectDocument, ...] = ()
    view: MapView | None = None
    ui: UiState = field(default_factory=UiState)

    @property
    def analyses(self) -> list[Analysis]:
        """The corrected analyses, in document order."""
        return [d.corrected for d in self.documents]


# -- writing ---------------------------------------------------------------------------------------------

def _place_table(doc: ProjectDocument) -> dict[Place, int]:
    table: dict[Place, int] = {}
    for m in doc.analysis.mentions:
        for p in (m.place, *(c.place for c in m.alternatives)):
            if p is not None:
                table.setdefault(p, len(table))
    for c in doc.corrections:
        if c.place is not None:
            table.setdefault(c.place, len(table))
    return table


def _document_json(doc: ProjectDocument) -> dict[str, Any]:
    a, places = doc.analysis, _place_table(doc)
    return {
        "title": a.document.title, "source": a.document.source, "text": a.document.text,
        "date": a.document.date, "byline": a.document.byline, "warnings": list(a.document.warnings),
        "path": None if a.document.path is None else str(a.document.path),
        "sentences": [[s.start, s.end] for s in a.sentences],
        "places": [[getattr(p, name) for name in _PLACE_FIELDS] for p in places],
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence, "kind": m.kind,
                      "place": None if m.place is None else places[m.place], "confidence": m.confidence,
                      "alternatives": [[places[c.place], c.score] for c in m.alternatives], "status": m.status}
                     for m in a.mentions],
        "corrections": [{"start": c.start, "end": c.end, "text": c.text, "action": c.action,
                         "place": None if c.place is None else places[c.place], "scope": c.scope, "time": c.time}
                        for c in doc.corrections],
    }


def project_json(project: Project) -> dict[str, Any]:
    """The project as the file holds it."""
    view = project.view
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "view": None if view is None else {"lat": view.lat, "lon": view.lon, "zoom": view.zoom},
            "ui": {"document": project.ui.document, "place": project.ui.place},
            "documents": [_document_json(d) for d in project.documents]}


def save_project(path: Path, project: Project) -> None:
    """Write ``project`` to ``path`` atomically: after a crash the file holds the old project or this one."""
    try:
        write_atomic(path, dumps_json(project_json(project), separators=(",", ":")))
    except ExportError as e:
        raise ProjectError(str(e)) from e


# -- reading ---------------------------------------------------------------------------------------------

T = TypeVar("T")


class _At:
    """A checked walk through untrusted JSON that names where a wrong value sits."""

    def __init__(self, value: Any, where: str = "project"):
        self.value, self.where = value, where

    def fail(self, problem: str) -> ProjectError:
        return ProjectError(f"{self.where}: {problem}")

    def __getitem__(self, key: str | int) -> _At:
        where = f"{self.where}[{key}]" if isinstance(key, int) else f"{self.where}.{key}"
        if isinstance(key, str):
            if not isinstance(self.value, dict) or key not in self.value:
                raise self.fail(f"missing {key!r}")
            return _At(self.value[key], where)
        items = self.array()
        if not -len(items) <= key < len(items):
            raise self.fail(f"expected at least {key + 1} items")
        return _At(items[key], where)

    def get(self, key: str) -> _At:
        """An optional field: null when absent."""
        return self[key] if isinstance(self.value, dict) and key in self.value else _At(None, f"{self.where}.{key}")

    def typed(self, kind: type[T], what: str) -> T:
        if not isinstance(self.value, kind) or isinstance(self.value, bool):
            raise self.fail(f"expected {what}, not {type(self.value).__name__}")
        return self.value

    def array(self) -> list[Any]:
        return self.typed(list, "a list")

    def items(self) -> list[_At]:
        return [_At(v, f"{self.where}[{i}]") for i, v in enumerate(self.array())]

    def text(self) -> str:
        return self.typed(str, "text")

    def integer(self, low: int = 0, high: int | None = None) -> int:
        n = self.typed(int, "a whole number")
        if n < low or (high is not None and n > high):
            raise self.fail(f"{n} is out of range")
        return n

    def number(self, low: float = -math.inf, high: float = math.inf) -> float:
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            x = float(self.value)
        else:
            x = self.typed(float, "a number")
        if not low <= x <= high:
            raise self.fail(f"{x} is out of range")
        return x

    def optional(self, read: Callable[[_At], T]) -> T | None:
        return None if self.value is None else read(self)

    def choice(self, options: tuple[str, ...]) -> str:
        value = self.text()
        if value not in options:
            raise self.fail(f"{value!r} is not one of {', '.join(options)}")
        return value


def _place(at: _At) -> Place:
    row = at.items()
    if len(row) != len(_PLACE_FIELDS):
        raise at.fail(f"expected {len(_PLACE_FIELDS)} fields of a place")
    ident, name, kind, country, admin1, region, lat, lon, population, geonameid, feature, located = row
    return Place(ident.integer(-(2 ** 62)), name.text(), kind.text(), country.optional(_At.text),
                 admin1.optional(_At.text), region.optional(_At.integer), lat.number(-90, 90), lon.number(-180, 180),
                 population.integer(), geonameid.optional(_At.integer), feature.text(), located.optional(_At.integer))


def _span(at: _At, text: str) -> tuple[int, int, str]:
    start, end = at["start"].integer(0, len(text)), at["end"].integer(0, len(text))
    if start >= end:
        raise at.fail(f"empty span {start}:{end}")
    return start, end, at["text"].text()


def _mention(at: _At, text: str, places: list[Place], sentences: int) -> Mention:
    start, end, surface = _span(at, text)

    def place(ref: _At) -> Place:
        return places[ref.integer(0, len(places) - 1)]

    alternatives = tuple(Candidate(place(pair[0]), pair[1].number(0, 1)) for pair in at["alternatives"].items())
    return Mention(start, end, surface, at["sentence"].integer(0, max(sentences - 1, 0)),
                   cast(Any, at["kind"].choice(_KINDS)), at["place"].optional(place), at["confidence"].number(0, 1),
                   alternatives, cast(Any, at.get("status").optional(lambda s: s.choice(_STATUSES)) or "machine"))


def _correction(at: _At, text: str, places: list[Place]) -> Correction:
    start, end, surface = _span(at, text)
    place = at["place"].optional(lambda ref: places[ref.integer(0, len(places) - 1)])
    try:
        return Correction(start, end, surface, cast(Any, at["action"].choice(ACTIONS)), place,
                          cast(Any, at["scope"].choice(SCOPES)), at["time"].text())
    except ValueError as e:
        raise at.fail(str(e)) from e


def _document(at: _At) -> ProjectDocument:
    text = at["text"].text()
    sentences = []
    for s in at["sentences"].items():
        start, end = s[0].integer(0, len(text)), s[1].integer(0, len(text))
        if start > end:
            raise s.fail(f"sentence {start}:{end} ends before it starts")
        sentences.append(Sentence(start, end))
    places = [_place(p) for p in at["places"].items()]
    mentions = tuple(_mention(m, text, places, len(sentences)) for m in at["mentions"].items())
    corrections = tuple(_correction(c, text, places) for c in at["corrections"].items())
    document = Document(text, at["title"].text(), at["source"].text(), at.get("date").optional(_At.text) or "",
                        at.get("byline").optional(_At.text) or "",
                        tuple(w.text() for w in at.get("warnings").optional(_At.items) or ()),
                        at.get("path").optional(lambda p: Path(p.text())))
    return ProjectDocument(Analysis(document, tuple(sentences), mentions), corrections)


def _project(at: _At) -> Project:
    documents = tuple(_document(d) for d in at["documents"].items())
    view = at.get("view").optional(lambda v: MapView(v["lat"].number(-90, 90), v["lon"].number(-360, 360),
                                                     v["zoom"].number(0, 30)))
    ui = at.get("ui")
    state = UiState() if ui.value is None else UiState(
        ui["document"].integer(0, max(len(documents) - 1, 0)), ui.get("place").optional(_At.text))
    return Project(documents, view, state)


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 (the first draft of the format) kept the map view as [lat, lon, zoom], had no UI state and
    no scope on corrections (every correction was of one mention), and stamped a correction's time as "at"."""
    view = data.get("view")
    data["view"] = dict(zip(("lat", "lon", "zoom"), view, strict=False)) if isinstance(view, list) else None
    data["ui"] = {"document": 0, "place": None}
    for doc in data.get("documents") or []:
        for c in (doc.get("corrections") or []) if isinstance(doc, dict) else []:
            if isinstance(c, dict):
                c.setdefault("scope", "mention")
                c["time"] = c.pop("at", "")
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_version_1}


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a project holds")


def parse_project(data: bytes, name: str = "project") -> Project:
    """The project in ``data``, from any format version mapviewer wrote; else a ProjectError naming what is
    wrong and where."""
    if len(data) > MAX_BYTES:
        raise ProjectError(f"{name} is too large to be a project ({len(data) / 1e6:.0f} MB)")
    try:
        raw = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as e:
        raise ProjectError(f"{name} is not a mapviewer project: not UTF-8 text ({e.reason} at byte {e.start})") from e
    except (ValueError, RecursionError) as e:
        raise ProjectError(f"{name} is damaged or not a mapviewer project: {e}") from e
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ProjectError(f"{name} is not a mapviewer project")
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(f"{name}: format_version must be a whole number from 1")
    if version > FORMAT_VERSION:
        raise ProjectError(f"{name} was saved by a newer mapviewer (project format {version}; this one reads up to "
                           f"{FORMAT_VERSION}); update mapviewer to open it")
    for v in range(version, FORMAT_VERSION):
        raw = MIGRATIONS[v](raw)
    return _project(_At(raw, name))


def load_project(path: Path) -> Project:
    """Read the project at ``path`` (see :func:`parse_project`)."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise ProjectError(f"cannot read {path}: {e.strerror or e}") from e
    return parse_project(data, Path(path).name)
