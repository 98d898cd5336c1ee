"""Extraction quality against a gold file: build a corpus, match each gold event to the built event
that holds most of its articles, and score countries, people and themes (precision, recall, F1),
events found, spurious events, exact date/city/host rates and merge purity, listing every miss.
Pure apart from the build it runs into a temporary folder."""
from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .build import build

FIELDS = ("countries", "people", "themes")


@dataclass
class Score:
    """True positives, found and gold counts of one field, summed over events."""
    tp: int = 0
    found: int = 0
    gold: int = 0

    def add(self, found: set, gold: set, ignore: set = frozenset()) -> None:
        found = found - (ignore - gold)
        self.tp += len(found & gold)
        self.found += len(found)
        self.gold += len(gold)

    @property
    def precision(self) -> float:
        return self.tp / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Every figure of one evaluation run, and the misses behind them."""
    n_articles: int = 0
    n_gold_events: int = 0
    n_event_articles: int = 0
    articles_with_event: int = 0
    events_found: int = 0
    spurious_events: int = 0
    non_events: int = 0
    non_events_rejected: int = 0
    pure_events: int = 0
    n_matched_events: int = 0
    split_events: int = 0
    date_exact: int = 0
    city_exact: int = 0
    host_exact: int = 0
    overall: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    on_found: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The headline figures as one flat dict (what the ratchet test compares)."""
        g = max(self.n_gold_events, 1)
        out = {
            "articles_included": self.articles_with_event / max(self.n_event_articles, 1),
            "events_found": self.events_found / g,
            "spurious_events": float(self.spurious_events),
            "non_events_rejected": self.non_events_rejected / self.non_events if self.non_events else 1.0,
            "merge_purity": self.pure_events / self.n_matched_events if self.n_matched_events else 1.0,
            "date_exact": self.date_exact / g, "city_exact": self.city_exact / g, "host_exact": self.host_exact / g,
        }
        for name, s in self.overall.items():
            out |= {f"{name}_precision": s.precision, f"{name}_recall": s.recall, f"{name}_f1": s.f1}
        return {k: round(v, 4) for k, v in out.items()}

    def render(self) -> str:
        """A plain-text report: figures first, then every miss."""
        f = self.figures()
        lines = [
            f"articles with an event: {self.articles_with_event} of {self.n_event_articles} event articles",
            f"events found: {self.events_found} of {self.n_gold_events} ({f['events_found']:.0%}); "
            f"split across built events: {self.split_events}",
            f"spurious events: {self.spurious_events}; non-event articles given no event: "
            f"{self.non_events_rejected} of {self.non_events}",
            f"merge purity: {self.pure_events} of {self.n_matched_events} built events hold one gold event's articles",
            f"exact date {self.date_exact}/{self.n_gold_events}, city {self.city_exact}/{self.n_gold_events}, "
            f"host {self.host_exact}/{self.n_gold_events}",
            "",
            f"{'field':<10} {'overall P':>9} {'R':>6} {'F1':>6}   {'found events P':>14} {'R':>6} {'F1':>6}",
        ]
        for name in FIELDS:
            o, s = self.overall[name], self.on_found[name]
            lines.append(f"{name:<10} {o.precision:9.2f} {o.recall:6.2f} {o.f1:6.2f}   "
                         f"{s.precision:14.2f} {s.recall:6.2f} {s.f1:6.2f}")
        if self.misses:
            lines += ["", "misses:"] + [f"  {m}" for m in self.misses]
        return "\n".join(lines)


def _norm_name(name: str) -> str:
    return " ".join(name.casefold().split())


