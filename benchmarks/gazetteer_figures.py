"""Gazetteer figures: build time, store size, cold start, geocode() rate, peak memory.

    python benchmarks/gazetteer_figures.py            # uses the built store (builds it if missing)
    python benchmarks/gazetteer_figures.py --build    # also times a fresh build into a temp dir
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COLD_START = """
import time; t = time.perf_counter()
from mapviewer.gazetteer import OfflineGazetteer
loc = OfflineGazetteer().geocode("Kourakhové")
print(time.perf_counter() - t)
"""

RATE_AND_MEMORY = """
import json, resource, time
from mapviewer.gazetteer import OfflineGazetteer
g = OfflineGazetteer()
names = [r[0] for r in g.store._query("SELECT name FROM places WHERE kind = 'city' AND id % 97 = 0 LIMIT 2000")]
for n in names:                      # first pass: every name once, cold
    g.geocode(n)
t = time.perf_counter(); cold = len(names)
queries = names * 5
t = time.perf_counter()
for n in queries:
    g.geocode(n)
warm = len(queries) / (time.perf_counter() - t)
g.store.clear_cache()
t = time.perf_counter()
for n in names:
    g.geocode(n)
uncached = len(names) / (time.perf_counter() - t)
print(json.dumps({"warm_per_s": warm, "uncached_per_s": uncached,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", action="store_true", help="time a fresh build into a temporary directory")
    args = ap.parse_args()
    from mapviewer.gazetteer.lifecycle import ensure_detail, ensure_store, rebuild

    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            rebuild(Path(tmp) / "g.sqlite")
            store = time.perf_counter() - t
            ensure_detail(Path(tmp) / "g.sqlite")
            detail = time.perf_counter() - t - store
            print(f"build time            {store:6.1f} s store (what a first map waits for) + {detail:.1f} s its "
                  f"detail = {store + detail:.1f} s")
    path = ensure_store()
    detail_file = ensure_detail(path)
    detail_size = detail_file.stat().st_size / 1e6 if detail_file else 0.0
    print(f"store size            {path.stat().st_size / 1e6:6.1f} MB + {detail_size:.1f} MB detail   ({path})")
    colds = [float(subprocess.run([sys.executable, "-c", COLD_START], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(5)]
    print(f"cold start            {min(colds):6.3f} s best, {sorted(colds)[2]:.3f} s median "
          "(new process: import + open + first geocode)")
    out = json.loads(subprocess.run([sys.executable, "-c", RATE_AND_MEMORY], capture_output=True, text=True,
                                    check=True).stdout)
    print(f"geocode() rate        {out['uncached_per_s']:8,.0f} /s uncached, {out['warm_per_s']:,.0f} /s warm "
          "(2,000 distinct city names)")
    print(f"peak RSS              {out['peak_rss_mb']:6.1f} MB (process holding the open gazetteer)")


if __name__ == "__main__":
    main()
