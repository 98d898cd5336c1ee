"""The data handed to each chart, and the figures built from it (AppTest cannot see chart pixels)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import queries
from dashboard.figures import charts, palette
from dashboard.data import theme_catalog
from dashboard.state.filters import Filters, apply_filters
from dashboard.theme_measures import MEASURES, counted_evidence


def test_plotly_config_names_the_download() -> None:
    assert charts.plotly_config("timeline") == {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"],
    }


def test_every_catalogued_theme_has_its_own_fixed_colour(tables) -> None:
    codes = list(theme_catalog(tables)["code"])
    colours = [palette.theme_color(c) for c in codes]
    assert all(c in palette.THEME_COLORS for c in codes)
    assert len(set(colours)) == len(codes)
    assert set(colours) <= set(palette.OKABE_ITO)
    # theme colours mean themes only: event types and country groups use other colours
    assert not set(palette.EVENT_TYPE_COLORS.values()) & set(colours)


def test_timeline_data_one_row_per_event(tables: dict, theme_labels: dict) -> None:
    d = charts.timeline_data(tables["events"], tables["themes"], theme_labels)
    assert sorted(d["event_id"]) == sorted(tables["events"]["event_id"])
    assert d["start_date"].is_monotonic_increasing
    by_countries = d.sort_values("n_countries")
    assert by_countries["size"].is_monotonic_increasing  # bigger marker for more countries
    rcdd = d[d["start_date"] == pd.Timestamp("2019-09-10")].iloc[0]
    assert "Jakarta" in rcdd["place"]


def test_timeline_points_carry_event_ids(tables: dict, theme_labels: dict) -> None:
    d = charts.timeline_data(tables["events"], tables["themes"], theme_labels)
    for color_by in ("event_type", "leading_theme"):
        fig = charts.timeline_figure(d, color_by=color_by)
        ids = [row[0] for trace in fig.data for row in trace.customdata]
        assert sorted(ids) == sorted(d["event_id"])
        assert all(trace.x is not None and len(trace.x) for trace in fig.data)
    fig = charts.timeline_figure(d, color_by="leading_theme")
    for trace in fig.data:
        code = d.loc[d["leading_theme_label"] == trace.name, "leading_theme"].iloc[0]
        assert trace.marker.color == (palette.GREY if code == "none" else palette.theme_color(code))


def test_leading_theme_is_the_one_with_most_evidence() -> None:
    themes = pd.DataFrame({"event_id": ["a", "a", "b"], "theme": ["economy", "peace_messaging", "economy"],
                           "n_evidence": [1, 3, 2], "share": [0.25, 0.75, 1.0]})
    assert charts.leading_themes(themes).to_dict() == {"a": "peace_messaging", "b": "economy"}


def test_theme_shares_sum_to_one_per_event(tables: dict, theme_labels: dict) -> None:
    d = charts.theme_share_data(tables["events"], tables["evidence"], tables["articles"], theme_labels)
    sums = d.groupby("event_id")["share"].sum()
    assert ((sums - 1.0).abs() < 1e-9).all()
    counted = counted_evidence(tables["evidence"], tables["articles"])
    assert d["n_sentences"].sum() == len(counted), "segments count the counted sentences, not the raw rows"
    # every bar shows its n: the event's counted total in its label, each segment's count as its text
    assert all(lab.endswith(f" · n={n}") for lab, n in zip(d["event_label"], d["event_n_sentences"]))
    fig = charts.theme_shares_figure(d, list(theme_labels))
    for trace in fig.data:
        code = d.loc[d["theme_label"] == trace.name, "theme"].iloc[0]
        assert trace.marker.color == palette.theme_color(code)
        assert list(trace.text) == list(d.loc[d["theme"] == code, "n_sentences"])
    assert fig.layout.xaxis.tickformat == ".0%" and "share" in fig.layout.xaxis.title.text
    counts = charts.theme_shares_figure(d, list(theme_labels), values="count")
    assert sum(sum(trace.x) for trace in counts.data) == d["n_sentences"].sum()
    assert "sentences" in counts.layout.xaxis.title.text


def test_theme_totals_take_a_measure_and_name_its_unit(tables: dict, theme_labels: dict) -> None:
    ev, evidence, arts = tables["events"], tables["evidence"], tables["articles"]
    counted = counted_evidence(evidence, arts)
    sentences = charts.theme_totals(ev, evidence, arts, theme_labels, "n_sentences")
    assert sentences["n_sentences"].sum() == len(counted) <= len(evidence)
    assert sentences["value"].is_monotonic_decreasing
    events = charts.theme_totals(ev, evidence, arts, theme_labels)  # default: events touching the theme
    assert events["value"].is_monotonic_decreasing
    by_theme = evidence.groupby("theme")["event_id"].nunique()
    assert dict(zip(events["theme"], events["n_events"])) == by_theme.to_dict()
    for measure, data in (("n_events", events), ("n_sentences", sentences)):
        fig = charts.theme_totals_figure(data, measure)
        assert fig.layout.xaxis.title.text == MEASURES[measure]
        assert all(str(v) in t for v, t in zip(fig.data[0].x, fig.data[0].text)), "each bar's text gives its value"
    assert all(t.endswith("%") for t in events["text"])  # "9 events · 35%"


def test_theme_country_matrix_counts(tables: dict, theme_labels: dict) -> None:
    m = charts.theme_country_matrix(tables["participants"], tables["evidence"], tables["articles"], theme_labels)
    p = tables["participants"]
    counted = counted_evidence(tables["evidence"], tables["articles"])
    events_aus = set(p.loc[p["iso3"] == "AUS", "event_id"])
    expected = int((counted["event_id"].isin(events_aus) & (counted["theme"] == "peace_messaging")).sum())
    assert m.loc[theme_labels["peace_messaging"], "Australia"] == expected
    asean_names = set(p.loc[p["is_asean"], "country"])
    first_non_asean = next(i for i, c in enumerate(m.columns) if c not in asean_names)
    assert all(c not in asean_names for c in m.columns[first_non_asean:])  # ASEAN members first
    fig = charts.theme_country_heatmap(m)
    assert "once per article" in fig.data[0].colorbar.title.text.replace("<br>", " ")
    assert "once per article" in fig.data[0].hovertemplate


def test_attendee_counts_add_up(tables: dict) -> None:
    out = apply_filters(tables, Filters())
    d = charts.attendee_counts(out["attendees"], out["events"], tables["participants"])
    assert d["n_people"].sum() == len(out["attendees"])
    fig = charts.attendees_figure(d, set(tables["participants"].loc[tables["participants"]["is_asean"], "country"]))
    assert sum(sum(trace.x) for trace in fig.data) == len(out["attendees"])


def test_empty_inputs_give_a_message_not_a_blank_chart(tables: dict, theme_labels: dict) -> None:
    out = apply_filters(tables, Filters(date_from=pd.Timestamp("2100-01-01").date()))
    figs = [
        charts.timeline_figure(charts.timeline_data(out["events"], out["themes"], theme_labels)),
        charts.theme_shares_figure(charts.theme_share_data(out["events"], out["evidence"], out["articles"],
                                                           theme_labels)),
        charts.theme_totals_figure(charts.theme_totals(out["events"], out["evidence"], out["articles"], theme_labels)),
        charts.theme_country_heatmap(charts.theme_country_matrix(out["participants"], out["evidence"],
                                                                 out["articles"], theme_labels)),
        charts.attendees_figure(charts.attendee_counts(out["attendees"], out["events"], out["participants"])),
    ]
    for fig in figs:
        assert isinstance(fig, go.Figure)
        assert len(fig.data) == 0
        assert fig.layout.annotations[0].text.startswith("No ")


def test_event_card_for_the_2019_conference(tables: dict, theme_labels: dict) -> None:
    ev = tables["events"]
    event_id = ev.loc[ev["start_date"] == pd.Timestamp("2019-09-10"), "event_id"].iloc[0]
    card = queries.event_card(tables, event_id, theme_labels)
    assert card is not None
    assert "Regional Conference on Digital Diplomacy" in card.name
    assert card.dates.endswith("Sep 2019")
    assert "AUS" in set(card.countries["iso3"])
    assert len(card.countries) == ev.loc[ev["event_id"] == event_id, "n_countries"].iloc[0]
    assert set(card.sources["article_id"]) == set(tables["articles"].loc[tables["articles"]["event_id"] == event_id, "article_id"])
    assert queries.event_card(tables, "no-such-event") is None


def test_a_fact_supported_by_k_articles_shows_k_sentences(tables: dict, theme_labels: dict) -> None:
    """"4 of 4 articles" with one sentence under it read as a contradiction (issue 20): every article the
    count names gives its own sentence holding the fact, each inside that article's text."""
    texts = dict(zip(tables["articles_text"]["article_id"], tables["articles_text"]["text"]))
    for event_id in tables["events"]["event_id"]:
        card = queries.event_card(tables, event_id, theme_labels)
        for facts, evidence, column in ((card.countries, card.country_evidence, "country"),
                                        (card.attendees, card.attendee_evidence, "name")):
            for fact, support in zip(facts[column], facts["articles"]):
                k = int(support.split(" of ")[0])
                mine = [e for e in evidence if fact in e.facts]
                assert len({e.article_id for e in mine}) >= k, (event_id, fact, support, mine)
                assert all(e.sentence in texts[e.article_id] for e in mine)


