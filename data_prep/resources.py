"""Reads the data files under data_prep/data/ (cue lists, gazetteers, membership tables) once."""
from __future__ import annotations

import csv
import sys
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """All rows of data/<name>.csv as dicts (cached for a build; `clear_caches` forgets them)."""
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh))


@lru_cache(maxsize=None)
def cues(kind: str) -> tuple[str, ...]:
    """Cue phrases of one kind from data/cues.csv (participation, speech, reference, ...)."""
    return tuple(r["cue"] for r in read_rows("cues") if r["kind"] == kind)


def clear_caches() -> None:
    """Forget every cached data file and pattern in data_prep, so a rebuild in a running process
    (the dashboard) picks up edited data files."""
    for name, module in list(sys.modules.items()):
        if name == "data_prep" or name.startswith("data_prep."):
            for obj in list(vars(module).values()):
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()
