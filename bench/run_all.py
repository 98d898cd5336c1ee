"""Runs every benchmark under bench/ in turn and prints their figures.

    python bench/run_all.py            the quick sizes (synthetic corpora up to 10^4 articles; about 15 min)
    python bench/run_all.py --full     also 10^5 articles, for the build and the dashboard (about an hour)
"""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Arguments per script for --full (the others run with their defaults)
FULL = {"build_scaling.py": ["100", "1000", "10000", "100000"], "page_times.py": ["seeds", "10000", "100000"]}

if __name__ == "__main__":
    full = "--full" in sys.argv[1:]
    for script in sorted(HERE.glob("*.py")):
        if script.name == Path(__file__).name:
            continue
        print(f"== {script.name}", flush=True)
        sys.argv = [str(script), *(FULL.get(script.name, []) if full else [])]
        try:
            runpy.run_path(str(script), run_name="__main__")
        except SystemExit as exc:
            if exc.code:
                print(f"{script.name} exited with {exc.code}")
