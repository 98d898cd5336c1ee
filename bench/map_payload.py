"""Map page payload: time to build the pydeck spec (and the static export figure) and the size of the JSON
sent to the browser, with the full-detail outlines (before) and the simplified "map" outlines (after).

Builds the seeds into a temporary folder (or reads DASHBOARD_BUILD_DIR); prints figures, asserts nothing.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from dashboard.figures import geo
from dashboard.figures import map_figures as mf

REPO = Path(__file__).resolve().parent.parent


def _tables(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(folder / "events.parquet"), pd.read_parquet(folder / "participants.parquet")


def _timed(fn, repeat: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> int:
    given = os.environ.get("DASHBOARD_BUILD_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        if given and (Path(given) / "events.parquet").exists():
            folder = Path(given)
        else:
            from data_prep.build import build

            folder = Path(tmp) / "build"
            build(REPO / "seeds", folder)
        events, parts = _tables(folder)

    asean = set(parts.loc[parts["is_asean"].fillna(False).astype(bool), "iso3"])
    counts_all = mf.country_event_counts(parts, events)
    ev = events.sort_values("start_date").iloc[-1]
    one = parts[parts["event_id"] == ev["event_id"]]
    arcs = pd.DataFrame({"source_iso3": ev["host_iso3"], "target_iso3": sorted(set(one["iso3"]) - {ev["host_iso3"]})})
    if pd.notna(ev.get("lon")) and pd.notna(ev.get("lat")):
        arcs["source_lon"], arcs["source_lat"] = float(ev["lon"]), float(ev["lat"])
    counts_one = mf.country_event_counts(one, events)

    print("outlines (first parse per process):")
    for detail in ("full", "map"):
        geo._country_shapes.cache_clear()
        t, shapes = _timed(lambda: geo._country_shapes(detail), repeat=1)
        n_points = sum(len(r) for f in shapes["features"] for poly in f["geometry"]["coordinates"] for r in poly)
        n_polys = sum(len(f["geometry"]["coordinates"]) for f in shapes["features"])
        print(f"  {detail:4}: {t:5.2f} s, {len(shapes['features'])} countries, {n_polys} polygons, {n_points} points")
    geo._country_shapes("full")

    print("pydeck spec (build + to_json, best of 3, warm cache):")
    for label, counts, a in (("all events", counts_all, None), (f"one event, {len(arcs)} arcs", counts_one, arcs)):
        sizes = {}
        for detail, name in (("full", "before"), ("map", "after")):
            t, payload = _timed(lambda: mf.build_deck(counts, asean, a, detail=detail).to_json())
            sizes[name] = len(payload)
            print(f"  {label:18} {name:6}: {t:5.2f} s, {len(payload) / 1e6:5.2f} MB")
        print(f"  {label:18} after/before: {sizes['after'] / sizes['before']:.0%}")

    print("static export figure (plotly JSON, built on every Map page run):")
    original = mf.load_country_shapes
    for name, loader in (("before", lambda detail="full": original("full")), ("after", original)):
        mf.load_country_shapes = loader
        try:
            t, fig = _timed(lambda: mf.build_static_map_figure(counts_one, asean, "bench", arcs=arcs))
            size = len(fig.to_json())
        finally:
            mf.load_country_shapes = original
        print(f"  {name:6}: {t:5.2f} s, {size / 1e6:5.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
