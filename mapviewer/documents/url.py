"""Web pages by their address (File › Open URL…, ``mapviewer geoparse URL``): the only request mapviewer
makes without an online map layer chosen, and only for an address the user gave.

The answer is read like a saved file — HTML by the web page reader, plain text by the text reader, PDF by
the PDF reader, the charset the server declares first — and anything else is refused. Every answer is
bounded: a timeout to connect and between two pieces of the answer, another for the whole answer, at most
``MAX_REDIRECTS`` redirects (a loop is named as one), and at most ``MAX_BYTES``, counted as the answer
streams in (a compressed one after decompression), so a huge answer is refused without being held.

The request runs on a daemon thread that the caller waits for in short slices: Ctrl+C, or a worker's
cancel, ends the wait at once even while a server stalls; the abandoned request ends by its timeout.

A forward proxy named by the usual environment variables (``http_proxy``, ``https_proxy``, except for the
hosts ``no_proxy`` lists; read by ``urllib.request.getproxies`` and ``proxy_bypass``, as urllib and most
tools read them) carries the request: a plain one as an absolute address, an https one through a CONNECT
tunnel, with the TLS certificate still checked against the site's name. Credentials in the proxy's address
(``http://user:password@proxy:3128``) go to the proxy only, as Basic authentication.
"""

from __future__ import annotations

import base64
import http.client
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from email.message import Message
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit, urlunsplit

from .. import __version__
from ..errors import ReaderError
from ..model import Document
from ..web import SCHEMES
from .files import MAX_BYTES
from .text import read_text

MAX_REDIRECTS = 5
TIMEOUT_S = 15.0          # to connect, and between two pieces of the answer
TOTAL_S = 60.0            # for the whole answer
_CHUNK = 65536
_REDIRECTS = {301, 302, 303, 307, 308}
# What each reader takes: the media type of the answer (its Content-Type without parameters).
_READERS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "application/pdf": "pdf"}
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8"


