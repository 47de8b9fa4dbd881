"""The one command-line parser: every command in --help, a version, arguments checked with a message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mapviewer import __version__
from mapviewer.cli import COMMANDS, _with_command, build_parser
from mapviewer.export import FORMATS


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mapviewer", *args], capture_output=True, text=True, timeout=60)


def test_help_lists_every_command_and_version():
    out = _run("--help")
    assert out.returncode == 0
    for command in COMMANDS:
        assert f"\n    {command}" in out.stdout
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"mapviewer {__version__}"


def test_files_without_a_command_open_the_app():
    assert _with_command(["a.txt", "--screenshot", "s.png"]) == ["open", "a.txt", "--screenshot", "s.png"]
    assert _with_command([]) == ["open"]
    assert _with_command(["export", "a.txt", "--out", "x.csv"])[0] == "export"
    args = build_parser().parse_args(_with_command(["a.txt", "--size", "800x600"]))
    assert args.command == "open" and args.size == (800, 600)


@pytest.mark.parametrize("size", ["abc", "0x0", "800"])
def test_a_bad_size_is_one_clear_line(size):
    out = _run("a.txt", "--size", size)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "--size" in out.stderr


def test_formats_come_from_one_registry():
    parser = build_parser()
    geoparse = parser.parse_args(["geoparse", "--format", "csv", "a.txt"])
    assert geoparse.format == "csv"
    with pytest.raises(SystemExit):
        parser.parse_args(["geoparse", "--format", "docx", "a.txt"])
    assert set(FORMATS) == {"html", "kml", "geojson", "csv", "csv-mentions", "jsonl"}
    assert FORMATS["geojson"].file_filter == "GeoJSON (*.geojson *.json)"


def test_help_names_every_readable_format():
    from mapviewer.cli import ARTICLES
    from mapviewer.documents import READERS

    assert ARTICLES.split(", ") == [t.suffixes[0] for t in READERS.values()]
