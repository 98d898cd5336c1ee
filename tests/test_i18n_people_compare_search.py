"""People and organisations, Compare countries and Search in Bahasa Indonesia (issue 21): the pages' own words,
their tables' headers, the compare and partner figures' titles, axes, legends and hover text, country names
from CLDR, numbers in the locale's form; and English as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard import i18n, search_ui
from dashboard.figures import compare, partners
from data_prep import Hit
from tests.test_i18n import data_values, english_left, headers, open_page, run_app, visible_texts




def legend_names() -> set[str]:
    """The member/other legend in the current language (the msgid is shared with the map and charts)."""
    names = {i18n._("ASEAN member"), i18n._("other country")}
    assert names.isdisjoint({"ASEAN member", "other country"}) and "negara lain" in names
    return names


@pytest.fixture(scope="module")
def strings(build_dir: Path, tables: dict, theme_labels: dict) -> list[str]:
    return data_values(tables, theme_labels)


# --- the pages -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [{}, {"country": "IDN"}], ids=["unfiltered", "country"])
def test_people_page_in_indonesian(build_dir: Path, strings, query: dict) -> None:
    at = run_app("views/people.py", {"lang": "id", **query})
    assert [t.value for t in at.title] == ["Tokoh dan organisasi"]
    assert [s.value for s in at.subheader] == ["Tokoh disebut per acara", "Tokoh", "Negara", "Organisasi"]
    people, countries, orgs = headers(at)
    assert people == ["nama", "jabatan", "organisasi", "negara", "jumlah acara", "acara"]
    assert countries == ["negara", "kode ISO3", "ASEAN", "jumlah acara", "peran", "acara", "tokoh"]
    assert orgs == ["organisasi", "tokoh", "acara"]
    assert not english_left(visible_texts(at), strings)


def test_people_page_in_english_is_unchanged(build_dir: Path) -> None:
    at = run_app("views/people.py")
    assert [t.value for t in at.title] == ["People and organisations"]
    assert [s.value for s in at.subheader] == ["People named per event", "People", "Countries", "Organisations"]
    assert headers(at)[0] == ["name", "titles", "organizations", "country", "n_events", "events"]


def test_compare_page_in_indonesian(build_dir: Path, strings) -> None:
    at = open_page("views/compare.py", {"lang": "id", "compare": ["IDN", "AUS", "DNK"]})
    assert [t.value for t in at.title] == ["Bandingkan negara"]
    assert [m.label for m in at.metric] == ["Indonesia", "Australia", "Denmark"]
    assert [m.value for m in at.metric] == ["3 acara", "3 acara", "1 acara"]
    assert at.metric[2].help == "0 tanpa negara pilihan lainnya."
    picker = at.multiselect(key="cmp_countries")
    assert picker.label == "Negara yang dibandingkan" and picker.value == ["IDN", "AUS", "DNK"]
    assert {"Filipina", "Selandia Baru", "Singapura"} <= set(picker.options)   # CLDR names, not the data's
    assert [s.value for s in at.subheader] == [
        "Acara yang diikuti masing-masing, dan yang diikuti bersama", "Mitra masing-masing", "Profil tema",
        "Siapa mewakili masing-masing", "Siapa bertemu siapa: jaringan kehadiran bersama"]
    assert any(m.value.startswith("**1** dari 3 acara hasil filter") and "Indonesia dan Australia dan Denmark"
               in m.value for m in at.markdown)
    tables = headers(at)
    assert tables[0] == ["ID acara", "tanggal", "nama", "Indonesia", "Australia", "Denmark"]
    assert tables[1] == ["negara", "acara", "porsi"]                                  # Indonesia's partners
    assert tables[4] == ["nama", "jabatan", "organisasi", "jumlah acara", "acara"]   # who represented Indonesia
    idn_partners = set(at.dataframe[1].value["country"])
    assert "Singapura" in idn_partners and "Singapore" not in idn_partners
    assert not english_left(visible_texts(at), strings)


def test_compare_page_asks_in_indonesian_and_english_after_it_is_english(build_dir: Path, strings) -> None:
    at = open_page("views/compare.py", {"lang": "id"})
    assert any(i.value.startswith("Pilih dua sampai empat negara di atas") for i in at.info)
    assert not english_left(visible_texts(at), strings)
    # the same countries in English after Indonesian: nothing Indonesian is served from a cache
    at = open_page("views/compare.py", {"compare": ["IDN", "AUS", "DNK"]})
    assert [m.value for m in at.metric] == ["3 events", "3 events", "1 event"]
    assert at.metric[2].help == "0 without any other chosen country."
    assert headers(at)[1] == ["country", "events", "share"]
    assert "Singapore" in set(at.dataframe[1].value["country"])


def test_search_page_in_indonesian(build_dir: Path, strings) -> None:
    at = run_app("views/search.py", {"lang": "id"})
    box = at.text_input(key="sr_q")
    assert box.label == "Cari" and box.placeholder.startswith("mis. ")
    assert any(c.value.startswith("Mencari di setiap kalimat") for c in at.caption)
    box.input("melindungi").run()
    assert not at.exception
    assert [s.value for s in at.subheader] and re.fullmatch(r"[\d.]+ kalimat", at.subheader[0].value)
    hits = [m.value for m in at.markdown if "baca di artikel" in m.value]
    assert hits and all("Acara: " in h and " · sumber: " in h for h in hits)
    assert 'title="Buka artikel di halaman Sumber dengan kalimat ini disorot"' in hits[0]
    assert 'title="cocok dengan pencarian Anda"' in hits[0]
    assert not english_left(visible_texts(at), strings)
    at.text_input(key="sr_q").input("qqqzzz").run()
    assert [i.value for i in at.info] == [
        "Tidak ada kalimat yang memuat setiap kata dari “qqqzzz”. Coba lebih sedikit kata atau bentuk kata yang lain."]


def test_search_page_with_a_filter_says_so_in_indonesian(build_dir: Path) -> None:
    at = run_app("views/search.py", {"lang": "id", "country": "DNK"})
    at.text_input(key="sr_q").input("qqqzzz").run()
    assert any("dalam acara hasil filter" in i.value for i in at.info)


# --- the figures ----------------------------------------------------------------------------------------

def test_compare_figures_in_indonesian(tables: dict, theme_labels: dict) -> None:
    p, ev = tables["participants"], tables["events"]
    with i18n.language("id"):
        names = {c: i18n.country_name(c) for c in ("IDN", "AUS", "DNK", "NZL")}
        s = compare.shared_events(p, ev, ["IDN", "NZL"])
        combos = compare.combination_counts(s, names)
        assert "hanya Indonesia" in set(combos["combination"])
        fig = compare.shared_events_figure(combos)
        assert fig.layout.title.text == "Acara yang diikuti setiap negara, sendiri atau bersama"
        assert fig.layout.xaxis.title.text == "acara"
        assert {t.name for t in fig.data} <= {"bersama", "satu negara saja"}
        assert all("acara<br>" in t.hovertemplate for t in fig.data)
        big = pd.DataFrame({"combination": ["Indonesia"], "countries": [("IDN",)], "n_events": [1234],
                            "events": ["x"]})
        assert list(compare.shared_events_figure(big).data[0].text) == ["1.234"]   # the locale's grouping

        prof = compare.theme_profiles(ev, tables["evidence"], tables["articles"], p, ["IDN", "NZL"], theme_labels)
        fig = compare.theme_profile_figure(prof)
        assert fig.layout.title.text == "Profil tema: porsi acara setiap negara yang menyentuh setiap tema"
        assert fig.layout.xaxis.title.text == "porsi acaranya"
        assert [t.name for t in fig.data] == ["Indonesia (n=3 acara)", "Selandia Baru (n=2 acara)"]
        assert " dari %{customdata[1]} acara (%{x:.0%})" in fig.data[1].hovertemplate
        assert fig.data[1].hovertemplate.startswith("<b>Selandia Baru</b>")
        assert compare.theme_profile_figure(prof.iloc[0:0]).layout.annotations[0].text == \
            "Tidak ada bukti tema untuk acara negara pilihan."

        net = compare.co_attendance_network(p, ev, max_nodes=5)
        fig = compare.network_figure(net, ["IDN"])
        assert fig.layout.title.text.startswith("Siapa bertemu siapa: negara dalam acara hasil filter")
        assert {t.name for t in fig.data if t.mode == "markers+text"} == legend_names()
        hover = next(t for t in fig.data if t.hovertext is not None)
        assert "<b>Indonesia</b> dan <b>Australia</b>: 3 acara bersama" in hover.hovertext
        assert fig.layout.annotations[0].text.endswith("lainnya tidak digambarkan.")
        everyone = compare.network_figure(compare.co_attendance_network(p, ev), ["IDN"])
        shown = {x for t in everyone.data if t.mode == "markers+text" for x in t.text}
        assert {"Filipina", "Selandia Baru", "Tiongkok"} <= shown and "Philippines" not in shown

    # English as before
    fig = compare.theme_profile_figure(compare.theme_profiles(ev, tables["evidence"], tables["articles"], p,
                                                              ["IDN", "NZL"], theme_labels))
    assert [t.name for t in fig.data] == ["Indonesia (n=3 events)", "New Zealand (n=2 events)"]
    assert fig.layout.xaxis.title.text == "share of its events" and fig.layout.title.text == compare.PROFILE_TITLE


def test_partner_figures_in_indonesian(tables: dict) -> None:
    p, ev = tables["participants"], tables["events"]
    table = partners.partner_table(p, ev, ["IDN"])
    with i18n.language("id"):
        fig = partners.partners_figure(table, "Indonesia")
        assert fig.layout.xaxis.title.text == "acara bersama Indonesia"
        assert {t.name for t in fig.data} == legend_names()
        assert "%{x} acara bersama" in fig.data[0].hovertemplate
        bars = {y for t in fig.data for y in t.y}
        assert {"Filipina", "Selandia Baru"} <= bars and "Philippines" not in bars
        matrix = partners.co_attendance(p, ["IDN", "PHL", "NZL"])
        assert list(matrix.index) == ["Indonesia", "Filipina", "Selandia Baru"]
        heat = partners.co_attendance_figure(matrix)
        assert heat.data[0].colorbar.title.text == "acara"
        assert heat.data[0].hovertemplate.startswith("<b>%{y}</b> dan <b>%{x}</b>: %{z} acara bersama")
        assert partners.partners_figure(table.iloc[0:0], "x").layout.annotations[0].text.startswith("Tidak ada mitra")
        note = partners.implied_note(p.assign(role="implied_member"), ev)
        assert note.startswith("Turut dihitung di sini: anggota ASEAN yang tersirat dari 3 pertemuan badan ASEAN")
    # English as before
    assert partners.partners_figure(table, "Indonesia").layout.xaxis.title.text == "events shared with Indonesia"
    assert list(partners.co_attendance(p, ["PHL", "NZL"]).index) == ["Philippines", "New Zealand"]
    assert partners.implied_note(p.assign(role="implied_member"), ev).startswith(
        "Counted here: ASEAN members implied by 3 meetings of ASEAN bodies")


def test_a_search_hit_in_indonesian() -> None:
    hit = Hit(article_id="a1", event_id="e1", sentence="Diplomasi digital melindungi warga.", char_start=0,
              char_end=35, rank=1.0, marks=((18, 28),))
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "outlet": [None, "Antara"],
                             "published_date": [pd.Timestamp("2019-09-10"), pd.NaT], "title": ["T", None],
                             "status": ["included", "rejected"], "reason": [None, None]})
    with i18n.language("id"):
        assert search_ui.article_sources(articles)["a1"] == "media tidak diketahui · 2019-09-10 · T"
        assert search_ui.not_counted(articles) == {"a2": "tidak ada alasan yang dicatat"}
        html = search_ui.hit_html(hit, "RCDD", "Antara", "sources?article=a1", "opini")
        assert "Acara: tidak ada: tidak dihitung sebagai laporan suatu acara (opini) · sumber: Antara" in html
        assert ">baca di artikel</a>" in html and "melindungi" in html
    html = search_ui.hit_html(hit, "RCDD", "Antara", "sources?article=a1")
    assert "Event: RCDD · source: Antara" in html and ">read it in the article</a>" in html
