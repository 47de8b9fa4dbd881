"""Word documents (.docx), by python-docx: paragraphs and table cells in document order. python-docx gets
the file repacked from members read within the size limit (``archive``): it would unpack a zip bomb whole."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.table import Table

from ..errors import ReaderError
from ..model import Document
from .archive import Archive
from .encoding import normalise_newlines
from .text import first_line


def read_docx(data: bytes, path: Path) -> Document:
    bounded = Archive(data, path.name, "a Word document").repacked()   # python-docx unpacks members whole
    try:
        word = docx.Document(io.BytesIO(bounded))
        text = normalise_newlines("\n".join(_blocks(word)))
        title = word.core_properties.title or ""
    except Exception as e:  # a damaged zip or XML raises many kinds of errors; all mean the same to a user
        raise ReaderError(f"{path.name}: damaged or not a Word document ({type(e).__name__}: {e})"[:300]) from e
    return Document(text, title.strip() or first_line(text, path), path.name)


def _blocks(word: WordDocument) -> list[str]:
    out: list[str] = []
    for block in word.iter_inner_content():
        if isinstance(block, Table):
            out.extend(cell.text for row in block.rows for cell in row.cells)
        else:
            out.append(block.text)
    return [b for b in out if b.strip()]
