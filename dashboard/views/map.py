"""Map: participating countries shaded by number of events, ASEAN members outlined; for a chosen
event, arcs from the host to each participant; with a country filter and no event chosen, arcs from
the chosen countries to their partners. Polygons ship with the app: no tiles, no token.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n; country names from CLDR in the
interface's language (map_figures.country_event_counts)."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import _
from dashboard.safe_text import md
from dashboard.figures import map_figures, partners
from dashboard.state import context

ALL_EVENTS = "(all events)"   # the picker's first option: a code, shown as _("(all events)")

ctx = ui.page_context()
ui.header(_("Map"), ctx, _("Countries shaded by the number of events they took part in; ASEAN members outlined."))
ui.stop_if_empty(ctx)

f = ctx.filtered
ev = f["events"].sort_values("start_date")
names = ctx.options.events   # event_id -> labels.event_label, made once per build
all_events = _("(all events)")
choice = st.selectbox(_("Draw links for one event"), [ALL_EVENTS] + list(ev["event_id"]), key="map_event",
                      format_func=lambda e: all_events if e == ALL_EVENTS else names.get(e, e),
                      help=_("Arcs run from the event's city (or the host country) to each participant."))

parts = f["participants"]
if choice != ALL_EVENTS:
    parts = parts[parts["event_id"] == choice]
counts = context.derived(ctx, "map_counts", lambda: map_figures.country_event_counts(parts, ev), choice)
arcs = map_figures.event_arcs(ev.loc[ev["event_id"] == choice].iloc[0], parts) if choice != ALL_EVENTS else None

chosen = list(ctx.filters.countries)
if arcs is None and chosen:  # a country view: who the chosen countries met
    allp = ctx.tables["participants"]
    allp = allp[allp["event_id"].isin(ev["event_id"])]
    arcs = partners.partner_arcs(partners.partner_table(allp, ev, chosen), chosen, allp)

if counts.empty:
    st.info(_("No participating countries for this selection."))
    st.stop()
asean = set(ctx.options.asean)
st.pydeck_chart(map_figures.build_deck(counts, asean, arcs), height=560, key="map_deck")

st.markdown(map_figures.legend_html(counts), unsafe_allow_html=True)
has_arcs = arcs is not None and not arcs.empty
how = [_("Hover a country for its events. Drag to pan, scroll to zoom.")]
if has_arcs and choice != ALL_EVENTS:
    how.append(_("Arcs: event city (dot) → participant; right-drag to tilt."))
elif has_arcs:
    how.append(_("Arcs: chosen country (dot) → each partner it met at the filtered events; hover an arc for how "
                 "many events they shared."))
how.append(_("Outlines: Natural Earth 1:50m, shipped with the app."))
st.caption(" ".join(how))
st.caption(md(map_figures.shaded_countries_text(counts)))  # country names from the data

image_box = ui.lazy_expander(_("The map as an image (for slides)"), key="map_image")
with image_box:
    if image_box.open:
        title = _("Countries at ASEAN digital-diplomacy events") if choice == ALL_EVENTS else names.get(choice, choice)
        ui.show_chart(map_figures.build_static_map_figure(counts, asean, title, arcs=arcs), "map", key="map_static")

with st.expander(_("Countries on the map"), expanded=False):
    ui.show_table(counts.sort_values(["is_asean", "n_events"], ascending=[False, False]), "map-countries",
                  key="map_table",
                  column_config={"iso3": _("iso3"), "country": _("country"), "n_events": _("n_events"),
                                 "event_names": _("event_names"), "is_asean": _("is_asean")})
