"""The colours of mapviewer, one palette for the app's article view, the map and the exported page.

Each kind of place has a strong colour (markers, outlines, legend, the underline of its mentions) and a
light tint (the background of its mentions). The page script receives the palette with the page data and
sets it as CSS custom properties, so the stylesheet names no colour of its own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class KindStyle:
    label: str          # what the legend calls the kind
    colour: str         # markers, outlines, underlines
    tint: str           # background of a mention of such a place
    radius: int         # marker radius, px


KINDS: dict[str, KindStyle] = {
    "city": KindStyle("town", "#b03a2e", "#f9e79f", 7),
    "admin1": KindStyle("region", "#7d3c98", "#e8daef", 9),
    "country": KindStyle("country", "#1f618d", "#d6eaf8", 11),
    "continent": KindStyle("continent", "#117a65", "#d1f2eb", 13),
    "county": KindStyle("county", "#a04000", "#fae5d3", 8),
    "macroregion": KindStyle("world region", "#0e6655", "#d0ece7", 12),
    "sea": KindStyle("sea, gulf or strait", "#2874a6", "#d4e6f1", 10),
    "lake": KindStyle("lake", "#5dade2", "#ebf5fb", 8),
    "river": KindStyle("river", "#1abc9c", "#e8f8f5", 8),
    "island": KindStyle("island", "#b7950b", "#fcf3cf", 8),
    "landform": KindStyle("mountains, desert or plain", "#6e2c00", "#f6ddcc", 9),
    "area": KindStyle("geographic area", "#7b7d7d", "#f2f3f4", 10),
}
# The ring of a marker when several documents share a map: one colour per document, dark for a place that
# several documents mention.
DOCUMENTS = ("#e67e22", "#16a085", "#8e44ad", "#2c3e50", "#c0392b", "#2980b9", "#7f8c8d", "#d4ac0d")
SHARED = "#1c1c1c"
SENTENCE = "#fdebd0"          # the sentences of the selected place
CURRENT_SENTENCE = "#f8c471"  # the one ◀/▶ stand on
UNCERTAIN = "#b03a2e"         # the dashed underline of an uncertain mention


@dataclass(frozen=True, slots=True)
class MapStyle:
    """The map in one theme: the offline basemap (resources/basemap.js draws it with these colours, and
    redraws when the theme changes), the text of its names, and the map's boxes. Each name is readable on
    the ground it sits on (contrast ≥ 4.5; tests/core/test_theme_colours.py)."""

    water: str              # sea and lakes, and the map's background
    land: str
    coast: str              # coasts and the shores of lakes
    country: str            # country borders, solid
    region: str             # region borders, dashed
    river: str
    label: str              # names of towns and villages, their dot, and the measuring line
    region_label: str
    country_label: str
    water_label: str        # names of seas, lakes and rivers
    halo: str               # the outline around names, so that lines under them do not cross them
    box: str                # the background of legend, tools and popups
    box_text: str


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours of one desktop theme. A highlight sets its own text colour, so that a name highlighted in
    the article stays readable whatever colour the desktop gives to text (contrast ≥ 4.5 with each tint;
    tests/core/test_theme_colours.py)."""

    name: str
    text: str                       # text on a highlight
    tints: dict[str, str]           # the background of a mention, by kind of place
    sentence: str
    current: str
    uncertain: str                  # the dashed underline of an uncertain mention
    reviewed: str                   # the underline of a mention the user reviewed
    map: MapStyle

    def tint(self, kind: str) -> str:
        """A kind the palette does not know is highlighted like a town (as ``kind_style`` draws it)."""
        return self.tints.get(kind, self.tints["city"])


LIGHT = Theme("light", "#1c1c1c", {k: s.tint for k, s in KINDS.items()}, SENTENCE, CURRENT_SENTENCE, UNCERTAIN,
              "#1e8449", MapStyle(
                  # pale land on pale water, so that markers and outlines stand out; borders in a muted
                  # purple, water and its names in blue
                  water="#d3e2ec", land="#f7f5f0", coast="#8eabc0", country="#a38a9f", region="#c6b5c3",
                  river="#8db4d3", label="#2b2b2b", region_label="#81667d", country_label="#5e4a5b",
                  water_label="#366689", halo="#ffffff", box="rgba(255,255,255,.92)", box_text="#222222"))
# Dark tints: each kind's colour mixed into the dark background until light text on it has a contrast of at
# least 7 (computed once with coloraide, checked by the tests).
DARK = Theme("dark", "#f1f1f1", {
    "city": "#76302a", "admin1": "#58316a", "country": "#1f4763", "continent": "#17564b", "county": "#6d340e",
    "macroregion": "#154a41", "sea": "#255372", "lake": "#365368", "river": "#1e594f", "island": "#5c4f1a",
    "landform": "#4f280e", "area": "#4f5152"}, "#3d3426", "#6b4f1d", "#ff8a7a", "#58d68d",
    MapStyle(water="#17212b", land="#2b2d30", coast="#4a6a80", country="#8c7489", region="#5f5261",
             river="#3d6a8a", label="#e8e8e8", region_label="#c9adc4", country_label="#ddc8d9",
             water_label="#8fbcdc", halo="#1f2124", box="rgba(40,42,46,.94)", box_text="#e8e8e8"))
THEMES = {t.name: t for t in (LIGHT, DARK)}


def kind_style(kind: str) -> KindStyle:
    """The style of ``kind``; a kind the palette does not know is drawn like a town."""
    return KINDS.get(kind, KINDS["city"])


def document_colour(doc: int) -> str:
    return DOCUMENTS[doc % len(DOCUMENTS)]


def _page_theme(t: Theme) -> dict[str, object]:
    return {"text": t.text, "tints": t.tints, "sentence": t.sentence, "current": t.current, "uncertain": t.uncertain,
            "map": asdict(t.map)}


def page_palette() -> dict[str, object]:
    """The palette as the page script reads it: each kind's colour, tint and legend label, and the colours
    of each theme (the page follows the app's)."""
    return {"kinds": {k: {"colour": s.colour, "tint": s.tint, "label": s.label} for k, s in KINDS.items()},
            "sentence": SENTENCE, "current": CURRENT_SENTENCE, "uncertain": UNCERTAIN,
            "themes": {name: _page_theme(t) for name, t in THEMES.items()}}

