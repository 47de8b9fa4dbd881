"""EPUB books (.epub): the text of the pages the book's spine lists, in its order, each page's XHTML turned
into text by the web page reader's ``html_to_text`` (every visible paragraph on a line of its own; scripts
and styles left out); the title, author and date from the package's Dublin Core metadata.

An EPUB is a zip (read through ``archive``: size-limited, XML without entities): ``META-INF/container.xml``
names the package (the OPF file), whose manifest gives each page's file and whose spine their order. Pages
marked non-linear (notes shown on demand) and pages that are not XHTML (an SVG cover) are left out; a page
whose address is remote or leads outside the book (``../../x``) is left out with a warning, and so is one
missing from the archive. A book whose pages are encrypted (DRM) is refused as such."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from ..errors import ReaderError
from ..model import Document
from .archive import Archive
from .encoding import decode
from .html import html_to_text
from .text import first_line

_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_PACKAGE = "application/oebps-package+xml"
_PAGES = {"application/xhtml+xml", "text/html"}
_DC = "{http://purl.org/dc/elements/1.1/}"
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def read_epub(data: bytes, path: Path) -> Document:
    name = path.name
    book = Archive(data, name, "an EPUB book")
    rootfiles = list(book.xml(_CONTAINER).iterfind("{*}rootfiles/{*}rootfile"))
    rootfiles.sort(key=lambda r: r.get("media-type") != _PACKAGE)
    package_path = _inside("", rootfiles[0].get("full-path", "")) if rootfiles else None
    if package_path is None:
        raise book.damaged(f"{_CONTAINER} names no package file")
    package = book.xml(package_path)
    folder = posixpath.dirname(package_path)
    encrypted = ({_inside("", r.get("URI", "")) for r in book.xml(_ENCRYPTION).iterfind(".//{*}CipherReference")}
                 if book.has(_ENCRYPTION) else set())
    items = {item.get("id"): item for item in package.iterfind("{*}manifest/{*}item")}
    pages: list[str] = []
    warnings: list[str] = []
    for itemref in package.iterfind("{*}spine/{*}itemref"):
        item = items.get(itemref.get("idref"))
        if itemref.get("linear") == "no" or item is None or item.get("media-type") not in _PAGES:
            continue
        href = item.get("href", "")
        member = _inside(folder, href)
        if member is None:
            warnings.append(f"{name}: a page's address leads outside the book ({href[:200]!r}); left out")
        elif member in encrypted:
            raise ReaderError(f"{name}: this book's pages are encrypted (DRM); mapviewer cannot read them")
        elif not book.has(member):
            warnings.append(f"{name}: the page {member[:200]} is missing from the book; left out")
        else:
            page = book.read(member)
            declared = _XML_ENCODING.match(page[:200])
            decoded = decode(page, f"{name}: {member}", declared.group(1).decode("ascii") if declared else None)
            warnings.extend(decoded.warnings)
            pages.append(html_to_text(decoded.text)[1])
    text = "\n".join(page for page in pages if page)
    title, creators, dates = (_metadata(package, field) for field in ("title", "creator", "date"))
    return Document(text, title[0] if title else first_line(text, path), name, date=dates[0] if dates else "",
                    byline=", ".join(creators), warnings=tuple(warnings))


def _metadata(package: Element, field: str) -> list[str]:
    """The non-blank values of the Dublin Core ``field`` in the package's metadata."""
    values = (e.text.strip() for e in package.iterfind(f"{{*}}metadata/{_DC}{field}") if e.text)
    return [v for v in values if v]


def _inside(folder: str, href: str) -> str | None:
    """The archive member an address in the book (relative to ``folder``) names, or None when it is remote
    or leads outside the book."""
    try:
        parts = urlsplit(href)
    except ValueError:          # a malformed host ("//[x")
        return None
    if parts.scheme or parts.netloc or not parts.path:
        return None
    member = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    return None if member.startswith(("/", "../")) or member in (".", "..") else member
