"""Analysts' corrections: one human-readable CSV, outside the build folder, one row per action (who,
when, what, why). The build applies them as its last steps, so they survive every rebuild and every
new article: an article's date before extraction, splits and merges when events are grouped, and
fact corrections on the assembled tables. A row that no longer matches anything is reported stale,
never dropped. Pure apart from reading and appending the file."""
from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timezone
from pathlib import Path

import pandas as pd

from .counting import counted_flags
from .countries import country_name, is_asean
from .identity import resolve
from .places import place_coordinates, place_country

FILE_NAME = "corrections.csv"

# action -> what its `target` and `value` hold (the CLI's help and the codebook's table)
ACTIONS: dict[str, str] = {
    "confirm-country": "target ISO3: the participant row is right",
    "remove-country": "target ISO3: the country did not take part",
    "add-country": "target ISO3, value role (default participant), evidence: a missing participant",
    "confirm-person": "target NAME: the attendee row is right",
    "remove-person": "target NAME: the person did not attend (or is no person)",
    "add-person": "target NAME, value ISO3, title, organization, evidence: a missing attendee",
    "confirm-theme": "target CODE: the theme's evidence is right",
    "remove-theme": "target CODE: the event did not discuss the theme",
    "add-theme": "target CODE, evidence: a missing theme",
    "set": "target FIELD (name, start_date, end_date, city, venue, host_iso3), value: an event's field",
    "merge-into": "target OTHER_EVENT_ID (value: its first article): the two are one event",
    "split-article": "target ARTICLE_ID: the article reports another event; it becomes its own",
    "set-article-date": "target ARTICLE_ID, value YYYY-MM-DD: the article's date, so a year-less report dates its event",
    "attach-article": "target ARTICLE_ID, value YYYY-MM-DD (the event's start): the article reports this event",
}
SET_FIELDS = ("name", "start_date", "end_date", "city", "venue", "host_iso3")
ROLES = ("host", "co_chair", "participant", "speaker_country", "implied_member")
METHOD, CONFIDENCE = "analyst", 1.0   # the method and confidence of a fact an analyst added or confirmed


@dataclass
class Correction:
    """One row of corrections.csv. `event_id` and `event_article` (the event's first article when the
    row was written) find the event again even if its id changed; see `ACTIONS` for target and value."""
    action: str
    event_id: str = ""
    event_article: str = ""
    target: str = ""
    value: str = ""
    title: str = ""
    organization: str = ""
    evidence: str = ""
    article_id: str = ""
    note: str = ""
    who: str = ""
    when: str = ""


FIELDS = tuple(f.name for f in fields(Correction))


def default_path(seeds_dir: Path) -> Path:
    """corrections.csv beside the seeds folder."""
    return Path(seeds_dir).resolve().parent / FILE_NAME


def read_corrections(path: Path | None) -> list[Correction]:
    """Every row of the file, in order ([] when there is none). Raises ValueError naming the file and
    line for a row with an unknown action or a file that is not a corrections CSV."""
    if path is None or not Path(path).exists():
        return []
    text = Path(path).read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        return []
    if "action" not in reader.fieldnames:
        raise ValueError(f"{path}: not a corrections file (no 'action' column in its header)")
    out = []
    for line, row in enumerate(reader, start=2):
        action = (row.get("action") or "").strip()
        if action not in ACTIONS:
            raise ValueError(f"{path}, line {line}: unknown action {action!r} (known: {', '.join(ACTIONS)})")
        out.append(Correction(**{k: (row.get(k) or "").strip() for k in FIELDS}))
    return out


def record(path: Path, correction: Correction) -> Correction:
    """Append one row (stamping `when` if empty) to the file, creating it with its header."""
    if not correction.when:
        correction.when = datetime.now(timezone.utc).isoformat(timespec="seconds")
    path = Path(path)
    new = not path.exists() or path.stat().st_size == 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        if new:
            writer.writeheader()
        writer.writerow(asdict(correction))
    return correction


def article_dates(corrections: Iterable[Correction]) -> dict[str, date]:
    """Article id -> the date analysts set for it (the last row wins); bad dates are skipped here and
    reported stale by `Outcomes`."""
    out = {}
    for c in corrections:
        if c.action in ("set-article-date", "attach-article"):
            try:
                out[c.target] = date.fromisoformat(c.value)
            except ValueError:
                continue
    return out