def test_event_card_shows_the_whole_event_row(tables: dict, theme_labels: dict) -> None:
    """Every field of the card comes from the event's row and its outcome sentences (the tagline was
    once read from a column that does not exist, so the card never showed it)."""
    ev = tables["events"]
    for _, row in ev.iterrows():
        card = queries.event_card(tables, row["event_id"], theme_labels)
        assert card.tagline == (row["tagline"] if isinstance(row["tagline"], str) and row["tagline"].strip() else None)
        assert card.evidence == row["evidence"]
        assert card.name.startswith(row["name"])
        outcome_sents = tables["outcomes"].loc[tables["outcomes"]["event_id"] == row["event_id"], "sentence"]
        assert card.outcomes == ("\n".join(f"- {s}" for s in dict.fromkeys(outcome_sents)) or None)
    # The seed article (000_...) says the 2019 conference was "bertajuk 'Digital Diplomacy: Challenges ...'".
    rcdd = ev.loc[ev["start_date"] == pd.Timestamp("2019-09-10"), "event_id"].iloc[0]
    assert queries.event_card(tables, rcdd, theme_labels).tagline == "Digital Diplomacy: Challenges and Opportunities"


def test_highlight_escapes_and_never_overlaps() -> None:
    text = "Retno <b>Marsudi</b> & Australia"
    spans = [queries.Span(0, 5, "person", "person: Retno"), queries.Span(2, 8, "economy", "overlap"),
             queries.Span(text.index("Australia"), len(text), "country", "country: Australia")]
    out = queries.highlight_html(text, spans)
    assert "&lt;b&gt;Marsudi&lt;/b&gt; &amp;" in out
    assert out.count("<mark") == 2
    assert ">Retno</mark>" in out and ">Australia</mark>" in out


