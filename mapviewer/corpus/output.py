"""The files a corpus run leaves for the user, and how a run picks up where another stopped.

While a run works, predictions go to ``OUT.partial`` and errors to ``OUT's-stem.errors.jsonl.partial``,
appended one whole part at a time in input order, a part's errors before its predictions. Only a finished run
renames them to ``OUT`` and the errors file, the errors file first: a file named ``OUT`` is always complete,
an interrupted run leaves a ``.partial`` that says it is not. ``--resume`` continues the ``.partial`` (or a
finished ``OUT``, to add the records a corpus has gained): the predictions are read beside the input, in step,
so they must be the input's valid records in order (the ids skipped are the ids in the output, and memory
stays bounded); a last line without its newline is a write cut short and is dropped."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ReaderError
from ..io import check_target
from .read import lines, parse_record


@dataclass(frozen=True)
class Files:
    """Where a run with ``--out OUT`` writes."""

    out: Path

    @property
    def partial(self) -> Path:
        return self.out.with_name(self.out.name + ".partial")

    @property
    def errors(self) -> Path:
        return self.out.with_name(f"{self.out.stem}.errors{self.out.suffix or '.jsonl'}")

    @property
    def errors_partial(self) -> Path:
        return self.errors.with_name(self.errors.name + ".partial")

    @property
    def parts(self) -> Path:
        """Beside OUT, so that workers of a cluster that share the folder can write there."""
        return self.out.with_name(f".{self.out.name}.parts")

    def check(self, inputs: list[Path]) -> None:
        """None of the files may be an input, a link, a directory."""
        for path in (self.out, self.partial, self.errors, self.errors_partial):
            check_target(path, inputs)


@dataclass(frozen=True)
class Start:
    """Where a run begins: the input offset and the input lines, predictions and errors before it."""

    offset: int = 0
    line: int = 0
    documents: int = 0
    errors: int = 0


def begin(files: Files, corpus: Path, resume: bool) -> Start:
    """Make the working files: empty, or for ``resume`` the valid prefix of the last run's."""
    if resume and not files.partial.exists() and files.out.exists():
        shutil.copyfile(files.out, files.partial)
        if files.errors.exists():
            shutil.copyfile(files.errors, files.errors_partial)
    if not resume or not files.partial.exists():
        files.partial.write_bytes(b"")
        files.errors_partial.write_bytes(b"")
        return Start()
    start, kept = _resume_point(files.partial, corpus)
    with open(files.partial, "r+b") as f:
        f.truncate(kept)
    errors = _keep_errors(files.errors_partial, start.line)
    return Start(start.offset, start.line, start.documents, errors)


def finish(files: Files, errors: int) -> None:
    """The working files become the user's files, the predictions last."""
    if errors:
        files.errors_partial.replace(files.errors)
    else:
        files.errors_partial.unlink(missing_ok=True)
        files.errors.unlink(missing_ok=True)   # a stale one from an earlier run would mislead
    files.partial.replace(files.out)


def _resume_point(partial: Path, corpus: Path) -> tuple[Start, int]:
    """The input position after the last record the predictions hold, and the bytes of whole predictions."""
    done = _prediction_ids(partial)
    expected = next(done, None)
    start, kept = Start(), 0
    for n, end, line in lines(corpus, 0, corpus.stat().st_size):
        if expected is None:
            break
        record = parse_record(line, n) if line.strip() else None
        if record is not None and record.problem is None:
            if record.doc_id != expected[0]:
                raise ReaderError(f"cannot resume: {partial} does not follow {corpus} (line {n} is record "
                                  f"{record.doc_id!r}, the output has {expected[0]!r}); start again without --resume")
            kept = expected[1]
            expected = next(done, None)
        start = Start(end, n, start.documents + (record is not None and record.problem is None))
    if expected is not None:
        raise ReaderError(f"cannot resume: {partial} holds record {expected[0]!r}, which {corpus} does not hold "
                          "in that place; start again without --resume")
    return start, kept


def _prediction_ids(path: Path) -> Iterator[tuple[str, int]]:
    """(id, offset after the line) of each prediction; a damaged line other than a cut last one is an error."""
    for n, end, line in lines(path, 0, path.stat().st_size):
        if not line.endswith(b"\n"):
            return
        value = _json(line)
        if not (isinstance(value, dict) and isinstance(value.get("id"), str)
                and isinstance(value.get("places"), list)):
            raise ReaderError(f"cannot resume: {path}:{n} is not a prediction; start again without --resume")
        yield value["id"], end


def _keep_errors(path: Path, last_line: int) -> int:
    """Keep the errors of input lines up to ``last_line`` (the others are found again), return their number."""
    kept = 0
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out:
        for _, _, line in lines(path, 0, path.stat().st_size) if path.exists() else ():
            value = _json(line) if line.endswith(b"\n") else None
            if isinstance(value, dict) and isinstance(value.get("line"), int) and value["line"] <= last_line:
                out.write(line)
                kept += 1
    tmp.replace(path)
    return kept


def _json(line: bytes) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):
        return None
