"""The briefing pack: one implementation for the dashboard page and the `python -m dashboard.brief` CLI.

`build_briefing(tables, filters, chart_keys, fmt)` returns a PowerPoint deck (python-pptx) or a PDF of
the same content:

1. a title slide (filters, date, sources);
2. one slide per chosen chart, the chart as an image (styled with `chart_export.style_for_export`:
   subtitle naming the filters, source line with outlets and build date), the evidence sentences
   behind it with their sources (outlet, date, article id) in the speaker notes;
3. the events table;
4. every source article.

Both formats come from one slide model (`plan_briefing`), and every chart is rendered in one kaleido
(Chromium) session: PNGs for the deck; for the PDF, SVGs (vector) laid out in an HTML page that the
same browser prints with `Page.printToPDF`. No Streamlit here, and no PDF library: Chromium is the
PDF engine.
"""

from __future__ import annotations

import asyncio
import base64
import html
import io
import tempfile
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import kaleido
import pandas as pd
import plotly.graph_objects as go

from dashboard import charts, map_figures
from dashboard.theme_measures import DEFAULT_MEASURE, SHORT_NOTE, counted_evidence
from dashboard.queries import clean, fmt_date
from dashboard.chart_export import _opts, _require_chromium, style_for_export
from dashboard.filters import (
    FilterOptions, Filters, apply_filters, describe_filters, empty_reason, filter_options,
)

FORMATS = ("pptx", "pdf")
PACK_TITLE = "ASEAN digital diplomacy briefing"
# Slide geometry (16:9, PowerPoint's default widescreen) and the chart image under the slide title.
SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
IMG_TOP_IN = 1.1
IMG_W_PX = 1600
IMG_H_PX = round(IMG_W_PX * (SLIDE_H_IN - IMG_TOP_IN - 0.05) / SLIDE_W_IN)  # 756: fills the slide below the title
EVENTS_PER_SLIDE = 10
SOURCES_PER_SLIDE = 12
MAX_NOTE_SENTENCES = 60  # per chart; the rest are counted, and all are in the data download
PDF_TIMEOUT_S = 60


class EmptyBriefing(ValueError):
    """The filters leave no events, so there is nothing to brief on (the message says which filter)."""


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    description: str


# The dashboard's charts, in pack order (keys are also the export file-name slugs).
CHARTS: dict[str, ChartSpec] = {c.key: c for c in (
    ChartSpec("timeline", "Events over time", "Each event on a date axis, by type; marker size = countries."),
    ChartSpec("themes-by-event", "Theme shares per event",
              "How each event's theme sentences split across themes (n = the event's sentences)."),
    ChartSpec("theme-totals", "Leading themes", "Filtered events touching each theme (at least one sentence)."),
    ChartSpec("theme-country-matrix", "Themes × countries",
              "Theme sentences (once per article) at the events each country took part in."),
    ChartSpec("map", "Participating countries", "Countries shaded by number of events; ASEAN members outlined."),
    ChartSpec("attendees-by-country", "People named at each event, by country",
              "Attendees named in the sources, per event and country."),
)}
DEFAULT_CHARTS: tuple[str, ...] = tuple(CHARTS)
# Charts whose source line carries the note on how theme figures are made (theme_measures.SHORT_NOTE).
THEME_CHARTS = frozenset({"themes-by-event", "theme-totals", "theme-country-matrix"})


# ---------------------------------------------------------------------------------------------
# Context: filtered tables, labels, and the provenance texts every slide shares
# ---------------------------------------------------------------------------------------------

@dataclass
class _Context:
    tables: dict[str, pd.DataFrame]
    filtered: dict[str, pd.DataFrame]
    filters: Filters
    options: FilterOptions
    labels: dict[str, str]
    built_at: str
    made_on: str


