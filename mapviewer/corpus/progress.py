"""Progress of a corpus run on standard error: a line rewritten in place on a terminal (documents, rate,
ETA), a plain line every half minute when standard error is a file or a pipe (a log stays readable)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

_TERMINAL_EVERY = 0.2
_LOG_EVERY = 30.0


@dataclass
class Progress:
    """Counts so far against the bytes of input left, reported at most every so often."""

    total_bytes: int
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    started: float = field(default_factory=time.monotonic)
    _last: float = field(default_factory=time.monotonic)
    _shown: bool = False

    @property
    def terminal(self) -> bool:
        return self.stream.isatty()

    def update(self, done_bytes: int, documents: int, words: int) -> None:
        now = time.monotonic()
        if now - self._last < (_TERMINAL_EVERY if self.terminal else _LOG_EVERY):
            return
        self._last, self._shown = now, True
        elapsed = max(now - self.started, 1e-9)
        fraction = done_bytes / self.total_bytes if self.total_bytes else 1.0
        eta = elapsed * (1 - fraction) / fraction if fraction else float("inf")
        text = (f"geoparsed {documents:,} documents ({fraction:4.0%}), {documents / elapsed:,.1f} docs/s, "
                f"{words / elapsed:,.0f} words/s, ETA {_duration(eta)}")
        print(f"\r{text}\x1b[K" if self.terminal else text, end="" if self.terminal else "\n",
              file=self.stream, flush=True)

    def close(self) -> None:
        """End the line a terminal was rewriting."""
        if self._shown and self.terminal:
            print(file=self.stream, flush=True)


def _duration(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    minutes, s = divmod(int(seconds), 60)
    hours, m = divmod(minutes, 60)
    return f"{hours}:{m:02d}:{s:02d}" if hours else f"{m}:{s:02d}"
