"""Themes: each event's theme shares, a theme × country matrix, and the evidence sentences behind
a chosen theme, so a reader sees why each bar is as high as it is.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n; theme names and definitions from the
build's theme catalogue in the interface's language (label_id, definition_id)."""

import streamlit as st

from dashboard import data, i18n, queries, ui
from dashboard.i18n import _, ngettext
from dashboard.safe_text import html_line, md
from dashboard.state import filters, url_state
from dashboard.figures import charts
from dashboard.state.context import derived
from dashboard.theme_measures import (
    DEFAULT_MEASURE, HOW_MADE, MEASURE_NAMES, MEASURES, SHORT_NOTE, counted_evidence,
)

ctx = ui.page_context()
ui.header(_("Themes"), ctx, _("How each event's coverage splits across the six uses of digital diplomacy."))
ui.stop_if_empty(ctx)
f = ctx.filtered

num = i18n.format_number

with st.expander(_("What each theme means"), expanded=False):
    cat = data.theme_catalog(ctx.tables, i18n.current_language())   # names and definitions in the language
    ui.show_table(cat.rename(columns={"code": "code", "label": "theme", "definition": "what counts"}),
                  "theme-definitions", key="th_definitions",
                  column_config={"code": _("code"), "theme": _("theme"), "what counts": _("what counts")})
with st.expander(_("How these figures are made"), expanded=False):
    st.markdown(_(HOW_MADE))

st.subheader(_("How much each theme comes up"))
choices = [DEFAULT_MEASURE, *(m for m in MEASURES if m != DEFAULT_MEASURE)]   # the first is the default
url_measure = st.query_params.get(filters.QP_MEASURE)
st.session_state["th_measure"] = url_state.choice_from_url(
    url_measure, st.session_state.get("th_url_measure"), st.session_state.get("th_measure"), choices)
measure = st.segmented_control(_("Measure"), choices, key="th_measure", format_func=lambda m: _(MEASURE_NAMES[m]),
                               help=_("Events: how many filtered events touch the theme (each event once). "
                                      "Sentences: how much was said about it (each sentence once per article)."))
measure = measure or DEFAULT_MEASURE  # a click on the chosen option clears it
wanted = url_state.url_value_for(measure, choices)   # kept in the link (measure=), so a shared view keeps it
url_state.write_param(st.query_params, filters.QP_MEASURE, wanted)
st.session_state["th_url_measure"] = wanted
totals = derived(ctx, "theme_totals", lambda: charts.theme_totals(f["events"], f["evidence"], f["articles"],
                                                                  ctx.theme_labels, measure), measure)
ui.show_chart(charts.theme_totals_figure(totals, measure, height=320), "theme-totals", key="th_totals",
              note=_(SHORT_NOTE))
st.caption(ngettext("Bars: {measure}, over the {n} filtered event.", "Bars: {measure}, over the {n} filtered events.",
                    len(f["events"])).format(measure=_(MEASURES[measure]), n=num(len(f["events"]))) + " "
           + (_("An event counts once however many sentences it has.") if measure != "n_sentences" else
              _("A long report weighs more than a short one; switch to Events to count each event once.")))

st.subheader(_("Theme shares per event"))
values = st.segmented_control(_("Bars show"), ["share", "count"], default="share", key="th_share_values",
                              format_func=lambda v: {"share": _("Shares"), "count": _("Sentence counts")}[v])
values = values or "share"
page_events = ui.events_for_chart(f["events"], "th_shares")
shares = derived(ctx, "theme_shares", lambda: charts.theme_share_data(page_events, f["evidence"], f["articles"],
                                                                      ctx.theme_labels), tuple(page_events["event_id"]))
ui.show_chart(charts.theme_shares_figure(shares, list(ctx.theme_labels), values=values), "theme-shares-per-event",
              key="th_shares", note=_(SHORT_NOTE))
st.caption(_("Share of each event's theme sentences (sentences matching a theme's cues, each counted once per "
             "article); n after the event's name is its total, the number in a segment its count. With a theme "
             "filter, bars show only the chosen themes.") if values == "share" else
           _("Theme sentences per event (sentences matching a theme's cues, each counted once per article); n after "
             "the event's name is its total, the number in a segment its count. With a theme filter, bars show only "
             "the chosen themes."))

st.subheader(_("Themes × countries"))
matrix = derived(ctx, "theme_country_matrix", lambda: charts.theme_country_matrix(
    f["participants"], f["evidence"], f["articles"], ctx.theme_labels))
ui.show_chart(charts.theme_country_heatmap(matrix), "theme-country-matrix", key="th_matrix", note=_(SHORT_NOTE))
st.caption(_("Each cell: theme sentences (each counted once per article) in the reports of the events the "
             "country took part in. ASEAN members first."))

st.subheader(_("The evidence behind a theme"))
with_evidence = derived(ctx, "themes_with_evidence", lambda: set(f["evidence"]["theme"].unique()))
present = [t for t in ctx.theme_labels if t in with_evidence]
if not present:
    st.info(_("No theme evidence for the filtered events."))
    st.stop()
theme = st.selectbox(_("Theme"), present, key="th_theme", format_func=lambda t: ctx.theme_labels.get(t, t))


def _theme_summary(evidence, events, articles, theme: str) -> tuple[int, int, int, int, list[str]]:
    """Sentences, articles, events and counted sentences for the theme, and its events in date order."""
    ev = evidence[evidence["theme"] == theme]
    with_theme = events[events["event_id"].isin(ev["event_id"].unique())].sort_values(["start_date", "event_id"])
    return (len(ev), ev["article_id"].nunique(), ev["event_id"].nunique(), len(counted_evidence(ev, articles)),
            list(with_theme["event_id"]))


n_sentences, n_articles, n_events, n_counted, theme_events = derived(
    ctx, "theme_summary", lambda: _theme_summary(f["evidence"], f["events"], ctx.tables["articles"], theme), theme)
st.markdown(ngettext("**{n} sentence** from {articles} about {events}", "**{n} sentences** from {articles} about {events}",
                     n_sentences).format(
                n=num(n_sentences),
                articles=ngettext("{n} article", "{n} articles", n_articles).format(n=num(n_articles)),
                events=ngettext("{n} event", "{n} events", n_events).format(n=num(n_events)))
            + (_("; {n} count toward the figures above (a headline restating its article's body is not counted "
                 "again; a sentence repeated in one article counts once).").format(n=num(n_counted))
               if n_counted != n_sentences else "."))


def _link(article_id: str, span: tuple[int, int] | None) -> str:
    return filters.page_url("sources", ctx.filters, article=article_id, hl=f"{span[0]}-{span[1]}" if span else "")


EVENTS_PER_PAGE = 20   # the sentences of this many events at a time, in date order
listed = theme_events[ui.page_of(len(theme_events), "th_evidence", EVENTS_PER_PAGE, _("events"))]
evidence = f["evidence"]
shown = evidence[(evidence["theme"] == theme) & evidence["event_id"].isin(listed)]
for group in queries.theme_evidence_groups(shown, f["events"], ctx.tables["articles"], theme, link=_link):
    st.markdown(f"##### {md(group.heading)}")
    for sentence, spans, source, link in group.items:
        src = f'<a href="{html_line(link)}" target="_self">{html_line(source)}</a>' if link else html_line(source)
        st.markdown(queries.highlight_html(sentence, spans)
                    + f'<div style="color:#555;font-size:0.9rem;margin:-0.4rem 0 0.8rem 0">— {src}</div>',
                    unsafe_allow_html=True)
