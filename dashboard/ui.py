"""Shared Streamlit pieces every page uses: the page context, header, footer, chart and table
display (the single hooks for the export controls), the empty-data message and the event card.

Every value from the data goes on screen through dashboard.safe_text (md for Markdown, html_line for
HTML blocks, http_url before anything becomes a link). Every word of the interface goes through
dashboard.i18n (_() at use; docs/TRANSLATING.md), data values never do."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import i18n, labels, queries
from dashboard.i18n import N_, _
from dashboard.safe_text import html_line, http_url, md, md_code
from dashboard.state import context
from dashboard.figures import charts
from dashboard.exports import export_ui, notes, provenance
from dashboard.state.context import PageContext
from dashboard.state.filter_state import link_notes
from dashboard.state.filters import describe_filters
from dashboard.state.language_state import apply_language


def page_context() -> PageContext:
    """The current page's data (dashboard.state.context.page_context, cached). Sets the run's language
    first (again, in the app: the same; a page run on its own takes `lang=` from the URL)."""
    apply_language()
    return context.page_context()


def header(title: str, ctx: PageContext, subtitle: str | None = None) -> None:
    """Page title plus one line naming the active filters (the same on every page)."""
    st.title(title)
    if subtitle:
        st.caption(subtitle)
    active = describe_filters(ctx.filters, ctx.options)
    if active:   # names from the data, as code
        st.markdown(_("**Filtered:**") + " " + " · ".join(md_code(p) for p in active))
    else:
        st.markdown(_("**Showing everything** — no filters set (use the sidebar)."))
    for note in link_notes(ctx.filters):   # what the opening link asked for and the data cannot show
        st.warning(md(note), icon=":material/link_off:")


def stop_if_empty(ctx: PageContext) -> None:
    """If the filters leave no events, say which filter emptied the data and stop the page."""
    if ctx.empty_reason:
        st.info(md(ctx.empty_reason), icon=":material/filter_alt_off:")  # it names events and themes
        st.stop()


def show_chart(fig: go.Figure, slug: str, *, key: str | None = None, on_select=None, note: str | None = None,
               title: str | None = None, **kwargs):
    """Show a plotly figure with the app's config (download filename `slug`, 2× scale).

    The one place every chart passes through: export controls hook in here. `note` (one short sentence
    on how the figure is made) goes on its own line under the exported image's source line; `title` is the
    exported image's title when the figure's own would not say what it shows ("Partners of Indonesia").
    """
    key = key or f"chart_{slug}"
    args = dict(config=charts.plotly_config(slug), theme=None, key=key, **kwargs)
    if on_select is not None:
        args["on_select"] = on_select
    result = st.plotly_chart(fig, **args)
    if fig.data:  # nothing to export from a "no data" placeholder
        _export_controls(fig, slug, key, note, title)
    return result


def lazy_expander(label: str, key: str, **kwargs):
    """An expander whose content a page makes only while it is open (`if box.open:` inside it): opening
    or closing it reruns the page, so costly figures and forms cost nothing while it is closed."""
    return st.expander(label, key=key, on_change="rerun", **kwargs)


def show_timeline(ctx: PageContext, events: pd.DataFrame, slug: str, key: str, *, compact: bool = False,
                  color_by: str = "leading_theme", **chart_args) -> None:
    """The events on a date axis, one marker each; past charts.MAX_MARKERS events, bars counting them per
    year or month instead, saying so (thousands of markers neither read nor load well)."""
    if len(events) > charts.MAX_MARKERS:
        counts, unit = context.derived(ctx, "event_counts", lambda: charts.event_counts(events))
        show_chart(charts.event_counts_figure(counts, unit, height=280 if compact else 360), f"{slug}-per-{unit}",
                   key=f"{key}_counts")
        per = {"year": _("year"), "month": _("month")}.get(unit, unit)
        st.caption(_("{n} events: too many to draw one marker each (more than {most}), so the chart counts them "
                     "per {unit} and event type. Narrow the dates, countries or themes to see each event.").format(
                         n=i18n.format_number(len(events)), most=i18n.format_number(charts.MAX_MARKERS), unit=per))
        return
    data = context.derived(ctx, "timeline_data", lambda: charts.timeline_data(events, ctx.filtered["themes"],
                                                                               ctx.theme_labels))
    show_chart(charts.timeline_figure(data, color_by=color_by, height=280 if compact else 420, compact=compact),
               slug, key=key, **chart_args)


def source_line(ctx: PageContext) -> str:
    """The source line for charts exported from this page: the same text as the briefing pack's."""
    return provenance.source_line(ctx.filtered, ctx.report.get("built_at"))


