"""A corpus run through the command line: input order kept on any number of workers, bad records in the
errors file while the rest is geoparsed, no OUT until the run is complete, --resume after a killed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import IO

import pytest

from mapviewer.cli import main
from mapviewer.corpus.progress import Progress
from mapviewer.export import prediction
from mapviewer.model import Document

from .corpus_files import articles, write

BAD = [b'{"id": 1, "text": null}', b"not json", b'{"id": "x", "text": "Paris \xff"}', b"", b'["Paris"]']


def _ids(path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Eighty articles with a bad line after every twentieth (line numbers 21, 42, ...)."""
    lines = articles(80)
    for i, bad in enumerate(BAD[:4]):
        lines.insert(20 * (i + 1) + i, bad)
    return write(tmp_path_factory.mktemp("corpus") / "in.jsonl", lines)


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "out.jsonl"
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(out), "--workers", "1"]) == 1
    return out


def test_order_kept_and_workers_agree(corpus, single, tmp_path, geoparser):
    valid = [json.loads(line) for line in articles(80)]
    assert _ids(single) == [r["id"] for r in valid]
    first = json.loads(single.read_text(encoding="utf-8").splitlines()[0])
    assert first == prediction(valid[0]["id"], geoparser.analyse(Document(valid[0]["text"])))
    out = tmp_path / "out.jsonl"
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(out), "--workers", "2"]) == 1
    assert out.read_bytes() == single.read_bytes()
    assert not any(p.name.startswith(".out.jsonl.parts") or p.suffix == ".partial" for p in tmp_path.iterdir())


def test_bad_records_go_to_the_errors_file(corpus, single, capsys):
    errors = [json.loads(line) for line in (single.parent / "out.errors.jsonl").read_text().splitlines()]
    assert [(e["line"], e["id"]) for e in errors] == [(21, "1"), (42, None), (63, None)]   # line 84 is blank
    assert errors[0]["message"] == "record 1: 'text' is null, not a string"
    assert errors[1]["message"].startswith("not JSON")
    assert errors[2]["message"] == "not UTF-8 (byte 28 of the line)"


def test_errors_on_standard_output_runs_go_to_standard_error(tmp_path, capsys):
    corpus = write(tmp_path / "in.jsonl", [*articles(3), BAD[0], BAD[4]])
    assert main(["geoparse", "--jsonl", str(corpus), "--workers", "1"]) == 1
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 3
    assert f"mapviewer: {corpus}:4: record 1: 'text' is null" in out.err
    assert f"mapviewer: {corpus}:5: expected a JSON object" in out.err
    assert "geoparsed 3 documents" in out.err


def test_a_clean_run_exits_zero_and_removes_a_stale_errors_file(tmp_path):
    corpus = write(tmp_path / "in.jsonl", articles(3))
    (tmp_path / "out.errors.jsonl").write_text("stale\n")
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(tmp_path / "out.jsonl")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_a_record_the_geoparser_fails_on_is_an_error_and_the_rest_goes_on(tmp_path, monkeypatch):
    from mapviewer.pipeline import Geoparser

    real = Geoparser.analyse

    def fails_on_one(self, document):
        if "Kyiv" in document.text:
            raise ValueError("a bug")
        return real(self, document)

    monkeypatch.setattr(Geoparser, "analyse", fails_on_one)
    lines = [b'{"id": "a", "text": "Talks in Paris."}', b'{"id": "b", "text": "Talks in Kyiv."}',
             b'{"id": "c", "text": "Talks in Lyon."}']
    corpus = write(tmp_path / "in.jsonl", lines)
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(tmp_path / "out.jsonl"), "--workers", "1"]) == 1
    assert _ids(tmp_path / "out.jsonl") == ["a", "c"]
    error = json.loads((tmp_path / "out.errors.jsonl").read_text())
    assert error == {"line": 2, "id": "b", "message": "record 'b': geoparsing failed (ValueError: a bug)"}


def test_standard_output_closed_early_or_full(tmp_path):
    corpus = write(tmp_path / "in.jsonl", articles(200))
    proc = _run("--jsonl", str(corpus), "--workers", "1", stdout=subprocess.PIPE)
    proc.stdout.close()                                # the reader (`| head -1`) has gone
    assert proc.wait(120) == 1
    assert [line for line in proc.stderr.read().splitlines() if line.startswith(b"mapviewer:")] == \
        [b"mapviewer: cannot write to standard output: it was closed early (broken pipe)"]
    with open("/dev/full", "wb") as full:
        proc = _run("--jsonl", str(corpus), "--workers", "2", stdout=full)
        assert proc.wait(120) == 1
    assert b"mapviewer: cannot write to standard output: No space left on device" in proc.stderr.read()


