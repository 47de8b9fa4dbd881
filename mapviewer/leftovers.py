"""Temporary files a killed mapviewer leaves behind, and their removal.

An atomic write (``io.write_atomic``: exports, projects, the autosave) goes through ``.NAME.mapviewer-PID-XXXX.tmp``
beside NAME, a gazetteer build through ``.NAME.PID.partial``; each name carries the id of the process that
writes it. Such a file is removed only when all of these hold, so that another program's file, or work under
way in another mapviewer, is never touched: its name has exactly that form, it is a regular file (not a link)
owned by this user, and either its process no longer runs and it has not changed for a minute, or it has not
changed for a day (process ids are reused eventually). A corpus run's ``OUT.partial`` is no leftover: it is
what ``--resume`` continues.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import time
from pathlib import Path

TMP_TAG = "mapviewer"
_LEFTOVER = re.compile(rf"^\.(?P<name>.+)\.(?:{TMP_TAG}-(?P<tmp_pid>\d+)-[A-Za-z0-9_]+\.tmp|(?P<pid>\d+)\.partial)$")
QUIET_S = 60                 # a dead process's file, untouched this long, is left over
STALE_S = 24 * 3600          # any of our temporary files, untouched this long, is left over


def tmp_prefix(name: str) -> str:
    """The start of an atomic write's temporary file name for the file ``name`` (``tempfile`` adds the rest)."""
    return f".{name}.{TMP_TAG}-{os.getpid()}-"


def partial_path(path: Path) -> Path:
    """Where a gazetteer build writes before the store is complete."""
    return path.with_name(f".{path.name}.{os.getpid()}.partial")


def remove_leftovers(folder: Path, name: str | None = None) -> list[Path]:
    """Remove the leftovers in ``folder`` (only those of the file ``name``, when given); returns them."""
    pattern = f".{glob.escape(name)}.*" if name else ".*"
    removed = []
    now = time.time()
    for path in Path(folder).glob(pattern):
        match = _LEFTOVER.match(path.name)
        if match is None or (name is not None and match["name"] != name):
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            continue
        quiet = now - info.st_mtime
        pid = int(match["tmp_pid"] or match["pid"])
        if quiet >= STALE_S or (quiet >= QUIET_S and not _running(pid)):
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":     # Windows' os.kill(pid, 0) would send the process Ctrl+C
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:          # alive, another user's
        return True
    return True
