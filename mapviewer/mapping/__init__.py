"""Map pages: folium map, page data, the page's elements and policy, inlined assets (``build.page_html``
is the only way a page is made)."""
