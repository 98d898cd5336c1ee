"""Theme figures that can be quoted: which evidence sentences count, the per-theme measures, and the charts
built on them. Fixtures are small hand-built tables; every expected number is counted by hand below."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.figures import charts
from dashboard.theme_measures import (
    HOW_MADE, MEASURES, SHORT_NOTE, counted_evidence, normalise, theme_measures,
)

REPO = Path(__file__).resolve().parent.parent
LABELS = {"peace_messaging": "Peace messaging", "economy": "Digital economy", "capacity_building": "Digital skills"}

# Two events, three articles:
#   E1 "Forum A" (2020-01-10), reported by a1 and a2;  E2 "Workshop B", acronym WB (2020-02-20), reported by a3.
EVENTS = pd.DataFrame({
    "event_id": ["E1", "E2"], "name": ["Forum A", "Workshop B"], "acronym": [None, "WB"],
    "start_date": pd.to_datetime(["2020-01-10", "2020-02-20"]),
})
ARTICLES = pd.DataFrame({
    "article_id": ["a1", "a2", "a3"], "event_id": ["E1", "E1", "E2"],
    "title": ["Ministers back digital trade", "Forum backs digital skills", "Workshop B ends"],
})
# Evidence rows, and whether each counts:
#   r1 a1 economy  the headline of a1, which also has body economy evidence -> not counted (restates the lead)
#   r2 a1 economy  body sentence                                             -> counted (1)
#   r3 a1 economy  body sentence                                             -> counted (2)
#   r4 a1 economy  r3 again, differing only in spacing and punctuation      -> not counted (once per article)
#   r5 a1 economy  body sentence                                             -> counted (3)
#   r6 a2 economy  the same sentence as r5, in another article               -> counted (4): two reports
#   r7 a2 economy  body sentence                                             -> counted (5)
#   r8 a2 capacity the headline of a2, the only capacity evidence in a2     -> counted (no body restates it)
#   r9 a3 peace    body sentence, the only sentence of event E2             -> counted
# So: economy 5 sentences in 1 event (E1), 2 articles; capacity 1 in 1 event (E1), 1 article;
#     peace 1 in 1 event (E2), 1 article. The events measure says 1, 1, 1; sentences say 5, 1, 1.
ROWS = [
    ("E1", "a1", "economy", "Ministers back digital trade"),
    ("E1", "a1", "economy", "Ministers backed digital trade and investment at Forum A."),
    ("E1", "a1", "economy", "E-commerce rules were discussed."),
    ("E1", "a1", "economy", "E-commerce  rules were discussed!"),
    ("E1", "a1", "economy", "Both sides agreed to expand trade."),
    ("E1", "a2", "economy", "Both sides agreed to expand trade."),
    ("E1", "a2", "economy", "Investment in small firms will grow."),
    ("E1", "a2", "capacity_building", "Forum backs digital skills"),
    ("E2", "a3", "peace_messaging", "Delegates agreed to counter violent extremism online."),
]


def _evidence(rows=ROWS) -> pd.DataFrame:
    d = pd.DataFrame(rows, columns=["event_id", "article_id", "theme", "sentence"])
    d["cue"] = "cue"
    d["char_start"] = range(0, 100 * len(d), 100)
    d["char_end"] = d["char_start"] + d["sentence"].str.len()
    d["method"], d["confidence"] = "cue", 0.85
    return d


EVIDENCE = _evidence()


def test_normalise_folds_case_spacing_and_punctuation() -> None:
    assert normalise("E-commerce  rules were discussed!") == normalise("e-commerce rules were discussed.")
    assert normalise(None) == ""


def test_counted_evidence_counts_each_sentence_once_per_article_and_drops_a_restating_headline() -> None:
    counted = counted_evidence(EVIDENCE, ARTICLES)
    assert list(counted.columns) == list(EVIDENCE.columns), "the table keeps its columns"
    # r2, r3, r5, r6, r7, r8, r9 (see the table above): 7 of the 9 rows
    assert len(counted) == 7
    kept = list(zip(counted["article_id"], counted["sentence"]))
    assert ("a1", "Ministers back digital trade") not in kept  # r1: headline restating the body
    assert sum(s.startswith("E-commerce") for _, s in kept) == 1  # r3/r4: once
    assert kept.count(("a1", "Both sides agreed to expand trade.")) == 1  # r5 ...
    assert kept.count(("a2", "Both sides agreed to expand trade.")) == 1  # ... and r6: once in each article
    assert ("a2", "Forum backs digital skills") in kept  # r8: a headline with no body evidence still counts


def test_a_headline_repeated_in_the_body_counts_once() -> None:
    # a1's title appears twice (the headline, then the body's first line) next to another body sentence:
    # the sentence is in the body, so it counts, once -> 2 sentences.
    rows = [("E1", "a1", "economy", "Ministers back digital trade"),
            ("E1", "a1", "economy", "Ministers back digital trade."),
            ("E1", "a1", "economy", "E-commerce rules were discussed.")]
    assert len(counted_evidence(_evidence(rows), ARTICLES)) == 2


def test_theme_measures_counted_by_hand() -> None:
    m = theme_measures(EVENTS, EVIDENCE, ARTICLES, LABELS).set_index("theme")
    assert list(m.index) == ["peace_messaging", "economy", "capacity_building"], "catalogue order of LABELS"
    assert m.loc["economy", "theme_label"] == "Digital economy"
    # The 1-sentence event and the 5-sentence event weigh the same in events, not in sentences.
    assert m["n_events"].to_dict() == {"peace_messaging": 1, "economy": 1, "capacity_building": 1}
    assert m["n_sentences"].to_dict() == {"peace_messaging": 1, "economy": 5, "capacity_building": 1}
    assert m["n_articles"].to_dict() == {"peace_messaging": 1, "economy": 2, "capacity_building": 1}
    assert m["share_events"].to_dict() == {"peace_messaging": 0.5, "economy": 0.5, "capacity_building": 0.5}


def test_share_events_is_out_of_the_events_given() -> None:
    # Four events given, two of them without any theme evidence: economy touches 1 of 4.
    more = pd.concat([EVENTS, pd.DataFrame({"event_id": ["E3", "E4"], "name": ["C", "D"], "acronym": [None, None],
                                            "start_date": pd.to_datetime(["2021-01-01", "2021-02-01"])})])
    assert theme_measures(more, EVIDENCE, ARTICLES, LABELS).set_index("theme").loc["economy", "share_events"] == 0.25
    # Only E1 given: E2's evidence is left out, and economy touches 1 of 1.
    only_e1 = theme_measures(EVENTS[EVENTS["event_id"] == "E1"], EVIDENCE, ARTICLES, LABELS).set_index("theme")
    assert "peace_messaging" not in only_e1.index
    assert only_e1.loc["economy", "share_events"] == 1.0


def test_empty_inputs_give_an_empty_table_with_the_columns() -> None:
    for events, evidence in ((EVENTS, EVIDENCE.iloc[:0]), (EVENTS.iloc[:0], EVIDENCE)):
        m = theme_measures(events, evidence, ARTICLES, LABELS)
        assert m.empty and list(m.columns) == ["theme", "theme_label", "n_events", "share_events", "n_sentences",
                                               "n_articles"]


@pytest.mark.parametrize("measure, texts", [
    # hand counts from the table above; ties keep catalogue order (peace, economy, capacity)
    ("n_events", {"peace_messaging": "1 event · 50%", "economy": "1 event · 50%",
                  "capacity_building": "1 event · 50%"}),
    ("share_events", {"peace_messaging": "50% · 1 of 2 events", "economy": "50% · 1 of 2 events",
                      "capacity_building": "50% · 1 of 2 events"}),
    ("n_sentences", {"economy": "5 sentences in 1 event", "peace_messaging": "1 sentence in 1 event",
                     "capacity_building": "1 sentence in 1 event"}),
])
def test_totals_chart_names_the_unit_and_every_bar_carries_n(measure: str, texts: dict) -> None:
    data = charts.theme_totals(EVENTS, EVIDENCE, ARTICLES, LABELS, measure)
    assert dict(zip(data["theme"], data["text"])) == texts
    assert data["value"].is_monotonic_decreasing
    fig = charts.theme_totals_figure(data, measure)
    assert fig.layout.xaxis.title.text == MEASURES[measure]
    bar = fig.data[0]
    assert dict(zip(bar.y, bar.text)) == {LABELS[t]: s for t, s in texts.items()}
    assert "events" in bar.hovertemplate and "sentences" in bar.hovertemplate  # hover gives both counts


def test_the_sentences_measure_ranks_economy_first_and_the_events_measure_does_not() -> None:
    by_sentences = charts.theme_totals(EVENTS, EVIDENCE, ARTICLES, LABELS, "n_sentences")
    by_events = charts.theme_totals(EVENTS, EVIDENCE, ARTICLES, LABELS, "n_events")
    assert by_sentences["theme"].iloc[0] == "economy"
    assert list(by_events["theme"]) == ["peace_messaging", "economy", "capacity_building"]  # a tie: catalogue order


def test_per_event_bars_show_n_and_offer_counts() -> None:
    d = charts.theme_share_data(EVENTS, EVIDENCE, ARTICLES, LABELS)
    # E1: economy 5 + capacity 1 = 6 counted sentences; E2: peace 1.
    assert list(dict.fromkeys(d["event_label"])) == ["Forum A (2020-01-10) · n=6", "WB (2020-02-20) · n=1"]
    e1 = d[d["event_id"] == "E1"].set_index("theme")
    assert e1.loc["economy", "n_sentences"] == 5 and e1.loc["economy", "share"] == pytest.approx(5 / 6)
    shares = charts.theme_shares_figure(d, list(LABELS))
    counts = charts.theme_shares_figure(d, list(LABELS), values="count")
    econ_share = next(t for t in shares.data if t.name == "Digital economy")
    econ_count = next(t for t in counts.data if t.name == "Digital economy")
    assert list(econ_share.x) == pytest.approx([5 / 6]) and list(econ_count.x) == [5]
    assert list(econ_share.text) == [5] and list(econ_count.text) == [5], "the segment's count is on the bar"
    assert "%{customdata[0]}" in econ_share.hovertemplate
    with pytest.raises(ValueError):
        charts.theme_shares_figure(d, values="percent")


def test_the_how_made_note_matches_the_code() -> None:
    assert "How these figures are made" in HOW_MADE
    assert (REPO / "data_prep/data/theme_cues.csv").is_file() and "theme_cues.csv" in HOW_MADE
    for word in ("Ministry", "Department", "Menteri"):  # the name heads it quotes are in the guard's list
        assert word in (REPO / "data_prep/data/name_heads.csv").read_text(encoding="utf-8")
    assert "once per article" in SHORT_NOTE and "organisation names" in SHORT_NOTE
    assert set(MEASURES) == {"n_events", "share_events", "n_sentences"}
