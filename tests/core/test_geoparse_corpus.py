"""The geoparser on a slice of a development corpus, scored by the corpus' own scorer."""

from __future__ import annotations

import importlib.util
import json

import pytest

from mapviewer.export import prediction
from mapviewer.model import Document

from ..conftest import EVAL


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (EVAL / "gwn.jsonl").exists(), reason="the evaluation corpora are not beside the repo")
@pytest.mark.parametrize("corpus", ["gwn.jsonl", "trnews.jsonl"])
def test_corpus_slice_has_a_floor(geoparser, corpus):
    docs = [json.loads(line) for line in (EVAL / corpus).read_text(encoding="utf-8").splitlines()[:60]]
    score = _scorer()
    gold = {str(d["id"]): d["gold"] for d in docs}
    pred = {str(d["id"]): prediction(str(d["id"]), geoparser.analyse(Document(d["text"])))["places"] for d in docs}
    s = score.score(gold, pred)
    assert s["recognition"]["overlap"]["f1"] >= 0.75
    assert s["resolution"]["acc161"] >= 0.80
    assert s["end_to_end"]["recall161"] >= 0.65
