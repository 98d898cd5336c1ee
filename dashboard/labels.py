"""The one wording for dates, missing values and event labels, so a page, a chart, a CSV and the
briefing pack name the same event the same way. Pure functions, no Streamlit."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

EMPTY_TEXT = "not stated"  # a missing value, everywhere in the app
UNDATED = "undated"        # where a date leads a label ("undated · Name")
NEW_MARK = "🆕 new · "      # leads the label of an article uploaded in this session


# How each participants.role reads, in the order a card lists them (the codebook's roles).
ROLE_LABELS = {"host": "Host", "co_chair": "Co-chair", "participant": "Taking part",
               "speaker_country": "Spoke at the event",
               "implied_member": "ASEAN member, implied (not named)"}


def role_label(role) -> str:
    """A participants.role as a reader sees it (`co_chair` -> `Co-chair`); an unknown role as written."""
    return ROLE_LABELS.get(str(role), str(role).replace("_", " ").capitalize())


def clean(v) -> str | None:
    """A cell as a clean string, or None for NA/empty."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    v = str(v).strip()
    return v or None


def fmt_date(v) -> str:
    """A date cell as YYYY-MM-DD, or EMPTY_TEXT."""
    return EMPTY_TEXT if v is None or pd.isna(v) else f"{pd.Timestamp(v):%Y-%m-%d}"


def date_span(start, end) -> str:
    """'10 Sep 2019' or '10–11 Sep 2019' or '30 Sep – 1 Oct 2019' (EMPTY_TEXT without a start)."""
    if start is None or pd.isna(start):
        return EMPTY_TEXT
    s = pd.Timestamp(start)
    e = s if end is None or pd.isna(end) else pd.Timestamp(end)
    if e.date() == s.date():
        return f"{s.day} {s:%b %Y}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {s:%b %Y}"
    return f"{s.day} {s:%b %Y} – {e.day} {e:%b %Y}"


def event_label(row: Mapping) -> str:
    """The long label, for pickers: '2019-09-10 · Regional Conference on Digital Diplomacy (RCDD)'."""
    d = row.get("start_date")
    date_s = UNDATED if d is None or pd.isna(d) else f"{pd.Timestamp(d):%Y-%m-%d}"
    acr = clean(row.get("acronym"))
    return f"{date_s} · {row['name']}" + (f" ({acr})" if acr and acr not in str(row["name"]) else "")


def short_event_label(name, acronym, start) -> str:
    """The short label, for chart axes: 'RCDD (2019-09-10)' (the name when there is no acronym)."""
    head = clean(acronym) or str(name)
    return f"{head} ({pd.Timestamp(start):%Y-%m-%d})" if start is not None and pd.notna(start) else head


def dated_name(name, start) -> str:
    """The full name with its date, for lists: 'Regional Conference on Digital Diplomacy (2019-09-10)'."""
    return f"{name} ({pd.Timestamp(start):%Y-%m-%d})" if start is not None and pd.notna(start) else str(name)


def short_name(name, acronym=None, max_chars: int = 22) -> str:
    """An event's name for a chart marker: its acronym, else its name cut at a word boundary ('…')."""
    acr = clean(acronym)
    if acr:
        return acr
    text = " ".join(str(name).split())
    if len(text) <= max_chars:
        return text
    kept = ""
    for word in text.split():
        if len(f"{kept} {word}".strip()) > max_chars - 1:
            break
        kept = f"{kept} {word}".strip()
    return (kept or text[: max_chars - 1]).rstrip(",;:-") + "…"


# How a fact row came to be (the tables' `origin`), as the event card says it; extracted rows say nothing.
ORIGIN_LABELS = {"extracted": "", "confirmed": "confirmed by an analyst", "corrected": "added or changed by an analyst"}


def origin_label(origin) -> str:
    """A row's `origin` in words for the card ('' for an extracted row or an older build without it)."""
    return ORIGIN_LABELS.get(str(origin), "") if origin is not None else ""
