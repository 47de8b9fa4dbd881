"""The readers of documents that are zip archives, OpenDocument text (.odt) and EPUB (.epub), and their rows
of the bad-input table: real files (ODT written by odfpy, EPUB by the format's rules), then damaged, foreign,
incomplete, protected and hostile ones — zip bombs, XML bombs, addresses leading out of the book, template
and script payloads. Each is a Document or one clear ReaderError, in bounded time and memory."""

from __future__ import annotations

import functools
import io
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import odf.dc
import odf.namespaces
import odf.office
import odf.table
import odf.text
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from odf.opendocument import OpenDocumentText

from mapviewer.documents import MAX_BYTES, READERS
from mapviewer.errors import ReaderError

from ..hostile import JINJA, MARKUP, article, no_marker_created
from .made_documents import docx_bytes, epub_bytes, epub_members, odt_bytes, odt_of, xhtml, zip_bytes
from .test_bad_input import _read, _refused

STORM = ["Storm hits Lyon", "Rescue teams from Grenoble and Marseille reached Lyon on Monday.",
         "Trains to Paris were cancelled for the evening."]
CONTENT = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
           "<office:body><office:text>{}</office:text></office:body></office:document-content>")
ODT_TYPE = "application/vnd.oasis.opendocument.text"
# Ten levels of ten: a billion "lol"s if a parser expanded them.
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)) + "]>")
OUTSIDE_FILE = '<!DOCTYPE x [<!ENTITY outside SYSTEM "file:///etc/passwd">]>'


def _odt_members(body: str, **more: bytes | str) -> dict[str, bytes | str]:
    """An OpenDocument text's members by hand, for what odfpy would not write."""
    return {"mimetype": ODT_TYPE, "content.xml": CONTENT.format(body), **more}


def _with_member_of_size(members: dict[str, bytes | str], name: str, size: int) -> bytes:
    """The zip of ``members`` in which ``name`` is ``size`` bytes of blanks (deflated to a thousandth),
    streamed in: the test holds no such member either."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            if member != name:
                archive.writestr(member, data, zipfile.ZIP_STORED if member == "mimetype" else None)
        with archive.open(name, "w") as f:
            for _ in range(size // 1_000_000):
                f.write(b" " * 1_000_000)
    return out.getvalue()


def _declaring(data: bytes, size: int, declared: int) -> bytes:
    """``data`` (a zip with one member of ``size`` bytes) with that member's size declared as ``declared``."""
    real = struct.pack("<I", size)
    assert data.count(real) == 2            # the local header and the central directory
    return data.replace(real, struct.pack("<I", declared))


def _bounded(name: str, data: bytes) -> str:
    """The reader's message for ``data``, which must come within half a second and 5 MB of memory (the
    reader's own: reading a file allocates room for the largest one at first)."""
    reader = READERS[name.rpartition(".")[2]]
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(ReaderError) as e:
            reader.read(data, Path(name))
        assert time.monotonic() - start < 0.5
        assert tracemalloc.get_traced_memory()[1] < 5_000_000
    finally:
        tracemalloc.stop()
    return str(e.value)


