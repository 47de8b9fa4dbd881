"""Bytes to text: the encoding detected, never guessed silently, and binary data refused.

A byte order mark decides; else an encoding the file declares (an HTML meta charset); else UTF-8 when the
bytes are UTF-8 (a few damaged bytes are replaced and reported with their line and column, rather than the
whole file read in a wrong encoding); else charset-normalizer names the encoding (Windows-1252, Latin-1,
UTF-16 without a mark, ...).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

import charset_normalizer

from ..errors import ReaderError

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))   # UTF-32 LE starts like UTF-16 LE
# Each undecodable byte becomes U+DC00 + byte (surrogateescape for every byte, ASCII too), so it can be
# counted and located; decoders never produce these code points themselves.
_ESCAPE = "mapviewer.escape"


def _escape(e: UnicodeError) -> tuple[str, int]:
    assert isinstance(e, UnicodeDecodeError)
    return "".join(chr(0xDC00 + b) for b in e.object[e.start:e.end]), e.end


codecs.register_error(_ESCAPE, _escape)
_ESCAPED = re.compile(r"[\udc00-\udcff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
MAX_CHAOS = 0.02                                        # charset-normalizer's mess ratio of clean text: 0
MAX_CONTROL_SHARE = 0.01                                # text has almost none; random bytes have ~10 %
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")
_PIECE = 1 << 20     # characters a regular expression goes over in one call


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of about a million characters with their offsets, never cut inside a line end
    ("\\r\\n"). A regular expression holds the interpreter lock for the whole of one call, 50 to 80 ms over a
    20 MB article, and the window's thread waits for it; over pieces it waits a few ms at most."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        while text[end - 1:end] == "\r" and end < len(text):
            end += 1
        yield start, text[start:end]
        start = end


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many one-character matches of ``pattern`` there are in ``text``."""
    return sum(len(pattern.findall(piece)) for _, piece in _pieces(text))


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text with normalised line ends, the encoding it was read in, and what the user should be told."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """``data`` as text; ReaderError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):], encoding, name)
    if declared and _known(declared):          # browsers, too, ignore a label they do not know
        return _decoded(data, declared, name)
    utf8 = data.decode("utf-8", _ESCAPE)
    invalid = _count(_ESCAPED, utf8)
    # Every valid multi-byte sequence shortens the text by at least a character: UTF-8 if they outnumber bad bytes.
    if "\x00" not in utf8 and (not invalid or len(data) - len(utf8) > 2 * invalid):
        return _checked(utf8, "utf-8", name)
    detected = _detected(data, wide="\x00" in utf8)
    if detected is None:
        raise ReaderError(f"{name}: this is a binary file, not text (no text encoding fits its bytes)")
    return _decoded(data, detected, name)


def _detected(data: bytes, wide: bool) -> str | None:
    """charset-normalizer's choice; Windows-1252, the web's default, where it decodes as cleanly as the best
    (on a short text a DOS code page can win on language statistics alone). Bytes with NULs are text only
    as UTF-16 or UTF-32 without a byte order mark, and only when they decode cleanly."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None or (wide and not (best.encoding.startswith(("utf_16", "utf_32")) and best.chaos <= MAX_CHAOS)):
        return None
    tied = (m for m in matches if m.chaos <= best.chaos)
    return "cp1252" if any("cp1252" in m.could_be_from_charset for m in tied) else best.encoding


def _known(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding)._is_text_encoding
    except LookupError:
        return False


def _decoded(data: bytes, encoding: str, name: str) -> Decoded:
    return _checked(data.decode(encoding, _ESCAPE), codecs.lookup(encoding).name, name)


def _checked(text: str, encoding: str, name: str) -> Decoded:
    """Damaged bytes replaced and reported; binary data, judged by content, refused."""
    warnings: tuple[str, ...] = ()
    first = next((at + m.start() for at, piece in _pieces(text) if (m := _ESCAPED.search(piece))), None)
    if first is not None:
        count = _count(_ESCAPED, text)
        line = text.count("\n", 0, first) + 1
        column = first - text.rfind("\n", 0, first)
        what = "1 byte is" if count == 1 else f"{count:,} bytes are"
        warnings = (f"{name}: {what} not valid {encoding} (the first at line {line}, column {column}); "
                    f"shown as \ufffd",)
        text = "".join(_ESCAPED.sub("\ufffd", piece) for _, piece in _pieces(text))
    if "\x00" in text:
        raise ReaderError(f"{name}: this is a binary file, not text (it holds NUL bytes)")
    controls = _count(_CONTROL, text)
    if controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise ReaderError(f"{name}: this is a binary file, not text ({controls:,} control characters)")
    return Decoded(normalise_newlines(text), encoding, warnings)


def normalise_newlines(text: str) -> str:
    """Every line end as ``\\n``, so offsets are the same whatever system wrote the file."""
    return "".join(_NEWLINES.sub("\n", piece) for _, piece in _pieces(text))
