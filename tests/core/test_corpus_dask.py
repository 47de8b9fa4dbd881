"""The corpus on a Dask LocalCluster of two worker processes: the same bytes as one process, errors too;
without Dask, --dask says how to get it."""

from __future__ import annotations

import sys

import pytest

from mapviewer.cli import main
from mapviewer.corpus import CorpusJob, geoparse_corpus

from .corpus_files import articles, write


def test_local_cluster_output_equals_one_process(tmp_path, store):
    pytest.importorskip("dask.distributed")
    from mapviewer.corpus.dask import geoparse_on_dask

    lines = articles(60)
    lines.insert(30, b'{"id": 7}')
    corpus = write(tmp_path / "in.jsonl", lines)
    one = geoparse_corpus(CorpusJob(corpus, store.path, tmp_path / "one.jsonl", workers=1))
    dask = geoparse_on_dask(CorpusJob(corpus, store.path, tmp_path / "dask.jsonl", workers=2, range_bytes=32 << 10))
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
    assert (tmp_path / "dask.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes()
    assert (dask.documents, dask.words, dask.errors) == (one.documents, one.words, one.errors) == \
        (60, one.words, 1)


def test_without_dask_the_message_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)    # import fails as if not installed
    corpus = write(tmp_path / "in.jsonl", articles(1))
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(tmp_path / "o.jsonl"), "--dask", "local"]) == 1
    assert "pip install 'mapviewer[dask]'" in capsys.readouterr().err