def _export_controls(fig: go.Figure, slug: str, key: str, note: str | None = None, title: str | None = None) -> None:
    """The download control (PNG/SVG/PDF) under a chart; a `note` becomes a second line of the image's
    source text (made only when the control is opened). The image's title ends with the years of the
    filtered events ("Partners of Indonesia, 2023–2025"), so a slide says what and when on its own."""
    ctx = page_context()
    years = years_of(ctx.filtered["events"])
    title = export_ui.title_of(fig, slug, title)
    export_ui.chart_download_controls(fig, slug, ctx.filters, lambda: source_line(ctx) + (f"\n{note}" if note else ""),
                                      title=f"{title}, {years}" if years and years not in title else title,
                                      options=ctx.options, key=f"exp_{key}")


def years_of(events: pd.DataFrame) -> str:
    """The years the events span: '2019', '2018–2019', or '' when none is dated."""
    lo, hi = events["start_date"].min(), events["end_date"].fillna(events["start_date"]).max()
    if pd.isna(lo) or pd.isna(hi):
        return ""
    return f"{lo:%Y}" if lo.year == hi.year else f"{lo:%Y}–{hi:%Y}"


EMPTY_TEXT = labels.EMPTY_TEXT  # the one wording for a missing value


def display_copy(df: pd.DataFrame, keep: tuple[str, ...] = ()) -> pd.DataFrame:
    """A copy for display only: empty cells of text columns (None, NaN, "" or blanks) read
    labels.empty_text() (EMPTY_TEXT in English) instead of a grey "None". A column counts as text when every value it holds is a string; numbers,
    dates, flags and lists are left as they are, and so are the `keep` columns (links: an empty link cell
    stays empty rather than becoming a link to "not stated"); `df` itself is not changed. Column-wise
    (vectorised), so it costs milliseconds at 100,000 rows."""
    out = df.copy()
    empty_text = labels.empty_text()
    for c in out.columns:
        if c in keep:
            continue
        col = out[c]
        if isinstance(col.dtype, pd.StringDtype):   # text by its type: no need to look at each value
            empty = col.isna() | col.str.strip().eq("").fillna(False)
            if empty.any():
                out[c] = col.astype(object).where(~empty, empty_text)
            continue
        if not (pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)
                or isinstance(col.dtype, pd.CategoricalDtype)):
            continue
        values = col.astype(object)
        missing = values.isna()
        present = values[~missing]
        if not present.map(type).eq(str).all():
            continue  # not a text column
        empty = missing | values.where(~missing, "x").astype(str).str.strip().eq("")
        if empty.any():
            out[c] = values.where(~empty, empty_text)
    return out


TABLE_PAGE_ROWS = 500   # rows a table sends to the browser at once; the downloads hold every row


def page_of(n: int, key: str, per_page: int, noun: str | None = None) -> slice:
    """Which part of `n` items to show: all when they fit on one page, else a page picker ("Page 2 of 40,
    rows 501-1,000 of 19,734") whose choice is kept per `key`. What a page makes and sends then grows
    with the page, not with the corpus. `noun` (already translated, plural: _("articles")) names the
    items; by default, rows."""
    noun = noun or _("rows")
    pages = max(1, -(-n // per_page))
    if pages == 1:
        return slice(0, n)
    page = st.number_input(_("Page (of {pages})").format(pages=i18n.format_number(pages)), min_value=1,
                           max_value=pages, value=1, step=1, key=f"{key}_page",
                           help=_("{n} {noun} a page").format(n=i18n.format_number(per_page), noun=noun))
    start = (int(page) - 1) * per_page
    st.caption(_("{noun} {first}–{last} of {n}.").format(
        noun=noun[:1].upper() + noun[1:], first=i18n.format_number(start + 1),
        last=i18n.format_number(min(start + per_page, n)), n=i18n.format_number(n)))
    return slice(start, start + per_page)


EVENTS_PER_CHART = 30   # per-event charts past this many events come a page of events at a time


def events_for_chart(events: pd.DataFrame, key: str, per_page: int = EVENTS_PER_CHART) -> pd.DataFrame:
    """The events a per-event chart shows: all of them when they fit, else a page of them, newest first,
    with a page picker that says so (a bar per event stays readable at any corpus size)."""
    newest = events.sort_values(["start_date", "event_id"], ascending=False)
    return newest.iloc[page_of(len(newest), key, per_page, _("events (page 1: the newest)"))]


def show_table(df: pd.DataFrame, slug: str, *, key: str | None = None, **kwargs):
    """Show a table (hide the index, dates as YYYY-MM-DD, empty text cells as EMPTY_TEXT); the one place
    table exports hook in. Only the displayed copy is changed: `df` itself (downloads) keeps its nulls.
    A long table is shown a page of TABLE_PAGE_ROWS at a time; returns the rows shown (so a selection's
    row numbers can be read against them) and st.dataframe's result."""
    key = key or f"table_{slug}"
    config = {c: st.column_config.DateColumn(c, format="YYYY-MM-DD")
              for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c])}
    config.update(kwargs.pop("column_config", {}) or {})
    links = tuple(c for c, v in config.items() if isinstance(v, dict) and (v.get("type_config") or {}).get("type") == "link")
    shown = df.iloc[page_of(len(df), key, TABLE_PAGE_ROWS)]
    result = st.dataframe(display_copy(shown, keep=links), hide_index=True, key=key, column_config=config, **kwargs)
    return shown, result


