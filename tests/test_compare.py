"""Compare countries (issue 20): the pure functions of dashboard/figures/compare.py on small hand-made
tables, whose answers are worked out by hand below, then on the seeds, then the page itself in AppTest
opened with `compare=IDN&compare=AUS`."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.figures import compare, palette
from dashboard.theme_measures import theme_measures

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
TIMEOUT = 60  # a generous limit for slow CI machines, not a performance assertion

# --- a small world, counted by hand ------------------------------------------------------------------
#   e1 2020-01-01  IDN AUS SGP
#   e2 2020-02-01  IDN AUS
#   e3 2020-03-01  IDN NZL
#   e4 2020-04-01  AUS JPN
#   e5 2020-05-01  SGP JPN          (no compared country when comparing IDN and AUS)
ROWS = [("e1", "IDN"), ("e1", "AUS"), ("e1", "SGP"), ("e2", "IDN"), ("e2", "AUS"), ("e3", "IDN"), ("e3", "NZL"),
        ("e4", "AUS"), ("e4", "JPN"), ("e5", "SGP"), ("e5", "JPN")]
NAMES = {"IDN": "Indonesia", "AUS": "Australia", "SGP": "Singapore", "NZL": "New Zealand", "JPN": "Japan"}
ASEAN = {"IDN", "SGP"}
LABELS = {"peace_messaging": "Peace", "economy": "Economy", "digital_divide": "Divide"}


@pytest.fixture
def world() -> dict[str, pd.DataFrame]:
    events = pd.DataFrame({"event_id": [f"e{i}" for i in range(1, 6)], "name": [f"Event {i}" for i in range(1, 6)],
                           "start_date": pd.to_datetime([f"2020-0{i}-01" for i in range(1, 6)])})
    participants = pd.DataFrame([{"event_id": e, "iso3": c, "country": NAMES[c], "is_asean": c in ASEAN,
                                  "role": "participant"} for e, c in ROWS])
    # e3's economy sentence does not count (a headline restating its body, say): the counting rule is
    # theme_measures', so Indonesia's economy share stays 2 of 3.
    evidence = pd.DataFrame([
        ("e1", "a1", "economy", "trade talk", True), ("e2", "a2", "economy", "more trade", True),
        ("e3", "a3", "peace_messaging", "tolerance", True), ("e3", "a3", "economy", "trade headline", False),
        ("e4", "a4", "peace_messaging", "extremism", True), ("e4", "a4", "peace_messaging", "hate speech", True),
        ("e4", "a4", "economy", "e-commerce", True),
    ], columns=["event_id", "article_id", "theme", "sentence", "counted"])
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"], "event_id": ["e1", "e2", "e3", "e4"]})
    attendees = pd.DataFrame([
        ("e1", "Retno", "FM", None, "IDN"), ("e2", "Retno", "Foreign Minister", None, "IDN"),
        ("e3", "Budi", None, None, "IDN"), ("e1", "Cox", "Deputy Ambassador", "Embassy", "AUS"),
        ("e5", "Tanaka", "Minister", None, "JPN"), ("e2", "Nobody", None, None, None),
    ], columns=["event_id", "name", "title", "organization", "iso3"])
    return {"events": events, "participants": participants, "evidence": evidence, "articles": articles,
            "attendees": attendees}


def test_shared_events_marks_each_country_and_counts_alone_and_all(world) -> None:
    s = compare.shared_events(world["participants"], world["events"], ["IDN", "AUS"])
    assert list(s.table.columns) == ["event_id", "date", "name", "IDN", "AUS"]
    assert list(s.table["event_id"]) == ["e1", "e2", "e3", "e4"]          # e5 had neither
    assert list(s.table["IDN"]) == [True, True, True, False]
    assert list(s.table["AUS"]) == [True, True, False, True]
    assert s.events == {"IDN": 3, "AUS": 3}
    assert s.alone == {"IDN": 1, "AUS": 1}                                  # e3; e4
    assert s.shared_by_all == 2                                             # e1, e2

    three = compare.shared_events(world["participants"], world["events"], ["IDN", "AUS", "SGP"])
    assert list(three.table["event_id"]) == ["e1", "e2", "e3", "e4", "e5"]
    assert three.events == {"IDN": 3, "AUS": 3, "SGP": 2}
    assert three.alone == {"IDN": 1, "AUS": 1, "SGP": 1}                   # e3; e4; e5
    assert three.shared_by_all == 1                                         # e1


def test_combination_counts_is_each_exact_set_of_countries(world) -> None:
    s = compare.shared_events(world["participants"], world["events"], ["IDN", "AUS"])
    combos = compare.combination_counts(s, NAMES)
    assert list(zip(combos["combination"], combos["n_events"])) == [
        ("Indonesia + Australia", 2), ("Australia only", 1), ("Indonesia only", 1)]
    assert combos["events"].iloc[0] == "Event 1 (2020-01-01); Event 2 (2020-02-01)"
    fig = compare.shared_events_figure(combos, {"IDN": "#000000", "AUS": "#F0E442"})
    assert sum(len(t.x) for t in fig.data) == 3
    assert fig.layout.title.text == compare.SHARED_TITLE


def test_partners_side_by_side_ranks_each_countrys_own_partners(world) -> None:
    both = compare.partners_side_by_side(world["participants"], ["IDN", "AUS"], events=world["events"])
    assert list(both) == ["IDN", "AUS"]
    idn = both["IDN"]
    assert list(zip(idn["iso3"], idn["shared_events"])) == [("AUS", 2), ("NZL", 1), ("SGP", 1)]
    assert idn["share_of_events"].iloc[0] == pytest.approx(2 / 3)
    assert list(zip(both["AUS"]["iso3"], both["AUS"]["shared_events"])) == [("IDN", 2), ("JPN", 1), ("SGP", 1)]
    assert "with" not in idn.columns
    top1 = compare.partners_side_by_side(world["participants"], ["IDN", "AUS"], top=1)   # no events: labels by id
    assert [list(t["iso3"]) for t in top1.values()] == [["AUS"], ["IDN"]]
    assert top1["IDN"]["events"].iloc[0] == "e1; e2"


def test_theme_profiles_are_shares_of_each_countrys_own_events(world) -> None:
    w = world
    prof = compare.theme_profiles(w["events"], w["evidence"], w["articles"], w["participants"],
                                  ["IDN", "AUS", "NZL"], LABELS)
    assert list(prof.columns) == compare.PROFILE_COLUMNS
    got = {(r.iso3, r.theme): (r.n_events, round(r.share_events, 4), r.n_country_events)
           for r in prof.itertuples(index=False)}
    assert got == {
        ("IDN", "peace_messaging"): (1, round(1 / 3, 4), 3), ("IDN", "economy"): (2, round(2 / 3, 4), 3),  # e3's not counted
        ("AUS", "peace_messaging"): (1, round(1 / 3, 4), 3), ("AUS", "economy"): (3, 1.0, 3),
        ("NZL", "peace_messaging"): (1, 1.0, 1), ("NZL", "economy"): (0, 0.0, 1),   # a zero row, not a gap
    }
    assert list(prof["theme"][:2]) == ["peace_messaging", "economy"]       # catalogue order; Divide touched by none
    assert list(dict.fromkeys(prof["country"])) == ["Indonesia", "Australia", "New Zealand"]
    # the Themes page's "events" measure over Indonesia's own events, the same numbers
    own = w["events"][w["events"]["event_id"].isin(["e1", "e2", "e3"])]
    ref = theme_measures(own, w["evidence"], w["articles"], LABELS).set_index("theme")["share_events"]
    assert prof[prof["iso3"] == "IDN"].set_index("theme")["share_events"].to_dict() == ref.to_dict()

    fig = compare.theme_profile_figure(prof)
    assert fig.layout.title.text == "Theme profile: share of each country's events touching each theme"
    assert fig.layout.barmode == "group"
    assert [t.name for t in fig.data] == ["Indonesia (n=3 events)", "Australia (n=3 events)", "New Zealand (n=1 event)"]
    assert len({t.marker.color for t in fig.data}) == 3                     # one colour per country
    assert not set(compare.COUNTRY_COLORS) & set(palette.THEME_COLORS.values())   # a colour never means two things


def test_representatives_names_each_countrys_people(world) -> None:
    reps = compare.representatives(world["attendees"], world["events"], ["IDN", "AUS"])
    assert list(reps.columns) == compare.REPRESENTATIVE_COLUMNS
    assert list(zip(reps["iso3"], reps["name"], reps["n_events"])) == [("IDN", "Retno", 2), ("IDN", "Budi", 1),
                                                                       ("AUS", "Cox", 1)]
    assert reps["title"].iloc[0] == "FM; Foreign Minister"
    assert pd.isna(reps["title"].iloc[1])
    assert reps["events"].iloc[0] == "Event 1 (2020-01-01); Event 2 (2020-02-01)"
    assert compare.representatives(world["attendees"], world["events"], ["NZL"]).empty


def test_co_attendance_network_nodes_edges_and_layout(world) -> None:
    net = compare.co_attendance_network(world["participants"], world["events"])
    assert list(net.nodes["iso3"]) == ["IDN", "SGP", "AUS", "JPN", "NZL"]   # ASEAN members first, then by name
    assert dict(zip(net.nodes["iso3"], net.nodes["n_events"])) == {"IDN": 3, "SGP": 2, "AUS": 3, "JPN": 2, "NZL": 1}
    assert (net.nodes["x"].iloc[0], net.nodes["y"].iloc[0]) == (0.0, 1.0)    # the first at the top
    pairs = {frozenset((r.source, r.target)): r.n_events for r in net.edges.itertuples(index=False)}
    assert pairs == {frozenset(("IDN", "AUS")): 2, frozenset(("IDN", "SGP")): 1, frozenset(("AUS", "SGP")): 1,
                     frozenset(("IDN", "NZL")): 1, frozenset(("AUS", "JPN")): 1, frozenset(("SGP", "JPN")): 1}
    assert net.edges["n_events"].iloc[0] == 2 and net.n_countries == 5 and net.n_left_out == 0
    assert compare.co_attendance_network(world["participants"], world["events"]).nodes.equals(net.nodes)  # deterministic

    fig = compare.network_figure(net, highlight=["IDN", "AUS"])
    lines = [t for t in fig.data if t.mode == "lines"]
    assert max(t.line.width for t in lines) == 8 and min(t.line.width for t in lines) == 4.5   # 1 + 7·w/2
    hover = next(t for t in fig.data if t.hovertext is not None)
    assert "<b>Indonesia</b> and <b>Australia</b>: 2 shared events" in hover.hovertext
    assert {t.name for t in fig.data if t.mode == "markers+text"} == {"ASEAN member", "other country"}
    assert not fig.layout.annotations

    small = compare.co_attendance_network(world["participants"], world["events"], max_nodes=3)
    assert list(small.nodes["iso3"]) == ["IDN", "SGP", "AUS"]   # 3, 3 events, then SGP over JPN (ASEAN first)
    assert len(small.edges) == 3 and small.n_left_out == 2
    assert "2 more not drawn" in compare.network_figure(small).layout.annotations[0].text

    empty = compare.co_attendance_network(world["participants"].iloc[0:0], world["events"])
    assert empty.nodes.empty and empty.edges.empty
    assert not compare.network_figure(empty).data


def test_the_choice_follows_a_link_then_the_user() -> None:
    offered = ["IDN", "SGP", "AUS", "DNK", "NZL", "JPN"]
    assert compare.default_choice(("IDN", "AUS"), offered) == ["IDN", "AUS"]
    assert compare.default_choice(("IDN",), offered) == []
    assert compare.default_choice(("IDN", "AUS", "DNK", "NZL", "JPN"), offered) == []
    link = ["idn", "AUS", "XXX", "AUS", "<b>"]
    assert compare.choices_from_url(link, None, None, offered, []) == ["IDN", "AUS"]      # cleaned
    assert compare.choices_from_url(link, ["IDN", "AUS"], ["IDN"], offered, []) == ["IDN"]  # our own write: the user's
    assert compare.choices_from_url(["DNK", "JPN"], ["IDN", "AUS"], ["IDN"], offered, []) == ["DNK", "JPN"]  # a new link
    assert compare.choices_from_url(link, ["IDN", "AUS"], None, offered, []) == ["IDN", "AUS"]  # page just opened
    assert compare.choices_from_url([], None, None, offered, ["IDN", "AUS"]) == ["IDN", "AUS"]
    assert compare.choices_from_url([], None, [], offered, ["IDN", "AUS"]) == []           # the user cleared it
    assert compare.choices_from_url(offered, None, None, offered, []) == offered[:4]       # at most four


# --- the seeds: Indonesia and Australia took part in all three events, Denmark only in the July 2018 seminar ----

def test_shared_events_on_the_seeds(tables) -> None:
    s = compare.shared_events(tables["participants"], tables["events"], ["IDN", "AUS", "DNK"])
    assert len(s.table) == 3
    assert s.events == {"IDN": 3, "AUS": 3, "DNK": 1}
    assert s.alone == {"IDN": 0, "AUS": 0, "DNK": 0}
    assert s.shared_by_all == 1
    seminar = s.table[s.table["DNK"]]
    assert seminar["date"].iloc[0] == pd.Timestamp("2018-07-12") and "Seminar" in seminar["name"].iloc[0]
    combos = compare.combination_counts(s, compare.country_names(tables["participants"]))
    assert list(zip(combos["combination"], combos["n_events"])) == [("Indonesia + Australia", 2),
                                                                    ("Indonesia + Australia + Denmark", 1)]


def test_partners_profiles_and_people_on_the_seeds(tables, theme_labels) -> None:
    t = tables
    partners = compare.partners_side_by_side(t["participants"], ["IDN", "DNK"], events=t["events"])
    assert partners["IDN"]["iso3"].iloc[0] == "AUS" and partners["IDN"]["shared_events"].iloc[0] == 3
    assert set(partners["DNK"]["iso3"]) == {"IDN", "AUS"} and set(partners["DNK"]["shared_events"]) == {1}
    prof = compare.theme_profiles(t["events"], t["evidence"], t["articles"], t["participants"], ["IDN", "DNK"],
                                  theme_labels)
    assert set(prof.loc[prof["iso3"] == "IDN", "n_country_events"]) == {3}
    assert set(prof.loc[prof["iso3"] == "DNK", "n_country_events"]) == {1}
    seminar = t["events"].loc[t["events"]["start_date"] == pd.Timestamp("2018-07-12")]
    ref = theme_measures(seminar, t["evidence"], t["articles"], theme_labels).set_index("theme")["share_events"]
    dnk = prof[prof["iso3"] == "DNK"].set_index("theme")["share_events"]
    assert dnk[dnk > 0].to_dict() == ref.to_dict()                          # Denmark's profile is the seminar's
    reps = compare.representatives(t["attendees"], t["events"], ["IDN", "AUS", "DNK"])
    a = t["attendees"]
    for iso in ("IDN", "AUS", "DNK"):
        assert set(reps.loc[reps["iso3"] == iso, "name"]) == set(a.loc[a["iso3"] == iso, "name"])


def test_network_on_the_seeds(tables) -> None:
    p, ev = tables["participants"], tables["events"]
    net = compare.co_attendance_network(p, ev)
    at_events = p.dropna(subset=["iso3"]).groupby("event_id")["iso3"].agg(lambda s: sorted(set(s)))
    pairs = {pair for members in at_events for pair in itertools.combinations(members, 2)}
    assert len(net.nodes) == p["iso3"].nunique() == 17   # every country at the three events, fewer than 30
    assert len(net.edges) == len(pairs) == 122           # the RCDD's 16 countries (120 pairs) + Denmark with IDN, AUS
    assert net.n_left_out == 0
    assert net.nodes["is_asean"].tolist() == sorted(net.nodes["is_asean"], reverse=True)   # ASEAN members first
    top = net.edges.iloc[0]
    assert {top["source"], top["target"]} == {"IDN", "AUS"} and top["n_events"] == 3


# --- the page --------------------------------------------------------------------------------------

def open_compare(build_dir: Path, query: dict) -> AppTest:
    """A fresh session opened straight on /compare with the query parameters (a shared link)."""
    assert os.environ["DASHBOARD_BUILD_DIR"] == str(build_dir)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page("views/compare.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert [t.value for t in at.title] == ["Compare countries"]
    return at


def test_compare_page_opens_a_link_with_two_countries_side_by_side(build_dir: Path) -> None:
    at = open_compare(build_dir, {"compare": ["IDN", "AUS"]})
    assert at.multiselect(key="cmp_countries").value == ["IDN", "AUS"]
    assert [m.label for m in at.metric] == ["Indonesia", "Australia"]
    assert [m.value for m in at.metric] == ["3 events", "3 events"]
    shown = " ".join(m.value for m in at.markdown)
    assert "**Indonesia**" in shown and "**Australia**" in shown            # the side-by-side column heads
    subheads = [s.value for s in at.subheader]
    assert subheads[0] == "Events each took part in, and shared" and subheads[-1].startswith("Who meets whom")
    assert at.query_params["compare"] == ["IDN", "AUS"]
    at.switch_page("views/map.py").run()                                    # the page's own: others drop it
    assert "compare" not in at.query_params


def test_compare_page_starts_from_the_sidebar_and_asks_otherwise(build_dir: Path) -> None:
    at = open_compare(build_dir, {"country": ["AUS", "DNK"]})
    assert at.multiselect(key="cmp_countries").value == ["AUS", "DNK"]
    assert [m.value for m in at.metric] == ["3 events", "1 event"]
    assert at.query_params["compare"] == ["AUS", "DNK"]
    at.multiselect(key="cmp_countries").set_value([]).run()
    assert not at.exception
    assert "compare" not in at.query_params
    assert any("Pick two to four countries" in i.value for i in at.info)
    at = open_compare(build_dir, {})
    assert at.multiselect(key="cmp_countries").value == []
    assert any("Pick two to four countries" in i.value for i in at.info)
