"""Offline country outlines: TopoJSON decoding, antimeridian splitting, and the shipped Natural Earth file."""

from __future__ import annotations

import pytest

from dashboard.figures import geo

ASEAN_10 = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"}

# Quantised, delta-encoded topology: scale (0.5, 2), translate (10, 20).
#   arc 0: (0,0) (2,0) (2,1)  -> (10,20) (11,20) (11,22)
#   arc 1: (2,1) (0,1) (0,0)  -> (11,22) (10,22) (10,20)
#   arc 2: (4,0) (6,0) (6,2) (4,0) -> (12,20) (13,20) (13,24) (12,20)
TINY_TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 2], "translate": [10, 20]},
    "arcs": [
        [[0, 0], [2, 0], [0, 1]],
        [[2, 1], [-2, 0], [0, -1]],
        [[4, 0], [2, 0], [0, 2], [-2, -2]],
    ],
    "objects": {
        "shapes": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "A"}},
                {"type": "Polygon", "arcs": [[-2, -1]], "properties": {"name": "B"}},
                {"type": "MultiPolygon", "arcs": [[[0, 1]], [[2]]], "id": "003", "properties": {"name": "C"}},
                {"type": None, "properties": {"name": "empty"}},
            ],
        }
    },
}

SQUARE = [[10.0, 20.0], [11.0, 20.0], [11.0, 22.0], [10.0, 22.0], [10.0, 20.0]]
TRIANGLE = [[12.0, 20.0], [13.0, 20.0], [13.0, 24.0], [12.0, 20.0]]


def test_topojson_to_geojson_decodes_tiny_topology() -> None:
    assert geo.topojson_to_geojson(TINY_TOPOLOGY, "shapes") == {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "001",
                "properties": {"name": "A"},
                "geometry": {"type": "Polygon", "coordinates": [SQUARE]},
            },
            {
                "type": "Feature",
                "properties": {"name": "B"},
                # negative indices: arc 1 reversed, then arc 0 reversed, shared point kept once
                "geometry": {"type": "Polygon", "coordinates": [SQUARE[::-1]]},
            },
            {
                "type": "Feature",
                "id": "003",
                "properties": {"name": "C"},
                "geometry": {"type": "MultiPolygon", "coordinates": [[SQUARE], [TRIANGLE]]},
            },
        ],
    }


def test_topojson_without_transform_uses_arcs_as_given() -> None:
    topo = {
        "type": "Topology",
        "arcs": [[[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 0.5]]],
        "objects": {"o": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "arcs": [[0]]}]}},
    }
    feature = geo.topojson_to_geojson(topo, "o")["features"][0]
    assert feature["geometry"]["coordinates"] == [[[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 0.5]]]


def test_split_antimeridian_cuts_a_ring_crossing_180() -> None:
    ring = [[170.0, -10.0], [-170.0, -10.0], [-170.0, 10.0], [170.0, 10.0], [170.0, -10.0]]
    pieces = geo.split_antimeridian(ring)
    assert len(pieces) == 2
    extents = sorted((min(p[0] for p in r), max(p[0] for p in r)) for r in pieces)
    assert extents == [(-180.0, -170.0), (170.0, 180.0)]
    assert sorted(round(geo.ring_area_centroid(r)[0], 6) for r in pieces) == [200.0, 200.0]
    assert all(r[0] == r[-1] for r in pieces)


def test_split_antimeridian_leaves_ordinary_ring_alone() -> None:
    assert geo.split_antimeridian(SQUARE) == [SQUARE]


@pytest.fixture(scope="module")
def shapes() -> dict:
    return geo.load_country_shapes()


def test_shipped_file_has_asean_timor_leste_and_neighbours(shapes: dict) -> None:
    iso3s = [f["properties"]["iso3"] for f in shapes["features"]]
    assert len(iso3s) == len(set(iso3s)), "one feature per country"
    assert ASEAN_10 | {"TLS", "AUS", "NZL"} <= set(iso3s)
    names = {f["properties"]["iso3"]: f["properties"]["name"] for f in shapes["features"]}
    assert names["SGP"] == "Singapore"
    assert names["TLS"] == "Timor-Leste"


def test_features_without_iso_code_and_antarctica_are_skipped(shapes: dict) -> None:
    names = {f["properties"]["name"] for f in shapes["features"]}
    assert not {"Kosovo", "N. Cyprus", "Somaliland", "Antarctica"} & names
    assert all(len(f["properties"]["iso3"]) == 3 for f in shapes["features"])


def test_no_ring_smears_across_the_antimeridian(shapes: dict) -> None:
    for f in shapes["features"]:
        for poly in f["geometry"]["coordinates"]:
            for ring in poly:
                assert all(-180 <= x <= 180 for x, _ in ring), f["properties"]["iso3"]
                assert all(abs(b[0] - a[0]) <= 180 for a, b in zip(ring, ring[1:])), f["properties"]["iso3"]
    fiji = next(f for f in shapes["features"] if f["properties"]["iso3"] == "FJI")
    xs = [x for poly in fiji["geometry"]["coordinates"] for x, _ in poly[0]]
    assert min(xs) < -179 and max(xs) > 179, "Fiji keeps islands on both sides of 180°"


