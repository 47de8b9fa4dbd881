"""The bad-input table of the README, one test per row: what reading a file gives, or the one clear
message a user sees. Every file is real, made here."""

from __future__ import annotations

import codecs
import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapviewer.documents import MAX_BYTES, READERS, read_document
from mapviewer.errors import ReaderError
from mapviewer.model import Document
from mapviewer.text.sentences import split_sentences

from ..privileges import unprivileged
from .made_documents import docx_bytes, pdf_bytes

ARTICLE = "Talks in Zürich went on. Officials in Kyiv said the café near Lviv was calm.\nA second line from Odesa."


def _read(tmp_path: Path, name: str, data: bytes) -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


def _refused(tmp_path: Path, name: str, data: bytes) -> str:
    with pytest.raises(ReaderError) as e:
        _read(tmp_path, name, data)
    return str(e.value)


# -- files that are not there, or not files ------------------------------------------------------------------
def test_empty_file_says_no_text(tmp_path):
    assert "no text" in _refused(tmp_path, "empty.txt", b"")
    assert "no text" in _refused(tmp_path, "blank.md", b" \n\r\n\t ")


def test_missing_file(tmp_path):
    with pytest.raises(ReaderError, match="no such file"):
        read_document(tmp_path / "gone.txt")


def test_directory_is_a_directory(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(ReaderError, match="is a directory"):
        read_document(tmp_path / "folder.txt")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result: list[BaseException] = []

    def read() -> None:
        with pytest.raises(ReaderError) as refused:
            read_document(fifo)
        result.append(refused.value)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert "named pipe" in str(result[0])


def test_dangling_link_names_its_target(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "deleted.txt")
    with pytest.raises(ReaderError, match=r"broken link.*deleted\.txt"):
        read_document(tmp_path / "link.txt")


def test_no_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    tmp_path.chmod(0o755)
    with unprivileged(), pytest.raises(ReaderError, match="permission denied"):
        read_document(path)


def test_too_large_is_refused_fast_with_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(2 * MAX_BYTES)          # sparse: 100 MB on the file system, no disk used
    start = time.monotonic()
    with pytest.raises(ReaderError, match=r"too large \(100 MB; the limit is 50 MB\)"):
        read_document(path)
    assert time.monotonic() - start < 0.5


def test_unsupported_format_lists_the_readable_ones(tmp_path):
    message = _refused(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    assert "unsupported format '.jpg'" in message and ".pdf" in message and ".docx" in message


# -- encodings -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
    ("cp1252", b""), ("latin-1", b"")])
def test_encodings_are_detected(tmp_path, encoding, bom):
    document = _read(tmp_path, "a.txt", bom + ARTICLE.encode(encoding))
    assert document.text == ARTICLE and document.warnings == ()


def test_right_to_left_and_cjk_text_keep_their_characters(tmp_path):
    text = "مرحبا من القاهرة\nשלום מירושלים\n东京和北京的会谈继续进行。\nソウルから"
    assert _read(tmp_path, "a.txt", text.encode("utf-8")).text == text
    assert _read(tmp_path, "b.txt", text.encode("utf-16")).text == text


def test_invalid_bytes_in_utf8_are_replaced_and_located(tmp_path):
    data = "Talks in Zürich “went on”.\nOfficials in Kyiv".encode() + b" \xff\xfe " + b"said Lviv was calm."
    document = _read(tmp_path, "a.txt", data)
    assert document.text == "Talks in Zürich “went on”.\nOfficials in Kyiv \ufffd\ufffd said Lviv was calm."
    assert document.warnings == (
        "a.txt: 2 bytes are not valid utf-8 (the first at line 2, column 19); shown as \ufffd",)


