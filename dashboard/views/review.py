"""Review: the extracted facts weakest first, each with its sentence marked in its article, and the
articles and events waiting for one fact; confirm, reject, add or change a fact here (or on the
Timeline's event card). Corrections are kept in the corrections file and applied by every rebuild."""

import streamlit as st

from dashboard import correct_ui, review, ui
from dashboard.safe_text import md, md_code
from dashboard.state.context import derived, per_build

ctx = ui.page_context()
ui.header("Review and correct", ctx, "What extraction is least sure of comes first. Confirm, reject, add or change "
          "a fact with its sentence; every rebuild keeps your corrections.")
correct_ui.last_message()
writable = correct_ui.can_correct(ctx)
if writable:
    correct_ui.who_input("rv_who")

stale = review.stale_corrections(ctx.tables)
if not stale.empty:
    st.warning(f"{len(stale)} correction{'s' if len(stale) != 1 else ''} no longer match anything in the build "
               "(the article or fact they name has changed). They are kept; fix or remove them in the "
               "corrections file.", icon=":material/history:")
    ui.show_table(stale, "stale-corrections", key="rv_stale")

waiting = per_build(ctx, "waiting_articles", lambda: review.waiting_articles(ctx.tables))
missing = derived(ctx, "events_missing", lambda: review.events_missing(ctx.filtered))
st.subheader(f"Waiting for one fact ({len(waiting) + len(missing)})")
if waiting.empty and missing.empty:
    st.caption("No article is waiting for its date, and every event has a place and a host.")
WAITING_PER_PAGE = 10
for r in waiting.iloc[ui.page_of(len(waiting), "rv_wait", WAITING_PER_PAGE, "articles")].to_dict("records"):
    box = ui.lazy_expander(f"{md(r['article_id'])} · {md(r['title'] or 'untitled')} — no year",
                           key=f"rv_wait_open_{r['article_id']}", icon=":material/event_busy:")
    with box:
        if not box.open:   # its text and forms are made only while it is open
            continue
        st.markdown("**Why it is not an event yet:** it names a meeting, but neither its text nor its header gives "
                    "the year. Give the meeting's date, or attach the article to the event it reports.")
        st.caption(f"Build reason: {md(r['reason'])}")
        correct_ui.sentence_in_article(ctx, r["article_id"], "")
        if writable:
            correct_ui.waiting_article_form(ctx, r["article_id"], f"rv_wait_{r['article_id']}")
if not missing.empty:
    st.caption("Events with no place or host: set them under “Change a field” below.")
    ui.show_table(missing, "events-missing", key="rv_missing")

st.subheader("Facts, weakest first")
if ctx.empty_reason:
    st.info(md(ctx.empty_reason), icon=":material/filter_alt_off:")  # it names events and themes
    st.stop()


def _event_choices() -> dict[str, str]:
    kept = set(ctx.filtered["events"]["event_id"])
    return {e: lbl for e, lbl in ctx.options.events.items() if e in kept}


events = derived(ctx, "event_choices", _event_choices)
with st.container(horizontal=True):
    event_id = st.selectbox("Event", [None, *events], key="rv_event", format_func=lambda e: events.get(e, "All events"))
    kind = st.selectbox("Kind of fact", [None, *review.KINDS], key="rv_kind",
                        format_func=lambda k: "All kinds" if k is None else f"{k} ({review.KINDS[k]} table)")
    queue = derived(ctx, "fact_queue", lambda: review.fact_queue(ctx.filtered, event_id, kind,
                                                                 theme_labels=ctx.theme_labels), event_id, kind)
    method = st.selectbox("Method", [None, *sorted(queue["method"].dropna().unique())], key="rv_method",
                          format_func=lambda m: m or "All methods")
if method:
    queue = queue[queue["method"] == method].reset_index(drop=True)
st.caption(f"{len(queue)} facts. Click a row to see its sentence in the article and to confirm or reject it. "
           "Confidence is how reliable the rule that found it is on the dev corpus (the codebook lists each method).")
shown = queue[["confidence", "kind", "fact", "event", "method", "origin", "evidence", "article_id"]]
page_rows, picked = ui.show_table(
    shown, "review-queue", key="rv_queue", on_select="rerun", selection_mode="single-row",
    column_config={"confidence": st.column_config.NumberColumn(format="%.2f", width="small"),
                   "kind": st.column_config.TextColumn(width="small"),
                   "evidence": st.column_config.TextColumn("sentence", width="large")})
rows = picked.selection.rows if picked else []
if rows:
    at = page_rows.index[rows[0]]   # the picked row's place in the whole queue
    fact = queue.loc[at]
    with st.container(border=True):
        st.markdown(f"**{md(str(fact['kind']).capitalize())}:** {md(fact['fact'])} · {md(fact['event'])}")
        st.caption(f"Found by {md_code(fact['method'])} (confidence {fact['confidence']:.2f}), {md(fact['origin'])}; "
                   f"sentence from {md(fact['article_id'])}, marked below.")
        correct_ui.sentence_in_article(ctx, fact["article_id"], fact["evidence"])
        if writable and fact["kind"] != "event":
            correct_ui.fact_buttons(ctx, fact["kind"], fact["event_id"], fact["target"], fact["kind"],
                                    f"rv_fact_{at}")
        elif writable:
            st.caption("Change the event's name, dates, place or host under “Add or change” below.")

chosen = (queue.iloc[rows[0]]["event_id"] if rows else None) or event_id
if chosen and chosen != st.session_state.get("rv_followed") and chosen in events:
    st.session_state["rv_fix_event"] = chosen   # the forms below follow the fact or event picked above
    st.session_state["rv_followed"] = chosen
if writable and events:
    st.subheader("Add or change")
    if st.session_state.get("rv_fix_event") not in events:
        st.session_state["rv_fix_event"] = next(iter(events))
    target = st.selectbox("Event to correct", list(events), key="rv_fix_event", format_func=events.get)
    correct_ui.event_actions(ctx, target, "rv_fix")