# -- OpenDocument text ---------------------------------------------------------------------------------------
def test_odt_headings_paragraphs_lists_tables_and_notes_in_order(tmp_path):
    document = OpenDocumentText()
    document.meta.addElement(odf.dc.Title(text="Storm report"))
    changes = odf.text.TrackedChanges()
    region = odf.text.ChangedRegion(qattributes={(odf.namespaces.XMLNS, "id"): "c1"})
    deletion = odf.text.Deletion()
    deletion.addElement(odf.office.ChangeInfo())
    deletion.addElement(odf.text.P(text="Deleted: talks in Madrid."))
    region.addElement(deletion)
    changes.addElement(region)
    document.text.addElement(changes)
    document.text.addElement(odf.text.H(outlinelevel=1, text="Storm hits Lyon"))
    lead = odf.text.P(text="Rescue teams from Grenoble")
    lead.addElement(odf.text.S(c=2))
    lead.addText("reached\u00a0Lyon.")
    note = odf.text.Note(noteclass="footnote")
    note.addElement(odf.text.NoteCitation(text="1"))
    note_body = odf.text.NoteBody()
    note_body.addElement(odf.text.P(text="Figures from officials in Marseille."))
    note.addElement(note_body)
    lead.addElement(note)
    lead.addText(" Trains to")
    lead.addElement(odf.text.LineBreak())
    lead.addText("Paris were cancelled.")
    document.text.addElement(lead)
    towns = odf.text.List()
    for town in ("Kyiv", "Lviv"):
        item = odf.text.ListItem()
        item.addElement(odf.text.P(text=town))
        towns.addElement(item)
    document.text.addElement(towns)
    table = odf.table.Table()
    table.addElement(odf.table.TableColumn(numbercolumnsrepeated=2))
    row = odf.table.TableRow()
    for town in ("Odesa", "Dnipro"):
        cell = odf.table.TableCell()
        cell.addElement(odf.text.P(text=town))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    comment = odf.office.Annotation()
    comment.addElement(odf.text.P(text="Editor: check Oslo"))
    remark = odf.text.P(text="Talks in Geneva went on.")
    remark.addElement(comment)
    document.text.addElement(remark)
    read = _read(tmp_path, "storm.odt", odt_of(document))
    assert read.text == ("Storm hits Lyon\nRescue teams from Grenoble  reached\u00a0Lyon. Trains to\nParis were "
                         "cancelled.\nFigures from officials in Marseille.\nKyiv\nLviv\nOdesa\nDnipro\n"
                         "Talks in Geneva went on.")
    assert (read.title, read.source, read.warnings) == ("Storm report", "storm.odt", ())


def test_odt_without_a_title_is_named_by_its_first_line(tmp_path):
    assert _read(tmp_path, "storm.odt", odt_bytes(STORM)).title == "Storm hits Lyon"


def test_odt_blanks_in_the_xml_are_one_space(tmp_path):
    body = "<text:p>\n  Talks   in\tParis <text:span>went\n on</text:span>.<text:s text:c='x'/></text:p>"
    assert _read(tmp_path, "a.odt", zip_bytes(_odt_members(body))).text == "Talks in Paris went on."


def test_odt_places_are_found(tmp_path, geoparser):
    document = _read(tmp_path, "storm.odt", odt_bytes(STORM))
    analysis = geoparser.analyse(document)
    names = {m.place.name for m in analysis.mentions if m.place}
    assert {"Lyon", "Grenoble", "Marseille", "Paris"} <= names
    assert all(document.text[m.start:m.end] == m.text for m in analysis.mentions)


# -- EPUB ----------------------------------------------------------------------------------------------------
def _pages() -> list[str]:
    return [xhtml("<h1>Storm hits Lyon</h1><p>Rescue teams from Grenoble &amp; Marseille reached Lyon.</p>"
                  "<script>var city = 'Berlin';</script><style>p { color: red }</style>", "Chapter 1"),
            xhtml("<p>Trains to\n   Paris were cancelled.</p><p>Talks in Kyiv<br/>went on.</p>")]


def test_epub_pages_in_spine_order_with_the_package_metadata(tmp_path):
    members = epub_members(_pages(), title="The storm", creator="Jane Doe", date="2024-12-16")
    document = _read(tmp_path, "storm.epub", zip_bytes(members))
    assert document.text == ("Storm hits Lyon\nRescue teams from Grenoble & Marseille reached Lyon.\n"
                             "Trains to Paris were cancelled.\nTalks in Kyiv\nwent on.")
    assert (document.title, document.byline, document.date) == ("The storm", "Jane Doe", "2024-12-16")
    assert document.warnings == ()


def test_epub_without_a_title_is_named_by_its_first_line(tmp_path):
    assert _read(tmp_path, "storm.epub", epub_bytes(_pages())).title == "Storm hits Lyon"


