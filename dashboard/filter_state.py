"""Streamlit glue for the global filters: sidebar widgets backed by session_state, seeded from the
URL on a session's first run and written back to the URL on every run (so page switches, reloads
and shared links keep them).

Besides the filters, a page may own query parameters of its own (PAGE_PARAMS, e.g. the Timeline's
`card=<event_id>`). They are not filters and narrow nothing: the rewrite on every run keeps them while
their page is shown and drops them on any other page; the page itself reads and sets them through
st.query_params after sidebar_filters has run."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard.filters import (
    FilterOptions, Filters, filters_from_query_params, filters_to_query_params,
)

# Widget keys (prefix "flt_": the global filters).
K_EVENTS, K_COUNTRIES, K_THEMES = "flt_events", "flt_countries", "flt_themes"
K_FROM, K_TO, K_ASEAN = "flt_date_from", "flt_date_to", "flt_asean_only"
K_SEEDED = "flt_seeded"
K_RESET = "flt_reset"

# Page-owned query parameters, by the page's url_path (as st.navigation reports it).
QP_CARD = "card"  # Timeline: the event whose card is open
PAGE_PARAMS: dict[str, tuple[str, ...]] = {"timeline": (QP_CARD,)}

_WIDE_MIN, _WIDE_MAX = date(1990, 1, 1), date(2100, 12, 31)


def _set_state(f: Filters) -> None:
    st.session_state[K_EVENTS] = list(f.events)
    st.session_state[K_COUNTRIES] = list(f.countries)
    st.session_state[K_THEMES] = list(f.themes)
    st.session_state[K_FROM] = f.date_from
    st.session_state[K_TO] = f.date_to
    st.session_state[K_ASEAN] = f.asean_only


def reset_filters() -> None:
    """Clear every filter (a button callback: runs before the script, so widgets pick it up)."""
    _set_state(Filters())


def current_filters() -> Filters:
    """The filters as the widgets hold them now."""
    s = st.session_state
    return Filters(
        events=tuple(s.get(K_EVENTS) or ()), countries=tuple(s.get(K_COUNTRIES) or ()),
        themes=tuple(s.get(K_THEMES) or ()), date_from=s.get(K_FROM), date_to=s.get(K_TO),
        asean_only=bool(s.get(K_ASEAN, False)),
    )


def _seed_from_url(options: FilterOptions) -> None:
    """On a session's first run, take the filters from the URL (unknown values dropped)."""
    if st.session_state.get(K_SEEDED):
        return
    _set_state(filters_from_query_params(st.query_params, options))
    st.session_state[K_SEEDED] = True


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
    _sanitise(options)
    sb = st.sidebar
    sb.header("Filters")
    sb.toggle("ASEAN members only", key=K_ASEAN,
              help="Only ASEAN member states (membership on each event's date).")
    asean_only = bool(st.session_state.get(K_ASEAN))
    country_codes = [c for c in options.countries if not asean_only or c in options.asean]
    sb.multiselect(
        "Countries", country_codes, key=K_COUNTRIES, placeholder="All countries",
        format_func=lambda c: f"{options.countries.get(c, c)} ({c})" + (" · ASEAN" if c in options.asean else ""),
        help="ASEAN members are listed first. Keeps events where any chosen country took part.",
    )
    sb.multiselect("Events", list(options.events), key=K_EVENTS, placeholder="All events",
                   format_func=lambda e: options.events.get(e, e))
    sb.multiselect("Themes", list(options.themes), key=K_THEMES, placeholder="All themes",
                   format_func=lambda t: options.themes.get(t, t),
                   help="Keeps events with evidence for any chosen theme.")
    sb.date_input("From", key=K_FROM, min_value=_WIDE_MIN, max_value=_WIDE_MAX, format="YYYY-MM-DD",
                  help=f"Events ending on or after this date (earliest in the data: {options.date_min}).")
    sb.date_input("To", key=K_TO, min_value=_WIDE_MIN, max_value=_WIDE_MAX, format="YYYY-MM-DD",
                  help=f"Events starting on or before this date (latest in the data: {options.date_max}).")
    sb.button("Reset filters", key=K_RESET, on_click=reset_filters, icon=":material/restart_alt:",
              width="stretch")
    f = current_filters()
    write_query_params(f, keep=PAGE_PARAMS.get(page, ()))
    return f


def write_query_params(f: Filters, keep: tuple[str, ...] = ()) -> None:
    """Replace the URL's query parameters with the filters plus the current values of the `keep`
    keys (a page's own parameters); skipped when already equal."""
    wanted = filters_to_query_params(f)
    for k in keep:
        if k in st.query_params:
            wanted[k] = st.query_params.get_all(k)
    have = {k: st.query_params.get_all(k) for k in st.query_params}
    if have != wanted:
        st.query_params.from_dict(wanted)
