"""Overview: headline figures, a small timeline, the leading themes, and where the data comes from.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n, numbers and dates in the locale's form,
country names from CLDR in the interface's language."""

import pandas as pd
import streamlit as st

from dashboard import i18n, queries, ui
from dashboard.i18n import _, ngettext
from dashboard.labels import empty_text
from dashboard.safe_text import md
from dashboard.figures import charts, partners
from dashboard.theme_measures import DEFAULT_MEASURE, HOW_MADE, MEASURES, SHORT_NOTE
from dashboard.state.context import derived

ctx = ui.page_context()
ui.header(_("ASEAN digital diplomacy at a glance"), ctx,
          _("Events, countries, people and themes extracted from news articles, each traceable to its source "
            "sentence."))
ui.stop_if_empty(ctx)
f = ctx.filtered
ev = f["events"]
num = i18n.format_number

chosen = list(ctx.filters.countries)
with st.container(horizontal=True, gap="small"):  # wraps onto a second line in narrow windows
    st.metric(_("Events"), num(len(ev)), width=140)
    st.metric(_("Countries"), num(f["participants"]["iso3"].nunique()), width=140,
              help=_("Countries taking part in the filtered events (with a country filter: the chosen countries "
                     "and every partner they met there)."))
    if chosen:
        st.metric(_("Partners"), num(f["participants"].loc[~f["participants"]["iso3"].isin(chosen), "iso3"].nunique()),
                  width=140, help=_("Other countries at the chosen countries' events."))
    st.metric(_("People named"), num(f["attendees"]["name"].nunique()), width=140)
    st.metric(_("Source articles"), num(f["articles"]["article_id"].nunique()), width=140)
    lo, hi = ev["start_date"].min(), ev["end_date"].max()
    st.metric(_("Years"), empty_text() if pd.isna(lo) else f"{lo:%Y}" if lo.year == hi.year else f"{lo:%Y}–{hi:%Y}",
              width=200, help=None if pd.isna(lo) else _("First event {first}, last event ends {last}").format(
                  first=i18n.format_date(lo, format="medium"), last=i18n.format_date(hi, format="medium")))

if chosen:  # a country view: with whom did the chosen countries meet?
    who = ", ".join(i18n.country_name(c, ctx.options.countries.get(c, c)) for c in chosen)
    st.subheader(_("With whom: partners of {countries}").format(countries=md(who)))
    rows = ctx.tables["participants"] if ctx.filters.only_chosen else f["participants"]
    table = partners.partner_table(rows, ev, chosen)
    ui.show_chart(partners.partners_figure(table, who), "partners", key="ov_partners",
                  title=_("Partners of {countries}").format(countries=who))
    note = partners.implied_note(rows, ev)
    st.caption(ngettext("Countries that took part in the same events as {countries}, ranked by events shared (in "
                        "brackets: share of {countries}'s {n} filtered event).",
                        "Countries that took part in the same events as {countries}, ranked by events shared (in "
                        "brackets: share of {countries}'s {n} filtered events).", len(ev)).format(
                            countries=md(who), n=num(len(ev)))
               + (f" {md(note)}" if note else ""))
    if not table.empty:
        iso_of = {name: iso for iso, name in ctx.options.countries.items()}   # the data's (English) names
        shown = table.assign(   # for reading: country names in the interface's language, yes/no in words
            country=[i18n.country_name(i, n) for i, n in zip(table["iso3"], table["country"])],
            ASEAN=table["ASEAN"].map({"yes": _("yes"), "no": _("no")}).fillna(table["ASEAN"]),
            **{"with": [", ".join(i18n.country_name(iso_of[n], n) if n in iso_of else n for n in w.split(", "))
                        for w in table["with"]]},
        )
        ui.show_table(shown if len(chosen) > 1 else shown.drop(columns="with"), "partners-table",
                      key="ov_partners_table",
                      column_config={"country": _("country"), "iso3": _("iso3"), "ASEAN": "ASEAN",
                                     "share_of_events": st.column_config.NumberColumn(_("share of events"),
                                                                                      format="percent"),
                                     "shared_events": _("shared events"), "with": _("with"), "events": _("events")})
        who_met = ui.lazy_expander(_("Who met whom: co-attendance of the chosen countries and their top partners"),
                                   key="ov_who_met")
        with who_met:
            if who_met.open:
                matrix = partners.co_attendance(rows[rows["event_id"].isin(ev["event_id"])],
                                                chosen + list(table["iso3"][:12]))
                ui.show_chart(partners.co_attendance_figure(matrix), "co-attendance", key="ov_coattendance",
                              title=_("Who met whom: {countries} and their top partners").format(countries=who))
                st.caption(_("Each cell counts the filtered events both countries took part in; the diagonal, "
                             "a country's own."))

st.subheader(_("Events over time"))
ui.show_timeline(ctx, ev, "overview-timeline", "ov_timeline", compact=True)
if len(ev) <= charts.MAX_MARKERS:
    st.caption(_("Marker size: number of participating countries; colour: the event's leading theme. "
                 "Open the Timeline page to read each event."))

st.subheader(_("Leading themes"))

totals = derived(ctx, "theme_totals", lambda: charts.theme_totals(ev, f["evidence"], f["articles"], ctx.theme_labels,
                                                                  DEFAULT_MEASURE), DEFAULT_MEASURE)
ui.show_chart(charts.theme_totals_figure(totals, DEFAULT_MEASURE, height=320), "overview-themes", key="ov_themes",
              note=_(SHORT_NOTE))   # theme_measures' texts are msgids, translated here where shown
st.caption(ngettext("Bars: {measure}, out of the {n} filtered event (an event touches a theme when at least one "
                    "sentence in its articles matches the theme's cues). The Themes page offers sentence counts "
                    "too and lists every sentence.",
                    "Bars: {measure}, out of the {n} filtered events (an event touches a theme when at least one "
                    "sentence in its articles matches the theme's cues). The Themes page offers sentence counts "
                    "too and lists every sentence.", len(ev)).format(measure=_(MEASURES[DEFAULT_MEASURE]),
                                                                      n=num(len(ev))))
with st.expander(_("How these figures are made")):
    st.markdown(_(HOW_MADE))

st.subheader(_("Where the data comes from"))
by_outlet = queries.outlet_counts(f["articles"])
ui.show_table(by_outlet, "overview-outlets", key="ov_outlets",
              column_config={"outlet": _("outlet"), "articles": _("articles"), "events": _("events")})
all_arts = ctx.tables["articles"]
n_rej = int((all_arts["status"] == "rejected").sum())
st.caption(_("{files} files read, {included} included, {rejected} rejected (reasons on the Sources page).").format(
    files=num(len(all_arts)), included=num(len(all_arts) - n_rej), rejected=num(n_rej)))
