"""Text from documents and files shown in Qt widgets exactly as it is.

Qt renders any tooltip, message box or label text that *looks* like HTML as rich text (Qt::AutoText):
a file named ``<img src=…>.txt`` would load an image. Widgets that show such text are set to plain text;
tooltips, which have no such setting, get the text escaped inside a fixed paragraph.
"""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` character for character."""
    return f"<p style='white-space:pre'>{html.escape(text)}</p>"
