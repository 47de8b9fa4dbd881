"""Desktop app figures: time from launch to the sample article's map painted (with the time of each step)
and the memory of the running app (the Python process and its QtWebEngine processes), offscreen.

    python benchmarks/app_figures.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "afp-2024-12-16-trump-putin-ukraine-war.txt"


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total / 1e6


def run_once(out: Path) -> tuple[float, list[str], float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               QTWEBENGINE_CHROMIUM_FLAGS=os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"))
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mapviewer", str(SEED), "--screenshot", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, tree_rss_mb(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - t
    steps = [line for line in proc.stderr.read().splitlines() if " s  " in line]
    return wall, steps, peak


STALL = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from mapviewer.qt.window import MainWindow
w = MainWindow(); w.resize(1280, 800); w.show()
ticks = []
timer = QTimer(); timer.timeout.connect(lambda: ticks.append(time.perf_counter())); timer.start(10)
started = []
def go():
    started.append(time.perf_counter())
    w.open_paths([Path(sys.argv[1])])
w.map.mapReady.connect(lambda: QTimer.singleShot(500, app.quit))
QTimer.singleShot(3000, go)   # after start-up, so only the article's own work is measured
app.exec()
gaps = [b - a for a, b in zip(ticks, ticks[1:]) if a >= started[0]]
print(json.dumps({"seconds": time.perf_counter() - started[0], "max_gap": max(gaps), "mentions": len(w.entries)}))
import shiboken6
shiboken6.delete(w)
"""


def gui_stall(article: Path) -> dict:
    """Open ``article`` in a running window; the longest the GUI thread went without a 10 ms tick."""
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               QTWEBENGINE_CHROMIUM_FLAGS=os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu"))
    out = subprocess.run([sys.executable, "-c", STALL, str(article)], capture_output=True, text=True, env=env,
                         check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def big_article(path: Path, size: int = 1_000_000) -> Path:
    """A 1 MB article made of the sample article repeated with numbered paragraphs."""
    seed = SEED.read_text(encoding="utf-8")
    parts, n = [], 0
    while sum(len(p) for p in parts) < size:
        n += 1
        parts.append(f"Part {n}.\n{seed}")
    path.write_text("\n\n".join(parts)[:size], encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from mapviewer.gazetteer.lifecycle import ensure_store

    ensure_store()  # figures are for a built gazetteer
    with tempfile.TemporaryDirectory() as tmp:
        results = [run_once(Path(tmp) / f"shot{i}.png") for i in range(args.runs)]
    best = min(results, key=lambda r: float(r[1][-1].split()[0]) if r[1] else 1e9)
    print(f"launch to map painted (best of {args.runs}; seconds since the process started):")
    for line in best[1]:
        print("   " + line)
    print(f"process wall time incl. exit: {best[0]:.2f} s; all runs, map painted at: "
          + ", ".join(r[1][-1].split()[0] + " s" for r in results if r[1]))
    print(f"memory of the running app (Python + QtWebEngine processes, peak): {max(r[2] for r in results):.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        stall = gui_stall(big_article(Path(tmp) / "big.txt"))
    print(f"1 MB article opened in a running window: map shown after {stall['seconds']:.1f} s; "
          f"longest GUI-thread stall {1000 * stall['max_gap']:.0f} ms")


if __name__ == "__main__":
    main()
