"""Trends: has it shifted over the years? Events per period by type, each theme's share of the period's
events with its n, and a chosen country's partners per period. The figures come from
dashboard.figures.trends (pure pandas and plotly); this page only lays them out.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n, country names from CLDR, periods and
event types in the interface's language (the figures make them)."""

import pandas as pd
import streamlit as st

from dashboard import i18n, ui
from dashboard.i18n import _, ngettext
from dashboard.figures import partners, trends
from dashboard.safe_text import md
from dashboard.state.context import derived
from dashboard.theme_measures import SHORT_NOTE

ctx = ui.page_context()
ui.header(_("Trends"), ctx, _("Has it shifted over the years? Each period with the number of events behind it."))
ui.stop_if_empty(ctx)
f = ctx.filtered
events = f["events"]
unit = derived(ctx, "trend_unit", lambda: trends.period_unit(events))
per = trends.unit_name(unit)   # the unit as a reader says it ("year" / "tahun")
num = i18n.format_number
undated = derived(ctx, "trend_undated", lambda: trends.n_undated(events))
counted = {"year": _("Events are counted per year of their start date"),
           "quarter": _("Events are counted per quarter of their start date (the filtered events span under three "
                        "years)"),
           "month": _("Events are counted per month of their start date (the filtered events span under a year)")}
st.caption(counted[unit]
           + (ngettext("; {n} undated event is left out.", "; {n} undated events are left out.", undated).format(
               n=num(undated)) if undated else "."))

# The figures' slugs (file names of exported images) and keys stay English codes: the unit, not its name.
st.subheader(_("Events per {unit}").format(unit=per))
per_type = derived(ctx, "trend_events", lambda: trends.events_per_period(events, unit), unit)
ui.show_chart(trends.events_per_period_figure(per_type, unit,
                                              title=_("Events per {unit}, by event type").format(unit=per)),
              f"events-per-{unit}", key="tr_events")

st.subheader(_("Theme shares per {unit}").format(unit=per))
shares = derived(ctx, "trend_theme_shares", lambda: trends.theme_share_per_period(
    events, f["evidence"], f["articles"], ctx.theme_labels, unit), unit)
ui.show_chart(trends.theme_share_figure(shares, unit,
                                        title=_("Share of events touching each theme, per {unit}").format(unit=per)),
              f"theme-shares-per-{unit}", key="tr_shares",
              note=_(SHORT_NOTE) + " " + _("Under {n} events in a {unit}: shown grey and dotted.").format(
                  n=trends.MIN_EVENTS, unit=per))
st.caption(_("Each point: the share of the {unit}'s events that touch the theme (at least one sentence in any of "
             "their articles supports it, as the Themes page's Events measure), out of the n events of that "
             "{unit} named under the axis. A {unit} with fewer than {n} events is grey, its marker open and the "
             "line to it dotted: one event more or less moves its share by 20 points or more, so a share over few "
             "events means little. A {unit} without events is a gap.").format(unit=per, n=trends.MIN_EVENTS))

st.subheader(_("Partners per {unit}").format(unit=per))
rows = ctx.tables["participants"] if ctx.filters.only_chosen else f["participants"]
choices = derived(ctx, "trend_countries", lambda: {   # the countries' names in the interface's language
    c: i18n.country_name(c, name) for c, name in trends.country_options(rows, events, ctx.options.countries).items()})
if not choices:
    st.info(_("No participating country is named for these events."))
    st.stop()
default = trends.default_country(choices, ctx.filters.countries)
iso3 = st.selectbox(_("Country"), list(choices), index=list(choices).index(default), format_func=choices.get,
                    key=f"tr_country_{default}",  # a new sidebar country opens on that country
                    help=_("Whose partners to follow: the countries at the same events, per period."))
who = choices[iso3]
per_partner = derived(ctx, "trend_partners", lambda: trends.partners_per_period(rows, events, iso3, unit), iso3, unit)
per_partner = per_partner.assign(   # partners named in the interface's language ("others (…)" is made so already)
    partner=[p if pd.isna(i) else i18n.country_name(i, p) for i, p in zip(per_partner["iso3"], per_partner["partner"])])
ui.show_chart(trends.partners_per_period_figure(per_partner, who, unit,
                                                title=_("Events shared with {country}, per {unit}").format(
                                                    country=who, unit=per)),
              f"partners-per-{unit}", key="tr_partners")
st.caption(_("Each cell: the events in that {unit} at which {country} and the partner both took part; n under the "
             "axis is {country}'s own events in the {unit}. The {n} partners with most shared events overall are "
             "named; \"others\" counts the events shared with any other partner, each once.").format(
                 unit=per, country=md(who), n=trends.TOP_PARTNERS))
note = derived(ctx, "trend_implied", lambda: partners.implied_note(rows, events))
if note:
    st.caption(note)
