"""Dashboard speed: server time of one run of each page right after a filter change (streamlit's AppTest,
median of 3, a filter combination never seen before each time so no cache answers for it), next to the
floor measured in the same run (an empty app with the same sidebar widgets); cold start to the first page;
and the server's memory (peak RSS) with the build loaded.

    python bench/page_times.py [SIZES...]        e.g. seeds 1000 10000 (default: seeds 1000)
    python bench/page_times.py --build DIR       time the pages on an existing build folder

Each size is built from the synthetic corpus (bench/synthetic_corpus.py) with all cores, once, into
bench/.builds/ (kept, so a second run only times the pages). Prints figures; asserts nothing.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
APP = str(REPO / "dashboard" / "app.py")
PAGES = ["views/overview.py", "views/timeline.py", "views/trends.py", "views/map.py", "views/themes.py", "views/people.py",
         "views/compare.py", "views/sources.py", "views/search.py", "views/data.py", "views/review.py", "views/briefing.py"]
GOAL_SEED_MS, GOAL_LARGE_MS = 100, 300

# The same sidebar widgets as the app's, with nothing behind them: what any Streamlit rerun costs.
FLOOR_APP = '''
import streamlit as st
from datetime import date, timedelta
sb = st.sidebar
sb.toggle("ASEAN members only", key="a")
sb.multiselect("Countries", [f"C{i:03d}" for i in range(120)], key="c")
sb.toggle("Only the chosen", key="o")
sb.multiselect("Events", [f"E{i}" for i in range(200)], key="e")
sb.multiselect("Themes", [f"T{i}" for i in range(12)], key="t")
sb.segmented_control("Dates", ["All", "Latest", "2019"], key="p")
sb.slider("Date range", min_value=date(2010, 1, 1), max_value=date(2026, 1, 1),
          value=(date(2010, 1, 1), date(2026, 1, 1)), step=timedelta(days=1), key="d")
st.title("Floor")
'''


def build_for(size: str) -> Path:
    """The build folder for a size: the seeds, or N synthetic articles (built once, then reused)."""
    from data_prep.build import build
    if size == "seeds":
        seeds, out = REPO / "seeds", HERE / ".builds" / "seeds" / "build"
    else:
        sys.path.insert(0, str(HERE))
        from synthetic_corpus import write_corpus
        seeds, out = HERE / ".builds" / f"corpus-{size}", HERE / ".builds" / f"out-{size}" / "build"
        if not seeds.is_dir():
            write_corpus(seeds, int(size), seed=0)
    if not (out / "events.parquet").exists():
        t0 = time.perf_counter()
        report = build(seeds, out)
        print(f"  built {size}: {report['n_included']} of {report['n_files']} articles, "
              f"{report['counts']['events']} events in {time.perf_counter() - t0:.0f} s", flush=True)
    return out


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def measure(build_dir: Path) -> dict:
    """Runs in a process of its own (the app reads its build folder from the environment at import)."""
    t0 = time.perf_counter()
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    cold_ms = _ms(t0)
    assert not at.exception, [e.value for e in at.exception]
    countries = list(at.multiselect(key="flt_countries").options)
    # Distinct filter states, in order: each country alone, then pairs of neighbours in the list.
    states = [[c] for c in countries] + [list(pair) for pair in zip(countries, countries[1:])]

    floor = AppTest.from_string(FLOOR_APP, default_timeout=60)
    floor.run()
    floor_times = []
    for i in range(5):
        floor.multiselect(key="c").set_value([f"C{i:03d}"])
        t = time.perf_counter()
        floor.run()
        floor_times.append(_ms(t))

    pages = {}
    for page in PAGES:
        at = AppTest.from_file(APP, default_timeout=600)
        at.run()
        if page != PAGES[0]:
            at.switch_page(page).run()
        times = []
        for _ in range(3):
            at.multiselect(key="flt_countries").set_value(states.pop(0) if states else [])
            t = time.perf_counter()
            at.run()
            times.append(_ms(t))
            if at.exception:
                times[-1] = float("nan")
        pages[page.split("/")[1].removesuffix(".py")] = statistics.median(times)
    import resource
    return {"cold_start_ms": cold_ms, "floor_ms": statistics.median(floor_times), "pages_ms": pages,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_measure(build_dir: Path) -> dict:
    """`measure` in a fresh Python process on the build (cold start is a real cold start)."""
    env = {**os.environ, "DASHBOARD_BUILD_DIR": str(build_dir)}
    code = (f"import json, sys; sys.path.insert(0, {str(HERE)!r}); from page_times import measure; "
            f"from pathlib import Path; print('RESULT' + json.dumps(measure(Path({str(build_dir)!r}))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO)
    line = next((l for l in out.stdout.splitlines() if l.startswith("RESULT")), None)
    if line is None:
        raise RuntimeError(f"page timing failed on {build_dir}:\n{out.stderr[-3000:]}")
    return json.loads(line[len("RESULT"):])


def describe(label: str, build_dir: Path, r: dict, goal_ms: int) -> None:
    events = sum(1 for _ in open(build_dir / "events.csv", encoding="utf-8")) - 1
    print(f"{label} ({events} events): floor {r['floor_ms']:.0f} ms, cold start to first page "
          f"{r['cold_start_ms'] / 1000:.1f} s, server memory (peak RSS) {r['peak_rss_mb']:.0f} MB")
    for page, ms in r["pages_ms"].items():
        flag = "" if ms <= goal_ms else f"  over the {goal_ms} ms goal"
        print(f"  {page:10s} {ms:7.0f} ms{flag}")
    print(f"  slowest: {max(r['pages_ms'], key=r['pages_ms'].get)} "
          f"{max(r['pages_ms'].values()):.0f} ms (goal ≤ {goal_ms} ms)", flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if argv[:1] == ["--build"]:
        folder = Path(argv[1])
        describe(str(folder), folder, run_measure(folder), GOAL_LARGE_MS)
        return 0
    for size in argv or ["seeds", "1000"]:
        folder = build_for(size)
        goal = GOAL_SEED_MS if size == "seeds" else GOAL_LARGE_MS
        describe(f"{size} articles" if size != "seeds" else "seeds", folder, run_measure(folder), goal)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
