"""The global filters as a user meets them: the sidebar writes them to the URL, the charts follow,
a reload or a copied link keeps them, a page switch keeps them, and reset clears them. A link with
`card=<event_id>` opens that event's card on the Timeline."""

from __future__ import annotations

import re

import pytest

from playwright.sync_api import expect

# path, link text in the sidebar navigation, the page's title
NAV = [("/timeline", "Timeline", "Timeline"), ("/map", "Map", "Map"), ("/themes", "Themes", "Themes"),
       ("/people", "People and organisations", "People and organisations"), ("/sources", "Sources", "Sources"),
       ("/data", "Data", "Data"), ("/briefing", "Briefing pack", "Briefing pack"),
       ("/", "Overview", "ASEAN digital diplomacy at a glance")]


@pytest.fixture(scope="module")
def country(build_dir):
    """(iso3, name, n_events) of a country that took part in fewer events than the build holds, so
    choosing it changes every chart: the one with the fewest events (ties: ISO code)."""
    from dashboard.data import read_tables

    t = read_tables(build_dir)
    n_all = t["events"]["event_id"].nunique()
    per = t["participants"].groupby(["iso3", "country"])["event_id"].nunique().reset_index()
    per = per[per["event_id"] < n_all].sort_values(["event_id", "iso3"])
    assert not per.empty, "the seeds hold a country that missed an event, so a country filter changes the charts"
    row = per.iloc[0]
    return str(row["iso3"]), str(row["country"]), int(row["event_id"]), n_all


def events_metric(app) -> str:
    return app.page.locator('[data-testid="stMetric"]').filter(has_text="Events") \
        .locator('[data-testid="stMetricValue"]').inner_text().strip()


def country_tags(app):
    box = app.page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Countries")
    return box.locator('[data-testid="stMultiSelectTagsContainer"] [data-tag]')


def chosen_countries(app, n: int | None = None) -> list[str]:
    """The tags shown in the sidebar's Countries multiselect (waiting until there are n, if given)."""
    tags = country_tags(app)
    if n is not None:
        expect(tags).to_have_count(n)
    return [tags.nth(i).get_attribute("aria-label") or tags.nth(i).inner_text() for i in range(tags.count())]


def choose_country(app, iso3: str) -> None:
    box = app.page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(has_text="Countries")
    box.locator("input").click()
    box.locator("input").fill(iso3)  # the option list is virtualised: narrow it to the one we want
    app.page.get_by_role("option", name=re.compile(rf"\({iso3}\)")).click()
    app.page.keyboard.press("Escape")
    app.page.wait_for_url(re.compile(rf"[?&]country={iso3}(&|$)"))
    app.wait_for_run()


def overview_state(app, n_charts: int = 2):
    app.wait_for_charts(n_plotly=n_charts)
    return events_metric(app), app.plotly_data()


def test_country_filter_round_trip(app, country):
    """Choose a country → URL and charts change; reload keeps it; every page keeps it; reset clears it."""
    iso3, name, n_events, n_all = country
    app.goto("/")
    assert app.query() == {}
    all_metric, all_data = overview_state(app)
    assert all_metric == str(n_all)

    # choosing a country: the URL's query and the charts change
    choose_country(app, iso3)
    assert app.query() == {"country": [iso3]}
    # + the partners chart (the co-attendance matrix is made only when its box is opened)
    metric, data = overview_state(app, n_charts=3)
    assert metric == str(n_events)
    assert len(all_data) == 2 and len(data) == 3
    assert all(a != b for a, b in zip(data[-2:], all_data)), "a chart did not change with the country filter"
    assert app.page.get_by_text(f"Countries: {name}").count() == 1
    assert app.page.get_by_text("Showing everything").count() == 0

    # reloading the URL keeps the filter, the widget and the charts
    app.page.reload()
    app.wait_for_run()
    assert app.query() == {"country": [iso3]}
    assert [f"({iso3})" in t for t in chosen_countries(app, 1)] == [True]
    assert overview_state(app, n_charts=3) == (metric, data)

    # switching pages through the sidebar keeps it on every page
    for path, link, title in NAV:
        app.page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()
        app.page.wait_for_url(re.compile(re.escape(app.base_url + path) + r"(\?|$)"))
        app.wait_for_run(title=title)
        assert app.query() == {"country": [iso3]}, path
        assert [f"({iso3})" in t for t in chosen_countries(app, 1)] == [True], path
        assert app.page.get_by_text(f"Countries: {name}").count() >= 1, path  # the header (and e.g. a pack's subtitle)
        assert app.exceptions() == [], path
    assert overview_state(app, n_charts=3) == (metric, data)

    # reset clears the filters, the URL and the charts
    app.page.get_by_test_id("stSidebar").get_by_role("button", name=re.compile("Reset filters")).click()
    app.page.wait_for_url(lambda url: "?" not in url or url.endswith("?"))
    app.wait_for_run()
    assert app.query() == {}
    assert chosen_countries(app, 0) == []
    assert app.page.get_by_text("Showing everything").count() == 1
    assert overview_state(app) == (all_metric, all_data)
    app.assert_clean()