def test_article_spans_point_at_the_cues(tables: dict, theme_labels: dict) -> None:
    texts = tables["articles_text"]
    assert not texts.empty, "the build should write the cleaned article text"
    for row in texts.itertuples(index=False):
        spans = queries.article_spans(row.article_id, row.text, tables, theme_labels)
        ev = tables["evidence"][tables["evidence"]["article_id"] == row.article_id]
        theme_spans = [s for s in spans if s.kind not in ("person", "country", "mention")]  # mention: named in passing
        assert len(theme_spans) == len(ev)
        for s in theme_spans:
            assert row.text[s.start:s.end].strip()


def test_timeline_markers_name_their_events_where_they_fit() -> None:
    """Acronym, else the name cut at a word; an event crowding the previous label in its lane gets none."""
    from dashboard.figures.charts import marker_labels, timeline_figure

    ev = pd.DataFrame({
        "event_id": ["a", "b", "c", "d"],
        "name": ["Regional Conference on Digital Diplomacy", "International Seminar on Digital Diplomacy",
                 "Follow-up meeting", "Seminar two days later"],
        "acronym": ["RCDD", None, None, None],
        "start_date": pd.to_datetime(["2019-09-10", "2018-07-12", "2018-11-06", "2018-07-14"]),
        "event_type": ["conference", "seminar", "meeting", "seminar"],
    })
    assert marker_labels(ev) == ["RCDD", "International Seminar…", "Follow-up meeting", ""]
    data = ev.assign(end_date=ev["start_date"], venue=None, city="Jakarta", n_countries=3)
    fig = timeline_figure(charts.timeline_data(data, pd.DataFrame(columns=["event_id", "theme", "n_evidence"])))
    shown = {t for trace in fig.data for t in trace.text}
    assert {"RCDD", "International Seminar…", "Follow-up meeting"} <= shown


def test_long_event_names_get_rows_tall_enough_for_their_wrapped_labels() -> None:
    """An event label wrapped onto four lines needs a taller row than a one-line label, or it runs into the
    next event's (the walk's 46-event Themes page at 1024 px)."""
    def figure(name: str) -> go.Figure:
        rows = [{"event_id": f"e{i}", "event_label": f"{name} {i} (2024-03-14) · n=3", "theme": "economy",
                 "theme_label": "Digital economy", "n_sentences": 3, "event_n_sentences": 3, "share": 1.0}
                for i in range(10)]
        return charts.theme_shares_figure(pd.DataFrame(rows))
    short, long = figure("AMRI"), figure("ASEAN-Australia Counter Terrorism Workshop on Good Practices")
    lines = charts.wrap_label(long.data[0].y[0], 26).count("<br>") + 1
    assert lines >= 3
    assert (long.layout.height - short.layout.height) / 10 >= 16 * lines + 10 - 44
