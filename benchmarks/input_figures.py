"""Input figures: seconds per MB of sentence splitting and of the whole geoparse for 1, 2, 4, 8, 16 MB of
news text, best and median of 3 runs; time must grow linearly (16 MB within 16 × the 1 MB time × 1.3).
CPU seconds of this process: on a shared machine, wall time also measures the neighbours' work.

    python benchmarks/input_figures.py [--sizes 1 2 4 8 16] [--runs 3]

The text is the sample article repeated, each copy numbered and with its figures changed, so that it
reads like a long log of dispatches rather than one string repeated.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from mapviewer.gazetteer import GazetteerStore
from mapviewer.model import Document
from mapviewer.pipeline import Geoparser
from mapviewer.text.sentences import split_sentences

SEED = Path(__file__).resolve().parent.parent / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"
MB = 1_000_000
LINEAR_SLACK = 1.3


def dispatches(megabytes: int) -> str:
    """About ``megabytes`` MB of text: numbered copies of the sample article with varied figures."""
    seed = SEED.read_text(encoding="utf-8")
    parts, size, n = [], 0, 0
    while size < megabytes * MB:
        n += 1
        copy = f"Dispatch No. {n}, {n % 28 + 1} Dec.\n" + re.sub(r"\d+", lambda m, n=n: str(int(m.group()) + n), seed)
        parts.append(copy)
        size += len(copy.encode("utf-8"))
    return "\n".join(parts)


def timings(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """(best, median) CPU time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        work()
        times.append(time.process_time() - t0)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8, 16], help="sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    geoparser = Geoparser(GazetteerStore.open())
    print(f"{'MB':>4s} {'split s/MB best':>16s} {'median':>8s} {'geoparse s/MB best':>19s} {'median':>8s}")
    per_mb = {}
    for size in args.sizes:
        text = dispatches(size)
        split = timings(lambda text=text: split_sentences(text), args.runs)
        whole = timings(lambda text=text: geoparser.analyse(Document(text)), args.runs)
        per_mb[size] = whole[0] / size
        print(f"{size:4d} {split[0] / size:16.3f} {split[1] / size:8.3f} {whole[0] / size:19.3f} "
              f"{whole[1] / size:8.3f}", flush=True)
    smallest, largest = min(per_mb), max(per_mb)
    ratio = per_mb[largest] / per_mb[smallest]
    verdict = "linear" if ratio <= LINEAR_SLACK else "NOT linear"
    print(f"{largest} MB vs {smallest} MB: {ratio:.2f} × the time per MB ({verdict}; the limit is {LINEAR_SLACK})")
    return 0 if ratio <= LINEAR_SLACK else 1


if __name__ == "__main__":
    raise SystemExit(main())
