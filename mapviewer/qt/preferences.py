"""Preferences, kept with QSettings: default basemap, theme, uncertainty threshold, article font size and the
geoparser's user-facing option (literal places only). A value that QSettings hands back damaged or out of
range is the default, never an error."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from ..geoparse.config import GeoparserConfig
from ..mapping.layers import BASEMAPS
from ..places import UNCERTAIN

THEMES = (("system", "As the desktop"), ("light", "Light"), ("dark", "Dark"))
FONT_SIZES = (8, 32)          # points
_GROUP = "preferences"


@dataclass(frozen=True, slots=True)
class Preferences:
    basemap: str = "offline"        # a key of mapping.layers.BASEMAPS
    theme: str = "system"           # system, light or dark
    uncertainty: float = UNCERTAIN  # below this confidence a place or mention is marked uncertain
    font_size: int = 11             # the article's text, points
    literal_only: bool = False      # GeoparserConfig.literal_only: no "Russian", no "Moscow said"

    def geoparser_config(self) -> GeoparserConfig:
        return GeoparserConfig(literal_only=self.literal_only)


def _number(value: object, default: float, low: float, high: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def load_preferences(settings: QSettings) -> Preferences:
    d = Preferences()

    def get(key: str) -> object:
        return settings.value(f"{_GROUP}/{key}")

    basemap, theme = str(get("basemap") or d.basemap), str(get("theme") or d.theme)
    return Preferences(
        basemap=basemap if basemap in dict(BASEMAPS) else d.basemap,
        theme=theme if theme in dict(THEMES) else d.theme,
        uncertainty=_number(get("uncertainty"), d.uncertainty, 0.0, 1.0),
        font_size=int(_number(get("font_size"), d.font_size, *FONT_SIZES)),
        literal_only=str(get("literal_only")).lower() in ("true", "1"))


def save_preferences(settings: QSettings, prefs: Preferences) -> None:
    for key in Preferences.__slots__:
        settings.setValue(f"{_GROUP}/{key}", getattr(prefs, key))
    settings.sync()


class PreferencesDialog(QDialog):
    """Edit › Preferences: the form of a Preferences value; ``preferences()`` is what it shows."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.basemap = QComboBox()
        for key, name in BASEMAPS:
            self.basemap.addItem(name, key)
        self.basemap.setCurrentIndex(max(0, self.basemap.findData(prefs.basemap)))
        self.theme = QComboBox()
        for key, name in THEMES:
            self.theme.addItem(name, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.uncertainty = QDoubleSpinBox()
        self.uncertainty.setRange(0, 100)
        self.uncertainty.setDecimals(0)
        self.uncertainty.setSuffix(" %")
        self.uncertainty.setValue(round(prefs.uncertainty * 100))
        self.uncertainty.setToolTip("Places and mentions read with less confidence are marked uncertain")
        self.font_size = QSpinBox()
        self.font_size.setRange(*FONT_SIZES)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(prefs.font_size)
        self.literal_only = QCheckBox("Literal places only (not “Russian”, not “Moscow said”)")
        self.literal_only.setChecked(prefs.literal_only)
        self.literal_only.setToolTip("Applies to the articles opened next and to re-reading")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Default basemap", self.basemap)
        form.addRow("Theme", self.theme)
        form.addRow("Uncertain below", self.uncertainty)
        form.addRow("Article text size", self.font_size)
        form.addRow("Geoparser", self.literal_only)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(str(self.basemap.currentData()), str(self.theme.currentData()),
                           self.uncertainty.value() / 100, self.font_size.value(), self.literal_only.isChecked())
