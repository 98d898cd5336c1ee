"""A corpus of N copies of the seed articles, each altered by an editor's line so it is no duplicate:
the corpus the build benchmarks share (every copy merges into the seeds' three events)."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_seed_copies(folder: Path, copies: int) -> int:
    """Write `copies` altered copies of every seed article into `folder`; returns the number of files."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for i in range(copies):
        for src in sorted((REPO / "seeds").glob("*.txt")):
            text = src.read_text(encoding="utf-8") + f"\n\nCatatan redaksi nomor {i}.\n"
            (folder / f"{i:04d}_{src.name}").write_text(text, encoding="utf-8")
            n += 1
    return n
