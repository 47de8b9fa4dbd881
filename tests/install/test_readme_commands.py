"""CI runs the README's test command as written, so CI proves the path a new user takes."""

from __future__ import annotations

import re

from ..conftest import ROOT
from .readme import readme_commands


def test_readme_has_an_open_command_and_a_test_command():
    first, second = readme_commands()
    assert "pip install -e ." in first and first.endswith("seeds/afp-2024-12-16-trump-putin-ukraine-war.txt")
    assert "pip install -e '.[test]'" in second and second.endswith("-m pytest")
    assert "--break-system-packages" not in first + second
    # Both install into the checkout's own virtual environment, never the system Python.
    assert first.startswith("python3 -m venv .venv && .venv/bin/python -m pip")
    assert second.startswith("python3 -m venv .venv && .venv/bin/python -m pip")


def test_ci_runs_the_readme_test_command_as_written():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci


def test_ci_installs_the_packages_the_readme_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.search(r"^sudo apt-get install (.*)$", readme, re.M).group(1).split())
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(re.search(r'PACKAGES="(.*?)"', ci, re.S).group(1).split())
    assert "python3-venv" in named and "chromium" in named and "libxcb-cursor0" in named
    assert named == installed
