"""Streamlit glue for the global filters: sidebar widgets backed by session_state, seeded from the
URL on a session's first run and written back to the URL on every run (so page switches, reloads
and shared links keep them). Every label and help text goes through dashboard.i18n's _() (the sidebar
is in the session's language; the URL keeps `lang=` beside the filters).

Besides the filters, a page may own query parameters of its own (PAGE_PARAMS, e.g. the Timeline's
`card=<event_id>`). They are not filters and narrow nothing: the rewrite on every run keeps them while
their page is shown and drops them on any other page; the page itself reads and sets them through
st.query_params after sidebar_filters has run."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs

import streamlit as st

from dashboard import i18n
from dashboard.i18n import _
from dashboard.state import language_state
from dashboard.state.filters import (
    PAGE_PARAMS, FilterOptions, Filters, filters_from_query_params, filters_to_query_params, ignored_in_link,
)

# Widget keys (prefix "flt_": the global filters).
K_EVENTS, K_COUNTRIES, K_THEMES = "flt_events", "flt_countries", "flt_themes"
K_FROM, K_TO, K_ASEAN = "flt_date_from", "flt_date_to", "flt_asean_only"  # K_FROM/K_TO: the filter's dates
K_ONLY = "flt_only_chosen"
K_DATES, K_PERIOD = "flt_dates", "flt_period"  # the date-range slider and its quick choices
K_YEAR_FROM, K_YEAR_TO = "flt_year_from", "flt_year_to"  # a span of whole years (2023 to 2025) in two picks
K_SEEDED = "flt_seeded"
K_RESET = "flt_reset"
K_IGNORED = "flt_ignored"   # (notes on what the opening link asked for and could not have, the filters it set)


ALL, LATEST = "all", "latest12"  # quick choices besides single years

# Streamlit drops a query string of more than 1,000 parameters or 512 KB whole, before the app sees it.
# This invisible component reads such a link in the browser and hands it over, so the app applies what
# it can use and names the rest, as for any link; past these limits it says the link was not read.
K_LONG_LINK, K_LONG_DONE = "flt_long_link", "flt_long_link_done"
LINK_MAX_FIELDS = 100_000
LINK_MAX_CHARS = 8 * 1024 * 1024
_LONG_LINK_JS = """
export default function(component) {
    const query = window.location.search.replace(/^[?]/, "");
    const fields = query ? query.split("&").length : 0;
    if (fields > 1000 || query.length > 512 * 1024) {   // what Streamlit drops (query_params.py)
        component.setStateValue("query", query);
    }
}
"""
_long_link = st.components.v2.component("asean_dd_long_link", js=_LONG_LINK_JS)


def parse_long_link(query: str) -> tuple[dict[str, list[str]], list[str]]:
    """A query string Streamlit dropped, parsed within our own limits; and a note when it is too long."""
    if len(query) > LINK_MAX_CHARS:
        return {}, [_("The link is too long to read ({n} characters; at most {limit}): none of its filters were "
                      "applied.").format(n=i18n.format_number(len(query)), limit=i18n.format_number(LINK_MAX_CHARS))]
    try:
        return parse_qs(query, max_num_fields=LINK_MAX_FIELDS), []
    except ValueError:   # more fields than LINK_MAX_FIELDS
        return {}, [_("The link is too long to read (more than {limit} values): none of its filters were "
                      "applied.").format(limit=i18n.format_number(LINK_MAX_FIELDS))]


def _seed_from_long_link(options: FilterOptions) -> None:
    """Once per session, the filters of a link too long for Streamlit, as the browser reports it."""
    with st.sidebar:
        query = getattr(_long_link(key=K_LONG_LINK, on_query_change=lambda: None), "query", None)
    if not query or st.session_state.get(K_LONG_DONE):
        return
    st.session_state[K_LONG_DONE] = True
    params, unread = parse_long_link(query)
    seeded = filters_from_query_params(params, options)
    _set_state(seeded)
    st.session_state[K_IGNORED] = (unread + ignored_in_link(params, options), seeded)


def _set_state(f: Filters) -> None:
    st.session_state[K_EVENTS] = list(f.events)
    st.session_state[K_COUNTRIES] = list(f.countries)
    st.session_state[K_THEMES] = list(f.themes)
    st.session_state[K_FROM] = f.date_from
    st.session_state[K_TO] = f.date_to
    st.session_state[K_ASEAN] = f.asean_only
    st.session_state[K_ONLY] = f.only_chosen
    st.session_state.pop(K_DATES, None)  # the slider is redrawn from K_FROM/K_TO
    st.session_state.pop(K_PERIOD, None)


def reset_filters() -> None:
    """Clear every filter (a button callback: runs before the script, so widgets pick it up)."""
    _set_state(Filters())


def current_filters(options: FilterOptions | None = None) -> Filters:
    """The filters as the widgets hold them now; before the sidebar has run in this session (a page run
    on its own), the URL's."""
    s = st.session_state
    if not s.get(K_SEEDED):
        return filters_from_query_params(st.query_params, options)
    return Filters(
        events=tuple(s.get(K_EVENTS) or ()), countries=tuple(s.get(K_COUNTRIES) or ()),
        themes=tuple(s.get(K_THEMES) or ()), date_from=s.get(K_FROM), date_to=s.get(K_TO),
        asean_only=bool(s.get(K_ASEAN, False)),
        only_chosen=bool(s.get(K_ONLY, False)) and bool(s.get(K_COUNTRIES)),
    )


