"""Metonyms: "Washington said", "Moscow has warned": a capital or country standing for its government."""

from __future__ import annotations

import dataclasses
import re

from ..model import Reading, Span
from .steps import Parse

_SPEECH = re.compile(r"\s+(?:has |have |had |is |was |will |would )?(?:said|says|say|announced|announces|warned|"
                     r"warns|accused|accuses|denied|denies|insisted|insists|claimed|claims|wants|demanded|"
                     r"demands|rejected|rejects|responded|urged|urges|threatened|vowed)\b")


class SpeechMetonyms:
    """A SpanResolver step: a country or city read literally and followed by a verb of speech is re-read
    as a metonym."""

    def resolve(self, parse: Parse) -> list[tuple[Span, Reading]]:
        out = []
        for span in parse.spans:
            reading = parse.readings.get(span.start)
            if (reading is not None and reading.kind == "literal" and reading.best is not None
                    and reading.best.kind in ("country", "city") and _SPEECH.match(parse.text, span.end)):
                out.append((span, dataclasses.replace(reading, kind="metonym")))
        return out
