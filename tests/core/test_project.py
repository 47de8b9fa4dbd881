"""Projects: a save → load round trip keeps every field; a version-1 file opens; a save killed at any moment
leaves the old or the new project; a damaged, hand-edited or hostile file is one clear ProjectError."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from mapviewer.cli import main
from mapviewer.corrections import Correction, for_mention, pinned_place
from mapviewer.errors import ProjectError
from mapviewer.model import Document
from mapviewer.project import (
    FORMAT_VERSION,
    MapView,
    Project,
    ProjectDocument,
    UiState,
    load_project,
    parse_project,
    project_json,
    save_project,
)

from ..conftest import SEED

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "project-v1.mvproj"


@pytest.fixture(scope="module")
def project(seed_analysis, geoparser):
    """Two documents, one correction of every kind, a map view and a selection."""
    text = seed_analysis.document.text
    washington, florida, russia, kyiv = (next(m for m in seed_analysis.mentions if m.text == n)
                                         for n in ("Washington", "Florida", "Russia", "Kyiv"))
    start = text.index("Mar-a-Lago")
    corrections = (
        for_mention(washington, "choose", washington.alternatives[1].place), for_mention(florida, "confirm"),
        for_mention(russia, "reject", scope="name"), for_mention(kyiv, "pin", pinned_place("Kyiv", 50.4, 30.5)),
        Correction(start, start + 10, "Mar-a-Lago", "add", pinned_place("Mar-a-Lago", 26.677, -80.037), "name",
                   "2026-11-26T05:00:00+00:00"))
    second = geoparser.analyse(Document("Floods hit Athens, Georgia. Paris — “{{ x }}” </script> \u2028 ok.",
                                        "Floods 🌊", "floods.txt"))
    return Project((ProjectDocument(seed_analysis, corrections), ProjectDocument(second)),
                   MapView(48.5, 31.2, 6.0), UiState(1, "42"))


def test_round_trip_keeps_every_field(project, tmp_path):
    path = tmp_path / "review.mvproj"
    save_project(path, project)
    loaded = load_project(path)
    assert loaded == project
    for a, b in zip(loaded.documents, project.documents, strict=True):
        assert a.analysis == b.analysis and a.corrections == b.corrections and a.corrected == b.corrected
    assert json.loads(path.read_text("utf-8"))["format_version"] == FORMAT_VERSION
    save_project(path, loaded)
    assert load_project(path) == project


def test_a_version_1_project_opens():
    p = load_project(FIXTURE)
    assert p.view == MapView(33.95, -83.38, 7.0) and p.ui == UiState()
    (doc,) = p.documents
    (c,) = doc.corrections
    assert (c.action, c.scope, c.time, c.place.admin1) == ("choose", "mention", "2026-01-05T10:00:00+00:00", "GA")
    athens = next(m for m in doc.corrected.mentions if m.text == "Athens")
    assert (athens.place.country, athens.status) == ("US", "corrected")


def _saver(tmp_path, project):
    """A child process that saves two projects to one file in turn, as fast as it can."""
    a, b = tmp_path / "a.mvproj", tmp_path / "b.mvproj"
    save_project(a, project)
    save_project(b, replace(project, view=MapView(0.0, 0.0, 1.0), documents=project.documents[:1], ui=UiState()))
    code = ("import sys\nfrom mapviewer.project import load_project, save_project\n"
            "a, b = load_project(sys.argv[1]), load_project(sys.argv[2])\nprint('ready', flush=True)\n"
            "while True:\n    save_project(sys.argv[3], b)\n    save_project(sys.argv[3], a)\n")
    return code, a, b


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_project(project, tmp_path):
    code, a, b = _saver(tmp_path, project)
    target = tmp_path / "target.mvproj"
    save_project(target, load_project(a))
    old, new = load_project(a), load_project(b)
    rng = random.Random(10)
    seen = set()
    for _ in range(40):
        child = subprocess.Popen([sys.executable, "-c", code, str(a), str(b), str(target)], stdout=subprocess.PIPE)
        assert child.stdout.readline().strip() == b"ready"
        try:
            child.wait(timeout=rng.uniform(0.0, 0.25))
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        loaded = load_project(target)
        assert loaded in (old, new)
        seen.add(loaded == new)
    assert seen == {True, False}        # kills fell on both sides of a rename


def test_the_cli_makes_a_project_and_exports_it_corrected(tmp_path, capsys):
    out = tmp_path / "batch.mvproj"
    assert main(["project", "new", str(out), str(SEED)]) == 0
    project = load_project(out)
    analysis = project.documents[0].analysis
    washington = next(m for m in analysis.mentions if m.text == "Washington")
    fixed = replace(project, documents=(ProjectDocument(analysis, (for_mention(washington, "reject"),)),))
    save_project(out, fixed)
    assert main(["export", "--project", str(out), "--out", str(tmp_path / "m.mentions.csv")]) == 0
    assert "Washington" not in (tmp_path / "m.mentions.csv").read_text("utf-8")
    capsys.readouterr()
    assert main(["geoparse", "--project", str(out)]) == 0
    places = json.loads(capsys.readouterr().out)["places"]
    assert len(places) == len(analysis.mentions) - 1
    assert main(["export", "--out", str(tmp_path / "x.csv")]) == 1
    assert "--project" in capsys.readouterr().err


def _hostile(data: dict) -> list[tuple[str, bytes]]:
    """(what, bytes) of files that are not good projects."""
    text = json.dumps(data)

    def edited(change) -> bytes:
        d = json.loads(text)
        change(d)
        return json.dumps(d).encode()

    doc = "documents"
    return [
        ("empty", b""), ("binary", bytes(range(256))), ("not utf-8", b'{"format": "\xff"}'),
        ("a list", b"[]"), ("another format", b'{"format": "geojson"}'),
        ("deep nesting", b"[" * 100_000), ("NaN", text.replace('"zoom": 6.0', '"zoom": NaN').encode()),
        ("newer", edited(lambda d: d.update(format_version=FORMAT_VERSION + 1))),
        ("version text", edited(lambda d: d.update(format_version="2"))),
        ("no documents", edited(lambda d: d.pop(doc))),
        ("text not text", edited(lambda d: d[doc][0].update(text=5))),
        ("offset past the end", edited(lambda d: d[doc][0]["mentions"][0].update(end=10 ** 9))),
        ("negative offset", edited(lambda d: d[doc][0]["mentions"][0].update(start=-1))),
        ("bool offset", edited(lambda d: d[doc][0]["mentions"][0].update(start=True))),
        ("place index", edited(lambda d: d[doc][0]["mentions"][0].update(place=10 ** 6))),
        ("latitude", edited(lambda d: d[doc][0]["places"][0].__setitem__(6, 1e308))),
        ("short place", edited(lambda d: d[doc][0]["places"][0].pop())),
        ("unknown action", edited(lambda d: d[doc][0]["corrections"][0].update(action="rm -rf"))),
        ("reject with a place", edited(lambda d: d[doc][0]["corrections"][2].update(place=0))),
        ("sentence", edited(lambda d: d[doc][0]["sentences"][0].__setitem__(0, "x"))),
        ("ui document", edited(lambda d: d["ui"].update(document=7))),
    ]


def test_a_damaged_or_hostile_project_is_one_clear_error(project, tmp_path):
    good = project_json(project)
    for what, data in _hostile(good):
        with pytest.raises(ProjectError) as e:
            parse_project(data, "p.mvproj")
        assert str(e.value).startswith("p.mvproj"), what
    raw = json.dumps(good).encode()
    for cut in random.Random(1).sample(range(len(raw)), 60):       # truncated anywhere
        with pytest.raises(ProjectError):
            parse_project(raw[:cut])
    with pytest.raises(ProjectError, match="cannot read"):
        load_project(tmp_path / "missing.mvproj")
    with pytest.raises(ProjectError, match="cannot read"):
        load_project(tmp_path)


def test_a_failed_save_keeps_the_old_file(project, tmp_path, monkeypatch):
    path = tmp_path / "p.mvproj"
    save_project(path, project)
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ProjectError, match=r"cannot write .*No space left"):
        save_project(path, Project())
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["p.mvproj"]
