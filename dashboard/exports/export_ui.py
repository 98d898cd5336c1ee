"""Streamlit glue for the exports: a download control beside each chart, table downloads, and the
briefing pack. Nothing is rendered while a page loads: every file is made by a deferred
`st.download_button(data=callable)`, which runs only when the user clicks it.

The callables run in a server thread *without* Streamlit's script context, so they must not touch
`st.*` or `st.session_state`: everything they need is bound when the button is drawn, the interface's
language included (they run under `i18n.language(lang)`: the run's language is not set in that thread).

Every word through dashboard.i18n; file names are ASCII-safe (export_filename) and may be translated
(`bahan-paparan_…pptx`, `acara_…csv`), widget keys never are. Inside the zip the tables keep their codebook
names (`events.csv`) and columns in every language: they are the data contract.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timezone

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import data, i18n
from dashboard.safe_text import md
from dashboard.exports import briefing
from dashboard.exports.chart_export import export_figure, export_filename, filters_slug, find_chromium, style_for_export
from dashboard.state.filters import FilterOptions, Filters, describe_filters, filters_to_query_params, kept_event_ids
from dashboard.exports.table_export import to_csv_bytes, to_parquet_bytes, to_xlsx_bytes, to_zip_bytes
from dashboard.i18n import N_, _, ngettext

# The tables a download offers, in this order (further per-event tables when the build has them).
DOWNLOAD_TABLES = ("events", "participants", "attendees", "themes", "evidence", "articles", "outcomes", "corrections")
# How a table is named to a reader and in its single-table download's file name (msgids; the code is the
# name in English, and the name inside the zip in every language). Tables not listed read as their code.
TABLE_NAMES = {"notes": N_("notes"), "events": N_("events"), "participants": N_("participants"),
               "attendees": N_("attendees"), "themes": N_("themes"), "evidence": N_("evidence"),
               "articles": N_("articles"), "outcomes": N_("outcomes"), "corrections": N_("corrections")}
CHART_FORMATS = {  # label, extension, MIME type
    "png": ("PNG (2×)", "png", "image/png"),
    "svg": ("SVG", "svg", "image/svg+xml"),
    "pdf": ("PDF", "pdf", "application/pdf"),
}
NO_CHROMIUM = N_("Image export on the server needs Chromium, which is not installed here "
                 "(`sudo apt-get install chromium`, or set BROWSER_PATH).")
CAMERA_NOTE = N_("The camera icon in the chart's toolbar still downloads a PNG from your browser.")
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _slug(f: Filters) -> str:
    return filters_slug(f.countries, f.themes, f.events, f.date_from, f.date_to)


def title_of(fig: go.Figure, slug: str, title: str | None = None) -> str:
    """An exported chart's title: `title`, else the figure's own as plain text (a figure holds it escaped
    for plotly), else the slug in words."""
    text = html.unescape(fig.layout.title.text) if fig.layout.title and fig.layout.title.text else ""
    return title or text or slug.replace("-", " ").replace("_", " ").capitalize()


def _chart_bytes(fig: go.Figure, title: str, subtitle: str, source: str, fmt: str) -> Callable[[], bytes]:
    """A deferred renderer (runs on click, outside the script context)."""
    def render() -> bytes:
        return export_figure(style_for_export(fig, title, subtitle, source), fmt)
    return render


def chart_download_controls(fig: go.Figure, slug: str, filters: Filters, source_line: str | Callable[[], str], *,
                            title: str | None = None, options: FilterOptions | None = None,
                            key: str | None = None) -> None:
    """A compact "Export" popover offering the chart as PNG (2×), SVG and PDF, slide-ready.

    The image gets a title (`title`, else the figure's, else the slug), a subtitle naming `filters`,
    and `source_line` (or what it returns, computed only when the menu opens); the file is named like
    `themes-by-event_AUS_2018-2019.png`. The menu's content is made only while it is open (its state is
    `session_state[key + "_menu"]`), and each image only when its format is clicked. Without Chromium
    the popover says so plainly.
    """
    key = key or f"exp_{slug}"
    menu = st.popover(_("Export"), icon=":material/download:", help=_("Download this chart for a slide"),
                      key=f"{key}_menu", on_change="rerun")
    with menu:
        if not menu.open:   # closed: a page run costs nothing for its charts' exports
            return
        if find_chromium() is None:
            st.caption(_(NO_CHROMIUM) + " " + _(CAMERA_NOTE))
            return
        title = title_of(fig, slug, title)
        subtitle = briefing.filters_subtitle(filters, options)
        source = source_line() if callable(source_line) else source_line
        part = _slug(filters)
        st.caption(_("Slide-ready image (1600×900): title, active filters and sources included. "
                     "Made when you click (a few seconds)."))
        for fmt, (label, ext, mime) in CHART_FORMATS.items():
            st.download_button(label, data=_chart_bytes(fig, title, subtitle, source, fmt),
                               file_name=export_filename(slug, part, ext), mime=mime, on_click="ignore",
                               key=f"{key}_{fmt}", icon=":material/image:", width="stretch")


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------

def codebook_markdown() -> str:
    """The repository's codebook (docs/CODEBOOK.md), or a short note when it is missing."""
    return data.codebook_text() or _("# Codebook\n\nThe codebook (docs/CODEBOOK.md) was not found in this "
                                     "installation.\n")


