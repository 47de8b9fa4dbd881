"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -1.0287,
    "logit": 1.6057,
    "sure": -1.2648,
    "country": 0.1805,
    "adjective": -1.1567,
    "plural_demonym": -2.8183,
    "metonym": -2.654,
    "town": -1.6937,
    "organisation": -0.6947,
    "readings": 0.7622,
    "repeated": 0.4718,
    "capitals": 0.3714,
    "person": -0.5761,
    "locative": 1.2085,
}
