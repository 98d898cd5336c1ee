"""Checking an analyst's correction against the current build before it is recorded: the event exists
(by id or alias), the country code, theme code, field and dates are valid, a removed or confirmed fact
is there, and an added fact's evidence is a sentence of one of the event's articles. The command
line's `correct` and the dashboard's Review page both go through `prepare`."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

import pandas as pd

from .corrections import ACTIONS, ROLES, SET_FIELDS, Correction
from .countries import country_name
from .events import YEAR_MAX, YEAR_MIN
from .identity import resolve

# What `prepare` checks a correction against.
BUILD_TABLES = ("articles", "events", "participants", "attendees", "evidence", "articles_text", "theme_catalog",
                "event_aliases")


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-3 code the country list knows."""
    return len(code) == 3 and code.isalpha() and country_name(code.upper()) != code.upper()


def _event(tables: Mapping[str, pd.DataFrame], event_id: str) -> pd.Series:
    ev = tables["events"]
    aliases = dict(zip(tables["event_aliases"].get("alias", []), tables["event_aliases"].get("event_id", [])))
    eid = resolve(event_id, set(ev["event_id"]), aliases)
    if eid is None:
        raise ValueError(f"no event {event_id!r} in the build")
    return ev.set_index("event_id").loc[eid].rename(eid)


def _evidence_article(tables: Mapping[str, pd.DataFrame], event_id: str, evidence: str, preferred: str) -> str:
    """The article of the event whose text holds the evidence sentence (the preferred one first)."""
    if not evidence.strip():
        raise ValueError("an added fact needs its evidence: a sentence copied from one of the event's articles")
    arts = tables["articles"]
    members = list(arts.loc[arts["event_id"] == event_id, "article_id"])
    texts = dict(zip(tables["articles_text"]["article_id"], tables["articles_text"]["text"]))
    for aid in sorted(members, key=lambda a: a != preferred):
        if evidence in texts.get(aid, ""):
            return aid
    raise ValueError(f"the evidence is not a sentence of any article of {event_id} "
                     f"({', '.join(members)}); copy it exactly from the article")


def prepare(tables: Mapping[str, pd.DataFrame], c: Correction) -> Correction:
    """The correction checked and completed (current event id, its first article, the evidence's
    article); ValueError with a message an analyst can act on when it cannot apply."""
    if c.action not in ACTIONS:
        raise ValueError(f"unknown action {c.action!r} (known: {', '.join(ACTIONS)})")
    if c.action == "set-article-date":
        arts = tables["articles"]
        if c.target not in set(arts["article_id"]):
            raise ValueError(f"no article {c.target!r} in the build")
        _date(c.value)
        return replace(c, event_id="", event_article="")
    ev = _event(tables, c.event_id)
    eid = str(ev.name)
    c = replace(c, event_id=eid, event_article=str(ev["article_id"]))
    kind, _, what = c.action.partition("-")
    if c.action == "set":
        if c.target not in SET_FIELDS:
            raise ValueError(f"cannot set {c.target!r}; settable fields: {', '.join(SET_FIELDS)}")
        if c.target in ("start_date", "end_date"):
            _date(c.value)
        if c.target == "host_iso3" and c.value and not is_country_code(c.value):
            raise ValueError(f"{c.value!r} is not an ISO 3166-1 alpha-3 country code")
        if c.target == "name" and not c.value.strip():
            raise ValueError("an event's name cannot be empty")
        return replace(c, value=c.value.upper() if c.target == "host_iso3" else c.value.strip())
    if c.action == "merge-into":
        other = _event(tables, c.target)
        if str(other.name) == eid:
            raise ValueError("an event cannot be merged into itself")
        return replace(c, target=str(other.name), value=str(other["article_id"]))
    if c.action in ("split-article", "attach-article"):
        arts = tables["articles"].set_index("article_id")
        if c.target not in arts.index:
            raise ValueError(f"no article {c.target!r} in the build")
        if c.action == "split-article" and arts.loc[c.target, "event_id"] != eid:
            raise ValueError(f"article {c.target} does not report {eid}")
        return replace(c, value=c.value or str(ev["start_date"])[:10])
    if what == "country":
        if not is_country_code(c.target):
            raise ValueError(f"{c.target!r} is not an ISO 3166-1 alpha-3 country code")
        c = replace(c, target=c.target.upper())
        if c.action == "add-country" and c.value and c.value not in ROLES:
            raise ValueError(f"unknown role {c.value!r}; roles: {', '.join(ROLES)}")
        present = set(tables["participants"].loc[tables["participants"]["event_id"] == eid, "iso3"])
        if kind != "add" and c.target not in present:
            raise ValueError(f"{c.target} is not a participant of {eid}")
    elif what == "person":
        if not c.target.strip():
            raise ValueError("a person needs a name")
        if c.value and not is_country_code(c.value):
            raise ValueError(f"{c.value!r} is not an ISO 3166-1 alpha-3 country code")
        c = replace(c, value=c.value.upper())
        a = tables["attendees"]
        present = {n.casefold() for n in a.loc[a["event_id"] == eid, "name"]}
        if kind != "add" and c.target.casefold() not in present:
            raise ValueError(f"{c.target!r} is not an attendee of {eid}")
    elif what == "theme":
        if c.target not in set(tables["theme_catalog"]["code"]):
            raise ValueError(f"unknown theme {c.target!r}; themes: {', '.join(tables['theme_catalog']['code'])}")
        e = tables["evidence"]
        if kind != "add" and c.target not in set(e.loc[e["event_id"] == eid, "theme"]):
            raise ValueError(f"{c.target} has no evidence at {eid}")
    if kind == "add":
        c = replace(c, evidence=c.evidence.strip(),
                    article_id=_evidence_article(tables, eid, c.evidence.strip(), c.article_id))
    return c


def _date(value: str) -> date:
    """An analyst's date, within the years an event may have (events.YEAR_MIN..YEAR_MAX)."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise ValueError(f"{value} is outside the years an event may have ({YEAR_MIN}-{YEAR_MAX})")
    return day
