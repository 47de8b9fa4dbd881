"""Corpus figures: words/s per worker, parallel efficiency, memory per worker, and Dask's overhead.

    python benchmarks/corpus_figures.py [--workers 1 2 4 8 16] [--runs 3] [--repeat 40] [--dask] [--eval DIR]

The input is the development corpora (../shared/eval/*.jsonl beside the repository) repeated ``--repeat``
times with fresh ids. Each run is a fresh process doing what `mapviewer geoparse --jsonl IN --out OUT
--workers N` does (the store opened by each worker, caches cold), so start-up is in every figure.

Two kinds of figures, because a shared machine makes wall time lie:
- wall: words/s of the whole run and efficiency = rate(N) / (N x rate(1)); honest only on idle cores.
- CPU: words per CPU-second of the workers (what one worker does with a core to itself);
  efficiency = CPU-seconds of the run at 1 worker / CPU-seconds at N (every process: parent, workers,
  Dask's scheduler and nannies), the work parallelism adds (start-up of N stores, joining parts);
  balance = the workers' CPU-seconds / (N x the busiest worker's), the share of the run's length the
  workers were busy if each had a core; and their product, the efficiency N idle cores would give,
  estimated from CPU time (the wall figure measures it directly on an idle machine).
Memory: the largest worker's peak RSS. Dask: a LocalCluster of N processes on the same input, cluster
start-up included, against the plain pool.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

# One run in a fresh process; prints its Summary and the CPU-seconds of the process and all it waited for.
_RUN = """
import json, resource, sys
from pathlib import Path
from mapviewer.corpus import CorpusJob, geoparse_corpus
from mapviewer.gazetteer.lifecycle import ensure_store
corpus, out, workers, dask = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "dask"
job = CorpusJob(corpus, ensure_store(), out, workers)
if dask:
    from mapviewer.corpus.dask import geoparse_on_dask
    s = geoparse_on_dask(job)
else:
    s = geoparse_corpus(job)
cpu = sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
          for f in ("ru_utime", "ru_stime"))
print(json.dumps({"words": s.words, "documents": s.documents, "seconds": s.seconds, "worker_cpu": s.cpu,
                  "balance": s.balance, "cpu": cpu, "peak_mb": s.peak_rss_kib / 1024}))
"""


def make_input(eval_dir: Path, repeat: int, path: Path) -> None:
    """The corpora ``repeat`` times over, ids made unique; only id and text kept."""
    with open(path, "w", encoding="utf-8") as out:
        for n in range(repeat):
            for corpus in sorted(eval_dir.glob("*.jsonl")):
                for line in corpus.read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    out.write(json.dumps({"id": f"{n}:{corpus.stem}:{record['id']}", "text": record["text"]}) + "\n")


def run(corpus: Path, workers: int, dask: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-c", _RUN, str(corpus), str(Path(tmp) / "out.jsonl"), str(workers),
                               "dask" if dask else "pool"], capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return figures


def runs(corpus: Path, workers: int, n: int, dask: bool = False) -> list[dict[str, float]]:
    return [run(corpus, workers, dask) for _ in range(n)]


def best_median(values: list[float], high: bool = True) -> tuple[float, float]:
    return (max(values) if high else min(values)), statistics.median(values)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder with the development corpora")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=3, help="runs per figure (best and median printed)")
    ap.add_argument("--repeat", type=int, default=40, help="how many times the corpora are repeated")
    ap.add_argument("--dask", action="store_true", help="also run on a Dask LocalCluster (needs mapviewer[dask])")
    args = ap.parse_args()
    counts = sorted(set(args.workers) | {1})
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_input(args.eval, args.repeat, corpus)
        print(f"input: {corpus.stat().st_size / 1e6:.1f} MB, the corpora of {args.eval} x {args.repeat}; "
              f"{os.cpu_count()} cores; {args.runs} runs per line (best, median)")
        pool = {n: runs(corpus, n, args.runs) for n in counts}
        words = pool[1][0]["words"]
        print(f"{words:,.0f} words, {pool[1][0]['documents']:,.0f} documents\n")
        print(f"{'workers':>7s} {'words/s wall':>21s} {'eff. wall':>9s} {'words/CPU-s/worker':>21s} "
              f"{'eff. CPU':>8s} {'balance':>7s} {'product':>7s} {'peak RSS/worker':>15s}")
        wall1 = statistics.median(words / r["seconds"] for r in pool[1])
        cpu1 = statistics.median(r["cpu"] for r in pool[1])
        for n in counts:
            rate = best_median([words / r["seconds"] for r in pool[n]])
            per_worker = best_median([words / r["worker_cpu"] for r in pool[n]])
            eff_cpu = statistics.median(cpu1 / r["cpu"] for r in pool[n])
            balance = statistics.median(r["balance"] for r in pool[n])
            peak = max(r["peak_mb"] for r in pool[n])
            print(f"{n:7d} {rate[0]:>10,.0f} {rate[1]:>10,.0f} {rate[1] / (n * wall1):9.2f} "
                  f"{per_worker[0]:>10,.0f} {per_worker[1]:>10,.0f} {eff_cpu:8.2f} {balance:7.2f} "
                  f"{eff_cpu * balance:7.2f} {peak:12.0f} MB")
        if args.dask:
            print("\nDask LocalCluster (cluster start included) against the plain pool, medians:")
            for n in counts:
                dask = runs(corpus, n, args.runs, dask=True)
                wall_d, wall_p = (statistics.median(r["seconds"] for r in rs) for rs in (dask, pool[n]))
                cpu_d, cpu_p = (statistics.median(r["cpu"] for r in rs) for rs in (dask, pool[n]))
                print(f"{n:7d} workers: wall {wall_d:.1f} s against {wall_p:.1f} s ({wall_d / wall_p - 1:+.0%}), "
                      f"CPU {cpu_d:.1f} s against {cpu_p:.1f} s ({cpu_d - cpu_p:+.1f} s, {cpu_d / cpu_p - 1:+.0%}); "
                      f"peak RSS/worker {max(r['peak_mb'] for r in dask):.0f} MB")

if __name__ == "__main__":
    main()
