"""The real first-run build, cancelled and started again: a cancel stops the builder and its helper
process at once and leaves no file behind; then two processes that need the store at the same time
share one build (real subprocesses, the real builder: one builds, the other waits and uses its store)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mapviewer.errors import Cancelled
from mapviewer.gazetteer.lifecycle import data_version, problem, rebuild

from ..processes import descendants, still_running

ROOT = Path(__file__).resolve().parents[2]
WAITING = "waiting for another mapviewer to finish building the gazetteer"
ENSURE = ("import sys\n"
          "from pathlib import Path\n"
          "from mapviewer.gazetteer.lifecycle import ensure_store\n"
          "ensure_store(Path(sys.argv[1]), lambda message, fraction: print(message, flush=True))\n")


@pytest.mark.slow
def test_a_cancelled_build_stops_at_once_and_two_processes_then_share_one_build(tmp_path):
    path = tmp_path / "store.sqlite"
    seen: list[str] = []
    builders: set[int] = set()
    others = descendants(os.getpid())      # what earlier tests left running is no part of the build

    def cancelled() -> bool:        # asked before each step is reported
        if "reading admin-1 regions" in seen and not builders:
            builders.update(descendants(os.getpid()) - others)   # the builder and its helper, at work
        return bool(builders)

    with pytest.raises(Cancelled):
        rebuild(path, lambda message, fraction: seen.append(message), cancelled=cancelled)
    assert len(builders) >= 2
    left = still_running(builders)
    assert left == [], [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in left]
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == []

    runs = [subprocess.Popen([sys.executable, "-c", ENSURE, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=900) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    steps = [out.splitlines() for out, _ in outputs]
    builder, waiter = sorted(steps, key=lambda s: s == [WAITING])
    assert waiter == [WAITING] and "reading GeoNames cities" in builder and builder[-1] == "done"
    assert problem(path, data_version()) is None
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")] == [path.name]


def test_a_build_whose_starter_lets_go_of_it_ends_itself(tmp_path):
    """The process that starts a build holds its standard input; when that closes (the starter died, or lost
    its handle on the build while starting it), the build and its helper end, and write nothing."""
    from mapviewer.gazetteer.lifecycle import _BUILD

    path = tmp_path / "store.sqlite"
    others = descendants(os.getpid())
    build = subprocess.Popen([sys.executable, "-c", _BUILD, "--until-stdin-closes", "store", str(path), "v"],
                             cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, start_new_session=True)
    try:
        while "reading admin-1 regions" not in build.stdout.readline():    # the helper is at work by now
            assert build.poll() is None
        processes = descendants(os.getpid()) - others
        assert len(processes) >= 2
        build.stdin.close()
        assert build.wait(60) != 0
        assert still_running(processes) == []
        assert not path.exists()
    finally:
        if build.poll() is None:
            build.kill()
