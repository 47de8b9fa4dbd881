"""File › Open URL and ``mapviewer geoparse URL``: a page fetched from a real HTTP server on this machine,
with every kind of answer a server can give — each a Document or one clear ReaderError, in bounded time."""

from __future__ import annotations

import json
import threading
import time

import pytest

from mapviewer.cli import main
from mapviewer.documents.url import Limits, normalise_url, read_url
from mapviewer.errors import ReaderError

from ..hostile import PAYLOADS, html_page_with, no_marker_created
from ..web_server import Route, WebServer, gzipped, page, redirect
from .made_documents import pdf_bytes
from .test_bad_input import NEWS_PAGE

SHORT = Limits(timeout=0.5, total=5.0, max_bytes=1_000_000, max_redirects=3)


def _stream(pieces: int, size: int = 65536):
    return lambda: (b"<p>" + b"x" * size for _ in range(pieces))


ROUTES = {
    "/news/storm.html": page(NEWS_PAGE, "windows-1252"),
    "/old-address": redirect("/news/storm.html", 301),
    "/relative": redirect("news/storm.html"),
    "/loop-a": redirect("/loop-b"),
    "/loop-b": redirect("/loop-a"),
    **{f"/hop-{n}": redirect(f"/hop-{n + 1}") for n in range(10)},
    "/to-a-file": redirect("file:///etc/passwd"),
    "/nowhere": Route(302),
    "/stall": Route(stall=True),
    "/photo": Route(headers={"Content-Type": "image/png"}, body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    "/big-declared": Route(headers={"Content-Type": "text/html", "Content-Length": "2000000000"},
                           body=lambda: iter(())),
    "/big-streamed": Route(headers={"Content-Type": "text/html"}, body=_stream(100)),
    "/gzip-bomb": gzipped(b"<p>" + b" " * 50_000_000),
    "/gzipped": gzipped(b"<html><body><p>Talks in Paris went on while Kyiv waited.</p></body></html>"),
    "/latin1.txt": Route(headers={"Content-Type": "text/plain; charset=iso-8859-1"},
                         body="Talks in Zürich went on; Kyiv waited.".encode("latin-1")),
    "/report": Route(headers={"Content-Type": "application/pdf"},
                     body=pdf_bytes([["Officials in Kyiv said the talks in Geneva went on."]])),
    "/empty": page("<html><body></body></html>"),
    "/gone": Route(410, {"Content-Type": "text/html"}, b"<p>gone</p>"),
}


@pytest.fixture(scope="module")
def server():
    with WebServer(ROUTES) as s:
        yield s


def _refused(url: str, limits: Limits = SHORT) -> str:
    with pytest.raises(ReaderError) as e:
        read_url(url, limits)
    return str(e.value)


def test_a_news_page_is_read_like_a_saved_one(server):
    document = read_url(server.url("/news/storm.html"), SHORT)
    assert "Rhône" in document.text and "recover quickly" in document.text     # the server's charset
    for furniture in ("Tokyo", "Madrid", "Berlin", "Oslo", "Rome", "Sydney"):
        assert furniture not in document.text
    assert (document.title, document.date, document.byline) == ("Storm hits Lyon", "2024-12-16", "Jane Doe")
    assert document.source == server.url("/news/storm.html") and document.path is None


@pytest.mark.parametrize("path", ["/old-address", "/relative"])
def test_redirects_are_followed(server, path):
    document = read_url(server.url(path), SHORT)
    assert "Rhône" in document.text and document.source == server.url("/news/storm.html")


def test_a_redirect_loop_is_named(server):
    message = _refused(server.url("/loop-a"))
    assert "redirects in a loop" in message and "/loop-b" in message


def test_too_many_redirects(server):
    assert "too many redirects (more than 3" in _refused(server.url("/hop-0"))


def test_a_redirect_away_from_the_web_is_refused(server):
    assert "file:///etc/passwd" in _refused(server.url("/to-a-file")) and "not a web address" in _refused(
        server.url("/to-a-file"))
    assert "redirects without saying where" in _refused(server.url("/nowhere"))


def test_a_stalling_server_times_out(server):
    started = time.monotonic()
    assert "no answer within 0.5 s" in _refused(server.url("/stall"))
    assert time.monotonic() - started < 3


def test_an_answer_that_is_no_page_is_refused_before_its_body(server):
    assert "the server sent image/png, not a web page, plain text or a PDF" in _refused(server.url("/photo"))


def test_a_huge_answer_is_refused_by_its_declared_length_at_once(server):
    started = time.monotonic()
    assert "too large (2000 MB; the limit is 1 MB)" in _refused(server.url("/big-declared"))
    assert time.monotonic() - started < 2


def test_a_huge_answer_without_a_length_is_refused_as_it_streams(server):
    assert "too large (more than 1 MB" in _refused(server.url("/big-streamed"))


def test_a_compressed_answer_is_read_and_a_compression_bomb_refused(server):
    assert read_url(server.url("/gzipped"), SHORT).text == "Talks in Paris went on while Kyiv waited."
    assert "too large (more than 1 MB" in _refused(server.url("/gzip-bomb"))


def test_plain_text_takes_the_servers_charset(server):
    document = read_url(server.url("/latin1.txt"), SHORT)
    assert document.text == "Talks in Zürich went on; Kyiv waited." and document.warnings == ()


def test_a_pdf_is_read_by_the_pdf_reader(server):
    assert "talks in Geneva" in read_url(server.url("/report"), SHORT).text


def test_http_errors_and_empty_pages(server):
    assert _refused(server.url("/no-such-page")) == f"{server.url('/no-such-page')}: the server answered 404 Not Found"
    assert "answered 410 Gone" in _refused(server.url("/gone"))
    assert "no text" in _refused(server.url("/empty"))


def test_nothing_listening_and_no_such_host():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]      # bound, not listening: refused
        assert "cannot connect" in _refused(f"http://127.0.0.1:{port}/")


