"""Sources: every article with its metadata and cleaned text, extracted facts highlighted in place,
and the rejected files with the reason each was left out (their text can be read too). The maintainer
adds articles and rebuilds the tables here; the articles an upload of this session added are marked new.
Article text, titles, file names and reasons go into the page escaped (queries.reader_header_html and the
like, dashboard.safe_text). Translated (docs/TRANSLATING.md): the page's own words through dashboard.i18n;
the build's progress messages, reasons and notes are the pipeline's and stay as it writes them."""

import pandas as pd
import streamlit as st

from dashboard import data, i18n, labels, maintenance, queries, ui
from dashboard.i18n import N_, _, ngettext
from dashboard.safe_text import md, md_code
from dashboard.state import context, filters, url_state
from data_prep import ARTICLE_SUFFIXES, MAX_BYTES, list_inputs

# The articles tables' columns (the codebook's names, kept in the frame) and what each holds, in words: in
# Indonesian the header is the translation, in English the column's name as before.
ARTICLE_HEADERS = {"article_id": N_("article id"), "outlet": N_("outlet"), "title": N_("title of the article"),
                   "author": N_("author"), "language": N_("language of the article"), "n_words": N_("words"),
                   "event_id": N_("event id"), "source_file": N_("source file"), "url": N_("web address"),
                   "reason": N_("reason"), queries.NEW_COLUMN: N_("new in this session")}


ctx = ui.page_context()
ui.header(_("Sources"), ctx, _("The articles behind every number, with what was extracted from each."))