def test_epub_non_linear_and_non_page_items_are_left_out_and_addresses_are_decoded(tmp_path):
    members = epub_members(_pages())
    members["OEBPS/Text/page 1.xhtml"] = members.pop("OEBPS/Text/page-1.xhtml")
    members["OEBPS/notes.xhtml"] = xhtml("<p>Note: Oslo</p>")
    members["OEBPS/content.opf"] = (
        members["OEBPS/content.opf"].replace("Text/page-1.xhtml", "Text/page%201.xhtml#start")
        .replace("</manifest>", '<item id="n" href="notes.xhtml" media-type="application/xhtml+xml"/>'
                                '<item id="c" href="cover.svg" media-type="image/svg+xml"/></manifest>')
        .replace("</spine>", '<itemref idref="n" linear="no"/><itemref idref="c"/><itemref idref="gone"/></spine>'))
    document = _read(tmp_path, "storm.epub", zip_bytes(members))
    assert document.text.endswith("Talks in Kyiv\nwent on.") and "Oslo" not in document.text
    assert document.warnings == ()


def test_epub_places_are_found(tmp_path, geoparser):
    document = _read(tmp_path, "storm.epub", epub_bytes(_pages()))
    analysis = geoparser.analyse(document)
    names = {m.place.name for m in analysis.mentions if m.place}
    assert {"Lyon", "Grenoble", "Marseille", "Paris", "Kyiv"} <= names and "Berlin" not in names
    assert all(document.text[m.start:m.end] == m.text for m in analysis.mentions)


def test_epub_page_in_a_legacy_encoding_and_with_damaged_bytes(tmp_path):
    members = epub_members(_pages())
    members["OEBPS/Text/page-0.xhtml"] = (
        '<?xml version="1.0" encoding="windows-1252"?><html><body><p>Talks in Zürich.</p></body></html>'
        .encode("cp1252"))
    members["OEBPS/Text/page-1.xhtml"] = ("<html><body><p>Officials in Łódź, Kraków and Kyiv".encode()
                                          + b" \xff said so.</p></body></html>")
    document = _read(tmp_path, "a.epub", zip_bytes(members))
    assert document.text == "Talks in Zürich.\nOfficials in Łódź, Kraków and Kyiv \ufffd said so."
    assert document.warnings == ("a.epub: OEBPS/Text/page-1.xhtml: 1 byte is not valid utf-8 (the first at line 1, "
                                 "column 51); shown as \ufffd",)


def test_epub_page_missing_from_the_archive_is_left_out_with_a_warning(tmp_path):
    members = epub_members(_pages())
    del members["OEBPS/Text/page-0.xhtml"]
    document = _read(tmp_path, "a.epub", zip_bytes(members))
    assert document.text.startswith("Trains to Paris")
    assert document.warnings == ("a.epub: the page OEBPS/Text/page-0.xhtml is missing from the book; left out",)


