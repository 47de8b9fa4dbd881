"""Reading a corpus in pieces: byte ranges that end at line ends (a worker reads its own range, the parent
never holds the text), and one record per line, validated with a message that says what is wrong."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import ReaderError

_BLOCK = 1 << 16


@dataclass(frozen=True)
class Range:
    """Bytes ``start``..``end`` of the input, whole lines. Its line numbers count from 1: the parent, which
    joins the parts in order, adds the lines of the ranges before it (no one has to count them ahead)."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    """A valid record, or the reason it is not one (``problem``), with its line within its range."""

    line: int
    doc_id: str | None
    text: str | None
    problem: str | None = None


def ranges(path: Path, start: int, size: int) -> Iterator[Range]:
    """Ranges of about ``size`` bytes from ``start`` to the end of the file, each ending after a newline (or at
    the end of the file). Only the bytes up to each line end are read, in blocks: a huge line costs no memory."""
    with _open(path) as f:
        total = f.seek(0, 2)
        index = 0
        while start < total:
            end = _line_end(f, min(start + size, total) - 1, total)
            yield Range(index, start, end)
            index, start = index + 1, end


def _line_end(f: BinaryIO, pos: int, total: int) -> int:
    """The offset after the first newline at or after ``pos`` (the end of the file when there is none)."""
    f.seek(pos)
    while pos < total:
        block = f.read(_BLOCK)
        found = block.find(b"\n")
        if found >= 0:
            return pos + found + 1
        pos += len(block)
    return total


def lines(path: Path, start: int, end: int) -> Iterator[tuple[int, int, bytes]]:
    """(line number from 1, offset after the line, bytes) of every line of a range; read line by line."""
    with _open(path) as f:
        f.seek(start)
        n, pos = 0, start
        while pos < end:
            line = f.readline(end - pos)
            if not line:
                return
            n, pos = n + 1, pos + len(line)
            yield n, pos, line


def parse_record(line: bytes, n: int) -> Record:
    """A line as a record: an object with a string ``text`` and a string or integer ``id``."""
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        return Record(n, None, None, f"not UTF-8 (byte {e.start + 1} of the line)")
    except json.JSONDecodeError as e:
        return Record(n, None, None, f"not JSON ({e.msg} at character {e.pos + 1})")
    except RecursionError:
        return Record(n, None, None, "JSON nested too deeply")
    if not isinstance(value, dict):
        return Record(n, None, None, f"expected a JSON object with 'id' and 'text', not {_json_type(value)}")
    doc_id, text = value.get("id"), value.get("text")
    valid_id = isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool)
    if not isinstance(text, str):
        what = "missing" if "text" not in value else f"{_json_type(text)}, not a string"
        return Record(n, str(doc_id) if valid_id else None, None, f"record {doc_id!r}: 'text' is {what}")
    if not valid_id:
        what = "missing" if "id" not in value else f"{_json_type(doc_id)}, not a string or an integer"
        return Record(n, None, None, f"'id' is {what}")
    return Record(n, str(doc_id), text)


def _json_type(value: Any) -> str:
    """What JSON calls the value: null, a number, an array..."""
    names = {type(None): "null", bool: "a boolean", int: "a number", float: "a number", str: "a string",
             list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _open(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")
    except OSError as e:
        raise ReaderError(f"cannot read {path}: {e.strerror or e}") from e
