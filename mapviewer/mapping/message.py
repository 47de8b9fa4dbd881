"""A map pane's page without a map: one line of text, no script, and a policy that allows none. Kept
apart from the map page's module so that the window shows it without loading the page's template
engine."""

from __future__ import annotations

import html
import re

# What no HTML text may hold: lone surrogates (not encodable) and NUL; each becomes U+FFFD.
NOT_IN_HTML = re.compile(r"[\ud800-\udfff\x00]")


def message_page(message: str) -> str:
    """A page with one line of text and no script (what the map pane shows before any map)."""
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<style>body{font:14px system-ui,sans-serif;color:#555;display:flex;align-items:center;"
            "justify-content:center;height:90vh}</style></head>"
            f"<body>{html.escape(NOT_IN_HTML.sub(chr(0xfffd), message))}</body></html>")
