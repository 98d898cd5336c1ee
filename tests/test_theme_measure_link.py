"""The Themes page's measure lives in the link (issue 20: a shared link lost it): `measure=` opens the page
on that measure, a change goes back into the URL, and the default is left out."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def _themes(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.switch_page("views/themes.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_link_opens_the_themes_page_on_its_measure(build_dir: Path) -> None:
    at = _themes({"measure": "n_sentences", "country": "AUS"})
    assert at.segmented_control(key="th_measure").value == "n_sentences"
    assert any("Bars: evidence sentences" in c.value for c in at.caption)
    assert at.query_params.get("measure") == "n_sentences" and at.query_params.get("country") == "AUS"


def test_a_new_measure_goes_into_the_link_and_the_default_leaves_it(build_dir: Path) -> None:
    at = _themes()
    assert "measure" not in at.query_params
    at.segmented_control(key="th_measure").set_value("share_events").run()
    assert at.query_params.get("measure") == "share_events"
    at.segmented_control(key="th_measure").set_value("n_events").run()
    assert "measure" not in at.query_params


def test_an_unknown_measure_in_a_link_falls_back_to_the_default(build_dir: Path) -> None:
    at = _themes({"measure": "<script>"})
    assert at.segmented_control(key="th_measure").value == "n_events"
    assert "measure" not in at.query_params
