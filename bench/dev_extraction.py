"""Extraction quality on text the rules were not written from: builds ../shared/dev/articles and
compares with its gold.json (events, dates, cities, hosts, countries, people, themes, merges).
Prints figures; asserts nothing (a benchmark, not a test)."""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from data_prep.build import build

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "dev"


def prf(found: set, gold: set) -> tuple[float, float]:
    tp = len(found & gold)
    return (tp / len(found) if found else 1.0), (tp / len(gold) if gold else 1.0)


def main() -> int:
    if not (DEV / "gold.json").exists():
        print(f"no dev set at {DEV}")
        return 0
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))["events"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        build(DEV / "articles", Path(tmp))
        elapsed = time.perf_counter() - t0
        t = {n: pd.read_csv(Path(tmp) / f"{n}.csv", dtype=str, keep_default_na=False)
             for n in ("events", "participants", "attendees", "themes", "articles")}
    print(f"built {len(t['articles'])} dev articles in {elapsed:.2f} s; {len(t['events'])} events (gold {len(gold)})")
    totals = {"countries": [0, 0, 0], "people": [0, 0, 0], "themes": [0, 0, 0]}
    for g in gold:
        ev = t["events"][t["events"]["start_date"] == g["date"]]
        if ev.empty:
            print(f"- {g['key']}: MISSED (no event on {g['date']})")
            continue
        e = ev.iloc[0]
        eid = e["event_id"]
        arts = set(t["articles"][t["articles"]["event_id"] == eid]["article_id"])
        checks = {
            "countries": (set(t["participants"].query("event_id == @eid")["iso3"]), set(g["countries"])),
            "people": (set(t["attendees"].query("event_id == @eid")["name"]), set(g["people"])),
            "themes": (set(t["themes"].query("event_id == @eid")["theme"]), set(g["themes"])),
        }
        line = [f"- {g['key']}: {e['name']!r} city={e['city']}({'ok' if e['city'] == g['city'] else 'gold ' + g['city']})"
                f" host={e['host_iso3']}({'ok' if e['host_iso3'] == g['host'] else 'gold ' + g['host']})"
                f" merged={'ok' if arts == set(g['articles']) else sorted(arts)}"]
        for key, (found, want) in checks.items():
            p, r = prf(found, want)
            tp = len(found & want)
            totals[key][0] += tp
            totals[key][1] += len(found)
            totals[key][2] += len(want)
            extra = sorted(found - want)
            missing = sorted(want - found)
            line.append(f"    {key}: precision {p:.2f} recall {r:.2f}" + (f" extra={extra}" if extra else "")
                        + (f" missing={missing}" if missing else ""))
        print("\n".join(line))
    for key, (tp, nf, ng) in totals.items():
        print(f"overall {key}: precision {tp / max(nf, 1):.2f} recall {tp / max(ng, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
