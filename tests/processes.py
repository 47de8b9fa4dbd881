"""The processes a test started, from /proc: to check that nothing of a cancelled build goes on running."""

from __future__ import annotations

import os
import time


def descendants(pid: int) -> set[int]:
    """The processes started, directly or not, by process ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def builds(pid: int) -> set[int]:
    """The gazetteer builds that process ``pid`` started, directly or not, with their helpers: known by their
    command line (``lifecycle._BUILD``), not by being new. A process forked but not yet executed shows its
    parent's command line: a QtWebEngine process caught at that moment is no build."""
    found = set()
    for child in descendants(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as f:
                if b"mapviewer.gazetteer.build" in f.read():
                    found |= {child} | descendants(child)
        except OSError:
            continue
    return found


def running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def still_running(pids: set[int], grace_s: float = 30) -> list[int]:
    """Those of ``pids`` that still run after the kernel has had ``grace_s`` to end the killed ones."""
    deadline = time.monotonic() + grace_s
    while any(map(running, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [pid for pid in pids if running(pid)]
