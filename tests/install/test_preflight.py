"""The check before Qt starts: real libraries, the real loader, the real command without a display."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapviewer.qt.preflight import (
    PreflightError,
    check,
    debian_package,
    missing_libraries,
    missing_message,
    qt_directory,
    system_dependencies,
    xcb_platform,
)

from ..conftest import ROOT, SEED

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the preflight checks Linux only")


@linux
def test_present_libraries_are_not_missing():
    assert missing_libraries(["libc.so.6", "libm.so.6"]) == []


@linux
def test_an_absent_library_is_named():
    assert missing_libraries(["libc.so.6", "libmapviewer-absent.so.7"]) == ["libmapviewer-absent.so.7"]


@linux
def test_dependencies_of_the_real_xcb_plugin():
    plugin = qt_directory() / "plugins" / "platforms" / "libqxcb.so"
    names = system_dependencies([plugin])
    assert {"libxcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"} <= set(names)
    assert not [n for n in names if n.startswith("libQt6")]          # PySide6 bundles Qt's own libraries


def test_debian_package_names():
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert debian_package("libEGL.so.1") == "libegl1"
    assert debian_package("libnss3.so") == "libnss3"
    assert debian_package("libz.so.1") == "zlib1g"


def test_message_names_every_library_and_one_install_command():
    message = missing_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message


def test_which_platform_qt_would_use():
    assert xcb_platform({})
    assert xcb_platform({"QT_QPA_PLATFORM": "xcb"})
    assert not xcb_platform({"QT_QPA_PLATFORM": "offscreen"})
    assert not xcb_platform({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})


@linux
def test_offscreen_needs_no_display():
    check({"QT_QPA_PLATFORM": "offscreen"})


@linux
def test_with_the_readme_packages_installed_the_xcb_check_passes():
    """No false alarm on a desktop: with a display, the real plugin and QtWebEngine, and the README's
    packages installed (.ci/run installs them), nothing is reported missing."""
    check({"DISPLAY": ":0"})


@linux
def test_no_display_is_an_error():
    with pytest.raises(PreflightError, match="no display"):
        check({})


@linux
def test_mapviewer_without_a_display_says_so_and_exits():
    script = shutil.which("mapviewer", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "mapviewer"]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    start = time.monotonic()
    done = subprocess.run([*command, str(SEED)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - start < 20
    assert done.returncode == 1
    assert done.stderr.startswith("mapviewer: no display")
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr and len(done.stderr.splitlines()) == 1
