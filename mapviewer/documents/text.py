"""Plain text and Markdown articles."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document
from ..text.titles import shorten
from .encoding import decode


def first_line(text: str, path: Path) -> str:
    """The first non-blank line cut after a whole word, as a title (a lead paragraph is often the first
    line), else the file's name."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return shorten(first, 120) if first else path.stem


def read_text(data: bytes, path: Path, charset: str | None = None) -> Document:
    """Plain text; ``charset`` is one its carrier declares (a web server's Content-Type)."""
    decoded = decode(data, path.name, charset)
    return Document(decoded.text, first_line(decoded.text, path), path.name, warnings=decoded.warnings)


_MD_HEADING = re.compile(r"^#{1,6}\s*", re.MULTILINE)


def read_markdown(data: bytes, path: Path) -> Document:
    """Markdown as written: offsets stay those of the text; only the title loses its '#'."""
    decoded = decode(data, path.name)
    return Document(decoded.text, _MD_HEADING.sub("", first_line(decoded.text, path)), path.name,
                    warnings=decoded.warnings)
