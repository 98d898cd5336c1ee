"""Timeline: events on a date axis; clicking a point or picking from the list opens the event card.

The open card lives in the URL as `card=<event_id>` (left out for the default, the first event), so a
link opens that card. An unknown or filtered-out id in the URL is ignored. The parameter is this page's
own (filters.PAGE_PARAMS): it narrows nothing and other pages drop it.
Translated (docs/TRANSLATING.md): every word through dashboard.i18n; the card's values of ours (countries,
roles, event type, yes/no) come in the interface's language from dashboard.queries."""

import streamlit as st

from dashboard import correct_ui, queries, ui
from dashboard.i18n import _
from dashboard.state import filters, url_state
from dashboard.state.filters import QP_CARD
from dashboard.state.context import derived

K_URL_CARD = "tl_url_card"  # the `card` value this page last left in the URL (None: none)

ctx = ui.page_context()
ui.header(_("Timeline"), ctx, _("Each marker is one event; its size is the number of countries taking part."))
ui.stop_if_empty(ctx)
f = ctx.filtered
ev = f["events"].sort_values("start_date")
event_ids = list(ev["event_id"])
names = ctx.options.events   # event_id -> labels.event_label, made once per build


def _pick_clicked_event() -> None:
    """on_select callback: a clicked point selects its event in the list below."""
    sel = st.session_state.get("tl_chart")
    points = (sel or {}).get("selection", {}).get("points", []) if sel else []
    for p in points:
        cd = p.get("customdata")
        if cd and cd[0] in event_ids:
            st.session_state["tl_event"] = cd[0]
            return


color_names = {"event_type": _("event type"), "leading_theme": _("leading theme")}
color_by = st.radio(_("Colour by"), ["leading_theme", "event_type"], horizontal=True, key="tl_color_by",
                    format_func=lambda v: color_names[v])
ui.show_timeline(ctx, ev, "timeline", "tl_chart", color_by=color_by, on_select=_pick_clicked_event,
                 selection_mode="points")

url_card = st.query_params.get(QP_CARD)
if url_card and url_card not in event_ids and filters.current_event_id(url_card, ctx.options) in event_ids:
    url_card = filters.current_event_id(url_card, ctx.options)   # an old id: the event it became
    st.query_params[QP_CARD] = url_card
st.session_state["tl_event"] = url_state.choice_from_url(url_card, st.session_state.get(K_URL_CARD),
                                                         st.session_state.get("tl_event"), event_ids)
chosen = st.selectbox(_("Event"), event_ids, key="tl_event", format_func=lambda e: names.get(e, e),
                      help=_("Or click a marker in the chart."))
wanted_card = url_state.url_value_for(chosen, event_ids)
url_state.write_param(st.query_params, QP_CARD, wanted_card)
st.session_state[K_URL_CARD] = wanted_card


def _link(article_id: str, span: tuple[int, int] | None) -> str:
    return filters.page_url("sources", ctx.filters, article=article_id, hl=f"{span[0]}-{span[1]}" if span else "")


card = derived(ctx, "event_card", lambda: queries.event_card(   # that event's rows only: no million-row narrowing
    filters.FilteredTables(filters.event_rows(ctx.tables, chosen), ctx.filters), chosen, ctx.theme_labels, link=_link),
    chosen)
if card is not None:
    ui.render_event_card(card, key_prefix="tl")
    correct_ui.last_message()
    fix_box = ui.lazy_expander(_("Correct this event"), key="tl_fix_open", icon=":material/edit:")
    with fix_box:
        if fix_box.open:
            st.caption(_("Reject or confirm a country, person or theme, add a missing one with its sentence, or "
                         "change a field. Corrections are kept in the corrections file and survive every rebuild; "
                         "the Review page lists the facts extraction is least sure of."))
            if correct_ui.can_correct(ctx):
                correct_ui.who_input("tl_who")
                correct_ui.event_actions(ctx, chosen, "tl_fix")
