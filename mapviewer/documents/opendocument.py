"""OpenDocument text (.odt, LibreOffice Writer's format): headings and paragraphs in document order, one a
line, as the Word reader gives them (list items and table cells are paragraphs of their own); the title
from the document's metadata, else its first line.

The text is read from ``content.xml`` with ElementTree (through ``archive``: size-limited, no XML entities)
rather than loaded by odfpy: odfpy's loader reads every member its manifest lists into memory, builds a
pure-Python tree about twenty times slower, and prints a damaged part's whole XML on standard output, where
``mapviewer geoparse`` writes its results. Whitespace follows the format: runs of blanks in the XML are one
space, and ``text:s``, ``text:tab`` and ``text:line-break`` are the spaces, tabs and line breaks the author
typed. Footnotes and text frames anchored in a paragraph follow it as paragraphs of their own; comments
and the deleted text of tracked changes are not the document's text and are left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from ..errors import ReaderError
from ..model import Document
from .archive import Archive
from .encoding import normalise_newlines
from .text import first_line

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"     # also -template, -master, -web
_PARAGRAPHS = {f"{_TEXT}p", f"{_TEXT}h"}
_LEFT_OUT = {f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", f"{_OFFICE}annotation-end"}
_MAX_SPACES = 1000       # one text:s stands for this many spaces at most: a count is no reason to fill memory
_BLANKS = re.compile(r"[ \t\r\n]+")


def read_odt(data: bytes, path: Path) -> Document:
    name = path.name
    odt = Archive(data, name, "an OpenDocument text")
    if odt.has("mimetype"):
        media_type = odt.read("mimetype").decode("ascii", "replace").strip()
        if not media_type.startswith(_MEDIA_TYPE):
            raise odt.damaged(f"its type is {media_type[:80]!r}")
    if odt.has("META-INF/manifest.xml") and any(
            entry.get(f"{_MANIFEST}full-path") == "content.xml" and entry.find(f"{_MANIFEST}encryption-data")
            is not None for entry in odt.xml("META-INF/manifest.xml").iter(f"{_MANIFEST}file-entry")):
        raise ReaderError(f"{name}: this document is protected by a password")
    body = odt.xml("content.xml").find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise odt.damaged("content.xml has no text body")
    try:
        text = normalise_newlines("\n".join(p for p in _paragraphs(body) if p.strip()))
    except RecursionError as e:
        raise odt.damaged("content.xml is nested too deeply") from e
    title = odt.xml("meta.xml").findtext(f"{_OFFICE}meta/{_DC}title") if odt.has("meta.xml") else None
    return Document(text, (title or "").strip() or first_line(text, path), name)


def _paragraphs(element: Element) -> Iterator[str]:
    """The text of each heading and paragraph under ``element``, in document order."""
    for child in element:
        if child.tag in _LEFT_OUT:
            continue
        if child.tag in _PARAGRAPHS:
            anchored: list[Element] = []
            yield "".join(_inline(child, anchored)).strip(" ")
            for inner in anchored:
                yield from _paragraphs(inner)
        else:
            yield from _paragraphs(child)


def _inline(element: Element, anchored: list[Element]) -> Iterator[str]:
    """The characters of a paragraph; what holds paragraphs of its own (a footnote, a text frame) goes
    to ``anchored``, to follow it."""
    if element.text:
        yield _BLANKS.sub(" ", element.text)
    for child in element:
        if child.tag == f"{_TEXT}s":
            count = child.get(f"{_TEXT}c", "1")
            yield " " * (min(int(count), _MAX_SPACES) if count.isdecimal() and len(count) < 10 else 1)
        elif child.tag == f"{_TEXT}tab":
            yield "\t"
        elif child.tag == f"{_TEXT}line-break":
            yield "\n"
        elif child.tag in _LEFT_OUT:
            pass
        elif any(e.tag in _PARAGRAPHS for e in child.iter()):
            anchored.append(child)
        else:
            yield from _inline(child, anchored)
        if child.tail:
            yield _BLANKS.sub(" ", child.tail)
