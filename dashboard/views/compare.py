"""Compare countries: two to four countries side by side over the filtered events ("How do Indonesia and
Australia compare?"): the events each took part in and shared, each one's partners, their theme
profiles, the people who represented each, then the co-attendance network of the filtered events.

The choice lives in the URL as a repeatable `compare=<ISO3>` (this page's own parameter: it narrows
nothing and other pages drop it). The work is in dashboard.figures.compare; this page lays it out.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n, numbers in the locale's form, country
names from CLDR in the interface's language (the tables keep the data's codes)."""

import streamlit as st

from dashboard import i18n, ui
from dashboard.figures import compare
from dashboard.i18n import _, ngettext
from dashboard.safe_text import md
from dashboard.state.context import derived
from dashboard.theme_measures import SHORT_NOTE

QP_COMPARE = "compare"                # url_contract: ISO3 code, repeatable
K_CHOICE = "cmp_countries"            # the multiselect
K_URL = "cmp_url_compare"             # the `compare` values this page last left in the URL

ctx = ui.page_context()
ui.header(_("Compare countries"), ctx, _("Two to four countries side by side: the events they took part in and "
                                       "shared, their partners, themes and representatives."))
ui.stop_if_empty(ctx)
f = ctx.filtered
ev = f["events"]
rows = ctx.tables["participants"] if ctx.filters.only_chosen else f["participants"]  # as on the Overview
rows = rows[rows["event_id"].isin(ev["event_id"])]
present = derived(ctx, "cmp_present", lambda: set(rows["iso3"].dropna()))
offered = [c for c in ctx.options.countries if c in present]   # ASEAN members first, then by name
names = {c: i18n.country_name(c, ctx.options.countries.get(c, c)) for c in offered}   # CLDR, the interface's language
num = i18n.format_number

url_values = st.query_params.get_all(QP_COMPARE)
st.session_state[K_CHOICE] = compare.choices_from_url(
    url_values, st.session_state.get(K_URL), st.session_state.get(K_CHOICE), offered,
    compare.default_choice(ctx.filters.countries, offered))
chosen = st.multiselect(_("Countries to compare"), offered, key=K_CHOICE, max_selections=compare.MAX_COUNTRIES,
                        format_func=lambda c: names.get(c, c), placeholder=_("Pick two to four countries"),
                        help=_("Countries taking part in the filtered events. The sidebar's country filter, when it "
                               "holds two to four countries, is the starting choice."))
if url_values != chosen:   # kept in the link (compare=IDN&compare=AUS), so a shared view keeps it
    if chosen:
        st.query_params[QP_COMPARE] = chosen
    else:
        del st.query_params[QP_COMPARE]
st.session_state[K_URL] = list(chosen)
key = tuple(chosen)
colours = {c: compare.country_color(i) for i, c in enumerate(chosen)}

if len(chosen) < compare.MIN_COUNTRIES:
    st.info(_("Pick two to four countries above to see them side by side (or choose them in the sidebar's "
              "country filter)."), icon=":material/compare_arrows:")