def test_line_endings_are_normalised(tmp_path):
    assert _read(tmp_path, "a.txt", b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


@pytest.mark.parametrize("data", [b"Paris\x00London" * 50, bytes(range(256)) * 40,
                                  os.urandom(8000).replace(b"\x00", b"")])
def test_binary_is_judged_by_content(tmp_path, data):
    assert "binary file" in _refused(tmp_path, "data.txt", data)


def test_a_nul_byte_after_the_first_4_kb_is_binary(tmp_path):
    assert "binary file" in _refused(tmp_path, "data.txt", b"Paris " * 2000 + b"\x00")


# -- saved web pages -----------------------------------------------------------------------------------------
NEWS_PAGE = """<html><head><title>Storm hits Lyon - World News</title><meta charset="windows-1252">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-12-16T10:00:00Z">
<script>var city = "Berlin";</script></head>
<body><nav><a href="/">Home</a> | <a>World</a> | <a>London</a> | <a>Tokyo</a></nav>
<div class="ad">Buy cheap flights to Madrid</div>
<article><h1>Storm hits Lyon</h1>
<p>A violent storm swept through Lyon on Monday, flooding streets near the Rhône and cutting power to thousands
of homes, officials said.</p>
<p>Rescue teams from Grenoble and Marseille were sent to help, and trains to Paris were cancelled for the evening
while engineers inspected the lines.</p>
<!-- editor's note: check the figures from Oslo -->
<p>The mayor said the city would recover quickly, but warned that more rain was expected overnight.</p></article>
<div class="comments"><p>Reader from Rome: terrible!</p></div>
<footer>Copyright News Corp, Sydney | Contact | Privacy</footer></body></html>"""


def test_web_page_keeps_the_article_and_drops_the_rest(tmp_path):
    document = _read(tmp_path, "page.html", NEWS_PAGE.encode("cp1252"))
    assert "Rhône" in document.text and "Marseille" in document.text and "recover quickly" in document.text
    for furniture in ("Tokyo", "Madrid", "Berlin", "Oslo", "Rome", "Sydney"):
        assert furniture not in document.text
    assert (document.title, document.date, document.byline) == ("Storm hits Lyon", "2024-12-16", "Jane Doe")


def test_an_unterminated_comment_hides_the_rest_of_the_page(tmp_path):
    page = b"<html><body><p>Talks in Berlin.</p><!-- draft: <p>Paris and London</p></body></html>"
    assert _read(tmp_path, "page.htm", page).text == "Talks in Berlin."
    assert "no text" in _refused(tmp_path, "only.html", b"<!-- <p>Paris</p>")


def test_a_line_break_inside_a_paragraph_is_a_space_except_in_pre():
    from mapviewer.documents.html import html_to_text

    page = "<p>Talks in\n   Paris went on.</p><pre>line one\nline two</pre><p>Kyiv\r\nwaited.</p>"
    assert html_to_text(page) == ("", "Talks in Paris went on.\nline one\nline two\nKyiv waited.")


# -- PDF -----------------------------------------------------------------------------------------------------
REPORT = [["Monthly Bulletin", "Fighting continued near the town of Pokrovsk, where the army re-",
           "ported heavy shelling on Monday and civilians were taken to Dnipro and", "Kharkiv by train.", "1"],
          ["Monthly Bulletin", "The port of Odesa was hit again on Tuesday, officials in the south", "said.", "2"],
          ["Monthly Bulletin", "Talks were held in Lviv.", "Page 3 of 3"]]


def test_pdf_text_in_reading_order_without_page_furniture(tmp_path):
    document = _read(tmp_path, "report.pdf", pdf_bytes(REPORT, title="Bulletin, December"))
    assert document.text == ("Fighting continued near the town of Pokrovsk, where the army reported heavy shelling on "
                             "Monday and civilians were taken to Dnipro and Kharkiv by train.\n"
                             "The port of Odesa was hit again on Tuesday, officials in the south said.\n"
                             "Talks were held in Lviv.")
    assert document.title == "Bulletin, December"


def test_scanned_pdf_without_text_says_so(tmp_path):
    assert "no text layer" in _refused(tmp_path, "scan.pdf", pdf_bytes([[], []]))


def test_password_protected_pdf(tmp_path):
    assert "password" in _refused(tmp_path, "locked.pdf", pdf_bytes(REPORT, password="secret"))


def test_pdf_with_an_empty_password_is_read(tmp_path):
    assert "Pokrovsk" in _read(tmp_path, "open.pdf", pdf_bytes(REPORT, password="")).text


@pytest.mark.parametrize("damage", [lambda d: d[: len(d) // 2], lambda d: d[:9] + os.urandom(3000),
                                    lambda d: d[:9]])
def test_truncated_or_corrupt_pdf(tmp_path, damage):
    message = _refused(tmp_path, "broken.pdf", damage(pdf_bytes(REPORT)))
    assert "damaged" in message or "no text" in message or "no pages" in message


# -- Word ----------------------------------------------------------------------------------------------------
def test_docx_paragraphs_and_tables(tmp_path):
    data = docx_bytes(["Talks in Geneva", "Officials from Kyiv and Warsaw met on Monday."], [["Lviv", "Odesa"]])
    document = _read(tmp_path, "minutes.docx", data)
    assert document.text == "Talks in Geneva\nOfficials from Kyiv and Warsaw met on Monday.\nLviv\nOdesa"
    assert document.title == "Talks in Geneva"


def test_damaged_docx(tmp_path):
    assert "damaged or not a Word document" in _refused(tmp_path, "a.docx", docx_bytes(["Paris"])[:300])
    assert "damaged or not a Word document" in _refused(tmp_path, "b.docx", b"Paris is not a zip file")


# -- any bytes, any reader -----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(READERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000),
                      st.text(max_size=2000).map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_a_document_or_a_reader_error(kind, data):
    reader = READERS[kind]
    try:
        document = reader.read(data, Path("fuzz" + reader.suffixes[0]))
    except ReaderError:
        return
    assert isinstance(document, Document) and isinstance(document.text, str)


# -- time ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["." * 2_000_000, "\n" * 2_000_000, "a" * 2_000_000 + ". b",
                                  "x" * 2_000_000 + " e.g. " + "Mr. " * 200_000])
