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
from typing import Any

from .errors import ReaderError
from .export import prediction
from .model import Document

_GEOPARSER = None


def _init_worker(store_path: str) -> None:
    global _GEOPARSER
    from .gazetteer.store import GazetteerStore
    from .pipeline import Geoparser

    _GEOPARSER = Geoparser(GazetteerStore(Path(store_path)))


def _parse(item: tuple[str, str]) -> dict[str, Any]:
    doc_id, text = item
    return prediction(doc_id, _GEOPARSER.analyse(Document(text)))


def read_corpus(path: Path) -> Iterator[tuple[str, str]]:
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    yield str(record["id"]), str(record["text"])
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    raise ReaderError(f"{path}:{n}: expected a JSON object with 'id' and 'text' ({e})") from e
    except OSError as e:
        raise ReaderError(f"cannot read {path}: {e.strerror or e}") from e


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