def _seed_from_url(options: FilterOptions) -> None:
    """On a session's first run, take the filters from the URL (unknown values dropped)."""
    if st.session_state.get(K_SEEDED):
        return
    seeded = filters_from_query_params(st.query_params, options)
    _set_state(seeded)
    st.session_state[K_IGNORED] = (ignored_in_link(st.query_params, options), seeded)
    st.session_state[K_SEEDED] = True


def link_notes(current: Filters) -> list[str]:
    """What the link this session opened with asked for and could not have, while its filters stand."""
    notes, seeded = st.session_state.get(K_IGNORED) or ([], None)
    return list(notes) if seeded is not None and current == seeded else []


def _sanitise(options: FilterOptions) -> None:
    """Keep widget state inside the options on offer (a rebuild or the ASEAN switch can remove some)."""
    s = st.session_state
    s[K_EVENTS] = [v for v in s.get(K_EVENTS) or [] if v in options.events]
    allowed = options.asean if s.get(K_ASEAN) else options.countries
    s[K_COUNTRIES] = [v for v in s.get(K_COUNTRIES) or [] if v in allowed]
    s[K_THEMES] = [v for v in s.get(K_THEMES) or [] if v in options.themes]
    for k in (K_FROM, K_TO):
        if not isinstance(s.get(k), date):
            s[k] = None


def sidebar_filters(options: FilterOptions, page: str = "") -> Filters:
    """Draw the global filters in the sidebar and return them; also writes them to the URL, keeping
    the query parameters that `page` (the current page's url_path) owns and dropping any other."""
    _seed_from_url(options)
    _seed_from_long_link(options)
    _sanitise(options)
    sb = st.sidebar
    sb.header(_("Filters"))
    sb.toggle(_("ASEAN members only"), key=K_ASEAN,
              help=_("Only ASEAN member states (membership on each event's date)."))
    asean_only = bool(st.session_state.get(K_ASEAN))
    country_codes = [c for c in options.countries if not asean_only or c in options.asean]
    sb.multiselect(
        _("Countries"), country_codes, key=K_COUNTRIES, placeholder=_("All countries"),
        format_func=lambda c: f"{i18n.country_name(c, options.countries.get(c, c))} ({c})"
                              + (" · ASEAN" if c in options.asean else ""),
        help=_("ASEAN members are listed first. Keeps the events in which any chosen country took part, with "
               "all their participants: the Overview then ranks the chosen countries' partners."),
    )
    sb.toggle(_("Only the chosen countries' rows"), key=K_ONLY, disabled=not st.session_state.get(K_COUNTRIES),
              help=_("Off (default): a country filter keeps the events those countries took part in, with every "
                     "participant, so you see their partners. On: participants and attendees of the chosen "
                     "countries only."))
    sb.multiselect(_("Events"), list(options.events), key=K_EVENTS, placeholder=_("All events"),
                   format_func=lambda e: options.events.get(e, e))
    sb.multiselect(_("Themes"), list(options.themes), key=K_THEMES, placeholder=_("All themes"),
                   format_func=lambda t: options.themes.get(t, t),
                   help=_("Keeps events with evidence for any chosen theme."))
    date_range_control(options)
    sb.button(_("Reset filters"), key=K_RESET, on_click=reset_filters, icon=":material/restart_alt:",
              width="stretch")
    f = current_filters()
    write_query_params(f, keep=PAGE_PARAMS.get(page, ()))
    return f


def _domain(options: FilterOptions) -> tuple[date, date] | None:
    """The slider's range: the data's dates, widened to hold dates a link asked for."""
    s = st.session_state
    ends = [d for d in (options.date_min, options.date_max, s.get(K_FROM), s.get(K_TO)) if isinstance(d, date)]
    if not ends:
        return None
    lo, hi = min(ends), max(ends)
    return (lo, hi) if lo < hi else (lo, lo + timedelta(days=1))


