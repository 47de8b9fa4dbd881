"""One range of a corpus geoparsed where it runs (a pool process, a Dask worker, or the parent itself): the
worker reads the range from the input, writes its predictions and its errors to part files, and returns
only counts, so no document and no result is pickled through the parent."""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MapviewerError
from ..export import prediction
from ..io import dumps_json
from ..model import Document
from .read import Range, Record, lines, parse_record

if TYPE_CHECKING:
    from ..pipeline import Geoparser

# One geoparser per thread of a process, kept between tasks: the store is opened once per worker (a Dask
# worker with several threads gets one per thread, since a geoparser's caches are not shared across threads).
_LOCAL = threading.local()


@dataclass(frozen=True)
class Task:
    """What a worker needs: where the input, the store and the part files are, and the geoparser's options."""

    corpus: Path
    store: Path
    parts: Path
    range: Range
    literal_only: bool = False


@dataclass(frozen=True)
class Done:
    """What a worker returns: counts, the CPU seconds of its thread for the range, its peak memory, and who
    it is (host, process, thread), so that a run can tell how evenly the work was shared."""

    index: int
    end: int
    lines: int
    documents: int
    words: int
    errors: int
    cpu: float
    peak_rss_kib: int
    worker: str


def part_paths(parts: Path, index: int) -> tuple[Path, Path]:
    """The predictions part and the errors part of range ``index``."""
    return parts / f"{index:09d}.jsonl", parts / f"{index:09d}.errors.jsonl"


def geoparser(store: Path, literal_only: bool = False) -> Geoparser:
    """This thread's geoparser over ``store``, made on first use."""
    cached: tuple[Path, bool, Geoparser] | None = getattr(_LOCAL, "geoparser", None)
    if cached is None or cached[:2] != (store, literal_only):
        from ..gazetteer.store import GazetteerStore
        from ..geoparse.config import GeoparserConfig
        from ..pipeline import Geoparser

        cached = (store, literal_only, Geoparser(GazetteerStore(store), GeoparserConfig(literal_only=literal_only)))
        _LOCAL.geoparser = cached
    return cached[2]


def geoparse_range(task: Task) -> Done:
    """Geoparse the records of one range into its part files (written whole, then renamed: a retried task
    on another Dask worker replaces a part, it never appends to one)."""
    cpu = time.thread_time()
    parser = geoparser(task.store, task.literal_only)
    out_path, err_path = part_paths(task.parts, task.range.index)
    documents = words = errors = count = 0
    with open(_tmp(out_path), "wb") as out, open(_tmp(err_path), "wb") as err:
        for count, _, line in lines(task.corpus, task.range.start, task.range.end):
            if not line.strip():
                continue
            record = parse_record(line, count)
            result = _predict(parser, record)
            if isinstance(result, str):
                err.write(_line({"line": count, "id": record.doc_id, "message": result}))
                errors += 1
            else:
                out.write(result[0])
                documents, words = documents + 1, words + result[1]
    _tmp(out_path).replace(out_path)
    _tmp(err_path).replace(err_path)
    return Done(task.range.index, task.range.end, count, documents, words, errors, time.thread_time() - cpu,
                _peak_rss_kib(), f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}")


def _predict(parser: Geoparser, record: Record) -> tuple[bytes, int] | str:
    """The prediction line of a record and its words, or what is wrong with the record."""
    if record.problem is not None or record.text is None or record.doc_id is None:
        return record.problem or "not a record"
    try:
        analysis = parser.analyse(Document(record.text))
    except MapviewerError:
        raise                  # the store is damaged or missing: every record would fail
    except Exception as e:     # a bug on one text must not cost the other records of a long run
        return f"record {record.doc_id!r}: geoparsing failed ({type(e).__name__}: {e})"
    return _line(prediction(record.doc_id, analysis)), len(record.text.split())


def _peak_rss_kib() -> int:
    """This process' peak memory; 0 where the system does not say (Windows has no ``resource``)."""
    try:
        import resource
    except ImportError:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak    # macOS counts bytes, Linux KiB


def _line(value: object) -> bytes:
    return (dumps_json(value) + "\n").encode("utf-8")


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".tmp")
