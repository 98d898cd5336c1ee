"""Chart export: real PNG/SVG/PDF through Chromium, slide styling, file names and filter slugs."""

from __future__ import annotations

import io
import re
import unicodedata
import struct
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from dashboard.exports import chart_export
from dashboard.exports.chart_export import (
    ChromiumNotFound,
    export_figure,
    export_figures,
    export_filename,
    filters_slug,
    find_chromium,
    style_for_export,
)

TITLE = "Themes by event"


@pytest.fixture(scope="module")
def fig() -> go.Figure:
    bar = go.Figure(go.Bar(x=["Peace messaging", "Digital economy"], y=[12, 7]))
    return style_for_export(bar, TITLE, "Filters: Australia, 2018-2019", "Source: alinea.id")


@pytest.fixture(scope="module")
def batch_png(chromium: str, fig: go.Figure) -> list[bytes]:
    other = go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2]))
    return export_figures([fig, other, fig], "png", width=400, height=300)


def test_batch_returns_one_png_per_figure(batch_png: list[bytes]) -> None:
    assert len(batch_png) == 3
    assert all(b.startswith(b"\x89PNG\r\n\x1a\n") for b in batch_png)


def test_png_is_rendered_at_twice_the_size(batch_png: list[bytes]) -> None:
    png = batch_png[0]
    assert png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (800, 600)
    assert len(png) > 5_000  # a real picture, not an empty canvas


def test_svg_parses_and_holds_the_title(chromium: str, fig: go.Figure) -> None:
    root = ET.fromstring(export_figure(fig, "svg", width=400, height=300))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert TITLE in "".join(root.itertext())


def test_pdf_opens_with_one_page_and_the_title(chromium: str, fig: go.Figure) -> None:
    pdf = export_figure(fig, "pdf", width=400, height=300)
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert TITLE in unicodedata.normalize("NFKC", reader.pages[0].extract_text())  # folds ligatures (ﬁ)


def test_unknown_format_is_refused(fig: go.Figure) -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        export_figure(fig, "gif")


def test_missing_chromium_raises_a_plain_error(monkeypatch, fig: go.Figure) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(chart_export.shutil, "which", lambda name: None)
    monkeypatch.setattr(chart_export, "_FALLBACK", "/nonexistent/chromium")
    assert find_chromium() is None
    with pytest.raises(ChromiumNotFound, match="apt-get install chromium.*BROWSER_PATH"):
        export_figure(fig, "png")


def test_browser_path_env_comes_first(monkeypatch, tmp_path) -> None:
    browser = tmp_path / "my-chrome"
    browser.write_text("")
    monkeypatch.setenv("BROWSER_PATH", str(browser))
    assert find_chromium() == str(browser)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    assert find_chromium() != str(tmp_path / "missing")


def test_style_adds_title_subtitle_source_and_leaves_input_alone() -> None:
    bar = go.Figure(go.Bar(x=["a"], y=[1]), layout=dict(title="old", paper_bgcolor="black"))
    styled = style_for_export(bar, TITLE, "Filters: IDN, VNM", "Source: kompas.com, built 2026-11-23")
    assert styled.layout.title.text == f"<b>{TITLE}</b>"
    assert styled.layout.title.subtitle.text == "Filters: IDN, VNM"
    assert [a.text for a in styled.layout.annotations] == ["Source: kompas.com, built 2026-11-23"]
    assert styled.layout.paper_bgcolor == "white"
    assert styled.layout.font.size >= 18
    assert bar.layout.title.text == "old" and bar.layout.paper_bgcolor == "black"


def test_a_note_after_the_source_is_kept_whole_on_wrapped_lines() -> None:
    from dashboard.exports.chart_export import SOURCE_WRAP

    source = "Source: 38 news articles (" + ", ".join(f"outlet{i}.com" for i in range(9)) + ") · build 2026-01-01"
    note = "Counted: events with ≥1 theme sentence; sentences once per article; cues inside organisation names excluded."
    bar = go.Figure(go.Bar(x=["a"], y=[1]))
    one = style_for_export(bar, TITLE, "Filters: none", "Source: kompas.com")
    styled = style_for_export(bar, TITLE, "Filters: none", f"{source}\n{note}")
    lines = styled.layout.annotations[0].text.split("<br>")
    assert len(lines) >= 3 and all(len(line) <= SOURCE_WRAP for line in lines), "wrapped, not run off the slide"
    assert " ".join(lines) == f"{source} {note}", "nothing cut: the source first, then the note"
    assert styled.layout.margin.b > one.layout.margin.b, "the plot makes room for the extra lines"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((None, None, None, None, None), "all"),
        ((["AUS"], None, None, "2018-01-01", "2019-12-31"), "AUS_2018-2019"),
        ((["IDN", "VNM"], ["peace_messaging"], None, "2019-01-01", "2019-12-31"),
         "IDN-VNM_peace-messaging_2019"),
        ((["AUS", "IDN", "MYS", "SGP", "THA", "VNM", "PHL"], None, None, None, None), "AUS-IDN-MYS+4"),
        ((None, None, ["2019-10-08-rcdd", "2018-08-02-amm"], "2019-03-01", None),
         "2019-10-08-rcdd+1_from-20190301"),
        ((None, ["economy", "digital_divide", "citizen_protection"], None, None, "2020-06-30"),
         "economy-digital-divide+1_to-20200630"),
    ],
)
def test_filters_slug(args: tuple, expected: str) -> None:
    assert filters_slug(*args) == expected


