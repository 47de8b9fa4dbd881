"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -0.9487,
    "logit": 1.5808,
    "sure": -1.2395,
    "country": 0.1193,
    "adjective": -1.1318,
    "plural_demonym": -2.7846,
    "metonym": -2.5573,
    "town": -1.7575,
    "organisation": -0.5042,
    "readings": 0.7367,
    "repeated": 0.4565,
    "capitals": 0.4529,
    "person": -0.4518,
    "locative": 1.2194,
}
