"""The briefing pack's content, format-free: which slides, what they say, and the chart figures.

`plan_briefing` turns the full tables and the filters into a `BriefingPlan`: a title slide (filters,
date, sources, how many facts analysts corrected or confirmed), one slide per chosen chart (the figure
styled with `chart_export.style_for_export`, the evidence sentences behind it with their sources in the
speaker notes), the events table and every source article. The PPTX and PDF renderers (briefing_pptx,
briefing_pdf) only lay this out.

Every text is made in the interface's language when the plan is made (`with i18n.language("id"):` in the
CLI; the page's language in the dashboard): the constants here are msgids (N_), translated where used.
Quoted sentences stay as written, and each one's source names the language it is in (the article's).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.figures import charts, map_figures
from dashboard.exports.chart_export import SUBTITLE_BLOCK_PX, above_plot_height, style_for_export
from dashboard.state.filters import (
    FilterOptions, Filters, apply_filters, describe_filters, empty_reason, filter_options,
)
from dashboard.exports.findings import Finding, article_source, findings, language_name, shorten
from dashboard.exports.notes import NOTE_HEADER, NOTES_COLUMNS, notes_table
from dashboard.exports.provenance import build_date, corrections_line, included_outlets, source_line
from dashboard.i18n import N_, _, ngettext
from dashboard.labels import empty_text
from dashboard.queries import clean, event_card, event_type_label, fmt_date
from dashboard.state.filters import country_label
from dashboard.theme_measures import DEFAULT_MEASURE, SHORT_NOTE, counted_evidence

PACK_TITLE = N_("ASEAN digital diplomacy briefing")   # a msgid: shown as _(PACK_TITLE)
# Slide geometry (16:9, PowerPoint's default widescreen) and the chart image under the slide title.
SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
IMG_TOP_IN = 1.1
IMG_W_PX = 1600
IMG_H_PX = round(IMG_W_PX * (SLIDE_H_IN - IMG_TOP_IN - 0.05) / SLIDE_W_IN)  # 756: fills the slide below the title
EVENTS_PER_SLIDE = 10
SOURCES_PER_SLIDE = 12
MAX_NOTE_SENTENCES = 60  # per chart; the rest are counted, and all are in the data download


class EmptyBriefing(ValueError):
    """The filters leave no events, so there is nothing to brief on (the message says which filter)."""


@dataclass(frozen=True)
class ChartSpec:
    """One chart the pack can hold: its key (also the export file-name slug), slide title and caption (msgids:
    shown as `_(spec.title)`, `_(spec.description)`)."""

    key: str
    title: str
    description: str


# The dashboard's charts, in pack order (keys are also the export file-name slugs).
CHARTS: dict[str, ChartSpec] = {c.key: c for c in (
    ChartSpec("timeline", N_("Events over time"), N_("Each event on a date axis, by type; marker size = countries.")),
    ChartSpec("themes-by-event", N_("Theme shares per event"),
              N_("How each event's theme sentences split across themes (n = the event's sentences).")),
    ChartSpec("theme-totals", N_("Leading themes"), N_("Filtered events touching each theme (at least one sentence).")),
    ChartSpec("theme-country-matrix", N_("Themes × countries"),
              N_("Theme sentences (once per article) at the events each country took part in.")),
    ChartSpec("map", N_("Participating countries"), N_("Countries shaded by number of events; ASEAN members outlined.")),
    ChartSpec("attendees-by-country", N_("People named at each event, by country"),
              N_("Attendees named in the sources, per event and country.")),
)}
DEFAULT_CHARTS: tuple[str, ...] = tuple(CHARTS)
# Charts whose source line carries the note on how theme figures are made (theme_measures.SHORT_NOTE).
THEME_CHARTS = frozenset({"themes-by-event", "theme-totals", "theme-country-matrix"})


# ---------------------------------------------------------------------------------------------
# Context: filtered tables, labels, and the dates every slide names
# ---------------------------------------------------------------------------------------------

@dataclass
class _Context:
    """The full and filtered tables, labels, and the dates every slide names."""

    tables: dict[str, pd.DataFrame]
    filtered: dict[str, pd.DataFrame]
    filters: Filters
    options: FilterOptions
    labels: dict[str, str]
    built_at: str
    made_on: str


def theme_labels_for(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """Theme code -> label for the themes in `tables`, as the dashboard labels them."""
    from dashboard.data import theme_labels

    return theme_labels(dict(tables))


def filters_subtitle(filters: Filters, options: FilterOptions | None = None) -> str:
    """One line naming the active filters, e.g. `Filters: Countries: Australia · Dates: 2018-01-01 – …`."""
    parts = describe_filters(filters, options)
    return _("Filters: {filters}").format(filters=" · ".join(parts)) if parts else _("All events (no filters)")


def _context(tables, filters, built_at, labels=None) -> _Context:
    """Filter the tables once for every slide; EmptyBriefing (saying which filter) when no events are left."""
    labels = dict(labels or theme_labels_for(tables))
    options = filter_options(tables, labels)
    filtered = apply_filters(tables, filters)
    if filtered["events"].empty:
        reason = empty_reason(tables, filters, options) or _("No events match these filters.")
        raise EmptyBriefing(_("Nothing to brief on: {reason}").format(reason=reason))
    return _Context(tables=tables, filtered=filtered, filters=filters, options=options, labels=labels,
                    built_at=build_date(built_at),
                    made_on=datetime.now(timezone.utc).strftime("%Y-%m-%d"))


# ---------------------------------------------------------------------------------------------
# Charts and the evidence behind them
# ---------------------------------------------------------------------------------------------

def _source_of(article_id, ctx: _Context) -> str:
    """'outlet, date, article id, in Indonesian': the source of a quoted sentence, and the language it is in."""
    arts = ctx.tables["articles"].set_index("article_id")
    if article_id in arts.index:
        row = arts.loc[article_id]
        outlet = clean(row["outlet"]) or _("outlet {missing}").format(missing=empty_text())
        lang = language_name(row["language"]) if "language" in arts.columns else None
        text = _("{outlet}, {date}, article {id}").format(outlet=outlet, date=fmt_date(row["published_date"]),
                                                          id=article_id)
        return _("{source}, in {language}").format(source=text, language=lang) if lang else text
    return _("article {id}").format(id=article_id)


def _note_lines(rows: pd.DataFrame, label: Callable[[pd.Series], str], ctx: _Context) -> list[str]:
    """'[label] “sentence” — outlet, date, article id', one per distinct (sentence, article), capped."""
    if rows.empty:
        return [_("No supporting sentences for these filters.")]
    rows = rows.drop_duplicates(["sentence", "article_id"])
    out = [f"[{label(r)}] “{clean(r['sentence']) or ''}” — {_source_of(r['article_id'], ctx)}"
           for _, r in rows.head(MAX_NOTE_SENTENCES).iterrows()]
    if len(rows) > MAX_NOTE_SENTENCES:
        more = len(rows) - MAX_NOTE_SENTENCES
        out.append(ngettext("… and {n} more sentence (all are in the evidence table of the data download).",
                            "… and {n} more sentences (all are in the evidence table of the data download).",
                            more).format(n=i18n.format_number(more)))
    return out


def _event_names(ctx: _Context) -> dict[str, str]:
    ev = ctx.tables["events"]
    return dict(zip(ev["event_id"], ev["name"].astype(str)))


def _event_evidence(ctx: _Context) -> pd.DataFrame:
    ev = ctx.filtered["events"].sort_values("start_date")
    return pd.DataFrame({"event_id": ev["event_id"], "sentence": ev["evidence"], "article_id": ev["article_id"]})


def _theme_evidence(ctx: _Context) -> pd.DataFrame:
    """The theme sentences the charts count (theme_measures.counted_evidence), in event date order."""
    counted = counted_evidence(ctx.filtered["evidence"], ctx.tables["articles"])
    ev = counted.merge(ctx.filtered["events"][["event_id", "start_date"]], on="event_id")
    return ev.sort_values(["start_date", "article_id", "char_start"])


def _people_evidence(table: str, ctx: _Context) -> pd.DataFrame:
    t = ctx.filtered[table].merge(ctx.filtered["events"][["event_id", "start_date"]], on="event_id")
    return t.rename(columns={"evidence": "sentence"}).sort_values(["start_date", "article_id"])


def _chart(key: str, ctx: _Context) -> tuple[go.Figure | None, list[str]]:
    """(figure, speaker-note lines) for one chart key; figure None when the filters leave it no data."""
    fig, groups = _chart_evidence(key, ctx)
    return fig, [line for rows, label in groups for line in _note_lines(rows, label, ctx)]


def _chart_evidence(key: str, ctx: _Context) -> tuple[go.Figure | None, list[tuple[pd.DataFrame, Callable]]]:
    """(figure, [(evidence rows with sentence and article_id, row label)]) for one chart key."""
    f, names = ctx.filtered, _event_names(ctx)
    by_event = lambda r: names.get(r["event_id"], r["event_id"])  # noqa: E731
    by_theme = lambda r: ctx.labels.get(r["theme"], r["theme"])  # noqa: E731
    by_country = lambda r: country_label(r["iso3"], str(r["country"]))  # noqa: E731
    if key == "timeline":
        data = charts.timeline_data(f["events"], f["themes"], ctx.labels)
        fig = charts.timeline_figure(data) if not data.empty else None
        return fig, [(_event_evidence(ctx), by_event)]
    if key == "themes-by-event":
        data = charts.theme_share_data(f["events"], f["evidence"], f["articles"], ctx.labels)
        fig = charts.theme_shares_figure(data, list(ctx.labels)) if not data.empty else None
        return fig, [(_theme_evidence(ctx), by_theme)]
    if key == "theme-totals":
        data = charts.theme_totals(f["events"], f["evidence"], f["articles"], ctx.labels, DEFAULT_MEASURE)
        fig = charts.theme_totals_figure(data, DEFAULT_MEASURE) if not data.empty else None
        return fig, [(_theme_evidence(ctx), by_theme)]
    if key == "theme-country-matrix":
        matrix = charts.theme_country_matrix(f["participants"], f["evidence"], f["articles"], ctx.labels)
        fig = charts.theme_country_heatmap(matrix) if not matrix.empty else None
        return fig, [(_people_evidence("participants", ctx), by_country), (_theme_evidence(ctx), by_theme)]
    if key == "map":
        counts = map_figures.country_event_counts(f["participants"], f["events"])
        fig = None if counts.empty else map_figures.build_static_map_figure(
            counts, set(ctx.options.asean), _(CHARTS[key].title))
        return fig, [(_people_evidence("participants", ctx), by_country)]
    if key == "attendees-by-country":
        data = charts.attendee_counts(f["attendees"], f["events"], ctx.tables["participants"])
        p = ctx.tables["participants"]
        asean_names = set(p.loc[p["is_asean"].astype(bool), "country"])
        fig = charts.attendees_figure(data, asean_names) if not data.empty else None
        return fig, [(_people_evidence("attendees", ctx), lambda r: str(r["name"]))]
    raise ValueError(f"unknown chart {key!r}; choose from {', '.join(CHARTS)}")


def slide_figure(fig: go.Figure, subtitle: str, source: str) -> go.Figure:
    """The chart as it sits under a slide title: filter subtitle and source line, no repeated title."""
    out = style_for_export(fig, "", subtitle, source)
    out.update_layout(title_text="", margin_t=SUBTITLE_BLOCK_PX + above_plot_height(fig) + 25)
    return out


# ---------------------------------------------------------------------------------------------
# The slide model both formats render
# ---------------------------------------------------------------------------------------------

@dataclass
class Slide:
    """One slide, format-free: a title slide, the findings, an event, a chart (an index into the figures)
    or a table page."""

    kind: str  # "title" | "findings" | "event" | "chart" | "table" | "appendix"
    title: str
    lines: list[str] = field(default_factory=list)  # subtitle lines (title slide) or a caption
    image: int | None = None  # index into BriefingPlan.figures
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # findings: [text, source]; event: [label, value]
    notes: list[str] = field(default_factory=list)
    quotes: list[list[str]] = field(default_factory=list)  # event: [sentence, source]
    formats: tuple[str, ...] = ("pptx", "pdf")  # the appendix is PDF-only: the deck has speaker notes


@dataclass
class BriefingPlan:
    """Everything the pack holds: the slides in order and the chart figures they point at."""

    slides: list[Slide]
    figures: list[go.Figure]
    skipped: list[str]  # chart titles left out because the filters leave them no data
    findings: list[Finding] = field(default_factory=list)

    def slides_for(self, fmt: str) -> list[Slide]:
        """The slides one format shows (the PDF adds the evidence appendix)."""
        return [s for s in self.slides if fmt in s.formats]


def _chunks(rows: list, size: int) -> list[list]:
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def _n(n: int) -> str:
    return i18n.format_number(n)


def _page(title: str, i: int, pages: int) -> str:
    """'Events' or 'Events (2 of 3)'."""
    return _("{title} ({page} of {pages})").format(title=title, page=_n(i), pages=_n(pages)) if pages > 1 else title


MAX_EVENT_PEOPLE = 6
MAX_QUOTES = 3
QUOTE_CHARS = 230
APPENDIX_CHARS = 150


def _findings_slide(ctx: _Context, subtitle: str) -> tuple[Slide, list[Finding]]:
    found = findings(ctx.tables, ctx.filtered, ctx.filters, ctx.labels)
    return Slide("findings", _("Findings"), [subtitle], rows=[[f.text, f.source] for f in found],
                 notes=[_("What the filtered tables say; every number and name is read from them."), subtitle, "",
                        *(_("{text} (Source: {source})").format(text=f.text, source=f.source) for f in found)]), found


def _event_slide(event_id: str, ctx: _Context) -> Slide | None:
    """The event card as a slide: when, where, host, countries, people, outcomes, themes, key quotes."""
    card = event_card(ctx.filtered, event_id, ctx.labels)
    if card is None:
        return None
    arts = ctx.tables["articles"]
    missing = empty_text()
    rows: list[list[str]] = []
    c = card.countries
    # the card lists countries by role, host first, in the roles' reading (labels.ROLE_LABELS)
    roles = [f"{role}: {', '.join(g['country'])}" for role, g in c.groupby("role", sort=False)] if not c.empty else []
    rows.append([_("Countries ({n})").format(n=_n(len(c))), "; ".join(roles) or _("none named")])
    a = card.attendees
    people = [f"{r.name}" + (f", {clean(r.title)}" if clean(r.title) else "")
              + (f" ({r.country})" if clean(r.country) and r.country != missing else "")
              for r in a.assign(_k=[-(bool(clean(t))) - (c_ != missing) for t, c_ in zip(a["title"], a["country"])])
              .sort_values("_k", kind="stable").itertuples()] if not a.empty else []
    more = len(people) - MAX_EVENT_PEOPLE
    listed = "; ".join(people[:MAX_EVENT_PEOPLE])
    if more > 0:
        listed = _("{people}; and {n} more").format(people=listed, n=_n(more))
    rows.append([_("People ({n})").format(n=_n(len(people))), listed if people else _("none named")])
    outs = [x[2:] for x in (card.outcomes or "").splitlines() if x.startswith("- ")]
    agreed = " · ".join(f"“{shorten(x, 160)}”" for x in outs[:MAX_QUOTES])
    if len(outs) > MAX_QUOTES:
        agreed = _("{outcomes} (and {n} more)").format(outcomes=agreed, n=_n(len(outs) - MAX_QUOTES))
    rows.append([_("Agreed"), agreed if outs else _("No outcome reported in the sources.")])
    t = card.themes.head(3)
    rows.append([_("Leading themes"), "; ".join(
        _("{theme} ({share} of its theme sentences, {sentences})").format(
            theme=r.theme_label, share=f"{r.share:.0%}",
            sentences=ngettext("{n} sentence", "{n} sentences", int(r.n_evidence)).format(n=_n(int(r.n_evidence))))
        for r in t.itertuples()) if not t.empty else _("No theme sentences.")])
    quotes, seen = [], set()
    for e in [*card.event_evidence, *card.attendee_evidence, *card.country_evidence]:
        if e.sentence in seen:
            continue
        seen.add(e.sentence)
        quotes.append([shorten(e.sentence, QUOTE_CHARS), article_source(arts, e.article_id, quote=True)])
    n_src = ngettext("{n} source article", "{n} source articles", card.n_articles).format(n=_n(card.n_articles))
    line = " · ".join(x for x in (card.dates, card.place, _("host {host}").format(host=card.host), card.event_type,
                                  n_src) if x)
    stated = [_("Stated theme: {tagline}").format(tagline=card.tagline)] if card.tagline else []
    every = [*card.event_evidence, *card.country_evidence, *card.attendee_evidence]
    notes = [f"{card.name}: {line}", *stated, "",
             _("Evidence for this card (facts — sentence — source):"),
             *(f"[{', '.join(e.facts)}] “{e.sentence}” — {article_source(arts, e.article_id, quote=True)}"
               for e in every)]
    return Slide("event", card.name, [line] + stated, header=["", ""], rows=rows, quotes=quotes[:MAX_QUOTES],
                 notes=notes)


def _appendix_rows(groups: dict[str, list[tuple[pd.DataFrame, Callable]]], ctx: _Context) -> list[list[str]]:
    """[charts, sentence (shortened), source]: each (sentence, article) once, naming every chart it backs."""
    seen: dict[tuple[str, str], list[str]] = {}
    for title, frames in groups.items():
        for rows, _label in frames:
            for r in rows.drop_duplicates(["sentence", "article_id"]).itertuples(index=False):
                sentence = clean(r.sentence)
                if not sentence:
                    continue
                charts_of = seen.setdefault((sentence, str(r.article_id)), [])
                if title not in charts_of:
                    charts_of.append(title)
    arts = ctx.tables["articles"]
    return [["; ".join(ch), shorten(sentence, APPENDIX_CHARS), article_source(arts, aid, quote=True)]
            for (sentence, aid), ch in seen.items()]


def plan_briefing(tables: Mapping[str, pd.DataFrame], filters: Filters, chart_keys: Sequence[str] = DEFAULT_CHARTS,
                  *, built_at: str | None = None, theme_labels: Mapping[str, str] | None = None) -> BriefingPlan:
    """Everything the pack says, format-free. Raises EmptyBriefing / ValueError (unknown chart key)."""
    unknown = [k for k in chart_keys if k not in CHARTS]
    if unknown:
        raise ValueError(f"unknown chart key(s) {', '.join(map(repr, unknown))}; choose from {', '.join(CHARTS)}")
    ctx = _context(dict(tables), filters, built_at, theme_labels)
    f = ctx.filtered
    subtitle = filters_subtitle(filters, ctx.options)
    source = source_line(f, built_at)
    arts = f["articles"].sort_values(["published_date", "article_id"], na_position="last")
    outlets = included_outlets(arts)
    ev = f["events"].sort_values("start_date")

    slides: list[Slide] = []
    figures: list[go.Figure] = []
    skipped: list[str] = []
    chart_slides: list[Slide] = []
    evidence_groups: dict[str, list[tuple[pd.DataFrame, Callable]]] = {}
    for key in dict.fromkeys(chart_keys):
        spec = CHARTS[key]
        title, description = _(spec.title), _(spec.description)
        fig, groups = _chart_evidence(key, ctx)
        if fig is None:
            skipped.append(title)
            continue
        evidence_groups[title] = groups
        notes = [line for rows, label in groups for line in _note_lines(rows, label, ctx)]
        note = _(SHORT_NOTE) if key in THEME_CHARTS else None
        figures.append(slide_figure(fig, subtitle, source + (f"\n{note}" if note else "")))
        chart_slides.append(Slide("chart", title, [description], image=len(figures) - 1,
                                  notes=[f"{title}: {description}", *([note] if note else []),
                                         subtitle, "",
                                         _("Evidence behind this chart (sentence — outlet, date, article id):"),
                                         *notes]))

    n_countries, n_articles = f["participants"]["iso3"].nunique(), arts["article_id"].nunique()
    pack_title = _(PACK_TITLE)
    title_lines = [
        subtitle,
        " · ".join((ngettext("{n} event", "{n} events", len(ev)).format(n=_n(len(ev))),
                    ngettext("{n} country", "{n} countries", n_countries).format(n=_n(n_countries)),
                    ngettext("{n} source article", "{n} source articles", n_articles).format(n=_n(n_articles)))),
        _("Sources: {outlets}").format(outlets=", ".join(outlets) if outlets else _("outlets not stated")),
        _("Prepared {date} · data build {build}").format(date=ctx.made_on, build=ctx.built_at),
    ]
    title_notes = [
        _("{title}, prepared {date} from the data build of {build}.").format(title=pack_title, date=ctx.made_on,
                                                                             build=ctx.built_at), subtitle,
        _("Every number in this pack traces to a sentence in a source article; the speaker notes of each "
          "slide list those sentences with their outlet, date and article id."),
    ]
    corrected = corrections_line(f)  # how many facts analysts corrected or confirmed, when any
    if corrected:
        title_lines.append(corrected)
        title_notes.append(corrected)
    if skipped:
        title_lines.append(_("Not included (no data for these filters): {charts}").format(charts=", ".join(skipped)))
        title_notes.append(_("Charts left out because the filters leave them no data: {charts}.").format(
            charts=", ".join(skipped)))
    slides.append(Slide("title", pack_title, title_lines, notes=title_notes))
    findings_slide, found = _findings_slide(ctx, subtitle)
    slides.append(findings_slide)

    host = lambda v: clean(v) or "—"  # noqa: E731
    kind = lambda v: event_type_label(v) if clean(v) else "—"  # noqa: E731
    ev_rows = [[fmt_date(r.start_date) if fmt_date(r.start_date) == fmt_date(r.end_date) else f"{fmt_date(r.start_date)} – {fmt_date(r.end_date)}",
                str(r.name), ", ".join(x for x in (clean(r.venue), clean(r.city)) if x) or "—", host(r.host_iso3),
                kind(r.event_type), str(r.n_countries), str(r.n_attendees), str(r.n_sources)]
               for r in ev.itertuples(index=False)]
    no_sentence = _("no sentence")
    ev_notes = [f"{r.name} ({fmt_date(r.start_date)}): “{clean(r.evidence) or no_sentence}” — {_source_of(r.article_id, ctx)}"
                for r in ev.itertuples(index=False)]
    pages = _chunks(ev_rows, EVENTS_PER_SLIDE)
    for i, chunk in enumerate(pages, 1):
        slides.append(Slide("table", _page(_("Events"), i, len(pages)),
                            [subtitle], header=[_("Date"), _("Event"), _("Place"), _("Host"), _("Type"), _("Countries"),
                                                _("People"), _("Sources")], rows=chunk,
                            notes=[_("Where each event's name, date and place come from:"), *ev_notes]))
    slides.extend(s for s in (_event_slide(e, ctx) for e in ev["event_id"]) if s is not None)
    slides.extend(chart_slides)

    names = _event_names(ctx)
    src_rows = [[str(r.article_id), clean(r.outlet) or empty_text(), fmt_date(r.published_date), clean(r.title) or "—",
                 names.get(r.event_id, clean(r.event_id) or "—")] for r in arts.itertuples(index=False)]
    pages = _chunks(src_rows, SOURCES_PER_SLIDE)
    for i, chunk in enumerate(pages, 1):
        slides.append(Slide("table", _page(_("Source articles"), i, len(pages)),
                            [_("Every article behind this pack ({n}). Build {build}.").format(n=_n(len(src_rows)),
                                                                                            build=ctx.built_at)],
                            header=[_("Article id"), _("Outlet"), _("Published"), _("Headline"), _("Event")], rows=chunk,
                            notes=[_("{id} — {outlet}, {date}: {title} (event: {event})").format(
                                id=a, outlet=o, date=d, title=t, event=e) for a, o, d, t, e in src_rows]))
    note_rows = notes_table(ctx.filtered)
    if not note_rows.empty:
        slides.append(Slide("appendix", _("Appendix: the events, one row each"),
                            [_("Every event in this pack ({n}) with its countries (host and co-chairs marked; "
                               "“implied” where an ASEAN body's meeting implies a member no article names), people, "
                               "outcomes and sources: the notes table of the Data page.").format(n=_n(len(note_rows)))],
                            header=[_(h) for h in NOTE_HEADER],
                            rows=note_rows[NOTES_COLUMNS[:-1]].astype(str).values.tolist(), formats=("pdf",)))
    if evidence_groups:
        rows = _appendix_rows(evidence_groups, ctx)
        slides.append(Slide("appendix", _("Appendix: evidence behind the charts"),
                            [_("Each sentence once ({n}), with the charts it supports and its source (outlet, date, "
                               "article id); shortened sentences end in …. In the deck these are the speaker notes "
                               "of each chart slide.").format(n=_n(len(rows)))],
                            header=[_("Chart(s)"), _("Sentence"), _("Source")], rows=rows, formats=("pdf",)))
    return BriefingPlan(slides=slides, figures=figures, skipped=skipped, findings=found)
