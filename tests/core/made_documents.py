"""Real PDF and Word files made in the tests, with the libraries mapviewer reads them with."""

from __future__ import annotations

import io

import docx
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def pdf_bytes(pages: list[list[str]], password: str | None = None, title: str | None = None) -> bytes:
    """A PDF whose pages show these lines (Helvetica, top to bottom); a page without lines has no text."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        shown = "".join(f"({_escaped(line)}) Tj T* " for line in lines)
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 11 Tf 14 TL 72 740 Td {shown}ET".encode("cp1252"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if title:
        writer.add_metadata({"/Title": title})
    if password:
        writer.encrypt(password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _escaped(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def docx_bytes(paragraphs: list[str], table: list[list[str]] = (), title: str | None = None) -> bytes:
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    if table:
        grid = word.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if title:
        word.core_properties.title = title
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
