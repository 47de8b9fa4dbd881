"""Where an area's marker goes (gazetteer.points): on the area, near the middle of its whole extent."""

from __future__ import annotations

import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, box

from mapviewer.gazetteer.points import label_point


def test_whole_outline_centroid_when_inside():
    mainland, island = box(0, 0, 10, 10), box(10.5, 0, 12, 10)  # the island pulls the point east
    lat, lon = label_point(MultiPolygon([mainland, island]))
    assert lon > mainland.centroid.x and box(0, 0, 10, 10).contains(shapely.Point(lon, lat))


def test_largest_part_when_the_whole_centroid_is_at_sea():
    west, east = box(0, 0, 4, 4), box(10, 0, 13, 3)  # the centroid of both lies in the gap
    assert label_point(MultiPolygon([west, east])) == (2.0, 2.0)


def test_ring_shaped_area_gets_a_point_on_it():
    horseshoe = Polygon([(0, 0), (10, 0), (10, 10), (0, 10), (0, 8), (8, 8), (8, 2), (0, 2)])
    lat, lon = label_point(horseshoe)
    assert horseshoe.contains(shapely.Point(lon, lat))


def test_a_river_at_the_middle_of_its_longest_stretch():
    assert label_point(shapely.MultiLineString([[(0, 0), (1, 0)], [(0, 5), (10, 5)]])) == (5.0, 5.0)
    assert label_point(LineString([(0, 0), (0, 4)])) == (2.0, 0.0)


def test_every_area_marker_of_the_real_gazetteer_lies_on_its_area(store):
    rows = store._query("SELECT p.lon, p.lat, o.wkb FROM places p JOIN outlines o ON o.place_id = p.id "
                        "WHERE p.kind NOT IN ('country', 'river')")
    outlines = shapely.from_wkb([r[2] for r in rows])
    points = shapely.points([r[0] for r in rows], [r[1] for r in rows])
    polygonal = shapely.area(outlines) > 0
    on_area = shapely.dwithin(outlines, points, 1e-3)  # ~100 m: atolls' stored outlines are made valid again
    assert polygonal.sum() > 10_000
    assert on_area[polygonal].all(), [r[1:2] for r, ok, a in zip(rows, on_area, polygonal) if a and not ok][:5]
