"""Static chart export (PNG/SVG/PDF) through kaleido and a local Chromium, with slide-ready styling.

Pure Python, no Streamlit: the dashboard and the briefing pack both call it, and it runs offline.
`render_session` is the one browser session: page exports and the briefing pack (its images, and the
printing of its PDF) all go through it.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import shutil
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import kaleido
import pandas as pd
import plotly.graph_objects as go

from dashboard.safe_text import plot_text

# The variable choreographer (kaleido's browser driver) already reads, so one setting serves
# both this module and plotly's own `fig.to_image`.
CHROMIUM_ENV = "BROWSER_PATH"
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FALLBACK = "/usr/bin/chromium"

FORMATS = ("png", "svg", "pdf")
SLIDE_WIDTH, SLIDE_HEIGHT = 1600, 900
FONT = "Arial, Helvetica, sans-serif"
# The source text under an exported chart: wrapped at this many characters (it starts at the plot's left
# edge, which long axis labels push right), in at most this many lines of this height (font size 17).
SOURCE_WRAP, SOURCE_MAX_LINES, SOURCE_LINE_PX = 90, 4, 22
PRINT_TIMEOUT_S = 60  # for the page to load before it is printed
# The legend above an exported plot: its entries in fixed columns, so its rows can be counted and the plot
# pushed down to leave them room under the title block (it never reaches the filter subtitle). Widths are
# estimates for Arial at LEGEND_FONT px, taken on the widest plot area a long axis label leaves.
LEGEND_FONT, LEGEND_ROW_PX, LEGEND_CHAR_PX, LEGEND_SWATCH_PX = 20, 32, 11, 60
LEGEND_AREA_PX = 1150
TITLE_BLOCK_PX = 140      # title and filter subtitle, from the top edge
SUBTITLE_BLOCK_PX = 80    # the subtitle alone (on a slide, the slide carries the title)
_NO_LEGEND = frozenset({"heatmap", "choropleth", "choroplethmap", "histogram2d", "contour", "table"})
# Builds the page to print from the rendered images (e.g. SVGs laid out as slides).
PageHtml = Callable[[list[bytes]], str]


class ChromiumNotFound(RuntimeError):
    """No Chromium/Chrome executable was found, so charts cannot be rendered to images."""


def find_chromium() -> str | None:
    """Return the path of a Chromium/Chrome to render with, or None.

    Order: $BROWSER_PATH (if it is a file), then chromium / chromium-browser / google-chrome on PATH,
    then /usr/bin/chromium.
    """
    env = os.environ.get(CHROMIUM_ENV)
    if env and Path(env).is_file():
        return env
    for name in _CANDIDATES:
        if found := shutil.which(name):
            return found
    return _FALLBACK if Path(_FALLBACK).is_file() else None


def _require_chromium() -> str:
    path = find_chromium()
    if path is None:
        raise ChromiumNotFound(
            "Chart export needs Chromium or Google Chrome and none was found. Install it "
            "(Debian/Ubuntu: `sudo apt-get install chromium`) or set "
            f"{CHROMIUM_ENV}=/path/to/chromium."
        )
    return path


def _opts(fmt: str, width: int, height: int) -> dict:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    # PNG at 2x stays sharp on a projected slide; SVG and PDF are vector, so scale 1.
    return {"format": fmt, "width": width, "height": height, "scale": 2 if fmt == "png" else 1}


async def _print_pdf(k: kaleido.Kaleido, page_html: str) -> bytes:
    """Print an HTML page to PDF in the session's browser (`Page.printToPDF`): Chromium is the PDF engine."""
    with tempfile.TemporaryDirectory(prefix="print-") as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page_html, encoding="utf-8")
        tab = await k.create_tab("")
        loaded = tab.subscribe_once("Page.loadEventFired")
        await tab.send_command("Page.enable")
        await tab.send_command("Page.navigate", params={"url": path.as_uri()})
        await asyncio.wait_for(loaded, PRINT_TIMEOUT_S)
        resp = await tab.send_command("Page.printToPDF", params={
            "printBackground": True, "preferCSSPageSize": True,
            "displayHeaderFooter": False, "marginTop": 0, "marginBottom": 0, "marginLeft": 0, "marginRight": 0,
        })
    if "error" in resp:
        raise RuntimeError(f"Chromium could not print the page: {resp['error']}")
    return base64.b64decode(resp["result"]["data"])