def test_copied_link_opens_the_same_view(app, country, build_dir):
    """A link with filters, opened in a fresh browser context on a sub-page, shows those filters."""
    import pandas as pd

    iso3, name, _n, _all = country
    t = pd.read_parquet(build_dir / "events.parquet") if (build_dir / "events.parquet").exists() else None
    last = None if t is None else pd.to_datetime(t["end_date"].fillna(t["start_date"])).max().date()
    query = f"country={iso3}" + (f"&to={last.isoformat()}" if last else "")
    app.goto("/map", query)
    app.wait_for_charts(n_deck=1)
    assert app.query()["country"] == [iso3]
    assert [f"({iso3})" in t for t in chosen_countries(app, 1)] == [True]
    assert app.page.get_by_text(f"Countries: {name}").count() == 1
    if last:
        assert app.query()["to"] == [last.isoformat()]
        assert app.page.get_by_text(f"Dates: until {last.isoformat()}").count() == 1
    app.assert_clean()


def test_a_link_with_ten_thousand_values_applies_the_known_ones_and_says_so(app, country):
    """Streamlit drops a query string of more than 1,000 parameters; the app reads it from the browser."""
    iso3, name, _n, _all = country
    query = "&".join([f"country={iso3}"] + [f"country={c}" for c in ("AAA", "BBB", "CCC", "DDD", "EEE") * 2000])
    app.goto("/people", query)
    note = "5 countries in the link are not in the data and were ignored: AAA, BBB, CCC and 2 more."
    app.page.get_by_text(note).first.wait_for(timeout=30_000)   # after the browser has handed the link over
    app.wait_for_run()
    assert [f"({iso3})" in t for t in chosen_countries(app, 1)] == [True]
    assert app.query() == {"country": [iso3]}, "the address now holds what is applied"
    assert app.page.get_by_text(f"Countries: {name}").count() >= 1
    app.assert_clean()


@pytest.mark.parametrize("path", ["/", "/timeline", "/map", "/themes", "/people", "/sources", "/data"],
                         ids=lambda p: p.strip("/") or "overview")
def test_empty_selection_says_why(app, path):
    """A date range with no events: a plain message naming the filter, never an exception or a blank chart."""
    app.goto(path, "from=2099-01-01")
    assert app.query() == {"from": ["2099-01-01"]}
    assert app.page.get_by_text(re.compile(r"No events match the date range")).count() >= 1
    assert app.page.locator('[data-testid="stPlotlyChart"], [data-testid="stDeckGlJsonChart"]').count() == 0
    app.assert_clean()


def test_card_link_opens_the_event_card(app, build_dir):
    """/timeline?card=<id> shows that event's card (the screenshot shows it); the URL keeps `card`."""
    from dashboard import queries
    from dashboard.data import read_tables, theme_labels

    t = read_tables(build_dir)
    ev = t["events"].sort_values("start_date")
    assert len(ev) >= 2, "the seeds report several events"
    event_id = str(ev["event_id"].iloc[-1])  # not the default (first) card
    labels = theme_labels(t)
    name = queries.event_card(t, event_id, labels).name
    default_name = queries.event_card(t, str(ev["event_id"].iloc[0]), labels).name

    app.goto("/timeline", f"card={event_id}")
    app.wait_for_charts(n_plotly=1)
    assert app.query() == {"card": [event_id]}
    headings = app.headings()
    assert name in headings, headings
    assert default_name not in headings, headings
    app.assert_clean()
