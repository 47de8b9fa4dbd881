"""The one way anything enters a map page, and the page's Content-Security-Policy.

folium and branca compile every ``Element(template)`` string as a Jinja2 template, so a string that
holds text from a document would run as template code (``{{ … }}`` reaches Python). Here each kind of
content has one element class with a fixed, class-level template, and the content is a *variable* of
that template: Jinja inserts a variable's value and never evaluates it.

- Untrusted text (article text, titles, file names, clipboard text) enters a page only as JSON in
  ``<script type="application/json">`` (:class:`PageData`), which the page script reads with
  ``textContent`` and turns into DOM text nodes. The JSON is escaped so that nothing in it can close the
  element or be read as markup (``<``, ``>``, ``&``, U+2028/9 and lone surrogates are ``\\u`` escapes).
- The page title is the one exception, because a file needs its ``<title>`` before any script runs: it
  is HTML-escaped by the template (:class:`PageTitle`).
- mapviewer's own and Leaflet's scripts and stylesheets are inlined (:class:`InlineScript`,
  :class:`InlineStyle`); :func:`render_page` then allows exactly those scripts by their SHA-256 hashes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
from collections.abc import Iterable, Iterator
from typing import Any

from branca.element import Element, Figure
from jinja2 import Template

from ..io import dumps_json
from .message import NOT_IN_HTML

DATA_ID = "mapviewer-data"
_CSP_PLACEHOLDER = "mapviewer-content-security-policy"
_DATA_SLOT = "mapviewer-data-slot"


def json_for_script(value: Any) -> str:
    """JSON that is inert inside a ``<script>`` element and encodable as UTF-8.

    ``</script>``, ``<!--`` and ``]]>`` cannot close or open anything because ``<``, ``>`` and ``&`` are
    escaped; U+2028/U+2029 are escaped for old JavaScript parsers; a lone surrogate (from clipboard or
    JSON input) stays exactly what it was as a ``\\udxxx`` escape instead of failing to encode.
    """
    return "".join(script_json_pieces(value))


def script_json_pieces(value: Any) -> list[str]:
    """:func:`json_for_script`'s text in pieces of about ``_JOINED`` characters (joined: that text).

    Encoded piece by piece (each item of a long list, a long string in slices; every escape is one
    character's, so the pieces join to the same text) and never joined into one string: one call over a
    20 MB article's data, or one string of its 60 MB of JSON (a fresh allocation of 120 MB, faulted in
    page by page), holds the interpreter lock for a tenth of a second to seconds, and the window's
    thread waits for it.
    """
    return list(_joined(inert_json(piece) for piece in _pieces(value)))


_JOINED = 1 << 20    # characters of the pieces of a page joined into one string at a time


def _joined(pieces: Iterable[str]) -> Iterator[str]:
    """Small pieces joined into strings of about ``_JOINED`` characters, each join a bounded piece of work."""
    group: list[str] = []
    size = 0
    for piece in pieces:
        group.append(piece)
        size += len(piece)
        if size >= _JOINED:
            yield "".join(group)
            group, size = [], 0
    if group:
        yield "".join(group)


_PIECE = 65_536      # characters of a long string encoded at a time
_SMALL = 64          # a list or object of at most this many plain items is encoded in one piece


def inert_json(json_text: str) -> str:
    """JSON text made inert inside a ``<script>`` element (see :func:`json_for_script`)."""
    return (json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _small(value: Any, depth: int = 0) -> bool:
    if isinstance(value, str):
        return len(value) <= _PIECE
    if isinstance(value, dict):
        return depth < 2 and len(value) <= _SMALL and all(_small(v, depth + 1) for v in value.values())
    if isinstance(value, list | tuple):
        return depth < 2 and len(value) <= _SMALL and all(_small(v, depth + 1) for v in value)
    return True


def _pieces(value: Any) -> Iterator[str]:
    """The JSON of ``value`` (as ``dumps_json`` with compact separators writes it) in pieces of bounded work."""
    if _small(value):
        yield dumps_json(value, separators=(",", ":"))
    elif isinstance(value, str):
        yield '"'
        for i in range(0, len(value), _PIECE):
            yield dumps_json(value[i:i + _PIECE])[1:-1]
        yield '"'
    elif isinstance(value, dict):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield ("," if n else "") + dumps_json(key if isinstance(key, str) else dumps_json(key)) + ":"
            yield from _pieces(item)
        yield "}"
    else:
        yield "["
        for n, item in enumerate(value):
            if n:
                yield ","
            yield from _pieces(item)
        yield "]"


class PageData(Element):
    """The page's data as one inert JSON block; the only element that carries untrusted text. Its JSON
    is kept in ``pieces`` (:func:`script_json_pieces`), which :func:`render_page` splices into the page."""

    _template = Template('<script type="application/json" id="{{ this.element_id }}">{{ this.payload }}</script>')

    def __init__(self, value: Any, element_id: str = DATA_ID):
        super().__init__()
        self._name = "PageData"
        self.element_id = element_id
        self.pieces = script_json_pieces(value)

    @property
    def payload(self) -> str:
        """The block's JSON text."""
        return "".join(self.pieces)

    @classmethod
    def from_json(cls, text: str, element_id: str) -> PageData:
        """A block of JSON text that is already serialised (the basemap's rows, read from the store as
        JSON and spliced without a parse and a dump), made inert in the same way."""
        block = cls(None, element_id)
        block.pieces = [inert_json(text)]
        return block


