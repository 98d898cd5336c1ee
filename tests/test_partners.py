"""A country's partners, checked against what the seed articles say.

Australia in the seeds (read from the articles, not from the code's output):
- seminar, July 2018 (003): "Allaster Cox, Wakil Duta Besar Kedutaan Australia; Rasmus Abildgaard
  Kristensen, Duta Besar Kedutaan Denmark" at the Indonesian foreign ministry's seminar -> IDN, DNK;
- sub-regional meeting, Nov 2018 (002): "diketuai oleh Indonesia dan Australia, dan turut diikuti oleh
  Malaysia, Singapura, Selandia Baru, Filipina, Brunei Darussalam, Myanmar dan Thailand";
- RCDD, Sep 2019 (001): "dihadiri oleh 10 negara ASEAN dan enam negara lainnya yakni Australia, China,
  Jepang, Korea Selatan, India dan Selandia Baru".
So Indonesia shares 3 events with Australia; New Zealand and the six ASEAN members at the Nov 2018
meeting share 2; Denmark, China, Japan, Korea, India, Cambodia, Laos and Vietnam share 1: 16 partners.
"""

from __future__ import annotations

from dashboard.state.filters import Filters, apply_filters
from dashboard.figures.partners import co_attendance, partner_arcs, partner_table, partners_figure

TWO = {"NZL", "BRN", "MMR", "MYS", "PHL", "SGP", "THA"}
ONE = {"DNK", "CHN", "JPN", "KOR", "IND", "KHM", "LAO", "VNM"}


def test_partners_of_australia_match_the_articles(tables: dict) -> None:
    out = apply_filters(tables, Filters(countries=("AUS",)))
    p = partner_table(out["participants"], out["events"], ["AUS"])
    shared = dict(zip(p["iso3"], p["shared_events"]))
    assert shared == {"IDN": 3, **{i: 2 for i in TWO}, **{i: 1 for i in ONE}}
    assert p.iloc[0]["country"] == "Indonesia" and p.iloc[0]["share_of_events"] == 1.0
    assert set(p.loc[p["iso3"].isin(["BRN", "NZL"]), "ASEAN"]) == {"yes", "no"}
    assert "AUS" not in shared  # a country is not its own partner


def test_partners_survive_only_chosen_rows(tables: dict) -> None:
    """Narrowing rows to Australia's own must not hide who it met: partners read the full table."""
    f = Filters(countries=("AUS",), only_chosen=True)
    out = apply_filters(tables, f)
    assert set(out["participants"]["iso3"]) == {"AUS"}
    p = partner_table(tables["participants"], out["events"], ["AUS"])
    assert len(p) == 16


def test_a_date_range_narrows_partners_to_its_events(tables: dict) -> None:
    from datetime import date
    out = apply_filters(tables, Filters(countries=("AUS",), date_from=date(2019, 1, 1)))
    p = partner_table(out["participants"], out["events"], ["AUS"])
    assert set(p["shared_events"]) == {1} and len(p) == 15  # the RCDD alone: 10 ASEAN members and 5 others


def test_co_attendance_counts_events_together(tables: dict) -> None:
    m = co_attendance(tables["participants"], ["AUS", "IDN", "DNK", "NZL"])
    assert m.loc["Australia", "Indonesia"] == 3
    assert m.loc["Australia", "Denmark"] == 1 and m.loc["Denmark", "New Zealand"] == 0
    assert m.loc["New Zealand", "New Zealand"] == 2
    assert (m.to_numpy() == m.to_numpy().T).all()


def test_arcs_and_chart_carry_the_counts(tables: dict) -> None:
    out = apply_filters(tables, Filters(countries=("AUS",)))
    p = partner_table(out["participants"], out["events"], ["AUS"])
    arcs = partner_arcs(p, ["AUS"], out["participants"])
    assert set(arcs["source_iso3"]) == {"AUS"} and len(arcs) == 16
    assert int(arcs.loc[arcs["target_iso3"] == "IDN", "n_events"].iloc[0]) == 3
    fig = partners_figure(p, "Australia")
    assert fig.layout.xaxis.title.text == "events shared with Australia"
    texts = {t for trace in fig.data for t in trace.text}
    assert "3 (100%)" in texts
    assert {trace.name for trace in fig.data} == {"ASEAN member", "other country"}
