"""Weights of the mention-confidence model (geoparse/confidence.py), written by tools/train_confidence.py
(fitted on GeoWebNews and TR-News together; its leave-one-corpus-out figures are in the README)."""

FEATURES = ("logit", "sure", "country", "adjective", "plural_demonym", "metonym", "town", "organisation",
            "readings", "repeated", "capitals", "person", "locative")
WEIGHTS = {
    "intercept": -2.3687,
    "logit": 1.3944,
    "sure": -1.0425,
    "country": 1.6162,
    "adjective": -0.8242,
    "plural_demonym": -2.4273,
    "metonym": -2.3585,
    "town": 0.1106,
    "organisation": -0.4768,
    "readings": 0.8217,
    "repeated": 0.2331,
    "capitals": 0.7442,
    "person": -1.5885,
    "locative": 1.0654,
}
