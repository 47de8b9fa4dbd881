"""Before Qt starts: is there a display, and can the xcb platform plugin and QtWebEngine load?

Without a display, or with one of the plugin's system libraries missing, Qt aborts with a message that
names at most one library. This module says instead, in one message, everything that is missing and the
Debian/Ubuntu packages that provide it. It imports nothing from Qt, so it runs before PySide6 is loaded.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import MapviewerError

# Sonames whose Debian package name does not follow the usual rule (see ``debian_package``).
DEBIAN_PACKAGES = {
    "libz.so.1": "zlib1g",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libGLdispatch.so.0": "libglvnd0",
    "libgcc_s.so.1": "libgcc-s1",
    "libnss3.so": "libnss3",
    "libnssutil3.so": "libnss3",
    "libsmime3.so": "libnss3",
    "libnspr4.so": "libnspr4",
    "libplc4.so": "libnspr4",
    "libplds4.so": "libnspr4",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    **{f"lib{name}.so.{v}": "libc6" for name, v in
       (("c", 6), ("m", 6), ("pthread", 0), ("dl", 2), ("rt", 1), ("resolv", 2))},
}


class PreflightError(MapviewerError):
    """Qt would not start: no display, or system libraries missing."""


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships ``soname``: libxcb-icccm.so.4 → libxcb-icccm4,
    libxkbcommon-x11.so.0 → libxkbcommon-x11-0 (Debian's naming policy), or a known exception."""
    if soname in DEBIAN_PACKAGES:
        return DEBIAN_PACKAGES[soname]
    match = re.fullmatch(r"(lib.+?)\.so\.(\d+)", soname)
    if not match:
        return soname
    name, version = match.group(1).lower().replace("_", "-"), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def qt_directory() -> Path | None:
    """PySide6's bundled Qt (``.../site-packages/PySide6/Qt``), found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def system_dependencies(paths: Iterable[Path]) -> list[str]:
    """The sonames ``ldd`` lists for ``paths`` (with their dependencies' dependencies), leaving out the
    libraries PySide6 bundles itself and the loader's own entries. Empty when ``ldd`` is not there."""
    ldd = shutil.which("ldd")
    existing = [str(p) for p in paths if Path(p).exists()]
    if not ldd or not existing:
        return []
    out = subprocess.run([ldd, *existing], capture_output=True, text=True, timeout=30).stdout
    names: list[str] = []
    for line in out.splitlines():
        match = re.match(r"\s*(\S+) => (.*?)(?: \(0x[0-9a-f]+\))?$", line)
        if not match:
            continue                                # a file header, linux-vdso or ld-linux itself
        name, where = match.groups()
        bundled = where != "not found" and "/PySide6/" in where
        if not bundled and name not in names:
            names.append(name)
    return names


def missing_libraries(names: Iterable[str]) -> list[str]:
    """The libraries among ``names`` (and their own dependencies) that the dynamic loader cannot find.
    A library that is there but needs a missing one is not listed; the missing one is."""
    missing: list[str] = []
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError as e:
            # dlerror() names the file it could not open: ``name`` itself or one of its dependencies.
            match = re.match(r"(\S+?): cannot open shared object file", str(e))
            lost = Path(match.group(1)).name if match else name
            if lost not in missing:
                missing.append(lost)
    return missing


def xcb_platform(env: Mapping[str, str]) -> bool:
    """Would Qt use its xcb (X11) platform plugin? Qt's default on Linux, unless asked otherwise or in a
    Wayland session (where Qt tries wayland first)."""
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


NO_DISPLAY = ("no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window cannot open. "
              "Run it in a desktop session, or for a picture of the window without a screen: "
              "QT_QPA_PLATFORM=offscreen mapviewer FILE --screenshot OUT.png")


def missing_message(missing: list[str]) -> str:
    packages = sorted({debian_package(name) for name in missing})
    return (f"Qt cannot start: system libraries missing: {', '.join(missing)}. "
            f"On Debian/Ubuntu: sudo apt-get install {' '.join(packages)} (other systems: see the README)")


def check(env: Mapping[str, str] | None = None) -> None:
    """Raise PreflightError when the Qt app would fail to start for want of a display or of libraries."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or not xcb_platform(env):
        return
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        raise PreflightError(NO_DISPLAY)
    qt = qt_directory()
    if qt is None:
        return                                      # PySide6 itself is missing: its import error says so
    libraries = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6WebEngineCore.so.6"]
    missing = missing_libraries(system_dependencies(libraries))
    if missing:
        raise PreflightError(missing_message(missing))
