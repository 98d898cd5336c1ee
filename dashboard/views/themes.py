"""Themes: each event's theme shares, a theme × country matrix, and the evidence sentences behind
a chosen theme, so a reader sees why each bar is as high as it is."""

import streamlit as st

from dashboard import charts, data, queries, ui

ctx = ui.page_context()
ui.header("Themes", ctx, "How each event's coverage splits across the six uses of digital diplomacy.")
ui.stop_if_empty(ctx)
f = ctx.filtered

with st.expander("What each theme means", expanded=False):
    cat = data.theme_catalog()
    ui.show_table(cat.rename(columns={"code": "code", "label": "theme", "definition": "what counts"}),
                  "theme-definitions", key="th_definitions")

st.subheader("Theme shares per event")
shares = charts.theme_share_data(f["events"], f["themes"], ctx.theme_labels)
ui.show_chart(charts.theme_shares_figure(shares, list(ctx.theme_labels)), "theme-shares-per-event", key="th_shares")
st.caption("Share of each event's theme evidence (sentences matching a theme's cues). "
           "With a theme filter, bars show only the chosen themes' shares.")

st.subheader("Themes × countries")
matrix = charts.theme_country_matrix(f["participants"], f["themes"], ctx.theme_labels)
ui.show_chart(charts.theme_country_heatmap(matrix), "theme-country-matrix", key="th_matrix")
st.caption("Evidence sentences at the events each country took part in. ASEAN members first.")

st.subheader("The evidence behind a theme")
present = [t for t in ctx.theme_labels if t in set(f["evidence"]["theme"])]
if not present:
    st.info("No theme evidence for the filtered events.")
    st.stop()
theme = st.selectbox("Theme", present, key="th_theme", format_func=lambda t: ctx.theme_labels.get(t, t))
ev = f["evidence"][f["evidence"]["theme"] == theme]
arts = ctx.tables["articles"][["article_id", "outlet", "published_date"]]
events = f["events"][["event_id", "name", "start_date"]].rename(columns={"name": "event"})
rows = (ev.merge(events, on="event_id", how="left").merge(arts, on="article_id", how="left")
        .sort_values(["start_date", "article_id", "char_start"]))
st.markdown(f"**{len(rows)} sentences** from {rows['article_id'].nunique()} articles about "
            f"{rows['event_id'].nunique()} events.")
for (event, start), g in rows.groupby(["event", "start_date"], sort=False, dropna=False):
    st.markdown(f"##### {event} · {queries.date_span(start, start)}")
    for (sentence, article_id), grp in g.groupby(["sentence", "article_id"], sort=False):
        first = grp.iloc[0]
        spans = queries.cue_spans(str(sentence), list(grp["cue"]), theme)
        source = f"{queries.clean(first['outlet']) or 'outlet not stated'}, {queries.fmt_date(first['published_date'])}"
        st.markdown(queries.highlight_html(str(sentence), spans)
                    + f'<div style="color:#555;font-size:0.9rem;margin:-0.4rem 0 0.8rem 0">— {source} · article '
                    f"{article_id}</div>", unsafe_allow_html=True)
