"""Readers turn files into Documents: :data:`READERS`, one entry per type of document, each read by a small
module of its own; a file's suffix selects its type. Every reader gets the file's bytes (read once, by
``files.read_file``) and returns a Document or raises ReaderError — nothing else, whatever the bytes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path

from ..errors import ReaderError
from ..model import Document
from .files import MAX_BYTES, read_file
from .text import read_markdown, read_text

__all__ = ["MAX_BYTES", "READERS", "SUFFIXES", "DocumentType", "read_document", "type_for"]


@dataclass(frozen=True, slots=True)
class DocumentType:
    """A kind of document mapviewer reads: its name, what the file dialog calls it, its suffixes, its reader."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    read: Callable[[bytes, Path], Document]


def _on_first_use(module: str, name: str) -> Callable[[bytes, Path], Document]:
    """The reader ``name`` of the module ``module`` here, imported (with its library: trafilatura, pypdf,
    python-docx, defusedxml) when a file of its type is first read: opening a text file at launch loads none of them."""
    def read(data: bytes, path: Path) -> Document:
        reader: Callable[[bytes, Path], Document] = getattr(import_module(f"{__name__}.{module}"), name)
        return reader(data, path)

    read.__name__ = read.__qualname__ = name
    return read


READERS: dict[str, DocumentType] = {t.name: t for t in (
    DocumentType("text", "Plain text", (".txt", ".text"), read_text),
    DocumentType("markdown", "Markdown", (".md", ".markdown"), read_markdown),
    DocumentType("html", "Saved web page", (".html", ".htm"), _on_first_use("html", "read_html")),
    DocumentType("pdf", "PDF", (".pdf",), _on_first_use("pdf", "read_pdf")),
    DocumentType("docx", "Word document", (".docx",), _on_first_use("word", "read_docx")),
    DocumentType("odt", "OpenDocument text", (".odt",), _on_first_use("opendocument", "read_odt")),
    DocumentType("epub", "EPUB book", (".epub",), _on_first_use("epub", "read_epub")),
    DocumentType("eml", "E-mail", (".eml",), _on_first_use("mail", "read_eml")),
)}
SUFFIXES: tuple[str, ...] = tuple(s for t in READERS.values() for s in t.suffixes)


def type_for(path: Path) -> DocumentType:
    """The type ``path``'s suffix names; the error lists the suffixes mapviewer reads."""
    suffix = path.suffix.lower()
    for t in READERS.values():
        if suffix in t.suffixes:
            return t
    raise ReaderError(f"{path.name}: unsupported format {path.suffix or '(none)'!r}; "
                      f"mapviewer reads {', '.join(SUFFIXES)}")


def read_document(path: Path | str) -> Document:
    """Read ``path`` with the reader for its type; ReaderError says what went wrong."""
    path = Path(path)
    document = type_for(path).read(read_file(path), path)
    if not document.text.strip():
        raise ReaderError(f"{path}: no text (the file is empty or holds no readable text)")
    return replace(document, path=path)
