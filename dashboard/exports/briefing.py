"""The briefing pack: one entry point for the dashboard page and the `python -m dashboard.brief` CLI.

`build_briefing(tables, filters, chart_keys, fmt)` returns a PowerPoint deck or a PDF of the same content.
The work is split by job: briefing_plan (what the pack says, format-free), briefing_pptx and briefing_pdf
(the two layouts); every chart is drawn in one Chromium session (chart_export.render_session). No
Streamlit here. The pack is written in one language, `lang` (default: the current one, dashboard.i18n), from
the same tables in every language; quotes stay as written, each naming its language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd

from dashboard import i18n
from dashboard.exports.briefing_pdf import render_pdf
from dashboard.exports.briefing_plan import (
    CHARTS, DEFAULT_CHARTS, PACK_TITLE, THEME_CHARTS, BriefingPlan, ChartSpec, EmptyBriefing, Slide,
    filters_subtitle, plan_briefing, slide_figure, theme_labels_for,
)
from dashboard.exports.briefing_pptx import render_pptx
from dashboard.exports.chart_export import export_filename, filters_slug
from dashboard.state.filters import Filters
from dashboard.exports.provenance import source_line
from dashboard.i18n import _

FORMATS = ("pptx", "pdf")
# What importers take from here: the entry points, and the plan's names re-exported.
__all__ = ["FORMATS", "build_briefing", "briefing_filename", "CHARTS", "DEFAULT_CHARTS", "PACK_TITLE",
           "THEME_CHARTS", "BriefingPlan", "ChartSpec", "EmptyBriefing", "Slide", "filters_subtitle",
           "plan_briefing", "slide_figure", "source_line", "theme_labels_for"]


def build_briefing(tables: Mapping[str, pd.DataFrame], filters: Filters | None = None,
                   chart_keys: Sequence[str] = DEFAULT_CHARTS, fmt: str = "pptx", *,
                   built_at: str | None = None, theme_labels: Mapping[str, str] | None = None,
                   lang: str | None = None) -> bytes:
    """The briefing pack for `filters` over the full (unfiltered) `tables`, as PPTX or PDF bytes, written in
    `lang` ('en' or 'id'; default the current language). Pass `lang` when this runs outside the run that
    set the language (a download button's callable runs in a server thread of its own).

    Raises EmptyBriefing when the filters leave no events, ValueError for an unknown chart key or
    format, and chart_export.ChromiumNotFound when no browser is available to draw the charts.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    with i18n.language(lang or i18n.current_language()):
        plan = plan_briefing(tables, filters or Filters(), chart_keys, built_at=built_at, theme_labels=theme_labels)
        return render_pptx(plan) if fmt == "pptx" else render_pdf(plan)


def briefing_filename(filters: Filters, fmt: str, day: date | None = None) -> str:
    """e.g. `briefing_AUS_from-2018_2026-11-23.pptx` (`bahan-paparan_…` in Indonesian: the name is made
    ASCII-safe by export_filename; the filter part is codes and ISO dates in every language)."""
    slug = filters_slug(filters.countries, filters.themes, filters.events, filters.date_from, filters.date_to)
    return export_filename(_("briefing"), f"{slug}_{(day or date.today()).isoformat()}", fmt)
