"""Corrections as values: each kind applied to the sample article, its scope, its order; every view and export
of the corrected analysis marks what the user decided; the gazetteer search of the correction dialogs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from mapviewer.corrections import Correction, apply_corrections, for_mention, pinned_place, review_progress
from mapviewer.export import FORMATS, csv_mentions_text, csv_text, geojson, jsonl_text
from mapviewer.mapping.build import page_html
from mapviewer.model import Analysis, Document, Sentence
from mapviewer.places import alternatives, is_uncertain
from mapviewer.search import search

from ..hostile import page_data


def _mention(analysis: Analysis, text: str, nth: int = 0):
    return [m for m in analysis.mentions if m.text == text][nth]


def _by_span(analysis: Analysis):
    return {(m.start, m.end): m for m in analysis.mentions}


def test_choose_another_candidate_of_one_mention(seed_analysis):
    washington = _mention(seed_analysis, "Washington")
    other = washington.alternatives[1].place
    fixed = apply_corrections(seed_analysis, [for_mention(washington, "choose", other)])
    m = _by_span(fixed)[(washington.start, washington.end)]
    assert (m.place, m.status, m.confidence, m.reviewed) == (other, "corrected", 1.0, True)
    assert m.alternatives == washington.alternatives                # the list stays for a change of mind
    assert len(fixed.mentions) == len(seed_analysis.mentions)
    untouched = [m for m in fixed.mentions if (m.start, m.end) != (washington.start, washington.end)]
    assert all(m.status == "machine" for m in untouched)
    assert seed_analysis.mentions[0].status == "machine"            # the machine's analysis is unchanged


def test_scope_name_changes_every_mention_of_the_name(seed_analysis):
    kyiv = _mention(seed_analysis, "Kyiv")
    elsewhere = pinned_place("Kyiv", 50.45, 30.52)
    one = apply_corrections(seed_analysis, [for_mention(kyiv, "pin", elsewhere)])
    every = apply_corrections(seed_analysis, [for_mention(kyiv, "pin", elsewhere, scope="name")])
    assert sum(m.place == elsewhere for m in one.mentions) == 1
    kyivs = sum(m.text == "Kyiv" for m in seed_analysis.mentions)
    assert sum(m.place == elsewhere for m in every.mentions) == kyivs > 1


def test_reject_removes_the_mention_or_the_name(seed_analysis):
    russia = _mention(seed_analysis, "Russia")
    n = len(seed_analysis.mentions)
    assert len(apply_corrections(seed_analysis, [for_mention(russia, "reject")]).mentions) == n - 1
    rest = apply_corrections(seed_analysis, [for_mention(russia, "reject", scope="name")]).mentions
    assert not any(m.text == "Russia" for m in rest)
    assert any(m.text == "Russian" for m in rest)                     # another name, another decision


def test_add_a_place_for_unrecognised_text(seed_analysis):
    text = seed_analysis.document.text
    start = text.index("Mar-a-Lago")
    mar_a_lago = pinned_place("Mar-a-Lago", 26.677, -80.037)
    c = Correction(start, start + 10, "Mar-a-Lago", "add", mar_a_lago, time="2026-11-26T05:00:00+00:00")
    fixed = apply_corrections(seed_analysis, [c])
    m = _by_span(fixed)[(start, start + 10)]
    assert (m.status, m.place, m.kind) == ("added", mar_a_lago, "literal")
    assert fixed.sentence_text(m.sentence).startswith("We have to stop this")
    assert [x.start for x in fixed.mentions] == sorted(x.start for x in fixed.mentions)
    assert mar_a_lago.id < 0 and pinned_place("x", 26.677, -80.037).id == mar_a_lago.id


def test_add_with_scope_name_adds_every_free_occurrence():
    doc = Document("Springfield is big. I love Springfield, not Springfields.")
    analysis = Analysis(doc, (Sentence(0, 19), Sentence(20, len(doc.text))), ())
    place = pinned_place("Springfield", 39.8, -89.6)
    fixed = apply_corrections(analysis, [Correction(0, 11, "Springfield", "add", place, "name")])
    assert [(m.start, m.sentence) for m in fixed.mentions] == [(0, 0), (27, 1)]


def test_confirm_keeps_the_reading_and_marks_it(seed_analysis):
    uncertain = next(m for m in seed_analysis.mentions if m.place is not None and is_uncertain(m))
    fixed = apply_corrections(seed_analysis, [for_mention(uncertain, "confirm")])
    m = _by_span(fixed)[(uncertain.start, uncertain.end)]
    assert (m.place, m.status, is_uncertain(m)) == (uncertain.place, "confirmed", False)


def test_later_corrections_win_and_a_prefix_is_an_undo(seed_analysis):
    washington = _mention(seed_analysis, "Washington")
    a, b = (washington.alternatives[i].place for i in (1, 2))
    steps = [for_mention(washington, "choose", a), for_mention(washington, "choose", b),
             for_mention(washington, "confirm")]
    span = (washington.start, washington.end)
    assert _by_span(apply_corrections(seed_analysis, steps))[span].place == b
    assert _by_span(apply_corrections(seed_analysis, steps))[span].status == "corrected"   # confirm keeps "corrected"
    assert _by_span(apply_corrections(seed_analysis, steps[:1]))[span].place == a
    assert apply_corrections(seed_analysis, []) == seed_analysis


def test_a_stale_correction_is_skipped(seed_analysis):
    washington = _mention(seed_analysis, "Washington")
    stale = Correction(washington.start + 1, washington.end + 1, "Washington", "reject")
    assert apply_corrections(seed_analysis, [stale]) == seed_analysis


@pytest.mark.parametrize("kwargs, message", [
    ({"action": "choose"}, "needs place"), ({"action": "reject", "place": pinned_place("x", 0, 0)}, "takes no place"),
    ({"action": "delete"}, "unknown correction"), ({"action": "reject", "scope": "all"}, "unknown scope"),
    ({"action": "reject", "start": 5}, "bad span")])
def test_a_correction_is_checked_when_made(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Correction(**{"start": 0, "end": 5, "text": "Paris", **kwargs})


def test_review_progress_counts_reviewed_mentions(seed_analysis):
    ukraine = _mention(seed_analysis, "Ukraine")
    fixed = apply_corrections(seed_analysis, [for_mention(ukraine, "confirm", scope="name")])
    done, total = review_progress(fixed)
    assert done == sum(m.text == "Ukraine" for m in seed_analysis.mentions) and total == len(seed_analysis.mentions)
    everything = [for_mention(m, "confirm") for m in seed_analysis.mentions]
    assert review_progress(apply_corrections(seed_analysis, everything)) == (total, total)


def test_alternatives_have_their_facts_and_distance(seed_analysis, store):
    washington = _mention(seed_analysis, "Washington")
    alts = alternatives(washington, store)
    assert [a.place for a in alts] == [c.place for c in washington.alternatives[1:]]
    assert all(a.distance_km is not None and a.distance_km > 0 for a in alts)
    assert any(a.country for a in alts) and all(a.label.startswith(a.place.name) for a in alts)


@pytest.fixture(scope="module")
def corrected(seed_analysis):
    """The sample article with one of each correction."""
    text = seed_analysis.document.text
    washington, florida, kherson, russia = (_mention(seed_analysis, n) for n in ("Washington", "Florida", "Kherson",
                                                                                   "Russia"))
    start = text.index("Mar-a-Lago")
    return apply_corrections(seed_analysis, [
        for_mention(washington, "choose", washington.alternatives[1].place), for_mention(florida, "confirm"),
        for_mention(russia, "reject"),
        Correction(start, start + 10, "Mar-a-Lago", "add", pinned_place("Mar-a-Lago", 26.677, -80.037))]), kherson


def test_every_export_marks_what_the_user_decided(corrected, store):
    analysis, _ = corrected
    places = {r["name"]: r for r in csv.DictReader(io.StringIO(csv_text([analysis], store)))}
    assert places["Mar-a-Lago"]["status"] == "added" and places["Florida"]["status"] == "confirmed"
    assert places["Kyiv"]["status"] == "machine" and places["Kyiv"]["reviewed"] == "0"
    mentions = list(csv.DictReader(io.StringIO(csv_mentions_text([analysis], store))))
    assert {m["status"] for m in mentions} == {"machine", "corrected", "confirmed", "added"}
    features = {f["properties"]["name"]: f["properties"] for f in geojson([analysis], store)["features"]}
    assert features["Mar-a-Lago"]["status"] == "added"
    lines = json.loads(jsonl_text([analysis]).splitlines()[0])["places"]
    assert sum(p["status"] == "corrected" for p in lines) == 1
    assert "<value>added</value>" in FORMATS["kml"].render([analysis], store, False)


def test_the_page_lists_alternatives_of_uncertain_machine_readings(corrected, store, geoparser):
    ambiguous = geoparser.analyse(Document(
        "Officials in Springfield and Portland met leaders from Columbus and Jacksonville on Monday."))
    uncertain = [m for m in ambiguous.mentions if is_uncertain(m)]
    assert uncertain
    places = {p["name"]: p for p in page_data(page_html([ambiguous], store, panel=True))["places"].values()}
    for m in uncertain:
        assert [a["label"] for a in places[m.place.name]["alternatives"]] == [a.label for a in alternatives(m, store)]
    analysis, _ = corrected
    data = page_data(page_html([analysis], store, panel=True))
    places = {p["name"]: p for p in data["places"].values()}
    assert places["Florida"]["alternatives"] == [] and places["Florida"]["status"] == "confirmed"
    statuses = {m["status"] for m in data["documents"][0]["mentions"]}
    assert statuses == {"machine", "corrected", "confirmed", "added"}


@pytest.mark.parametrize("query, expected", [
    ("Kourakhové", "Kurakhove"), ("kourakhove", "Kurakhove"), ("Rottredam", "Rotterdam"), ("rotterd", "Rotterdam"),
    ("ZÜRICH", "Zürich"), ("sao pa", "São Paulo")])
def test_search_is_fuzzy_prefix_and_diacritics_insensitive(store, query, expected):
    assert search(store, query)[0].place.name == expected


def test_search_results_tell_namesakes_apart(store):
    results = search(store, "Athens", limit=10)
    labels = [r.label for r in results]
    assert labels[0] == "Athens (Attica, Greece)" and "Athens (Georgia, United States)" in labels
    assert all(r.place.population >= 0 and r.place.kind for r in results)
    assert search(store, "  ") == [] and len(search(store, "a", limit=5)) == 5
