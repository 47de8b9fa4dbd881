"""The numbers in force: every default of GeoparserConfig, so a change to one is a visible decision."""

from __future__ import annotations

import dataclasses

import pytest

from mapviewer.geoparse.config import GeoparserConfig

DEFAULTS = {
    "max_tokens": 6, "person_word_max_zipf": 5.0, "first_name_pct": 0.005, "standalone_first_name_pct": 0.02,
    "surname_pct": 0.003, "major_place": 6.0, "known_place": 5.5, "lowercase_word_zipf": 3.0, "word_zipf": 3.5,
    "initial_word_zipf": 3.2, "word_zipf_per_importance": 0.25, "dateline_min_length": 4,
    "dateline_acronym_min_length": 5, "strong_first_name_pct": 0.1,
    "hyphen_part_max_zipf": 4.5, "fuzzy_min_length": 6, "fuzzy_max_zipf": 2.0, "fuzzy_min_ratio": 80.0,
    "fuzzy_ratio_margin": 5.0, "max_candidates": 25, "iterations": 2, "w_primary_name": 1.0, "w_country": 2.5,
    "w_continent": 1.0, "w_region": 1.5, "w_near": 2.0, "w_same": 2.0, "w_region_cue": 4.0, "w_qualifier": 6.0,
    "w_list": 3.0, "named_body_prior": 1.5, "w_body_name": 0.5, "w_misspelt": 8.0, "near_km": 250.0,
    "feature_near_km": 1500.0, "temperature": 1.0, "confidence_slope": 0.7, "confidence_shift": 0.5,
    "unknown_score": 6.5, "min_fuzzy_context": 1.0, "max_alternatives": 5, "min_confidence": 0.05,
    "relative_confidence": 0.9, "literal_only": False,
    "relative_lookback": 120, "street_km": 250.0,
}


def test_every_default_is_pinned():
    assert dataclasses.asdict(GeoparserConfig()) == DEFAULTS


def test_a_config_is_a_value():
    config = GeoparserConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.w_near = 3.0  # type: ignore[misc]
    assert dataclasses.replace(config, w_near=3.0).w_near == 3.0 and config.w_near == 2.0


def test_the_geoparser_uses_its_config(store):
    from mapviewer.model import Document
    from mapviewer.pipeline import Geoparser

    text = "Talks in Paris, then in Lyon and Marseille."
    default = Geoparser(store).analyse(Document(text))
    assert all(len(m.alternatives) <= 5 for m in default.mentions)
    one = Geoparser(store, config=GeoparserConfig(max_alternatives=1)).analyse(Document(text))
    assert [m.place for m in one.mentions] == [m.place for m in default.mentions]
    assert all(len(m.alternatives) == 1 for m in one.mentions)
