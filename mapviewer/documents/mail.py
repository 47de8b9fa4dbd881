"""E-mail (.eml), a forwarded news mail: its text part (else its HTML part, read as a web page), the subject
as title, the sender as byline, the date."""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from pathlib import Path

from ..errors import ReaderError
from ..model import Document
from .encoding import decode
from .html import read_html
from .text import first_line


def read_eml(data: bytes, path: Path) -> Document:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        payload = body.get_payload(decode=True) if body is not None else None
        charset = body.get_content_charset() if body is not None else None
        subject, sender, date = (str(message.get(h, "") or "").strip() for h in ("Subject", "From", "Date"))
    except Exception as e:  # the parser is lenient, but a damaged header can still raise several kinds of errors
        raise ReaderError(f"{path.name}: damaged e-mail ({type(e).__name__}: {e})"[:300]) from e
    if body is None or not isinstance(payload, bytes):
        raise ReaderError(f"{path.name}: no text (this e-mail has no text or HTML part)")
    if body.get_content_subtype() == "html":
        document = read_html(payload, path, charset)
    else:
        decoded = decode(payload, path.name, charset)
        document = Document(decoded.text, first_line(decoded.text, path), path.name, warnings=decoded.warnings)
    return replace(document, title=subject or document.title, byline=sender, date=date)
