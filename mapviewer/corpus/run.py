"""A corpus run: ranges of the input go to workers, at most a few per worker at a time (memory stays
bounded whatever the input's size), and their parts are joined in input order as they come back."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, BinaryIO, ParamSpec, TypeVar

from ..io import dumps_json
from . import output
from .progress import Progress
from .read import ranges
from .work import Done, Task, geoparse_range, part_paths

_MIN_RANGE, _MAX_RANGE = 64 << 10, 4 << 20
_IN_FLIGHT_PER_WORKER = 2

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class CorpusJob:
    """A corpus, the gazetteer store, and where the predictions go (standard output when ``out`` is None)."""

    corpus: Path
    store: Path
    out: Path | None = None
    workers: int = 1
    resume: bool = False
    range_bytes: int | None = None    # default: some 16 ranges per worker, 64 KiB to 4 MiB each
    literal_only: bool = False        # only places as places (GeoparserConfig.literal_only)


@dataclass(frozen=True)
class Summary:
    """What a run did; ``worker_cpu`` is each worker's CPU seconds, ``peak_rss_kib`` the largest worker's peak."""

    documents: int
    words: int
    errors: int
    resumed: int
    seconds: float
    worker_cpu: tuple[float, ...]
    peak_rss_kib: int
    first_error: str | None
    errors_file: Path | None

    @property
    def cpu(self) -> float:
        """The workers' CPU seconds."""
        return sum(self.worker_cpu)

    @property
    def balance(self) -> float:
        """How evenly the work was shared: 1 when every worker was as busy as the busiest."""
        busiest = max(self.worker_cpu, default=0.0)
        return self.cpu / (len(self.worker_cpu) * busiest) if busiest else 1.0

    def line(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        text = (f"geoparsed {self.documents:,} documents ({self.words:,} words) in {self.seconds:.1f} s, "
                f"{rate:,.0f} words/s")
        if self.resumed:
            text += f"; {self.resumed:,} were already done"
        if self.errors:
            where = f" (see {self.errors_file})" if self.errors_file else ""
            text += f"; {self.errors:,} record{'s' if self.errors > 1 else ''} with errors{where}"
        return text


class _Inline(Executor):
    """Runs each task when it is submitted, in this process: one worker needs no pool."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def geoparse_corpus(job: CorpusJob, executor: Executor | None = None, workers: int | None = None) -> Summary:
    """Run ``job`` on ``executor`` (a Dask client's, say, with ``workers`` workers) or, by default, on
    ``job.workers`` local processes."""
    started = time.monotonic()
    files = output.Files(job.out) if job.out else None
    start = output.begin(files, job.corpus, job.resume) if files else output.Start()
    with _parts_folder(files) as parts, _executor(executor, job.workers) as pool, \
            _sink(files) as (out, err):
        joiner = _Joiner(job.corpus, out, err, start)
        n = workers or job.workers
        size = job.range_bytes or _range_bytes(job.corpus.stat().st_size - start.offset, n)
        progress = Progress(job.corpus.stat().st_size - start.offset)
        pending: deque[Future[Done]] = deque()
        try:
            for piece in ranges(job.corpus, start.offset, size):
                pending.append(pool.submit(geoparse_range, Task(job.corpus, job.store, parts, piece, job.literal_only)))
                while len(pending) >= n * _IN_FLIGHT_PER_WORKER or (pending and pending[0].done()):
                    joiner.join(pending.popleft().result(), parts, progress)
            while pending:
                joiner.join(pending.popleft().result(), parts, progress)
        finally:
            for future in pending:
                future.cancel()
            progress.close()
    if files:
        output.finish(files, joiner.errors)
    return Summary(joiner.documents, joiner.words, joiner.errors, start.documents, time.monotonic() - started,
                   tuple(joiner.cpu.values()), joiner.peak, joiner.first_error,
                   files.errors if files and joiner.errors else None)


def _range_bytes(size: int, workers: int) -> int:
    """Many ranges per worker (the last ones end together, so no worker waits long for the others), 64 KiB
    to 4 MiB each: a 10 GB corpus is some 2,500 ranges, each a few seconds of work."""
    return max(_MIN_RANGE, min(_MAX_RANGE, size // (workers * 16) + 1))


class _Joiner:
    """Appends the parts to the outputs in order, with line numbers of errors made absolute."""

    def __init__(self, corpus: Path, out: BinaryIO, err: BinaryIO | None, start: output.Start):
        self.corpus, self.out, self.err = corpus, out, err
        self.line, self.offset = start.line, start.offset
        self.documents = self.words = 0
        self.errors = start.errors
        self.cpu: dict[str, float] = {}
        self.peak = 0
        self.first_error: str | None = None

    def join(self, done: Done, parts: Path, progress: Progress) -> None:
        predictions, errors = part_paths(parts, done.index)
        # The part's errors before its predictions: a run killed between the two leaves errors of lines the
        # predictions do not reach yet, which --resume drops and finds again (output.begin); the other way
        # round, it would take the part as done and its errors would be lost.
        if done.errors:
            for error in _errors(errors):
                error["line"] += self.line
                self._error(error)
        with open(predictions, "rb") as f:
            shutil.copyfileobj(f, self.out)
        self.out.flush()
        predictions.unlink()
        errors.unlink()
        self.line += done.lines
        self.documents += done.documents
        self.words += done.words
        self.errors += done.errors
        self.cpu[done.worker] = self.cpu.get(done.worker, 0.0) + done.cpu
        self.peak = max(self.peak, done.peak_rss_kib)
        progress.update(done.end - self.offset, self.documents, self.words)

    def _error(self, error: dict[str, Any]) -> None:
        message = f"{self.corpus}:{error['line']}: {error['message']}"
        self.first_error = self.first_error or message
        if self.err is None:
            print(f"mapviewer: {message}", file=sys.stderr)
        else:
            self.err.write((dumps_json(error) + "\n").encode("utf-8"))
            self.err.flush()


def _errors(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as f:
        for line in f:
            value: dict[str, Any] = json.loads(line)
            yield value


@contextmanager
def _parts_folder(files: output.Files | None) -> Iterator[Path]:
    """Beside OUT (a cluster's workers can reach it there), or a temporary folder for standard output."""
    if files is None:
        with tempfile.TemporaryDirectory(prefix="mapviewer-parts-") as tmp:
            yield Path(tmp)
        return
    shutil.rmtree(files.parts, ignore_errors=True)
    files.parts.mkdir()
    try:
        yield files.parts
    finally:
        shutil.rmtree(files.parts, ignore_errors=True)


@contextmanager
def _executor(given: Executor | None, workers: int) -> Iterator[Executor]:
    if given is not None:
        yield given
    elif workers <= 1:
        yield _Inline()
    else:
        # Workers forked from here inherit what is imported: the geoparser's modules once, not once each.
        for module in ("mapviewer.pipeline", "mapviewer.gazetteer.store"):
            import_module(module)
        with ProcessPoolExecutor(workers) as pool:
            try:
                yield pool
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise


@contextmanager
def _sink(files: output.Files | None) -> Iterator[tuple[BinaryIO, BinaryIO | None]]:
    """The working files opened for appending, or standard output (errors then go to standard error)."""
    if files is None:
        yield sys.stdout.buffer, None
        return
    with open(files.partial, "ab") as out, open(files.errors_partial, "ab") as err:
        yield out, err
        os.fsync(out.fileno())
        os.fsync(err.fileno())
