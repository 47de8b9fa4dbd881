"""The command line on hostile files: every payload as a file name and as text, through `mapviewer export`
(HTML, GeoJSON, the mention CSV) and `mapviewer geoparse`, in a fresh working directory that must stay clean."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..hostile import CHARACTERS, PAYLOADS, article, file_names, html_page_with, no_marker_created, page_data


def mapviewer(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mapviewer", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **env})


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory, store):
    """Payload-named .txt articles holding their payload, and saved web pages with it in their title."""
    folder = tmp_path_factory.mktemp("hostile-files")
    files = {}
    for name, file_name in file_names().items():
        if name not in CHARACTERS:
            (folder / file_name).write_text(article(PAYLOADS[name]), encoding="utf-8")
            files[file_name] = article(PAYLOADS[name])
    for i, name in enumerate(sorted(set(PAYLOADS) - set(CHARACTERS))):
        (folder / f"page{i}.html").write_text(html_page_with(PAYLOADS[name]), encoding="utf-8")
    return folder, files


@pytest.mark.parametrize("suffix", ["html", "geojson", "mentions.csv"])
def test_export(hostile_files, suffix):
    folder, files = hostile_files
    inputs = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".html") and p.stem != "out")
    run = mapviewer(["export", *inputs, "--out", f"out.{suffix}"], folder)
    assert run.returncode == 0, run.stderr
    assert no_marker_created(folder)
    out = (folder / f"out.{suffix}").read_text(encoding="utf-8")
    if suffix == "html":
        docs = {d["source"]: d["text"] for d in page_data(out)["documents"]}
        assert {k: docs[k] for k in files} == files
        pages = [d for d in page_data(out)["documents"] if d["source"].endswith(".html")]
        assert pages and all(d["title"].endswith(" in Paris") for d in pages)
    elif suffix == "geojson":
        features = json.loads(out)["features"]
        sources = {d for f in features for d in f["properties"]["documents"].split("\n")}
        assert set(files) <= sources
    else:
        sources = {r["document"].removeprefix("'") for r in csv.DictReader(io.StringIO(out))}
        assert set(files) <= sources


def test_geoparse(hostile_files):
    folder, files = hostile_files
    run = mapviewer(["geoparse", *sorted(files)], folder)
    assert run.returncode == 0, run.stderr
    assert no_marker_created(folder)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in records] == sorted(files)
