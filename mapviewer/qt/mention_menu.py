"""The correction menu of a mention, the same from the text, a marker or outline on the map, and a table
row: another candidate, Not a place, Search the gazetteer…, Place it on the map, Confirm, and whether the
choice holds for this mention or every mention of the name ("one meaning per name per document", the
default when the name occurs more than once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..corrections import Action, Scope
from ..model import Analysis, Mention, Place
from ..places import Alternative
from ..text.normalize import fold

# (action, place or None, scope) -> the window applies it; search and pin ask for the place first.
Apply = Callable[[Action, Place | None, Scope], None]


def _text(label: str) -> str:
    """A menu label showing ``label`` as it is ("&" is a mnemonic marker to Qt)."""
    return label.replace("&", "&&")


def same_name(analysis: Analysis, mention: Mention) -> int:
    """How many mentions of the document carry the mention's name."""
    key = fold(mention.text)
    return sum(fold(m.text) == key for m in analysis.mentions)


def mention_menu(parent: QWidget, analysis: Analysis, mention: Mention, alternatives: list[Alternative],
                 apply: Apply) -> QMenu:
    menu = QMenu(parent)
    header = menu.addAction(_text(f"“{mention.text}”: {mention.place.name if mention.place else 'no place'}"
                                  f" ({mention.confidence:.0%}, {mention.status})"))
    header.setEnabled(False)
    count = same_name(analysis, mention)
    every = QAction(_text(f"Apply to all {count} mentions of “{mention.text}” in this document"), menu)
    every.setCheckable(True)
    every.setChecked(count > 1)
    every.setEnabled(count > 1)

    def scope() -> Scope:
        return "name" if every.isChecked() else "mention"

    def add(text: str, action: Action, place: Place | None = None) -> QAction:
        item = menu.addAction(_text(text))
        item.triggered.connect(lambda checked=False: apply(action, place, scope()))
        return item

    menu.addSeparator()
    for n, a in enumerate(alternatives, 1):
        km = "" if a.distance_km is None else f", {a.distance_km:,.0f} km away"
        add(f"{n}. {a.label} — {a.score:.0%}{km}", "choose", a.place)
    if alternatives:
        menu.addSeparator()
    add("Confirm", "confirm")
    add("Not a place", "reject")
    add("Search the gazetteer…", "search")
    add("Place it on the map", "pin")
    menu.addSeparator()
    menu.addAction(every)
    return menu


def add_place_menu(parent: QWidget, text: str, add: Callable[[], None]) -> QMenu:
    """The menu of selected text that names no recognised place."""
    menu = QMenu(parent)
    menu.addAction(_text(f"Add place “{text[:40]}”…")).triggered.connect(lambda checked=False: add())
    return menu