@dataclass(frozen=True, slots=True)
class WebAddress:
    """A page the user asked for by its address: what File › Open URL… and the command line hand on."""

    url: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A server's answer: the address it came from after redirects, its media type and charset, its body."""

    url: str
    media_type: str
    charset: str | None
    data: bytes


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much one request may take (tests shorten them)."""

    timeout: float = TIMEOUT_S
    total: float = TOTAL_S
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True, slots=True)
class Proxy:
    """The forward proxy a request goes through: its host and port, the Proxy-Authorization its address's
    credentials make (if any), and the variable that named it, for messages."""

    host: str
    port: int
    authorization: str | None
    variable: str

    def __str__(self) -> str:
        return f"the proxy {self.host}:{self.port} set by {self.variable}"


def proxy_for(url: str) -> Proxy | None:
    """The proxy the environment names for ``url``'s scheme, unless ``no_proxy`` lists its host; ReaderError
    for a proxy address mapviewer cannot use."""
    import urllib.request  # 4 ms of imports, for the first page fetched rather than at launch

    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    address = urllib.request.getproxies().get(scheme)
    if not address or urllib.request.proxy_bypass(parts.netloc.rpartition("@")[2]):
        return None
    variable = f"{scheme}_proxy"
    proxy = urlsplit(address if "://" in address else f"http://{address}")
    try:
        port = proxy.port or 80
    except ValueError:
        port = 0
    if proxy.scheme.lower() != "http" or not proxy.hostname or not port:
        raise ReaderError(f"{url}: cannot use the proxy {address!r} set by {variable}: mapviewer uses proxies "
                          "with an http:// address and a host")
    authorization = None
    if proxy.username is not None:
        credentials = unquote_to_bytes(proxy.username) + b":" + unquote_to_bytes(proxy.password or "")
        authorization = "Basic " + base64.b64encode(credentials).decode("ascii")
    return Proxy(proxy.hostname, port, authorization, variable)


def normalise_url(text: str) -> str:
    """The address to fetch: ``https://`` added when no scheme is given; ReaderError for anything but a web
    address (``file:``, ``javascript:``, no host…)."""
    text = text.strip()
    if "://" not in text:
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 — raises ValueError for a port that is no number
    except ValueError as e:
        raise ReaderError(f"{text}: not a web address ({e})") from e
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise ReaderError(f"{text}: not a web address; mapviewer opens http:// and https:// addresses")
    if any(c.isspace() or ord(c) < 32 for c in text):
        raise ReaderError(f"{text}: not a web address (it holds spaces or control characters)")
    return text


def read_url(text: str, limits: Limits = Limits()) -> Document:
    """The page at the address ``text``, read by the reader its media type names; ReaderError says why not."""
    url = normalise_url(text)
    answer = _in_background(url, limits)
    name = PurePosixPath(unquote(urlsplit(answer.url).path)).name or urlsplit(answer.url).hostname or ""
    path = Path(name.replace("\x00", "") or "page")
    # No type given: a PDF by its signature, else a page (the web page reader also reads plain text).
    media_type = answer.media_type or ("application/pdf" if answer.data.startswith(b"%PDF-") else "text/html")
    from .html import read_html  # trafilatura and pypdf: loaded by the first page fetched, not by the window
    from .pdf import read_pdf

    read: Callable[[bytes, Path, str | None], Document] = {
        "html": read_html, "text": read_text, "pdf": lambda data, path, _: read_pdf(data, path)}[_READERS[media_type]]
    try:
        document = read(answer.data, path, answer.charset)
    except ReaderError as e:               # the reader names the file; the user gave an address
        raise ReaderError(_by_address(str(e), path.name, answer.url)) from e
    document = replace(document, warnings=tuple(_by_address(w, path.name, answer.url) for w in document.warnings))
    if not document.text.strip():
        raise ReaderError(f"{url}: no text (the page holds no readable text)")
    return replace(document, source=answer.url, path=None)


def _by_address(message: str, name: str, url: str) -> str:
    return url + message[len(name):] if message.startswith(f"{name}:") else message


def _in_background(url: str, limits: Limits) -> Answer:
    """``fetch`` on a daemon thread, waited for in 50 ms slices (each a chance to be interrupted)."""
    box: list[Answer | BaseException] = []
    done = threading.Event()

    def work() -> None:
        try:
            box.append(fetch(url, limits))
        except BaseException as e:  # handed to the waiting thread, which raises it
            box.append(e)
        finally:
            done.set()

    threading.Thread(target=work, name="mapviewer-fetch", daemon=True).start()
    while not done.wait(0.05):
        pass
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


def fetch(url: str, limits: Limits = Limits()) -> Answer:
    """GET ``url``, following redirects; ReaderError (naming the address) for every way it can fail."""
    deadline = time.monotonic() + limits.total
    chain = [url]
    while True:
        proxy = proxy_for(chain[-1])
        through = f" through {proxy}" if proxy else ""
        try:
            answer = _get(chain[-1], proxy, limits, deadline)
        except ReaderError:
            raise
        except TimeoutError as e:
            raise ReaderError(f"{chain[-1]}: no answer within {limits.timeout:g} s{through}") from e
        except socket.gaierror as e:
            server = proxy or f"the server {urlsplit(chain[-1]).hostname}"
            raise ReaderError(f"{chain[-1]}: cannot find {server} (no such host, or no network)") from e
        except ssl.SSLCertVerificationError as e:
            raise ReaderError(f"{chain[-1]}: the site's certificate is not valid ({e.verify_message})") from e
        except ConnectionRefusedError as e:
            refused = f"to {proxy} (it" if proxy else "(the server"
            raise ReaderError(f"{chain[-1]}: cannot connect {refused} refused the connection)") from e
        except http.client.HTTPException as e:
            raise ReaderError(f"{chain[-1]}: the server's answer{through} is not valid HTTP "
                              f"({type(e).__name__})") from e
        except OSError as e:
            raise ReaderError(f"{chain[-1]}: cannot fetch the page{through} ({e.strerror or e})") from e
        if isinstance(answer, Answer):
            return answer
        if answer in chain:
            raise ReaderError(f"{url}: the server redirects in a loop ({' → '.join([*chain, answer])})")
        if len(chain) > limits.max_redirects:
            raise ReaderError(f"{url}: too many redirects (more than {limits.max_redirects}; the last to {answer})")
        chain.append(answer)


def _get(url: str, proxy: Proxy | None, limits: Limits, deadline: float) -> Answer | str:
    """One request, through ``proxy`` if given: the answer, or the address a redirect points to."""
    parts = urlsplit(url)
    https = parts.scheme.lower() == "https"
    assert parts.hostname is not None            # normalise_url and the redirect check ensure it
    port = parts.port or (443 if https else 80)
    host, connect_port = (proxy.host, proxy.port) if proxy else (parts.hostname, port)
    connection: http.client.HTTPConnection = (
        http.client.HTTPSConnection(host, connect_port, timeout=limits.timeout, context=ssl.create_default_context())
        if https else http.client.HTTPConnection(host, connect_port, timeout=limits.timeout))
    headers = {"User-Agent": f"mapviewer/{__version__}", "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate",
               "Connection": "close"}
    target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    if proxy and https:
        connection.set_tunnel(parts.hostname, port, headers={"Proxy-Authorization": proxy.authorization}
                              if proxy.authorization else None)
    elif proxy:
        target = urlunsplit(("http", parts.netloc.rpartition("@")[2], parts.path or "/", parts.query, ""))
        if proxy.authorization:
            headers["Proxy-Authorization"] = proxy.authorization
    try:
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        if response.status in _REDIRECTS:
            return _redirect(url, response.getheader("Location"))
        if response.status != 200:
            through = f" through {proxy}" if proxy else ""
            raise ReaderError(f"{url}: the server answered {response.status} {response.reason}".rstrip() + through)
        header = Message()
        header["Content-Type"] = response.getheader("Content-Type") or ""
        media_type = header.get_content_type() if header["Content-Type"] else ""
        charset = header.get_content_charset()
        length = response.getheader("Content-Length") or ""
        encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
        if encoding == "identity" and length.isdigit() and int(length) > limits.max_bytes:
            raise _too_large(url, int(length), limits)
        if media_type and media_type not in _READERS:   # refused before its body is read
            raise ReaderError(f"{url}: the server sent {media_type}, not a web page, plain text or a PDF")
        return Answer(url, media_type, charset, _body(url, response, encoding, limits, deadline))
    finally:
        connection.close()


def _redirect(url: str, location: str | None) -> str:
    if not location:
        raise ReaderError(f"{url}: the server redirects without saying where to")
    target = urljoin(url, location.strip())
    if urlsplit(target).scheme.lower() not in SCHEMES or not urlsplit(target).hostname:
        raise ReaderError(f"{url}: the server redirects to {target!r}, which is not a web address")
    return target


def _body(url: str, response: http.client.HTTPResponse, encoding: str, limits: Limits, deadline: float) -> bytes:
    """The answer's body, decompressed, read piece by piece: refused once it passes the size limit or the
    time for the whole answer."""
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise ReaderError(f"{url}: the server compressed the page as {encoding!r}, which mapviewer cannot read")
    unpack = None if encoding == "identity" else zlib.decompressobj(47 if "gzip" in encoding else zlib.MAX_WBITS)
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise ReaderError(f"{url}: the page did not arrive within {limits.total:g} s")
        chunk = response.read(_CHUNK)
        if not chunk:
            break
        if unpack is not None:
            try:
                chunk = unpack.decompress(chunk, limits.max_bytes + 1 - size)
            except zlib.error as e:
                raise ReaderError(f"{url}: the page's compressed data is damaged ({e})") from e
            if unpack.unconsumed_tail:        # more output than the limit allows
                raise _too_large(url, None, limits)
        size += len(chunk)
        if size > limits.max_bytes:
            raise _too_large(url, None, limits)
        parts.append(chunk)
    return b"".join(parts)


def _too_large(url: str, size: int | None, limits: Limits) -> ReaderError:
    what = f"{size / 1e6:.0f} MB" if size is not None else f"more than {limits.max_bytes / 1e6:g} MB"
    return ReaderError(f"{url}: the page is too large ({what}; the limit is {limits.max_bytes / 1e6:g} MB)")
