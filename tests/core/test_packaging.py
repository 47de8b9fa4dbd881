"""What a wheel of mapviewer holds: every package of mapviewer/, the data folders, py.typed, the licence."""

from __future__ import annotations

import tomllib

from ..conftest import ROOT


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_subpackage_is_in_the_wheel():
    listed = set(_setuptools()["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "mapviewer").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"
    data = set(_setuptools()["package-dir"])
    assert listed - found == data and all((ROOT / folder).is_dir() for folder in _setuptools()["package-dir"].values())


def test_typed_and_licensed():
    assert (ROOT / "mapviewer" / "py.typed").exists()
    assert "py.typed" in _setuptools()["package-data"]["mapviewer"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"file": "LICENSE"}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
