"""The corpus on Dask, two worker processes: `--dask local` and `--scheduler ADDRESS` give the one-process
output and errors byte for byte; without Dask, --dask says how to get it."""

from __future__ import annotations

import sys

import pytest

from mapviewer.cli import main

from .corpus_files import articles, write


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """Sixty articles and a bad record, geoparsed in one process."""
    lines = articles(60)
    lines.insert(30, b'{"id": 7}')
    folder = tmp_path_factory.mktemp("dask")
    corpus = write(folder / "in.jsonl", lines)
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(folder / "one.jsonl"), "--workers", "1"]) == 1
    return corpus, folder / "one.jsonl"


def _same_as_single(single, out) -> None:
    assert out.read_bytes() == single.read_bytes()
    assert out.with_name(out.stem + ".errors.jsonl").read_bytes() == \
        single.with_name(single.stem + ".errors.jsonl").read_bytes()


def test_local_cluster_output_equals_one_process(single, tmp_path):
    pytest.importorskip("dask.distributed")
    corpus, one = single
    out = tmp_path / "dask.jsonl"
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(out), "--workers", "2", "--dask", "local"]) == 1
    _same_as_single(one, out)


def test_running_cluster_output_equals_one_process(single, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    corpus, one = single
    out = tmp_path / "scheduler.jsonl"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        assert main(["geoparse", "--jsonl", str(corpus), "--out", str(out), "--scheduler",
                     cluster.scheduler_address]) == 1
    _same_as_single(one, out)


def test_without_dask_the_message_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)    # import fails as if not installed
    corpus = write(tmp_path / "in.jsonl", articles(1))
    assert main(["geoparse", "--jsonl", str(corpus), "--out", str(tmp_path / "o.jsonl"), "--dask", "local"]) == 1
    assert "pip install 'mapviewer[dask]'" in capsys.readouterr().err
