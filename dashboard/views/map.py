"""Map: participating countries shaded by number of events, ASEAN members outlined; for a chosen
event, arcs from the host to each participant; with a country filter and no event chosen, arcs from
the chosen countries to their partners. Polygons ship with the app: no tiles, no token."""

import streamlit as st

from dashboard import ui
from dashboard.safe_text import md
from dashboard.figures import map_figures, partners
from dashboard.state import context

ctx = ui.page_context()
ui.header("Map", ctx, "Countries shaded by the number of events they took part in; ASEAN members outlined.")
ui.stop_if_empty(ctx)

f = ctx.filtered
ev = f["events"].sort_values("start_date")
names = ctx.options.events   # event_id -> labels.event_label, made once per build
choice = st.selectbox("Draw links for one event", ["(all events)"] + list(ev["event_id"]), key="map_event",
                      format_func=lambda e: names.get(e, e),
                      help="Arcs run from the event's city (or the host country) to each participant.")

parts = f["participants"]
if choice != "(all events)":
    parts = parts[parts["event_id"] == choice]
counts = context.derived(ctx, "map_counts", lambda: map_figures.country_event_counts(parts, ev), choice)
arcs = map_figures.event_arcs(ev.loc[ev["event_id"] == choice].iloc[0], parts) if choice != "(all events)" else None

chosen = list(ctx.filters.countries)
if arcs is None and chosen:  # a country view: who the chosen countries met
    allp = ctx.tables["participants"]
    allp = allp[allp["event_id"].isin(ev["event_id"])]
    arcs = partners.partner_arcs(partners.partner_table(allp, ev, chosen), chosen, allp)

if counts.empty:
    st.info("No participating countries for this selection.")
    st.stop()
asean = set(ctx.options.asean)
st.pydeck_chart(map_figures.build_deck(counts, asean, arcs), height=560, key="map_deck")

st.markdown(map_figures.legend_html(counts), unsafe_allow_html=True)
st.caption("Hover a country for its events. Drag to pan, scroll to zoom. "
           + ("Arcs: event city (dot) → participant; right-drag to tilt. " if choice != "(all events)" and arcs is not None
              and not arcs.empty else "")
           + ("Arcs: chosen country (dot) → each partner it met at the filtered events; hover an arc for how "
              "many events they shared. " if choice == "(all events)" and arcs is not None and not arcs.empty else "")
           + "Outlines: Natural Earth 1:50m, shipped with the app.")
st.caption(md(map_figures.shaded_countries_text(counts)))  # country names from the data

image_box = ui.lazy_expander("The map as an image (for slides)", key="map_image")
with image_box:
    if image_box.open:
        title = "Countries at ASEAN digital-diplomacy events" if choice == "(all events)" else names.get(choice, choice)
        ui.show_chart(map_figures.build_static_map_figure(counts, asean, title, arcs=arcs), "map", key="map_static")

with st.expander("Countries on the map", expanded=False):
    ui.show_table(counts.sort_values(["is_asean", "n_events"], ascending=[False, False]), "map-countries",
                  key="map_table")
