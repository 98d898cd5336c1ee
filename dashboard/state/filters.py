"""The global filters: a value object, how it narrows every table, how it lives in the URL, and why a
combination came out empty. Pure pandas; no Streamlit here."""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

import pandas as pd

from dashboard import i18n
from dashboard.i18n import DEFAULT_LANGUAGE, _, current_language, ngettext
from dashboard.labels import event_label
from dashboard.state.url_contract import QP_LANG, filter_keys, page_params

# URL parameter names (short, stable: they are part of every shared link). The contract, with each
# parameter's values, owner and meaning, is dashboard/state/url_contract.py; the keys below are derived from it.
QP_EVENT, QP_COUNTRY, QP_THEME, QP_FROM, QP_TO, QP_ASEAN = "event", "country", "theme", "from", "to", "asean"
QP_ONLY = "only"  # only=1: with a country filter, keep only the chosen countries' own rows
QP_KEYS: tuple[str, ...] = filter_keys()
_TRUE = {"1", "true", "yes", "on"}

# Page-owned query parameters, by the page's url_path: they narrow nothing, and other pages drop them.
QP_CARD = "card"          # Timeline: the event whose card is open
QP_ARTICLE = "article"    # Sources: the article shown in the reader
QP_HL = "hl"              # Sources: "<start>-<end>", character offsets of a sentence to highlight in it
QP_MEASURE = "measure"    # Themes: what the first chart counts (theme_measures.MEASURES)
PAGE_PARAMS: dict[str, tuple[str, ...]] = page_params()

_EVENT_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")
_THEME_RE = re.compile(r"^[a-z][a-z0-9_]{0,59}$")


def _norm(values) -> tuple[str, ...]:
    """Sorted, de-duplicated tuple of strings (the canonical form of a multi-value filter)."""
    return tuple(sorted({str(v) for v in (values or ())}))


@dataclass(frozen=True)
class Filters:
    """The global filters; empty tuples and None mean "no restriction"."""

    events: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    asean_only: bool = False
    only_chosen: bool = False  # with countries: participants and attendees of the chosen countries only

    def __post_init__(self) -> None:
        for name in ("events", "countries", "themes"):
            object.__setattr__(self, name, _norm(getattr(self, name)))
        object.__setattr__(self, "asean_only", bool(self.asean_only))
        object.__setattr__(self, "only_chosen", bool(self.only_chosen))

    def is_empty(self) -> bool:
        """True when no filter is set."""
        return self == Filters()


@dataclass(frozen=True)
class FilterOptions:
    """What the filter widgets offer, read from the unfiltered tables."""

    events: dict[str, str] = field(default_factory=dict)      # event_id -> labels.event_label, by date
    countries: dict[str, str] = field(default_factory=dict)   # iso3 -> name; ASEAN members first
    asean: frozenset[str] = frozenset()                       # ISO3 codes that are ASEAN members in the data
    themes: dict[str, str] = field(default_factory=dict)      # code -> label
    date_min: date | None = None
    date_max: date | None = None
    event_years: tuple[int, ...] = ()                         # years in which some event starts
    aliases: dict[str, str] = field(default_factory=dict)     # an earlier event id -> its current id


def filter_options(tables: dict[str, pd.DataFrame], theme_labels: Mapping[str, str] | None = None) -> FilterOptions:
    """Build the widgets' choices: events by date, countries ASEAN first then by name, themes in catalogue order."""
    ev = tables["events"].sort_values(["start_date", "name"], na_position="last")
    events = {str(r["event_id"]): event_label(r) for r in ev.to_dict("records")}
    p = tables["participants"]
    asean = frozenset(p.loc[p["is_asean"].astype(bool), "iso3"].dropna().astype(str))
    names = p.dropna(subset=["iso3"]).drop_duplicates("iso3").set_index("iso3")["country"]
    order = sorted(names.index, key=lambda i: (i not in asean, str(names[i])))
    countries = {str(i): str(names[i]) for i in order}
    labels = dict(theme_labels or {})
    codes = list(labels) + sorted(set(tables["themes"]["theme"].dropna().astype(str)) - set(labels))
    themes = {c: labels.get(c, c.replace("_", " ").capitalize()) for c in codes}
    dmin, dmax = ev["start_date"].min(), ev["end_date"].max()
    return FilterOptions(
        events=events, countries=countries, asean=asean, themes=themes,
        date_min=None if pd.isna(dmin) else dmin.date(), date_max=None if pd.isna(dmax) else dmax.date(),
        event_years=tuple(sorted({int(y) for y in ev["start_date"].dt.year.dropna()})),
        aliases=event_aliases(tables),
    )


