"""Preferences kept with QSettings: what is saved comes back, and anything damaged or hostile in the
settings file is the default, never an error."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from mapviewer.qt.preferences import Preferences, PreferencesDialog, load_preferences, save_preferences

from ..hostile import PAYLOADS


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_saved_preferences_come_back(settings):
    prefs = Preferences(basemap="OpenStreetMap", theme="dark", uncertainty=0.75, font_size=14, literal_only=True)
    save_preferences(settings, prefs)
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert load_preferences(again) == prefs
    assert load_preferences(QSettings(str(settings.fileName()) + ".none", QSettings.Format.IniFormat)) == Preferences()


@pytest.mark.parametrize("value", [*PAYLOADS.values(), "", "nan", "inf", "-1", "1e309", "99", "0x10", "[1, 2]"])
def test_damaged_or_hostile_values_are_the_defaults(settings, value):
    for key in Preferences.__slots__:
        settings.setValue(f"preferences/{key}", value)
    prefs = load_preferences(settings)
    assert prefs.basemap == "offline" and prefs.theme == "system" and not prefs.literal_only
    assert 0 <= prefs.uncertainty <= 1 and 8 <= prefs.font_size <= 32


def test_the_dialog_shows_and_returns_preferences(qtbot):
    prefs = Preferences(basemap="OpenTopoMap", theme="light", uncertainty=0.4, font_size=13, literal_only=True)
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == prefs
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(20)
    assert dialog.preferences() == Preferences("OpenTopoMap", "dark", 0.4, 20, True)
