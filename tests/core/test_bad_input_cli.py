"""The command line on bad input and a hostile system: non-zero exit, one clear line on stderr, no
traceback, and no file of the user's destroyed."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mapviewer.cli import main
from mapviewer.errors import ExportError
from mapviewer.io import write_atomic

from ..conftest import SEED


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("mapviewer:")]
    assert len(lines) == 1, err
    return lines[0]


def _fails(capsys, *args: str) -> str:
    assert main([str(a) for a in args]) == 1
    return _one_line(capsys.readouterr().err)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_bytes(SEED.read_bytes())
    return path


# -- standard output ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["gazetteer", "info"], ["geoparse", str(SEED)]])
def test_closed_pipe(command):
    proc = subprocess.Popen([sys.executable, "-m", "mapviewer", *command], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdout.close()                                # the reader (`| head -1`) has gone
    err = proc.stderr.read()
    assert proc.wait(60) == 1
    assert "broken pipe" in _one_line(err)


@pytest.mark.parametrize("command", [["gazetteer", "info"], ["geoparse", str(SEED)]])
def test_full_disk_on_standard_output(command):
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "mapviewer", *command], stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=60)
    assert run.returncode == 1
    assert "No space left on device" in _one_line(run.stderr)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KB file system (needs root; skipped elsewhere)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_full_disk_on_an_output_file(capsys, article, tiny_disk):
    (tiny_disk / "map.html").write_text("the previous map", encoding="utf-8")
    assert "No space left on device" in _fails(capsys, "export", article, "--out", tiny_disk / "map.html")
    assert [p.name for p in tiny_disk.iterdir()] == ["map.html"]            # no temporary file left
    assert (tiny_disk / "map.html").read_text(encoding="utf-8") == "the previous map"


def test_unwritable_output_path(capsys, article, tmp_path):
    message = _fails(capsys, "geoparse", article, "--out", tmp_path / "missing" / "out.jsonl")
    assert "cannot write" in message and "No such file or directory" in message


# -- the user's files ----------------------------------------------------------------------------------------
def test_export_never_writes_over_its_input(capsys, tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>Talks in Paris went on.</p></body></html>", encoding="utf-8")
    before = page.read_bytes()
    assert "a.html is an input file" in _fails(capsys, "export", page, "--out", page)
    os.link(page, tmp_path / "same.html")
    assert "is an input file" in _fails(capsys, "export", page, "--out", tmp_path / "same.html")
    assert "is an input file" in _fails(capsys, "geoparse", page, "--format", "html", "--out", page)
    assert page.read_bytes() == before


def test_the_input_is_protected_in_the_core_too(store, tmp_path, article):
    from mapviewer.documents import read_document
    from mapviewer.export import export
    from mapviewer.pipeline import Geoparser

    analysis = Geoparser(store).analyse(read_document(article))
    with pytest.raises(ExportError, match="is an input file"):
        export([analysis], store, tmp_path / "." / "a.txt", fmt="csv")


def test_the_export_dialog_never_proposes_an_input_file(geoparser, tmp_path):
    from mapviewer.documents import read_document
    from mapviewer.export import suggested_path

    (tmp_path / "a.html").write_text("<p>Talks in Paris went on.</p>", encoding="utf-8")
    (tmp_path / "a-map.html").write_text("<p>Kyiv was calm.</p>", encoding="utf-8")
    analyses = [geoparser.analyse(read_document(tmp_path / name)) for name in ("a.html", "a-map.html")]
    assert suggested_path(analyses[:1], "kml", tmp_path) == tmp_path / "a.kml"
    assert suggested_path(analyses[:1], "html", tmp_path) == tmp_path / "a-map.html"
    assert suggested_path(analyses, "html", tmp_path) == tmp_path / "a-map-2.html"


def test_replacing_a_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "private.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    write_atomic(out, "new")
    assert out.read_text(encoding="utf-8") == "new" and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    write_atomic(tmp_path / "new.csv", "new")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o666 & ~umask


def test_symlinks_directories_and_fifos_are_not_replaced(tmp_path):
    target = tmp_path / "target.csv"
    target.write_text("kept", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to(target)
    with pytest.raises(ExportError, match="is a symbolic link"):
        write_atomic(tmp_path / "link.csv", "new")
    assert (tmp_path / "link.csv").is_symlink() and target.read_text(encoding="utf-8") == "kept"
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ExportError, match="is a directory"):
        write_atomic(tmp_path / "folder.csv", "new")
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(ExportError, match="not a regular file"):
        write_atomic(tmp_path / "pipe.csv", "new")


def test_temporary_file_removed_when_writing_fails(tmp_path, monkeypatch):
    def no_rename(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(ExportError, match="Input/output error"):
        write_atomic(tmp_path / "out.csv", "data")
    assert list(tmp_path.iterdir()) == []


# -- a corpus --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, message", [
    (b'{"id": 1, "text": "Paris \xff"}', ":2: not UTF-8 (byte 26 of the line)"),
    (b"[" * 100_000 + b"]" * 100_000, ":2: JSON nested too deeply"),
    (b'{"id": 1, "text": null}', ":2: record 1: 'text' is null, not a string"),
    (b'{"id": 1, "text": 42}', ":2: record 1: 'text' is a number, not a string"),
    (b'{"id": 1}', ":2: record 1: 'text' is missing"),
    (b'{"text": "Paris"}', ":2: 'id' is missing"),
    (b'["Paris"]', ":2: expected a JSON object with 'id' and 'text', not an array"),
    (b'{"id": 1, "text": "Paris"', ":2: not JSON"),
])
def test_bad_corpus_records(capsys, tmp_path, line, message):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"id": "ok", "text": "Talks in Paris."}\n' + line + b"\n")
    assert message in _fails(capsys, "geoparse", "--jsonl", corpus, "--workers", "1")


def test_damaged_utf8_article_is_geoparsed_with_a_warning(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes("Officials in Kyiv said “the talks” went on.\n".encode() + b"Talks in Paris \xff went on.\n")
    assert main(["geoparse", str(article)]) == 0
    out = capsys.readouterr()
    assert "Kyiv" in out.out and "Paris" in out.out
    assert "warning: a.txt: 1 byte is not valid utf-8 (the first at line 2, column 16)" in out.err
