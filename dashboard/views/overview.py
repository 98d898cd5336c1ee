"""Overview: headline figures, a small timeline, the leading themes, and where the data comes from."""

import pandas as pd
import streamlit as st

from dashboard import queries, ui
from dashboard.safe_text import md
from dashboard.figures import charts, partners
from dashboard.theme_measures import DEFAULT_MEASURE, HOW_MADE, MEASURES, SHORT_NOTE
from dashboard.state.context import derived

ctx = ui.page_context()
ui.header("ASEAN digital diplomacy at a glance", ctx,
          "Events, countries, people and themes extracted from news articles, each traceable to its source sentence.")
ui.stop_if_empty(ctx)
f = ctx.filtered
ev = f["events"]

chosen = list(ctx.filters.countries)
with st.container(horizontal=True, gap="small"):  # wraps onto a second line in narrow windows
    st.metric("Events", len(ev), width=140)
    st.metric("Countries", f["participants"]["iso3"].nunique(), width=140,
              help="Countries taking part in the filtered events (with a country filter: the chosen countries "
                   "and every partner they met there).")
    if chosen:
        st.metric("Partners", f["participants"].loc[~f["participants"]["iso3"].isin(chosen), "iso3"].nunique(),
                  width=140, help="Other countries at the chosen countries' events.")
    st.metric("People named", f["attendees"]["name"].nunique(), width=140)
    st.metric("Source articles", f["articles"]["article_id"].nunique(), width=140)
    lo, hi = ev["start_date"].min(), ev["end_date"].max()
    st.metric("Years", ui.EMPTY_TEXT if pd.isna(lo) else f"{lo:%Y}" if lo.year == hi.year else f"{lo:%Y}–{hi:%Y}",
              width=200, help=None if pd.isna(lo) else f"First event {lo:%d %b %Y}, last event ends {hi:%d %b %Y}")

if chosen:  # a country view: with whom did the chosen countries meet?
    who = ", ".join(ctx.options.countries.get(c, c) for c in chosen)
    st.subheader(f"With whom: partners of {md(who)}")
    rows = ctx.tables["participants"] if ctx.filters.only_chosen else f["participants"]
    table = partners.partner_table(rows, ev, chosen)
    ui.show_chart(partners.partners_figure(table, who), "partners", key="ov_partners", title=f"Partners of {who}")
    note = partners.implied_note(rows, ev)
    st.caption(f"Countries that took part in the same events as {md(who)}, ranked by events shared "
               f"(in brackets: share of {md(who)}'s {len(ev)} filtered events)." + (f" {md(note)}" if note else ""))
    if not table.empty:
        ui.show_table(table if len(chosen) > 1 else table.drop(columns="with"), "partners-table", key="ov_partners_table",
                      column_config={"share_of_events": st.column_config.NumberColumn("share of events", format="percent"),
                                     "shared_events": "shared events"})
        who_met = ui.lazy_expander("Who met whom: co-attendance of the chosen countries and their top partners",
                                   key="ov_who_met")
        with who_met:
            if who_met.open:
                matrix = partners.co_attendance(rows[rows["event_id"].isin(ev["event_id"])],
                                                chosen + list(table["iso3"][:12]))
                ui.show_chart(partners.co_attendance_figure(matrix), "co-attendance", key="ov_coattendance",
                              title=f"Who met whom: {who} and their top partners")
                st.caption("Each cell counts the filtered events both countries took part in; the diagonal, "
                           "a country's own.")

st.subheader("Events over time")
ui.show_timeline(ctx, ev, "overview-timeline", "ov_timeline", compact=True)
if len(ev) <= charts.MAX_MARKERS:
    st.caption("Marker size: number of participating countries; colour: the event's leading theme. "
               "Open the Timeline page to read each event.")

st.subheader("Leading themes")

totals = derived(ctx, "theme_totals", lambda: charts.theme_totals(ev, f["evidence"], f["articles"], ctx.theme_labels,
                                                                  DEFAULT_MEASURE), DEFAULT_MEASURE)
ui.show_chart(charts.theme_totals_figure(totals, DEFAULT_MEASURE, height=320), "overview-themes", key="ov_themes",
              note=SHORT_NOTE)
st.caption(f"Bars: {MEASURES[DEFAULT_MEASURE]}, out of the {len(ev)} filtered events (an event touches a theme "
           "when at least one sentence in its articles matches the theme's cues). The Themes page offers "
           "sentence counts too and lists every sentence.")
with st.expander("How these figures are made"):
    st.markdown(HOW_MADE)

st.subheader("Where the data comes from")
by_outlet = queries.outlet_counts(f["articles"])
ui.show_table(by_outlet, "overview-outlets", key="ov_outlets")
all_arts = ctx.tables["articles"]
n_rej = int((all_arts["status"] == "rejected").sum())
st.caption(f"{len(all_arts)} files read, {len(all_arts) - n_rej} included, {n_rej} rejected "
           "(reasons on the Sources page).")