def score(tables: dict[str, pd.DataFrame], gold: dict, only: set[str] | None = None) -> Evaluation:
    """Compare built tables with a gold file's events (pure: tables and gold in, figures out);
    `only` restricts the scoring to some articles and the events built from them."""
    ev = Evaluation()
    articles = tables["articles"]
    if only is not None:
        articles = articles[articles["article_id"].isin(only)]
    ev.n_articles = len(articles)
    event_of = {r.article_id: (r.event_id or None) for r in articles.itertuples()}
    reason_of = {r.article_id: r.reason for r in articles.itertuples()}
    events = tables["events"]
    events = events[events["event_id"].isin(set(articles["event_id"]))].set_index("event_id")
    gold_of_article = {a: g["key"] for g in gold["events"] for a in g["articles"]}
    matched_ids: set[str] = set()

    for g in gold["events"]:
        ev.n_gold_events += 1
        ev.n_event_articles += len(g["articles"])
        ids = [event_of.get(a) for a in g["articles"]]
        for a, eid in zip(g["articles"], ids):
            if eid:
                ev.articles_with_event += 1
            else:
                ev.misses.append(f"{g['key']}: article {a} has no event ({reason_of.get(a) or 'not in corpus'})")
        built = Counter(i for i in ids if i)
        if not built:
            ev.misses.append(f"{g['key']}: event not found")
            for name in FIELDS:
                ev.overall[name].add(set(), set(g[name]))
            continue
        ev.events_found += 1
        if len(built) > 1:
            ev.split_events += 1
            ev.misses.append(f"{g['key']}: articles split over {sorted(built)}")
        eid = max(sorted(built), key=built.get)
        matched_ids.add(eid)
        row = events.loc[eid]
        got = {"date": str(row["start_date"]), "city": row["city"] or None, "host": row["host_iso3"] or None}
        want = {"date": g["date"], "city": g.get("city") or None, "host": g.get("host") or None}
        for key in ("date", "city", "host"):
            if got[key] == want[key]:
                setattr(ev, f"{key}_exact", getattr(ev, f"{key}_exact") + 1)
            else:
                ev.misses.append(f"{g['key']}: {key} {got[key]} (gold {want[key]})")
        part = tables["participants"]
        named = part[part["event_id"] == eid]
        if "role" in named:
            named = named[named["role"] != "implied_member"]   # gold counts the countries a text names
        found = {
            "countries": set(named["iso3"]),
            "people": {_norm_name(n) for n in tables["attendees"].loc[tables["attendees"]["event_id"] == eid, "name"]},
            "themes": set(tables["themes"].loc[tables["themes"]["event_id"] == eid, "theme"]),
        }
        want_sets = {"countries": set(g["countries"]), "people": {_norm_name(n) for n in g["people"]},
                     "themes": set(g["themes"])}
        ignore = {"countries": set(g.get("countries_broad", [])), "people": set(), "themes": set()}
        for name in FIELDS:
            for bucket in (ev.overall, ev.on_found):
                bucket[name].add(found[name], want_sets[name], ignore[name])
            extra = found[name] - want_sets[name] - ignore[name]
            missing = want_sets[name] - found[name]
            if name == "themes":
                extra = set()  # themes are scored by recall: an extra theme is not an error
            if extra:
                ev.misses.append(f"{g['key']}: {name} extra {sorted(extra)}")
            if missing:
                ev.misses.append(f"{g['key']}: {name} missing {sorted(missing)}")

    for eid in events.index:
        arts = [a for a, e in event_of.items() if e == eid]
        keys = {gold_of_article.get(a) for a in arts}
        if keys == {None}:
            ev.spurious_events += 1
            ev.misses.append(f"spurious event {eid} ({events.loc[eid, 'name']!r}) from {sorted(arts)}")
        elif eid in matched_ids:
            ev.n_matched_events += 1
            if len(keys) == 1:
                ev.pure_events += 1
            else:
                ev.misses.append(f"impure event {eid}: articles of {sorted(k or 'no event' for k in keys)}")
    for a in gold.get("non_events", []):
        ev.non_events += 1
        if not event_of.get(a):
            ev.non_events_rejected += 1
    return ev


def read_tables(build_dir: Path) -> dict[str, pd.DataFrame]:
    """The tables the scorer needs, as strings with empty cells for nulls."""
    return {name: pd.read_csv(build_dir / f"{name}.csv", dtype=str, keep_default_na=False)
            for name in ("articles", "events", "participants", "attendees", "themes")}


def evaluate(corpus: Path, gold_file: Path, out_dir: Path | None = None) -> Evaluation:
    """Build `corpus` (into `out_dir`, or a temporary folder) and score it against `gold_file`."""
    gold = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(out_dir) if out_dir is not None else Path(tmp) / "build"
        build(Path(corpus), folder)
        return score(read_tables(folder), gold)


def subset(gold: dict, article_ids: set[str]) -> dict:
    """The part of a gold file about some articles (events whose articles are all among them), so
    figures can be reported separately for articles added after a change."""
    return {"events": [g for g in gold["events"] if set(g["articles"]) <= article_ids],
            "non_events": [a for a in gold.get("non_events", []) if a in article_ids]}