def quick_ranges(options: FilterOptions) -> dict[str, tuple[date, date]]:
    """The quick choices: all dates, the latest 12 months of data, and each year with events."""
    years = set(options.event_years)
    if options.date_min is None or options.date_max is None:
        return {}
    out = {ALL: (options.date_min, options.date_max)}
    lo12 = options.date_max - timedelta(days=365)
    out[LATEST] = (max(lo12, options.date_min), options.date_max)
    for y in sorted(years) if years else range(options.date_min.year, options.date_max.year + 1):
        out[str(y)] = (max(date(y, 1, 1), options.date_min), min(date(y, 12, 31), options.date_max))
    return out


def _dates_from_slider(options: FilterOptions) -> None:
    """Slider moved: its ends become the filter (an end at the data's edge means no limit there)."""
    lo, hi = st.session_state[K_DATES]
    dom = _domain(options)
    st.session_state[K_FROM] = None if dom and lo <= dom[0] and lo <= (options.date_min or lo) else lo
    st.session_state[K_TO] = None if dom and hi >= dom[1] and hi >= (options.date_max or hi) else hi


def _dates_from_period(options: FilterOptions) -> None:
    """A quick choice picked: the slider and the filter jump to its range."""
    rng = quick_ranges(options).get(st.session_state.get(K_PERIOD))
    if rng is None:
        return
    st.session_state[K_FROM] = None if rng[0] <= options.date_min else rng[0]
    st.session_state[K_TO] = None if rng[1] >= options.date_max else rng[1]
    st.session_state.pop(K_DATES, None)


def _dates_from_years(options: FilterOptions) -> None:
    """A span of years picked: the filter runs from 1 January of the first to 31 December of the last
    (the two picks swap when given in the wrong order)."""
    a, b = sorted((int(st.session_state[K_YEAR_FROM]), int(st.session_state[K_YEAR_TO])))
    lo, hi = max(date(a, 1, 1), options.date_min), min(date(b, 12, 31), options.date_max)
    st.session_state[K_FROM] = None if lo <= options.date_min else lo
    st.session_state[K_TO] = None if hi >= options.date_max else hi
    st.session_state.pop(K_DATES, None)


def years_control(options: FilterOptions, now: tuple[date, date]) -> None:
    """Two year pickers side by side ("from 2023 to 2025"): several years in two clicks, where the slider
    moves a fortnight a pixel. They show the years the current range touches."""
    s = st.session_state
    years = list(range(options.date_min.year, options.date_max.year + 1))
    if len(years) < 2:
        return
    s[K_YEAR_FROM], s[K_YEAR_TO] = now[0].year, now[1].year
    with st.sidebar.container(horizontal=True):
        st.selectbox(_("From year"), years, key=K_YEAR_FROM, on_change=_dates_from_years, args=(options,),
                     help=_("Whole years: from 1 January of this year…"))
        st.selectbox(_("to year"), years, key=K_YEAR_TO, on_change=_dates_from_years, args=(options,),
                     help=_("…to 31 December of this one."))


def date_range_control(options: FilterOptions) -> None:
    """Quick choices plus a slider over the data's dates; both apply at once (no calendar to close)."""
    dom = _domain(options)
    if dom is None:
        return
    sb, s = st.sidebar, st.session_state
    quick = quick_ranges(options)
    names = {ALL: _("All"), LATEST: _("Latest 12 months")}
    now = (s.get(K_FROM) or options.date_min, s.get(K_TO) or options.date_max)
    s[K_PERIOD] = next((k for k, rng in quick.items() if rng == now), None)  # the choice the range matches
    sb.segmented_control(_("Dates"), list(quick), key=K_PERIOD, format_func=lambda k: names.get(k, k),
                         on_change=_dates_from_period, args=(options,),
                         help=_("Latest 12 months: the year before the newest event in the data."))
    years_control(options, now)
    lo = s.get(K_FROM) or dom[0]
    hi = s.get(K_TO) or dom[1]
    s[K_DATES] = (max(min(lo, dom[1]), dom[0]), min(max(hi, dom[0]), dom[1]))
    sb.slider(_("Date range"), min_value=dom[0], max_value=dom[1], key=K_DATES, step=timedelta(days=1),
              format="YYYY-MM-DD", on_change=_dates_from_slider, args=(options,), label_visibility="collapsed",
              help=_("Events ending on or after the first date and starting on or before the second."))


def write_query_params(f: Filters, keep: tuple[str, ...] = ()) -> None:
    """Replace the URL's query parameters with the filters, the interface's language (`lang=`, left out
    for the default) and the current values of the `keep` keys (a page's own parameters); skipped when
    already equal."""
    wanted = filters_to_query_params(f)
    lang = language_state.url_value()
    if lang:
        wanted[language_state.QP_LANG] = lang
    for k in keep:
        if k in st.query_params:
            wanted[k] = st.query_params.get_all(k)
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if have != wanted:
        st.query_params.from_dict(wanted)
