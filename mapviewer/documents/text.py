"""Plain text and Markdown articles."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ReaderError
from ..model import Document
from ..text.titles import shorten

MAX_BYTES = 50_000_000


def read_bytes_as_text(path: Path) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what news text files are in practice."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ReaderError(f"{path.name}: too large ({path.stat().st_size / 1e6:.0f} MB; the limit is 50 MB)")
        data = path.read_bytes()
    except OSError as e:
        raise ReaderError(f"{path.name}: cannot read ({e.strerror or e})") from e
    if b"\x00" in data[:4096]:
        raise ReaderError(f"{path.name}: this is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _title(text: str, path: Path) -> str:
    """The first line, cut after a whole word (a lead paragraph is often the first line)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return shorten(first, 120) if first else path.stem


def read_text(path: Path) -> Document:
    text = read_bytes_as_text(path).replace("\r\n", "\n")
    return Document(text=text, title=_title(text, path), source=path.name)


_MD_HEADING = re.compile(r"^#{1,6}\s*", re.MULTILINE)


def read_markdown(path: Path) -> Document:
    """Markdown as written: offsets stay those of the file; only the title loses its '#'."""
    text = read_bytes_as_text(path).replace("\r\n", "\n")
    return Document(text=text, title=_MD_HEADING.sub("", _title(text, path)), source=path.name)
