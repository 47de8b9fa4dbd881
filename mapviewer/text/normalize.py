"""Name keys shared by the gazetteer builder and the geoparser, so both fold names the same way.

>>> fold("Avdiïvka")
'avdiivka'
>>> fold("Luhans'k Oblast")
'luhansk oblast'
>>> skeleton(fold("Vougledar")) == skeleton(fold("Vuhledar"))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from unidecode import unidecode

_APOSTROPHES = re.compile(r"['’ʼ`´‘ʹ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Transliteration variants that news writers and gazetteers disagree on (French "ou", German "j",
# Ukrainian/Russian h~g, kh~h, zh, ts...). Order matters: longer digraphs first.
_DIGRAPHS = (
    ("dzh", "j"), ("sch", "s"), ("tch", "c"), ("kh", "h"), ("zh", "j"), ("dj", "j"), ("sh", "s"),
    ("ch", "c"), ("ts", "c"), ("tz", "c"), ("ph", "f"), ("ou", "u"), ("ck", "k"), ("gh", "h"),
    ("q", "k"), ("x", "ks"), ("w", "v"), ("y", "i"), ("g", "h"), ("z", "s"), ("c", "k"),
)
_LATER_VOWELS = re.compile(r"(?<=.)[aeiou]+")   # vowels after a line's first letter
_REPEATS = re.compile(r"(.)\1+")


def fold_once(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name: ``fold`` without its cache, for names that
    are folded once each (the gazetteer's build folds about a million, nearly all different)."""
    name = _APOSTROPHES.sub("", name)
    ascii_name = (name if name.isascii() else _APOSTROPHES.sub("", unidecode(name))).lower()
    return _NON_ALNUM.sub(" ", ascii_name).strip()


# The same key, remembered: the geoparser folds the same words again and again.
fold = lru_cache(maxsize=1 << 20)(fold_once)


@lru_cache(maxsize=1 << 20)
def skeleton(key: str) -> str:
    """Consonant skeleton of a folded key: equal for most transliteration variants of one name."""
    return skeletons([key.replace("\n", " ")])[0]


def skeletons(keys: Sequence[str]) -> list[str]:
    """The skeleton of each folded key (its first letter, then its consonants after the digraph rules,
    no letter twice in a row), each rule applied once to all the keys: the store's build has ~600,000."""
    text = "\n".join(keys)
    if text.count("\n") != len(keys) - 1:      # a key with a line break: one at a time
        return [skeleton(key) for key in keys]
    text = text.replace(" ", "")
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    return _REPEATS.sub(r"\1", _LATER_VOWELS.sub("", text)).split("\n")
