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
        corpus.mkdir()
        for i in range(copies):
            for src in (REPO / "seeds").glob("*.txt"):
                text = src.read_text(encoding="utf-8") + f"\n\nCatatan redaksi nomor {i}.\n"
                (corpus / f"{i:04d}_{src.name}").write_text(text, encoding="utf-8")
        n = copies * 5
        t = timed_build(corpus, tmp / "out2")
        print(f"{n} files: {t:.2f} s ({n / t:.0f} articles/s)")
        shutil.rmtree(corpus)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
