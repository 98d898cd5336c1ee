"""The users' questions in a real browser: a card's sentence link opens its article with the sentence
highlighted; a date choice applies at once; every page is readable at 1024 and 1440 px wide (no
chart's plot area squeezed below half the chart, no headline figure cut off). Screenshots of every
page at both widths go to <repo>/screenshots/."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from test_browser_pages import PAGES  # the page list, with the charts each page must draw

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

WIDTHS = (1024, 1440, 1920)


def test_card_sentence_link_opens_the_article_with_the_sentence_highlighted(app, build_dir):
    from dashboard.data import read_tables

    t = read_tables(build_dir)
    p = t["participants"]
    own = p.loc[p["iso3"] == "AUS", "event_id"]
    event = t["events"][t["events"]["event_id"].isin(own)].sort_values("start_date")["event_id"].iloc[-1]
    app.goto("/timeline", f"country=AUS&card={event}")
    app.wait_for_charts(n_plotly=1)
    link = app.page.locator('[data-testid="stMain"] a[href*="sources?"][href*="hl="]').first
    href = link.get_attribute("href")
    qs = {k: v[0] for k, v in parse_qs(urlparse(href).query).items()}
    start, end = map(int, qs["hl"].split("-"))
    sentence = t["articles_text"].set_index("article_id").loc[qs["article"], "text"][start:end]

    link.click()
    app.wait_for_run(title="Sources")
    assert app.query()["article"] == [qs["article"]] and app.query()["country"] == ["AUS"]
    marked = app.page.locator('[data-testid="stMain"] mark[title^="the sentence you followed"]')
    assert marked.count() == 1
    assert " ".join(marked.first.inner_text().split()) == " ".join(sentence.split())
    app.assert_clean()


def test_a_date_choice_applies_without_a_second_click(app, build_dir):
    from dashboard.data import read_tables

    ev = read_tables(build_dir)["events"]
    year = int(ev["start_date"].dt.year.min())
    n_year = int((ev["start_date"].dt.year == year).sum())
    app.goto("/")
    app.page.get_by_test_id("stSidebar").locator("button", has_text=re.compile(rf"^\s*{year}\s*$")).click()
    app.page.wait_for_url(re.compile(rf"[?&]to={year}-12-31"))
    app.wait_for_run()
    value = app.page.locator('[data-testid="stMetric"]').filter(has_text="Events") \
        .locator('[data-testid="stMetricValue"]').inner_text().strip()
    assert value == str(n_year)

    thumb = app.page.get_by_test_id("stSidebar").get_by_role("slider").last  # the range's upper end
    thumb.focus()
    thumb.press("End")  # the keyboard moves it; the filter follows on its own
    app.page.wait_for_url(lambda url: "to=" not in url)
    app.wait_for_run()
    app.assert_clean()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_is_readable_at(app, width):
    app.page.set_viewport_size({"width": width, "height": {1024: 768, 1440: 900}.get(width, 1080)})
    problems = []
    for path, title, _subheads, n_plotly, n_deck, n_tables in PAGES:
        app.goto(path, "country=IDN")
        app.wait_for_charts(n_plotly=n_plotly, n_deck=n_deck, n_tables=n_tables)
        app.page.wait_for_timeout(500)
        name = path.strip("/") or "overview"
        app.screenshot(SCREENSHOTS / f"{name}_{width}px.png")
        plots = app.page.evaluate("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
            .filter(gd => !(gd.layout && gd.layout.yaxis && gd.layout.yaxis.scaleanchor))  // maps keep true proportions
            .map(gd => { const drag = gd.querySelector('.nsewdrag');
                         return [gd.getBoundingClientRect().width, drag ? drag.getBoundingClientRect().width : null]; })""")
        for chart_w, plot_w in plots:
            if plot_w is not None and plot_w < chart_w / 2:
                problems.append(f"{name}: plot area {plot_w:.0f} of {chart_w:.0f} px")
        cut = app.page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMetricValue"]')]
            .filter(el => { const t = el.querySelector('div') || el; return t.scrollWidth > t.clientWidth + 1; })
            .map(el => el.innerText)""")
        problems += [f"{name}: headline figure cut off: {v}" for v in cut]
        app.assert_clean()
    assert not problems, "\n".join(problems)
