"""The page parameters' sync rules: a link wins once, the user's choice stays, defaults leave the URL clean."""

from dashboard.state.url_state import choice_from_url, url_value_for

OPTS = ["a", "b", "c"]


def test_a_new_link_opens_its_choice() -> None:
    assert choice_from_url("c", last_written=None, current="a", options=OPTS) == "c"


def test_our_own_write_does_not_override_the_user() -> None:
    assert choice_from_url("c", last_written="c", current="b", options=OPTS) == "b"


def test_unknown_or_filtered_out_values_fall_back() -> None:
    assert choice_from_url("zzz", last_written=None, current="b", options=OPTS) == "b"
    assert choice_from_url(None, last_written=None, current="gone", options=OPTS) == "a"
    assert choice_from_url("a", last_written=None, current=None, options=[]) is None


def test_the_default_leaves_the_url() -> None:
    assert url_value_for("a", OPTS) is None
    assert url_value_for("b", OPTS) == "b"


def test_a_link_too_long_for_streamlit_is_parsed_within_our_limits(monkeypatch):
    from dashboard.state import filter_state
    query = "&".join(["country=IDN"] + ["country=AAA"] * 9_999)
    params, notes = filter_state.parse_long_link(query)
    assert notes == [] and len(params["country"]) == 10_000
    monkeypatch.setattr(filter_state, "LINK_MAX_FIELDS", 5_000)
    assert filter_state.parse_long_link(query) == (
        {}, ["The link is too long to read (more than 5,000 values): none of its filters were applied."])
    monkeypatch.setattr(filter_state, "LINK_MAX_CHARS", 100)
    params, notes = filter_state.parse_long_link(query)
    assert params == {} and notes[0].startswith("The link is too long to read (119,999 characters; at most 100)")


def test_write_param_sets_drops_and_leaves_an_equal_value_alone() -> None:
    from dashboard.state.url_state import write_param

    class Recording(dict):
        writes = 0

        def __setitem__(self, k, v):
            Recording.writes += 1
            super().__setitem__(k, v)

    params = Recording(country="AUS")
    write_param(params, "card", "2019-09-10-rcdd")
    assert params == {"country": "AUS", "card": "2019-09-10-rcdd"} and Recording.writes == 1
    write_param(params, "card", "2019-09-10-rcdd")
    assert Recording.writes == 1   # the URL already says so: no write (no rerun in the browser)
    write_param(params, "card", None)
    assert params == {"country": "AUS"}
    write_param(params, "card", None)   # already absent: nothing to drop
    assert params == {"country": "AUS"}
