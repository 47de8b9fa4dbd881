"""Outlines from TopoJSON: shapes that cross the antimeridian are cut into parts inside [-180, 180]."""

from __future__ import annotations

import json

import pytest
import shapely

from mapviewer.bundled import gazetteer_source
from mapviewer.gazetteer.topology import features, wrap_antimeridian


def test_a_shape_across_the_antimeridian_is_cut_in_two():
    fiji_like = shapely.box(175, -20, 185, -15)             # 10° wide, 5° on each side of 180°
    wrapped = wrap_antimeridian(fiji_like)
    assert wrapped.bounds[0] >= -180 and wrapped.bounds[2] <= 180
    assert wrapped.area == pytest.approx(fiji_like.area)
    assert len(wrapped.geoms) == 2
    assert shapely.contains_xy(wrapped, 177, -17) and shapely.contains_xy(wrapped, -178, -17)


def test_a_shape_inside_the_world_is_left_alone():
    box = shapely.box(10, 10, 20, 20)
    assert wrap_antimeridian(box) is box


def test_the_bundled_countries_all_lie_inside_the_world():
    topo = json.loads(gazetteer_source("world-atlas_countries-50m.topo.json").read_text(encoding="utf-8"))
    shapes = [g for _, g in features(topo, "countries")]
    assert len(shapes) > 200
    assert all(g.bounds[0] >= -180 and g.bounds[2] <= 180 for g in shapes)