async def _session(figs: list[go.Figure], opts: dict, chromium: str,
                   page_html: PageHtml | None) -> tuple[list[bytes], bytes | None]:
    """One browser: every figure, then (if asked) the page built from them, printed."""
    # mathjax=False: kaleido would otherwise load MathJax from a CDN, which fails offline.
    async with kaleido.Kaleido(path=chromium, mathjax=False) as k:
        images = [await k.calc_fig(fig, opts=opts) for fig in figs]
        pdf = await _print_pdf(k, page_html(images)) if page_html is not None else None
    return images, pdf


def render_session(figs: Sequence[go.Figure], fmt: str, page_html: PageHtml | None = None, *,
                   width: int = SLIDE_WIDTH, height: int = SLIDE_HEIGHT) -> tuple[list[bytes], bytes | None]:
    """The one kaleido (Chromium) session: render `figs` as `fmt`, then print `page_html(images)` to PDF.

    Returns (one bytes object per figure, in order; the PDF, or None without `page_html`). Start-up costs
    ~3 s and each figure ~0.2 s, so callers batch. Raises ValueError for an unknown format and
    ChromiumNotFound when no browser is found (not when there is nothing to do).
    """
    opts = _opts(fmt, width, height)
    if not figs and page_html is None:
        return [], None
    chromium = _require_chromium()
    # A worker thread has no running event loop, so this also works when the caller has one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _session(list(figs), opts, chromium, page_html)).result()


def export_figures(
    figs: Sequence[go.Figure], fmt: str, width: int = SLIDE_WIDTH, height: int = SLIDE_HEIGHT
) -> list[bytes]:
    """Render many figures in one Chromium session; one bytes object per figure, in order.

    Raises ChromiumNotFound when no browser is found.
    """
    return render_session(figs, fmt, width=width, height=height)[0]


def export_figure(
    fig: go.Figure, fmt: str, width: int = SLIDE_WIDTH, height: int = SLIDE_HEIGHT
) -> bytes:
    """Render one figure to PNG (at 2x), SVG or PDF bytes."""
    return export_figures([fig], fmt, width, height)[0]