def filters_readme(filters: Filters, options: FilterOptions | None = None, build_note: str | None = None,
                   now: datetime | None = None) -> str:
    """README.md for the zip, in the interface's language: when, which build, which filters, and how to get
    the same selection again (the link's parameters and the CLI's flags are codes in every language)."""
    now = now or datetime.now(timezone.utc)
    parts = describe_filters(filters, options)
    stamp = f"{now:%Y-%m-%d %H:%M}"
    lines = [_("# ASEAN digital diplomacy: filtered tables"), "",
             (_("Exported {time} UTC from the build of {build}.").format(time=stamp, build=build_note) if build_note
              else _("Exported {time} UTC.").format(time=stamp)),
             "", _("## Filters used"), ""]
    lines += [f"- {p}" for p in parts] or ["- " + _("none (all events)")]
    qp = filters_to_query_params(filters)
    if qp:
        query = "&".join(f"{k}={v}" for k, vals in qp.items() for v in vals)
        lines += ["", _("The same selection in the dashboard: add `?{query}` to its address.").format(query=query)]
    cli = " ".join([f"--event {e}" for e in filters.events] + [f"--country {c}" for c in filters.countries]
                   + [f"--theme {t}" for t in filters.themes]
                   + ([f"--from {filters.date_from}"] if filters.date_from else [])
                   + ([f"--to {filters.date_to}"] if filters.date_to else []))
    if cli:
        lang = i18n.current_language()
        flags = cli + (f" --lang {lang}" if lang != i18n.DEFAULT_LANGUAGE else "")
        lines += ["", _("The briefing pack for it: `{command}`").format(
            command=f"python -m dashboard.brief --out brief.pptx {flags}")]
    if filters.asean_only:
        lines += ["", _("(ASEAN members only: participants and attendees are narrowed to ASEAN member states.)")]
    return "\n".join(lines) + "\n"


def table_label(name: str) -> str:
    """A table's name as a reader sees it (`events` / `acara`); a table not in TABLE_NAMES, its code."""
    return _(TABLE_NAMES[name]) if name in TABLE_NAMES else name


