"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -0.9413,
    "logit": 1.5834,
    "sure": -1.2393,
    "country": 0.1053,
    "adjective": -1.1254,
    "plural_demonym": -2.8123,
    "metonym": -2.5886,
    "town": -1.7675,
    "organisation": -0.5783,
    "readings": 0.738,
    "repeated": 0.4641,
    "capitals": 0.4475,
    "person": -0.4904,
    "locative": 1.1917,
}
