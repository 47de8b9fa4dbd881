"""Titles short enough for a window, a tab or a page heading, cut where a reader expects."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Analysis

ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line in at most ``limit`` characters: cut after the last whole word that fits, with
    an ellipsis; mid-word only when the first word alone is longer (text without spaces)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit - len(ELLIPSIS) + 1]        # one more: a space there means the last word is whole
    words = head.rsplit(" ", 1)[0] if " " in head else head[:-1]
    return words.rstrip(" ,;:·-–—") + ELLIPSIS


def page_title(analyses: Sequence[Analysis]) -> str:
    """The title of a map of these documents (a page's, a KML file's): their titles, cut after a whole word."""
    return shorten(" · ".join(a.document.title for a in analyses if a.document.title), 200) or "mapviewer map"
