"""Real PDF, Word, OpenDocument and EPUB files made in the tests: PDF and Word with the libraries mapviewer
reads them with, OpenDocument with odfpy, EPUB by the format's rules (a zip of XML and XHTML files)."""

from __future__ import annotations

import io
import zipfile

import docx
import odf.dc
import odf.text
from odf.opendocument import OpenDocumentText
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


def odt_bytes(paragraphs: list[str], title: str | None = None) -> bytes:
    """An OpenDocument text written by odfpy: the first paragraph a heading, the others paragraphs."""
    document = OpenDocumentText()
    if title:
        document.meta.addElement(odf.dc.Title(text=title))
    for n, text in enumerate(paragraphs):
        document.text.addElement(odf.text.H(outlinelevel=1, text=text) if n == 0 else odf.text.P(text=text))
    return odt_of(document)


def odt_of(document: OpenDocumentText) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of these members in this order (a ``mimetype`` member stored, as both formats want it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else compression)
    return out.getvalue()


def xhtml(body: str, title: str = "") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{title}</title></head><body>{body}</body></html>")


def epub_members(pages: list[str], title: str | None = None, creator: str | None = None,
                 date: str | None = None) -> dict[str, bytes | str]:
    """The files of an EPUB 3 book whose spine lists these XHTML pages in order (``OEBPS/Text/page-N.xhtml``;
    the manifest lists them in reverse, so the order can only come from the spine; its table of contents,
    ``nav.xhtml``, is in the manifest and not in the spine, as usual)."""
    metadata = "".join(f"<dc:{field}>{value}</dc:{field}>"
                       for field, value in (("title", title), ("creator", creator), ("date", date)) if value)
    items = "".join(f'<item id="p{n}" href="Text/page-{n}.xhtml" media-type="application/xhtml+xml"/>'
                    for n in reversed(range(len(pages))))
    nav = xhtml('<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol>'
                + "".join(f'<li><a href="Text/page-{n}.xhtml">Contents: page {n}</a></li>' for n in range(len(pages)))
                + "</ol></nav>")
    spine = "".join(f'<itemref idref="p{n}"/>' for n in range(len(pages)))
    return {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>"),
        "OEBPS/content.opf": (
            '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
            'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="id">urn:uuid:0</dc:identifier><dc:language>en</dc:language>{metadata}'
            '<meta property="dcterms:modified">2024-12-16T10:00:00Z</meta></metadata>'
            f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>{items}'
            f"</manifest><spine>{spine}</spine></package>"),
        "OEBPS/nav.xhtml": nav,
        **{f"OEBPS/Text/page-{n}.xhtml": page for n, page in enumerate(pages)},
    }


def epub_bytes(pages: list[str], title: str | None = None) -> bytes:
    return zip_bytes(epub_members(pages, title))
