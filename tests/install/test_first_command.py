"""The README's first command, as written, opens the sample article: offscreen, with --screenshot appended."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT
from .readme import readme_commands


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the README's commands are for a POSIX shell")
def test_readme_first_command_opens_the_sample_article(tmp_path, store):
    # ``store``: the gazetteer is built (into the user's cache, as the app would) before the app starts.
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
               PATH=os.pathsep.join(["/usr/bin", os.environ.get("PATH", "")]))
    env.pop("VIRTUAL_ENV", None)
    command = f"{readme_commands()[0]} --screenshot {shot}"
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    assert f"saved {shot}" in done.stderr
    assert_window_picture(shot)


def assert_window_picture(path: Path) -> None:
    """A PNG of the whole window with something drawn in it: not blank, not one flat colour."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable picture"
    assert image.width() >= 1000 and image.height() >= 600
    colours = {image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)}
    assert len(colours) > 200
    # The map (top right of the window) has drawn its land, outlines and markers, not a flat pane.
    w, h = image.width(), image.height()
    map_pane = {image.pixel(x, y) for x in range(w * 3 // 5, w, 4) for y in range(h // 10, h // 2, 4)}
    assert len(map_pane) > 150
