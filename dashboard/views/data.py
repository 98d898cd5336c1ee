"""Data: the filtered tables as the pipeline wrote them, and the codebook that defines them."""

import streamlit as st

from dashboard import data, ui
from dashboard.exports import export_ui

ctx = ui.page_context()
ui.header("Data", ctx, "The filtered tables, one row per fact, each with its source article and sentence.")

if ctx.empty_reason:
    st.info(ctx.empty_reason, icon=":material/filter_alt_off:")
if not ctx.empty_reason:
    with st.expander("Download the filtered tables (CSV, Excel, Parquet, or all as a zip)", expanded=True):
        export_ui.table_download_controls(ctx.filtered, ctx.filters, options=ctx.options,
                                          build_note=ctx.report.get("built_at"), key="dt_dl")
names = ["events", "participants", "attendees", "themes", "evidence", "articles"]
tabs = st.tabs([f"{n} ({len(ctx.filtered[n])})" for n in names] + ["Codebook"])
for name, tab in zip(names, tabs):
    with tab:
        if ctx.filtered[name].empty:
            st.caption(f"No {name} rows for these filters.")
        else:
            ui.show_table(ctx.filtered[name], name, key=f"dt_{name}")
with tabs[-1]:
    text = data.codebook_text()
    st.markdown(text if text else "The codebook (docs/CODEBOOK.md) is not in this installation.")
