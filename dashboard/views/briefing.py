"""Briefing pack: choose charts, get the PowerPoint deck or the PDF for the current filters in one click,
and download the filtered tables. Thin: the work is in dashboard.exports.briefing and dashboard.exports.export_ui.
Translated (docs/TRANSLATING.md): the page, and the pack it makes, are in the interface's language."""

import streamlit as st

from dashboard import ui
from dashboard.exports import export_ui, notes
from dashboard.i18n import _

ctx = ui.page_context()
ui.header(_("Briefing pack"), ctx, _("A slide deck or PDF for the current filters: findings, the events, every chart "
                                     "with its evidence, the sources."))
built_at = ctx.report.get("built_at")
export_ui.briefing_controls(ctx.tables, ctx.filters, built_at=built_at, theme_labels=ctx.theme_labels,
                            options=ctx.options, empty_reason=ctx.empty_reason)

st.subheader(_("The filtered data"))
export_ui.table_download_controls(ctx.filtered, ctx.filters, options=ctx.options, build_note=built_at,
                                  first={notes.NOTES_TABLE: ui.notes_table(ctx)} if not ctx.empty_reason else None)
