"""Date finding in article text: this project's CLDR-based finder (data_prep.dates) against
dateparser's search_dates, when dateparser is installed (it is not a dependency; install it in a
scratch venv to compare). Prints time per article and what each found in the seeds."""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from data_prep.dates import find_dates  # noqa: E402
from data_prep.load import clean_text, decode_bytes  # noqa: E402


def texts() -> list[str]:
    return ["\n\n".join(clean_text(decode_bytes(p.read_bytes()).text).paragraphs)
            for p in sorted((REPO / "seeds").glob("*.txt"))]


def main(rounds: int = 5) -> int:
    docs = texts()
    t0 = time.perf_counter()
    for _ in range(rounds):
        ours = [find_dates(t, 2019) for t in docs]
    per = (time.perf_counter() - t0) / (rounds * len(docs)) * 1000
    print(f"data_prep.dates.find_dates: {per:.2f} ms/article, {sum(map(len, ours))} dates in {len(docs)} seeds")
    try:
        import dateparser  # noqa: F401
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: skipped the comparison")
        return 0
    t0 = time.perf_counter()
    found = [search_dates(t, languages=["id", "en"]) or [] for t in docs]
    per = (time.perf_counter() - t0) / len(docs) * 1000
    print(f"dateparser.search.search_dates: {per:.0f} ms/article, {sum(map(len, found))} 'dates' in {len(docs)} seeds")
    for doc in found[:2]:
        print("   e.g.", [s for s, _ in doc][:8])
    return 0


if __name__ == "__main__":
    sys.exit(main())
