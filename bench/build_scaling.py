"""Build throughput and scaling on the synthetic corpus (bench/synthetic_corpus.py): for each size, a full
build (no cache) with one worker and with every core, each in a fresh process; prints articles/s, peak
memory, the speed-up of all cores over one, and the scaling exponent k of time ∝ N^k (goal k ≤ 1.05).

    python bench/build_scaling.py [SIZES...]     default: 100 1000 10000 (add 100000 for the largest)

Corpora are written once into bench/.builds/ and reused. Prints figures; asserts nothing.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic_corpus import write_corpus  # noqa: E402

ONE_BUILD = """
import json, resource, sys, time
from pathlib import Path
from data_prep.build import build
if __name__ == "__main__":
    t0 = time.perf_counter()
    report = build(Path(sys.argv[1]), Path(sys.argv[2]), incremental=False, workers=int(sys.argv[3]))
    seconds = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT" + json.dumps({"seconds": seconds, "included": report["n_included"], "files": report["n_files"],
                                 "events": report["counts"]["events"], "rss_mb": own, "worker_rss_mb": workers,
                                 "on": report["extracted"]["on"]}))
"""


def corpus(n: int) -> Path:
    folder = HERE / ".builds" / f"corpus-{n}"
    if not folder.is_dir():
        write_corpus(folder, n, seed=0)
    return folder


def timed_build(seeds: Path, workers: int) -> dict:
    """One full build in a fresh process (its peak memory is its own)."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "one_build.py"
        script.write_text(ONE_BUILD)
        out = subprocess.run([sys.executable, str(script), str(seeds), str(Path(tmp) / "out" / "b"), str(workers)],
                             capture_output=True, text=True, cwd=REPO)
    line = next((l for l in out.stdout.splitlines() if l.startswith("RESULT")), None)
    if line is None:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(line[len("RESULT"):])


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """Least-squares slope of log(time) on log(N)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(s) for s in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str]) -> int:
    from data_prep.parallel import default_workers
    sizes = [int(a) for a in argv] or [100, 1000, 10000]
    cores = default_workers()
    print(f"build scaling on the synthetic corpus, {cores} cores; full builds (no cache)")
    one, all_cores = [], []
    for n in sizes:
        seeds = corpus(n)
        a = timed_build(seeds, 1)
        b = timed_build(seeds, cores)
        one.append(a["seconds"])
        all_cores.append(b["seconds"])
        print(f"  {n:>6} files ({a['included']} included, {a['events']} events): "
              f"1 worker {a['seconds']:6.1f} s = {n / a['seconds']:5.0f} articles/s, peak {a['rss_mb']:.0f} MB; "
              f"{cores} workers ({b['on']}) {b['seconds']:6.1f} s = {n / b['seconds']:5.0f} articles/s "
              f"({a['seconds'] / b['seconds']:.2f}x), peak {b['rss_mb']:.0f} MB + {b['worker_rss_mb']:.0f} MB a worker")
    if len(sizes) >= 2:
        print(f"  scaling exponent k (time ∝ N^k, goal ≤ 1.05): 1 worker {exponent(sizes, one):.2f}, "
              f"{cores} workers {exponent(sizes, all_cores):.2f}")
    print(f"  per core at the largest size: {sizes[-1] / one[-1]:.0f} articles/s (goal ≥ 200)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
