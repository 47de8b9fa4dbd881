"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative", "town_size")
WEIGHTS = {
    "intercept": -1.0102,
    "logit": 1.5011,
    "sure": -1.0789,
    "country": 0.1931,
    "adjective": -1.1631,
    "plural_demonym": -2.868,
    "metonym": -2.9188,
    "town": -1.7869,
    "organisation": -0.7309,
    "readings": 0.6805,
    "repeated": 0.3757,
    "capitals": 0.2434,
    "person": -0.3462,
    "locative": 1.1956,
    "town_size": 0.3784,
}
