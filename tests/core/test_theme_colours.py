"""The colours of both themes: every highlighted name and sentence readable (WCAG contrast ≥ 4.5, measured by
coloraide), and the page given both themes as data."""

from __future__ import annotations

import pytest
from coloraide import Color

from mapviewer.mapping.basemap import LABELS
from mapviewer.palette import DARK, KINDS, LIGHT, THEMES, page_palette

AA = 4.5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_highlighted_text_is_readable(theme):
    backgrounds = {**{f"tint {k}": theme.tint(k) for k in KINDS}, "sentence": theme.sentence,
                   "current sentence": theme.current}
    low = {name: round(Color(bg).contrast(theme.text), 2) for name, bg in backgrounds.items()
           if Color(bg).contrast(theme.text) < AA}
    assert low == {}, f"{theme.name}: contrast below {AA}: {low}"


def test_every_kind_has_a_tint_in_each_theme_and_unknown_kinds_fall_back():
    for theme in THEMES.values():
        assert set(theme.tints) == set(KINDS)
        assert theme.tint("no such kind") == theme.tint("city")


def test_the_dark_theme_is_dark_and_its_highlights_differ_from_the_light_ones():
    assert Color(DARK.map.water).luminance() < 0.05 and Color(DARK.map.land).luminance() < 0.05
    assert Color(DARK.text).luminance() > 0.8
    assert all(DARK.tint(k) != LIGHT.tint(k) for k in KINDS)
    # the current sentence stands out from the other sentences of the place in both themes
    for theme in (LIGHT, DARK):
        assert Color(theme.current).delta_e(theme.sentence) > 5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda t: t.name)
def test_the_basemap_names_are_readable_on_their_ground(theme):
    m = theme.map
    grounds = {"label": m.land, "region_label": m.land, "country_label": m.land, "water_label": m.water}
    low = {name: round(Color(getattr(m, name)).contrast(ground), 2) for name, ground in grounds.items()
           if Color(getattr(m, name)).contrast(ground) < AA}
    assert low == {}, f"{theme.name}: contrast below {AA}: {low}"
    # the land stands out from the sea, and the halo around a name sets it off from the lines it crosses
    assert Color(m.land).delta_e(m.water) > 3
    assert Color(m.halo).contrast(m.label) >= AA


def test_every_basemap_name_has_a_colour_of_the_theme():
    for look in LABELS.values():
        assert look["colour"] in page_palette()["themes"]["dark"]["map"], look


def test_the_page_gets_both_themes_and_the_kinds_labels():
    palette = page_palette()
    assert set(palette["themes"]) == {"light", "dark"}
    assert palette["themes"]["dark"]["tints"] == DARK.tints
    assert palette["themes"]["dark"]["map"]["water"] == DARK.map.water
    assert palette["themes"]["light"]["map"]["country_label"] == LIGHT.map.country_label
    assert palette["kinds"]["admin1"]["label"] == "region"