def notes_table(ctx: PageContext) -> pd.DataFrame:
    """One row per filtered event for a note (dashboard.exports.notes), kept per build and filters."""
    return context.derived(ctx, "notes", lambda: notes.notes_table(ctx.filtered))


def footer(ctx: PageContext) -> None:
    """Provenance: how many articles from which outlets, when the build was made, where it lives."""
    def counts() -> tuple[int, int, list[str]]:
        arts = ctx.tables["articles"]
        included = arts[arts["status"] == "included"]
        return len(included), len(arts), sorted(included["outlet"].dropna().astype(str).unique())

    n_included, n_files, outlets = context.per_build(ctx, "footer", counts)
    built = ctx.report.get("built_at") or ctx.report.get("build_date") or ctx.report.get("generated_at")
    if not built:
        try:
            built = pd.Timestamp((ctx.build_dir / "build_report.json").stat().st_mtime, unit="s").strftime("%Y-%m-%d %H:%M UTC")
        except OSError:
            built = _("unknown")
    st.divider()
    sources = (_("**Sources:** {n} included articles of {files} files from {outlets}.") if outlets
               else _("**Sources:** {n} included articles of {files} files."))
    st.caption(
        sources.format(n=i18n.format_number(n_included), files=i18n.format_number(n_files),
                       outlets=md(", ".join(outlets)))
        + " " + _("**Build:** {built}, from {folder}.").format(built=md(built), folder=md_code(ctx.build_dir))
        + " " + _("Every number traces to a sentence in a source article (see Sources and Data). Runs offline: "
                  "no CDN, no tiles, no account.")
    )


def evidence_html(items: list[queries.Evidence]) -> str:
    """Supporting sentences in full (they wrap), each with the facts it supports and a link to its
    article on the Sources page with the sentence highlighted (and the article's own address, if it is an
    http(s) one). Every value is escaped and on one line (the HTML block must not end early)."""
    rows = []
    for e in items:
        src = html_line(e.source)
        tip = html_line(_("Open the article with this sentence highlighted"))
        link = f'<a href="{html_line(e.link)}" target="_self" title="{tip}">{src}</a>' if e.link else src
        url = http_url(e.url)
        if url:
            original = html_line(_("original"))   # outside the f-string: extraction cannot see into one
            link += f' · <a href="{html_line(url)}" target="_blank" rel="noopener">{original} ↗</a>'
        language = i18n.language_name(e.language)
        said_in = " · " + html_line(_("in {language}").format(language=language)) if language else ""
        lang_attr = f' lang="{html_line(e.language)}"' if e.language else ""
        rows.append(f'<li style="margin-bottom:0.5rem"><b>{html_line(", ".join(e.facts))}</b>: '
                    f'<q{lang_attr} style="quotes:none">“{html_line(e.sentence)}”</q><br>'
                    f'<span style="color:#555;font-size:0.9rem">— {link}{said_in}</span></li>')
    return '<ul style="padding-left:1.2rem;line-height:1.5">' + "".join(rows) + "</ul>"


def _evidence(items: list[queries.Evidence]) -> None:
    if items:
        st.markdown(_("**The sentences behind these facts**"))
        st.markdown(evidence_html(items), unsafe_allow_html=True)