def test_a_server_that_does_not_speak_http():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def answer():
        connection, _ = listener.accept()
        connection.recv(1024)
        connection.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")
        connection.close()

    threading.Thread(target=answer, daemon=True).start()
    try:
        assert "not valid HTTP" in _refused(f"http://127.0.0.1:{listener.getsockname()[1]}/")
    finally:
        listener.close()


@pytest.mark.parametrize(("text", "expected"), [
    ("example.com/news", "https://example.com/news"),
    ("  http://example.com  ", "http://example.com"),
    ("HTTPS://example.com/a?b=c", "HTTPS://example.com/a?b=c"),
])
def test_addresses_are_completed(text, expected):
    assert normalise_url(text) == expected


@pytest.mark.parametrize("text", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/a", "http://",
                                  "https://exa mple.com/", "http://example.com:port/"])
def test_what_is_no_web_address_is_refused_without_a_request(text):
    with pytest.raises(ReaderError, match="not a web address"):
        normalise_url(text)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_hostile_page_is_text(tmp_path, monkeypatch, name):
    payload = PAYLOADS[name]
    monkeypatch.chdir(tmp_path)
    with WebServer({"/p": page(html_page_with(payload), "utf-8")}) as server:
        try:
            document = read_url(server.url("/p"), SHORT)
        except ReaderError as e:       # characters no text holds (NUL) may make it unreadable: said so
            assert server.url("/p") in str(e)
            return
    assert "Talks in Paris" in document.text and "Kyiv" in document.text
    assert no_marker_created(tmp_path)


def test_geoparse_reads_an_address(server, capsys, store):
    assert main(["geoparse", server.url("/news/storm.html")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {p["name"] for p in record["places"]} >= {"Lyon", "Marseille", "Grenoble"}


def test_geoparse_says_why_an_address_failed(server, capsys):
    assert main(["geoparse", server.url("/photo")]) == 1
    assert capsys.readouterr().err == (f"mapviewer: {server.url('/photo')}: the server sent image/png, "
                                       "not a web page, plain text or a PDF\n")
