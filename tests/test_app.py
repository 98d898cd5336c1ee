"""The app in streamlit.testing.v1.AppTest: every page renders with and without filters, empty
combinations say why, the filters survive page switches and the URL round trip, and the Timeline's
open card lives in the URL as `card=`."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.state.filters import Filters, filters_to_query_params

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
PAGES = ["views/overview.py", "views/timeline.py", "views/trends.py", "views/map.py", "views/themes.py", "views/people.py",
         "views/compare.py", "views/sources.py", "views/search.py", "views/data.py", "views/review.py", "views/briefing.py"]
TIMEOUT = 60  # a generous limit for slow CI machines, not a performance assertion


def run_app(build_dir: Path, page: str | None = None, query: dict | None = None) -> AppTest:
    """A fresh session on the build, optionally opened with query parameters and switched to a page."""
    assert os.environ["DASHBOARD_BUILD_DIR"] == str(build_dir)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page and page != PAGES[0]:
        at.switch_page(page).run()
    return at


def used_filters(at: AppTest) -> Filters:
    """The filters the app applied on its last run."""
    s = at.session_state

    def get(key: str):
        return s[key] if key in s else None

    return Filters(events=tuple(get("flt_events") or ()), countries=tuple(get("flt_countries") or ()),
                   themes=tuple(get("flt_themes") or ()), date_from=get("flt_date_from"), date_to=get("flt_date_to"),
                   asean_only=bool(get("flt_asean_only")),
                   only_chosen=bool(get("flt_only_chosen")) and bool(get("flt_countries")))


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_unfiltered(build_dir: Path, page: str) -> None:
    at = run_app(build_dir, page)
    assert_clean(at)
    assert at.title, "every page has a title"
    assert "no filters set" in at.markdown[0].value or any("no filters set" in m.value for m in at.markdown)


def _single_filters(options) -> list[dict]:
    first_event = next(iter(options.events))
    return [
        {"event": first_event}, {"country": "AUS"}, {"theme": "peace_messaging"},
        {"from": "2019-01-01", "to": "2019-12-31"}, {"asean": "1"},
    ]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_each_filter(build_dir: Path, options, page: str) -> None:
    for query in _single_filters(options):
        at = run_app(build_dir, page, query)
        assert_clean(at)
        assert any(m.value.startswith("**Filtered:**") for m in at.markdown), query
        assert not [i for i in at.info if "No events match" in i.value], query


@pytest.mark.parametrize("page", PAGES)
def test_page_says_which_filter_emptied_it(build_dir: Path, page: str) -> None:
    at = run_app(build_dir, page, {"country": "AUS", "from": "2030-01-01"})
    assert_clean(at)
    reason = "No events match the date range (from 2030-01-01). Widen or clear that filter."
    assert [i.value for i in at.info if "No events match" in i.value] in (
        [reason], [f"Nothing to brief on. {reason}"])  # the briefing page words it its own way


def test_url_round_trip_through_a_fresh_session(build_dir: Path, options) -> None:
    at = run_app(build_dir)
    asean = sorted(options.asean)
    at.multiselect(key="flt_countries").set_value(asean[:2])
    at.multiselect(key="flt_themes").set_value(["economy"])
    at.slider(key="flt_dates").set_value((date(2019, 1, 1), options.date_max))
    at.toggle(key="flt_asean_only").set_value(True)
    at.run()
    assert_clean(at)
    expected = Filters(countries=tuple(asean[:2]), themes=("economy",), date_from=date(2019, 1, 1), asean_only=True)
    assert used_filters(at) == expected
    url = {k: ([v] if isinstance(v, str) else v) for k, v in at.query_params.items()}
    assert url == filters_to_query_params(expected)

    fresh = run_app(build_dir, query=url)
    assert_clean(fresh)
    assert used_filters(fresh) == expected
    assert fresh.multiselect(key="flt_countries").value == asean[:2]
    assert fresh.toggle(key="flt_asean_only").value is True


def test_filters_survive_a_page_switch(build_dir: Path) -> None:
    at = run_app(build_dir)
    at.multiselect(key="flt_countries").set_value(["AUS"])
    at.run()
    at.switch_page("views/themes.py").run()
    assert_clean(at)
    assert used_filters(at) == Filters(countries=("AUS",))
    assert at.query_params == {"country": "AUS"}


def test_reset_clears_filters_and_url(build_dir: Path) -> None:
    at = run_app(build_dir, query={"country": "AUS", "theme": "economy", "asean": "1"})
    assert used_filters(at) == Filters(countries=(), themes=("economy",), asean_only=True)  # AUS is no ASEAN member
    at.button(key="flt_reset").click().run()
    assert_clean(at)
    assert used_filters(at) == Filters()
    assert at.query_params == {}


def test_bad_url_values_are_ignored(build_dir: Path) -> None:
    at = run_app(build_dir, query={"country": ["AUS", "<x>"], "from": "not-a-date", "event": "nope", "theme": "x!"})
    assert_clean(at)
    assert used_filters(at) == Filters(countries=("AUS",))


def test_timeline_select_box_opens_the_event_card(build_dir: Path, tables) -> None:
    at = run_app(build_dir, "views/timeline.py")
    ev = tables["events"].sort_values("start_date")
    last = ev["event_id"].iloc[-1]
    at.selectbox(key="tl_event").set_value(last).run()
    assert_clean(at)
    name = ev["name"].iloc[-1]
    assert any(name in s.value for s in at.subheader), [s.value for s in at.subheader]


def test_themes_page_lists_the_evidence_of_the_chosen_theme(build_dir: Path, tables) -> None:
    at = run_app(build_dir, "views/themes.py")
    at.selectbox(key="th_theme").set_value("economy").run()
    assert_clean(at)
    n = int((tables["evidence"]["theme"] == "economy").sum())
    assert any(m.value.startswith(f"**{n} sentences**") for m in at.markdown)


def test_sources_page_highlights_the_article(build_dir: Path, tables) -> None:
    at = run_app(build_dir, "views/sources.py")
    assert_clean(at)
    assert any("<mark" in m.value for m in at.markdown), "extracted facts are highlighted in the text"


def test_first_start_builds_the_tables(tmp_path: Path, build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "fresh"
    monkeypatch.setenv("DASHBOARD_BUILD_DIR", str(empty))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert_clean(at)
    assert (empty / "events.parquet").exists()
    assert at.status[0].label == "Tables built"
    assert at.title[0].value


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_random_filters_never_break_a_page(build_dir: Path, options, data) -> None:
    f = Filters(
        events=tuple(data.draw(st.lists(st.sampled_from(list(options.events)), max_size=2))),
        countries=tuple(data.draw(st.lists(st.sampled_from(list(options.countries)), max_size=3))),
        themes=tuple(data.draw(st.lists(st.sampled_from(list(options.themes)), max_size=2))),
        date_from=data.draw(st.one_of(st.none(), st.dates(date(2018, 1, 1), date(2020, 1, 1)))),
        date_to=data.draw(st.one_of(st.none(), st.dates(date(2018, 1, 1), date(2020, 1, 1)))),
        asean_only=data.draw(st.booleans()),
    )
    page = data.draw(st.sampled_from(PAGES))
    at = run_app(build_dir, page, filters_to_query_params(f))
    assert_clean(at)


# --- the Timeline's open card in the URL (`card=<event_id>`) ---------------------------------------

def open_timeline(build_dir: Path, query: dict) -> AppTest:
    """A fresh session opened straight on /timeline with the query parameters (a shared link)."""
    assert os.environ["DASHBOARD_BUILD_DIR"] == str(build_dir)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page("views/timeline.py").run()
    assert [t.value for t in at.title] == ["Timeline"]
    return at


def _events_by_date(tables) -> list[tuple[str, str]]:
    """(event_id, name) in the Timeline's order."""
    ev = tables["events"].sort_values("start_date")
    return list(zip(ev["event_id"], ev["name"]))


