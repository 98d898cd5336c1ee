"""Overview: headline figures, a small timeline, the leading themes, and where the data comes from."""

import pandas as pd
import streamlit as st

from dashboard import charts, ui

ctx = ui.page_context()
ui.header("ASEAN digital diplomacy at a glance", ctx,
          "Events, countries, people and themes extracted from news articles, each traceable to its source sentence.")
ui.stop_if_empty(ctx)
f = ctx.filtered
ev = f["events"]

c = st.columns(5)
c[0].metric("Events", len(ev))
c[1].metric("Countries", f["participants"]["iso3"].nunique())
c[2].metric("People named", f["attendees"]["name"].nunique())
c[3].metric("Source articles", f["articles"]["article_id"].nunique())
lo, hi = ev["start_date"].min(), ev["end_date"].max()
if pd.isna(lo):
    c[4].metric("Years", "—")
else:
    c[4].metric("Years", f"{lo:%Y}" if lo.year == hi.year else f"{lo:%Y}–{hi:%Y}",
                help=f"First event {lo:%d %b %Y}, last event ends {hi:%d %b %Y}")

st.subheader("Events over time")
tl = charts.timeline_data(ev, f["themes"], ctx.theme_labels)
ui.show_chart(charts.timeline_figure(tl, color_by="leading_theme", height=280, compact=True), "overview-timeline",
              key="ov_timeline")
st.caption("Marker size: number of participating countries; colour: the event's leading theme. "
           "Open the Timeline page to read each event.")

st.subheader("Leading themes")
totals = charts.theme_totals(f["evidence"], ctx.theme_labels)
ui.show_chart(charts.theme_totals_figure(totals, height=320), "overview-themes", key="ov_themes")
st.caption("Evidence sentences per theme across the filtered events; the Themes page lists every sentence.")

st.subheader("Where the data comes from")
arts = f["articles"]
by_outlet = (arts.assign(outlet=arts["outlet"].fillna("outlet not stated"))
             .groupby("outlet").agg(articles=("article_id", "nunique"), events=("event_id", "nunique"))
             .reset_index().sort_values(["articles", "outlet"], ascending=[False, True]))
ui.show_table(by_outlet, "overview-outlets", key="ov_outlets")
all_arts = ctx.tables["articles"]
n_rej = int((all_arts["status"] == "rejected").sum())
st.caption(f"{len(all_arts)} files read, {len(all_arts) - n_rej} included, {n_rej} rejected "
           "(reasons on the Sources page).")
