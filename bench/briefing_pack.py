"""Benchmark (not a test): how long a full briefing pack takes on the seeds, as PPTX and as PDF.

    .venv/bin/python bench/briefing_pack.py [--repeat N] [--build DIR]

Builds the seeds into a temporary folder (unless --build is given), then times build_briefing with
every chart and no filters, N times per format, and prints the figures. Each run starts its own
Chromium session (as a click on the dashboard's button does), so start-up is included.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard import data  # noqa: E402
from dashboard.exports.briefing import DEFAULT_CHARTS, build_briefing, plan_briefing  # noqa: E402
from dashboard.exports.chart_export import find_chromium  # noqa: E402
from dashboard.state.filters import Filters  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--build", type=Path)
    a = ap.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("No Chromium found: the briefing pack cannot be benchmarked here.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        build = a.build or Path(tmp) / "build"
        if not data.has_build(build):
            from data_prep.build import build as run_build

            t0 = time.perf_counter()
            run_build(ROOT / "seeds", build)
            print(f"seeds build: {time.perf_counter() - t0:.2f} s")
        tables = data.read_tables(build)
        built_at = data.read_build_report(build).get("built_at")
        t0 = time.perf_counter()
        plan = plan_briefing(tables, Filters(), DEFAULT_CHARTS, built_at=built_at)
        print(f"plan (tables -> {len(plan.slides)} slides, {len(plan.figures)} charts): "
              f"{time.perf_counter() - t0:.2f} s")
        print(f"Chromium: {chromium}; {len(tables['events'])} events, {len(tables['articles'])} articles")
        for fmt in ("pptx", "pdf"):
            times, size = [], 0
            for _ in range(a.repeat):
                t0 = time.perf_counter()
                size = len(build_briefing(tables, Filters(), DEFAULT_CHARTS, fmt, built_at=built_at))
                times.append(time.perf_counter() - t0)
            print(f"{fmt.upper():4} full pack: median {statistics.median(times):.2f} s, "
                  f"min {min(times):.2f} s, max {max(times):.2f} s over {a.repeat} runs; {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
