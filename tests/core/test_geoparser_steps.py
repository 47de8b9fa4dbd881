"""The geoparser as named steps: the defaults, adding a step of each kind beside them, and the identity
of a place located relative to another."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mapviewer.geoparse.steps import Parse
from mapviewer.model import Document, Reading, Span
from mapviewer.pipeline import Geoparser
from mapviewer.places import collect_places, place_key

TEXT = "Moscow said the village of Novoselka, 10 km south of Kurakhove, was taken. Paris was quiet."


@pytest.fixture
def fresh(store):
    return Geoparser(store)


def names(analysis):
    return [m.text for m in analysis.mentions]


def test_default_steps(fresh):
    assert fresh.step_names == ["recognize", "resolve", "streets", "relative", "metonyms", "confidence", "floor"]


def test_a_filter_before_resolve_drops_spans(fresh):
    class NoParis:
        def filter(self, parse: Parse) -> list[Span]:
            return [s for s in parse.spans if s.key != "paris"]

    assert "Paris" in names(fresh.analyse(Document(TEXT)))
    fresh.add_step("no-paris", NoParis(), before="resolve")
    assert fresh.step_names[:3] == ["recognize", "no-paris", "resolve"]
    assert "Paris" not in names(fresh.analyse(Document(TEXT)))


def test_a_second_proposer_adds_spans_and_a_resolver_reads_them(fresh):
    (kurakhove,) = {m.place for m in fresh.analyse(Document(TEXT)).mentions if m.text == "Kurakhove"}

    class Village:
        def propose(self, parse: Parse) -> list[Span]:
            start = parse.text.find("village")
            return [Span(start, start + 7, "village", "village", (), False, False)]

    class VillageIsKurakhove:
        def resolve(self, parse: Parse) -> list[tuple[Span, Reading]]:
            return [(s, Reading((kurakhove,), (0.8,), "literal")) for s in parse.spans if s.key == "village"]

    fresh.add_step("village", Village(), after="recognize")
    fresh.add_step("village-reader", VillageIsKurakhove(), after="resolve")
    (m,) = [m for m in fresh.analyse(Document(TEXT)).mentions if m.text == "village"]
    # The confidence step weighs the reading as it weighs every other: a small town's lone reading, which no
    # other name supports, is less sure than the resolver said.
    assert m.place == kurakhove and m.confidence < 0.8
    fresh.remove_step("village-reader")
    fresh.add_step("village-reader", VillageIsKurakhove(), after="confidence")
    (m,) = [m for m in fresh.analyse(Document(TEXT)).mentions if m.text == "village"]
    assert m.place == kurakhove and m.confidence == 0.8


def test_steps_are_named_once_and_found_by_name(fresh):
    with pytest.raises(ValueError, match="already"):
        fresh.add_step("resolve", fresh.step("resolve"))
    with pytest.raises(ValueError, match="no step named 'ner'"):
        fresh.add_step("mine", fresh.step("resolve"), before="ner")
    removed = fresh.remove_step("metonyms")
    assert [m.kind for m in fresh.analyse(Document(TEXT)).mentions if m.text == "Moscow"] == ["literal"]
    fresh.add_step("metonyms", removed)
    assert [m.kind for m in fresh.analyse(Document(TEXT)).mentions if m.text == "Moscow"] == ["metonym"]
    fresh.add_step("nothing", object())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="none of propose"):
        fresh.analyse(Document(TEXT))


def test_a_located_place_has_its_own_identity(fresh, store):
    analyses = [fresh.analyse(Document(TEXT)), fresh.analyse(Document(TEXT))]
    (kurakhove,) = {m.place for m in analyses[0].mentions if m.text == "Kurakhove"}
    (novoselka,) = [m.place for m in analyses[0].mentions if m.text == "Novoselka"]
    assert novoselka.located_from == kurakhove.id and kurakhove.located_from is None
    assert novoselka.geonameid is None and novoselka.id > 0
    assert place_key(novoselka, 1) == f"d1r{novoselka.id}" and place_key(kurakhove, 1) == str(kurakhove.id)
    keys = [e.key for e in collect_places(analyses, store)]
    assert f"d0r{novoselka.id}" in keys and f"d1r{novoselka.id}" in keys and keys.count(str(kurakhove.id)) == 1
    assert novoselka in analyses[0].places() and kurakhove in analyses[0].places()


def test_geoparser_example_runs_without_qt_folium_or_online_geocoders():
    code = """
import sys
from mapviewer import Document, GazetteerStore, Geoparser

geoparser = Geoparser(GazetteerStore.open())
for m in geoparser.analyse(Document("Yelyzavtivka, 10 km south of Kurakhove, has fallen, Moscow said.")).mentions:
    print(m.text, m.kind, m.place.name, m.place.lat, m.place.lon, m.confidence)
print(sorted({n.split(".")[0] for n in sys.modules} & {"PySide6", "shiboken6", "folium", "geopy"}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert lines[-1] == "[]"
    assert [line.split()[0] for line in lines[:-1]] == ["Yelyzavtivka", "Kurakhove", "Moscow"]
