"""Large structures freed item by item (``mapviewer.freeing``): everything in them is freed, nothing else is
touched."""

from __future__ import annotations

import gc
import weakref

from mapviewer.freeing import free_gradually


class _Value:
    """An object that can be watched with a weak reference."""


def test_every_nested_list_and_dict_is_emptied_and_what_they_held_is_freed():
    held = [_Value() for _ in range(3)]
    watched = [weakref.ref(v) for v in held]
    kept = ("a tuple", [1, 2])           # a value of another kind is freed whole, its list not emptied
    inner = {"values": [held[0], {"deeper": [held[1]]}], "kept": kept}
    outer = [inner, held[2], {7: []}]
    sentences = [[0, 5], [6, 9]]
    del held
    gc.disable()          # freed by reference counting, as they are emptied (no collection needed)
    try:
        free_gradually(outer, sentences)
        assert outer == [] and sentences == [] and inner == {}
        assert all(w() is None for w in watched)
        assert kept == ("a tuple", [1, 2])
    finally:
        gc.enable()
