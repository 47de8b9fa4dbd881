"""What a desktop user waits for, in wall time, best and median of several runs (offscreen, the sample
article, each run a new process as `mapviewer SAMPLE --screenshot OUT.png` starts it):

  a fresh machine (empty user cache, config and data folders): launch -> window created -> gazetteer
  built -> article geoparsed and map page built -> map page loaded -> map painted; then the basemap's
  detail (the closer zooms), which the app builds in the background after that first map;
  every later launch (gazetteer built): launch -> window created -> gazetteer open -> map page built ->
  page loaded -> painted.

    python benchmarks/first_run_figures.py [--fresh-runs 3] [--runs 5] [--platform offscreen]

With ``--platform xcb`` the window is a real X window (on a machine without a screen: ``xvfb-run -a python
benchmarks/first_run_figures.py --platform xcb``), painted by the X server as on a desktop.

Each figure is seconds since the process started. The machine's load during the runs is printed too:
on a shared machine the figures of a busy minute say more about the neighbours than about mapviewer.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"
PAINTED = "map painted"


def launch(env: dict[str, str], out: Path) -> tuple[dict[str, float], float]:
    """One launch: the seconds at which each step ended (the app prints them with --screenshot) and the
    process's wall time including its exit."""
    t = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mapviewer", str(SEED), "--screenshot", str(out)],
                         capture_output=True, text=True, env=env, timeout=900)
    wall = time.perf_counter() - t
    if run.returncode != 0:
        raise SystemExit(f"the app failed: {run.stderr.strip()[-2000:]}")
    steps = {}
    for line in run.stderr.splitlines():
        seconds, sep, name = line.strip().partition(" s  ")
        if sep:
            steps[name] = float(seconds)
    return steps, wall


def detail_build(env: dict[str, str]) -> float:
    """Seconds to build the basemap's detail for the store a fresh launch built (the app builds it in the
    background after the first map; a --screenshot run ends before it is done): what a new user's map
    waits for before its closer zooms show their coasts, borders and names."""
    code = "from mapviewer.gazetteer.lifecycle import ensure_detail; ensure_detail()"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=900)
    return time.perf_counter() - t


def app_env(home: Path | None, platform: str = "offscreen") -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=platform,
               QTWEBENGINE_CHROMIUM_FLAGS=os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"))
    env.pop("MAPVIEWER_GAZETTEER", None)
    if home is not None:        # a fresh machine: nothing cached, configured or saved yet
        for var, folder in (("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data")):
            (home / folder).mkdir(parents=True, exist_ok=True)
            env[var] = str(home / folder)
    return env


def report(title: str, runs: list[dict[str, float]]) -> None:
    print(f"{title} ({len(runs)} runs; seconds since launch, best / median):")
    for name in runs[0]:
        values = [r[name] for r in runs if name in r]
        print(f"  {name:42s} {min(values):7.2f} / {statistics.median(values):7.2f}")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fresh-runs", type=int, default=3, help="launches on a fresh machine (each builds the gazetteer)")
    ap.add_argument("--runs", type=int, default=5, help="launches with the gazetteer built")
    ap.add_argument("--platform", default="offscreen", help="Qt's platform plugin: offscreen, or xcb for an X window")
    args = ap.parse_args()
    print(f"{os.cpu_count()} cores; Qt platform {args.platform}; load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        fresh, detail = [], []
        for i in range(args.fresh_runs):
            env = app_env(Path(tmp) / f"home{i}", args.platform)
            fresh.append(launch(env, Path(tmp) / f"fresh{i}.png")[0])
            detail.append(detail_build(env))
        if fresh:
            report("fresh machine: first launch to the sample's map", fresh)
            best, median = min(detail), statistics.median(detail)
            print(f"  {'then the basemap detail, built alone':42s} {best:7.2f} / {median:7.2f}")
        from mapviewer.gazetteer.lifecycle import ensure_detail, ensure_store

        ensure_detail(ensure_store())   # the later launches: a built gazetteer in the user's cache
        later = [launch(app_env(None, args.platform), Path(tmp) / f"shot{i}.png") for i in range(args.runs)]
        report("gazetteer built: launch to the sample's map", [steps for steps, _ in later])
        walls = [wall for _, wall in later]
        print(f"  {'process wall time, exit included':42s} {min(walls):7.2f} / {statistics.median(walls):7.2f}")
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
