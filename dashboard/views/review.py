"""Review: the extracted facts weakest first, each with its sentence marked in its article, and the
articles and events waiting for one fact; confirm, reject, add or change a fact here (or on the
Timeline's event card). Corrections are kept in the corrections file and applied by every rebuild.
Translated (docs/TRANSLATING.md): the page's own words through dashboard.i18n; the forms are
dashboard.correct_ui's; the build's reasons and a stale correction's detail are the pipeline's words."""

import pandas as pd
import streamlit as st

from dashboard import correct_ui, i18n, review, ui
from dashboard.i18n import N_, _, ngettext
from dashboard.safe_text import md, md_code
from dashboard.state.context import derived, per_build

# The page's tables' columns (the code's names, kept in the frames) and what each holds, in words: in
# Indonesian the header is the translation, in English the column's name as before.
HEADERS = {"when": N_("when"), "who": N_("who"), "action": N_("action"), "event_id": N_("event id"),
           "target": N_("target"), "detail": N_("detail"), "note": N_("note"), "name": N_("name of the event"),
           "missing": N_("missing"), "kind": N_("kind"), "fact": N_("fact"), "event": N_("event"),
           "method": N_("method"), "origin": N_("origin"), "article_id": N_("article id"),
           "confidence": N_("confidence")}


def _header(column: str) -> str:
    """A column's header: its words in the current language, or its name where there are none (English)."""
    word = _(HEADERS[column]) if column in HEADERS else column
    return column if column not in HEADERS or word == HEADERS[column] else word


def _headers(df: pd.DataFrame) -> dict:
    return {c: _header(c) for c in df.columns if _header(c) != c}


ctx = ui.page_context()
ui.header(_("Review and correct"), ctx, _("What extraction is least sure of comes first. Confirm, reject, add or "
                                          "change a fact with its sentence; every rebuild keeps your corrections."))
correct_ui.last_message()
writable = correct_ui.can_correct(ctx)
if writable:
    correct_ui.who_input("rv_who")

stale = review.stale_corrections(ctx.tables)
if not stale.empty:
    st.warning(ngettext("{n} correction no longer match anything in the build (the article or fact they name has "
                        "changed). They are kept; fix or remove them in the corrections file.",
                        "{n} corrections no longer match anything in the build (the article or fact they name has "
                        "changed). They are kept; fix or remove them in the corrections file.", len(stale)).format(
                   n=i18n.format_number(len(stale))), icon=":material/history:")
    ui.show_table(stale, "stale-corrections", key="rv_stale", column_config=_headers(stale))

waiting = per_build(ctx, "waiting_articles", lambda: review.waiting_articles(ctx.tables))
missing = derived(ctx, "events_missing", lambda: review.events_missing(ctx.filtered))
st.subheader(_("Waiting for one fact ({n})").format(n=i18n.format_number(len(waiting) + len(missing))))
if waiting.empty and missing.empty:
    st.caption(_("No article is waiting for its date, and every event has a place and a host."))
WAITING_PER_PAGE = 10
for r in waiting.iloc[ui.page_of(len(waiting), "rv_wait", WAITING_PER_PAGE, _("articles"))].to_dict("records"):
    box = ui.lazy_expander(_("{article} · {title} — no year").format(
                               article=md(r["article_id"]), title=md(r["title"] or _("untitled"))),
                           key=f"rv_wait_open_{r['article_id']}", icon=":material/event_busy:")
    with box:
        if not box.open:   # its text and forms are made only while it is open
            continue
        st.markdown(_("**Why it is not an event yet:** it names a meeting, but neither its text nor its header "
                      "gives the year. Give the meeting's date, or attach the article to the event it reports."))
        st.caption(_("Build reason: {reason}").format(reason=md(r["reason"])))   # the pipeline's words
        correct_ui.sentence_in_article(ctx, r["article_id"], "")
        if writable:
            correct_ui.waiting_article_form(ctx, r["article_id"], f"rv_wait_{r['article_id']}")
if not missing.empty:
    st.caption(_("Events with no place or host: set them under “Change a field” below."))
    ui.show_table(missing, "events-missing", key="rv_missing", column_config=_headers(missing))

