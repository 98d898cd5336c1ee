"""Table display: empty text cells read "not stated" (as in the article reader), on a copy only;
and the Map page with one event chosen draws its arcs from the event's city."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.ui import EMPTY_TEXT, display_copy

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
TIMEOUT = 60  # a generous limit for slow machines, not a performance assertion


def test_display_copy_fills_empty_text_cells_only() -> None:
    df = pd.DataFrame({
        "title": ["Minister", None, "", "  ", np.nan],
        "org": pd.Series(["Kemlu", None, "ASEAN", "x", "y"], dtype="string"),
        "n": [1.0, np.nan, 2.0, 3.0, 4.0],
        "date": pd.to_datetime(["2019-09-10", None, None, None, None]),
        "flag": [True, None, False, True, False],
        "items": [[1], None, [], [2], [3]],
    })
    before = df.copy()
    out = display_copy(df)
    assert list(out["title"]) == ["Minister", EMPTY_TEXT, EMPTY_TEXT, EMPTY_TEXT, EMPTY_TEXT]
    assert list(out["org"]) == ["Kemlu", EMPTY_TEXT, "ASEAN", "x", "y"]
    assert out["n"].isna().sum() == 1 and out["date"].isna().sum() == 4  # numbers and dates untouched
    assert out["flag"].iloc[1] is None and out["items"].iloc[1] is None  # not text: untouched
    pd.testing.assert_frame_equal(df, before)  # the data behind downloads keeps its nulls


def _dataframes(at: AppTest) -> list[pd.DataFrame]:
    return [el.value for el in at.dataframe]


def test_tables_in_the_app_show_no_none(build_dir: Path, tables: dict) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("views/data.py").run()
    assert not at.exception
    shown = _dataframes(at)
    assert shown, "the Data page shows tables"
    raw_nulls = sum(int(t.select_dtypes(include=["object", "string"]).isna().sum().sum()) for t in tables.values())
    assert raw_nulls > 0, "the seeds have empty text cells to show"
    for df in shown:
        for c in df.columns:
            col = df[c]
            if pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col):
                if col.dropna().map(lambda v: isinstance(v, str)).all():
                    assert not col.isna().any(), c
    assert any((df == EMPTY_TEXT).any().any() for df in shown)


def test_map_page_draws_arcs_from_the_event_city(build_dir: Path, tables: dict) -> None:
    events = tables["events"]
    event = events[events["city"].notna()].iloc[0]
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("views/map.py").run()
    at.selectbox(key="map_event").set_value(event["event_id"]).run()
    assert not at.exception and not at.error
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    arcs = next(layer for layer in spec["layers"] if layer["id"] == "arcs")["data"]
    city = (float(event["lon"]), float(event["lat"]))  # where the build located the event's city
    assert 106 < city[0] < 107.5 and arcs
    assert all(a["source"] == list(city) and a["source_iso3"] == event["host_iso3"] for a in arcs)


def test_outlet_counts_name_a_missing_outlet_and_count_once() -> None:
    from dashboard.queries import outlet_counts

    arts = pd.DataFrame({"article_id": ["a", "b", "c", "c"], "outlet": ["Antara", "Antara", None, None],
                         "event_id": ["e1", "e2", "e1", "e1"]})
    out = outlet_counts(arts)
    assert out.to_dict("records") == [{"outlet": "Antara", "articles": 2, "events": 2},
                                      {"outlet": "outlet not stated", "articles": 1, "events": 1}]


def test_organisation_table_lists_people_and_events_once() -> None:
    from dashboard.queries import organisation_table

    att = pd.DataFrame({"name": ["A", "B", "A", "C"], "organization": ["Kemlu", "Kemlu", "Kemlu", None],
                        "event_id": ["e1", "e1", "e2", "e1"]})
    ev = pd.DataFrame({"event_id": ["e1", "e2"], "name": ["Seminar", "Forum"]})
    out = organisation_table(att, ev)
    assert out.to_dict("records") == [{"organization": "Kemlu", "people": "A; B", "events": "Seminar; Forum"}]


def test_theme_evidence_groups_by_event_with_cues_and_links(tables) -> None:
    from dashboard.queries import theme_evidence_groups

    e = tables["evidence"]
    theme = e["theme"].value_counts().index[0]
    groups = theme_evidence_groups(e, tables["events"], tables["articles"], theme,
                                   link=lambda a, span: f"sources?article={a}&hl={span[0]}-{span[1]}")
    assert len(groups) == e.loc[e["theme"] == theme, "event_id"].nunique()
    n_items = sum(len(g.items) for g in groups)
    assert n_items == len(e[e["theme"] == theme].drop_duplicates(["sentence", "article_id"]))
    texts = tables["articles_text"].set_index("article_id")["text"]
    for g in groups:
        for sentence, spans, source, link in g.items:
            assert spans, "every sentence shows the cue it matched"
            a, hl = link.split("article=")[1].split("&hl=")
            s, t = map(int, hl.split("-"))
            assert texts[a][s:t] == sentence  # the link highlights exactly this sentence
