"""Data: the filtered tables as the pipeline wrote them, the analysts' corrections log, and the codebook
that defines them."""

import streamlit as st

from dashboard import data, queries, ui
from dashboard.safe_text import md, md_code
from dashboard.exports import export_ui, notes

ctx = ui.page_context()
ui.header("Data", ctx, "The filtered tables, one row per fact, each with its source article and sentence.")

if ctx.empty_reason:
    st.info(md(ctx.empty_reason), icon=":material/filter_alt_off:")
if not ctx.empty_reason:
    with st.expander("Download the filtered tables (CSV, Excel, Parquet, or all as a zip)", expanded=True):
        export_ui.table_download_controls(ctx.filtered, ctx.filters, options=ctx.options,
                                          build_note=ctx.report.get("built_at"), key="dt_dl",
                                          first={notes.NOTES_TABLE: ui.notes_table(ctx)})
names = [n for n in ("events", "participants", "attendees", "themes", "evidence", "outcomes", "articles")
         if n in ctx.filtered]
log = queries.corrections_log(ctx.tables["corrections"])  # every correction, whatever the filters
n_stale = int((log["status"] == "stale").sum()) if "status" in log.columns else 0
tabs = st.tabs([f"One row per event, for notes ({len(ctx.filtered['events'])})"]
               + [f"{n} ({len(ctx.filtered[n])})" for n in names]
               + [f"Corrections log ({len(log)}" + (f", {n_stale} stale)" if n_stale else ")"), "Codebook"])
with tabs[0]:
    st.caption("Each filtered event on one line, with its date, place, host, the countries (host and co-chairs "
               "marked; “implied” where an ASEAN body's meeting implies a member no article names), the people "
               "with their titles, its outcomes and its sources: ready to paste into a note. Download it above "
               "(“notes”, CSV or Excel).")
    ui.show_table(ui.notes_table(ctx), "notes", key="dt_notes")
for name, tab in zip(names, tabs[1:]):
    with tab:
        if ctx.filtered[name].empty:
            st.caption(f"No {name} rows for these filters.")
        else:
            ui.show_table(ctx.filtered[name], name, key=f"dt_{name}")
with tabs[-2]:
    file = (ctx.report.get("corrections") or {}).get("file")
    st.caption((f"The analysts' corrections file is {md_code(file)}." if file else
                "The build report names no corrections file.")
               + " Every correction the build read is listed here, whatever the filters, stale ones first: a stale "
               "one no longer matches anything in the build and is kept, never dropped. Corrections are made on "
               "the Review and correct page or with `python -m data_prep correct`; every rebuild applies them.")
    if log.empty:
        st.caption("No corrections yet: every fact is as extracted.")
    else:
        ui.show_table(log, "corrections", key="dt_corrections")
with tabs[-1]:
    text = data.codebook_text()
    st.markdown(text if text else "The codebook (docs/CODEBOOK.md) is not in this installation.")