st.subheader(_("Facts, weakest first"))
if ctx.empty_reason:
    st.info(md(ctx.empty_reason), icon=":material/filter_alt_off:")  # it names events and themes
    st.stop()


def _event_choices() -> dict[str, str]:
    kept = set(ctx.filtered["events"]["event_id"])
    return {e: lbl for e, lbl in ctx.options.events.items() if e in kept}


events = derived(ctx, "event_choices", _event_choices)
with st.container(horizontal=True):
    event_id = st.selectbox(_("Event"), [None, *events], key="rv_event",
                            format_func=lambda e: events.get(e, _("All events")))
    kind = st.selectbox(_("Kind of fact"), [None, *review.KINDS], key="rv_kind",
                        format_func=lambda k: _("All kinds") if k is None else _("{kind} ({table} table)").format(
                            kind=review.kind_label(k), table=review.KINDS[k]))
    queue = derived(ctx, "fact_queue", lambda: review.fact_queue(ctx.filtered, event_id, kind,
                                                                 theme_labels=ctx.theme_labels), event_id, kind)
    method = st.selectbox(_("Method"), [None, *sorted(queue["method"].dropna().unique())], key="rv_method",
                          format_func=lambda m: m or _("All methods"))   # a method's name is a code
if method:
    queue = queue[queue["method"] == method].reset_index(drop=True)
st.caption(ngettext("{n} fact. Click a row to see its sentence in the article and to confirm or reject it. "
                    "Confidence is how reliable the rule that found it is on the dev corpus (the codebook lists "
                    "each method).",
                    "{n} facts. Click a row to see its sentence in the article and to confirm or reject it. "
                    "Confidence is how reliable the rule that found it is on the dev corpus (the codebook lists "
                    "each method).", len(queue)).format(n=i18n.format_number(len(queue))))
shown = queue[["confidence", "kind", "fact", "event", "method", "origin", "evidence", "article_id"]]
page_rows, picked = ui.show_table(   # kind and origin in words for reading; the queue keeps the codes
    shown.assign(kind=shown["kind"].map(review.kind_label), origin=shown["origin"].map(review.origin_word)),
    "review-queue", key="rv_queue", on_select="rerun", selection_mode="single-row",
    column_config={**_headers(shown),
                   "confidence": st.column_config.NumberColumn(_header("confidence"), format="%.2f", width="small"),
                   "kind": st.column_config.TextColumn(_header("kind"), width="small"),
                   "evidence": st.column_config.TextColumn(_("sentence"), width="large")})
rows = picked.selection.rows if picked else []
if rows:
    at = page_rows.index[rows[0]]   # the picked row's place in the whole queue
    fact = queue.loc[at]
    with st.container(border=True):
        st.markdown(_("**{kind}:** {fact} · {event}").format(
            kind=md(review.kind_label(fact["kind"]).capitalize()), fact=md(fact["fact"]), event=md(fact["event"])))
        st.caption(_("Found by {method} (confidence {confidence}), {origin}; sentence from {article}, marked "
                     "below.").format(method=md_code(fact["method"]),
                                      confidence=i18n.format_number(fact["confidence"], decimals=2),
                                      origin=md(review.origin_word(fact["origin"])), article=md(fact["article_id"])))
        correct_ui.sentence_in_article(ctx, fact["article_id"], fact["evidence"])
        if writable and fact["kind"] != "event":
            correct_ui.fact_buttons(ctx, fact["kind"], fact["event_id"], fact["target"], fact["kind"],
                                    f"rv_fact_{at}")
        elif writable:
            st.caption(_("Change the event's name, dates, place or host under “Add or change” below."))

chosen = (queue.iloc[rows[0]]["event_id"] if rows else None) or event_id
if chosen and chosen != st.session_state.get("rv_followed") and chosen in events:
    st.session_state["rv_fix_event"] = chosen   # the forms below follow the fact or event picked above
    st.session_state["rv_followed"] = chosen
if writable and events:
    st.subheader(_("Add or change"))
    if st.session_state.get("rv_fix_event") not in events:
        st.session_state["rv_fix_event"] = next(iter(events))
    target = st.selectbox(_("Event to correct"), list(events), key="rv_fix_event", format_func=events.get)
    correct_ui.event_actions(ctx, target, "rv_fix")
