"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -0.9157,
    "logit": 1.5762,
    "sure": -1.2364,
    "country": 0.1173,
    "adjective": -1.1334,
    "plural_demonym": -2.8047,
    "metonym": -2.5768,
    "town": -1.7415,
    "organisation": -0.5855,
    "readings": 0.7235,
    "repeated": 0.4516,
    "capitals": 0.4439,
    "person": -0.4879,
    "locative": 1.1973,
}
