"""Geoparse a corpus (JSON Lines of {"id", "text"}) into the prediction format the scorer reads.

Many documents are spread over worker processes, each opening the gazetteer once.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ReaderError
from .export import prediction
from .model import Document

if TYPE_CHECKING:
    from .pipeline import Geoparser

_GEOPARSER: Geoparser | None = None


def _init_worker(store_path: str) -> None:
    global _GEOPARSER
    from .gazetteer.store import GazetteerStore
    from .pipeline import Geoparser

    _GEOPARSER = Geoparser(GazetteerStore(Path(store_path)))


def _parse(item: tuple[str, str]) -> dict[str, Any]:
    doc_id, text = item
    assert _GEOPARSER is not None, "a worker geoparses only after _init_worker"
    return prediction(doc_id, _GEOPARSER.analyse(Document(text)))


def read_corpus(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every record; a record that is not one says which line it is on and what is wrong."""
    try:
        with open(path, "rb") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield _record(line, f"{path}:{n}")
    except OSError as e:
        raise ReaderError(f"cannot read {path}: {e.strerror or e}") from e


def _record(line: bytes, where: str) -> tuple[str, str]:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ReaderError(f"{where}: not UTF-8 (byte {e.start + 1} of the line)") from None
    except json.JSONDecodeError as e:
        raise ReaderError(f"{where}: not JSON ({e.msg} at character {e.pos + 1})") from None
    except RecursionError:
        raise ReaderError(f"{where}: JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise ReaderError(f"{where}: expected a JSON object with 'id' and 'text', not {_json_type(record)}")
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(text, str):
        what = "missing" if "text" not in record else f"{_json_type(text)}, not a string"
        raise ReaderError(f"{where}: record {doc_id!r}: 'text' is {what}")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        what = "missing" if "id" not in record else f"{_json_type(doc_id)}, not a string or an integer"
        raise ReaderError(f"{where}: 'id' is {what}")
    return str(doc_id), text


def _json_type(value: Any) -> str:
    """What JSON calls the value: null, a number, an array..."""
    names = {type(None): "null", bool: "a boolean", int: "a number", float: "a number", str: "a string",
             list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def geoparse_corpus(items: Iterable[tuple[str, str]], store_path: Path, workers: int | None = None,
                    progress: bool = True) -> Iterator[dict[str, Any]]:
    """Predictions in input order, computed on ``workers`` processes (default: all cores)."""
    items = list(items)
    workers = workers or min(os.cpu_count() or 1, max(1, len(items) // 20))
    if workers <= 1:
        _init_worker(str(store_path))
        results: Iterable[dict[str, Any]] = map(_parse, items)
    else:
        pool = ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(str(store_path),))
        results = pool.map(_parse, items, chunksize=4)
    for n, result in enumerate(results, 1):
        if progress and (n % 25 == 0 or n == len(items)):
            print(f"\rgeoparsed {n}/{len(items)} documents", end="\n" if n == len(items) else "",
                  file=sys.stderr, flush=True)
        yield result
