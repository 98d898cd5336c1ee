"""The one wording for dates, missing values and event labels, so a page, a chart, a CSV and the
briefing pack name the same event the same way. Pure functions, no Streamlit.

In the interface's language (dashboard.i18n): the constants below are the English msgids, marked with
N_() and translated where text is made, by the functions (empty_text(), undated(), new_mark(),
role_label(), origin_label(), date_span(), ...). Code that shows or compares a missing value calls
empty_text(), not EMPTY_TEXT: in English they are the same string, in Indonesian only the function is."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.i18n import N_, _, format_date

EMPTY_TEXT = N_("not stated")  # a missing value, everywhere in the app (the msgid: show empty_text())
UNDATED = N_("undated")        # where a date leads a label ("undated · Name"; show undated())
NEW_MARK = "🆕 " + N_("new") + " · "   # leads the label of an article uploaded in this session (new_mark())


def empty_text() -> str:
    """A missing value in the current language ('not stated', 'tidak disebutkan')."""
    return _(EMPTY_TEXT)


def undated() -> str:
    """'undated' in the current language, where a date would lead a label."""
    return _(UNDATED)


def new_mark() -> str:
    """NEW_MARK in the current language ('🆕 new · ', '🆕 baru · ')."""
    return "🆕 " + _("new") + " · "


# How each participants.role reads, in the order a card lists them (the codebook's roles); msgids,
# translated by role_label(), so `co_chair` is never shown raw in either language.
ROLE_LABELS = {"host": N_("Host"), "co_chair": N_("Co-chair"), "participant": N_("Taking part"),
               "speaker_country": N_("Spoke at the event"),
               "implied_member": N_("ASEAN member, implied (not named)")}


def role_label(role) -> str:
    """A participants.role as a reader sees it (`co_chair` -> `Co-chair` / `Ketua bersama`); an unknown
    role as written, its underscores made spaces."""
    known = ROLE_LABELS.get(str(role))
    return _(known) if known else str(role).replace("_", " ").capitalize()


def clean(v) -> str | None:
    """A cell as a clean string, or None for NA/empty."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return None
    v = str(v).strip()
    return v or None


def fmt_date(v) -> str:
    """A date cell as YYYY-MM-DD (the same in every language), or empty_text()."""
    return empty_text() if v is None or pd.isna(v) else f"{pd.Timestamp(v):%Y-%m-%d}"


def date_span(start, end) -> str:
    """'10 Sep 2019' or '10–11 Sep 2019' or '30 Sep 2019 – 1 Oct 2019' (empty_text() without a start);
    month names from CLDR in the current language ('10 Agu 2019')."""
    if start is None or pd.isna(start):
        return empty_text()
    s = pd.Timestamp(start)
    e = s if end is None or pd.isna(end) else pd.Timestamp(end)
    if e.date() == s.date():
        return format_date(s, format="medium")
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{format_date(e, format='medium')}"
    return f"{format_date(s, format='medium')} – {format_date(e, format='medium')}"


def name_with_acronym(name, acronym) -> str:
    """'Regional Conference on Digital Diplomacy (RCDD)'; the name alone when it already holds its acronym
    ('AMRI ke-17', never 'AMRI ke-17 (AMRI ke-17)') or has none."""
    acr = clean(acronym)
    return str(name) + (f" ({acr})" if acr and acr not in str(name) else "")


def event_label(row: Mapping) -> str:
    """The long label, for pickers: '2019-09-10 · Regional Conference on Digital Diplomacy (RCDD)'."""
    d = row.get("start_date")
    date_s = undated() if d is None or pd.isna(d) else f"{pd.Timestamp(d):%Y-%m-%d}"
    return f"{date_s} · {name_with_acronym(row['name'], row.get('acronym'))}"


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
ORIGIN_LABELS = {"extracted": "", "confirmed": N_("confirmed by an analyst"),
                 "corrected": N_("added or changed by an analyst")}


def origin_label(origin) -> str:
    """A row's `origin` in words for the card, in the current language ('' for an extracted row or an
    older build without it)."""
    return _(ORIGIN_LABELS.get(str(origin), "")) if origin is not None else ""
