"""Search speed (issue 20): how long the Search page's questions to the index take on the 10^4-article
synthetic build, and what the index costs the build.

    python bench/search_speed.py [SIZE]          default 10000 (or `seeds`); built once, as bench/page_times.py
    python bench/search_speed.py --build DIR     an existing build folder

Times 50 varied queries (common and rare words, word families in both languages, several words, no hits,
hostile text), each as the page asks it: the count of hits, then the first page of 20. Unfiltered, then
restricted to the events of one country (the one whose events are nearest a tenth of all). Median and p95 per
query (the goal: at most 100 ms at 10^4 articles). Then the index: its size beside the tables, and the
time to write it from the build's tables (written into a temporary folder, so a shared build is left as
it is). Prints figures; asserts nothing.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

QUERIES = [
    # one word, common to rare, in both languages
    "digital", "diplomasi", "ASEAN", "negara", "countries", "minister", "menteri", "kerja", "teknologi",
    "disinformation", "Surabaya", "hotel", "Jefri", "ekspor", "investasi", "UMKM", "terorisme", "radikalisasi",
    # word families: a query in one form finds the others
    "melindungi", "perlindungan", "protecting", "meningkatkan", "peningkatan", "cooperation", "bekerja",
    "discussed", "pertemuan", "signing", "ditandatangani", "governments",
    # several words (all must appear)
    "diplomasi digital", "digital diplomacy", "perlindungan konsumen", "ekspor jasa digital",
    "counter narratives radicalisation", "Kementerian Luar Negeri", "foreign minister said",
    "capacity building programmes", "tata kelola data", "pertukaran informasi antarnegara",
    # rare or no hits
    "penipuan daring", "online scam", "zzzqqq", "kuantum blockchain",
    # hostile text: plain words or nothing
    '"', "AND OR NOT", "NEAR(", "*", "😀 diplomasi", " ".join(["digital"] * 40),
]


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def time_queries(index: Path, event_ids, label: str) -> None:
    """Each query as the page runs it (count, then the first page of 20), best of 3 runs per query."""
    from data_prep import count_hits, search
    totals, counts = [], []
    for q in QUERIES:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            n = count_hits(index, q, event_ids)
            search(index, q, event_ids, limit=20)
            best = min(best, _ms(t0))
        totals.append(best)
        counts.append(n)
    slowest = sorted(zip(totals, QUERIES, counts), reverse=True)[:3]
    print(f"  {label}: {len(QUERIES)} queries, median {statistics.median(totals):.1f} ms, p95 {_pct(totals, 95):.1f} ms, "
          f"max {max(totals):.1f} ms; hits per query median {statistics.median(counts):,.0f}, max {max(counts):,}")
    print("    slowest: " + "; ".join(f"{q[:30]!r} {t:.0f} ms ({n:,} hits)" for t, q, n in slowest))


def main(argv: list[str]) -> int:
    from dashboard.data import read_tables
    from data_prep import SEARCH_INDEX, current_build
    from data_prep.search_index import write_index
    if argv[:1] == ["--build"]:
        folder = Path(argv[1])
    else:
        from page_times import build_for
        folder = build_for(argv[0] if argv else "10000")
    folder = current_build(folder)
    tables = read_tables(folder)
    n_articles = int((tables["articles"]["status"] == "included").sum())
    print(f"build {folder}: {n_articles:,} included articles, {len(tables['events']):,} events")

    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / SEARCH_INDEX
        t0 = time.perf_counter()
        rows = write_index(tables, index)
        write_s = time.perf_counter() - t0
        tables_mb = sum(p.stat().st_size for p in folder.glob("*.parquet")) / 2**20
        text_mb = (folder / "articles_text.parquet").stat().st_size / 2**20
        print(f"  index: {rows:,} sentences written in {write_s:.1f} s; {index.stat().st_size / 2**20:.1f} MB "
              f"(the Parquet tables: {tables_mb:.1f} MB, of which articles_text {text_mb:.1f} MB)")
        if (folder / SEARCH_INDEX).is_file():
            print(f"  the build's own {SEARCH_INDEX}: {(folder / SEARCH_INDEX).stat().st_size / 2**20:.1f} MB")

        time_queries(index, None, "unfiltered")
        parts = tables["participants"]
        per_country = parts.groupby("iso3")["event_id"].nunique()
        country = (per_country - len(tables["events"]) / 10).abs().idxmin()   # in about a tenth of the events
        events = frozenset(parts.loc[parts["iso3"] == country, "event_id"])
        time_queries(index, events, f"country={country} ({len(events):,} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