def theme_labels_for(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    from dashboard.data import theme_labels

    return theme_labels(sorted(set(tables["themes"]["theme"].dropna().astype(str))))


def filters_subtitle(filters: Filters, options: FilterOptions | None = None) -> str:
    """One line naming the active filters, e.g. `Filters: Countries: Australia · Dates: 2018-01-01 – …`."""
    parts = describe_filters(filters, options)
    return "Filters: " + " · ".join(parts) if parts else "All events (no filters)"


def _outlets(articles: pd.DataFrame) -> list[str]:
    inc = articles[articles["status"] == "included"] if "status" in articles else articles
    return sorted(set(inc["outlet"].dropna().astype(str)))


def source_line(filtered: Mapping[str, pd.DataFrame], built_at: str | None = None) -> str:
    """The source line under a chart: articles, outlets, build date."""
    arts = filtered["articles"]
    outlets = _outlets(arts)
    n = arts["article_id"].nunique()
    text = f"Source: {n} news article{'s' if n != 1 else ''}"
    if outlets:
        text += " (" + ", ".join(outlets) + ")"
    if built_at:
        text += f" · build {built_at}"
    return text + " · ASEAN digital diplomacy dataset"


def _fmt_built(built_at: str | None) -> str:
    if not built_at:
        return "unknown date"
    try:
        return pd.Timestamp(built_at).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        return str(built_at)


def _context(tables, filters, built_at, labels=None) -> _Context:
    labels = dict(labels or theme_labels_for(tables))
    options = filter_options(tables, labels)
    filtered = apply_filters(tables, filters)
    if filtered["events"].empty:
        reason = empty_reason(tables, filters, options) or "No events match these filters."
        raise EmptyBriefing(f"Nothing to brief on: {reason}")
    return _Context(tables=tables, filtered=filtered, filters=filters, options=options, labels=labels,
                    built_at=_fmt_built(built_at), made_on=datetime.now(timezone.utc).strftime("%Y-%m-%d"))


# ---------------------------------------------------------------------------------------------
# Charts and the evidence behind them
# ---------------------------------------------------------------------------------------------

def _source_of(article_id, ctx: _Context) -> str:
    arts = ctx.tables["articles"].set_index("article_id")
    if article_id in arts.index:
        row = arts.loc[article_id]
        return f"{clean(row['outlet']) or 'outlet not stated'}, {fmt_date(row['published_date'])}, article {article_id}"
    return f"article {article_id}"


def _note_lines(rows: pd.DataFrame, label: Callable[[pd.Series], str], ctx: _Context) -> list[str]:
    """'[label] “sentence” — outlet, date, article id', one per distinct (sentence, article), capped."""
    if rows.empty:
        return ["No supporting sentences for these filters."]
    rows = rows.drop_duplicates(["sentence", "article_id"])
    out = [f"[{label(r)}] “{clean(r['sentence']) or ''}” — {_source_of(r['article_id'], ctx)}"
           for _, r in rows.head(MAX_NOTE_SENTENCES).iterrows()]
    if len(rows) > MAX_NOTE_SENTENCES:
        out.append(f"… and {len(rows) - MAX_NOTE_SENTENCES} more sentences (all are in the evidence table "
                   "of the data download).")
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
    f, names = ctx.filtered, _event_names(ctx)
    by_event = lambda r: names.get(r["event_id"], r["event_id"])  # noqa: E731
    by_theme = lambda r: ctx.labels.get(r["theme"], r["theme"])  # noqa: E731
    if key == "timeline":
        data = charts.timeline_data(f["events"], f["themes"], ctx.labels)
        fig = charts.timeline_figure(data) if not data.empty else None
        return fig, _note_lines(_event_evidence(ctx), by_event, ctx)
    if key == "themes-by-event":
        data = charts.theme_share_data(f["events"], f["evidence"], f["articles"], ctx.labels)
        fig = charts.theme_shares_figure(data, list(ctx.labels)) if not data.empty else None
        return fig, _note_lines(_theme_evidence(ctx), by_theme, ctx)
    if key == "theme-totals":
        data = charts.theme_totals(f["events"], f["evidence"], f["articles"], ctx.labels, DEFAULT_MEASURE)
        fig = charts.theme_totals_figure(data, DEFAULT_MEASURE) if not data.empty else None
        return fig, _note_lines(_theme_evidence(ctx), by_theme, ctx)
    if key == "theme-country-matrix":
        matrix = charts.theme_country_matrix(f["participants"], f["evidence"], f["articles"], ctx.labels)
        fig = charts.theme_country_heatmap(matrix) if not matrix.empty else None
        return fig, _note_lines(_people_evidence("participants", ctx), lambda r: str(r["country"]), ctx) + \
            _note_lines(_theme_evidence(ctx), by_theme, ctx)
    if key == "map":
        counts = map_figures.country_event_counts(f["participants"], f["events"])
        fig = None if counts.empty else map_figures.build_static_map_figure(
            counts, set(ctx.options.asean), CHARTS[key].title)
        return fig, _note_lines(_people_evidence("participants", ctx), lambda r: str(r["country"]), ctx)
    if key == "attendees-by-country":
        data = charts.attendee_counts(f["attendees"], f["events"], ctx.tables["participants"])
        p = ctx.tables["participants"]
        asean_names = set(p.loc[p["is_asean"].astype(bool), "country"])
        fig = charts.attendees_figure(data, asean_names) if not data.empty else None
        return fig, _note_lines(_people_evidence("attendees", ctx), lambda r: str(r["name"]), ctx)
    raise ValueError(f"unknown chart {key!r}; choose from {', '.join(CHARTS)}")


def slide_figure(fig: go.Figure, subtitle: str, source: str) -> go.Figure:
    """The chart as it sits under a slide title: filter subtitle and source line, no repeated title."""
    out = style_for_export(fig, "", subtitle, source)
    out.update_layout(title_text="", margin_t=115)
    return out


# ---------------------------------------------------------------------------------------------
# The slide model both formats render
# ---------------------------------------------------------------------------------------------

@dataclass
class Slide:
    kind: str  # "title" | "chart" | "table"
    title: str
    lines: list[str] = field(default_factory=list)  # subtitle lines (title slide) or a caption
    image: int | None = None  # index into BriefingPlan.figures
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class BriefingPlan:
    slides: list[Slide]
    figures: list[go.Figure]
    skipped: list[str]  # chart titles left out because the filters leave them no data


def _chunks(rows: list, size: int) -> list[list]:
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def _count(n: int, one: str, many: str | None = None) -> str:
    """`1 country`, `3 countries`."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def plan_briefing(tables: Mapping[str, pd.DataFrame], filters: Filters, chart_keys: Sequence[str] = DEFAULT_CHARTS,
                  *, built_at: str | None = None, theme_labels: Mapping[str, str] | None = None) -> BriefingPlan:
    """Everything the pack says, format-free. Raises EmptyBriefing / ValueError (unknown chart key)."""
    unknown = [k for k in chart_keys if k not in CHARTS]
    if unknown:
        raise ValueError(f"unknown chart key(s) {', '.join(map(repr, unknown))}; choose from {', '.join(CHARTS)}")
    ctx = _context(dict(tables), filters, built_at, theme_labels)
    f = ctx.filtered
    subtitle = filters_subtitle(filters, ctx.options)
    source = source_line(f, ctx.built_at)
    arts = f["articles"].sort_values(["published_date", "article_id"], na_position="last")
    outlets = _outlets(arts)
    ev = f["events"].sort_values("start_date")

    slides: list[Slide] = []
    figures: list[go.Figure] = []
    skipped: list[str] = []
    chart_slides: list[Slide] = []
    for key in dict.fromkeys(chart_keys):
        spec = CHARTS[key]
        fig, notes = _chart(key, ctx)
        if fig is None:
            skipped.append(spec.title)
            continue
        note = SHORT_NOTE if key in THEME_CHARTS else None
        figures.append(slide_figure(fig, subtitle, source + (f"\n{note}" if note else "")))
        chart_slides.append(Slide("chart", spec.title, [spec.description], image=len(figures) - 1,
                                  notes=[f"{spec.title}: {spec.description}", *([note] if note else []),
                                         subtitle, "",
                                         "Evidence behind this chart (sentence — outlet, date, article id):",
                                         *notes]))

    n_countries, n_articles = f["participants"]["iso3"].nunique(), arts["article_id"].nunique()
    title_lines = [
        subtitle,
        f"{_count(len(ev), 'event')} · {_count(n_countries, 'country', 'countries')} · "
        f"{_count(n_articles, 'source article')}",
        f"Sources: {', '.join(outlets) if outlets else 'outlets not stated'}",
        f"Prepared {ctx.made_on} · data build {ctx.built_at}",
    ]
    title_notes = [
        f"{PACK_TITLE}, prepared {ctx.made_on} from the data build of {ctx.built_at}.", subtitle,
        "Every number in this pack traces to a sentence in a source article; the speaker notes of each "
        "chart slide list those sentences with their outlet, date and article id.",
    ]
    if skipped:
        title_lines.append("Not included (no data for these filters): " + ", ".join(skipped))
        title_notes.append("Charts left out because the filters leave them no data: " + ", ".join(skipped) + ".")
    slides.append(Slide("title", PACK_TITLE, title_lines, notes=title_notes))
    slides.extend(chart_slides)

    host = lambda v: clean(v) or "—"  # noqa: E731
    ev_rows = [[fmt_date(r.start_date) if fmt_date(r.start_date) == fmt_date(r.end_date) else f"{fmt_date(r.start_date)} – {fmt_date(r.end_date)}",
                str(r.name), ", ".join(x for x in (clean(r.venue), clean(r.city)) if x) or "—", host(r.host_iso3),
                (clean(r.event_type) or "—").replace("_", " "), str(r.n_countries), str(r.n_attendees), str(r.n_sources)]
               for r in ev.itertuples(index=False)]
    ev_notes = [f"{r.name} ({fmt_date(r.start_date)}): “{clean(r.evidence) or 'no sentence'}” — {_source_of(r.article_id, ctx)}"
                for r in ev.itertuples(index=False)]
    pages = _chunks(ev_rows, EVENTS_PER_SLIDE)
    for i, chunk in enumerate(pages, 1):
        slides.append(Slide("table", "Events" + (f" ({i} of {len(pages)})" if len(pages) > 1 else ""),
                            [subtitle], header=["Date", "Event", "Place", "Host", "Type", "Countries", "People",
                                                "Sources"], rows=chunk,
                            notes=["Where each event's name, date and place come from:", *ev_notes]))

    names = _event_names(ctx)
    src_rows = [[str(r.article_id), clean(r.outlet) or "not stated", fmt_date(r.published_date), clean(r.title) or "—",
                 names.get(r.event_id, clean(r.event_id) or "—")] for r in arts.itertuples(index=False)]
    pages = _chunks(src_rows, SOURCES_PER_SLIDE)
    for i, chunk in enumerate(pages, 1):
        slides.append(Slide("table", "Source articles" + (f" ({i} of {len(pages)})" if len(pages) > 1 else ""),
                            [f"Every article behind this pack ({len(src_rows)}). Build {ctx.built_at}."],
                            header=["Article id", "Outlet", "Published", "Headline", "Event"], rows=chunk,
                            notes=[f"{a} — {o}, {d}: {t} (event: {e})" for a, o, d, t, e in src_rows]))
    return BriefingPlan(slides=slides, figures=figures, skipped=skipped)


# ---------------------------------------------------------------------------------------------
# Rendering: one browser session for every chart (and, for the PDF, the printing)
# ---------------------------------------------------------------------------------------------

async def _print_pdf(k: kaleido.Kaleido, page: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="briefing-") as tmp:
        path = Path(tmp) / "briefing.html"
        path.write_text(page, encoding="utf-8")
        tab = await k.create_tab("")
        loaded = tab.subscribe_once("Page.loadEventFired")
        await tab.send_command("Page.enable")
        await tab.send_command("Page.navigate", params={"url": path.as_uri()})
        await asyncio.wait_for(loaded, PDF_TIMEOUT_S)
        resp = await tab.send_command("Page.printToPDF", params={
            "printBackground": True, "preferCSSPageSize": True,
            "displayHeaderFooter": False, "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
        })
    if "error" in resp:
        raise RuntimeError(f"Chromium could not print the briefing: {resp['error']}")
    return base64.b64decode(resp["result"]["data"])


async def _session(figs: list[go.Figure], fmt: str, chromium: str,
                   page: Callable[[list[bytes]], str] | None) -> tuple[list[bytes], bytes | None]:
    opts = _opts(fmt, IMG_W_PX, IMG_H_PX)
    # mathjax=False: kaleido would otherwise load MathJax from a CDN, which fails offline.
    async with kaleido.Kaleido(path=chromium, mathjax=False) as k:
        images = [await k.calc_fig(fig, opts=opts) for fig in figs]
        pdf = await _print_pdf(k, page(images)) if page is not None else None
    return images, pdf


def _run(figs, fmt, page=None) -> tuple[list[bytes], bytes | None]:
    chromium = _require_chromium()  # raises ChromiumNotFound with install advice
    with ThreadPoolExecutor(max_workers=1) as pool:  # no running event loop in a fresh thread
        return pool.submit(asyncio.run, _session(list(figs), fmt, chromium, page)).result()


def _pptx(plan: BriefingPlan, images: list[bytes]) -> bytes:
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    grey = RGBColor(0x55, 0x55, 0x55)

    def place(shape, left, top, width, height):
        shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)

    def style_title(shape, size: int) -> None:
        for p in shape.text_frame.paragraphs:
            p.alignment = 1  # left
            for r in p.runs:
                r.font.size, r.font.bold = Pt(size), True

    for s in plan.slides:
        if s.kind == "title":
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = s.title
            place(slide.shapes.title, 0.8, 1.3, 11.7, 1.4)
            style_title(slide.shapes.title, 40)
            body = slide.placeholders[1]
            place(body, 0.8, 3.0, 11.7, 3.8)
            tf = body.text_frame
            tf.word_wrap = True
            for i, line in enumerate(s.lines):
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                p.text, p.alignment = line, 1
                p.font.size = Pt(20 if i == 0 else 16)
                p.font.color.rgb = RGBColor(0x22, 0x22, 0x22) if i == 0 else grey
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[5])  # Title Only
            slide.shapes.title.text = s.title
            place(slide.shapes.title, 0.45, 0.25, 12.4, 0.8)
            style_title(slide.shapes.title, 30)
            if s.kind == "chart" and s.image is not None:
                pic = slide.shapes.add_picture(io.BytesIO(images[s.image]), 0, Inches(IMG_TOP_IN),
                                               width=prs.slide_width)
                pic.name = f"Chart: {s.title}"
            elif s.kind == "table":
                cap = slide.shapes.add_textbox(Inches(0.5), Inches(1.0), Inches(12.3), Inches(0.4))
                cap.text_frame.text = " ".join(s.lines)
                cap.text_frame.paragraphs[0].font.size = Pt(13)
                cap.text_frame.paragraphs[0].font.color.rgb = grey
                n_rows = len(s.rows) + 1
                shape = slide.shapes.add_table(n_rows, len(s.header), Inches(0.5), Inches(1.5), Inches(12.3),
                                               Inches(0.4 * n_rows))
                table = shape.table
                for r, values in enumerate([s.header, *s.rows]):
                    for c, value in enumerate(values):
                        cell = table.cell(r, c)
                        cell.text = value if len(value) <= 160 else value[:157] + "…"
                        for p in cell.text_frame.paragraphs:
                            p.font.size = Pt(12 if r else 13)
                            p.font.bold = r == 0
                if not s.rows:
                    cap.text_frame.text = "No rows for these filters."
        slide.notes_slide.notes_text_frame.text = "\n".join(s.notes)
    buf = io.BytesIO()
    prs.core_properties.title = PACK_TITLE
    prs.core_properties.subject = (plan.slides[0].lines or [""])[0]
    prs.save(buf)
    return buf.getvalue()


_CSS = f"""
@page {{ size: {SLIDE_W_IN}in {SLIDE_H_IN}in; margin: 0; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: Arial, "DejaVu Sans", Helvetica, sans-serif; color: #222; }}
section {{ width: {SLIDE_W_IN}in; break-after: page; overflow: hidden; }}
section.slide {{ height: {SLIDE_H_IN}in; position: relative; }}
section.notes {{ padding: 0.5in 0.6in; font-size: 12pt; line-height: 1.45; }}
h1 {{ font-size: 30pt; margin: 0; padding: 0.3in 0.45in 0 0.45in; }}
.title h1 {{ font-size: 40pt; padding: 1.4in 0.8in 0.3in 0.8in; }}
.title p {{ margin: 0.12in 0.8in; font-size: 16pt; color: #555; }}
.title p:first-of-type {{ font-size: 20pt; color: #222; }}
img.chart {{ position: absolute; top: {IMG_TOP_IN}in; left: 0; width: {SLIDE_W_IN}in; }}
.caption {{ margin: 0.1in 0.5in; color: #555; font-size: 13pt; }}
table {{ margin: 0.1in 0.5in; width: 12.3in; border-collapse: collapse; font-size: 11.5pt; }}
th, td {{ border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }}
th {{ background: #eef1f5; }}
h2 {{ font-size: 16pt; margin: 0 0 0.1in 0; }}
.notes p {{ margin: 0 0 0.08in 0; }}
"""


def _html(plan: BriefingPlan, images: list[bytes]) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{e(PACK_TITLE)}</title>"
             f"<style>{_CSS}</style></head><body>"]
    for s in plan.slides:
        if s.kind == "title":
            parts.append(f"<section class='slide title'><h1>{e(s.title)}</h1>"
                         + "".join(f"<p>{e(x)}</p>" for x in s.lines) + "</section>")
            continue
        parts.append(f"<section class='slide'><h1>{e(s.title)}</h1>")
        if s.kind == "chart" and s.image is not None:
            data = base64.b64encode(images[s.image]).decode()
            parts.append(f"<img class='chart' alt='{e(s.title)}' src='data:image/svg+xml;base64,{data}'>")
        else:
            parts.append(f"<p class='caption'>{e(' '.join(s.lines)) if s.rows else 'No rows for these filters.'}</p>"
                         "<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in s.header) + "</tr></thead><tbody>"
                         + "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in s.rows)
                         + "</tbody></table>")
        parts.append("</section>")
        if s.kind == "chart":  # the speaker notes, printed after their slide
            parts.append(f"<section class='notes'><h2>Notes: {e(s.title)}</h2>"
                         + "".join(f"<p>{e(x)}</p>" for x in s.notes if x) + "</section>")
    parts.append("</body></html>")
    return "".join(parts)


def build_briefing(tables: Mapping[str, pd.DataFrame], filters: Filters | None = None,
                   chart_keys: Sequence[str] = DEFAULT_CHARTS, fmt: str = "pptx", *,
                   built_at: str | None = None, theme_labels: Mapping[str, str] | None = None) -> bytes:
    """The briefing pack for `filters` over the full (unfiltered) `tables`, as PPTX or PDF bytes.

    Raises EmptyBriefing when the filters leave no events, ValueError for an unknown chart key or
    format, and chart_export.ChromiumNotFound when no browser is available to draw the charts.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    plan = plan_briefing(tables, filters or Filters(), chart_keys, built_at=built_at, theme_labels=theme_labels)
    if fmt == "pptx":
        images, _ = _run(plan.figures, "png") if plan.figures else ([], None)
        return _pptx(plan, images)
    _, pdf = _run(plan.figures, "svg", page=lambda images: _html(plan, images))
    assert pdf is not None
    return pdf


def briefing_filename(filters: Filters, fmt: str, day: date | None = None) -> str:
    """e.g. `briefing_AUS_from-2018_2026-11-23.pptx`."""
    from dashboard.chart_export import export_filename, filters_slug

    slug = filters_slug(filters.countries, filters.themes, filters.events, filters.date_from, filters.date_to)
    return export_filename("briefing", f"{slug}_{(day or date.today()).isoformat()}", fmt)