def event_aliases(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Earlier event ids -> current ids (the build's event_aliases table), so old links still open."""
    al = tables.get("event_aliases")
    if al is None or al.empty:
        return {}
    return {str(a): str(e) for a, e in zip(al["alias"], al["event_id"])}


def current_event_id(value: str | None, options: FilterOptions) -> str | None:
    """An event id from a link as the build knows it now: itself, or the event an old id became."""
    if value is None:
        return None
    return value if value in options.events else options.aliases.get(value, value)


# ---------------------------------------------------------------------------------------------
# Applying filters
# ---------------------------------------------------------------------------------------------

# Each step narrows the set of event ids; the order is the order empty_reason reports in.
_STEPS = ("events", "dates", "countries", "asean_only", "themes")


def _step_active(f: Filters, step: str) -> bool:
    return {
        "events": bool(f.events), "dates": f.date_from is not None or f.date_to is not None,
        "countries": bool(f.countries), "asean_only": f.asean_only, "themes": bool(f.themes),
    }[step]


def _step_keep(tables: dict[str, pd.DataFrame], f: Filters, step: str) -> set[str]:
    """Event ids that pass one filter step on its own."""
    ev = tables["events"]
    if step == "events":
        return set(ev.loc[ev["event_id"].isin(f.events), "event_id"])
    if step == "dates":
        start, end = ev["start_date"], ev["end_date"].fillna(ev["start_date"])
        ok = pd.Series(True, index=ev.index)
        if f.date_from is not None:
            ok &= end >= pd.Timestamp(f.date_from)
        if f.date_to is not None:
            ok &= start <= pd.Timestamp(f.date_to)
        return set(ev.loc[ok.fillna(False).astype(bool), "event_id"])
    p = tables["participants"]
    if step == "countries":
        return set(p.loc[p["iso3"].isin(f.countries), "event_id"])
    if step == "asean_only":  # with a country filter: one of the chosen countries, as an ASEAN member
        ok = p["is_asean"].astype(bool) & (p["iso3"].isin(f.countries) if f.countries else True)
        return set(p.loc[ok, "event_id"])
    th = tables["themes"]
    return set(th.loc[th["theme"].isin(f.themes) & (th["n_evidence"] > 0), "event_id"])


def kept_event_ids(tables: dict[str, pd.DataFrame], f: Filters) -> set[str]:
    """Event ids that pass every active filter."""
    keep = set(tables["events"]["event_id"])
    for step in _STEPS:
        if _step_active(f, step):
            keep &= _step_keep(tables, f, step)
    return keep



def apply_filters(tables: dict[str, pd.DataFrame], f: Filters) -> dict[str, pd.DataFrame]:
    """Filtered copies of every table, consistent with each other (FilteredTables, all read at once)."""
    return dict(FilteredTables(tables, f))


class FilteredTables(Mapping):
    """The tables as the filters keep them, each narrowed the first time it is read, so a page pays only
    for the tables it shows (at 100,000 articles narrowing the evidence alone takes a tenth of a second).
    A table every row of which passes is the table itself, not a copy. Thread-safe: one is shared by every
    session with the same filters.

    Events pass when they match every filter: a country filter keeps the events in which any chosen
    country took part, a theme filter those with evidence for a chosen theme. A kept event keeps all
    its participants and attendees, so a country's partners stay visible; `only_chosen` narrows those
    rows to the chosen countries, and `asean_only` to ASEAN members. Theme rows are narrowed to the
    chosen themes; articles to those reporting a kept event. Tables not named here pass through
    unchanged; further tables with an event_id column (outcomes, …) keep the kept events' rows.
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame], f: Filters) -> None:
        self._tables, self._f = tables, f
        self._done: dict[str, pd.DataFrame] = {}
        self._lock = threading.RLock()
        self._keep: set[str] | None = None

    def __iter__(self):
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __contains__(self, name: object) -> bool:
        return name in self._tables

    def __getitem__(self, name: str) -> pd.DataFrame:
        with self._lock:
            if name not in self._done:
                self._done[name] = self._narrow(name)
            return self._done[name].copy(deep=False)   # a page's changes stay its own

    def keep(self) -> set[str]:
        """The kept event ids."""
        with self._lock:
            if self._keep is None:
                self._keep = kept_event_ids(self._tables, self._f)
            return self._keep

    def _narrow(self, name: str) -> pd.DataFrame:
        t, f = self._tables[name], self._f
        if name == "participants":
            mask = t["event_id"].isin(self.keep())
            if f.countries and f.only_chosen:
                mask &= t["iso3"].isin(f.countries)
            if f.asean_only:
                mask &= t["is_asean"].astype(bool)
            return _rows(t, mask)
        if name == "attendees":
            mask = t["event_id"].isin(self.keep())
            if (f.countries and f.only_chosen) or f.asean_only:
                p = self["participants"]
                pairs = set(zip(p["event_id"], p["iso3"]))
                mask &= pd.Series([(e, i) in pairs for e, i in zip(t["event_id"], t["iso3"])], index=t.index, dtype=bool)
            return _rows(t, mask)
        if name in ("themes", "evidence"):
            mask = t["event_id"].isin(self.keep())
            if f.themes:
                mask &= t["theme"].isin(f.themes)
            return _rows(t, mask)
        if name == "articles_text":
            return _rows(t, t["article_id"].isin(self["articles"]["article_id"]))
        if isinstance(t, pd.DataFrame) and "event_id" in t.columns:   # events, articles, outcomes, …
            return _rows(t, t["event_id"].isin(self.keep()))
        return t


def event_rows(tables: Mapping[str, pd.DataFrame], event_id: str) -> dict[str, pd.DataFrame]:
    """One event's rows of every table with an event_id (and its articles' texts); other tables whole.
    `FilteredTables(event_rows(tables, e), f)` then holds what the filters keep of that event alone, at
    the cost of one comparison per table rather than narrowing million-row tables (the event card)."""
    out = {}
    for name, t in tables.items():
        if isinstance(t, pd.DataFrame) and "event_id" in t.columns:
            out[name] = t[(t["event_id"] == event_id).to_numpy()].reset_index(drop=True)
        else:
            out[name] = t
    if "articles_text" in tables and "articles" in out:
        txt = tables["articles_text"]
        ids = set(out["articles"]["article_id"]) | set(out["events"].get("article_id", pd.Series(dtype=str)).dropna())
        out["articles_text"] = txt[txt["article_id"].isin(ids).to_numpy()].reset_index(drop=True)
    return out


def _rows(table: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    """The rows `mask` keeps, numbered from 0; the table itself when it keeps them all."""
    if bool(mask.all()) and table.index.equals(pd.RangeIndex(len(table))):
        return table
    return table[mask.to_numpy()].reset_index(drop=True)


def country_label(iso3: str, name: str | None = None) -> str:
    """A country as the interface names it: in English the data's own name (`name`, else the code), in
    another language CLDR's (i18n.country_name: 'PHL' -> 'Filipina'), the data's name as the fallback."""
    return i18n.country_name(iso3, name or str(iso3))


def _and_more(shown: list[str], more: int) -> str:
    """'A, B, C' or 'A, B, C and 2 more' (in the interface's language)."""
    listed = ", ".join(shown)
    if more <= 0:
        return listed
    return _("{listed} and {n} more").format(listed=listed, n=i18n.format_number(more))


def _describe(f: Filters, step: str, options: FilterOptions | None = None) -> str:
    """Plain words for one active filter, e.g. 'the countries filter (Australia, Japan)'."""
    def names(values: tuple[str, ...], lookup: Mapping[str, str]) -> str:
        return _and_more([lookup.get(v, v) for v in values[:4]], len(values) - 4)

    o = options or FilterOptions()
    if step == "events":
        return _("the events filter ({events})").format(
            events=names(f.events, {k: v.split(" · ", 1)[-1] for k, v in o.events.items()}))
    if step == "dates":
        if f.date_from and f.date_to:
            return _("the date range ({start} to {end})").format(start=f.date_from.isoformat(),
                                                                 end=f.date_to.isoformat())
        return _("the date range (from {start})").format(start=f.date_from.isoformat()) if f.date_from else \
            _("the date range (up to {end})").format(end=f.date_to.isoformat())
    if step == "countries":
        return _("the countries filter ({countries})").format(
            countries=names(f.countries, {c: country_label(c, o.countries.get(c)) for c in f.countries}))
    if step == "asean_only":
        if f.countries:
            return _("the “ASEAN members only” switch (none of the chosen countries took part as an ASEAN member)")
        return _("the “ASEAN members only” switch")
    return _("the themes filter ({themes})").format(themes=names(f.themes, o.themes))


def empty_reason(tables: dict[str, pd.DataFrame], f: Filters, options: FilterOptions | None = None) -> str | None:
    """None when some event passes the filters; otherwise a plain sentence naming the filter that emptied it
    (in the interface's language: callers that cache it key it by language, as state.context does)."""
    if tables["events"].empty:
        return _("The build has no events yet: add articles to the seeds folder and rebuild.")
    keep = set(tables["events"]["event_id"])
    applied: list[str] = []
    for step in _STEPS:
        if not _step_active(f, step):
            continue
        alone = _step_keep(tables, f, step)
        keep &= alone
        if not keep:
            what = _describe(f, step, options)
            if not alone or not applied:
                return _("No events match {filter}. Widen or clear that filter.").format(filter=what)
            before = _describe(f, applied[0], options)
            for s in applied[1:]:
                before = _("{first} and {last}").format(first=before, last=_describe(f, s, options))
            return _("No events match {filter} together with {others}. Widen or clear one of them.").format(
                filter=what, others=before)
        applied.append(step)
    return None


# ---------------------------------------------------------------------------------------------
# URL query parameters
# ---------------------------------------------------------------------------------------------

def filters_to_query_params(f: Filters) -> dict[str, list[str]]:
    """The filters as query parameters; unset filters are left out, so no filters gives {}."""
    qp: dict[str, list[str]] = {}
    if f.events:
        qp[QP_EVENT] = list(f.events)
    if f.countries:
        qp[QP_COUNTRY] = list(f.countries)
    if f.themes:
        qp[QP_THEME] = list(f.themes)
    if f.date_from is not None:
        qp[QP_FROM] = [f.date_from.isoformat()]
    if f.date_to is not None:
        qp[QP_TO] = [f.date_to.isoformat()]
    if f.asean_only:
        qp[QP_ASEAN] = ["1"]
    if f.only_chosen:
        qp[QP_ONLY] = ["1"]
    return qp


def page_url(page: str, f: Filters, **params: str) -> str:
    """A relative link to another page of the app that keeps the filters and the interface's language, e.g.
    page_url("sources", f, article="a01", hl="120-180") -> "sources?country=IDN&article=a01&hl=120-180"
    (with `lang=id` after the filters when the interface is in Indonesian)."""
    unknown = set(params) - set(PAGE_PARAMS.get(page, ()))
    if unknown:
        raise ValueError(f"page {page!r} owns no query parameter {sorted(unknown)}")
    lang = current_language()
    qp = filters_to_query_params(f) | ({QP_LANG: [lang]} if lang != DEFAULT_LANGUAGE else {}) \
        | {k: [v] for k, v in params.items() if v}
    return page + ("?" + urlencode(qp, doseq=True) if qp else "")


def parse_span(value: str | None) -> tuple[int, int] | None:
    """'120-180' -> (120, 180); None for anything else (a URL is user input)."""
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", str(value or "").strip())
    if not m or int(m.group(1)) >= int(m.group(2)):
        return None
    return int(m.group(1)), int(m.group(2))


def _values(qp: Mapping, key: str) -> list[str]:
    """All values of a key, whether the mapping holds a str, a list, or a Streamlit QueryParamsProxy."""
    if hasattr(qp, "get_all"):
        raw = qp.get_all(key)
    else:
        raw = qp.get(key, [])
    if raw is None:
        return []
    if isinstance(raw, str):
        raw = [raw]
    out: list[str] = []
    for v in raw:
        # Accept comma-separated lists too (hand-written links), never raise on odd input.
        out.extend(p.strip() for p in str(v).split(",") if p.strip())
    return out


def _parse_date(values: list[str]) -> date | None:
    for v in values:
        try:
            return date.fromisoformat(v)
        except ValueError:
            continue
    return None


def filters_from_query_params(qp: Mapping, options: FilterOptions | None = None) -> Filters:
    """Filters from query parameters. Malformed values (and, given options, unknown ones) are dropped."""
    try:
        events = [v for v in _values(qp, QP_EVENT) if _EVENT_RE.match(v)]
        countries = [v.upper() for v in _values(qp, QP_COUNTRY) if _ISO3_RE.match(v.upper())]
        themes = [v for v in _values(qp, QP_THEME) if _THEME_RE.match(v)]
        if options is not None:
            events = [current_event_id(v, options) for v in events]
            events = [v for v in events if v in options.events]
            countries = [v for v in countries if v in options.countries]
            themes = [v for v in themes if v in options.themes]
        asean_vals = [v.lower() for v in _values(qp, QP_ASEAN)]
        return Filters(
            events=tuple(events), countries=tuple(countries), themes=tuple(themes),
            date_from=_parse_date(_values(qp, QP_FROM)), date_to=_parse_date(_values(qp, QP_TO)),
            asean_only=any(v in _TRUE for v in asean_vals),
            only_chosen=any(v.lower() in _TRUE for v in _values(qp, QP_ONLY)),
        )
    except Exception:  # a URL is user input: never let it break the page
        return Filters()


MAX_LISTED_IGNORED = 3   # values named in an "ignored" notice before "and N more"


def ignored_in_link(qp: Mapping, options: FilterOptions) -> list[str]:
    """What a link's filter parameters asked for that the data cannot show, one plain sentence per kind
    ("2 countries in the link are not in the data and were ignored: XXX, YYY."), so a page never
    silently shows everything instead. Empty when the link is fully usable. In the interface's language."""
    notes: list[str] = []

    def note(values: list[str], kind: str) -> None:
        values = list(dict.fromkeys(values))
        if not values:
            return
        shown = [v if len(v) <= 40 else v[:40] + "…" for v in values[:MAX_LISTED_IGNORED]]
        listed, n = _and_more(shown, len(values) - len(shown)), len(values)
        if kind == "event":
            text = ngettext("{n} event in the link is not in the data and was ignored: {values}.",
                            "{n} events in the link are not in the data and were ignored: {values}.", n)
        elif kind == "country":
            text = ngettext("{n} country in the link is not in the data and was ignored: {values}.",
                            "{n} countries in the link are not in the data and were ignored: {values}.", n)
        else:
            text = ngettext("{n} theme in the link is not a theme of the data and was ignored: {values}.",
                            "{n} themes in the link are not a theme of the data and were ignored: {values}.", n)
        notes.append(text.format(n=i18n.format_number(n), values=listed))

    try:
        events = _values(qp, QP_EVENT)
        note([v for v in events if current_event_id(v, options) not in options.events], "event")
        countries = [v.upper() for v in _values(qp, QP_COUNTRY) if _ISO3_RE.match(v.upper())]
        note([v for v in countries if v not in options.countries], "country")
        themes = _values(qp, QP_THEME)
        note([v for v in themes if v not in options.themes], "theme")
        for key in (QP_FROM, QP_TO):
            raw = _values(qp, key)
            if raw and _parse_date(raw) is None:
                text = (_("The start date in the link ({value}) is not a date (YYYY-MM-DD) and was ignored.")
                        if key == QP_FROM else
                        _("The end date in the link ({value}) is not a date (YYYY-MM-DD) and was ignored."))
                notes.append(text.format(value=raw[0][:40]))
        lo, hi = _parse_date(_values(qp, QP_FROM)), _parse_date(_values(qp, QP_TO))
        if lo and hi and lo > hi:
            notes.append(_("The link's dates run backwards (from {start} to {end}), so no event can match; "
                           "widen or clear the date range.").format(start=lo.isoformat(), end=hi.isoformat()))
    except Exception:  # a URL is user input: never let it break the page
        return [_("The link's filters could not be read and were ignored.")]
    return notes


def restrict_to_options(f: Filters, options: FilterOptions) -> Filters:
    """Drop filter values the data does not offer (e.g. an event id from an older build)."""
    return replace(
        f,
        events=tuple(v for v in f.events if v in options.events),
        countries=tuple(v for v in f.countries if v in options.countries),
        themes=tuple(v for v in f.themes if v in options.themes),
    )


def describe_filters(f: Filters, options: FilterOptions | None = None) -> list[str]:
    """One short phrase per active filter, for the page header (empty list: no filters), in the interface's
    language (country names from CLDR outside English; event names and ISO dates as they are)."""
    o = options or FilterOptions()
    parts: list[str] = []
    if f.events:
        parts.append(_("Events: {events}").format(
            events=", ".join(o.events.get(e, e).split(" · ", 1)[-1] for e in f.events)))
    if f.countries:
        parts.append(_("Countries: {countries}").format(
            countries=", ".join(country_label(c, o.countries.get(c)) for c in f.countries)))
    if f.asean_only:
        parts.append(_("ASEAN members only"))
    if f.only_chosen and f.countries:
        parts.append(_("only the chosen countries' rows"))
    if f.themes:
        parts.append(_("Themes: {themes}").format(themes=", ".join(o.themes.get(t, t) for t in f.themes)))
    if f.date_from and f.date_to:
        parts.append(_("Dates: {start} – {end}").format(start=f.date_from.isoformat(), end=f.date_to.isoformat()))
    elif f.date_from:   # an open end reads as words, not "2024-01-01 – …"
        parts.append(_("Dates: from {start}").format(start=f.date_from.isoformat()))
    elif f.date_to:
        parts.append(_("Dates: until {end}").format(end=f.date_to.isoformat()))
    return parts
