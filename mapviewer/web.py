"""What counts as a web address where the user may give one (the command line's arguments, File › Open
URL…'s clipboard offer): text starting with one of ``SCHEMES``. Light on purpose: the command line asks
before any reader is imported."""

from __future__ import annotations

SCHEMES = ("http", "https")


def is_web_address(text: str) -> bool:
    return text.strip().lower().startswith(tuple(f"{s}://" for s in SCHEMES))
