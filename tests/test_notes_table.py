"""The notes table (one row per event, for a briefing note): on the Data page, in the downloads and at the
front of the pack's appendix. Expected values are the seed articles' own words (quoted per test)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.exports.notes import NOTES_COLUMNS, notes_table
from dashboard.state.filters import Filters, apply_filters

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def _row(notes: pd.DataFrame, start: str) -> dict:
    (row,) = notes[notes["event_id"].str.startswith(start)].to_dict("records")
    return row


def test_one_row_per_event_oldest_first(tables: dict) -> None:
    notes = notes_table(tables)
    assert list(notes.columns) == NOTES_COLUMNS
    assert len(notes) == len(tables["events"]) == notes["event_id"].nunique()
    assert list(notes["event_id"]) == list(tables["events"].sort_values("start_date")["event_id"])


def test_rcdd_row_reads_as_the_article_says(tables: dict) -> None:
    """001: "pembukaan Regional Conference on Digital Diplomacy (RCDD) di Hotel Mulia, Jakarta, Selasa (10/9)"."""
    row = _row(notes_table(tables), "2019-09-10")
    assert row["date"] == "10 Sep 2019"
    assert row["event"] == "Regional Conference on Digital Diplomacy (RCDD)"
    assert row["place"] == "Hotel Mulia, Jakarta"
    assert row["host"] == "Indonesia"
    assert row["countries"].startswith("Indonesia (host); ")
    assert "Retno Marsudi (Menteri Luar Negeri RI, Indonesia)" in row["people"]
    assert "alinea.id, 2019-09-10" in row["sources"] and "article 001_d2417da6b8d2ae78" in row["sources"]


def test_co_chairs_are_marked_and_every_named_country_is_listed(tables: dict) -> None:
    """002: "Pertemuan ini diketuai oleh Indonesia dan Australia, dan turut diikuti oleh Malaysia, Singapura,
    Selandia Baru, Filipina, Brunei Darussalam, Myanmar dan Thailand." and "Menteri Dalam Negeri Australia,
    Peter Dutton"."""
    row = _row(notes_table(tables), "2018-11-06")
    cells = row["countries"].split("; ")
    assert set(cells[:2]) == {"Australia (co-chair)", "Indonesia (co-chair)"}
    assert set(cells[2:]) == {"Malaysia", "Singapore", "New Zealand", "Philippines", "Brunei", "Myanmar", "Thailand"}
    assert "Peter Dutton (Menteri Dalam Negeri Australia, Australia)" in row["people"]


def test_filters_narrow_the_notes(tables: dict) -> None:
    notes = notes_table(apply_filters(tables, Filters(countries=("DNK",))))
    assert list(notes["event_id"]) == [e for e in tables["events"]["event_id"] if e.startswith("2018-07-12")]
    assert notes_table(apply_filters(tables, Filters(countries=("ZZZ",)))).empty


def test_the_data_page_shows_it_first_and_offers_it_to_download(build_dir) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("views/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.tabs[0].label.startswith("One row per event, for notes (3)")
    shown = next(d.value for d in at.dataframe if "outcomes" in d.value.columns and "people" in d.value.columns)
    assert len(shown) == 3 and "Hotel Mulia, Jakarta" in set(shown["place"])
    picker = at.selectbox(key="dt_dl_table")
    assert picker.options[0].startswith("notes (3 rows)")


def test_the_pack_opens_its_appendix_with_the_notes(tables: dict) -> None:
    from dashboard.exports.briefing_plan import plan_briefing
    plan = plan_briefing(tables, Filters())
    appendix = [s for s in plan.slides_for("pdf") if s.kind == "appendix"]
    assert appendix[0].title == "Appendix: the events, one row each"
    assert [r[2] for r in appendix[0].rows if r[1].startswith("Regional Conference")] == ["Hotel Mulia, Jakarta"]
    assert all(s.kind != "appendix" or "events, one row" not in s.title for s in plan.slides_for("pptx"))
