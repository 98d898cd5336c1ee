"""Offline country outlines: decode the shipped Natural Earth TopoJSON into GeoJSON keyed by ISO alpha-3.

Pure functions (no Streamlit), so the map builders and the tests share one source of polygons and no
tile server or CDN is ever needed.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import pycountry

ASSETS = Path(__file__).resolve().parent / "assets"
COUNTRIES_FILE = ASSETS / "countries-50m.json"

Ring = list[list[float]]


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


def topojson_to_geojson(topo: dict, object_name: str = "countries", precision: int | None = None) -> dict:
    """Convert one GeometryCollection of a TopoJSON topology to a GeoJSON FeatureCollection.

    Handles Polygon and MultiPolygon (the only types in world-atlas); `id` and properties are kept;
    `precision` rounds coordinates to that many decimals (smaller JSON for the browser).
    """
    arcs = _decode_arcs(topo, precision)
    features = []
    for geom in topo["objects"][object_name]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords: Any = [_ring(r, arcs) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[_ring(r, arcs) for r in poly] for poly in geom["arcs"]]
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


@functools.lru_cache(maxsize=1)
def _country_shapes() -> dict:
    """Parse and convert the shipped file once per process."""
    topo = json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))
    by_iso3: dict[str, dict] = {}
    for f in topojson_to_geojson(topo, "countries", precision=4)["features"]:
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
    return {"type": "FeatureCollection", "features": list(by_iso3.values())}


def load_country_shapes() -> dict:
    """Natural Earth 1:50m countries as GeoJSON, one MultiPolygon feature per ISO alpha-3 (properties iso3, name).

    Cached; returns a deep copy so callers may add properties without touching the cache.
    """
    return copy.deepcopy(_country_shapes())


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
    for f in _country_shapes()["features"]:
        _, lon, lat = ring_area_centroid(largest_ring(f))
        out[f["properties"]["iso3"]] = (round(lon, 4), round(lat, 4))
    return out


def country_centroids() -> dict[str, tuple[float, float]]:
    """(lon, lat) per ISO alpha-3: centroid of the country's largest polygon; good enough to anchor arcs."""
    return dict(_centroids())
