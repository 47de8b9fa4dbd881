"""Saved web pages: the article's main text, title, date and byline, by trafilatura (navigation, ads,
scripts, comments and footers left out). A fragment too small for trafilatura (a paragraph or two)
falls back to the page's visible text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import trafilatura
from trafilatura.settings import Document as TrafilaturaDocument

from ..model import Document
from .encoding import decode, normalise_newlines

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
           "blockquote", "header", "footer", "pre", "ul", "ol", "table", "figcaption"}
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# A comment left open runs to the end of the page, as in a browser.
_UNTERMINATED_COMMENT = re.compile(r"<!--(?:(?!-->).)*\Z", re.DOTALL)
# HTML's white space: a run of it, line breaks included, shows as one space, except inside <pre>.
_BLANKS = re.compile(r"[ \t\n\f\r]+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._hidden = 0
        self._pre = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        if tag == "title":
            self._in_title = True
        if tag == "pre":
            self._pre += 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden:
            self.parts.append(data if self._pre else _BLANKS.sub(" ", data))


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, text) of a page: all its visible text, paragraphs on their own lines, a line break in the
    markup a space within a paragraph (as a browser shows it)."""
    parser = _TextExtractor()
    parser.feed(_UNTERMINATED_COMMENT.sub("", markup))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(line for line in lines if line)
    return html.unescape(parser.title.strip()), text


def read_html(data: bytes, path: Path, charset: str | None = None) -> Document:
    """The page in ``data``; ``charset`` is one its carrier declares (an e-mail part), else its meta tag's."""
    meta = _META_CHARSET.search(data[:4096])
    decoded = decode(data, path.name, charset or (meta.group(1).decode("ascii") if meta else None))
    page = trafilatura.bare_extraction(decoded.text, with_metadata=True, include_comments=False,
                                       include_tables=True, deduplicate=False)
    if isinstance(page, TrafilaturaDocument) and page.text and page.text.strip():
        text, title = normalise_newlines(page.text), page.title or ""
        date, byline = page.date or "", page.author or ""
    else:
        title, text = html_to_text(decoded.text)
        date = byline = ""
    return Document(text, title or path.stem, path.name, date=date, byline=byline, warnings=decoded.warnings)
