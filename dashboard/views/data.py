"""Data: the filtered tables as the pipeline wrote them, the analysts' corrections log, and the codebook
that defines them. Translated (docs/TRANSLATING.md): the page's words and the tables' headers through
dashboard.i18n. The tables are shown as the pipeline wrote them: their cells (codes, roles, the build's
words) and the codebook (a technical document, in English) are not translated; a header in Indonesian
carries the column's codebook name in its help."""

import pandas as pd
import streamlit as st

from dashboard import data, i18n, queries, ui
from dashboard.i18n import N_, _
from dashboard.safe_text import md, md_code
from dashboard.exports import export_ui, notes

# The tables' names (codes, as in the downloads and the codebook) as a tab reads them: msgids.
TABLE_NAMES = {"events": N_("events"), "participants": N_("participants"), "attendees": N_("attendees"),
               "themes": N_("themes"), "evidence": N_("evidence"), "outcomes": N_("outcomes"),
               "articles": N_("articles")}
# The columns (the codebook's names) and what each holds, in words: msgids. In English a header stays the
# column's name, as before; in Indonesian it is the translation, with the codebook's name as its help.
# (table, column) entries are for a name that means something else in that table.
HEADERS = {
    "event_id": N_("event id"), "name": N_("name"), "acronym": N_("acronym"), "start_date": N_("start date"),
    "end_date": N_("end date"), "city": N_("city"), "lon": N_("longitude"), "lat": N_("latitude"),
    "venue": N_("venue"), "host_iso3": N_("host (ISO3)"), "event_type": N_("event type"),
    "n_countries": N_("number of countries"), "n_attendees": N_("number of attendees"),
    "n_sources": N_("number of source articles"), "tagline": N_("theme of the event"),
    "evidence": N_("evidence sentence"), "date_evidence": N_("sentence giving the date"),
    "article_id": N_("article id"), "method": N_("method"), "confidence": N_("confidence"), "origin": N_("origin"),
    "iso3": N_("ISO3"), "country": N_("country"), "role": N_("role"), "is_asean": N_("ASEAN member"),
    "title": N_("title of the article"), ("attendees", "title"): N_("position"),
    ("corrections", "title"): N_("position"), "organization": N_("organisation"), "theme": N_("theme"),
    "n_evidence": N_("sentences (once per article)"), "share": N_("share"), "sentence": N_("sentence"),
    "cue": N_("cue word"), "char_start": N_("first character"), "char_end": N_("end character"),
    "cue_start": N_("cue's first character"), "cue_end": N_("cue's end character"),
    "counted": N_("counted"), "document": N_("document"), "rank": N_("rank"), "outlet": N_("outlet"),
    "author": N_("author"), "published_date": N_("publication date"), "language": N_("language of the article"),
    "n_words": N_("words"), "status": N_("status"), "reason": N_("reason"), "source_file": N_("source file"),
    "url": N_("web address"), "action": N_("action"), "event_article": N_("article of the event"),
    "target": N_("target"), "value": N_("value"), "note": N_("note"), "who": N_("who"), "when": N_("when"),
    "recorded_event_id": N_("event id when recorded"), "detail": N_("detail"),
    # the notes table (dashboard.exports.notes)
    "date": N_("date"), "event": N_("event"), "place": N_("place"), "host": N_("host"),
    "countries": N_("countries"), "people": N_("people"), "outcomes": N_("outcomes"), "sources": N_("sources"),
}


def headers(df: pd.DataFrame, table: str) -> dict:
    """column_config for a table: each known column's header in the current language (with its codebook
    name as help), or nothing where that language has no other word for it (English: the name as before)."""
    out = {}
    for c in df.columns:
        msgid = HEADERS.get((table, c)) or HEADERS.get(c)
        if msgid is not None and (word := _(msgid)) != msgid and word != c:
            out[c] = st.column_config.Column(word, help=f"`{c}`")
    return out


def table_name(name: str) -> str:
    return _(TABLE_NAMES[name]) if name in TABLE_NAMES else name


num = i18n.format_number
ctx = ui.page_context()
ui.header(_("Data"), ctx, _("The filtered tables, one row per fact, each with its source article and sentence."))

if ctx.empty_reason:
    st.info(md(ctx.empty_reason), icon=":material/filter_alt_off:")
if not ctx.empty_reason:
    with st.expander(_("Download the filtered tables (CSV, Excel, Parquet, or all as a zip)"), expanded=True):
        export_ui.table_download_controls(ctx.filtered, ctx.filters, options=ctx.options,
                                          build_note=ctx.report.get("built_at"), key="dt_dl",
                                          first={notes.NOTES_TABLE: ui.notes_table(ctx)})
names = [n for n in ("events", "participants", "attendees", "themes", "evidence", "outcomes", "articles")
         if n in ctx.filtered]
log = queries.corrections_log(ctx.tables["corrections"])  # every correction, whatever the filters
n_stale = int((log["status"] == "stale").sum()) if "status" in log.columns else 0
tabs = st.tabs([_("One row per event, for notes ({n})").format(n=num(len(ctx.filtered["events"])))]
               + [_("{table} ({n})").format(table=table_name(n), n=num(len(ctx.filtered[n]))) for n in names]
               + [(_("Corrections log ({n}, {stale} stale)") if n_stale else _("Corrections log ({n})")).format(
                   n=num(len(log)), stale=num(n_stale)), _("Codebook")])
with tabs[0]:
    st.caption(_("Each filtered event on one line, with its date, place, host, the countries (host and co-chairs "
                 "marked; “implied” where an ASEAN body's meeting implies a member no article names), the people "
                 "with their titles, its outcomes and its sources: ready to paste into a note. Download it above "
                 "(“notes”, CSV or Excel)."))
    notes_rows = ui.notes_table(ctx)
    ui.show_table(notes_rows, "notes", key="dt_notes", column_config=headers(notes_rows, "notes"))
for name, tab in zip(names, tabs[1:]):
    with tab:
        if ctx.filtered[name].empty:
            st.caption(_("No {table} rows for these filters.").format(table=table_name(name)))
        else:
            ui.show_table(ctx.filtered[name], name, key=f"dt_{name}", column_config=headers(ctx.filtered[name], name))
with tabs[-2]:
    file = (ctx.report.get("corrections") or {}).get("file")
    st.caption((_("The analysts' corrections file is {file}.").format(file=md_code(file)) if file else
                _("The build report names no corrections file."))
               + " " + _("Every correction the build read is listed here, whatever the filters, stale ones first: "
                         "a stale one no longer matches anything in the build and is kept, never dropped. Corrections "
                         "are made on the Review and correct page or with {command}; every rebuild applies them.")
               .format(command="`python -m data_prep correct`"))
    if log.empty:
        st.caption(_("No corrections yet: every fact is as extracted."))
    else:
        ui.show_table(log, "corrections", key="dt_corrections", column_config=headers(log, "corrections"))
with tabs[-1]:
    text = data.codebook_text()
    if text and i18n.current_language() != i18n.DEFAULT_LANGUAGE:
        st.caption(_("The codebook is the tables' technical reference, kept in English: it names the columns as "
                     "the downloads do (each header's help gives that name)."))
    st.markdown(text if text else _("The codebook (docs/CODEBOOK.md) is not in this installation."))