# -- damaged, foreign, incomplete, protected -----------------------------------------------------------------
def _damaged_member(data: bytes, member: str) -> bytes:
    """``data`` with bytes in the middle of ``member``'s compressed data changed."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + info.compress_size // 2
    return data[:start] + bytes(b ^ 0x5A for b in data[start:start + 8]) + data[start + 8:]


@dataclass(frozen=True)
class Format:
    kind: str                                        # what the messages call a file of it
    real: Callable[[], bytes]                        # a real file (ODT by odfpy)
    members: Callable[[], dict[str, bytes | str]]    # the members of a small file, by hand
    page: str                                        # the member that holds the text


FORMATS = {"odt": Format("an OpenDocument text", lambda: odt_bytes(STORM),
                         lambda: _odt_members("<text:p>Talks in Paris.</text:p>"), "content.xml"),
           "epub": Format("an EPUB book", lambda: epub_bytes(_pages()), lambda: epub_members(_pages()),
                          "OEBPS/Text/page-0.xhtml")}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("damage", [
    pytest.param(lambda data, member: b"Paris is not a zip file", id="not-a-zip"),
    pytest.param(lambda data, member: b"", id="empty"),
    pytest.param(lambda data, member: data[: len(data) // 2], id="truncated"),
    pytest.param(lambda data, member: data[:-30], id="end-cut"),
    pytest.param(_damaged_member, id="corrupt-member"),
    pytest.param(lambda data, member: docx_bytes(["Talks in Paris"]), id="word-document"),
])
def test_damaged_truncated_or_foreign_zip(tmp_path, suffix, damage):
    form = FORMATS[suffix]
    message = _refused(tmp_path, f"a.{suffix}", damage(form.real(), form.page))
    assert message.startswith(f"a.{suffix}: damaged or not {form.kind} ("), message


def test_another_opendocument_named_odt(tmp_path):
    data = zip_bytes({**_odt_members("<text:p>Paris</text:p>"), "mimetype": "application/vnd.oasis.opendocument"
                                                                            ".spreadsheet"})
    assert _refused(tmp_path, "sheet.odt", data) == ("sheet.odt: damaged or not an OpenDocument text (its type is "
                                                     "'application/vnd.oasis.opendocument.spreadsheet')")
    assert "damaged or not an OpenDocument text (its type is 'application/epub+zip')" in _refused(
        tmp_path, "book.odt", FORMATS["epub"].real())


def test_odt_without_content_or_text_body(tmp_path):
    assert _refused(tmp_path, "a.odt", zip_bytes({"mimetype": ODT_TYPE})) == (
        "a.odt: damaged or not an OpenDocument text (content.xml is missing)")
    spreadsheet = CONTENT.replace("office:text>", "office:spreadsheet>").format("")
    assert "content.xml has no text body" in _refused(tmp_path, "b.odt", zip_bytes({"content.xml": spreadsheet}))
    assert "damaged or not an OpenDocument text (content.xml: mismatched tag: line 1" in _refused(
        tmp_path, "c.odt", zip_bytes(_odt_members("<text:p>Paris</text:q>")))


def test_password_protected_odt(tmp_path):
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
                "</manifest:file-entry></manifest:manifest>")
    data = zip_bytes({"mimetype": ODT_TYPE, "META-INF/manifest.xml": manifest, "content.xml": bytes(range(256))})
    assert _refused(tmp_path, "locked.odt", data) == "locked.odt: this document is protected by a password"


def test_epub_without_container_or_package(tmp_path):
    members = epub_members(_pages())
    assert "damaged or not an EPUB book (META-INF/container.xml is missing)" in _refused(
        tmp_path, "a.epub", zip_bytes({k: v for k, v in members.items() if k != "META-INF/container.xml"}))
    assert "damaged or not an EPUB book (OEBPS/content.opf is missing)" in _refused(
        tmp_path, "b.epub", zip_bytes({k: v for k, v in members.items() if k != "OEBPS/content.opf"}))
    for rootfiles in ("<rootfiles/>", '<rootfiles><rootfile full-path="../../content.opf"/></rootfiles>',
                      '<rootfiles><rootfile full-path="/etc/passwd"/></rootfiles>'):
        container = ('<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">'
                     f"{rootfiles}</container>")
        assert "damaged or not an EPUB book (META-INF/container.xml names no package file)" in _refused(
            tmp_path, "c.epub", zip_bytes({**members, "META-INF/container.xml": container}))


def test_epub_with_an_empty_spine_has_no_text(tmp_path):
    members = epub_members([])
    assert "no text" in _refused(tmp_path, "empty.epub", zip_bytes(members))


def test_epub_with_encrypted_pages_says_so(tmp_path):
    encryption = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                  '<enc:CipherData><enc:CipherReference URI="OEBPS/Text/page-0.xhtml"/></enc:CipherData>'
                  "</enc:EncryptedData></encryption>")
    members = {**epub_members(_pages()), "META-INF/encryption.xml": encryption,
               "OEBPS/Text/page-0.xhtml": bytes(range(256)) * 4}
    assert _refused(tmp_path, "drm.epub", zip_bytes(members)) == (
        "drm.epub: this book's pages are encrypted (DRM); mapviewer cannot read them")


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_member_compressed_otherwise_than_both_formats_allow(tmp_path, suffix):
    message = _refused(tmp_path, f"a.{suffix}", zip_bytes(FORMATS[suffix].members(), zipfile.ZIP_LZMA))
    assert f"damaged or not {FORMATS[suffix].kind} (" in message and "uses compression method 14" in message


@pytest.mark.parametrize("suffix", FORMATS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_real_files_damaged_anywhere_give_a_document_or_a_reader_error(suffix, data):
    original = _real(suffix)
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(original) - 1), st.binary(min_size=1, max_size=8)),
                               min_size=1, max_size=4))
    damaged = bytearray(original)
    for at, new in edits:
        damaged[at:at + len(new)] = new
    cut = data.draw(st.none() | st.integers(1, len(damaged)))       # also cut short, half the time
    try:
        document = READERS[suffix].read(bytes(damaged[:cut]), Path(f"fuzz.{suffix}"))
    except ReaderError:
        return
    assert isinstance(document.text, str)


@pytest.mark.parametrize("suffix", FORMATS)
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_real_files_with_any_part_damaged_give_a_document_or_a_reader_error(suffix, data):
    archive = zipfile.ZipFile(io.BytesIO(_real(suffix)))
    members = {name: archive.read(name) for name in archive.namelist()}
    name = data.draw(st.sampled_from(sorted(members)))
    part = bytearray(members[name])
    for at, new in data.draw(st.lists(st.tuples(st.integers(0, len(part) - 1), st.binary(min_size=1, max_size=8)
                                                | st.sampled_from([b"<", b">", b"&", b'"', b"</", b"../", b"%"])),
                                      min_size=1, max_size=4)):
        part[at:at + len(new)] = new
    try:
        document = READERS[suffix].read(zip_bytes({**members, name: bytes(part)}), Path(f"fuzz.{suffix}"))
    except ReaderError:
        return
    assert isinstance(document.text, str)


@functools.cache
def _real(suffix: str) -> bytes:
    return FORMATS[suffix].real()


def test_odt_nested_too_deeply(tmp_path):
    body = "<text:p>" + "<text:span>" * 5000 + "Paris" + "</text:span>" * 5000 + "</text:p>"
    assert "content.xml is nested too deeply" in _refused(tmp_path, "deep.odt", zip_bytes(_odt_members(body)))


# -- hostile: zip bombs, XML bombs, addresses out of the book, payloads --------------------------------------
@pytest.mark.parametrize("suffix", FORMATS)
def test_zip_bomb_is_refused_by_its_declared_size_before_unpacking(tmp_path, suffix):
    form = FORMATS[suffix]
    data = _with_member_of_size(form.members(), form.page, 60_000_000)
    assert len(data) < 200_000
    assert _bounded(f"bomb.{suffix}", data) == (
        f"bomb.{suffix}: too large once unpacked ({form.page} alone is 60 MB; the limit is 50 MB)")


def test_members_adding_up_past_the_limit_are_refused(tmp_path):
    """The first two pages, 20 MB each, are within the limit and read; the third is refused unread."""
    pages = [xhtml(f"<p>Page {n} in Paris</p>") for n in range(3)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in epub_members(pages).items():
            if name.startswith("OEBPS/Text/"):
                with archive.open(name, "w") as f:
                    for _ in range(MAX_BYTES // 2_500_000):
                        f.write(b" " * 1_000_000)
            else:
                archive.writestr(name, data)
    assert _refused(tmp_path, "bomb.epub", out.getvalue()) == (
        "bomb.epub: too large once unpacked (more than 50 MB with OEBPS/Text/page-2.xhtml; the limit is 50 MB)")


@pytest.mark.parametrize("suffix", FORMATS)
def test_zip_bomb_declaring_a_small_size_is_never_unpacked_past_it(tmp_path, suffix):
    form = FORMATS[suffix]
    data = _declaring(_with_member_of_size(form.members(), form.page, 60_000_000), 60_000_000, 2000)
    message = _bounded(f"bomb.{suffix}", data)
    assert message.startswith(f"bomb.{suffix}: damaged or not {form.kind} ({form.page}: Bad CRC-32"), message


def test_zip_bombs_in_a_word_document_are_refused_too():
    word = zipfile.ZipFile(io.BytesIO(docx_bytes(["Talks in Paris"])))
    bomb = _with_member_of_size({name: word.read(name) for name in word.namelist()}, "word/document.xml", 60_000_000)
    assert _bounded("bomb.docx", bomb) == (
        "bomb.docx: too large once unpacked (word/document.xml alone is 60 MB; the limit is 50 MB)")
    assert _bounded("lying.docx", _declaring(bomb, 60_000_000, 2000)).startswith(
        "lying.docx: damaged or not a Word document (word/document.xml: Bad CRC-32")


def test_xml_bombs_are_refused_in_every_xml_part(tmp_path):
    content = "<?xml version='1.0'?>" + LAUGHS + CONTENT.format("<text:p>&lol9;</text:p>")
    assert _bounded("laughs.odt", zip_bytes(_odt_members("", **{"content.xml": content}))) == (
        "laughs.odt: content.xml declares XML entities, which mapviewer does not expand (an XML bomb?)")
    members = epub_members(_pages())
    for part in ("META-INF/container.xml", "OEBPS/content.opf"):
        for declaration in (LAUGHS, OUTSIDE_FILE):
            hostile = {**members, part: members[part].replace("?>", "?>" + declaration, 1)}
            assert _bounded("laughs.epub", zip_bytes(hostile)) == (
                f"laughs.epub: {part} declares XML entities, which mapviewer does not expand (an XML bomb?)")


def test_an_xml_bomb_in_a_page_is_harmless(tmp_path):
    members = epub_members(_pages())
    members["OEBPS/Text/page-0.xhtml"] = (f'<?xml version="1.0"?>{LAUGHS}{OUTSIDE_FILE}<html><body>'
                                          "<p>Talks in Paris &lol9; &outside; went on.</p></body></html>")
    start = time.monotonic()
    document = _read(tmp_path, "laughs.epub", zip_bytes(members))
    assert time.monotonic() - start < 0.5
    assert "lollol" not in document.text and "root:" not in document.text
    assert "Talks in Paris &lol9; &outside; went on." in document.text and "Talks in Kyiv" in document.text


def test_an_external_dtd_is_not_fetched(tmp_path):
    members = epub_members(_pages())
    members["OEBPS/content.opf"] = members["OEBPS/content.opf"].replace(
        "?>", '?><!DOCTYPE package SYSTEM "http://example.org/evil.dtd">', 1)
    assert "Talks in Kyiv" in _read(tmp_path, "a.epub", zip_bytes(members)).text   # no_network fails any request


def test_addresses_leading_out_of_the_book_are_left_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    members = epub_members(_pages())
    hostile = {"../../PWNED.xhtml": "../../../PWNED.xhtml", "/PWNED2.xhtml": "/PWNED2.xhtml",
               "remote.xhtml": "http://example.org/remote.xhtml"}
    items = "".join(f'<item id="h{n}" href="{href}" media-type="application/xhtml+xml"/>'
                    for n, href in enumerate(hostile.values()))
    refs = "".join(f'<itemref idref="h{n}"/>' for n in range(len(hostile)))
    members["OEBPS/content.opf"] = (members["OEBPS/content.opf"].replace("</manifest>", items + "</manifest>")
                                    .replace("</spine>", refs + "</spine>"))
    members.update({member: xhtml("<p>Secret from Tokyo</p>") for member in hostile})
    document = _read(tmp_path, "a.epub", zip_bytes(members))
    assert "Tokyo" not in document.text and document.text.endswith("Talks in Kyiv\nwent on.")
    assert document.warnings == tuple(f"a.epub: a page's address leads outside the book ({href!r}); left out"
                                      for href in hostile.values())
    assert no_marker_created(tmp_path) and no_marker_created(tmp_path.parent)


def test_odt_members_with_names_leading_out_are_only_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = zip_bytes({"../../PWNED": "x", "/PWNED2": "x", **_odt_members("<text:p>Talks in Paris.</text:p>"),
                      "../content.xml": CONTENT.format("<text:p>Secret from Tokyo</text:p>")})
    assert _read(tmp_path, "a.odt", data).text == "Talks in Paris."
    assert no_marker_created(tmp_path) and no_marker_created(tmp_path.parent)


HOSTILE = {**JINJA, **MARKUP}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_payloads_are_text_in_odt(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    payload = HOSTILE[name]
    lines = article(payload).splitlines()
    document = _read(tmp_path, "a.odt", odt_bytes(lines, title=f"{payload} in Paris"))
    assert (document.text, document.title) == ("\n".join(lines), f"{payload} in Paris")
    assert no_marker_created(tmp_path)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_payloads_are_text_in_epub(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    payload = HOSTILE[name]
    escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    pages = [xhtml("".join(f"<p>{line}</p>" for line in article(escaped).splitlines()) + MARKUP["script"])]
    document = _read(tmp_path, "a.epub", zip_bytes(epub_members(pages, title=f"{escaped} in Paris")))
    assert (document.text, document.title) == (article(payload).strip(), f"{payload} in Paris")
    assert no_marker_created(tmp_path)
