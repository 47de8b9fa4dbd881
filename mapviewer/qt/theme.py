"""The app's theme: the desktop's own, or light or dark whatever the desktop says. The article's highlights
and the map take the colours of the theme that results (``palette.LIGHT`` / ``palette.DARK``)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ..palette import DARK, LIGHT, Theme

_Role = QPalette.ColorRole
_DARK_COLOURS = {
    _Role.Window: "#2b2b2b", _Role.WindowText: "#e8e8e8", _Role.Base: "#1e1f22", _Role.AlternateBase: "#27292c",
    _Role.ToolTipBase: "#3a3a3a", _Role.ToolTipText: "#f0f0f0", _Role.PlaceholderText: "#9a9a9a",
    _Role.Text: "#e8e8e8", _Role.Button: "#353535", _Role.ButtonText: "#e8e8e8", _Role.BrightText: "#ff6b6b",
    _Role.Link: "#8ab4f8", _Role.Highlight: "#3d6fb4", _Role.HighlightedText: "#ffffff",
    _Role.Light: "#4a4a4a", _Role.Midlight: "#3c3c3c", _Role.Mid: "#2f2f2f", _Role.Dark: "#1a1a1a",
    _Role.Shadow: "#000000",
}
_DISABLED = {_Role.WindowText: "#7a7a7a", _Role.Text: "#7a7a7a", _Role.ButtonText: "#7a7a7a"}


class _Desktop:
    """The desktop's own style and palette, as the app found them before changing either."""

    style: str | None = None
    palette: QPalette | None = None


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in _DARK_COLOURS.items():
        p.setColor(role, QColor(colour))
    for role, colour in _DISABLED.items():
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return p


def is_dark(palette: QPalette) -> bool:
    """Light text on a dark window: what decides the highlight colours, whoever chose the palette."""
    return palette.color(_Role.Window).lightness() < palette.color(_Role.WindowText).lightness()


def apply_theme(app: QApplication, mode: str) -> Theme:
    """Set the app's palette for ``mode`` (system, light, dark) and return the colours that go with it."""
    if _Desktop.palette is None:
        _Desktop.style, _Desktop.palette = app.style().name(), QPalette(app.palette())
    if mode == "system":
        if _Desktop.style is not None and app.style().name() != _Desktop.style:
            app.setStyle(_Desktop.style)
        app.setPalette(_Desktop.palette)
    else:
        app.setStyle("Fusion")      # a style that draws with the palette it is given, on every desktop
        app.setPalette(dark_palette() if mode == "dark" else app.style().standardPalette())
    return DARK if is_dark(app.palette()) else LIGHT
