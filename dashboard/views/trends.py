"""Trends: has it shifted over the years? Events per period by type, each theme's share of the period's
events with its n, and a chosen country's partners per period. The figures come from
dashboard.figures.trends (pure pandas and plotly); this page only lays them out."""

import streamlit as st

from dashboard import ui
from dashboard.figures import partners, trends
from dashboard.safe_text import md
from dashboard.state.context import derived
from dashboard.theme_measures import SHORT_NOTE

ctx = ui.page_context()
ui.header("Trends", ctx, "Has it shifted over the years? Each period with the number of events behind it.")
ui.stop_if_empty(ctx)
f = ctx.filtered
events = f["events"]
unit = derived(ctx, "trend_unit", lambda: trends.period_unit(events))
undated = derived(ctx, "trend_undated", lambda: trends.n_undated(events))
span = {"year": "", "quarter": " (the filtered events span under three years)",
        "month": " (the filtered events span under a year)"}[unit]
st.caption(f"Events are counted per {unit} of their start date{span}"
           + (f"; {undated} undated events are left out." if undated else "."))

st.subheader(f"Events per {unit}")
per_type = derived(ctx, "trend_events", lambda: trends.events_per_period(events, unit), unit)
ui.show_chart(trends.events_per_period_figure(per_type, unit, title=f"Events per {unit}, by event type"),
              f"events-per-{unit}", key="tr_events")

st.subheader(f"Theme shares per {unit}")
shares = derived(ctx, "trend_theme_shares", lambda: trends.theme_share_per_period(
    events, f["evidence"], f["articles"], ctx.theme_labels, unit), unit)
ui.show_chart(trends.theme_share_figure(shares, unit, title=f"Share of events touching each theme, per {unit}"),
              f"theme-shares-per-{unit}", key="tr_shares",
              note=f"{SHORT_NOTE} Under {trends.MIN_EVENTS} events in a {unit}: shown grey and dotted.")
st.caption(f"Each point: the share of the {unit}'s events that touch the theme (at least one sentence in any of "
           "their articles supports it, as the Themes page's Events measure), out of the n events of that "
           f"{unit} named under the axis. A {unit} with fewer than {trends.MIN_EVENTS} events is grey, its marker "
           "open and the line to it dotted: one event more or less moves its share by 20 points or more, so a "
           f"share over few events means little. A {unit} without events is a gap.")

st.subheader(f"Partners per {unit}")
rows = ctx.tables["participants"] if ctx.filters.only_chosen else f["participants"]
choices = derived(ctx, "trend_countries", lambda: trends.country_options(rows, events, ctx.options.countries))
if not choices:
    st.info("No participating country is named for these events.")
    st.stop()
default = trends.default_country(choices, ctx.filters.countries)
iso3 = st.selectbox("Country", list(choices), index=list(choices).index(default), format_func=choices.get,
                    key=f"tr_country_{default}",  # a new sidebar country opens on that country
                    help="Whose partners to follow: the countries at the same events, per period.")
who = choices[iso3]
per_partner = derived(ctx, "trend_partners", lambda: trends.partners_per_period(rows, events, iso3, unit), iso3, unit)
ui.show_chart(trends.partners_per_period_figure(per_partner, who, unit, title=f"Events shared with {who}, per {unit}"),
              f"partners-per-{unit}", key="tr_partners")
st.caption(md(f"Each cell: the events in that {unit} at which {who} and the partner both took part; n under the "
              f"axis is {who}'s own events in the {unit}. The {trends.TOP_PARTNERS} partners with most shared "
              "events overall are named; \"others\" counts the events shared with any other partner, each once."))
note = derived(ctx, "trend_implied", lambda: partners.implied_note(rows, events))
if note:
    st.caption(note)