# The event card's table headers: the frames keep the codebook's column names (English headers, as before);
# in another language each header reads the translation of what the column holds.
CARD_HEADERS = {
    "countries": {"country": N_("country"), "role": N_("role")},
    "attendees": {"name": N_("name"), "title": N_("position"), "organization": N_("organisation"),
                  "country": N_("country")},
    "sources": {"article_id": N_("article id"), "outlet": N_("outlet"), "title": N_("title of the article"),
                "author": N_("author")},
}


def header_config(df: pd.DataFrame, names: dict[str, str], **config) -> dict:
    """column_config giving each named column of `df` its header in the current language (nothing where the
    language's word is the column's own name, so English headers stay the column names), plus `config`."""
    out = {}
    for column, msgid in names.items():
        word = _(msgid)
        if column in df.columns and word not in (msgid, column):
            out[column] = word
    return out | config


def render_event_card(card: queries.EventCard, *, key_prefix: str) -> None:
    """The event card: name, date, place, host, countries, attendees, outcomes, themes, sources; every
    fact with how many of the event's articles support it and its sentence one click from its article."""
    with st.container(border=True):
        st.subheader(md(card.name))
        with st.container(horizontal=True, gap="large"):
            for label, value in ((_("Date"), card.dates), (_("Place"), card.place), (_("Host"), card.host),
                                 (_("Type"), card.event_type), (_("Source articles"), i18n.format_number(card.n_articles))):
                st.markdown(f"**{label}**  \n{md(value)}", width="content")
        if card.tagline:
            st.markdown(_("**Theme of the event:** {tagline}").format(tagline=md(card.tagline)))
        if card.outcome_sentences:
            st.markdown(_("**Outcomes**"))
            st.markdown("\n".join(f"- {md(s)}" for s in card.outcome_sentences))
        else:
            st.markdown(_("**Outcomes:** none extracted from the sources."))
        if card.event_evidence:
            st.markdown(_("**Where the event and its date are read from**"))
            st.markdown(evidence_html(card.event_evidence), unsafe_allow_html=True)
        tab_c, tab_p, tab_t, tab_s = st.tabs([
            _("Countries ({n})").format(n=len(card.countries)), _("Attendees ({n})").format(n=len(card.attendees)),
            _("Themes ({n})").format(n=len(card.themes)), _("Source articles ({n})").format(n=len(card.sources)),
        ])
        support = st.column_config.TextColumn(_("articles"), help=_("How many of the event's articles support the fact."))
        analyst = st.column_config.TextColumn(_("analyst"), help=_("Confirmed, or added or changed, by an analyst: the "
                                                                   "Data page's corrections log says who, when and why."))
        with tab_c:
            if card.countries.empty:
                st.write(_("No participating countries extracted."))
            else:
                show_table(card.countries, f"{card.event_id}-countries", key=f"{key_prefix}_card_countries",
                           column_config=header_config(card.countries, CARD_HEADERS["countries"],
                                                       articles=support, analyst=analyst))
                _evidence(card.country_evidence)
        with tab_p:
            if card.attendees.empty:
                st.write(_("No attendees named in the sources."))
            else:
                show_table(card.attendees, f"{card.event_id}-attendees", key=f"{key_prefix}_card_attendees",
                           column_config=header_config(card.attendees, CARD_HEADERS["attendees"],
                                                       articles=support, analyst=analyst))
                _evidence(card.attendee_evidence)
        with tab_t:
            if card.themes.empty:
                st.write(_("No theme evidence for this event."))
            else:
                show_table(
                    card.themes[["theme_label", "share", "n_evidence", "articles"]], f"{card.event_id}-themes",
                    key=f"{key_prefix}_card_themes",
                    column_config={"share": st.column_config.ProgressColumn(_("share"), format="percent", min_value=0,
                                                                            max_value=1),
                                   "theme_label": _("theme"), "n_evidence": _("sentences (once per article)"),
                                   "articles": support},
                )
                st.caption(_("The Themes page lists every theme sentence with its article."))
        with tab_s:
            if card.sources.empty:
                st.write(_("No source articles."))
            else:
                # a link column only ever holds the app's own pages and http(s) addresses
                sources = card.sources.assign(url=[http_url(u) for u in card.sources["url"]])
                show_table(sources, f"{card.event_id}-sources", key=f"{key_prefix}_card_sources",
                           column_config=header_config(
                               sources, CARD_HEADERS["sources"],
                               published_date=st.column_config.DateColumn(_("published"), format="YYYY-MM-DD"),
                               read=st.column_config.LinkColumn(_("Sources page"), display_text=_("read it")),
                               url=st.column_config.LinkColumn(_("web address"))))
                st.caption(_("“read it” opens the article on the Sources page with every extracted fact highlighted."))