seeds = data.seeds_dir()
last = st.session_state.get("src_last_rebuild")  # the outcome of this session's last rebuild
with st.expander(_("Add articles and rebuild"), expanded=last is not None, icon=":material/upload_file:"):
    n_seeds = len(list_inputs(seeds)) if seeds.is_dir() else 0
    st.caption(ngettext("Seed articles: {folder} ({n} file) · tables: {build}",
                        "Seed articles: {folder} ({n} files) · tables: {build}", n_seeds).format(
        folder=md_code(seeds), n=i18n.format_number(n_seeds), build=md_code(ctx.build_dir)))
    if last:
        st.success(_("Last rebuild in this session.") + " " + md(maintenance.summary(last["report"])),
                   icon=":material/check_circle:")
        if last["uploads"]:
            st.dataframe(pd.DataFrame(maintenance.outcomes_for_display(last["uploads"])), hide_index=True,
                         key="src_upload_outcomes", column_config=maintenance.outcome_headers())
        st.caption(_("Every file the build left out is listed, with its reason, under Rejected files below. "
                     "Uploads marked “skipped” were not saved, so the build never saw them."))
    seeds_ok, build_ok = maintenance.is_writable(seeds), maintenance.is_writable(ctx.build_dir)
    if not seeds_ok:
        st.info(_("The seeds folder {folder} is read-only (or missing) for this app, so articles cannot be "
                  "added here. Ask whoever maintains the data to add them.").format(folder=md_code(seeds)),
                icon=":material/lock:")
    round_ = st.session_state.setdefault("src_upload_round", 0)  # a new key empties the uploader
    uploads = st.file_uploader(_("News articles as plain text or saved web pages ({types})").format(
                                   types=", ".join(ARTICLE_SUFFIXES)),
                               type=[x.lstrip(".") for x in ARTICLE_SUFFIXES], accept_multiple_files=True,
                               key=f"src_upload_{round_}", disabled=not seeds_ok,
                               max_upload_size=max(1, MAX_BYTES // 1_000_000))
    if not build_ok:
        st.info(_("The build folder {folder} is read-only for this app, so the tables cannot be "
                  "rebuilt here.").format(folder=md_code(ctx.build_dir)), icon=":material/lock:")
    dropped = maintenance.not_in_seeds(ctx.report, seeds)
    if dropped:   # a rebuild from this folder would lose articles the tables hold (built from another folder?)
        st.warning(ngettext(
            "{n} article in these tables is not in the seeds folder {seeds} (they were built from {built}): "
            "rebuilding here would drop it.",
            "{n} articles in these tables are not in the seeds folder {seeds} (they were built from {built}): "
            "rebuilding here would drop them.", len(dropped)).format(
                n=i18n.format_number(len(dropped)), seeds=md_code(seeds),
                built=md_code(ctx.report.get("seeds_dir") or "?")), icon=":material/warning:")
        build_ok = build_ok and st.checkbox(_("Rebuild from {seeds} all the same").format(seeds=md_code(seeds)),
                                            key="src_rebuild_elsewhere")
    if st.button(_("Rebuild tables"), key="src_rebuild", icon=":material/refresh:", disabled=not build_ok,
                 help=_("Save the uploaded files into the seeds folder, then rebuild every table from it.")):
        with st.status(_("Rebuilding the tables from the seed articles…"), expanded=True) as status:
            bar = st.progress(0.0, text=_("Starting"))   # then the pipeline's own messages, as it writes them
            result = maintenance.add_and_rebuild(
                [(f.name, f.getvalue()) for f in uploads or []], seeds, ctx.build_dir, save=seeds_ok,
                progress=lambda msg, frac: bar.progress(min(max(frac, 0.0), 1.0), text=md(msg)),  # names files
                corrections=data.corrections_path())
            if result.error is not None:  # the previous build is untouched; show why for the maintainer
                status.update(label=_("The rebuild failed; the previous tables are unchanged"), state="error")
                if result.uploads:
                    st.dataframe(pd.DataFrame(maintenance.outcomes_for_display(result.uploads)), hide_index=True,
                                 column_config=maintenance.outcome_headers())
                st.exception(result.error)
            else:
                status.update(label=_("Tables rebuilt"), state="complete", expanded=False)
                st.session_state["src_last_rebuild"] = {"report": result.report, "uploads": result.uploads}
                st.session_state["src_upload_round"] = round_ + 1
        if st.session_state["src_upload_round"] > round_:  # the rebuild succeeded
            st.rerun()  # every page then reads the new build (the cached tables are keyed on its signature)

all_arts = ctx.tables["articles"]
texts = ctx.tables["articles_text"]
rejected = context.per_build(ctx, "rejected", lambda: queries.rejected_articles(all_arts, texts))
new_ids = queries.new_article_ids(last["uploads"] if last else None, all_arts)  # this session's uploads

# A link (from Search) to an article counted under no event: it is read under "Rejected files", below.
link_article, link_hl = st.query_params.get(filters.QP_ARTICLE), st.query_params.get(filters.QP_HL)
if link_article is not None and link_article != st.session_state.get("src_url_rejected") and \
        (rejected["article_id"] == link_article).any():
    st.session_state["src_rejected_article"] = link_article
    st.session_state["src_rejected_quote"] = (link_article, filters.parse_span(link_hl))
st.session_state["src_url_rejected"] = link_article
linked_rejected = st.session_state.get("src_rejected_quote", (None, None))[0]
reading_linked = linked_rejected is not None and linked_rejected == st.session_state.get("src_rejected_article")
rejected_box = st.container() if reading_linked else None   # the linked article is read first, not at the foot
if reading_linked:
    with rejected_box:
        st.info(_("You followed a link to an article the build counted under no event: it is read here, first, "
                  "with the sentence marked (the articles of the events follow)."), icon=":material/link:")

if ctx.empty_reason:
    st.info(md(ctx.empty_reason), icon=":material/filter_alt_off:")  # it names events and themes
else:
    arts = context.derived(ctx, "articles_by_date", lambda: ctx.filtered["articles"].sort_values(
        ["published_date", "article_id"]))
    st.subheader(_("Articles ({n})").format(n=i18n.format_number(len(arts))))
    table = queries.with_new_column(arts.drop(columns=["status", "reason"]), new_ids)
    shown, _table = ui.show_table(table, "articles", key="src_articles",
                                  column_config={**ui.header_config(table, ARTICLE_HEADERS), "published_date": st.column_config.DateColumn(
                                      _("published"), format="YYYY-MM-DD")})
    ids = list(shown["article_id"])   # the picker offers the table's page: a few hundred, at any corpus size
    url_article = st.query_params.get(filters.QP_ARTICLE)
    included = ctx.tables["articles"][ctx.tables["articles"]["status"] == "included"]
    if url_article and url_article not in ids and (arts["article_id"] == url_article).any():
        ids.append(url_article)   # a link to an article on another page of the table
    elif url_article and url_article not in ids and (included["article_id"] == url_article).any():
        arts = pd.concat([arts, included[included["article_id"] == url_article]])  # a link to a filtered-out article
        ids.append(url_article)
    if ids:
        on_offer = arts[arts["article_id"].isin(ids)].drop_duplicates("article_id")
        by_id = on_offer.set_index("article_id").to_dict("index")  # the options' rows only, in one pass

        def _label(a: str) -> str:
            return queries.article_choice_label(a, by_id[a], a in new_ids)

        st.session_state["src_article"] = url_state.choice_from_url(
            url_article, st.session_state.get("src_url_article"), st.session_state.get("src_article"), ids)
        chosen = st.selectbox(_("Read an article"), ids, key="src_article", format_func=_label,
                              help=_("The articles on the table's page above (and one a link opened)."))
        quote = filters.parse_span(st.query_params.get(filters.QP_HL)) if chosen == url_article else None
        wanted = url_state.url_value_for(chosen, ids)
        if url_article != wanted and url_article != chosen:  # the reader moved on: the URL names the article shown
            if wanted is None:
                del st.query_params[filters.QP_ARTICLE]
            else:
                st.query_params[filters.QP_ARTICLE] = wanted
            if filters.QP_HL in st.query_params:
                del st.query_params[filters.QP_HL]
        st.session_state["src_url_article"] = st.query_params.get(filters.QP_ARTICLE)
        row = {**by_id[chosen], "article_id": chosen}
        text_rows = texts.loc[texts["article_id"] == chosen, "text"]
        event_id = labels.clean(row["event_id"])
        # the card opens under the page's filters when they keep the event, else under none
        card_filters = ctx.filters if (ctx.filtered["events"]["event_id"] == event_id).any() else filters.Filters()
        event_name = context.per_build(ctx, "event_names", lambda: dict(
            zip(ctx.tables["events"]["event_id"], ctx.tables["events"]["name"]))).get(event_id)
        with st.container(border=True):
            st.markdown(queries.reader_header_html(row), unsafe_allow_html=True)
            st.caption(queries.reader_caption_html(
                row, event_name, filters.page_url("timeline", card_filters, card=event_id)
                if event_name is not None else None), unsafe_allow_html=True)
            if text_rows.empty:
                st.info(_("The build has no cleaned text for this article (articles_text table missing)."))
            else:
                text = str(text_rows.iloc[0])
                if quote is not None and quote[1] > len(text):
                    quote = None
                if quote is not None:
                    st.markdown(queries.linked_sentence_html(text[quote[0]:quote[1]]), unsafe_allow_html=True)
                spans = queries.article_spans(chosen, text, ctx.tables, ctx.theme_labels)
                kinds = sorted({s.kind for s in spans} - {"person", "country", "mention"})
                st.markdown(queries.legend_html(ctx.theme_labels, [t for t in ctx.theme_labels if t in kinds],
                                                quote=quote is not None), unsafe_allow_html=True)
                st.markdown(queries.highlight_html(text, spans, quote=quote), unsafe_allow_html=True)

def rejected_files() -> None:
    """The rejected files: their table, then a reader for one (the one a link opened, if any)."""
    st.subheader(_("Rejected files ({n})").format(n=i18n.format_number(len(rejected))))
    if rejected.empty:
        st.caption(_("No file was rejected."))
    else:
        table = queries.with_new_column(rejected[["article_id", "reason"] + [
            c for c in ("source_file", "sha256") if c in rejected.columns]], new_ids)
        shown_rejected, _table = ui.show_table(table, "rejected-files", key="src_rejected",
                                               column_config=ui.header_config(table, ARTICLE_HEADERS))
        by_rej = rejected.set_index("article_id")
        readable = set(rejected.loc[rejected["has_text"], "article_id"])
        # the picker offers the table's page, the article a link opened, and this session's uploads it rejected
        linked = [linked_rejected] if linked_rejected in by_rej.index else []
        rejected_ids = list(dict.fromkeys([*shown_rejected["article_id"], *linked,
                                           *(a for a in rejected["article_id"] if a in new_ids)]))
        labels_of = by_rej.loc[rejected_ids].to_dict("index")

        def _rejected_label(a: str) -> str:
            return queries.article_choice_label(a, labels_of[a], a in new_ids) + (
                "" if a in readable else " · " + _("no readable text"))

        if st.session_state.get("src_rejected_article") not in rejected_ids:  # none yet, or gone after a rebuild
            fresh = [a for a in rejected_ids if a in new_ids]  # an upload of this session the build rejected
            st.session_state["src_rejected_article"] = fresh[0] if fresh else rejected_ids[0]
        picked = st.selectbox(_("Read a rejected article"), rejected_ids, key="src_rejected_article",
                              format_func=_rejected_label,
                              help=_("The cleaned text the build read, for the files it could decode."))
        rej = by_rej.loc[picked]
        with st.container(border=True):
            st.markdown(queries.rejected_reason_html(rej["reason"]), unsafe_allow_html=True)
            if queries.waits_for_its_date(rej["reason"]):
                st.info(_("It names a meeting but gives no year, so it is not an event yet. Setting its date on the "
                          "Review and correct page (under “Waiting for one fact”) makes it an event: every rebuild "
                          "then reads it with that date."), icon=":material/event_busy:")
                to_review = filters.page_url("review", ctx.filters)
                st.markdown(queries.app_link_html(to_review, _("Set its date on Review and correct →")),
                            unsafe_allow_html=True)
            if picked in readable:
                st.markdown(queries.reader_header_html({**rej.to_dict(), "article_id": picked}), unsafe_allow_html=True)
                rej_text = str(texts.loc[texts["article_id"] == picked, "text"].iloc[0])
                linked, rej_quote = st.session_state.get("src_rejected_quote", (None, None))
                if linked != picked or rej_quote is None or rej_quote[1] > len(rej_text):
                    rej_quote = None
                if rej_quote is not None:
                    st.markdown(queries.linked_sentence_html(rej_text[rej_quote[0]:rej_quote[1]]), unsafe_allow_html=True)
                st.markdown(queries.highlight_html(rej_text, [], quote=rej_quote), unsafe_allow_html=True)
            else:
                st.caption(_("The build kept no text for this file: it could not be read as an article's text."))


with rejected_box if rejected_box is not None else st.container():
    rejected_files()