def test_card_link_opens_that_event_card(build_dir: Path, tables) -> None:
    events = _events_by_date(tables)
    assert len(events) >= 2
    event_id, name = events[-1]  # not the default (first) one
    at = open_timeline(build_dir, {"card": event_id})
    assert_clean(at)
    assert at.selectbox(key="tl_event").value == event_id
    assert any(name in s.value for s in at.subheader), [s.value for s in at.subheader]
    assert at.query_params == {"card": event_id}


def test_choosing_an_event_updates_the_card_param(build_dir: Path, tables) -> None:
    events = _events_by_date(tables)
    assert len(events) >= 3
    at = open_timeline(build_dir, {})
    assert "card" not in at.query_params  # the default card adds nothing to the URL
    for event_id, name in (events[1], events[-1]):
        at.selectbox(key="tl_event").set_value(event_id).run()
        assert_clean(at)
        assert at.query_params["card"] == event_id
        assert any(name in s.value for s in at.subheader), [s.value for s in at.subheader]
    at.selectbox(key="tl_event").set_value(events[0][0]).run()  # back to the default: `card` goes
    assert_clean(at)
    assert "card" not in at.query_params


def test_card_is_no_filter_and_other_pages_drop_it(build_dir: Path, tables) -> None:
    event_id, _name = _events_by_date(tables)[-1]
    p = tables["participants"]
    iso3 = str(p.loc[p["event_id"] == event_id, "iso3"].dropna().iloc[0])
    at = open_timeline(build_dir, {"card": event_id, "country": iso3})
    assert_clean(at)
    assert used_filters(at) == Filters(countries=(iso3,))  # `card` narrows nothing
    assert at.query_params == {"card": event_id, "country": iso3}
    at.switch_page("views/map.py").run()
    assert_clean(at)
    assert used_filters(at) == Filters(countries=(iso3,))
    assert at.query_params == {"country": iso3}


