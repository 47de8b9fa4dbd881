"""The layering, typing and lint rules of pyproject.toml hold for the whole tree: a change that breaks one
fails the test suite, so it cannot land."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: it is in the 'test' extra of pyproject.toml")
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_import_contracts_hold():
    done = _run(_tool("lint-imports"))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "broken" in done.stdout and " 0 broken" in done.stdout


def test_mypy_strict_passes():
    done = _run(_tool("mypy"))
    assert done.returncode == 0, done.stdout[-4000:]


def test_ruff_passes():
    done = _run(_tool("ruff"), "check", ".")
    assert done.returncode == 0, done.stdout[-4000:]
