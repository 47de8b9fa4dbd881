"""Freeing a large structure without one long pause of the whole process.

The last reference to a structure of hundreds of thousands of objects (a long article's tokens, readings
or map-page data), dropped at once, frees all of them in one call that holds Python's interpreter lock
for a tenth of a second; the app's window thread, which needs the lock to handle any event, waits for it
(a stall of the window while its worker analyses an article). Emptied item by item in a loop of the
interpreter, the same objects are freed with a chance for other threads between any two.
"""

from __future__ import annotations

from typing import Any


def free_gradually(*values: list[Any] | dict[Any, Any]) -> None:
    """Empty these lists and dicts, and every list and dict in them, one item at a time (other values in
    them are freed whole: a value with a few parts costs nothing). Only for what the caller made and shares
    with no one: every list and dict reached is left empty."""
    todo: list[Any] = list(values)
    while todo:
        part = todo.pop()
        while part:
            item = part.popitem()[1] if isinstance(part, dict) else part.pop()
            if isinstance(item, dict | list):
                todo.append(item)
