"""The offline basemap a page carries (mapping/basemap.py over the real store): fills and lines of one
level are the same vertices, the page takes only cells around its places, names come most important
first with the zooms they may appear at."""

from __future__ import annotations

import json

import numpy as np
import pytest

from mapviewer.gazetteer.basemap import CLASSES, LEVELS, MAX_ZOOM, city_min_zoom
from mapviewer.mapping.basemap import basemap_json, page_cells
from mapviewer.places import collect_places


@pytest.fixture(scope="module")
def seed_basemap(seed_analysis, store):
    data = json.loads(basemap_json(page_cells(collect_places([seed_analysis], store), store), "group", [], {}))
    for level in data["levels"]:           # the cells of a level joined, as the page script joins them
        for kind in ("land", "coast", "country", "region"):
            level[kind] = [part for row in level["rows"] for part in row["layers"].get(kind, [])]
    return data


def _vertices(parts, depth):
    """The set of (lon, lat) of a list of polygons (depth 3) or lines (depth 2)."""
    out = set()
    for part in parts:
        rings = part if depth == 3 else [part]
        for ring in rings:
            out.update(map(tuple, np.asarray(ring, dtype=float).tolist()))
    return out


def _on_cell_edge(xy, level):
    if not level.cell:
        return False
    lon, lat = xy
    return any(abs(v / level.cell - round(v / level.cell)) < 1e-6 for v in (lon + 180, lat + 90))


def test_fills_and_lines_of_a_level_are_the_same_vertices(seed_basemap):
    for n, (level, data) in enumerate(zip(LEVELS, seed_basemap["levels"], strict=True)):
        land = _vertices(data["land"], 3)
        lines = _vertices(data["coast"], 2) | _vertices(data["country"], 2)
        assert land and data["country"], n
        # border and coast vertices are vertices of the land's edge: no line from another generalisation (a
        # few where repairing a simplified ring moved a vertex, or an islet's land was left out)
        apart = [xy for xy in lines - land if not _on_cell_edge(xy, level)]
        assert len(apart) <= 0.01 * len(lines), (n, len(apart), len(lines))
        if level.cell:         # and every vertex of the land's edge lies on a line (or on the cut of its cell)
            stray = [xy for xy in land - lines if not _on_cell_edge(xy, level)]
            assert len(stray) <= 0.01 * len(land), (n, stray[:5])


def test_cells_only_around_the_places(seed_basemap):
    levels = seed_basemap["levels"]
    assert levels[0]["cells"] == []                                   # the world, one uncut row
    finest = levels[-1]["cells"]
    assert finest and all(abs(s - 47) < 4 or abs(s - 50) < 4 or abs(s - 55) < 4 or abs(s - 38) < 4 or abs(s - 28) < 4
                          for s, _, _, _ in finest)
    donbas = [c for c in finest if c[0] <= 47.98 <= c[2] and c[1] <= 37.28 <= c[3]]
    assert len(donbas) == 1                                           # Kurakhove's cell is there


def test_names_most_important_first(seed_basemap):
    labels = seed_basemap["labels"]
    keys = [(lab[4], CLASSES.index(lab[1])) for lab in labels]
    assert keys == sorted(keys)
    assert all(0 <= lab[4] <= lab[5] <= MAX_ZOOM for lab in labels)
    names = {lab[0]: lab for lab in labels}
    assert names["Ukraine"][1] == "country" and names["Kyiv"][1] == "capital"
    assert names["Kurakhove"][4] <= 10 and names["Hostre"][4] >= names["Kurakhove"][4]
    assert {"Black Sea", "Sea of Azov"} <= set(names)


def test_towns_named_from_a_zoom_by_their_size():
    assert city_min_zoom(20_000_000, "P.PPL") < city_min_zoom(1_000_000, "P.PPL") < city_min_zoom(
        50_000, "P.PPL") < city_min_zoom(800, "P.PPL") <= LEVELS[-1].zmin + 1
    assert city_min_zoom(1_000_000, "P.PPLC") < city_min_zoom(1_000_000, "P.PPL")


def test_basemap_block_is_inert_json():
    from mapviewer.mapping.page import PageData

    block = PageData.from_json('{"name":"</script><script>alert(1)</script>&\u2028"}', "mapviewer-basemap")
    assert "<" not in block.payload and "&" not in block.payload and "\u2028" not in block.payload
    assert json.loads(block.payload) == {"name": "</script><script>alert(1)</script>&\u2028"}
