"""The next questions (issue 20) in a real browser, at 1024 and 1440 px: a search opens the sentence it
found; the notes table is the Data page's first tab; the Themes measure and a span of years live in the
link; the Trends page draws its three charts with n per period."""

from __future__ import annotations

import re

import pytest

WIDTHS = (1024, 1440)


def _width(app, width: int) -> None:
    app.page.set_viewport_size({"width": width, "height": {1024: 768, 1440: 900}[width]})


@pytest.mark.parametrize("width", WIDTHS)
def test_a_search_hit_opens_its_sentence_in_the_article(app, build_dir, width):
    """A search for `perlindungan` finds seed 001's "alat untuk melindungi warga negara" by its word family,
    marks it, and one click opens the article with that sentence highlighted."""
    from dashboard.data import read_tables

    _width(app, width)
    app.goto("/search", "q=perlindungan")
    marks = app.page.locator('[data-testid="stMain"] mark')
    assert marks.count() >= 1
    link = app.page.locator('[data-testid="stMain"] a[href*="sources?"][href*="hl="]').first
    sentence_shown = " ".join(link.locator("xpath=ancestor::div[1]").inner_text().split())
    link.click()
    app.wait_for_run(title="Sources")
    q = app.query()
    start, end = map(int, q["hl"][0].split("-"))
    text = read_tables(build_dir)["articles_text"].set_index("article_id").loc[q["article"][0], "text"]
    assert re.search(r"lindung", text[start:end], re.IGNORECASE), text[start:end]
    highlighted = app.page.locator('[data-testid="stMain"] mark[title^="the sentence you followed"]')
    assert " ".join(highlighted.first.inner_text().split()) == " ".join(text[start:end].split())
    assert sentence_shown
    app.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_notes_table_comes_first_on_the_data_page(app, width):
    _width(app, width)
    app.goto("/data", "country=AUS")
    app.wait_for_charts(n_tables=1)
    tabs = app.page.locator('[data-testid="stTab"]')
    assert tabs.first.inner_text().startswith("One row per event, for notes (3)")
    picker = app.page.locator('[data-testid="stSelectbox"]').filter(has_text="Table").first
    shown = picker.inner_text() + " " + " ".join(picker.locator("input").evaluate_all("els => els.map(e => e.value)"))
    assert "notes (3 rows)" in shown, shown   # the downloads offer it first
    app.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_themes_measure_and_a_span_of_years_live_in_the_link(app, width):
    _width(app, width)
    app.goto("/themes", "measure=share_events")
    app.wait_for_charts(n_plotly=1)
    chosen = app.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button[aria-checked="true"], '
                              '[data-testid="stMain"] [data-testid="stButtonGroup"] button[kind*="Active"]')
    assert "Share of events" in chosen.first.inner_text()
    app.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button').filter(
        has_text=re.compile(r"^\s*Sentences\s*$")).first.click()
    app.page.wait_for_url(re.compile(r"[?&]measure=n_sentences"))
    app.wait_for_run()

    side = app.page.get_by_test_id("stSidebar")
    box = side.locator('[data-testid="stSelectbox"]').filter(has_text="From year")
    box.locator("input").click()
    box.locator("input").fill("2019")
    box.locator("input").press("Enter")
    app.page.wait_for_url(re.compile(r"[?&]from=2019-01-01"))
    app.wait_for_run()
    assert app.query()["measure"] == ["n_sentences"]   # the page's own parameter survives a filter change
    app.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_trends_draws_each_period_with_its_n(app, width):
    _width(app, width)
    app.goto("/trends", "country=IDN")
    app.wait_for_charts(n_plotly=3)
    ticks = app.page.locator('[data-testid="stMain"] .js-plotly-plot .xtick text').evaluate_all(
        "els => els.map(e => e.textContent)")   # SVG text has no innerText
    assert any(re.search(r"· n=\d+", t) for t in ticks), ticks
    assert app.page.get_by_text(re.compile(r"fewer than 5 events")).count() >= 1
    app.assert_clean()
