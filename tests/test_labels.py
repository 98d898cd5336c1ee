"""One wording for dates and event labels."""

import pandas as pd

from dashboard.labels import name_with_acronym, EMPTY_TEXT, date_span, dated_name, event_label, fmt_date, short_event_label


def test_dates_and_missing_values() -> None:
    assert fmt_date(pd.Timestamp("2019-09-10")) == "2019-09-10" and fmt_date(None) == EMPTY_TEXT == "not stated"
    assert date_span(pd.Timestamp("2019-09-10"), pd.NaT) == "10 Sep 2019"
    assert date_span(pd.Timestamp("2019-09-10"), pd.Timestamp("2019-09-11")) == "10–11 Sep 2019"
    assert date_span(pd.Timestamp("2019-09-30"), pd.Timestamp("2019-10-01")) == "30 Sep 2019 – 1 Oct 2019"
    assert date_span(pd.NaT, None) == EMPTY_TEXT


def test_event_labels() -> None:
    row = {"name": "Regional Conference on Digital Diplomacy", "acronym": "RCDD", "start_date": pd.Timestamp("2019-09-10")}
    assert event_label(row) == "2019-09-10 · Regional Conference on Digital Diplomacy (RCDD)"
    assert short_event_label(row["name"], row["acronym"], row["start_date"]) == "RCDD (2019-09-10)"
    assert short_event_label("Seminar", None, pd.NaT) == "Seminar"
    assert dated_name("Seminar", pd.Timestamp("2018-07-12")) == "Seminar (2018-07-12)"
    assert event_label({"name": "Seminar", "acronym": None, "start_date": pd.NaT}) == "undated · Seminar"
    # a name that already holds its acronym is not followed by it again (the walk's "AMRI ke-17 (AMRI ke-17)")
    assert name_with_acronym("AMRI ke-17", "AMRI") == "AMRI ke-17"
    assert name_with_acronym("Regional Conference on Digital Diplomacy", "RCDD") == \
        "Regional Conference on Digital Diplomacy (RCDD)"