def style_for_export(fig: go.Figure, title: str, subtitle: str, source: str) -> go.Figure:
    """Return a copy of `fig` that stands alone on a slide: title, filter subtitle, source line (a `source`
    with a newline gives two parts, e.g. the source and a note on how the figure is made).

    Sized for 1600x900: large fonts, white background, margins that leave room for the texts. The source
    text starts at the plot's left edge, so long parts are wrapped (at most SOURCE_MAX_LINES lines) rather
    than run off the slide's right edge, and the bottom margin grows with the lines.

    `title`, `subtitle` and `source` are plain text (they name events, countries and outlets from the
    data): they are escaped for plotly, so a tag in them is shown, never drawn.
    """
    lines = [w for part in source.split("\n") if part.strip()
             for w in textwrap.wrap(" ".join(part.split()), width=SOURCE_WRAP)]
    if len(lines) > SOURCE_MAX_LINES:
        lines = lines[:SOURCE_MAX_LINES - 1] + [textwrap.shorten(" ".join(lines[SOURCE_MAX_LINES - 1:]),
                                                                 width=SOURCE_WRAP, placeholder=" …")]
    extra = SOURCE_LINE_PX * max(0, len(lines) - 1)  # each line after the first raises the plot
    out = go.Figure(fig)
    out.update_layout(
        template="plotly_white",
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=dict(family=FONT, size=22, color="#222"),
        title=dict(
            text=f"<b>{plot_text(title)}</b>",
            font=dict(size=36),
            subtitle=dict(
                text=plot_text(textwrap.shorten(subtitle, width=140, placeholder=" …")),
                font=dict(size=22, color="#555"),
            ),
            x=0.03,
            xanchor="left",
            xref="container",
            y=0.95,
            yanchor="top",
            yref="container",
        ),
        margin=dict(t=TITLE_BLOCK_PX + above_plot_height(fig) + 25, b=150 + extra, l=110, r=60),
        # Legend in fixed columns above the plot, so it never spills off the right edge of the slide.
        legend=dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom", font=dict(size=LEGEND_FONT),
                    entrywidth=legend_entry_px(fig), entrywidthmode="pixels"),
    )
    out.add_annotation(
        text="<br>".join(plot_text(line) for line in lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="bottom",
        yshift=-140 - extra,  # just above the bottom edge: the bottom margin less a 10 px gap
        showarrow=False,
        align="left",
        font=dict(size=17, color="#666"),
    )
    return out


def legend_entries(fig: go.Figure) -> list[str]:
    """The names a figure's legend lists: one per legend group of the traces shown in it ([] when plotly
    would draw no legend: it is switched off, or only one trace would be in it)."""
    if fig.layout.showlegend is False:
        return []
    names: dict[str, str] = {}
    for t in fig.data:
        if t.showlegend is False or not t.name or t.type in _NO_LEGEND:
            continue
        names.setdefault(str(getattr(t, "legendgroup", None) or t.name), str(t.name))
    return list(names.values()) if len(names) > 1 or fig.layout.showlegend else []


def legend_entry_px(fig: go.Figure) -> int:
    """The width of every entry of the exported legend: room for the longest name."""
    return LEGEND_SWATCH_PX + LEGEND_CHAR_PX * max(map(len, legend_entries(fig)), default=0)


def legend_columns(fig: go.Figure) -> int:
    """How many entries a row of the exported legend holds: as many of the longest as fit its width."""
    entries = legend_entries(fig)
    if not entries:
        return 1
    room = LEGEND_AREA_PX - LEGEND_CHAR_PX * len(fig.layout.legend.title.text or "")
    return max(1, min(len(entries), room // legend_entry_px(fig)))


def legend_height(fig: go.Figure) -> int:
    """The height in px the exported legend takes above the plot (0 without a legend)."""
    n = len(legend_entries(fig))
    return -(-n // legend_columns(fig)) * LEGEND_ROW_PX if n else 0


def top_axis_height(fig: go.Figure) -> int:
    """The height in px of tick labels drawn above the plot (an x axis on top, as the Themes × countries
    heatmap has): their lines (wrapped labels) at their font size; 0 when no axis is on top."""
    heights = [0]
    for name in fig.layout:
        axis = fig.layout[name]
        if not name.startswith("xaxis") or axis.side != "top" or axis.showticklabels is False:
            continue
        lines = max((str(t).count("<br>") + 1 for t in axis.ticktext or ()), default=1)
        heights.append(round(lines * (axis.tickfont.size or 22) * 1.25) + 12)
    return max(heights)


def above_plot_height(fig: go.Figure) -> int:
    """What sits between the exported chart's subtitle and its plot: the legend, then top tick labels."""
    return legend_height(fig) + top_axis_height(fig)


def _safe(text: str, keep: str = "") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(rf"[^A-Za-z0-9.{keep}-]+", "-", ascii_text).strip("-._")


def export_filename(chart_slug: str, filters_part: str, ext: str) -> str:
    """Build a safe file name such as `themes-by-event_AUS_2018-2019.png` (ASCII letters, digits, - _ .)."""
    parts = [_safe(chart_slug), _safe(filters_part, keep="_+")]
    stem = "_".join(p for p in parts if p) or "chart"
    return f"{stem}.{_safe(ext.lstrip('.')).lower()}"


def _group(values: Iterable[str] | None, keep: int) -> str:
    vals = [_safe(str(v).replace("_", "-")) for v in (values or []) if str(v).strip()]
    head = "-".join(vals[:keep])
    return f"{head}+{len(vals) - keep}" if len(vals) > keep else head


def _date_part(date_from: date | str | None, date_to: date | str | None) -> str:
    start = pd.Timestamp(date_from) if date_from is not None else None
    end = pd.Timestamp(date_to) if date_to is not None else None
    whole_years = (start is None or (start.month, start.day) == (1, 1)) and (
        end is None or (end.month, end.day) == (12, 31)
    )
    fmt = "%Y" if whole_years else "%Y%m%d"
    if start is not None and end is not None:
        a, b = start.strftime(fmt), end.strftime(fmt)
        return a if a == b else f"{a}-{b}"
    if start is not None:
        return f"from-{start.strftime(fmt)}"
    if end is not None:
        return f"to-{end.strftime(fmt)}"
    return ""


def filters_slug(
    countries: Iterable[str] | None = None,
    themes: Iterable[str] | None = None,
    events: Iterable[str] | None = None,
    date_from: date | str | None = None,
    date_to: date | str | None = None,
) -> str:
    """Summarise active filters for a file name, e.g. `AUS_2018-2019`; `all` when nothing is filtered.

    Long lists keep the first few values and count the rest (`AUS-IDN-MYS+4`).
    """
    parts = [
        _group(countries, keep=3),
        _group(themes, keep=2),
        _group(events, keep=1),
        _date_part(date_from, date_to),
    ]
    return "_".join(p for p in parts if p)[:100].rstrip("-_+") or "all"