def _run(*args: str, stdout: int | IO[bytes] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "mapviewer", "geoparse", *args], stdout=stdout,
                            stderr=subprocess.PIPE)


def test_resume_after_a_killed_run(tmp_path, corpus, single):
    # Large enough that the run is still going when its first part has been joined, on a fast machine too.
    big = write(tmp_path / "big.jsonl", [line for _ in range(40) for line in corpus.read_bytes().splitlines()])
    whole = tmp_path / "whole.jsonl"
    assert main(["geoparse", "--jsonl", str(big), "--out", str(whole), "--workers", "1"]) == 1
    out, partial = tmp_path / "out.jsonl", tmp_path / "out.jsonl.partial"
    run = _run("--jsonl", str(big), "--out", str(out), "--workers", "1")
    deadline = time.monotonic() + 120
    while not (partial.exists() and partial.stat().st_size) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be interrupted"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert not out.exists() and partial.exists()
    assert 0 < len(partial.read_bytes().splitlines()) < len(whole.read_bytes().splitlines())
    with open(partial, "ab") as f:                 # a write cut short
        f.write(b'{"id": "gwn.jsonl:0", "pla')
    resumed = _run("--jsonl", str(big), "--out", str(out), "--workers", "2", "--resume")
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 1, err
    assert b"were already done" in err
    assert out.read_bytes() == whole.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (tmp_path / "whole.errors.jsonl").read_bytes()
    assert not partial.exists()


def test_resume_after_a_run_killed_between_a_parts_errors_and_its_predictions(tmp_path, corpus, single):
    # A part's errors are appended before its predictions, so a kill between the two leaves errors of lines
    # the predictions do not reach: resume drops them and finds them again, none lost, none twice.
    out = tmp_path / "out.jsonl"
    out.with_name("out.jsonl.partial").write_bytes(b"".join(single.read_bytes().splitlines(keepends=True)[:30]))
    errors = single.with_name("out.errors.jsonl").read_bytes()
    assert errors.count(b"\n") == 3                # lines 21, 42, 63: the predictions reach line 31
    out.with_name("out.errors.jsonl.partial").write_bytes(errors)
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(out), "--resume"]) == 1
    assert out.read_bytes() == single.read_bytes()
    assert out.with_name("out.errors.jsonl").read_bytes() == errors


def test_a_new_run_says_it_replaces_an_interrupted_one(tmp_path, capsys):
    corpus = write(tmp_path / "in.jsonl", articles(2))
    (tmp_path / "out.jsonl.partial").write_text("{}\n")
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(tmp_path / "out.jsonl")]) == 0
    assert "starting afresh" in capsys.readouterr().err and len(_ids(tmp_path / "out.jsonl")) == 2


def test_resume_of_a_finished_run_adds_what_the_corpus_gained(tmp_path, single, corpus):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(single.read_bytes().splitlines(keepends=True)[:30]))
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(out), "--resume"]) == 1
    assert out.read_bytes() == single.read_bytes()


def test_resume_refuses_an_output_of_another_corpus(tmp_path, single, capsys):
    other = write(tmp_path / "other.jsonl", articles(85)[5:])
    out = tmp_path / "out.jsonl.partial"
    out.write_bytes(single.read_bytes())
    assert main(["geoparse", "--jsonl", str(other), "--out", str(tmp_path / "out.jsonl"), "--resume"]) == 1
    assert "cannot resume" in capsys.readouterr().err and not (tmp_path / "out.jsonl").exists()


def test_resume_needs_out(tmp_path, capsys):
    corpus = write(tmp_path / "in.jsonl", articles(1))
    assert main(["geoparse", "--jsonl", str(corpus), "--resume"]) == 1
    assert "--resume needs --out" in capsys.readouterr().err


class _Terminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_on_a_terminal_shows_rate_and_eta():
    stream = _Terminal()
    progress = Progress(1000, stream, started=time.monotonic() - 10, _last=0.0)
    progress.update(250, 50, 20_000)
    progress.close()
    assert "geoparsed 50 documents ( 25%), 5.0 docs/s, 2,000 words/s, ETA 0:30" in stream.text
    assert stream.text.startswith("\r") and stream.text.endswith("\n")