def test_unknown_or_filtered_out_card_is_ignored(build_dir: Path, tables) -> None:
    events = _events_by_date(tables)
    at = open_timeline(build_dir, {"card": "no-such-event<>"})
    assert_clean(at)
    assert at.selectbox(key="tl_event").value == events[0][0]
    assert "card" not in at.query_params

    ev = tables["events"]
    last_id, _ = events[-1]
    last_start = ev.loc[ev["event_id"] == last_id, "start_date"].iloc[0]
    before = (last_start - pd.Timedelta(days=1)).date()
    kept = ev[ev["start_date"] <= pd.Timestamp(before)].sort_values("start_date")
    assert not kept.empty and last_id not in set(kept["event_id"])
    at = open_timeline(build_dir, {"card": last_id, "to": before.isoformat()})
    assert_clean(at)
    assert at.selectbox(key="tl_event").value == kept["event_id"].iloc[0]
    assert at.query_params == {"to": before.isoformat()}


# --- the users' questions --------------------------------------------------------------------------

def _partners_of(tables, iso3: str) -> set[str]:
    """Countries at the events `iso3` took part in (from the participants table, not the app)."""
    p = tables["participants"]
    own = set(p.loc[p["iso3"] == iso3, "event_id"])
    return set(p.loc[p["event_id"].isin(own), "iso3"]) - {iso3}


def test_country_filter_lists_partners_on_overview_card_and_data(build_dir: Path, tables) -> None:
    """"With whom did Australia meet?" answered on the Overview, the event card and the Data page."""
    partners = _partners_of(tables, "AUS")
    at = run_app(build_dir, query={"country": "AUS"})
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Partners"] == str(len(partners)) and metrics["Countries"] == str(len(partners) + 1)
    table = next(d.value for d in at.dataframe if "shared_events" in d.value.columns)
    assert set(table["iso3"]) == partners

    rcdd = tables["events"].sort_values("start_date")["event_id"].iloc[-1]
    at = open_timeline(build_dir, {"country": "AUS", "card": rcdd})
    assert_clean(at)
    p = tables["participants"]
    card = next(d.value for d in at.dataframe if {"role", "ASEAN", "articles"} <= set(d.value.columns))
    assert set(card["iso3"]) == set(p.loc[p["event_id"] == rcdd, "iso3"])
    assert set(card["ASEAN"]) == {"yes", "no"}  # a non-member reads "no", never "not stated"

    at.switch_page("views/data.py").run()
    assert_clean(at)
    shown = next(d.value for d in at.dataframe if set(d.value.columns) >= {"iso3", "role", "is_asean"})
    assert set(shown["iso3"]) == partners | {"AUS"}


def test_only_chosen_rows_keeps_events_and_narrows_rows(build_dir: Path, tables) -> None:
    at = run_app(build_dir, "views/data.py", {"country": "AUS", "only": "1"})
    assert_clean(at)
    assert used_filters(at) == Filters(countries=("AUS",), only_chosen=True)
    shown = next(d.value for d in at.dataframe if set(d.value.columns) >= {"iso3", "role", "is_asean"})
    assert set(shown["iso3"]) == {"AUS"}


def test_card_evidence_links_to_the_sentence_in_its_article(build_dir: Path, tables) -> None:
    """Each card fact's sentence links to the Sources page; the link opens that article with exactly
    that sentence highlighted."""
    import re
    from html import unescape
    rcdd = tables["events"].sort_values("start_date")["event_id"].iloc[-1]
    at = open_timeline(build_dir, {"country": "AUS", "card": rcdd})
    links = [unescape(h) for m in at.markdown for h in re.findall(r'href="(sources\?[^"]+)"', m.value)]
    assert links, "the card links its sentences to their articles"
    link = next(li for li in links if "hl=" in li)
    qs = dict(p.split("=", 1) for p in link.split("?", 1)[1].split("&"))
    assert qs["country"] == "AUS"
    start, end = map(int, qs["hl"].split("-"))
    text = tables["articles_text"].set_index("article_id").loc[qs["article"], "text"]
    sentence = text[start:end]
    assert sentence in {str(s) for s in tables["participants"]["evidence"]} | \
        {str(s) for s in tables["attendees"]["evidence"]} | {str(s) for s in tables["events"]["evidence"]} | \
        {str(s) for s in tables["events"]["date_evidence"]}

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in qs.items():
        at.query_params[k] = v
    at.switch_page("views/sources.py").run()
    assert_clean(at)
    assert at.selectbox(key="src_article").value == qs["article"]
    marked = [m.value for m in at.markdown if "linked sentence" not in m.value and "outline:2px" in m.value]
    assert marked, "the linked sentence is marked in the article"
    assert re.search(r"outline:2px[^>]*>([^<]+)</mark>", marked[0]).group(1) == __import__("html").escape(sentence)


