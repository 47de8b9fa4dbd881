"""Folium maps of analyses: markers linked to sentences, outlines, an offline basemap."""

from .build import build_map, map_html

__all__ = ["build_map", "map_html"]
