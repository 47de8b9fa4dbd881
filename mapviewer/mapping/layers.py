"""The map's base layers by name: the offline basemap, and the online tile layers a user may pick (the
only network a map page may reach, and only then). A module of its own so that the window's menus and
preferences read them without loading the page builder."""

from __future__ import annotations

# (folium's tile set, the layer's name in the page's layer control)
ONLINE_LAYERS = (("OpenStreetMap", "OpenStreetMap (online)"), ("OpenTopoMap", "OpenTopoMap (online)"))
OFFLINE_LAYER = "Offline basemap"
# What Preferences › Default basemap offers: (setting, the layer's name in the page's layer control).
BASEMAPS = (("offline", OFFLINE_LAYER), *ONLINE_LAYERS)