def _in_language(lang: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
    """`make`, run in `lang` (a download's callable runs in a thread where the run's language is not set)."""
    def run() -> bytes:
        with i18n.language(lang):
            return make()
    return run


def _downloadable(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {n: tables[n] for n in DOWNLOAD_TABLES if n in tables and isinstance(tables[n], pd.DataFrame)}


def table_download_controls(tables: Mapping[str, pd.DataFrame], filters: Filters, *,
                            options: FilterOptions | None = None, build_note: str | None = None,
                            key: str = "tdl", first: Mapping[str, pd.DataFrame] | None = None) -> None:
    """Download one filtered table as CSV / Excel / Parquet, or all of them as one zip.

    `tables` are the *filtered* tables; `first`, tables made from them to offer first (the notes table).
    The zip holds every table as CSV and Parquet, tables.xlsx, the codebook and a README of the filters.
    Files are made only when clicked.
    """
    tabs = {**(first or {}), **_downloadable(tables)}
    part = _slug(filters)
    lang = i18n.current_language()
    left, right = st.columns([3, 2])
    with left:
        name = st.selectbox(_("Table"), list(tabs), key=f"{key}_table",
                            format_func=lambda n: ngettext("{table} ({n} row)", "{table} ({n} rows)", len(tabs[n])).format(
                                table=table_label(n), n=i18n.format_number(len(tabs[n]))))
        df = tabs[name]
        stem = table_label(name)   # the file's name (ASCII-safe in export_filename): `events_…` / `acara_…`
        c = st.columns(3)
        c[0].download_button("CSV", data=lambda df=df: to_csv_bytes(df), file_name=export_filename(stem, part, "csv"),
                             mime="text/csv", on_click="ignore", key=f"{key}_csv", icon=":material/csv:",
                             help=_("UTF-8 with BOM: opens cleanly in Excel"), width="stretch")
        c[1].download_button("Excel", data=lambda n=name, df=df: to_xlsx_bytes({n: df}),
                             file_name=export_filename(stem, part, "xlsx"),
                             mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             on_click="ignore", key=f"{key}_xlsx", icon=":material/table:", width="stretch")
        c[2].download_button("Parquet", data=lambda df=df: to_parquet_bytes(df),
                             file_name=export_filename(stem, part, "parquet"), mime="application/octet-stream",
                             on_click="ignore", key=f"{key}_parquet", icon=":material/database:", width="stretch")
    with right:
        readme = filters_readme(filters, options, build_note)
        codebook = codebook_markdown()
        st.download_button(_("All tables (zip)"), data=_in_language(lang, lambda: to_zip_bytes(tabs, codebook, readme)),
                           file_name=export_filename(_("tables"), part, "zip"), mime="application/zip",
                           on_click="ignore", key=f"{key}_zip", icon=":material/folder_zip:", type="primary",
                           help=_("Every table as CSV and Parquet, one Excel workbook, the codebook and a README "
                                  "of the filters"), width="stretch")
        st.caption(_("Cells starting with = + - @ are prefixed with ' in CSV and Excel (no formulas run)."))


# ---------------------------------------------------------------------------------------------
# Briefing pack
# ---------------------------------------------------------------------------------------------

def _pack(tables, filters, keys, fmt, built_at, labels, lang) -> Callable[[], bytes]:
    def render() -> bytes:  # runs on click, outside the script context: in the language of the run that drew it
        return briefing.build_briefing(tables, filters, keys, fmt, built_at=built_at, theme_labels=labels, lang=lang)
    return render


def briefing_controls(tables: Mapping[str, pd.DataFrame], filters: Filters, *, built_at: str | None = None,
                      theme_labels: Mapping[str, str] | None = None, options: FilterOptions | None = None,
                      empty_reason: str | None = None, key: str = "brief") -> None:
    """Choose charts; one click on either button builds and downloads the PowerPoint or the PDF, written in
    the interface's language.

    `tables` are the *full* tables (the pack applies `filters` itself, as the CLI does).
    """
    if empty_reason or not kept_event_ids(dict(tables), filters):
        st.info(_("Nothing to brief on. {reason}").format(reason=md(empty_reason or _("No events match these filters."))),
                icon=":material/filter_alt_off:")
        return
    keys: Sequence[str] = st.multiselect(
        _("Charts in the pack"), list(briefing.CHARTS), default=list(briefing.DEFAULT_CHARTS), key=f"{key}_charts",
        format_func=lambda k: _(briefing.CHARTS[k].title),
        help=_("One slide each, with the evidence sentences and their sources in the speaker notes."))
    st.markdown(
        _("The pack, in order: **a title slide** (filters, date, sources, facts analysts corrected) · **findings**: "
          "what the filtered data says in plain sentences, each with its source · **the events table** · **one "
          "slide per event** (its card: place, host, countries, people, outcomes, key sentences) · **one slide per "
          "chart** (evidence in the speaker notes) · **every source article** · in the PDF, **an appendix**: the "
          "events one row each, then the evidence behind the charts.")
        + "  \n" + md(briefing.filters_subtitle(filters, options)))  # names events and themes from the data
    if find_chromium() is None:
        st.warning(_(NO_CHROMIUM) + " " + _("The briefing pack draws its charts with it."),
                   icon=":material/warning:")
        return
    today = date.today()
    lang = i18n.current_language()
    c = st.columns(2)
    c[0].download_button(_("Download PowerPoint (.pptx)"),
                         data=_pack(tables, filters, tuple(keys), "pptx", built_at, theme_labels, lang),
                         file_name=briefing.briefing_filename(filters, "pptx", today), mime=PPTX_MIME,
                         on_click="ignore", type="primary", icon=":material/slideshow:", key=f"{key}_pptx",
                         width="stretch")
    c[1].download_button(_("Download PDF"), data=_pack(tables, filters, tuple(keys), "pdf", built_at, theme_labels, lang),
                         file_name=briefing.briefing_filename(filters, "pdf", today), mime="application/pdf",
                         on_click="ignore", icon=":material/picture_as_pdf:", key=f"{key}_pdf", width="stretch")
    st.caption(_("Each file is made when you click (about 5 seconds on the seed data: one Chromium session "
                 "draws every chart)."))
