"""Search: every sentence of the included articles, by word family in Indonesian and English, ranked,
within the events the sidebar's filters keep. Each hit shows its sentence with the matched words marked,
its event and source, and links to the Sources page with the article open and the sentence highlighted.

The query lives in the URL as `q=` (this page's own parameter, filters.PAGE_PARAMS), so a link opens the
same search. The work is in data_prep.search_index (the index the build writes into the build folder)
and dashboard/search_ui.py (each hit's HTML). Translated (docs/TRANSLATING.md): every word through
dashboard.i18n, numbers in the locale's form; the query and the sentences stay as written."""

import streamlit as st

from dashboard import i18n, search_ui, ui
from dashboard.i18n import _, ngettext
from dashboard.safe_text import md
from dashboard.state import filters, url_state
from dashboard.state.context import derived, per_build
from data_prep import SEARCH_INDEX, count_hits, current_build, search

QP_Q = "q"
K_URL_Q = "sr_url_q"   # the `q` value this page last left in the URL (None: none)

ctx = ui.page_context()
ui.header(_("Search"), ctx, _("Find sentences in every article, in Indonesian or English."))
ui.stop_if_empty(ctx)

url_q = st.query_params.get(QP_Q)
if url_q is not None and url_q != st.session_state.get(K_URL_Q):   # a link, not our own write
    st.session_state["sr_q"] = url_q[:search_ui.MAX_QUERY_CHARS]
query = st.text_input(_("Search"), key="sr_q", max_chars=search_ui.MAX_QUERY_CHARS,
                      placeholder=_("e.g. penipuan daring, online scam, perlindungan data"),
                      help=_("Words in Indonesian or English; every word must appear in the sentence."))
wanted_q = query.strip() or None
url_state.write_param(st.query_params, QP_Q, wanted_q)
st.session_state[K_URL_Q] = wanted_q
st.caption(_(search_ui.HOW_IT_WORKS))

index = current_build(ctx.build_dir) / SEARCH_INDEX
if not index.is_file():
    st.info(_("This build has no search index: it was made before search existed. Rebuild the tables "
              "(Sources page, “Add articles and rebuild”) to search."), icon=":material/search_off:")
    st.stop()
if not wanted_q:
    st.stop()

events = ctx.filtered["events"]["event_id"]
event_ids = None if len(events) == len(ctx.tables["events"]) else frozenset(events)   # None: every event
n = derived(ctx, "search_count", lambda: count_hits(index, wanted_q, event_ids), wanted_q)
if n == 0:
    if event_ids is not None:
        none = _("No sentence holds every word of “{query}” among the filtered events. Try fewer words or another "
                 "form of a word.")
    else:
        none = _("No sentence holds every word of “{query}”. Try fewer words or another form of a word.")
    st.info(none.format(query=md(wanted_q)), icon=":material/search_off:")
    st.stop()

st.subheader(ngettext("{n} sentence", "{n} sentences", n).format(n=i18n.format_number(n)))
if st.session_state.get("sr_last") != (wanted_q, ctx.filters):   # a new search starts on its first page
    st.session_state.pop("sr_hits_page", None)
st.session_state["sr_last"] = (wanted_q, ctx.filters)
shown = ui.page_of(n, "sr_hits", search_ui.PER_PAGE, _("sentences"))
hits = derived(ctx, "search_hits", lambda: search(index, wanted_q, event_ids, limit=search_ui.PER_PAGE,
                                                  offset=shown.start), wanted_q, shown.start)
sources = per_build(ctx, "search_sources", lambda: search_ui.article_sources(ctx.tables["articles"]))
not_counted = per_build(ctx, "search_not_counted", lambda: search_ui.not_counted(ctx.tables["articles"]))
for hit in hits:
    href = filters.page_url("sources", ctx.filters, article=hit.article_id, hl=f"{hit.char_start}-{hit.char_end}")
    st.markdown(search_ui.hit_html(hit, ctx.options.events.get(hit.event_id), sources.get(hit.article_id), href,
                                   not_counted.get(hit.article_id)), unsafe_allow_html=True)
