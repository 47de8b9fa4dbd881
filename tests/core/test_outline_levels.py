"""The highlighted outline of a region lies on the basemap's own borders at every level (issue 12: the land,
the country border and the region outline agree at every zoom): read from the real page of the sample
article, Donetsk Oblast's outline at each level against that level's region, country and coast lines."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import shapely

from mapviewer.gazetteer.basemap import LEVELS, degrees_per_pixel
from mapviewer.mapping.basemap import BASEMAP_ID
from mapviewer.mapping.build import page_html
from mapviewer.places import collect_places


@pytest.fixture(scope="module")
def seed_page(seed_analysis, store):
    entries = collect_places([seed_analysis], store)
    html = page_html([seed_analysis], store, entries, panel=True)
    block = re.search(rf'id="{BASEMAP_ID}"[^>]*>(.*?)</script>', html, re.S)
    assert block is not None
    donetsk = next(e for e in entries if e.place.kind == "admin1" and e.place.name.startswith("Donetsk"))
    return json.loads(block.group(1)), donetsk.key


def _lines(level: dict) -> shapely.STRtree:
    """Every segment the basemap draws at a level: the land's edge, coast, country and region borders."""
    parts = []
    for row in level["rows"]:
        layers = row["layers"]
        for polygon in layers.get("land", []):
            parts.extend(polygon)
        for kind in ("coast", "country", "region"):
            parts.extend(layers.get(kind, []))
    segments = [shapely.LineString(xy[i:i + 2]) for xy in map(np.asarray, parts) for i in range(len(xy) - 1)]
    return shapely.STRtree(segments)


def _points(geometry: dict, cell: float) -> np.ndarray:
    """The vertices of an outline and the middle of each of its edges (an outline simplified on its own
    keeps vertices of the border but cuts across its bends, between them); with a grid of ``cell``
    degrees, not where the outline is cut along a cell's edge or crosses one (the seam between the level's
    cells and the coarser level around them, as the basemap's own lines have it)."""
    out = []
    for ring in shapely.get_rings(shapely.get_parts(shapely.geometry.shape(geometry))):
        xy = shapely.get_coordinates(ring)
        if cell:
            grid = (xy + np.array([180, 90])) / cell
            on_edge = np.any(np.abs(grid - np.round(grid)) < 1e-6, axis=1)
            index = np.floor(grid)
            one_cell = np.all(index[:-1] == index[1:], axis=1) & ~on_edge[:-1] & ~on_edge[1:]
        else:
            on_edge, one_cell = np.zeros(len(xy), bool), np.ones(len(xy) - 1, bool)
        out.extend([xy[~on_edge], ((xy[:-1] + xy[1:]) / 2)[one_cell]])
    return np.concatenate(out)


@pytest.mark.parametrize("n", range(len(LEVELS)))
def test_region_outline_lies_on_the_basemap_lines_of_each_level(seed_page, n):
    data, key = seed_page
    level, drawn = LEVELS[n], data["levels"][n]
    outline = next(g for g in reversed(data["outlines"][key][:n + 1]) if g)    # null: as the level before
    xy = _points(outline, level.cell)
    if level.cell:   # within the level's own cells (elsewhere the page shows a coarser level)
        cells = shapely.union_all([shapely.box(w, s, e, nn) for s, w, nn, e in drawn["cells"]])
        xy = xy[shapely.contains_xy(cells, xy[:, 0], xy[:, 1])]
    assert len(xy) > 10, n
    _, distance = _lines(drawn).query_nearest(shapely.points(xy), return_distance=True, all_matches=False)
    pixel = degrees_per_pixel(level.zmax)
    if n == 0:
        # the world's level draws no region borders: where the outline runs along a country border or a
        # coast (within the level's simplification of one), it is on it
        distance = distance[distance < level.tolerance]
        assert len(distance) >= 3
    assert np.all(distance <= pixel / 2), (n, float(distance.max()), pixel)
