"""Stable event ids: an event keeps the id it had in the previous build when its name, acronym,
dates or sources change. A new event gets its content key (`YYYY-MM-DD-short-name`, merge.py); an
event that holds articles of earlier events takes the id of the earlier event it shares most
articles with, and every other id it absorbed becomes an alias. Pure: groups and the previous
build's membership in, ids and aliases out."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .publish import read_build

ALIAS_TABLE = "event_aliases"


def previous_membership(build_dir: Path) -> tuple[dict[str, set[str]], dict[str, str]]:
    """The build folder's current events as event id -> its article ids, and its aliases (old id ->
    event id); both empty when the folder holds no build yet."""
    t = read_build(build_dir, ("articles", ALIAS_TABLE))
    members: dict[str, set[str]] = {}
    for aid, eid in zip(t["articles"].get("article_id", []), t["articles"].get("event_id", [])):
        if eid:
            members.setdefault(eid, set()).add(aid)
    al = t[ALIAS_TABLE]
    aliases = dict(zip(al.get("alias", []), al.get("event_id", [])))
    return members, aliases


def _unique(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`, … when taken (two events with the same date and short name)."""
    out, n = wanted, 1
    while out in taken:
        n += 1
        out = f"{wanted}-{n}"
    return out


def assign_ids(groups: list[tuple[str, set[str]]], previous: Mapping[str, set[str]],
               previous_aliases: Mapping[str, str], preferred: list[str | None] | None = None
               ) -> tuple[list[str], dict[str, str]]:
    """Final ids for `groups` (each its content key and its article ids, in build order) and the
    aliases (old id -> final id). An earlier id goes to the group holding most of its articles (on a
    tie, the group whose own key it is, then by id and order), one group per id; a group an analyst
    merged into an event (`preferred`, that event's id) takes that id first. An earlier id whose
    articles now sit in another event's group, an old alias, and a carried group's own content key
    become aliases of it."""
    preferred = preferred or [None] * len(groups)
    pairs = sorted(((len(arts & previous[p]), p, i) for i, (_, arts) in enumerate(groups) for p in previous
                    if arts & previous[p]),
                   key=lambda t: (t[1] != preferred[t[2]], -t[0], groups[t[2]][0] != t[1], t[1], t[2]))
    final: list[str | None] = [None] * len(groups)
    carried: set[str] = set()
    for _, p, i in pairs:
        if final[i] is None and p not in carried:
            final[i], carried = p, carried | {p}
    taken = set(carried)   # an old alias yields to an event whose own key it is (an undone merge)
    for i, (key, _) in enumerate(groups):
        if final[i] is None:
            final[i] = _unique(preferred[i] or key, taken)
            taken.add(final[i])
    ids = [f for f in final if f is not None]

    def home(old: str) -> str | None:
        """The final id of the group holding most of an old event's articles."""
        if old in carried:
            return old
        shared = [len(arts & previous.get(old, set())) for _, arts in groups]
        most = max(shared, default=0)
        return ids[shared.index(most)] if most else None

    aliases: dict[str, str] = {}
    for old in previous:
        target = home(old)
        if target and target != old and old not in ids:
            aliases[old] = target
    for alias, old in previous_aliases.items():
        target = home(old) if old in previous else None
        if target and alias not in ids:
            aliases[alias] = target
    for (key, _), fid in zip(groups, ids):
        if key != fid and key not in ids:
            aliases.setdefault(key, fid)   # the content key a fresh build would give opens it too
    return ids, dict(sorted(aliases.items()))


def resolve(event_id: str, ids: set[str], aliases: Mapping[str, str]) -> str | None:
    """The current id for an id or an alias of it; None when neither is known."""
    if event_id in ids:
        return event_id
    target = aliases.get(event_id)
    return target if target in ids else None
