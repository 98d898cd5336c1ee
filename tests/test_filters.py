"""The global filters: how they narrow the tables, why a combination is empty, and the URL contract."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.state.filters import (
    FilteredTables, Filters, apply_filters, event_rows, empty_reason, filters_from_query_params, filters_to_query_params, page_url,
    parse_span, restrict_to_options,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RCDD_DATE = pd.Timestamp("2019-09-10")


def _event_id_on(tables: dict, day: str) -> str:
    ev = tables["events"]
    return ev.loc[ev["start_date"] == pd.Timestamp(day), "event_id"].iloc[0]


# --- URL round trip ---------------------------------------------------------------------------

def test_no_filters_is_an_empty_query_string() -> None:
    assert filters_to_query_params(Filters()) == {}
    assert filters_from_query_params({}) == Filters()


def test_query_params_whole_url() -> None:
    f = Filters(events=("2019-09-10-rcdd",), countries=("IDN", "AUS"), themes=("economy",),
                date_from=date(2018, 1, 1), date_to=date(2019, 12, 31), asean_only=True, only_chosen=True)
    assert filters_to_query_params(f) == {
        "event": ["2019-09-10-rcdd"], "country": ["AUS", "IDN"], "theme": ["economy"],
        "from": ["2018-01-01"], "to": ["2019-12-31"], "asean": ["1"], "only": ["1"],
    }
    assert filters_from_query_params(filters_to_query_params(f)) == f


def test_bad_url_values_are_dropped_not_raised() -> None:
    qp = {"event": ["<script>", "2019-09-10-rcdd"], "country": ["idn", "ZZ", "12A", ""], "theme": ["Economy!", "economy"],
          "from": ["2019-13-45"], "to": "yesterday", "asean": "maybe", "unknown": "x"}
    assert filters_from_query_params(qp) == Filters(events=("2019-09-10-rcdd",), countries=("IDN",), themes=("economy",))


def test_unknown_values_dropped_given_options(options) -> None:
    known_event = next(iter(options.events))
    qp = {"event": [known_event, "1999-01-01-never-happened"], "country": ["AUS", "ATA"], "theme": ["economy", "astrology"]}
    assert filters_from_query_params(qp, options) == Filters(events=(known_event,), countries=("AUS",), themes=("economy",))


iso3 = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3)
slug = st.from_regex(r"[a-z0-9][a-z0-9-]{0,40}", fullmatch=True)
theme = st.from_regex(r"[a-z][a-z_]{0,20}", fullmatch=True)
dates = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
filters_strategy = st.builds(
    Filters, events=st.lists(slug, max_size=4).map(tuple), countries=st.lists(iso3, max_size=5).map(tuple),
    themes=st.lists(theme, max_size=4).map(tuple), date_from=dates, date_to=dates, asean_only=st.booleans(),
    only_chosen=st.booleans(),
)


@SETTINGS
@given(filters_strategy)
def test_round_trip_is_exact(f: Filters) -> None:
    assert filters_from_query_params(filters_to_query_params(f)) == f


@SETTINGS
@given(st.dictionaries(st.sampled_from(["event", "country", "theme", "from", "to", "asean", "only", "x"]),
                       st.one_of(st.text(max_size=30), st.lists(st.text(max_size=30), max_size=4))))
def test_any_query_string_parses(qp: dict) -> None:
    f = filters_from_query_params(qp)
    assert isinstance(f, Filters)
    assert filters_from_query_params(filters_to_query_params(f)) == f


# --- applying filters -------------------------------------------------------------------------

def test_no_filters_keeps_every_row(tables: dict) -> None:
    out = apply_filters(tables, Filters())
    for name in ("events", "participants", "attendees", "themes", "evidence"):
        assert len(out[name]) == len(tables[name]), name
    assert empty_reason(tables, Filters()) is None


def test_country_filter_keeps_its_events_with_every_participant(tables: dict) -> None:
    """"With whom did Australia meet?" The AUS filter keeps the events Australia took part in, each with
    all its participants and attendees, so the partners stay visible."""
    out = apply_filters(tables, Filters(countries=("AUS",)))
    p = tables["participants"]
    assert set(out["events"]["event_id"]) == set(p.loc[p["iso3"] == "AUS", "event_id"])
    assert RCDD_DATE in set(out["events"]["start_date"])
    for name in ("participants", "attendees"):
        full = tables[name][tables[name]["event_id"].isin(out["events"]["event_id"])]
        assert len(out[name]) == len(full), name
    assert {"AUS", "IDN", "NZL"} <= set(out["participants"]["iso3"])


def test_filtered_tables_narrow_only_what_a_page_reads(tables: dict) -> None:
    """A page that reads the events does not pay for narrowing the evidence; a table every row of which
    passes is handed on without a copy; a page's change to its table stays its own."""
    lazy = FilteredTables(tables, Filters(date_from=date(2019, 1, 1)))   # RCDD alone
    assert len(lazy["events"]) < len(tables["events"])
    assert "evidence" not in lazy._done
    unfiltered = FilteredTables(tables, Filters())
    unfiltered["evidence"]
    assert unfiltered._done["evidence"] is tables["evidence"]
    mine = lazy["events"]
    mine["name"] = "changed"
    assert "changed" not in set(lazy["events"]["name"])


def test_one_events_rows_filter_as_the_whole_tables_do(tables: dict) -> None:
    """The event card reads one event's rows (event_rows): what the filters keep of them is what they
    keep of that event in the whole tables."""
    for f in (Filters(), Filters(countries=("AUS",), only_chosen=True), Filters(themes=("economy",))):
        whole = apply_filters(tables, f)
        for event_id in tables["events"]["event_id"]:
            one = FilteredTables(event_rows(tables, event_id), f)
            for name in ("events", "participants", "attendees", "themes", "evidence", "articles", "outcomes"):
                expected = whole[name][whole[name]["event_id"] == event_id].reset_index(drop=True)
                pd.testing.assert_frame_equal(one[name], expected, obj=f"{name} of {event_id} under {f}")


