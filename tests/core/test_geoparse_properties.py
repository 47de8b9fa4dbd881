"""For any text: offsets inside the text, every mention inside its sentence, nothing raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapviewer.model import Document

WORDS = st.sampled_from(["Kyiv", "Paris", "Washington", "U.S.", "Mr.", "the", "region", "of", "Donetsk", "said",
                         "Avdiïvka", "Kyiv's", "Mar-a-Lago", "EU", "NATO", "•", "\n", ".", "“", "”", "-", "'s",
                         "North", "Korean", "Rio", "de", "Janeiro", "Ukrainian", "Kourakhové", "10", "km", "south"])
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join),
                  st.lists(WORDS, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_any_text(geoparser, text):
    _check(geoparser, text)


# A long input: a random piece of text (words, separators, any characters) repeated, each copy with its
# own joiner, up to a few MB — one long line, a run of sentences, or a stream without a blank.
LONG = st.tuples(st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=1, max_size=80),
                 st.sampled_from([" ", "\n", "", ". ", "\n\n", " — "]), st.integers(200_000, 2_000_000))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recipe=LONG)
def test_long_texts(geoparser, recipe):
    pieces, joiner, size = recipe
    unit = joiner.join(pieces) + joiner
    text = (unit * (size // max(1, len(unit)) + 1))[:size] if unit else ""
    _check(geoparser, text)


def _check(geoparser, text):
    analysis = geoparser.analyse(Document(text))
    for s in analysis.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for m in analysis.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        s = analysis.sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end
        assert 0.0 < m.confidence <= 1.0
