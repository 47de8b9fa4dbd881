"""Map pages: folium map, page data, the page's elements and policy, inlined assets."""

from .build import page_html

__all__ = ["page_html"]
