"""Several whole years in two picks (issue 20): the sidebar's "From year … to year" sets the date filter
from 1 January to 31 December, and follows the slider and the quick choices."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def _open(build_dir: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_span_of_years_sets_the_dates_and_the_link(build_dir: Path) -> None:
    at = _open(build_dir)
    assert at.selectbox(key="flt_year_from").value == 2018 and at.selectbox(key="flt_year_to").value == 2019
    at.selectbox(key="flt_year_from").set_value(2019).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["flt_date_from"] == date(2019, 1, 1)
    assert at.session_state["flt_date_to"] is None   # 31 December 2019 is past the data's last day: no limit
    assert at.query_params.get("from") == "2019-01-01" and "to" not in at.query_params
    assert at.metric[0].value == "1"   # the RCDD alone (10 September 2019)


def test_the_picks_follow_a_quick_choice_and_swap_when_reversed(build_dir: Path) -> None:
    at = _open(build_dir)
    at.sidebar.segmented_control(key="flt_period").set_value("2018").run()
    assert (at.selectbox(key="flt_year_from").value, at.selectbox(key="flt_year_to").value) == (2018, 2018)
    at.selectbox(key="flt_year_from").set_value(2019).run()   # from 2019 to 2018: read as 2018-2019
    assert at.session_state["flt_date_from"] is None and at.session_state["flt_date_to"] is None
