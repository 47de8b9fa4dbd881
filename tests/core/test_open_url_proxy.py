"""File › Open URL and ``mapviewer geoparse URL`` behind a proxy: the ``http_proxy``/``https_proxy``/``no_proxy``
variables honoured as urllib honours them, against a real forward proxy and real HTTP and HTTPS servers on
this machine (the HTTPS one with a certificate from a test authority, trusted through ``SSL_CERT_FILE``)."""

from __future__ import annotations

import base64
import socket
import ssl
from urllib.parse import urlsplit

import pytest
import trustme

from mapviewer.cli import main
from mapviewer.documents.url import read_url
from mapviewer.errors import ReaderError

from ..web_proxy import ForwardProxy
from ..web_server import WebServer
from .test_open_url import ROUTES, SHORT


@pytest.fixture(scope="module")
def server():
    with WebServer(ROUTES) as s:
        yield s


@pytest.fixture(scope="module")
def authority():
    return trustme.CA()


@pytest.fixture(scope="module")
def tls_server(authority):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    with WebServer(ROUTES, tls=context) as s:
        yield s


@pytest.fixture
def trusted(authority, tmp_path, monkeypatch):
    """The test authority trusted by every TLS context made from now on (OpenSSL reads SSL_CERT_FILE)."""
    authority.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))


@pytest.fixture
def proxy():
    with ForwardProxy() as p:
        yield p


def _refused(url: str) -> str:
    with pytest.raises(ReaderError) as e:
        read_url(url, SHORT)
    return str(e.value)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_plain_request_goes_through_the_proxy_by_its_absolute_address(server, proxy, monkeypatch):
    monkeypatch.setenv("http_proxy", proxy.address)
    document = read_url(server.url("/old-address"), SHORT)             # a redirect: each hop through it
    assert "Rhône" in document.text and document.source == server.url("/news/storm.html")
    assert proxy.requests == [(f"GET {server.url('/old-address')}", None),
                              (f"GET {server.url('/news/storm.html')}", None)]


def test_an_https_request_goes_through_a_connect_tunnel_and_the_certificate_is_checked(
        tls_server, proxy, trusted, monkeypatch):
    monkeypatch.setenv("https_proxy", proxy.address)
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")      # the other scheme's proxy is not used
    url = tls_server.url("/news/storm.html")
    assert "Rhône" in read_url(url, SHORT).text
    assert proxy.requests == [(f"CONNECT 127.0.0.1:{urlsplit(url).port}", None)]
    monkeypatch.delenv("SSL_CERT_FILE")
    assert "the site's certificate is not valid" in _refused(url)


def test_no_proxy_lists_the_hosts_reached_directly(server, proxy, monkeypatch):
    monkeypatch.setenv("http_proxy", proxy.address)
    for listed in ("127.0.0.1", "example.org, 127.0.0.1", "*"):
        monkeypatch.setenv("no_proxy", listed)
        assert "Rhône" in read_url(server.url("/news/storm.html"), SHORT).text
    assert proxy.requests == []
    monkeypatch.setenv("no_proxy", "example.org,localhost")
    read_url(server.url("/news/storm.html"), SHORT)
    assert len(proxy.requests) == 1


def test_upper_case_variables_and_an_address_without_scheme(server, proxy, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", proxy.address.removeprefix("http://"))
    assert "Rhône" in read_url(server.url("/news/storm.html"), SHORT).text
    assert len(proxy.requests) == 1


def test_credentials_in_the_proxy_address_go_to_the_proxy(server, tls_server, trusted, monkeypatch):
    with ForwardProxy(credentials="user:p@ss") as proxy:
        port = proxy.address.rpartition(":")[2]
        monkeypatch.setenv("http_proxy", f"http://user:p%40ss@127.0.0.1:{port}")
        monkeypatch.setenv("https_proxy", f"http://user:p%40ss@127.0.0.1:{port}")
        assert "Rhône" in read_url(server.url("/news/storm.html"), SHORT).text
        assert "Rhône" in read_url(tls_server.url("/news/storm.html"), SHORT).text
    expected = "Basic " + base64.b64encode(b"user:p@ss").decode()
    assert [authorization for _, authorization in proxy.requests] == [expected, expected]


def test_a_proxy_that_asks_for_credentials(server, tls_server, trusted, monkeypatch):
    with ForwardProxy(credentials="user:secret") as proxy:
        monkeypatch.setenv("http_proxy", proxy.address)
        monkeypatch.setenv("https_proxy", proxy.address)
        port = proxy.address.rpartition(":")[2]
        assert _refused(server.url("/news/storm.html")) == (
            f"{server.url('/news/storm.html')}: the server answered 407 Proxy Authentication Required through "
            f"the proxy 127.0.0.1:{port} set by http_proxy")
        assert _refused(tls_server.url("/news/storm.html")) == (
            f"{tls_server.url('/news/storm.html')}: cannot fetch the page through the proxy 127.0.0.1:{port} set by "
            "https_proxy (Tunnel connection failed: 407 Proxy Authentication Required)")


def test_a_proxy_that_is_not_there(server, monkeypatch):
    port = _free_port()
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{port}")
    assert _refused(server.url("/news/storm.html")) == (
        f"{server.url('/news/storm.html')}: cannot connect to the proxy 127.0.0.1:{port} set by http_proxy (it "
        "refused the connection)")


@pytest.mark.parametrize("address", ["socks5://127.0.0.1:1080", "http://127.0.0.1:port", "http://"])
def test_a_proxy_address_mapviewer_cannot_use_is_named(server, monkeypatch, address):
    monkeypatch.setenv("http_proxy", address)
    assert f"cannot use the proxy {address!r} set by http_proxy" in _refused(server.url("/news/storm.html"))


def test_geoparse_fetches_through_the_proxy(server, proxy, monkeypatch, capsys, store):
    monkeypatch.setenv("http_proxy", proxy.address)
    assert main(["geoparse", server.url("/news/storm.html")]) == 0
    assert "Grenoble" in capsys.readouterr().out and len(proxy.requests) == 1
