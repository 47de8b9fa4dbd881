"""Temporary files of a killed mapviewer — an export's or a project's ``.tmp``, a gazetteer build's
``.partial`` — are removed by the next write of the file, the next build, or the next start of the app;
another program's files, and work under way, never are."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from mapviewer.gazetteer.lifecycle import ensure_store
from mapviewer.io import write_atomic
from mapviewer.leftovers import QUIET_S, remove_leftovers

from ..conftest import ROOT
from .small_store import write_small_store

# Writes the file argv[1] atomically (or builds a store there) and waits, killed, in the middle of it.
KILLED_WRITE = """
import os, sys, time
from pathlib import Path
path = Path(sys.argv[1])
def stop(*args):
    print("writing", flush=True)
    time.sleep(600)
if sys.argv[2] == "export":
    from mapviewer.io import write_atomic
    os.fsync = stop
    write_atomic(path, "the new map")
else:
    from mapviewer.gazetteer.lifecycle import ensure_store
    def build(p, version, progress):
        p.write_bytes(b"half a store")
        stop()
    ensure_store(path, build=build)
"""


def _killed_during(path, what):
    """Run a write of ``path`` in another process and kill it (SIGKILL) in the middle: what it left."""
    before = set(path.parent.iterdir())
    process = subprocess.Popen([sys.executable, "-c", KILLED_WRITE, str(path), what], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "writing\n"
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = [p for p in set(path.parent.iterdir()) - before if not p.name.endswith(".lock")]
    assert len(left) == 1, left
    past = time.time() - QUIET_S - 1            # a killed process's file, quiet for more than a minute
    os.utime(left[0], (past, past))
    return left[0]


def test_the_next_write_of_a_file_removes_a_killed_writes_temporary_file(tmp_path):
    out = tmp_path / "map.html"
    out.write_text("the old map", encoding="utf-8")
    left = _killed_during(out, "export")
    assert left.name.startswith(".map.html.mapviewer-") and left.name.endswith(".tmp")
    assert out.read_text(encoding="utf-8") == "the old map"              # the old file whole
    write_atomic(out, "the newer map")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_the_next_build_removes_a_killed_builds_partial_store(tmp_path):
    store = tmp_path / "store.sqlite"
    left = _killed_during(store, "build")
    assert left.name.endswith(".partial") and not store.exists()
    ensure_store(store, build=write_small_store)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["store.sqlite"]


def test_only_our_leftovers_of_finished_processes_are_removed(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = gone.stdout.strip()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        files = {
            f".a.txt.mapviewer-{dead}-x1y2.tmp": True,          # a killed export: removed
            f".store.sqlite.{dead}.partial": True,               # a killed build: removed
            f".b.txt.mapviewer-{sleeper.pid}-x1y2.tmp": False,   # a write under way in another mapviewer
            ".c.txt.tmp": False,                                  # another program's temporary file
            f".c.txt.{dead}.tmp": False,                          # likewise
            "out.jsonl.partial": False,                           # an interrupted corpus run, for --resume
            f"d.txt.mapviewer-{dead}-x1y2.tmp": False,           # not hidden: not a name we write
            "notes.txt": False,
        }
        past = time.time() - QUIET_S - 1
        for name in files:
            (tmp_path / name).write_text("x", encoding="utf-8")
            os.utime(tmp_path / name, (past, past))
        fresh = tmp_path / f".e.txt.mapviewer-{dead}-x1y2.tmp"   # a dead process's, but just written
        fresh.write_text("x", encoding="utf-8")
        (tmp_path / "target").write_text("x", encoding="utf-8")
        link = tmp_path / f".f.txt.mapviewer-{dead}-x1y2.tmp"     # a link is nobody's leftover
        link.symlink_to(tmp_path / "target")
        os.utime(link, (past, past), follow_symlinks=False)
        removed = remove_leftovers(tmp_path)
        assert sorted(p.name for p in removed) == sorted(n for n, gone in files.items() if gone)
        assert all((tmp_path / n).exists() for n, gone in files.items() if not gone)
        assert fresh.exists() and link.is_symlink() and (tmp_path / "target").exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_day_old_leftover_is_removed_whatever_its_process(tmp_path):
    mine = tmp_path / f".a.txt.mapviewer-{os.getppid()}-abc.tmp"     # a running process (pid reused)
    mine.write_text("x", encoding="utf-8")
    past = time.time() - 2 * 24 * 3600
    os.utime(mine, (past, past))
    assert remove_leftovers(tmp_path, "a.txt") == [mine]
