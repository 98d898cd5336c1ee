"""What each newly added article contributed to a build, in words an analyst can act on: the event it
created or joined, with the countries, people and themes it supplied, or why it was rejected. Pure:
tables in, lines out (the command line's `add` prints them)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from .publish import read_build

MAX_LISTED = 8   # names listed per kind before "and N more"


def _listed(values: Iterable[str]) -> str:
    values = list(dict.fromkeys(v for v in values if isinstance(v, str) and v))
    if not values:
        return "none"
    more = len(values) - MAX_LISTED
    return ", ".join(values[:MAX_LISTED]) + (f" and {more} more" if more > 0 else "")


def contribution_lines(tables: Mapping[str, pd.DataFrame], article_id: str, earlier: set[str]) -> list[str]:
    """Lines on one article: rejected with its reason, or the event it is part of (a new one, or one
    already reported by articles of the build before, `earlier` article ids), and the countries,
    people and themes whose evidence it supplied."""
    arts = tables["articles"].set_index("article_id")
    if article_id not in arts.index:
        return [f"{article_id}: not in the build"]
    a = arts.loc[article_id]
    if a["status"] != "included" or not isinstance(a["event_id"], str):
        return [f"{article_id}: rejected: {a['reason']}"]
    eid = a["event_id"]
    ev = tables["events"].set_index("event_id").loc[eid]
    members = tables["articles"].loc[tables["articles"]["event_id"] == eid, "article_id"]
    n = len(members)
    before = sorted(set(members) & earlier)
    kind = f"joined the event already reported by {_listed(before)}:" if before else "a new event:"
    where = ", ".join(str(x) for x in (ev.get("city"), ev.get("host_iso3")) if isinstance(x, str) and x)
    lines = [f"{article_id}: {kind} {eid} ({ev['name']}, {ev['start_date']}{', ' + where if where else ''}; "
             f"{n} article{'s' if n != 1 else ''})"]
    mine = {name: tables[name][tables[name]["article_id"] == article_id]
            for name in ("participants", "attendees", "evidence")}
    lines.append(f"  countries it gives the evidence for: {_listed(mine['participants']['iso3'])}")
    lines.append(f"  people: {_listed(mine['attendees']['name'])}")
    lines.append(f"  themes: {_listed(mine['evidence']['theme'])}")
    return lines


CONTRIBUTION_TABLES = ("articles", "events", "participants", "attendees", "evidence")


def earlier_articles(build_dir: Path) -> set[str]:
    """The articles a build folder already includes (empty when there is no build yet)."""
    path = Path(build_dir) / "articles.csv"
    if not path.exists():
        return set()
    a = pd.read_csv(path, dtype=str, keep_default_na=False)
    return set(a.loc[a["status"] == "included", "article_id"])


def describe_contributions(build_dir: Path, article_ids: Iterable[str], earlier: set[str]) -> dict[str, list[str]]:
    """What each article contributed to the build in `build_dir` (see `contribution_lines`): the one
    report the command line's `add` prints and the Sources page's upload table shows."""
    tables = read_build(build_dir, CONTRIBUTION_TABLES)
    tables["articles"]["event_id"] = tables["articles"]["event_id"].replace("", None)
    return {a: contribution_lines(tables, a, earlier) for a in article_ids}
