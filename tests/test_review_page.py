"""The Review page and the event card's corrections in AppTest, on a private copy of the seeds: facts come
weakest first, a year-less report waits with its reason and becomes an event once dated, a country
rejected on the card is gone after the rebuild and the correction is in the file with the analyst's
name and note, and a refused correction says why and records nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_prep import build, read_corrections
from dashboard import review
from dashboard.data import read_tables

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "dashboard" / "app.py")
RCDD = "2019-09-10-rcdd"
# A report (own words) that names a meeting and its weekday date, `Kamis (12/5)`, but no year anywhere.
NO_YEAR_TEXT = (REPO / "tests" / "waiting" / "id_no_year_jakarta.txt").read_text(encoding="utf-8")


@pytest.fixture
def private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    seeds, out, fixes = tmp_path / "seeds", tmp_path / "out", tmp_path / "corrections.csv"
    shutil.copytree(REPO / "seeds", seeds)
    (seeds / "no_year.txt").write_text(NO_YEAR_TEXT, encoding="utf-8")
    build(seeds, out, corrections=fixes)
    for k, v in (("DASHBOARD_BUILD_DIR", out), ("DASHBOARD_SEEDS_DIR", seeds), ("DASHBOARD_CORRECTIONS", fixes)):
        monkeypatch.setenv(k, str(v))
    return seeds, out, fixes


def open_page(page: str, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.switch_page(page).run()   # opened straight on the page, as a shared link does
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_queue_puts_the_weakest_facts_first_and_filters(private):
    _, out, _ = private
    q = review.fact_queue(read_tables(out))
    assert list(q["confidence"]) == sorted(q["confidence"]), "weakest first"
    assert set(q["kind"]) == {"event", "country", "person", "theme"}
    only = review.fact_queue(read_tables(out), RCDD, "country", "counted_group")
    assert len(only) and set(only["event_id"]) == {RCDD} and set(only["method"]) == {"counted_group"}


def test_a_year_less_report_waits_with_its_reason_and_becomes_an_event_when_dated(private):
    _, out, fixes = private
    at = open_page("views/review.py")
    assert at.subheader[0].value.startswith("Waiting for one fact")
    assert "rv_wait_no_year_date" not in at.session_state, "a closed box makes no form"
    at.session_state["rv_wait_open_no_year"] = True   # a click on the box opens it
    at.run()
    assert any("gives no date with a year" in c.value for c in at.caption)
    at.text_input(key="rv_who").input("Dewi").run()
    at.date_input(key="rv_wait_no_year_date").set_value(pd.Timestamp("2022-05-12").date()).run()
    at.button(key="rv_wait_no_year_go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Saved and applied" in s.value for s in at.success)
    arts = read_tables(out)["articles"].set_index("article_id")
    assert arts.loc["no_year", "status"] == "included"
    assert str(arts.loc["no_year", "event_id"]).startswith("2022-05-12-")
    (row,) = read_corrections(fixes)
    assert (row.action, row.target, row.value, row.who) == ("set-article-date", "no_year", "2022-05-12", "Dewi")


def open_correct_box(at):
    """Open the card's "Correct this event" box, as a click on it does (its controls are made only then)."""
    assert "tl_fix_rc_target_country" not in at.session_state, "a closed box makes no controls"
    at.session_state["tl_fix_open"] = True
    return at.run()


def test_rejecting_a_country_on_the_card_removes_it_and_keeps_the_note(private):
    _, out, fixes = private
    assert "AUS" in set(read_tables(out)["participants"].query("event_id == @RCDD")["iso3"])
    at = open_correct_box(open_page("views/timeline.py", {"card": RCDD}))
    at.selectbox(key="tl_fix_rc_target_country").set_value("AUS").run()
    at.text_input(key="tl_fix_rc_note").input("named as a partner only").run()
    at.button(key="tl_fix_rc_reject").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "AUS" not in set(read_tables(out)["participants"].query("event_id == @RCDD")["iso3"])
    (row,) = read_corrections(fixes)
    assert (row.action, row.event_id, row.target, row.note) == ("remove-country", RCDD, "AUS", "named as a partner only")
    assert any("Saved and applied: remove-country AUS" in s.value for s in at.success)


def test_an_old_event_id_in_a_link_opens_the_event_it_became(private):
    seeds, out, fixes = private
    seminar = "2018-07-12-international-seminar-on-digital-diplomacy"
    from data_prep.__main__ import main
    assert main(["correct", "--seeds", str(seeds), "--out", str(out), "--corrections", str(fixes),
                 seminar, "merge-into", RCDD]) == 0
    at = open_page("views/timeline.py", {"card": seminar})
    assert at.selectbox(key="tl_event").value == RCDD
    at = open_page("views/overview.py", {"event": seminar})
    assert list(at.session_state["flt_events"]) == [RCDD]


def test_a_refused_correction_says_why_and_records_nothing(private):
    _, _, fixes = private
    at = open_correct_box(open_page("views/timeline.py", {"card": RCDD}))
    at.selectbox(key="tl_fix_sf_field").set_value("name").run()
    at.text_input(key="tl_fix_sf_text_name").input("   ").run()
    at.button(key="tl_fix_sf_go").click().run()
    assert any("an event's name cannot be empty" in e.value for e in at.error)
    assert not fixes.exists()


def test_a_sentence_is_shown_in_its_passage_with_its_offsets():
    text = "P1 a.\n\nP2 b.\n\nP3 the sentence.\n\nP4 c.\n\nP5 d."
    at = text.index("the sentence.")
    piece, span, before, after = review.passage(text, (at, at + 13))
    assert piece == "P2 b.\n\nP3 the sentence.\n\nP4 c." and piece[span[0]:span[1]] == "the sentence."
    assert before and after
    assert review.passage(text, (0, 5))[0] == "P1 a.\n\nP2 b." and not review.passage(text, (0, 5))[2]


def test_the_card_says_which_facts_an_analyst_checked(private):
    from dashboard import queries
    from data_prep.__main__ import main
    seeds, out, fixes = private
    assert main(["correct", "--seeds", str(seeds), "--out", str(out), "--corrections", str(fixes),
                 RCDD, "confirm-country", "JPN"]) == 0
    card = queries.event_card(read_tables(out), RCDD, {})
    said = dict(zip(card.countries["iso3"], card.countries["analyst"]))
    assert said["JPN"] == "confirmed by an analyst" and said["CHN"] == ""
    assert set(card.attendees["analyst"]) == {""}
