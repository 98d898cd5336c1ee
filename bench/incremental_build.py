"""Incremental rebuilds: a corpus of N files built from scratch, then rebuilt after adding one new
article, then rebuilt with nothing changed. Prints each wall time, how many articles were extracted
and how many came from the cache, so the cost of one added article can be read against a full build."""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from data_prep.build import build
from seed_copies import write_seed_copies  # bench/seed_copies.py

REPO = Path(__file__).resolve().parent.parent


def timed(seeds: Path, out: Path, **kwargs) -> tuple[float, dict]:
    t0 = time.perf_counter()
    report = build(seeds, out, **kwargs)
    return time.perf_counter() - t0, report


def main(copies: int = 200) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        n = write_seed_copies(corpus, copies)
        full, r = timed(corpus, out)
        print(f"full build, {n} files: {full:.2f} s ({r['extracted']['articles']} extracted)")
        shutil.copy(REPO / "tests" / "articles" / "en_singapore_forum.txt", corpus / "new_article.txt")
        one, r = timed(corpus, out)
        print(f"after adding one article: {one:.2f} s ({r['extracted']['articles']} extracted, "
              f"{r['extracted']['from_cache']} from the cache); {one / full:.0%} of the full build")
        same, r = timed(corpus, out)
        print(f"nothing changed: {same:.2f} s ({r['extracted']['articles']} extracted)")
        again, _ = timed(corpus, out, incremental=False)
        print(f"same corpus with --full (no cache): {again:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