def test_only_chosen_narrows_rows_to_the_chosen_countries(tables: dict) -> None:
    """"Only what Australia's delegation did": the same events, Australia's own rows."""
    wide = apply_filters(tables, Filters(countries=("AUS",)))
    out = apply_filters(tables, Filters(countries=("AUS",), only_chosen=True))
    assert list(out["events"]["event_id"]) == list(wide["events"]["event_id"])
    assert set(out["participants"]["iso3"]) == {"AUS"}
    assert set(out["attendees"]["iso3"].dropna()) <= {"AUS"}
    assert len(out["evidence"]) == len(wide["evidence"])  # themes are the events', not a country's


def test_date_filter_keeps_events_in_range(tables: dict) -> None:
    out = apply_filters(tables, Filters(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31)))
    assert list(out["events"]["start_date"].dt.year.unique()) == [2019]
    assert set(out["participants"]["event_id"]) <= set(out["events"]["event_id"])


def test_asean_only_drops_other_countries(tables: dict, options) -> None:
    out = apply_filters(tables, Filters(asean_only=True))
    assert set(out["participants"]["iso3"]) <= set(options.asean)
    assert out["participants"]["is_asean"].all()
    assert set(out["attendees"]["iso3"].dropna()) <= set(options.asean)


def test_theme_filter_keeps_only_that_theme(tables: dict) -> None:
    out = apply_filters(tables, Filters(themes=("peace_messaging",)))
    assert set(out["evidence"]["theme"]) == {"peace_messaging"}
    assert set(out["themes"]["theme"]) == {"peace_messaging"}
    assert set(out["events"]["event_id"]) == set(out["themes"]["event_id"])


def test_empty_reason_names_the_date_range(tables: dict, options) -> None:
    f = Filters(date_from=date(2030, 1, 1))
    assert empty_reason(tables, f, options) == "No events match the date range (from 2030-01-01). Widen or clear that filter."


def test_empty_reason_names_a_combination(tables: dict, options) -> None:
    seminar = _event_id_on(tables, "2018-07-12")
    f = Filters(events=(seminar,), date_from=date(2019, 1, 1))
    reason = empty_reason(tables, f, options)
    assert reason is not None
    assert reason.startswith("No events match the date range (from 2019-01-01) together with the events filter (")


def test_empty_reason_asean_with_non_member(tables: dict, options) -> None:
    f = Filters(countries=("AUS",), asean_only=True)
    assert empty_reason(tables, f, options) == (
        "No events match the “ASEAN members only” switch (none of the chosen countries took part as an "
        "ASEAN member). Widen or clear that filter.")


def test_restrict_to_options_drops_stale_values(options) -> None:
    f = Filters(events=("gone",), countries=("AUS", "XXX"), themes=("economy", "gone"))
    assert restrict_to_options(f, options) == Filters(countries=("AUS",), themes=("economy",))


def _consistent(out: dict) -> None:
    kept = set(out["events"]["event_id"])
    for name in ("participants", "attendees", "themes", "evidence", "articles"):
        assert set(out[name]["event_id"].dropna()) <= kept, name
    assert set(out["articles_text"]["article_id"]) <= set(out["articles"]["article_id"])


@pytest.fixture(scope="module")
def filter_values(tables: dict, options) -> dict:
    return {
        "events": list(options.events) + ["not-an-event"],
        "countries": list(options.countries) + ["XXX"],
        "themes": list(options.themes) + ["not_a_theme"],
    }


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_filter_combinations_never_raise(tables: dict, options, filter_values: dict, data) -> None:
    f = Filters(
        events=tuple(data.draw(st.lists(st.sampled_from(filter_values["events"]), max_size=3))),
        countries=tuple(data.draw(st.lists(st.sampled_from(filter_values["countries"]), max_size=4))),
        themes=tuple(data.draw(st.lists(st.sampled_from(filter_values["themes"]), max_size=3))),
        date_from=data.draw(st.one_of(st.none(), st.dates(date(2017, 1, 1), date(2021, 1, 1)))),
        date_to=data.draw(st.one_of(st.none(), st.dates(date(2017, 1, 1), date(2021, 1, 1)))),
        asean_only=data.draw(st.booleans()), only_chosen=data.draw(st.booleans()),
    )
    out = apply_filters(tables, f)
    _consistent(out)
    reason = empty_reason(tables, f, options)
    assert (reason is None) == (not out["events"].empty)
    if reason is not None:
        assert reason.startswith("No events match ")


def test_page_links_keep_the_filters_and_name_the_page_params() -> None:
    f = Filters(countries=("AUS",), date_from=date(2019, 1, 1))
    assert page_url("sources", f, article="a01", hl="120-180") == \
        "sources?country=AUS&from=2019-01-01&article=a01&hl=120-180"
    assert page_url("sources", Filters(), article="a01", hl="") == "sources?article=a01"
    with pytest.raises(ValueError):
        page_url("map", f, article="a01")  # the Map owns no article parameter
    from dashboard.i18n import language
    with language("id"):   # a link made in an Indonesian session opens the page in Indonesian
        assert page_url("sources", f, article="a01") == "sources?country=AUS&from=2019-01-01&lang=id&article=a01"
    assert parse_span("120-180") == (120, 180)
    assert parse_span("180-120") is None and parse_span("x") is None and parse_span(None) is None