else:
    who = (" " + _("and") + " ").join(names[c] for c in chosen)

    st.subheader(_("Events each took part in, and shared"))
    shared = derived(ctx, "cmp_shared", lambda: compare.shared_events(rows, ev, chosen), key)
    cols = st.columns(len(chosen))
    for col, c in zip(cols, chosen):
        col.metric(names[c], ngettext("{n} event", "{n} events", shared.events[c]).format(n=num(shared.events[c])),
                   help=_("{n} without any other chosen country.").format(n=num(shared.alone[c])))
    st.markdown(_("**{n}** of the {total} filtered events had all of {countries}.").format(
        n=num(shared.shared_by_all), total=num(len(ev)), countries=md(who)))
    combos = derived(ctx, "cmp_combos", lambda: compare.combination_counts(shared, names), key)
    ui.show_chart(compare.shared_events_figure(combos, colours), "compare-shared-events", key="cmp_shared_chart",
                  title=_("Events of {countries}, alone or together").format(countries=who))
    ui.show_table(shared.table.rename(columns=names), "compare-events", key="cmp_events_table",
                  column_config={"event_id": _("event_id"), "name": _("name"),
                                 "date": st.column_config.DateColumn(_("date"), format="YYYY-MM-DD")})
    st.caption(_("One row per filtered event any chosen country took part in; a tick where it did."))

    st.subheader(_("Partners of each"))
    partners = derived(ctx, "cmp_partners", lambda: compare.partners_side_by_side(rows, chosen, events=ev), key)
    for col, c in zip(st.columns(len(chosen)), chosen):
        with col:
            st.markdown(f"**{md(names[c])}**")
            table = partners[c]
            if table.empty:
                st.info(_("No partners at the filtered events."))
            else:
                shown = table.assign(country=[i18n.country_name(i, n) for i, n in zip(table["iso3"], table["country"])])
                ui.show_table(shown[["country", "shared_events", "share_of_events"]], f"compare-partners-{c}",
                              key=f"cmp_partners_{c}",
                              column_config={"country": st.column_config.TextColumn(_("country"), width="small"),
                                             "share_of_events": st.column_config.NumberColumn(
                                                 _("share"), format="percent", width="small",
                                                 help=_("Share of this country's own filtered events")),
                                             "shared_events": st.column_config.NumberColumn(_("events"),
                                                                                            width="small")})
    st.caption(_("Each country's ten leading partners at the filtered events, ranked by events shared (the other "
                 "chosen countries included); the share is out of that country's own events."))

    st.subheader(_("Theme profile"))
    profiles = derived(ctx, "cmp_profiles", lambda: compare.theme_profiles(
        ev, f["evidence"], f["articles"], rows, chosen, ctx.theme_labels), key)
    ui.show_chart(compare.theme_profile_figure(profiles, title=None), "compare-theme-profile", key="cmp_profile_chart",
                  note=_(SHORT_NOTE), title=_(compare.PROFILE_TITLE))   # on the page the subheader names it
    st.caption(_("Each bar: the share of that country's filtered events touching the theme (an event touches a theme "
                 "when at least one sentence in its articles matches the theme's cues; the Themes page's "
                 "\"events\" measure). n in the legend: the country's events."))

    st.subheader(_("Who represented each"))
    people = derived(ctx, "cmp_people", lambda: compare.representatives(f["attendees"], ev, chosen), key)
    for col, c in zip(st.columns(len(chosen)), chosen):
        with col:
            st.markdown(f"**{md(names[c])}**")
            mine = people[people["iso3"] == c].drop(columns="iso3")
            if mine.empty:
                st.info(_("Nobody named for this country at the filtered events."))
            else:
                ui.show_table(mine, f"compare-people-{c}", key=f"cmp_people_{c}",
                              column_config={"name": _("name"), "title": _("title"),
                                             "organization": _("organization"), "n_events": _("n_events"),
                                             "events": _("events")})
    st.caption(_("People the articles name as representing the country, with their titles as the text gives them."))

st.subheader(_("Who meets whom: the co-attendance network"))
net = derived(ctx, "cmp_network", lambda: compare.co_attendance_network(rows, ev))
ui.show_chart(compare.network_figure(net, chosen, title=None), "co-attendance-network", key="cmp_network_chart",
              title=_(compare.NETWORK_TITLE))   # the subheader names it on the page; the export carries the title
st.caption(_("Each circle is a country at the {n} filtered events (size: its events; dark: ASEAN members), "
             "each line a pair of countries that met, wider for more shared events; the compared countries are "
             "ringed.").format(n=num(len(ev)))
           + (" " + _("Only the {shown} countries with most events of {total} are drawn; narrow the filters to see "
                      "the others.").format(shown=num(len(net.nodes)), total=num(net.n_countries))
              if net.n_left_out else ""))