def test_filters_slug_stays_short() -> None:
    many = [f"2019-10-{d:02d}-a-very-long-event-name-indeed" for d in range(1, 30)]
    assert len(filters_slug(["AUS"], ["economy"], many, "2018-01-01", "2019-12-31")) <= 100


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("themes-by-event", "AUS_2018-2019", "png"), "themes-by-event_AUS_2018-2019.png"),
        (("Peta Việt Nam / map", "all", ".SVG"), "Peta-Viet-Nam-map_all.svg"),
        (("../../etc/passwd", "a b;c", "pdf"), "etc-passwd_a-b-c.pdf"),
    ],
)
def test_export_filename(args: tuple, expected: str) -> None:
    assert export_filename(*args) == expected


# --- the legend above an exported plot (issue 20: it overlapped the filter line) -----------------------

THEME_NAMES = ["Peace messaging and countering extremism", "Protecting citizens", "Working with tech platforms",
               "Digital economy", "Digital divide and inclusion", "Digital skills for diplomats"]
LONG_FILTERS = ("Countries: Indonesia, Australia, Malaysia, Singapore · Themes: Peace messaging and countering "
                "extremism, Digital economy · 1 Jan 2018 – 31 Dec 2019")


def _layout_boxes(svg: str) -> dict[str, float]:
    """From a rendered SVG: the filter subtitle's bottom, the legend's top and bottom, the plot's top (px)."""
    sub = re.search(r'<text class="gtitle-subtitle"[^>]* y="([\d.]+)"[^>]*font-size: (\d+)px', svg)
    legend = re.search(r'<g class="legend"[^>]*translate\(([\d.]+),([\d.]+)\)"><rect class="bg"[^>]* height="([\d.]+)"', svg)
    plot = re.search(r'<clipPath class="axesclip" id="[^"]*y"><rect x="[\d.]+" y="([\d.]+)"', svg)
    assert sub and legend and plot, "the SVG's layout changed: update the patterns"
    return {"subtitle_bottom": float(sub.group(1)) + float(sub.group(2)),   # y is the top; one line's height below
            "legend_top": float(legend.group(2)), "legend_bottom": float(legend.group(2)) + float(legend.group(3)),
            "plot_top": float(plot.group(1))}


@pytest.mark.parametrize("n_entries", [2, 6])
def test_the_legend_sits_between_the_filter_line_and_the_plot(chromium: str, n_entries: int) -> None:
    """Whatever the legend's rows, it starts under the filter subtitle and ends above the plot, both on a
    standalone export (title + subtitle) and on a pack slide (subtitle only)."""
    from dashboard.exports.briefing_plan import slide_figure
    bars = go.Figure([go.Bar(y=["RCDD", "ISDD"], x=[1, 2], name=n, orientation="h") for n in THEME_NAMES[:n_entries]])
    for styled in (style_for_export(bars, "Theme shares per event, 2018–2019", LONG_FILTERS, "Source: alinea.id"),
                   slide_figure(bars, LONG_FILTERS, "Source: alinea.id")):
        box = _layout_boxes(export_figure(styled, "svg").decode())
        assert box["subtitle_bottom"] <= box["legend_top"], box
        assert box["legend_bottom"] <= box["plot_top"], box


def test_legend_rows_are_counted_from_the_names_that_show() -> None:
    hidden = go.Bar(y=["x"], x=[1], name="not listed", showlegend=False)
    fig = go.Figure([go.Bar(y=["x"], x=[1], name=n) for n in THEME_NAMES] + [hidden])
    assert chart_export.legend_entries(fig) == THEME_NAMES
    assert chart_export.legend_height(go.Figure(go.Bar(y=["x"], x=[1], name="alone"))) == 0, "one trace: no legend"
    cols = chart_export.legend_columns(fig)
    assert 1 <= cols < len(THEME_NAMES), "six long theme names do not fit one row"
    two = go.Figure([go.Bar(y=["x"], x=[1], name=n) for n in THEME_NAMES[:2]])
    assert chart_export.legend_height(fig) > chart_export.legend_height(two) > 0, "more rows, more room"


def test_tick_labels_on_top_get_room_under_the_filter_line(chromium: str) -> None:
    """The Themes × countries heatmap puts its wrapped theme names above the plot: the slide leaves them
    room, so the filter line is never printed over them (it was, in the briefing PDF)."""
    from dashboard.exports.briefing_plan import slide_figure
    from dashboard.figures.charts import wrap_label
    heat = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], x=THEME_NAMES[:2], y=["Indonesia", "Brunei"]))
    heat.update_xaxes(side="top", tickfont=dict(size=12), tickmode="array", tickvals=THEME_NAMES[:2],
                      ticktext=[wrap_label(t, 12) for t in THEME_NAMES[:2]])
    lines = max(wrap_label(t, 12).count("<br>") + 1 for t in THEME_NAMES[:2])
    assert lines >= 4 and chart_export.top_axis_height(heat) >= lines * 12
    svg = export_figure(slide_figure(heat, LONG_FILTERS, "Source: alinea.id"), "svg").decode()
    box = _layout_boxes_no_legend(svg)
    tick_tops = [float(y) - 12 for y in re.findall(r'<g class="xtick"><text[^>]* y="([\d.]+)"', svg)]
    assert tick_tops and box["subtitle_bottom"] <= min(tick_tops) - (lines - 1) * 15, (box, tick_tops)


def _layout_boxes_no_legend(svg: str) -> dict[str, float]:
    sub = re.search(r'<text class="gtitle-subtitle"[^>]* y="([\d.]+)"[^>]*font-size: (\d+)px', svg)
    assert sub, "the SVG's layout changed: update the pattern"
    return {"subtitle_bottom": float(sub.group(1)) + float(sub.group(2))}