def test_sentence_splitting_is_linear_on_hostile_text(text):
    start = time.monotonic()
    split_sentences(text)
    assert time.monotonic() - start < 2


# -- e-mail --------------------------------------------------------------------------------------------------
def _mail(content_type: str, body: bytes, encoding: str = "8bit") -> bytes:
    return (b"From: Desk <desk@example.org>\r\nSubject: Fwd: Storm hits Lyon\r\n"
            b"Date: Mon, 16 Dec 2024 10:00:00 +0000\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: " + content_type.encode() + b"\r\nContent-Transfer-Encoding: "
            + encoding.encode() + b"\r\n\r\n" + body)


def test_forwarded_news_mail(tmp_path):
    document = _read(tmp_path, "fwd.eml", _mail("text/plain; charset=windows-1252",
                                                "Rescue teams from Grenoble reached Lyon.\r\n".encode("cp1252")))
    assert document.text == "Rescue teams from Grenoble reached Lyon.\n"
    assert (document.title, document.byline) == ("Fwd: Storm hits Lyon", "Desk <desk@example.org>")
    assert document.date.startswith("Mon, 16 Dec 2024")


def test_html_mail_is_read_as_a_web_page(tmp_path):
    page = NEWS_PAGE.replace('<meta charset="windows-1252">', "").encode("utf-8")
    document = _read(tmp_path, "fwd.eml", _mail("text/html; charset=utf-8", page))
    assert "Marseille" in document.text and "Tokyo" not in document.text and "Rhône" in document.text
    assert document.title == "Fwd: Storm hits Lyon"


def test_mail_without_text(tmp_path):
    assert "no text" in _refused(tmp_path, "a.eml", _mail("image/png", b"\x89PNG", "base64"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=30),
       st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=10))
def test_spans_replaced_by_bisection_are_exactly_the_overlapping_ones(old, new):
    from mapviewer.geoparse.steps import _without_overlaps
    from mapviewer.model import Span

    def spans(pairs):
        return [Span(a, a + n, "x" * n, "x", (), False, False) for a, n in pairs]

    olds, news = spans(old), spans(new)
    naive = [s for s in olds if not any(s.start < n.end and n.start < s.end for n in news)]
    assert _without_overlaps(olds, news) == naive
