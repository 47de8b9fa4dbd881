"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -0.9939,
    "logit": 1.5947,
    "sure": -1.2787,
    "country": 0.198,
    "adjective": -1.1014,
    "plural_demonym": -2.741,
    "metonym": -2.577,
    "town": -1.6328,
    "organisation": -0.598,
    "readings": 0.7187,
    "repeated": 0.4517,
    "capitals": 0.4818,
    "person": -0.5139,
    "locative": 1.2175,
}