def test_a_quick_date_choice_applies_at_once(build_dir: Path, options) -> None:
    at = run_app(build_dir)
    at.segmented_control(key="flt_period").set_value("2018").run()
    assert_clean(at)
    assert used_filters(at) == Filters(date_to=date(2018, 12, 31))  # from the first event: no lower limit
    assert at.query_params == {"to": "2018-12-31"}
    at.segmented_control(key="flt_period").set_value("all").run()
    assert used_filters(at) == Filters()


@pytest.mark.parametrize("page", PAGES)
def test_each_page_runs_on_its_own(build_dir: Path, page: str) -> None:
    """No hidden hand-over from app.py: a page script alone reads the build and the URL's filters."""
    at = AppTest.from_file(str(Path(APP).parent / page), default_timeout=TIMEOUT)
    at.query_params["country"] = "AUS"
    at.run()
    assert_clean(at)
    assert any("Countries: Australia" in m.value for m in at.markdown), [m.value for m in at.markdown][:3]


# --- hostile and malformed links: ignored, and said so ----------------------------------------------

def test_ignored_in_link_names_what_the_data_cannot_show(options) -> None:
    from dashboard.state.filters import ignored_in_link
    known = next(iter(options.countries))
    notes = ignored_in_link({"country": [known, "XXX", "zzz", "XXX"], "event": ["no-such-event"],
                             "theme": ["<script>"], "from": ["2020-13-01"]}, options)
    assert notes == ["1 event in the link is not in the data and was ignored: no-such-event.",
                     "2 countries in the link are not in the data and were ignored: XXX, ZZZ.",
                     "1 theme in the link is not a theme of the data and was ignored: <script>.",
                     "The start date in the link (2020-13-01) is not a date (YYYY-MM-DD) and was ignored."]
    assert ignored_in_link({"country": [known]}, options) == []
    backwards = ignored_in_link({"from": ["2021-01-01"], "to": ["2020-01-01"]}, options)
    assert backwards == ["The link's dates run backwards (from 2021-01-01 to 2020-01-01), so no event can match; "
                         "widen or clear the date range."]
    many = ignored_in_link({"country": [f"A{i:05d}" for i in range(10_000)]}, options)
    assert many == []  # malformed codes (not three letters) are no countries at all ...
    many = ignored_in_link({"country": ["AAA", "BBB", "CCC", "DDD", "EEE"] * 2000}, options)
    assert many == ["5 countries in the link are not in the data and were ignored: AAA, BBB, CCC and 2 more."]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_what_a_hostile_link_asked_for_and_ignores_it(build_dir: Path, page: str) -> None:
    query = {"country": ["XXX", "IDN"], "theme": ["[x](javascript:alert(1))"], "from": ["not-a-date"],
             "event": ["x" * 5000], "asean": ["maybe"], "card": ["<img src=x>"], "article": ["../../etc/passwd"]}
    at = run_app(build_dir, page, query)
    assert_clean(at)
    from dashboard.safe_text import md
    said = [w.value for w in at.warning]   # shown escaped: a link's text is never markup
    assert md("1 country in the link is not in the data and was ignored: XXX.") in said
    assert md("1 theme in the link is not a theme of the data and was ignored: [x](javascript:alert(1)).") in said
    assert md("The start date in the link (not-a-date) is not a date (YYYY-MM-DD) and was ignored.") in said
    assert used_filters(at) == Filters(countries=("IDN",))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_takes_a_link_with_a_thousand_values(build_dir: Path, page: str) -> None:
    # Streamlit itself reads at most 1,000 query parameters and drops a longer query string whole
    query = {"country": ["IDN"] + ["AAA", "BBB", "CCC", "DDD", "EEE"] * 199}
    at = run_app(build_dir, page, query)
    assert_clean(at)
    from dashboard.safe_text import md
    said = [w.value for w in at.warning]
    assert md("5 countries in the link are not in the data and were ignored: AAA, BBB, CCC and 2 more.") in said
    assert used_filters(at) == Filters(countries=("IDN",))
