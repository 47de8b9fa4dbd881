"""mapviewer: every place an article mentions, on a map, linked back to its sentences."""

__version__ = "0.1.0"
