"""Trends (issue 20, "has it shifted over the years?"): the period unit, events, theme shares and partners
per period on small hand-made frames whose numbers are counted by hand below, the figures' n per period
and small-n marks, the findings' trend line on a hand-made multi-year build, and the page on the seeds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.exports.findings import findings
from dashboard.figures import trends
from dashboard.state.filters import Filters, apply_filters

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
TIMEOUT = 60
LABELS = {"peace_messaging": "Peace messaging", "economy": "Digital economy", "capacity_building": "Digital skills"}

# Eight events in 2019 and 2021 (none in 2020):
#   2019: E1, E2, E3            -> n=3, under MIN_EVENTS (5): small
#   2021: E4, E5, E6, E7, E8    -> n=5: not small
EVENTS = pd.DataFrame({
    "event_id": [f"E{i}" for i in range(1, 9)],
    "name": [f"Event {i}" for i in range(1, 9)],
    "start_date": pd.to_datetime(["2019-03-01", "2019-06-01", "2019-11-20",
                                  "2021-01-10", "2021-02-10", "2021-05-05", "2021-08-08", "2021-11-11"]),
    "event_type": ["forum", "forum", "workshop", "forum", "meeting", "meeting", None, "forum"],
})
ARTICLES = pd.DataFrame({"article_id": [f"a{i}" for i in range(1, 9)], "event_id": [f"E{i}" for i in range(1, 9)],
                         "title": [f"Headline {i}" for i in range(1, 9)]})
# Evidence (event, theme, counted). An event touches a theme when one of its counted sentences supports it:
#   economy:  E1, E2 (2019) and E4 (2021); E3's economy sentence is not counted, so E3 does not touch it
#   peace:    E3 (2019) and E4, E5, E6, E7 (2021); E4 has two peace sentences and still counts once
#   capacity: no evidence at all -> no row (it must not read as 0%)
EVIDENCE_ROWS = [
    ("E1", "economy", True), ("E2", "economy", True), ("E3", "economy", False),
    ("E3", "peace_messaging", True),
    ("E4", "economy", True), ("E4", "peace_messaging", True), ("E4", "peace_messaging", True),
    ("E5", "peace_messaging", True), ("E6", "peace_messaging", True), ("E7", "peace_messaging", True),
]


def _evidence(rows=EVIDENCE_ROWS) -> pd.DataFrame:
    d = pd.DataFrame(rows, columns=["event_id", "theme", "counted"])
    d["article_id"] = "a" + d["event_id"].str[1:]
    d["sentence"] = [f"Sentence {i}." for i in range(len(d))]
    return d


# ---------------------------------------------------------------------------------------------
# The unit
# ---------------------------------------------------------------------------------------------

def _span(*dates: str) -> pd.DataFrame:
    return pd.DataFrame({"event_id": [f"x{i}" for i in range(len(dates))], "start_date": pd.to_datetime(list(dates))})


def test_the_unit_follows_the_span_of_the_dates() -> None:
    assert trends.period_unit(_span("2017-01-01", "2025-06-01")) == "year"
    assert trends.period_unit(_span("2019-01-01", "2022-01-05")) == "year", "just over three years"
    assert trends.period_unit(_span("2018-07-12", "2019-09-10")) == "quarter", "the seeds: 14 months"
    assert trends.period_unit(_span("2019-01-01", "2021-12-01")) == "quarter", "just under three years"
    assert trends.period_unit(_span("2019-01-01", "2019-11-30")) == "month"
    assert trends.period_unit(_span("2019-05-01")) == "month", "one event"
    assert trends.period_unit(_span()) == "year", "no dates: the default"
    undated = pd.DataFrame({"event_id": ["u", "d1", "d2"],
                            "start_date": pd.to_datetime([None, "2010-01-01", "2011-01-01"])})
    assert trends.period_unit(undated) == "quarter" and trends.n_undated(undated) == 1


def test_periods_cover_every_period_between_the_first_and_last_event() -> None:
    p = trends.event_periods(EVENTS, "year")
    assert list(p.cat.categories) == ["2019", "2020", "2021"], "2020 had no event and is still a period"
    assert list(trends.event_periods(EVENTS.iloc[:3], "quarter").cat.categories) == ["2019 Q1", "2019 Q2", "2019 Q3",
                                                                                     "2019 Q4"]
    assert list(trends.event_periods(EVENTS.iloc[:2], "month")) == ["Mar 2019", "Jun 2019"]
    with pytest.raises(ValueError):
        trends.event_periods(EVENTS, "week")


# ---------------------------------------------------------------------------------------------
# The pure functions
# ---------------------------------------------------------------------------------------------

def test_events_per_period_by_type() -> None:
    d = trends.events_per_period(EVENTS, "year")
    got = {(str(p), t): n for p, t, n in d.itertuples(index=False)}
    # 2019: forum E1 E2, workshop E3; 2021: forum E4 E8, meeting E5 E6, no type E7 -> "event"
    assert got == {("2019", "forum"): 2, ("2019", "workshop"): 1,
                   ("2021", "event"): 1, ("2021", "forum"): 2, ("2021", "meeting"): 2}
    assert d["n_events"].sum() == len(EVENTS)
    assert list(d["period"].cat.categories) == ["2019", "2020", "2021"]


def test_theme_share_per_period_counted_by_hand() -> None:
    d = trends.theme_share_per_period(EVENTS, _evidence(), ARTICLES, LABELS, "year")
    assert list(d.columns) == trends.SHARE_COLUMNS
    rows = {(str(r.period), r.theme): r for r in d.itertuples(index=False)}
    assert set(rows) == {("2019", "peace_messaging"), ("2019", "economy"),
                         ("2021", "peace_messaging"), ("2021", "economy")}, \
        "catalogue themes without evidence and periods without events have no row"
    assert list(d["theme"].iloc[:2]) == ["peace_messaging", "economy"], "catalogue order"
    eco19 = rows[("2019", "economy")]
    assert (eco19.n_touching, eco19.n_events) == (2, 3) and eco19.share == pytest.approx(2 / 3)
    assert bool(eco19.small), "3 events < MIN_EVENTS"
    peace19 = rows[("2019", "peace_messaging")]
    assert (peace19.n_touching, peace19.n_events) == (1, 3)
    eco21, peace21 = rows[("2021", "economy")], rows[("2021", "peace_messaging")]
    assert (eco21.n_touching, eco21.n_events, eco21.share) == (1, 5, pytest.approx(1 / 5))
    assert (peace21.n_touching, peace21.share) == (4, pytest.approx(4 / 5)), "E4's two sentences count once"
    assert not eco21.small and not peace21.small, "5 events is not small"
    assert eco19.theme_label == "Digital economy"
    assert trends.MIN_EVENTS == 5


def test_theme_shares_agree_with_the_themes_page_measure() -> None:
    from dashboard.theme_measures import theme_measures

    d = trends.theme_share_per_period(EVENTS, _evidence(), ARTICLES, LABELS, "year")
    m = theme_measures(EVENTS, _evidence(), ARTICLES, LABELS).set_index("theme")["n_events"]
    assert d.groupby("theme")["n_touching"].sum().to_dict() == m.to_dict()


def test_theme_shares_without_evidence_are_empty() -> None:
    d = trends.theme_share_per_period(EVENTS, _evidence([]), ARTICLES, LABELS, "year")
    assert d.empty and list(d.columns) == trends.SHARE_COLUMNS
    assert "No theme evidence" in trends.theme_share_figure(d, "year").layout.annotations[0].text


PARTICIPANTS = pd.DataFrame([
    ("E1", "IDN"), ("E1", "AUS"), ("E1", "MYS"),
    ("E2", "IDN"), ("E2", "AUS"), ("E2", "AUS"),   # a repeated row counts once
    ("E3", "AUS"), ("E3", "SGP"),                  # no Indonesia: not shared
    ("E4", "IDN"), ("E4", "MYS"), ("E4", "THA"),
    ("E5", "IDN"), ("E5", "VNM"), ("E5", "THA"),
], columns=["event_id", "iso3"])
NAMES = {"IDN": "Indonesia", "AUS": "Australia", "MYS": "Malaysia", "SGP": "Singapore", "THA": "Thailand",
         "VNM": "Vietnam"}
PARTICIPANTS["country"] = PARTICIPANTS["iso3"].map(NAMES)
PARTICIPANTS["is_asean"] = PARTICIPANTS["iso3"] != "AUS"
PARTICIPANTS["role"] = "participant"


def test_partners_per_period_counted_by_hand() -> None:
    # Indonesia's events: E1 E2 (2019), E4 E5 (2021). Shared: Australia E1 E2; Malaysia E1, E4;
    # Thailand E4, E5; Vietnam E5. Top 2 by shared events, ties by name: Australia (2), Malaysia (2);
    # then Thailand (2) and Vietnam (1) are "others": in 2021 they shared E4 and E5, 2 events (not 3 pairs).
    d = trends.partners_per_period(PARTICIPANTS, EVENTS, "IDN", "year", top=2)
    assert list(d.columns) == trends.PARTNER_COLUMNS
    got = [(r.partner, str(r.period), r.n_events, r.n_own) for r in d.itertuples(index=False)]
    assert got == [("Australia", "2019", 2, 2), ("Malaysia", "2019", 1, 2), ("Malaysia", "2021", 1, 2),
                   ("others (2 countries)", "2021", 2, 2)]
    assert d["iso3"].iloc[-1] is None
    assert "Singapore" not in set(d["partner"]) and "Indonesia" not in set(d["partner"])
    every = trends.partners_per_period(PARTICIPANTS, EVENTS, "IDN", "year")
    assert not any(every["partner"].str.startswith("others")), "4 partners fit in the default top"
    assert every.groupby("partner")["n_events"].sum().to_dict() == {"Australia": 2, "Malaysia": 2, "Thailand": 2,
                                                                     "Vietnam": 1}
    assert trends.partners_per_period(PARTICIPANTS, EVENTS, "SGP", "year")["partner"].tolist() == ["Australia"]
    assert trends.partners_per_period(PARTICIPANTS, EVENTS, "BRN", "year").empty


def test_the_country_choice_follows_the_sidebar_then_indonesia() -> None:
    order = {"IDN": "Indonesia", "MYS": "Malaysia", "AUS": "Australia"}
    opts = trends.country_options(PARTICIPANTS, EVENTS.iloc[:3], order)
    assert opts == {"IDN": "Indonesia", "MYS": "Malaysia", "AUS": "Australia", "SGP": "Singapore"}
    assert trends.default_country(opts, ()) == "IDN"
    assert trends.default_country(opts, ("BRN", "AUS")) == "AUS", "the first chosen country that took part"
    assert trends.default_country({"AUS": "Australia"}, ()) == "AUS"
    assert trends.default_country({}, ()) is None


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------

def test_the_theme_share_figure_names_n_and_marks_small_periods() -> None:
    d = trends.theme_share_per_period(EVENTS, _evidence(), ARTICLES, LABELS, "year")
    fig = trends.theme_share_figure(d, "year", title="Share of events touching each theme, per year")
    ticks = list(fig.layout.xaxis.ticktext)
    assert "2019<br>n=3" in ticks[0] and "color" in ticks[0], "a small period's tick is grey"
    assert "2020<br>n=0" in ticks[1]
    assert ticks[2] == "2021<br>n=5", "5 events: plain"
    assert list(fig.layout.xaxis.tickvals) == ["2019", "2020", "2021"]
    assert fig.layout.yaxis.tickformat == ".0%"
    assert f"fewer than {trends.MIN_EVENTS} events" in fig.layout.title.subtitle.text
    eco = [t for t in fig.data if t.legendgroup == "Digital economy"]
    dotted, solid = (eco[0], eco[1]) if eco[0].line.dash == "dot" else (eco[1], eco[0])
    assert list(dotted.y[:1]) == [pytest.approx(2 / 3)] and pd.isna(dotted.y[1]), "2020 is a gap"
    assert pd.isna(solid.y[0]) and solid.y[2] == pytest.approx(0.2), "the small 2019 only dotted"
    assert fig.layout.title.text.startswith("Share of events touching each theme")


def test_the_other_figures() -> None:
    bars = trends.events_per_period_figure(trends.events_per_period(EVENTS, "year"), "year", title="Events per year")
    assert list(bars.layout.xaxis.ticktext) == ["2019<br>n=3", "2020<br>n=0", "2021<br>n=5"]
    assert sum(sum(t.y) for t in bars.data) == len(EVENTS) and bars.layout.barmode == "stack"
    heat = trends.partners_per_period_figure(trends.partners_per_period(PARTICIPANTS, EVENTS, "IDN", "year", top=2),
                                             "Indonesia", "year")
    z = heat.data[0].z
    assert [list(r) for r in z] == [[2, 0, 0], [1, 0, 1], [0, 0, 2]], "partners × 2019, 2020, 2021"
    assert list(heat.layout.xaxis.ticktext) == ["2019<br>n=2", "2020<br>n=0", "2021<br>n=2"]
    assert "No partners" in trends.partners_per_period_figure(
        trends.partners_per_period(PARTICIPANTS, EVENTS, "BRN", "year"), "Brunei", "year").layout.annotations[0].text


# ---------------------------------------------------------------------------------------------
# The findings' trend line
# ---------------------------------------------------------------------------------------------

def _multi_year_tables() -> dict[str, pd.DataFrame]:
    """A build from 2017 to 2025 (thirds: 2017-2019 and 2023-2025), counted by hand:
    2017-2019: 8 events, 5 touch peace messaging, 2 economy;  2020-2022: one event a year, no theme;
    2023-2025: 12 events, 1 touches peace messaging, 6 economy.
    Peace messaging moves from 5/8 (62.5%) to 1/12 (8%), economy from 2/8 (25%) to 6/12 (50%): peace moves most."""
    years = [2017, 2017, 2018, 2018, 2018, 2019, 2019, 2019, 2020, 2021, 2022] + [2023] * 4 + [2024] * 4 + [2025] * 4
    ids = [f"T{i:02d}" for i in range(len(years))]
    events = pd.DataFrame({
        "event_id": ids, "name": [f"Meeting {i}" for i in range(len(ids))], "acronym": None,
        "start_date": pd.to_datetime([f"{y}-06-01" for y in years]), "city": "Jakarta", "host_iso3": "IDN",
        "event_type": "meeting",
    })
    events["end_date"] = events["start_date"]
    first, last = ids[:8], ids[11:]
    assert len(first) == 8 and len(last) == 12
    ev_rows = ([(e, "peace_messaging") for e in first[:5]] + [(e, "economy") for e in first[5:7]]
               + [(last[0], "peace_messaging")] + [(e, "economy") for e in last[:6]])
    evidence = pd.DataFrame(ev_rows, columns=["event_id", "theme"])
    evidence["article_id"] = "a" + evidence["event_id"]
    evidence["sentence"] = [f"Sentence {i}." for i in range(len(evidence))]
    evidence["counted"] = True
    articles = pd.DataFrame({"article_id": ["a" + e for e in ids], "event_id": ids, "outlet": "example.id",
                             "published_date": events["start_date"], "title": "Headline"})
    participants = pd.DataFrame({"event_id": ids, "iso3": "IDN", "country": "Indonesia", "role": "host",
                                 "is_asean": True})
    return {
        "events": events, "articles": articles, "participants": participants, "evidence": evidence,
        "themes": evidence.groupby(["event_id", "theme"]).size().rename("n_evidence").reset_index(),
        "attendees": pd.DataFrame(columns=["event_id", "name", "title", "iso3", "article_id"]),
        "outcomes": pd.DataFrame(columns=["event_id", "article_id", "sentence", "rank"]),
    }


def test_the_findings_name_the_theme_that_shifted_most() -> None:
    tables = _multi_year_tables()
    f = Filters()
    found = findings(tables, apply_filters(tables, f), f, LABELS)
    trend = [x for x in found if x.kind == "trend"]
    assert len(trend) == 1
    text = trend[0].text
    assert "Peace messaging touched 5 of 8 events in 2017-2019 and 1 of 12 in 2023-2025" in text
    assert f"({5 / 8:.0%}, then {1 / 12:.0%})" in text
    assert "evidence table" in trend[0].source and "events table" in trend[0].source
    kinds = [x.kind for x in found]
    assert kinds.index("trend") == kinds.index("themes") + 1, "right after the leading themes"
    s = trends.theme_shift(tables["events"], tables["evidence"], tables["articles"], LABELS)
    assert (s.theme, s.first_years, s.last_years) == ("peace_messaging", (2017, 2019), (2023, 2025))


def test_no_trend_line_over_fewer_than_four_years(tables, theme_labels) -> None:
    made = _multi_year_tables()
    # 2020-2025: 6 years, thirds of two. 2020-2021: 2 events, no theme; 2024-2025: 8 events, 2 touch economy
    f = Filters(date_from=pd.Timestamp("2020-01-01").date())
    s = trends.theme_shift(apply_filters(made, f)["events"], made["evidence"], made["articles"], LABELS)
    assert (s.theme, s.first_years, s.last_years) == ("economy", (2020, 2021), (2024, 2025))
    assert (s.first_touching, s.first_events, s.last_touching, s.last_events) == (0, 2, 2, 8)
    three = Filters(date_from=pd.Timestamp("2023-01-01").date())
    assert not [x for x in findings(made, apply_filters(made, three), three, LABELS) if x.kind == "trend"]
    seeds = findings(tables, apply_filters(tables, Filters()), Filters(), theme_labels)
    assert not [x for x in seeds if x.kind == "trend"], "the seeds span 2018-2019"


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------

def _open(build_dir: Path, query: dict | None = None) -> AppTest:
    assert os.environ["DASHBOARD_BUILD_DIR"] == str(build_dir)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("views/trends.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_the_page_on_the_seeds(build_dir: Path, tables) -> None:
    at = _open(build_dir)
    assert at.title[0].value == "Trends"
    assert [s.value for s in at.subheader] == ["Events per quarter", "Theme shares per quarter", "Partners per quarter"]
    specs = _charts(at)
    titles = [s["layout"]["title"]["text"] for s in specs]
    assert titles == ["Events per quarter, by event type", "Share of events touching each theme, per quarter",
                      "Events shared with Indonesia, per quarter"]
    share_ticks = specs[1]["layout"]["xaxis"]["ticktext"]
    assert any("2019 Q3<br>n=1" in t for t in share_ticks), share_ticks
    n = [int(t.rsplit("n=", 1)[1]) for t in specs[0]["layout"]["xaxis"]["ticktext"]]
    assert sum(n) == len(tables["events"]) == 3, "n per quarter adds up to the events"
    country = at.selectbox[0]
    assert country.label == "Country" and country.value == "IDN", "no country filter: Indonesia"
    assert any(f"fewer than {trends.MIN_EVENTS} events" in c.value for c in at.caption)
    assert len(at.get("popover")) >= 3, "each chart has its Export menu"


def test_the_page_follows_the_sidebar_country(build_dir: Path) -> None:
    at = _open(build_dir, {"country": "AUS"})
    assert at.selectbox[0].value == "AUS"
    assert _charts(at)[2]["layout"]["title"]["text"] == "Events shared with Australia, per quarter"
    at.selectbox[0].set_value("MYS").run()
    assert not at.exception
    assert _charts(at)[2]["layout"]["title"]["text"] == "Events shared with Malaysia, per quarter"


def test_the_page_says_why_it_is_empty(build_dir: Path) -> None:
    at = _open(build_dir, {"from": "2030-01-01"})
    assert not at.get("plotly_chart") and at.info


@pytest.mark.parametrize("query", [{"country": "AUS", "only": "1"}, {"theme": "peace_messaging"}, {"asean": "1"},
                                   {"from": "2019-01-01", "to": "2019-12-31"}])
def test_the_page_renders_with_each_filter(build_dir: Path, query: dict) -> None:
    at = _open(build_dir, query)
    assert any(m.value.startswith("**Filtered:**") for m in at.markdown), query
    specs = _charts(at)
    assert len(specs) == 3, query
    if "theme" in query:   # only the chosen theme's line: the others must not read as 0%
        assert {t["legendgroup"] for t in specs[1]["data"]} == {"Peace messaging and countering extremism"}
    if "only" in query:    # the chosen country's own rows: its partners still come from the whole events
        assert at.selectbox[0].value == "AUS" and "No partners" not in json.dumps(specs[2])


def test_many_event_types_keep_distinct_bars_and_the_small_ones_are_grouped() -> None:
    """Seven types over two years: the four with most events each get a fill of their own (no two alike),
    the other three one hatched "other types" bar whose hover lists them with their counts."""
    counts = {"meeting": 5, "conference": 4, "seminar": 3, "workshop": 2, "forum": 1, "launch": 1, "signing": 1}
    rows = [{"event_id": f"{t}{i}", "start_date": pd.Timestamp(f"{2019 + i % 2}-03-01"), "event_type": t}
            for t, k in counts.items() for i in range(k)]
    data = trends.events_per_period(pd.DataFrame(rows), "year")
    groups = trends.type_groups(data)
    assert [t for t, g in groups.items() if g == t] == ["meeting", "conference", "seminar", "workshop"]
    assert {t for t, g in groups.items() if g == trends.OTHER_TYPES} == {"forum", "launch", "signing"}
    fig = trends.events_per_period_figure(data, "year")
    assert len(fig.data) == 5 and sum(sum(t.y) for t in fig.data) == sum(counts.values())
    fills = [(t.marker.color, t.marker.pattern.shape) for t in fig.data]
    assert len(set(fills)) == 5, fills
    other = fig.data[-1]
    assert other.name == "other types" and other.marker.pattern.shape == "/"
    assert "forum 1" in " ".join(other.customdata) and "%{customdata}" in other.hovertemplate
    five = trends.events_per_period(pd.DataFrame([r for r in rows if r["event_type"] not in ("launch", "signing")]),
                                    "year")
    assert set(trends.type_groups(five).values()) == set(counts) - {"launch", "signing"}, "five types: no grouping"
