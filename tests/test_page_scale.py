"""Pages whose work grows with what they show, not with the corpus (issue 19): long tables and lists
come a page at a time, costly boxes and export menus are made only while open, and the shared table
cache hands each run its own frames."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard import ui

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
TIMEOUT = 60


def long_table_app() -> None:
    import pandas as pd
    import streamlit as st

    from dashboard import ui
    df = pd.DataFrame({"n": range(1, 1201), "name": [f"row {i}" if i % 3 else None for i in range(1, 1201)]})
    shown, _ = ui.show_table(df, "long", key="long")
    st.write(f"first={shown['n'].iloc[0]} last={shown['n'].iloc[-1]} rows={len(shown)}")


def test_a_long_table_is_shown_a_page_at_a_time():
    at = AppTest.from_function(long_table_app, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.number_input(key="long_page").label == "Page (of 3)"
    assert len(at.dataframe[0].value) == ui.TABLE_PAGE_ROWS
    assert "first=1 last=500 rows=500" in at.markdown[-1].value
    at.number_input(key="long_page").set_value(3).run()
    assert len(at.dataframe[0].value) == 200
    assert "first=1001 last=1200 rows=200" in at.markdown[-1].value
    assert any("1,001–1,200 of 1,200" in c.value for c in at.caption)


def test_a_short_table_has_no_page_picker():
    def app() -> None:
        import pandas as pd
        from dashboard import ui
        ui.show_table(pd.DataFrame({"n": range(10)}), "short", key="short")

    at = AppTest.from_function(app, default_timeout=TIMEOUT).run()
    assert not at.number_input and len(at.dataframe[0].value) == 10


def test_display_copy_marks_empty_text_cells_only():
    df = pd.DataFrame({"name": ["a", None, "  ", ""], "n": [1, 2, None, 4], "mixed": ["x", 1, None, "y"]})
    out = ui.display_copy(df)
    assert list(out["name"]) == ["a", ui.EMPTY_TEXT, ui.EMPTY_TEXT, ui.EMPTY_TEXT]
    assert out["n"].isna().sum() == 1, "numbers are left as they are"
    assert out["mixed"].iloc[2] is None, "a column holding non-strings is not a text column"
    assert pd.isna(df["name"].iloc[1]), "the table itself is not changed"


def test_the_map_image_is_made_only_when_its_box_is_open(build_dir):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page("views/map.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert "map_image" in at.session_state and not at.session_state["map_image"]
    assert not [c for c in at.get("plotly_chart") if "map_static" in str(c.proto.id)]
    at.session_state["map_image"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert [c for c in at.get("plotly_chart") if "map_static" in str(c.proto.id)], "open: the image is there"


def test_a_page_cannot_change_the_shared_tables(build_dir):
    from dashboard.state import context
    first = context.base_context()[1]
    first["events"]["name"] = "changed by a page"
    first["events"].loc[0, "event_id"] = "changed too"
    again = context.base_context()[1]
    assert "changed by a page" not in set(again["events"]["name"])
    assert "changed too" not in set(again["events"]["event_id"])


def test_what_a_page_derives_is_shared_per_build_and_filters(build_dir):
    from dashboard.state import context
    from dashboard.state.filters import Filters
    base = context.PageContext(build_dir=build_dir, tables={}, filtered={}, filters=Filters(), options=None,
                               theme_labels={}, signature="build-1")
    calls = []

    def compute():
        calls.append(1)
        return pd.DataFrame({"n": [1, 2]})

    first = context.derived(base, "t", compute, "share")
    first["n"] = 0   # a page changing its copy
    again = context.derived(base, "t", compute, "share")
    assert len(calls) == 1 and list(again["n"]) == [1, 2]
    context.derived(base, "t", compute, "count")                                  # another key
    context.derived(replace(base, filters=Filters(countries=("AUS",))), "t", compute, "share")  # other filters
    context.derived(replace(base, signature="build-2"), "t", compute, "share")    # a rebuild
    assert len(calls) == 4


def test_event_counts_per_year_or_month():
    from datetime import date
    from dashboard.figures import charts
    ev = pd.DataFrame({"event_id": ["a", "b", "c", "d"], "event_type": ["seminar", "seminar", None, "workshop"],
                       "start_date": [date(2017, 3, 1), date(2017, 9, 9), date(2019, 1, 5), date(2023, 6, 1)]})
    counts, unit = charts.event_counts(ev)
    assert unit == "year"
    assert [(p.year, t, n) for p, t, n in counts.itertuples(index=False)] == [
        (2017, "seminar", 2), (2019, "event", 1), (2023, "workshop", 1)]
    counts, unit = charts.event_counts(ev.iloc[:2])
    assert unit == "month" and list(counts["n"]) == [1, 1]


def test_a_timeline_of_more_events_than_markers_counts_them(build_dir, monkeypatch):
    from dashboard.figures import charts
    monkeypatch.setattr(charts, "MAX_MARKERS", 2)   # the seeds hold 3 events
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    for page in ("views/overview.py", "views/timeline.py"):
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        assert any("3 events: too many to draw one marker each (more than 2)" in c.value for c in at.caption), page
    monkeypatch.setattr(charts, "MAX_MARKERS", 400)
    at.run()
    assert not any("too many to draw" in c.value for c in at.caption)
