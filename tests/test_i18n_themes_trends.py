"""Issue 21 for the Themes and Trends pages: theme names and definitions from the build's own Indonesian
columns (theme_catalog.label_id, definition_id; English where a build has none), event types, periods and
the figures' titles, axes, legends and hover text in Bahasa Indonesia, English unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data, i18n
from dashboard.figures import charts, trends
from dashboard.theme_measures import MEASURES
from data_prep.resources import read_rows
from tests.test_i18n import run_app

ECONOMY_ID = "Ekonomi digital"
PEACE_ID = "Pesan perdamaian dan penanggulangan ekstremisme"


def _headers(df_element) -> list[str]:
    config = json.loads(df_element.proto.columns or "{}")
    return [str((config.get(str(c)) or {}).get("label", c)) for c in df_element.value.columns]


# --- the data: the catalogue in two languages -------------------------------------------------------

def test_the_build_carries_the_codebook_s_indonesian_theme_columns(tables) -> None:
    cat = tables["theme_catalog"].set_index("code")
    for row in read_rows("themes"):
        assert row["label_id"] and row["definition_id"], f"{row['code']}: no Indonesian in themes.csv"
        assert cat.loc[row["code"], "label_id"] == row["label_id"]
        assert cat.loc[row["code"], "definition_id"] == row["definition_id"]


def test_theme_labels_follow_the_language(tables) -> None:
    english = data.theme_labels(tables, "en")
    indonesian = data.theme_labels(tables, "id")
    assert list(english) == list(indonesian), "same codes, same (catalogue) order"
    assert english["economy"] == "Digital economy" and indonesian["economy"] == ECONOMY_ID
    assert indonesian["peace_messaging"] == PEACE_ID
    with i18n.language("id"):   # without `lang`: the current language
        assert data.theme_labels(tables)["economy"] == ECONOMY_ID
        cat = data.theme_catalog(tables).set_index("code")
    assert cat.loc["citizen_protection", "label"] == "Pelindungan warga negara"
    assert cat.loc["economy", "definition"].startswith("kerja sama ekonomi")
    assert list(data.theme_catalog(tables, "en").columns) == ["code", "label", "definition"]
    assert data.theme_catalog(tables, "en").set_index("code").loc["economy", "label"] == "Digital economy"


def test_an_older_build_without_the_columns_reads_in_english(tables) -> None:
    """A build made before label_id/definition_id existed: read as the app reads it (the missing columns
    added empty), every label and definition falls back to the English one."""
    old = tables["theme_catalog"][["code", "label", "definition"]].copy()
    t = {**tables, "theme_catalog": data._normalise("theme_catalog", old)}
    assert data.theme_labels(t, "id") == data.theme_labels(tables, "en")
    assert data.theme_catalog(t, "id").equals(data.theme_catalog(tables, "en"))
    # one theme translated, one not (a code added to themes.csv without Indonesian yet)
    part = tables["theme_catalog"].copy()
    part.loc[part["code"] == "economy", ["label_id", "definition_id"]] = [None, ""]
    labels = data.theme_labels({**tables, "theme_catalog": part}, "id")
    assert labels["economy"] == "Digital economy" and labels["peace_messaging"] == PEACE_ID


# --- event types and periods ----------------------------------------------------------------------------

def test_event_types_read_in_the_language() -> None:
    assert charts.event_type_label("ministerial_meeting") == "ministerial meeting"
    assert charts.event_type_label(None) == "event"
    assert charts.event_type_label("town_hall") == "town hall"   # an unknown code reads as itself
    with i18n.language("id"):
        assert charts.event_type_label("conference") == "konferensi"
        assert charts.event_type_label("ministerial_meeting") == "pertemuan tingkat menteri"
        assert charts.event_type_label("workshop") == "lokakarya"
        assert charts.event_type_label("") == "acara"
        assert charts.event_type_label("town_hall") == "town hall"


def test_periods_read_in_the_language() -> None:
    q, m = pd.Period("2019Q3", freq="Q"), pd.Period("2019-08", freq="M")
    assert (trends.period_label(q, "quarter"), trends.period_label(m, "month")) == ("2019 Q3", "Aug 2019")
    with i18n.language("id"):
        assert (trends.period_label(q, "quarter"), trends.period_label(m, "month")) == ("K3 2019", "Agu 2019")
        assert trends.unit_name("quarter") == "kuartal"


# --- the figures ---------------------------------------------------------------------------------------

def test_theme_figures_in_indonesian(tables) -> None:
    ev, evi, arts = tables["events"], tables["evidence"], tables["articles"]
    with i18n.language("id"):
        labels = data.theme_labels(tables)
        totals = charts.theme_totals(ev, evi, arts, labels, "n_events")
        fig = charts.theme_totals_figure(totals, "n_events")
        assert fig.layout.xaxis.title.text == "acara yang menyentuh tema"
        assert ECONOMY_ID in list(fig.data[0].y)
        assert "acara menyentuhnya" in fig.data[0].hovertemplate and "%{customdata[0]}" in fig.data[0].hovertemplate
        assert all(" acara · " in t for t in fig.data[0].text)
        sentences = charts.theme_totals(ev, evi, arts, labels, "n_sentences")
        assert all(" kalimat dalam " in t for t in sentences["text"])
        shares = charts.theme_shares_figure(charts.theme_share_data(ev, evi, arts, labels), list(labels))
        assert shares.layout.xaxis.title.text == "porsi dari n kalimat tema setiap acara"
        assert PEACE_ID in {t.name for t in shares.data}
        matrix = charts.theme_country_matrix(tables["participants"], evi, arts, labels)
        heat = charts.theme_country_heatmap(matrix)
        assert ECONOMY_ID in matrix.index
        if "PHL" in set(tables["participants"]["iso3"]):
            assert "Filipina" in matrix.columns   # CLDR's name, not the data's English one
        assert heat.data[0].colorbar.title.text == "kalimat (sekali per artikel)"
        assert charts.theme_totals_figure(totals.iloc[:0], "n_events").layout.annotations[0].text == \
            "Tidak ada bukti tema untuk acara-acara ini."
    english = charts.theme_totals_figure(charts.theme_totals(ev, evi, arts, data.theme_labels(tables, "en")))
    assert english.layout.xaxis.title.text == MEASURES["n_events"] == "events touching the theme"


def test_trend_figures_in_indonesian(tables) -> None:
    ev, evi, arts = tables["events"], tables["evidence"], tables["articles"]
    with i18n.language("id"):
        labels = data.theme_labels(tables)
        per_type = trends.events_per_period_figure(trends.events_per_period(ev, "quarter"), "quarter")
        assert per_type.layout.yaxis.title.text == "acara per kuartal"
        assert {t.name for t in per_type.data} >= {"konferensi", "seminar"}
        assert all("%{y} acara" in t.hovertemplate for t in per_type.data)
        assert all(t.startswith("K") for t in per_type.layout.xaxis.ticktext)
        share = trends.theme_share_figure(trends.theme_share_per_period(ev, evi, arts, labels, "year"), "year")
        assert share.layout.yaxis.title.text == "porsi acara dalam tahun itu"
        assert "kurang dari 5 acara" in share.layout.title.subtitle.text
        assert any(ECONOMY_ID in t.name for t in share.data)
        partners = trends.partners_per_period(tables["participants"], ev, "IDN", "year", top=2)
        assert partners["partner"].iloc[-1].startswith("lainnya (") and partners["partner"].iloc[-1].endswith(" negara)")
        heat = trends.partners_per_period_figure(partners, "Indonesia", "year")
        assert heat.data[0].colorbar.title.text == "acara<br>bersama"
        assert "acara Indonesia" in heat.data[0].hovertemplate
        empty = trends.partners_per_period_figure(partners.iloc[:0], "Filipina", "year")
        assert empty.layout.annotations[0].text.startswith("Tidak ada mitra: di sini Filipina")
    english = trends.events_per_period_figure(trends.events_per_period(ev, "year"), "year")
    assert english.layout.yaxis.title.text == "events per year"
    assert "%{y} events" in english.data[0].hovertemplate


def test_timeline_figure_names_lanes_and_dates_in_indonesian(tables) -> None:
    with i18n.language("id"):
        d = charts.timeline_data(tables["events"], tables["themes"], data.theme_labels(tables))
        fig = charts.timeline_figure(d, color_by="event_type")
        assert "konferensi" in {t.name for t in fig.data}
        assert all("negara" in t.hovertemplate and "%{customdata[4]}" in t.hovertemplate for t in fig.data)
        dates = {row[4] for t in fig.data for row in t.customdata}
        assert "10 Sep 2019" in dates   # the RCDD, in CLDR's Indonesian form
        by_theme = charts.timeline_figure(d, color_by="leading_theme")
        assert any(t.name in data.theme_labels(tables).values() for t in by_theme.data)
    english = charts.timeline_figure(charts.timeline_data(tables["events"], tables["themes"]), color_by="event_type")
    assert "%{x|%d %b %Y}" in english.data[0].hovertemplate and "conference" in {t.name for t in english.data}


# --- the pages ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def themes_id(build_dir: Path):
    return run_app("views/themes.py", {"lang": "id"})


def test_the_themes_page_in_indonesian(themes_id, tables) -> None:
    at = themes_id
    assert at.title[0].value == "Tema"
    subheaders = [s.value for s in at.subheader]
    assert {"Seberapa sering setiap tema muncul", "Porsi tema per acara", "Tema × negara",
            "Bukti di balik suatu tema"} <= set(subheaders)
    assert [e.label for e in at.expander][:2] == ["Arti setiap tema", "Cara angka-angka ini dihitung"]
    catalogue = next(df for df in at.dataframe if "what counts" in df.value.columns)
    assert _headers(catalogue) == ["kode", "tema", "yang termasuk"]
    assert ECONOMY_ID in set(catalogue.value["theme"])
    assert set(catalogue.value["what counts"]) == {r["definition_id"] for r in read_rows("themes")}
    theme = next(s for s in at.selectbox if s.key == "th_theme")
    assert theme.label == "Tema" and PEACE_ID in theme.options
    assert any(c.value.startswith("Batang: acara yang menyentuh tema, dari ") for c in at.caption)
    assert any("kalimat**" in m.value and " tentang " in m.value for m in at.markdown)


def test_the_themes_page_in_english_is_unchanged(build_dir: Path) -> None:
    """Same process, same caches: the language is part of every key, so English still reads English."""
    at = run_app("views/themes.py", {})
    catalogue = next(df for df in at.dataframe if "what counts" in df.value.columns)
    assert _headers(catalogue) == ["code", "theme", "what counts"]
    assert "Digital economy" in set(catalogue.value["theme"])
    assert "How much each theme comes up" in [s.value for s in at.subheader]
    theme = next(s for s in at.selectbox if s.key == "th_theme")
    assert "Peace messaging and countering extremism" in theme.options


def test_the_trends_page_in_indonesian(build_dir: Path, tables) -> None:
    at = run_app("views/trends.py", {"lang": "id", "country": "IDN"})
    assert at.title[0].value == "Tren"
    subheaders = [s.value for s in at.subheader]
    unit = {"year": "tahun", "quarter": "kuartal", "month": "bulan"}[trends.period_unit(tables["events"])]
    assert subheaders == [f"Acara per {unit}", f"Porsi tema per {unit}", f"Mitra per {unit}"]
    assert any(c.value.startswith(f"Acara dihitung per {unit} menurut tanggal mulainya") for c in at.caption)
    country = next(s for s in at.selectbox if str(s.key).startswith("tr_country_"))
    assert country.label == "Negara" and country.value == "IDN"
    if "PHL" in set(tables["participants"]["iso3"]):
        assert "Filipina" in country.options
    assert any("Setiap sel: acara pada" in c.value for c in at.caption)


def test_date_axes_name_their_months_in_indonesian() -> None:
    """plotly writes month names in English: in Indonesian the timeline's ticks are set from CLDR
    (October is 'Okt'), every three months over a year and a half; English keeps plotly's own ticks."""
    import plotly.graph_objects as go

    from dashboard.figures.charts import localise_date_ticks
    with i18n.language("id"):
        fig = localise_date_ticks(go.Figure(), pd.Timestamp("2018-05-20"), pd.Timestamp("2019-11-20"))
    assert list(fig.layout.xaxis.ticktext) == ["Jul 2018", "Okt 2018", "Jan 2019", "Apr 2019", "Jul 2019", "Okt 2019"]
    assert localise_date_ticks(go.Figure(), pd.Timestamp("2018-05-20"),
                               pd.Timestamp("2019-11-20")).layout.xaxis.ticktext is None
