"""Geoparsing: recognise place names in text, then resolve each to a gazetteer place in context."""
