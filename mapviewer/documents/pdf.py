"""PDF reports, by pypdf: the text of each page in reading order, page numbers and running headers or
footers (a line repeated at the top or bottom of most pages) left out, words hyphenated across line ends
rejoined, and the lines of a paragraph joined (a line break would end a sentence)."""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from pathlib import Path

import pypdf

from ..errors import ReaderError
from ..model import Document
from .encoding import normalise_newlines
from .text import first_line

logging.getLogger("pypdf").setLevel(logging.CRITICAL)   # a damaged file is reported once, as a ReaderError
_PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–(]?\s*\d{1,4}\s*(?:(?:/|of)\s*\d{1,4})?\s*[-–)]?", re.IGNORECASE)
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[a-zà-ÿ])")
_ENDS_SENTENCE = tuple(".!?:;\"”’»)")


def read_pdf(data: bytes, path: Path) -> Document:
    name = path.name
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReaderError(f"{name}: this PDF is protected by a password")
        pages = [normalise_newlines(page.extract_text() or "") for page in reader.pages]
        title = str(reader.metadata.get("/Title") or "") if reader.metadata else ""
    except ReaderError:
        raise
    except Exception as e:  # pypdf raises many kinds of errors on a damaged file; all mean the same to a user
        raise ReaderError(f"{name}: damaged or incomplete PDF ({type(e).__name__}: {e})"[:300]) from e
    if not pages:
        raise ReaderError(f"{name}: this PDF has no pages")
    if not any(page.strip() for page in pages):
        raise ReaderError(f"{name}: this PDF has no text layer (a scanned document?); mapviewer does not read images")
    text = _paragraphs(_without_furniture([page.splitlines() for page in pages]))
    return Document(text, title.strip() or first_line(text, path), name)


def _without_furniture(pages: list[list[str]]) -> list[str]:
    """Lines of every page without page numbers and without lines repeated at the top or bottom of most pages."""
    edges = Counter(line.strip() for lines in pages for line in {*lines[:2], *lines[-2:]} if line.strip())
    repeated = {line for line, n in edges.items() if len(pages) >= 3 and n >= len(pages) * 0.6}
    kept = []
    for lines in pages:
        for i, line in enumerate(lines):
            edge = i < 2 or i >= len(lines) - 2
            if edge and (line.strip() in repeated or _PAGE_NUMBER.fullmatch(line.strip())):
                continue
            kept.append(line.rstrip())
        kept.append("")
    return kept


def _paragraphs(lines: list[str]) -> str:
    """Lines joined into paragraphs: a line ends one when it is blank, ends a sentence or is short."""
    full = statistics.median([len(line.strip()) for line in lines if line.strip()] or [0])
    paragraphs: list[str] = []
    previous = ""
    for line in map(str.strip, lines):
        if previous and line and not previous.endswith(_ENDS_SENTENCE) and len(previous) >= 0.7 * full:
            paragraphs[-1] = _HYPHENATED.sub("", paragraphs[-1] + "\n" + line).replace("\n", " ")
        else:
            paragraphs.append(line)
        previous = line
    return "\n".join(p for p in paragraphs if p)