def test_load_country_shapes_returns_a_copy() -> None:
    first = geo.load_country_shapes()
    first["features"][0]["properties"]["iso3"] = "XXX"
    assert geo.load_country_shapes()["features"][0]["properties"]["iso3"] != "XXX"


@pytest.mark.parametrize(
    ("iso3", "lon_range", "lat_range"),
    [
        ("SGP", (103.6, 104.1), (1.2, 1.5)),
        ("AUS", (130, 140), (-30, -20)),  # mainland, not Ashmore and Cartier (which share Australia's code)
        ("IDN", (95, 141), (-11, 6)),
        ("NZL", (166, 179), (-47, -34)),
        ("TLS", (124, 127.5), (-9.5, -8)),
    ],
)
def test_country_centroids_fall_inside_the_country(iso3: str, lon_range: tuple, lat_range: tuple) -> None:
    lon, lat = geo.country_centroids()[iso3]
    assert lon_range[0] < lon < lon_range[1]
    assert lat_range[0] < lat < lat_range[1]


def test_simplify_line_drops_points_near_the_line_and_keeps_the_ends() -> None:
    line = [[0.0, 0.0], [1.0, 0.334], [2.0, 0.666], [3.0, 1.0], [4.0, 0.0]]  # first three on one line
    assert geo.simplify_line(line, 0.01) == [[0.0, 0.0], [3.0, 1.0], [4.0, 0.0]]
    assert geo.simplify_line(line, 0.0) == line
    assert geo.simplify_line(line, 10.0) == [[0.0, 0.0], [4.0, 0.0]]


def test_simplify_line_keeps_a_closed_ring_a_ring() -> None:
    ring = [[0.0, 0.0], [1.0, 0.0], [2.0, 0.0005], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    out = geo.simplify_line(ring, 0.01)
    assert out[0] == out[-1] == [0.0, 0.0]
    assert out == [[0.0, 0.0], [2.0, 0.0005], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]


def test_map_detail_is_smaller_but_keeps_every_country_and_small_asean_islands(shapes: dict) -> None:
    import json

    small = geo.load_country_shapes("map")
    assert len(json.dumps(small)) < len(json.dumps(shapes)) / 2
    full = {f["properties"]["iso3"]: f for f in shapes["features"]}
    by_iso3 = {f["properties"]["iso3"]: f for f in small["features"]}
    assert set(by_iso3) == set(full)
    for iso3 in ASEAN_10 | {"TLS"}:
        assert len(by_iso3[iso3]["geometry"]["coordinates"]) == len(full[iso3]["geometry"]["coordinates"]), iso3
    # islands far from the region may go; a country's largest polygon never does
    assert len(by_iso3["USA"]["geometry"]["coordinates"]) < len(full["USA"]["geometry"]["coordinates"])
    lon, lat = geo.country_centroids()["SGP"]
    x0, y0, x1, y1 = geo.ring_bbox(by_iso3["SGP"]["geometry"]["coordinates"][0][0])
    assert x0 < lon < x1 and y0 < lat < y1
    with pytest.raises(ValueError):
        geo.load_country_shapes("tiny")


def test_the_build_locates_an_event_city_in_its_host_country() -> None:
    from data_prep.build import _city_point

    jakarta = pytest.approx((106.85, -6.21), abs=0.05)  # 6°12′S 106°51′E
    assert _city_point("Jakarta", None) == jakarta
    assert _city_point("Jakarta", "IDN") == jakarta
    assert _city_point("Nusa Dua", "IDN") == pytest.approx((115.23, -8.80), abs=0.05)
    assert _city_point("Jakarta", "SGP") == (None, None), "not in the host country: arcs start at its centroid"
    assert _city_point("Atlantis", "IDN") == (None, None)
    assert _city_point(None, "IDN") == (None, None)


def test_every_city_has_coordinates_inside_its_country(shapes: dict) -> None:
    from data_prep.resources import read_rows

    boxes: dict[str, list] = {}
    for f in shapes["features"]:
        boxes[f["properties"]["iso3"]] = [geo.ring_bbox(p[0]) for p in f["geometry"]["coordinates"]]
    capitals = [{"city": c, "iso3": i} for c, i in (("Bangkok", "THA"), ("Manila", "PHL"), ("Hanoi", "VNM"),
                                                       ("Phnom Penh", "KHM"), ("Vientiane", "LAO"),
                                                       ("Kuala Lumpur", "MYS"), ("Canberra", "AUS"))]
    from data_prep.places import place_coordinates

    for row in list(read_rows("cities")) + capitals:
        lat, lon = place_coordinates(row["city"])
        near = 0.2  # degrees: coastal cities may sit just outside the 1:50m coastline
        assert any(x0 - near <= lon <= x1 + near and y0 - near <= lat <= y1 + near
                   for x0, y0, x1, y1 in boxes[row["iso3"]]), row["city"]
