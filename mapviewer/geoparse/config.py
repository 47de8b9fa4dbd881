"""Every number that decides what the geoparser finds and which place it picks, in one typed value.

The defaults are the tuned values the development figures (benchmarks/geoparse_figures.py) were
measured with; tests/core/test_geoparser_config.py pins them. Change one for an experiment with
``dataclasses.replace(GeoparserConfig(), w_near=3.0)`` and pass it to ``Geoparser(store, config=...)``.

Word frequencies are on wordfreq's Zipf scale (7 for "the", 3 for "pistachio", 0 for unknown);
person-name shares are % of the US Census 1990 population; importance is the gazetteer's prior
(gazetteer.ranking.importance: log10 population plus kind and capital bonuses).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GeoparserConfig:
    # -- recognition: which capitalised words name places ---------------------------------------
    max_tokens: int = 6                       # longest place name looked up, in capitalised words
    person_word_max_zipf: float = 5.0         # words this common ("Today") are never parts of a person's name
    first_name_pct: float = 0.005             # a first name this common before another name: a person
    standalone_first_name_pct: float = 0.02   # a first name this common alone ("Lucy said"): a person
    surname_pct: float = 0.003                # a surname this common: a person unless "in X" or a known place
    major_place: float = 6.0                  # importance from which a name beside a person's name is a place
    known_place: float = 5.5                  # importance from which a name is a place whatever its neighbours
    lowercase_word_zipf: float = 3.0          # a word the text also writes in lower case, this common: a word
    word_zipf: float = 3.5                    # a name this common (+ per importance, below) is a word ...
    initial_word_zipf: float = 3.2            # ... and this common at the start of a sentence
    word_zipf_per_importance: float = 0.25    # a more important place may be a more common word
    dateline_min_length: int = 4              # an all-caps word this long is a dateline name, not a start
    hyphen_part_max_zipf: float = 4.5         # "pro-Russian": a part this common is a place only if known
    # -- misspelt and transliterated names ("Vougledar") ----------------------------------------
    fuzzy_min_length: int = 6                 # shorter unknown words are never taken as misspellings
    fuzzy_max_zipf: float = 2.0               # an English word this common is not a misspelling
    fuzzy_min_ratio: float = 80.0             # rapidfuzz ratio (0-100) a misspelling must reach
    fuzzy_ratio_margin: float = 5.0           # readings within this ratio of the best one are kept
    # -- resolution: which place a name means (weights in steps of log10 population) -------------
    max_candidates: int = 25                  # readings of a name considered, by prior
    iterations: int = 2                       # rounds of choosing readings given the others
    w_primary_name: float = 1.0               # the place's own name, not an alternate name of another place
    w_country: float = 2.5                    # the document mentions this place's country (or places in it)
    w_region: float = 1.5                     # ... or its admin-1 region
    w_near: float = 2.0                       # close to the document's other places (decays over near_km)
    w_same: float = 2.0                       # other names of the document already mean this very place
    w_region_cue: float = 4.0                 # "Kursk region", "the regions of Donetsk and Lugansk"
    w_misspelt: float = 8.0                   # per unit of lost similarity (a 0.9 match costs 0.8)
    near_km: float = 250.0                    # distance over which nearness support decays (1/e)
    temperature: float = 1.0                  # softmax temperature: confidence calibration
    min_fuzzy_context: float = 1.0            # support a misspelt name needs to be placed at all
    # -- mentions -----------------------------------------------------------------------------------
    max_alternatives: int = 5                 # readings kept on a mention besides its place
    relative_confidence: float = 0.9          # confidence of a place located "10 km south of" another
    relative_lookback: int = 120              # characters before "N km south" searched for the place's name
