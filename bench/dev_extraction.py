"""Extraction quality on the dev corpus (tests/dev_corpus), split by when each article joined it:
01-08 (the rules were first written from them), 09-26 (read while the rules were reworked), 27-33
(measured unread, then read for a second round), 40-44 (written knowing the rules), 50-63 (blind batch
D: measured unread twice, then read for round three), 90-102 (blind batch F: measured unread, then read)
and the rest (not read by whoever tuned the rules). Builds once, prints the evaluator's figures for each part and for
all. Asserts nothing."""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

from data_prep.build import build
from data_prep.evaluate import read_tables, score, subset

DEV = Path(__file__).resolve().parent.parent / "tests" / "dev_corpus"
PARTS = {"01-08 (rules first written from these)": range(1, 9),
         "09-26 (read while tuning)": range(9, 27),
         "27-33 (measured unread, then read for round two)": range(27, 34),
         "40-44 (written by someone who knew the rules)": range(40, 45),
         "50-63 (blind batch D: measured unread, then read for round three)": range(50, 64),
         "90-102 (blind batch F: measured unread, then read)": range(90, 103),
         "34-39, 45-49, 64-89 and 103+ (not read while tuning)": [*range(34, 40), *range(45, 50), *range(64, 90),
                                                                  *range(103, 1000)]}


def main() -> int:
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build(DEV / "articles", Path(tmp) / "build")
        elapsed = time.perf_counter() - t0
        tables = read_tables(Path(tmp) / "build")
    print(f"built {len(tables['articles'])} dev articles in {elapsed:.2f} s")
    for label, numbers in PARTS.items():
        ids = {p.stem for p in (DEV / "articles").glob("*.txt") if int(re.match(r"\d+", p.stem).group()) in numbers}
        if ids:
            print(f"\n== {label}: {len(ids)} articles ==")
            print(score(tables, subset(gold, ids), ids).render().split("\n\nmisses:")[0])
    print("\n== all ==")
    print(score(tables, gold).render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