class PageTitle(Element):
    """``<title>``: escaped by the template; characters HTML cannot carry become U+FFFD."""

    _template = Template("<title>{{ this.title | e }}</title>")

    def __init__(self, title: str):
        super().__init__()
        self._name = "PageTitle"
        self.title = NOT_IN_HTML.sub("\ufffd", title)


class _Inline(Element):
    """A file of mapviewer's or Leaflet's, inlined so the page needs no network and no file; the element's
    tag is the subclass's, never data."""

    tag = ""
    _template = Template("<{{ this.tag }}>{{ this.content }}</{{ this.tag }}>")

    def __init__(self, content: str):
        super().__init__()
        self._name = type(self).__name__
        if f"</{self.tag}" in content.lower():
            raise ValueError(f"an inlined {self.tag} must not contain '</{self.tag}'")
        self.content = content


class InlineScript(_Inline):
    """A script (Leaflet's, markercluster's, the page script)."""

    tag = "script"


class InlineStyle(_Inline):
    """A stylesheet."""

    tag = "style"


class _PolicySlot(Element):
    """Where :func:`render_page` writes the policy, first in ``<head>``, before any script."""

    _template = Template('<meta http-equiv="Content-Security-Policy" content="' + _CSP_PLACEHOLDER + '">'
                         '<meta name="referrer" content="no-referrer">')


def policy(script_hashes: Iterable[str], image_hosts: Iterable[str]) -> str:
    """The page's Content-Security-Policy.

    Scripts: only the page's own, by hash (no inline handlers, no ``javascript:`` URLs, no injected or
    remote scripts). Images: inlined ones and the opt-in online tile servers. Nothing else may be
    fetched, framed, submitted or used as a base URL.
    """
    scripts = " ".join(f"'sha256-{h}'" for h in sorted(set(script_hashes)))
    images = " ".join(["data:", "blob:", *sorted(set(image_hosts))])
    return ("default-src 'none'; "
            f"script-src {scripts}; "
            "style-src 'unsafe-inline'; "
            f"img-src {images}; "
            "connect-src 'none'; font-src 'none'; object-src 'none'; media-src 'none'; frame-src 'none'; "
            "worker-src 'none'; manifest-src 'none'; form-action 'none'; base-uri 'none'")


def _sha256(code: str) -> str:
    return base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")


def _data_blocks(element: Element) -> Iterator[PageData]:
    """The page's data blocks, wherever they were added (a figure's header, body and script are elements
    of their own, not among its children)."""
    parts = [*element._children.values(),
             *(getattr(element, name) for name in ("header", "html", "script") if isinstance(element, Figure))]
    for child in parts:
        if isinstance(child, PageData):
            yield child
        yield from _data_blocks(child)


def _inline_scripts(page: str) -> Iterator[str]:
    """The code of each bare ``<script>`` element, in order (what ``<script>(.*?)</script>`` with ``re.S``
    matches, found with ``str.find``: a regular expression's lazy match runs in Python's regex engine over
    every character of a long script, holding the interpreter lock)."""
    at = page.find("<script>")
    while at >= 0:
        end = page.find("</script>", at + 8)
        if end < 0:
            return
        yield page[at + 8:end]
        at = page.find("<script>", end + 9)


def render_page(root: Figure, image_hosts: Iterable[str]) -> list[str]:
    """Render a folium figure to HTML with a policy that allows exactly the scripts it contains: the page
    in pieces, in order (joined: the page).

    Every executable script of the page is a bare ``<script>`` element written by folium or by
    :class:`InlineScript`; untrusted text cannot form one, since in JSON it has no ``<`` and in the title
    it is escaped.

    The page is rendered with a short slot in place of each data block's JSON, whose pieces go in only at
    the end: the template engine, the policy's search for scripts and the splicing then work on the page
    without its data (a long article's is tens of MB, and each pass over it held the interpreter lock
    for a tenth of a second or more, a stall of the window's thread). The pieces are not joined: a page
    of 60 MB as one string is a fresh allocation of 120 MB made in one call (``page_html`` joins them
    for a file; the app writes them piece by piece).
    """
    root.header.add_child(_PolicySlot(), name="mapviewer_policy", index=0)
    blocks = list(_data_blocks(root))
    pieces = [b.pieces for b in blocks]
    nonce = secrets.token_hex(16)    # a slot that no title or name in the page can spell
    slots = [f"{_DATA_SLOT}-{nonce}-{n}-" for n in range(len(blocks))]
    try:
        for block, slot in zip(blocks, slots):
            block.pieces = [slot]
        page = root.render()
    finally:
        for block, data in zip(blocks, pieces):
            block.pieces = data
    head_end = page.find("</head>")
    at = page.find(_CSP_PLACEHOLDER)
    if not 0 <= at < head_end:
        raise RuntimeError("the page has no policy slot in its head")
    csp = policy((_sha256(code) for code in _inline_scripts(page)), image_hosts)
    found = sorted(((page.find(slot), len(slot), data) for slot, data in zip(slots, pieces)), key=lambda f: f[0])
    if found and found[0][0] < head_end:
        raise RuntimeError("a data block of the page was not rendered in its body")
    parts, pos = [page[:at], html.escape(csp, quote=False)], at + len(_CSP_PLACEHOLDER)
    for start, length, data in found:
        parts += [page[pos:start], *data]
        pos = start + length
    parts.append(page[pos:])
    return parts

