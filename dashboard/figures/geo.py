"""Offline country outlines: decode the shipped Natural Earth TopoJSON into GeoJSON keyed by ISO alpha-3.

Pure functions (no Streamlit), so the map builders and the tests share one source of polygons and no
tile server or CDN is ever needed.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable

import pycountry


ASSETS = Path(__file__).resolve().parents[1] / "assets"  # dashboard/assets
COUNTRIES_FILE = ASSETS / "countries-50m.json"

Ring = list[list[float]]

# The browser map ("map" detail): full detail where the dashboard looks (Asia-Pacific, lon/lat box), coarse
# elsewhere. Tolerances and rounding are in degrees (0.01° ≈ 1 km); tiny islands outside the box are dropped.
DETAIL_BOX = (60.0, -50.0, 180.0, 55.0)
FINE = (0.02, 2)  # Douglas-Peucker tolerance, decimals kept, inside DETAIL_BOX (~2 px at zoom 6)
COARSE = (0.1, 2)  # outside it
MIN_AREA_OUTSIDE = 0.1  # square degrees (~1,200 km² at the equator); a country's largest polygon always stays


def _decode_arcs(topo: dict, precision: int | None = None) -> list[Ring]:
    """Absolute lon/lat arcs: undo delta-encoding and quantisation when the topology has a transform."""
    transform = topo.get("transform")
    if not transform:
        arcs = [[[float(p[0]), float(p[1])] for p in arc] for arc in topo["arcs"]]
        return arcs if precision is None else [[[round(x, precision), round(y, precision)] for x, y in a] for a in arcs]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for p in arc:
            x, y = x + p[0], y + p[1]
            lon, lat = x * sx + tx, y * sy + ty
            points.append([lon, lat] if precision is None else [round(lon, precision), round(lat, precision)])
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join arcs into one ring; a negative index ~i means arc i reversed; shared end points kept once."""
    ring: Ring = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def simplify_line(points: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker: drop points closer than `tolerance` to the line kept; both ends always stay.

    A closed line (first point == last) is handled too: the first split is at the point farthest from the start.
    """
    n = len(points)
    if n < 3 or tolerance <= 0:
        return [list(p) for p in points]
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        i, j = stack.pop()
        (ax, ay), (bx, by) = points[i], points[j]
        dx, dy = bx - ax, by - ay
        d2 = dx * dx + dy * dy
        best, best_d2 = -1, tol2
        for k in range(i + 1, j):
            px, py = points[k][0] - ax, points[k][1] - ay
            if d2 == 0:
                dist2 = px * px + py * py
            else:
                cross = px * dy - py * dx
                dist2 = cross * cross / d2
            if dist2 > best_d2:
                best, best_d2 = k, dist2
        if best >= 0:
            keep[best] = True
            stack.extend([(i, best), (best, j)])
    return [list(points[k]) for k in range(n) if keep[k]]


def _boxes_meet(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[2] >= b[0] and a[0] <= b[2] and a[3] >= b[1] and a[1] <= b[3]


def ring_bbox(ring: Ring) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat) of a ring."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def simplify_arc_for_map(arc: Ring) -> Ring:
    """One TopoJSON arc for the browser map: simplified and rounded, finely inside DETAIL_BOX, coarsely outside.

    Simplifying arcs (not rings) keeps borders shared by two countries identical on both sides, so no gaps.
    """
    tolerance, decimals = FINE if _boxes_meet(ring_bbox(arc), DETAIL_BOX) else COARSE
    out: Ring = []
    for x, y in simplify_line(arc, tolerance):
        p = [round(x, decimals), round(y, decimals)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def topojson_to_geojson(
    topo: dict,
    object_name: str = "countries",
    precision: int | None = None,
    simplify: Callable[[Ring], Ring] | None = None,
) -> dict:
    """Convert one GeometryCollection of a TopoJSON topology to a GeoJSON FeatureCollection.

    Handles Polygon and MultiPolygon (the only types in world-atlas); `id` and properties are kept;
    `precision` rounds coordinates to that many decimals (smaller JSON for the browser); `simplify`, if
    given, is applied to every arc before rings are joined (a ring it would collapse keeps its full detail).
    """
    arcs = _decode_arcs(topo, precision)
    if simplify is None:
        make_ring = functools.partial(_ring, arcs=arcs)
    else:
        simple = [simplify(a) for a in arcs]

        def make_ring(indices: list[int]) -> Ring:
            ring = _ring(indices, simple)
            if len(ring) < 4 or ring_area_centroid(ring)[0] == 0:
                ring = [[round(x, 4), round(y, 4)] for x, y in _ring(indices, arcs)]
            return ring

    features = []
    for geom in topo["objects"][object_name]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords: Any = [make_ring(r) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[make_ring(r) for r in poly] for poly in geom["arcs"]]
        else:
            continue  # null geometry or points/lines: nothing to fill
        feature = {
            "type": "Feature",
            "properties": dict(geom.get("properties") or {}),
            "geometry": {"type": kind, "coordinates": coords},
        }
        if "id" in geom:
            feature["id"] = geom["id"]
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def _clip_x(ring: Ring, limit: float, keep_below: bool) -> Ring:
    """Sutherland-Hodgman clip of a ring against the vertical line x = limit."""

    def inside(p: list[float]) -> bool:
        return p[0] <= limit if keep_below else p[0] >= limit

    out: Ring = []
    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur) != inside(prev):
            t = (limit - prev[0]) / (cur[0] - prev[0])
            out.append([limit, prev[1] + t * (cur[1] - prev[1])])
        if inside(cur):
            out.append(cur)
    return out


def split_antimeridian(ring: Ring) -> list[Ring]:
    """Split a ring that jumps across ±180° into pieces inside [-180, 180], so no edge smears across the map."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(ring, ring[1:])):
        return [ring]
    unwrapped = [list(ring[0])]
    for p in ring[1:]:
        lon = p[0]
        while lon - unwrapped[-1][0] > 180:
            lon -= 360
        while lon - unwrapped[-1][0] < -180:
            lon += 360
        unwrapped.append([lon, p[1]])
    pieces = []
    for shift in (0.0, 360.0, -360.0):
        shifted = [[x + shift, y] for x, y in unwrapped]
        piece = _clip_x(_clip_x(shifted, 180.0, True), -180.0, False)
        if len(piece) >= 3:
            if piece[0] != piece[-1]:
                piece.append(list(piece[0]))
            pieces.append(piece)
    return pieces


def _fix_polygons(geometry: dict) -> list[list[Ring]]:
    """Polygons of a geometry as a flat list, with antimeridian-crossing outer rings split (their holes dropped)."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    fixed: list[list[Ring]] = []
    for poly in polys:
        parts = split_antimeridian(poly[0])
        fixed.extend([poly] if len(parts) == 1 and parts[0] is poly[0] else [[p] for p in parts])
    return fixed


def _alpha3(numeric_id: Any) -> str | None:
    """ISO 3166-1 alpha-3 for a numeric id such as "036"; None for ids pycountry lacks or missing ids."""
    if numeric_id is None:
        return None
    country = pycountry.countries.get(numeric=str(numeric_id).zfill(3))
    return country.alpha_3 if country else None


def _drop_specks(polys: list[list[Ring]]) -> list[list[Ring]]:
    """Polygons outside DETAIL_BOX smaller than MIN_AREA_OUTSIDE dropped; the largest polygon always kept."""
    areas = [ring_area_centroid(p[0])[0] for p in polys]
    biggest = max(range(len(polys)), key=areas.__getitem__)
    return [p for i, (p, a) in enumerate(zip(polys, areas))
            if i == biggest or a >= MIN_AREA_OUTSIDE or _boxes_meet(ring_bbox(p[0]), DETAIL_BOX)]


@functools.lru_cache(maxsize=2)
def _country_shapes(detail: str = "full") -> dict:
    """Parse and convert the shipped file once per process and detail level."""
    if detail not in ("full", "map"):
        raise ValueError(f"detail must be 'full' or 'map', got {detail!r}")
    topo = json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))
    converted = (topojson_to_geojson(topo, "countries", precision=4) if detail == "full"
                 else topojson_to_geojson(topo, "countries", simplify=simplify_arc_for_map))
    by_iso3: dict[str, dict] = {}
    for f in converted["features"]:
        iso3 = _alpha3(f.get("id"))
        if iso3 is None or iso3 == "ATA":
            # Kosovo, N. Cyprus, Somaliland: no ISO 3166 numeric code. Antarctica: its rings wind round
            # the pole and smear across flat maps, and no event is held there.
            continue
        polys = _fix_polygons(f["geometry"])
        if iso3 in by_iso3:  # e.g. Ashmore and Cartier Is. also carry Australia's code: merge
            by_iso3[iso3]["geometry"]["coordinates"].extend(polys)
            continue
        by_iso3[iso3] = {
            "type": "Feature",
            "properties": {"iso3": iso3, "name": f["properties"].get("name", iso3)},
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        }
    if detail == "map":
        for f in by_iso3.values():
            f["geometry"]["coordinates"] = _drop_specks(f["geometry"]["coordinates"])
    return {"type": "FeatureCollection", "features": list(by_iso3.values())}


def load_country_shapes(detail: str = "full") -> dict:
    """Natural Earth 1:50m countries as GeoJSON, one MultiPolygon feature per ISO alpha-3 (properties iso3, name).

    detail="full": every point, 4 decimals. detail="map": what the browser map needs, a fraction of the size:
    rings simplified (finely in the Asia-Pacific DETAIL_BOX, coarsely elsewhere), coordinates rounded, specks
    of islands outside the box dropped; every country, Singapore and the small ASEAN islands stay.
    Cached; returns new feature and properties dicts, so callers may add properties without touching the
    cache, around the cached geometry, which they must not change (a deep copy took 170 ms a page run).
    """
    shapes = _country_shapes(detail)
    return {**shapes, "features": [{**f, "properties": dict(f["properties"])} for f in shapes["features"]]}


def ring_area_centroid(ring: Ring) -> tuple[float, float, float]:
    """Absolute planar area and centroid (lon, lat) of a ring, shoelace formula."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def largest_ring(feature: dict) -> Ring:
    """Outer ring of the feature's largest polygon (mainland), used for centroids and map extents."""
    rings = [poly[0] for poly in feature["geometry"]["coordinates"]]
    return max(rings, key=lambda r: ring_area_centroid(r)[0])


@functools.lru_cache(maxsize=1)
def _centroids() -> dict[str, tuple[float, float]]:
    out = {}
    for f in _country_shapes("map")["features"]:  # the map's own outlines: one parse per process, same anchors
        _, lon, lat = ring_area_centroid(largest_ring(f))
        out[f["properties"]["iso3"]] = (round(lon, 4), round(lat, 4))
    return out


def country_centroids() -> dict[str, tuple[float, float]]:
    """(lon, lat) per ISO alpha-3: centroid of the country's largest polygon; good enough to anchor arcs."""
    return dict(_centroids())
