"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -2.2947,
    "logit": 1.3906,
    "sure": -1.0602,
    "country": 1.6004,
    "adjective": -0.82,
    "plural_demonym": -2.3951,
    "metonym": -2.3899,
    "town": 0.0145,
    "organisation": -0.4735,
    "readings": 0.8187,
    "repeated": 0.2256,
    "capitals": 0.8182,
    "person": -1.4647,
    "locative": 1.0879,
}
