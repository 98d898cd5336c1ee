"""Pipeline speed and memory: builds the seeds, then a corpus of N copies of them (each copy altered
so it is not a duplicate), and prints wall time, articles per second and peak memory."""
from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from data_prep.build import build
from seed_copies import write_seed_copies  # bench/seed_copies.py

REPO = Path(__file__).resolve().parent.parent


def timed_build(seeds: Path, out: Path) -> float:
    t0 = time.perf_counter()
    build(seeds, out)
    return time.perf_counter() - t0


def main(copies: int = 200) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t = timed_build(REPO / "seeds", tmp / "out1")
        print(f"seeds (5 files): {t:.2f} s")
        corpus = tmp / "corpus"
        n = write_seed_copies(corpus, copies)
        t = timed_build(corpus, tmp / "out2")
        print(f"{n} files: {t:.2f} s ({n / t:.0f} articles/s)")
        shutil.rmtree(corpus)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