class Outcomes:
    """What became of each correction: applied, or stale with the reason (by the row's index)."""

    def __init__(self, corrections: list[Correction]):
        self.corrections = corrections
        self.status: dict[int, tuple[str, str]] = {}
        self.events: dict[int, str] = {}   # the event a row applied to, by its id in this build

    def applied(self, i: int, detail: str = "", event_id: str | None = None) -> None:
        self.status[i] = ("applied", detail)
        if event_id:
            self.events[i] = event_id

    def stale(self, i: int, why: str) -> None:
        self.status[i] = ("stale", why)

    def rows(self) -> list[dict]:
        """The corrections table: every row with its status and detail; `event_id` is the event it applied
        to in this build (`recorded_event_id` the id it was made on)."""
        return [asdict(c) | {"event_id": self.events.get(i, c.event_id), "recorded_event_id": c.event_id}
                | dict(zip(("status", "detail"), self.status.get(i, ("stale", "not applied"))))
                for i, c in enumerate(self.corrections)]

    def stale_rows(self) -> list[dict]:
        return [r for r in self.rows() if r["status"] == "stale"]


# --- structure: which articles make up which event --------------------------------------------

class Grouping:
    """Events as groups of article ids while splits and merges are applied. A correction finds its
    event by the group holding the event's first article, else through the previous build (its ids
    and aliases) as the group holding most of that event's articles. `absorbed` holds, per group, the
    content keys of the groups merged into it (they become aliases)."""

    def __init__(self, groups: list[list[str]], key_of: Callable[[list[str]], str],
                 previous: Mapping[str, set[str]], previous_aliases: Mapping[str, str]):
        self.groups = [list(g) for g in groups]
        self.key_of = key_of
        self.absorbed: list[list[str]] = [[] for _ in groups]
        self.preferred: list[str | None] = [None for _ in groups]   # the id a merge target keeps
        self.previous, self.previous_aliases = previous, previous_aliases

    def group_of_article(self, article_id: str) -> int | None:
        return next((i for i, g in enumerate(self.groups) if article_id in g), None)

    def index_of(self, event_id: str, event_article: str = "") -> int | None:
        """The group of the event a correction names (see the class)."""
        found = self.group_of_article(event_article) if event_article else None
        if found is not None:
            return found
        old = resolve(event_id, set(self.previous), self.previous_aliases) if event_id else None
        if old is None:
            return next((i for i, g in enumerate(self.groups) if self.key_of(g) == event_id), None)
        shared = [len(set(g) & self.previous[old]) for g in self.groups]
        return shared.index(max(shared)) if shared and max(shared) else None

    def merge(self, source: int, target: int, target_id: str | None = None) -> None:
        """Move the source group's articles into the target's, which keeps `target_id` (the id the
        analyst merged into, as the previous build knew it) or else its own key."""
        old = resolve(target_id, set(self.previous), self.previous_aliases) if target_id else None
        self.preferred[target] = self.preferred[target] or old or self.key_of(self.groups[target])
        self.absorbed[target] += [self.key_of(self.groups[source])] + self.absorbed[source]
        self.groups[target] = sorted(self.groups[target] + self.groups[source])
        del self.groups[source], self.absorbed[source], self.preferred[source]

    def move(self, article_id: str, source: int, target: int | None) -> None:
        """Move one article out of its group, into another or (target None) a group of its own."""
        self.groups[source].remove(article_id)
        if target is None:
            self.groups.append([article_id])
            self.absorbed.append([])
            self.preferred.append(None)
        else:
            self.groups[target] = sorted(self.groups[target] + [article_id])


