"""People and organisations: who attended which events, for which country, with their titles."""

import streamlit as st

from dashboard import queries, ui
from dashboard.figures import charts
from dashboard.state.context import derived, per_build

ctx = ui.page_context()
ui.header("People and organisations", ctx, "Attendees named in the sources, with titles as the text gives them.")
ui.stop_if_empty(ctx)
f = ctx.filtered

st.subheader("People named per event")
page_events = ui.events_for_chart(f["events"], "pp_chart")
counts = derived(ctx, "attendee_counts", lambda: charts.attendee_counts(
    f["attendees"], page_events, ctx.tables["participants"]), tuple(page_events["event_id"]))
parts = ctx.tables["participants"]
asean_names = per_build(ctx, "asean_names", lambda: set(parts.loc[parts["is_asean"], "country"]))
ui.show_chart(charts.attendees_figure(counts, asean_names), "attendees-by-event", key="pp_chart")

st.subheader("People")
people = derived(ctx, "people_summary", lambda: queries.people_summary(f["attendees"], f["events"],
                                                                       ctx.tables["participants"]))
if people.empty:
    st.info("No attendees named for the filtered events.")
else:
    ui.show_table(people, "people", key="pp_people")

st.subheader("Countries")
countries = derived(ctx, "country_summary", lambda: queries.country_summary(f["participants"], f["events"],
                                                                            f["attendees"]))
if countries.empty:
    st.info("No participating countries for the filtered events.")
else:
    ui.show_table(countries, "countries", key="pp_countries")

st.subheader("Organisations")
orgs = derived(ctx, "organisation_table", lambda: queries.organisation_table(f["attendees"], f["events"]))
if orgs.empty:
    st.caption("No organisations named for the filtered events.")
else:
    ui.show_table(orgs, "organisations", key="pp_orgs")
