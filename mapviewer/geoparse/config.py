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
    strong_first_name_pct: float = 0.1       # a first name this common ("George") before a place: a person
    surname_pct: float = 0.003                # a surname this common: a person unless "in X" or a known place
    major_place: float = 6.0                  # importance from which a name beside a person's name is a place
    known_place: float = 5.5                  # importance from which a name is a place whatever its neighbours
    lowercase_word_zipf: float = 3.0          # a word the text also writes in lower case, this common: a word
    word_zipf: float = 3.5                    # a name this common (+ per importance, below) is a word ...
    initial_word_zipf: float = 3.2            # ... and this common at the start of a sentence
    word_zipf_per_importance: float = 0.25    # a more important place may be a more common word
    dateline_min_length: int = 4              # an all-caps word this long is a dateline name, not a start
    dateline_acronym_min_length: int = 5      # ... and, opening a line before "," "(" "—", not an acronym
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
    w_continent: float = 1.0                  # ... or its continent ("southern Europe ... Rotterdam")
    w_region: float = 1.5                     # ... or its admin-1 region
    w_near: float = 2.0                       # close to the document's other places (decays over near_km)
    w_same: float = 2.0                       # other names of the document already mean this very place
    w_region_cue: float = 4.0                 # "Kursk region", "the regions of Donetsk and Lugansk"
    w_qualifier: float = 6.0                  # "Athens, Georgia": a place inside the region or country after it
    w_list: float = 3.0                       # "Texas, Georgia and Florida": regions listed beside regions
    named_body_prior: float = 1.5             # a town's name opening a proper name ("Portland Trail Blazers"):
                                              # the gaps between its readings' priors count this many times
    w_body_name: float = 0.5                  # ... and as the other names' context it counts this much
    w_misspelt: float = 8.0                   # per unit of lost similarity (a 0.9 match costs 0.8)
    near_km: float = 250.0                    # distance over which nearness support decays (1/e)
    feature_near_km: float = 1500.0           # ... for a sea or river (no country's), from its label point
    temperature: float = 1.0                  # softmax temperature: confidence calibration
    confidence_slope: float = 0.7             # logistic map of the best reading's probability: slope ...
    confidence_shift: float = 0.5             # ... and shift (calibration; 1 and 0 leave it as it is)
    unknown_score: float = 6.5                # score of "no place of that name" in the softmax (calibration)
    min_fuzzy_context: float = 1.0            # support a misspelt name needs to be placed at all
    # -- mentions -----------------------------------------------------------------------------------
    max_alternatives: int = 5                 # readings kept on a mention besides its place
    min_confidence: float = 0.05              # a mention less likely than this to be right is dropped
    relative_confidence: float = 0.9          # confidence of a place located "10 km south of" another
    literal_only: bool = False                # drop adjectival and metonymic mentions (geoparse/literal.py)
    relative_lookback: int = 120              # characters before "N km south" searched for the place's name
    street_km: float = 250.0                  # "X Street" is kept when X lies this near another place named