def regroup(grouping: Grouping, corrections: list[Correction], out: Outcomes) -> Grouping:
    """Apply `split-article`, `merge-into` and `attach-article` rows in file order, before ids are
    given (so a merged event keeps the id of the earlier event it shares most articles with)."""
    for i, c in enumerate(corrections):
        if c.action == "split-article":
            home = grouping.group_of_article(c.target)
            if home is None:
                out.stale(i, f"article {c.target} reports no event in this build")
            elif len(grouping.groups[home]) == 1:
                out.stale(i, f"article {c.target} is already an event of its own")
            else:
                grouping.move(c.target, home, None)
                out.applied(i, f"article {c.target} split out")
        elif c.action == "merge-into":
            src, dst = grouping.index_of(c.event_id, c.event_article), grouping.index_of(c.target, c.value)
            if src is None or dst is None:
                out.stale(i, f"event {c.event_id if src is None else c.target} is not in this build")
            elif src == dst:
                out.applied(i, "already one event")
            else:
                grouping.merge(src, dst, c.target)
                out.applied(i, f"merged into {c.target}")
        elif c.action == "attach-article":
            src, dst = grouping.group_of_article(c.target), grouping.index_of(c.event_id, c.event_article)
            if src is None:
                out.stale(i, f"article {c.target} still gives no event with the date {c.value or '(none)'}")
            elif dst is None:
                out.stale(i, f"event {c.event_id} is not in this build")
            elif src != dst and len(grouping.groups[src]) > 1:   # the one article, not the event it joined
                grouping.move(c.target, src, dst)
                out.applied(i, f"article {c.target} attached to {c.event_id}")
            else:
                if src != dst:
                    grouping.merge(src, dst, c.event_id)
                out.applied(i, f"article {c.target} attached to {c.event_id}")
    order = sorted(range(len(grouping.groups)), key=lambda k: grouping.groups[k])
    grouping.groups = [grouping.groups[k] for k in order]
    grouping.absorbed = [grouping.absorbed[k] for k in order]
    grouping.preferred = [grouping.preferred[k] for k in order]
    return grouping


def note_article_dates(corrections: list[Correction], article_events: Mapping[str, str | None], out: Outcomes) -> None:
    """Report `set-article-date` rows: applied when the article now reports an event."""
    for i, c in enumerate(corrections):
        if c.action != "set-article-date":
            continue
        try:
            date.fromisoformat(c.value)
        except ValueError:
            out.stale(i, f"{c.value!r} is not a date (YYYY-MM-DD)")
            continue
        if c.target not in article_events:
            out.stale(i, f"article {c.target} is not in the build")
        elif article_events[c.target]:
            out.applied(i, f"article {c.target} dated {c.value}: reports {article_events[c.target]}",
                        article_events[c.target])
        else:
            out.stale(i, f"article {c.target} still gives no event with the date {c.value}")


# --- facts on the assembled tables ------------------------------------------------------------

def _find_sentence(evidence: str, texts: Mapping[str, str], article_ids: list[str], preferred: str = ""
                   ) -> tuple[str, int] | None:
    """The article (of the event's) whose text holds the evidence, and where; the preferred one first."""
    if not evidence:
        return None
    for aid in sorted(article_ids, key=lambda a: a != preferred):
        at = texts.get(aid, "").find(evidence)
        if at >= 0:
            return aid, at
    return None


def _row_for(df: pd.DataFrame, eid: str, column: str, value: str) -> pd.Series:
    """Mask of the event's rows whose column equals the value (names compared without case)."""
    same = df[column].astype(str).str.casefold() == value.casefold()
    return (df["event_id"] == eid) & same


def apply_facts(tables: dict[str, pd.DataFrame], corrections: list[Correction], out: Outcomes,
                aliases: Mapping[str, str]) -> dict[str, pd.DataFrame]:
    """Apply the fact rows (confirm, remove, add, set) to the assembled tables, in file order, and
    recount what depends on them. Returns new tables; every row gets an outcome."""
    t = {k: v.copy() for k, v in tables.items()}
    texts = dict(zip(t["articles_text"]["article_id"], t["articles_text"]["text"]))
    arts = t["articles"]
    for i, c in enumerate(corrections):
        if c.action in ("merge-into", "split-article", "set-article-date", "attach-article"):
            continue
        ids = set(t["events"]["event_id"])
        eid = resolve(c.event_id, ids, aliases)
        if eid is None and c.event_article:
            owner = arts.loc[arts["article_id"] == c.event_article, "event_id"].dropna()
            eid = owner.iloc[0] if len(owner) and owner.iloc[0] in ids else None
        if eid is None:
            out.stale(i, f"event {c.event_id} is not in this build")
            continue
        members = list(arts.loc[arts["event_id"] == eid, "article_id"])
        kind, _, what = c.action.partition("-")
        try:
            if c.action == "set":
                detail = _set_field(t, eid, c)
            elif what == "country":
                detail = _country(t, eid, c, kind, texts, members)
            elif what == "person":
                detail = _person(t, eid, c, kind, texts, members)
            else:
                detail = _theme(t, eid, c, kind, texts, members)
        except LookupError as exc:
            out.stale(i, str(exc))
            continue
        out.applied(i, detail, eid)
    return recount(t)


