"""GUI stall figures: the longest time the GUI thread goes without processing events while a running window
opens a large article — a 5 MB article on one line (no newline at all) and a 20 MB article — measured by
a 10 ms QTimer heartbeat from the moment the article is asked for until its map has loaded; best and
median of several runs, each a fresh process, offscreen. Target: no stall over 100 ms.

    python benchmarks/stall_figures.py [--runs 3] [--sizes 5line 20]

The time per MB of the core (splitting, geoparsing) is ``benchmarks/input_figures.py``'s.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from app_figures import gui_stall
from input_figures import MB, dispatches


def article(kind: str, folder: Path) -> Path:
    """``5line``: 5 MB of news text with every line end made a space; ``20``: 20 MB as written."""
    megabytes = int(kind.removesuffix("line"))
    text = dispatches(megabytes)[: megabytes * MB]
    if kind.endswith("line"):
        text = " ".join(text.split("\n"))
    path = folder / f"{kind}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", nargs="+", default=["5line", "20"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.sizes:
            path = article(kind, Path(tmp))
            runs = [gui_stall(path) for _ in range(args.runs)]
            stalls = [1000 * r["max_gap"] for r in runs]
            shown = [r["seconds"] for r in runs]
            what = f"{kind[:-4]} MB on one line" if kind.endswith("line") else f"{kind} MB article"
            print(f"{what}: longest GUI-thread stall {min(stalls):.0f} ms best, {statistics.median(stalls):.0f} ms "
                  f"median of {args.runs} (all: {', '.join(f'{s:.0f}' for s in stalls)}); map shown after "
                  f"{min(shown):.1f} s best, {statistics.median(shown):.1f} s median; {runs[0]['mentions']} places",
                  flush=True)


if __name__ == "__main__":
    main()
