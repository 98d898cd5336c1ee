"""Every page in a real browser: no exception box, no console error, its headings and charts, and the
map drawn from the shipped polygons with the network cut off from everything but loopback."""

from __future__ import annotations

import re

import io

import pytest

from playwright.sync_api import expect

# path, page title (h1), further headings that must be there, plotly charts, pydeck charts, tables
PAGES = [
    ("/", "ASEAN digital diplomacy at a glance",
     ["Events over time", "Leading themes", "Where the data comes from"], 2, 0, 1),
    ("/timeline", "Timeline", [], 1, 0, 0),
    ("/trends", "Trends", ["Events per quarter", "Theme shares per quarter", "Partners per quarter"], 3, 0, 0),
    ("/map", "Map", [], 0, 1, 0),
    ("/themes", "Themes", ["Theme shares per event", "Themes × countries", "The evidence behind a theme"], 2, 0, 0),
    ("/people", "People and organisations", ["People named per event", "People", "Countries"], 1, 0, 1),
    ("/compare", "Compare countries", ["Who meets whom: the co-attendance network"], 1, 0, 0),
    ("/sources", "Sources", [], 0, 0, 1),
    ("/search", "Search", [], 0, 0, 0),
    ("/data", "Data", [], 0, 0, 1),
    ("/review", "Review and correct", ["Facts, weakest first", "Add or change"], 0, 0, 1),
    ("/briefing", "Briefing pack", ["The filtered data"], 0, 0, 0),
]


@pytest.mark.parametrize("path,title,subheads,n_plotly,n_deck,n_tables", PAGES,
                         ids=[p[0].strip("/") or "overview" for p in PAGES])
def test_page_loads(app, path, title, subheads, n_plotly, n_deck, n_tables):
    app.goto(path)
    app.wait_for_charts(n_plotly=n_plotly, n_deck=n_deck, n_tables=n_tables)

    heads = app.headings()
    assert heads and heads[0] == title, heads
    for h in subheads:
        assert h in heads, (h, heads)
    assert app.page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').count() >= n_plotly
    assert app.page.locator('[data-testid="stDeckGlJsonChart"] canvas').count() >= n_deck
    assert app.page.locator('[data-testid="stDataFrame"]').count() >= n_tables
    # the header names the (absent) filters, the footer gives provenance, on every page
    assert app.page.get_by_text("Showing everything").count() == 1
    assert app.page.get_by_text("included articles of").count() == 1
    app.assert_clean()


def test_sources_page_shows_highlighted_article(app):
    """The Sources page's reader: the chosen article's text with extracted facts highlighted."""
    app.goto("/sources")
    expect(app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Read an article")).to_have_count(1)
    expect(app.page.locator('[data-testid="stMain"] mark').first).to_be_visible()
    app.assert_clean()


def _canvas_stats(png: bytes) -> tuple[int, float]:
    """(distinct colours, share of pixels that differ from the most common colour)."""
    from PIL import Image

    im = Image.open(io.BytesIO(png)).convert("RGB")
    colours = im.getcolors(maxcolors=im.width * im.height)
    top = max(colours)[0]
    return len(colours), 1 - top / (im.width * im.height)


def _wait_for_drawn_canvas(app, min_colours=10, min_painted=0.05, timeout_ms=30_000):
    """Element screenshots of the deck.gl canvas (independent of preserveDrawingBuffer) until it shows
    country polygons, or the timeout; returns the last (colours, painted share)."""
    canvas = app.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    stats = (0, 0.0)
    waited = 0
    while waited <= timeout_ms:
        stats = _canvas_stats(canvas.screenshot())
        if stats[0] >= min_colours and stats[1] >= min_painted:
            break
        app.page.wait_for_timeout(500)
        waited += 500
    return stats


def test_map_draws_offline(app):
    app.goto("/map")
    app.wait_for_charts(n_deck=1)
    renderer = app.page.evaluate(
        """() => { const gl = document.createElement('canvas').getContext('webgl2')
                              || document.createElement('canvas').getContext('webgl');
                   if (!gl) return null;
                   const ext = gl.getExtension('WEBGL_debug_renderer_info');
                   return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER); }""")
    assert renderer, "no WebGL in this Chromium: the map cannot draw"
    colours, painted = _wait_for_drawn_canvas(app)
    print(f"map canvas: {colours} colours, {painted:.0%} painted, WebGL renderer {renderer!r}")
    assert colours >= 10 and painted >= 0.05, (colours, painted, renderer)
    app.assert_clean()


def test_map_draws_arcs_for_an_event(app):
    """Choosing an event draws its arcs; the canvas still renders and nothing errors."""
    app.goto("/map")
    app.wait_for_charts(n_deck=1)
    before = _canvas_stats(app.page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.screenshot())
    box = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Draw links for one event")
    box.click()
    app.page.locator('[role="option"]').last.click()
    app.wait_for_run()
    app.wait_for_charts(n_deck=1)
    assert app.page.get_by_text(re.compile(r"Arcs: .*→ participant")).count() == 1
    colours, painted = _wait_for_drawn_canvas(app)
    assert colours >= 10 and painted >= 0.05, (colours, painted, before)
    app.assert_clean()