def _mark(df: pd.DataFrame, mask: pd.Series, origin: str, **values) -> None:
    df.loc[mask, "origin"] = origin
    for k, v in values.items():
        df.loc[mask, k] = v


def _added_row(c: Correction, eid: str, texts: Mapping[str, str], members: list[str]) -> tuple[str, int]:
    """The evidence's article and offset among the event's articles; LookupError when it is in none."""
    found = _find_sentence(c.evidence, texts, members, c.article_id)
    if found is None:
        raise LookupError(f"the evidence “{c.evidence[:80]}” is in none of the articles of {eid}")
    return found


def _confirm_or_remove(t: dict[str, pd.DataFrame], table: str, mask: pd.Series, kind: str, label: str,
                       missing: str) -> str | None:
    """Confirm or remove the masked rows of a table (LookupError with `missing` when there are none);
    None for an add, which the caller makes."""
    if kind == "add":
        return None
    if not mask.any():
        raise LookupError(missing)
    if kind == "confirm":
        _mark(t[table], mask, "confirmed", method=METHOD, confidence=CONFIDENCE)
        return f"{label} confirmed"
    t[table] = t[table][~mask]
    return f"{label} removed ({int(mask.sum())} rows)"


def _country(t: dict[str, pd.DataFrame], eid: str, c: Correction, kind: str, texts, members) -> str:
    p = t["participants"]
    iso3 = c.target.upper()
    mask = (p["event_id"] == eid) & (p["iso3"] == iso3)
    done = _confirm_or_remove(t, "participants", mask, kind, iso3, f"{iso3} is not a participant of {eid}")
    if kind == "remove":
        ev = t["events"]
        ev.loc[(ev["event_id"] == eid) & (ev["host_iso3"] == iso3), ["host_iso3", "origin"]] = [None, "corrected"]
    if done:
        return done
    role = c.value or "participant"
    if role not in ROLES:
        raise LookupError(f"unknown role {role!r} (known: {', '.join(ROLES)})")
    aid, _ = _added_row(c, eid, texts, members)
    start = t["events"].loc[t["events"]["event_id"] == eid, "start_date"].iloc[0]
    row = {"event_id": eid, "iso3": iso3, "country": country_name(iso3), "role": role,
           "is_asean": is_asean(iso3, start), "evidence": c.evidence, "article_id": aid,
           "method": METHOD, "confidence": CONFIDENCE, "origin": "corrected"}
    t["participants"] = pd.concat([p[~mask], pd.DataFrame([row])], ignore_index=True)
    return f"{iso3} added as {role}"


def _person(t: dict[str, pd.DataFrame], eid: str, c: Correction, kind: str, texts, members) -> str:
    a = t["attendees"]
    mask = _row_for(a, eid, "name", c.target)
    done = _confirm_or_remove(t, "attendees", mask, kind, c.target, f"{c.target} is not an attendee of {eid}")
    if done:
        return done
    aid, _ = _added_row(c, eid, texts, members)
    row = {"event_id": eid, "name": c.target, "title": c.title or None, "organization": c.organization or None,
           "iso3": c.value.upper() or None, "evidence": c.evidence, "article_id": aid,
           "method": METHOD, "confidence": CONFIDENCE, "origin": "corrected"}
    t["attendees"] = pd.concat([a[~mask], pd.DataFrame([row])], ignore_index=True)
    return f"{c.target} added"


def _theme(t: dict[str, pd.DataFrame], eid: str, c: Correction, kind: str, texts, members) -> str:
    e = t["evidence"]
    mask = (e["event_id"] == eid) & (e["theme"] == c.target)
    done = _confirm_or_remove(t, "evidence", mask, kind, c.target, f"{c.target} has no evidence at {eid}")
    if done:
        return done
    codes = set(t["theme_catalog"]["code"])
    if c.target not in codes:
        raise LookupError(f"unknown theme code {c.target!r}")
    aid, at = _added_row(c, eid, texts, members)
    row = {"event_id": eid, "article_id": aid, "theme": c.target, "sentence": c.evidence, "cue": "",
           "char_start": at, "char_end": at + len(c.evidence), "cue_start": at, "cue_end": at,
           "method": METHOD, "confidence": CONFIDENCE, "origin": "corrected"}
    same = mask & (e["sentence"] == c.evidence)
    t["evidence"] = pd.concat([e[~same], pd.DataFrame([row])], ignore_index=True)
    return f"{c.target} added"


