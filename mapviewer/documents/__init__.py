"""Readers turn files into Documents; one small reader per format, chosen by file suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ReaderError
from ..model import Document
from .html import read_html
from .text import read_markdown, read_text

Reader = Callable[[Path], Document]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}


def read_document(path: Path | str) -> Document:
    """Read ``path`` with the reader for its suffix; ReaderError says what went wrong."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReaderError(f"{path.name}: unsupported format {path.suffix or '(none)'!r}; "
                          f"mapviewer reads {', '.join(sorted(READERS))}")
    if not path.is_file():
        raise ReaderError(f"{path}: no such file")
    return reader(path)
