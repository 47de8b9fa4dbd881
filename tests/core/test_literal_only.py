"""Literal places only: adjectives ("Ukrainian") and metonyms ("Moscow said") dropped, in the library, for
files and for a corpus on the command line; the default keeps them."""

from __future__ import annotations

import json

from mapviewer import Geoparser, GeoparserConfig
from mapviewer.cli import main
from mapviewer.model import Document

from ..conftest import SEED


def test_the_geoparser_option_keeps_only_literal_places(store, seed_analysis):
    literal = Geoparser(store, GeoparserConfig(literal_only=True)).analyse(seed_analysis.document)
    assert {m.kind for m in seed_analysis.mentions} >= {"literal", "adjective", "metonym"}
    assert {m.kind for m in literal.mentions} == {"literal"}
    assert [(m.start, m.place) for m in literal.mentions] == \
        [(m.start, m.place) for m in seed_analysis.mentions if m.kind == "literal"]


def test_the_command_line_option_for_files_and_for_a_corpus(tmp_path, store):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(json.dumps({"id": "seed", "text": SEED.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    for args in (["geoparse", str(SEED)], ["geoparse", "--jsonl", str(corpus), "--workers", "1"]):
        kinds = {}
        for flag in ([], ["--literal-only"]):
            out = tmp_path / f"out{len(flag)}.jsonl"
            assert main([*args, *flag, "--out", str(out)]) == 0
            kinds[bool(flag)] = {p["mention"] for p in json.loads(out.read_text(encoding="utf-8"))["places"]}
        assert kinds[False] >= {"literal", "adjective", "metonym"} and kinds[True] == {"literal"}


def test_region_names_are_literal_places_and_their_demonyms_adjectives(store):
    # "Latin America" is a name (it was once listed among South America's demonyms, and literal-only dropped it)
    text = "Latin American leaders met in Lima. Exports from Latin America and Southeast Asia rose."
    literal = Geoparser(store, GeoparserConfig(literal_only=True)).analyse(Document(text))
    everything = Geoparser(store).analyse(Document(text))
    assert {m.text: m.kind for m in everything.mentions} == {
        "Latin American": "adjective", "Lima": "literal", "Latin America": "literal", "Southeast Asia": "literal"}
    assert [m.text for m in literal.mentions] == ["Lima", "Latin America", "Southeast Asia"]
