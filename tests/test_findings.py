"""The findings page of the briefing pack (dashboard/exports/findings.py) on the seed build: every number
and name in it is checked against the tables, counted independently here. Pure pandas: no Streamlit,
no browser."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest

from dashboard.exports.findings import Finding, findings
from dashboard.labels import date_span
from dashboard.state.filters import Filters, apply_filters

AUS = Filters(countries=("AUS",))


@pytest.fixture(scope="module")
def aus(tables, theme_labels) -> dict[str, Finding]:
    found = findings(tables, apply_filters(tables, AUS), AUS, theme_labels)
    assert all(isinstance(f, Finding) and f.text and f.source for f in found)
    return {f.kind: f for f in found if f.kind != "outcome"} | {"outcomes": [f for f in found if f.kind == "outcome"]}


def _kept(tables, filters=AUS):
    return apply_filters(tables, filters)["events"]


def test_events_count_dates_and_places(aus, tables) -> None:
    ev = _kept(tables)
    assert len(ev) == 3
    text = aus["events"].text
    assert text.startswith("3 events ")
    span = date_span(ev["start_date"].min(), ev["end_date"].max())
    assert span == "12 Jul 2018 – 10 Sep 2019" and f"from {span}," in text
    assert set(ev["city"]) == {"Jakarta"} and "all in Jakarta" in text
    names = dict(zip(tables["participants"]["iso3"], tables["participants"]["country"]))
    assert {names[h] for h in ev["host_iso3"]} == {"Indonesia"} and "all hosted by Indonesia" in text
    arts = apply_filters(tables, AUS)["articles"]
    assert f"reported in {arts['article_id'].nunique()} source articles" in aus["events"].source
    for outlet in arts["outlet"].dropna():
        assert outlet in aus["events"].source


def _partners_by_hand(tables, iso3: str) -> Counter:
    """Country -> events shared with `iso3`, straight from the participants table."""
    p = tables["participants"]
    own = set(p.loc[p["iso3"] == iso3, "event_id"])
    pairs = {(e, c) for e, i, c in zip(p["event_id"], p["iso3"], p["country"]) if e in own and i != iso3}
    return Counter(c for _, c in pairs)


def _parse_groups(text: str) -> dict[str, int]:
    """'Australia met …: Indonesia (3 of 3); Brunei and Malaysia (2 each); …' -> {country: count}."""
    body = text.split(": ", 1)[1].rstrip(".")
    out: dict[str, int] = {}
    for group in body.split("; "):
        m = re.fullmatch(r"(.+) \((\d+) (?:each|of \d+)\)", group)
        assert m, group
        for name in re.split(r", | and ", m.group(1)):
            out[name] = int(m.group(2))
    return out


def test_partners_and_their_shared_events(aus, tables) -> None:
    from dashboard.figures.partners import partner_table

    by_hand = _partners_by_hand(tables, "AUS")
    text = aus["countries"].text
    assert text.startswith(f"Australia met {len(by_hand)} countries")
    p = tables["participants"]
    asean = p.loc[p["country"].isin(by_hand) & p["is_asean"].astype(bool), "country"].nunique()
    assert f"({asean} ASEAN)" in text
    own = p.loc[p["iso3"] == "AUS", "event_id"].nunique()
    assert f"at its {own} events" in text
    stated = _parse_groups(text)
    assert stated == dict(by_hand), "every partner, with its shared events, and no other"
    assert stated == dict(zip(*partner_table(p, tables["events"], ["AUS"])[["country", "shared_events"]].T.values))
    counts = list(stated.values())
    assert counts == sorted(counts, reverse=True), "most frequent first"
    assert list(stated)[0] == "Indonesia" and stated["Indonesia"] == 3


def test_without_a_country_filter_it_counts_who_took_part(tables, theme_labels) -> None:
    f = Filters()
    found = {x.kind: x for x in findings(tables, apply_filters(tables, f), f, theme_labels)}
    p = tables["participants"]
    n, n_asean = p["iso3"].nunique(), p.loc[p["is_asean"].astype(bool), "iso3"].nunique()
    assert found["countries"].text.startswith(f"{n} countries took part ({n_asean} ASEAN members)")
    per = p.drop_duplicates(["event_id", "iso3"]).groupby("country")["event_id"].nunique()
    for name, k in re.findall(r"([A-Z][\w ]+?) \((\d+) of 3\)", found["countries"].text):
        assert per[name.strip()] == int(k)


def test_people_with_title_and_country(aus, tables) -> None:
    a = tables["attendees"]
    names = dict(zip(tables["participants"]["iso3"], tables["participants"]["country"]))
    text = aus["people"].text.removeprefix("Who spoke for whom: ").rstrip(".")
    parts = [x for x in text.split("; ") if not x.startswith("and ")]
    assert 1 <= len(parts) <= 4
    n_events = []
    for part in parts:
        m = re.fullmatch(r"(.+?), (.+) \(([^,]+?)(?:, (\d+) events)?\)", part)
        assert m, part
        name, title, country, n = m.groups()
        rows = a[a["name"] == name]
        assert title in set(rows["title"]), (name, title)
        assert country in {names[i] for i in rows["iso3"].dropna()}
        assert rows["event_id"].nunique() == int(n or 1)
        n_events.append(int(n or 1))
    assert n_events == sorted(n_events, reverse=True), "most events first"
    assert parts[0].startswith("Retno Marsudi") and n_events[0] == 2
    titled = a.dropna(subset=["title", "iso3"])["name"].nunique()
    more = re.search(r"and (\d+) more", text)
    assert len(parts) + int(more.group(1) if more else 0) == titled
    for aid in re.findall(r"article (\w+)\)", aus["people"].source):
        assert aid in set(a["article_id"])


def test_theme_shares_counted_by_hand(aus, tables, theme_labels) -> None:
    ev = _kept(tables)
    e = tables["evidence"][tables["evidence"]["event_id"].isin(ev["event_id"])]
    touched = {theme_labels[t]: n for t, n in e.groupby("theme")["event_id"].nunique().items()}
    text = aus["themes"].text
    stated = {label: (int(k), int(n), int(pct)) for label, k, n, pct in
              re.findall(r"(?:: |; )(.+?) touched (\d+) of (\d+) events \((\d+)%", text)}
    assert len(stated) == 3
    for label, (k, n, pct) in stated.items():
        assert touched[label] == k and n == len(ev) and pct == round(100 * k / n)
    assert min(k for k, _, _ in stated.values()) >= max(v for lab, v in touched.items() if lab not in stated), \
        "the leading themes: no theme left out touched more events"
    assert "Digital economy touched 3 of 3 events (100%" in text


def test_outcomes_quote_the_table_with_their_source(aus, tables) -> None:
    o, arts = tables["outcomes"], tables["articles"].set_index("article_id")
    ev = tables["events"].set_index("event_id")
    outs = aus["outcomes"]
    assert len(outs) == min(3, o["sentence"].nunique())
    for f in outs:
        m = re.fullmatch(r"Agreed \((.+?), (.+?)\): “(.+?)( …)?”", f.text)
        assert m, f.text
        label, when, quote, cut = m.groups()
        rows = o[o["sentence"].str.startswith(quote)]
        assert len(rows) == 1, quote
        row = rows.iloc[0]
        assert bool(cut) == (quote != row["sentence"]), "a cut sentence ends in …"
        e = ev.loc[row["event_id"]]
        assert label == (e["acronym"] if isinstance(e["acronym"], str) else e["name"])
        assert when == date_span(e["start_date"], e["end_date"])
        aid = re.search(r"\(article (\w+)\)$", f.source).group(1)
        assert aid == row["article_id"] and aid in arts.index
        art = arts.loc[aid]
        assert f.source.startswith(f"{art['outlet']}, {art['published_date']:%Y-%m-%d}")
        assert art["event_id"] == row["event_id"]


def test_events_without_outcomes_say_so(tables, theme_labels) -> None:
    f = Filters(countries=("DNK",))
    found = findings(tables, apply_filters(tables, f), f, theme_labels)
    assert found[0].text.startswith("1 event on 12 Jul 2018, in Jakarta, hosted by Indonesia")
    assert found[1].text == "Denmark met 2 countries (1 ASEAN) at its 1 event: Australia and Indonesia (1 each)."
    assert [x.text for x in found if x.kind == "outcome"] == [
        "No outcome (an agreement, declaration or adopted text) is reported for these events."]


def test_findings_need_no_streamlit() -> None:
    code = "import sys, dashboard.exports.findings; assert 'streamlit' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