def _set_field(t: dict[str, pd.DataFrame], eid: str, c: Correction) -> str:
    field, value = c.target, c.value.strip()
    if field not in SET_FIELDS:
        raise LookupError(f"cannot set {field!r} (settable: {', '.join(SET_FIELDS)})")
    ev = t["events"]
    row = ev["event_id"] == eid
    if field in ("start_date", "end_date"):
        try:
            new: object = date.fromisoformat(value)
        except ValueError:
            raise LookupError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    elif field == "host_iso3":
        new = value.upper() or None
        if new and country_name(new) == new:
            raise LookupError(f"{value!r} is not an ISO 3166-1 alpha-3 country code")
    else:
        new = value or None
    ev["origin"] = ev["origin"].astype(object)
    ev.loc[row, field] = new
    ev.loc[row, "origin"] = "corrected"
    if field == "start_date" and ev.loc[row, "end_date"].iloc[0] < new:
        ev.loc[row, "end_date"] = new
    if field in ("city", "host_iso3"):
        city, host = ev.loc[row, "city"].iloc[0], ev.loc[row, "host_iso3"].iloc[0]
        latlon = place_coordinates(city) if isinstance(city, str) else None
        ok = latlon is not None and (not isinstance(host, str) or place_country(city) == host)
        ev.loc[row, ["lon", "lat"]] = [latlon[1], latlon[0]] if ok else [None, None]
    if field == "host_iso3" and new:
        _make_host(t, eid, new)
    return f"{field} set to {value or '(empty)'}"


def _make_host(t: dict[str, pd.DataFrame], eid: str, iso3: str) -> None:
    """The host has a participants row with role host (an earlier host row becomes a participant)."""
    p = t["participants"]
    ev = t["events"].loc[t["events"]["event_id"] == eid].iloc[0]
    old = (p["event_id"] == eid) & (p["role"] == "host") & (p["iso3"] != iso3)
    _mark(p, old, "corrected", role="participant")
    mine = (p["event_id"] == eid) & (p["iso3"] == iso3)
    if mine.any():
        _mark(p, mine, "corrected", role="host")
        return
    row = {"event_id": eid, "iso3": iso3, "country": country_name(iso3), "role": "host",
           "is_asean": is_asean(iso3, ev["start_date"]), "evidence": ev["evidence"], "article_id": ev["article_id"],
           "method": METHOD, "confidence": CONFIDENCE, "origin": "corrected"}
    t["participants"] = pd.concat([p, pd.DataFrame([row])], ignore_index=True)


def recount(t: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Counts, shares and flags that follow from the fact tables: each event's n_countries,
    n_attendees, n_sources; the themes table; which evidence sentences count toward the theme figures;
    whether a mentioned country is a participant."""
    ev = t["events"]
    for col, table in (("n_countries", "participants"), ("n_attendees", "attendees")):
        ev[col] = ev["event_id"].map(t[table].groupby("event_id").size()).fillna(0).astype("int64")
    ev["n_sources"] = ev["event_id"].map(t["articles"].groupby("event_id").size()).fillna(0).astype("int64")
    e = t["evidence"]
    e["counted"] = counted_flags(e, t["articles"])
    counts = e.groupby(["event_id", "theme"], sort=False).size()
    totals = e.groupby("event_id").size()
    order = {code: i for i, code in enumerate(t["theme_catalog"]["code"])}
    rows = [{"event_id": k[0], "theme": k[1], "n_evidence": int(n), "share": round(n / totals[k[0]], 4)}
            for k, n in sorted(counts.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], len(order))))]
    t["themes"] = pd.DataFrame(rows, columns=t["themes"].columns)
    m = t["country_mentions"]
    pairs = set(zip(t["participants"]["event_id"], t["participants"]["iso3"]))
    m["is_participant"] = [(e_, i_) in pairs for e_, i_ in zip(m["event_id"], m["iso3"])]
    return t
