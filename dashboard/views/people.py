"""People and organisations: who attended which events, for which country, with their titles.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n; the tables' values of ours (country
names, yes/no, roles) come in the interface's language from dashboard.queries, their headers from
column_config here (the frames keep the code's column names)."""

import streamlit as st

from dashboard import queries, ui
from dashboard.figures import charts
from dashboard.i18n import _
from dashboard.state.context import derived, per_build

ctx = ui.page_context()
ui.header(_("People and organisations"), ctx, _("Attendees named in the sources, with titles as the text gives them."))
ui.stop_if_empty(ctx)
f = ctx.filtered

st.subheader(_("People named per event"))
page_events = ui.events_for_chart(f["events"], "pp_chart")
counts = derived(ctx, "attendee_counts", lambda: charts.attendee_counts(
    f["attendees"], page_events, ctx.tables["participants"]), tuple(page_events["event_id"]))
parts = ctx.tables["participants"]
asean_names = per_build(ctx, "asean_names", lambda: set(parts.loc[parts["is_asean"], "country"]))
ui.show_chart(charts.attendees_figure(counts, asean_names), "attendees-by-event", key="pp_chart")

st.subheader(_("People"))
people = derived(ctx, "people_summary", lambda: queries.people_summary(f["attendees"], f["events"],
                                                                       ctx.tables["participants"]))
if people.empty:
    st.info(_("No attendees named for the filtered events."))
else:
    ui.show_table(people, "people", key="pp_people",
                  column_config={"name": _("name"), "titles": _("titles"), "organizations": _("organizations"),
                                 "country": _("country"), "n_events": _("n_events"), "events": _("events")})

st.subheader(_("Countries"))
countries = derived(ctx, "country_summary", lambda: queries.country_summary(f["participants"], f["events"],
                                                                            f["attendees"]))
if countries.empty:
    st.info(_("No participating countries for the filtered events."))
else:
    ui.show_table(countries, "countries", key="pp_countries",
                  column_config={"country": _("country"), "iso3": _("iso3"), "ASEAN": "ASEAN",
                                 "n_events": _("n_events"), "roles": _("roles"), "events": _("events"),
                                 "people": _("people")})

st.subheader(_("Organisations"))
orgs = derived(ctx, "organisation_table", lambda: queries.organisation_table(f["attendees"], f["events"]))
if orgs.empty:
    st.caption(_("No organisations named for the filtered events."))
else:
    ui.show_table(orgs, "organisations", key="pp_orgs",
                  column_config={"organization": _("organization"), "people": _("people"), "events": _("events")})
