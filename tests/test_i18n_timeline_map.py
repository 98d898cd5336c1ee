"""The Timeline (with its event card and correction controls) and the Map in Bahasa Indonesia (issue 21): the
pages' own words, the card's facts (event type, roles, yes/no, support counts, country names from CLDR), the
map's legend, tooltip, static figure and text version, the Sources reader's words from dashboard.queries;
and English as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import i18n, queries
from dashboard.figures import map_figures as mf
from tests.test_i18n import data_values, english_left, headers, open_page, visible_texts



def rcdd_id(tables: dict) -> str:
    ev = tables["events"]
    return str(ev.loc[ev["event_type"] == "conference", "event_id"].iloc[0])


# --- the Timeline and its event card ------------------------------------------------------------------

def test_timeline_in_indonesian(build_dir: Path, tables: dict) -> None:
    at = open_page("views/timeline.py", {"lang": "id", "card": rcdd_id(tables)})
    assert at.title[0].value == "Lini masa"
    assert at.caption[0].value == "Setiap penanda adalah satu acara; ukurannya menunjukkan jumlah negara peserta."
    radio = at.radio(key="tl_color_by")
    assert radio.label == "Warna menurut" and list(radio.options) == ["tema utama", "jenis acara"]
    assert radio.value == "leading_theme", "the option values stay codes"
    pick = at.selectbox(key="tl_event")
    assert pick.label == "Acara" and pick.help == "Atau klik penanda pada grafik." and pick.value == rcdd_id(tables)
    assert [e.label for e in at.expander] == ["Koreksi acara ini"]

    facts = [m.value for m in at.markdown]
    assert "**Jenis**  \nkonferensi" in facts, "the event type in Indonesian"
    assert "**Tanggal**  \n10 Sep 2019" in facts and "**Tuan rumah**  \nIndonesia (IDN)" in facts
    assert any("<b>acara, tanggalnya</b>" in m for m in facts), "the facts the event's sentences support"
    assert [t.label for t in at.tabs][:2] == ["Negara (16)", "Hadirin (3)"]

    countries = next(d.value for d in at.dataframe if "role" in d.value.columns)
    row = countries.set_index("iso3")
    assert row.loc["PHL", "country"] == "Filipina" and row.loc["KOR", "country"] == "Korea Selatan"
    assert row.loc["IDN", "role"] == "Tuan rumah" and row.loc["AUS", "role"] == "Turut serta"
    assert (row.loc["IDN", "ASEAN"], row.loc["AUS", "ASEAN"]) == ("ya", "tidak")
    assert row.loc["AUS", "articles"] == "2 dari 2"
    attendees = next(d.value for d in at.dataframe if "organization" in d.value.columns)
    assert "Kamboja" in set(attendees["country"]), "an attendee's country from CLDR"


def test_timeline_english_is_unchanged(build_dir: Path, tables: dict) -> None:
    at = open_page("views/timeline.py", {"card": rcdd_id(tables)})
    assert at.title[0].value == "Timeline"
    assert list(at.radio(key="tl_color_by").options) == ["leading theme", "event type"]
    assert at.selectbox(key="tl_event").label == "Event"
    assert "**Type**  \nconference" in [m.value for m in at.markdown]
    row = next(d.value for d in at.dataframe if "role" in d.value.columns).set_index("iso3")
    assert (row.loc["PHL", "country"], row.loc["IDN", "role"], row.loc["IDN", "ASEAN"]) == (
        "Philippines", "Host", "yes")
    assert row.loc["AUS", "articles"] == "2 of 2"
    assert any("<b>the event, its date</b>" in m.value for m in at.markdown)


def test_the_correction_controls_in_indonesian(build_dir: Path, tables: dict) -> None:
    at = open_page("views/timeline.py", {"lang": "id", "card": rcdd_id(tables)})
    at.session_state["tl_fix_open"] = True   # the lazy expander, opened
    at.run()
    assert not at.exception
    tabs = [t.label for t in at.tabs]
    assert tabs[4:] == ["Tolak atau konfirmasi", "Tambah negara", "Tambah tokoh", "Tambah tema", "Ubah isian",
                        "Gabung atau pisah"]
    kind = at.radio(key="tl_fix_rc_kind")
    assert kind.label == "Jenis fakta" and list(kind.options) == ["negara", "tokoh", "tema"]
    labels = [b.label for b in at.button]
    assert {"Konfirmasi negara", "Tolak negara", "Tambahkan negara", "Terapkan", "Gabungkan"} <= set(labels)
    assert at.text_input(key="tl_who").label == "Nama Anda (disimpan bersama setiap koreksi)"
    target = at.selectbox(key="tl_fix_rc_target_country")
    assert target.label == "Negara" and "Filipina (Turut serta)" in target.options
    field = at.selectbox(key="tl_fix_sf_field")
    assert field.label == "Isian" and field.value == "name", "the option values stay the events table's columns"
    assert list(field.options)[:3] == ["nama", "tanggal mulai", "tanggal selesai"]
    country = at.selectbox(key="tl_fix_ac_iso3")
    assert country.placeholder == "Pilih negara" and "Selandia Baru" in country.options
    assert list(country.options) == sorted(country.options), "in Indonesian alphabetical order"
    # nothing of the open controls reads as English but the card's table headers (dashboard/ui.py's)
    strip = data_values(tables, {})
    left = english_left(visible_texts(at), strip)
    assert set(left) <= {"country", "role", "name", "title", "organization", "outlet", "author"}, left


def test_event_types_read_in_both_languages() -> None:
    assert queries.event_type_label("ministerial_meeting") == "ministerial meeting"
    assert queries.event_type_label(None) == "event" and queries.event_type_label("town_hall") == "town hall"
    with i18n.language("id"):
        assert [queries.event_type_label(c) for c in ("conference", "ministerial_meeting", "workshop", "summit")] == [
            "konferensi", "pertemuan tingkat menteri", "lokakarya", "konferensi tingkat tinggi"]
        assert queries.event_type_label(float("nan")) == "acara"
        for code, msgid in queries.EVENT_TYPE_LABELS.items():   # every known type has its Indonesian
            assert i18n.translations("id").gettext(msgid) != msgid or msgid in {"seminar", "forum"}, code


def test_every_seed_event_card_in_indonesian(tables: dict, theme_labels: dict) -> None:
    for event_id in tables["events"]["event_id"]:
        english = queries.event_card(tables, event_id, theme_labels)
        with i18n.language("id"):
            card = queries.event_card(tables, event_id, theme_labels)
        code = tables["events"].set_index("event_id").loc[event_id, "event_type"]
        with i18n.language("id"):
            assert card.event_type == queries.event_type_label(code)
        assert english.event_type == queries.event_type_label(code)
        assert card.event_type != english.event_type or code in {"seminar", "forum"}
        assert set(card.countries["ASEAN"]) <= {"ya", "tidak"}
        assert all(" dari " in s for s in card.countries["articles"])
        assert card.name == english.name, "an event's name is never translated"
        assert [e.sentence for e in card.event_evidence] == [e.sentence for e in english.event_evidence], \
            "evidence sentences are never translated"


# --- the Map --------------------------------------------------------------------------------------------

def test_map_in_indonesian(build_dir: Path, tables: dict) -> None:
    at = open_page("views/map.py", {"lang": "id"})
    assert at.title[0].value == "Peta"
    pick = at.selectbox(key="map_event")
    assert pick.label == "Gambar hubungan untuk satu acara" and pick.value == "(all events)"
    assert pick.options[0] == "(semua acara)"
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Arahkan kursor ke suatu negara") and "Garis batas: Natural Earth 1:50m" in c
               for c in captions)
    shaded = next(c for c in captions if c.startswith("Diarsir"))
    assert "Filipina (" in shaded and "Selandia Baru (" in shaded and "negara)" in shaded
    legend = next(m.value for m in at.markdown if "Anggota ASEAN" in m.value)
    assert "1 acara" in legend
    assert [e.label for e in at.expander] == ["Peta sebagai gambar (untuk bahan paparan)", "Negara pada peta"]
    assert headers(at)[-1] == ["kode ISO3", "negara", "jumlah acara", "nama acara", "anggota ASEAN"]
    assert not english_left(visible_texts(at), data_values(tables, {}))


def test_map_english_is_unchanged(build_dir: Path) -> None:
    at = open_page("views/map.py", {"country": "IDN"})
    assert at.title[0].value == "Map" and at.selectbox(key="map_event").options[0] == "(all events)"
    assert any(c.value == "Hover a country for its events. Drag to pan, scroll to zoom. Arcs: chosen country (dot) → "
               "each partner it met at the filtered events; hover an arc for how many events they shared. Outlines: "
               "Natural Earth 1:50m, shipped with the app." for c in at.caption)
    assert headers(at)[-1] == ["iso3", "country", "n_events", "event_names", "is_asean"]


def test_map_figures_in_indonesian(tables: dict) -> None:
    parts, events = tables["participants"], tables["events"]
    with i18n.language("id"):
        counts = mf.country_event_counts(parts, events)
        assert {"Filipina", "Selandia Baru"} <= set(counts["country"])
        assert mf.bin_for(1)[0] == "1 acara" and mf.bin_for(25)[0] == "20+ acara"
        rcdd = events.loc[events["event_type"] == "conference"].iloc[0]
        fig = mf.build_static_map_figure(counts, {"IDN", "PHL"}, "Judul", arcs=mf.event_arcs(rcdd, parts))
        names = {d.name for d in fig.data if d.name}
        assert {"Anggota ASEAN", "Tuan rumah → peserta", "1 acara"} <= names
        assert fig.layout.legend.title.text == "Acara"
        assert "Acara: %{customdata[1]}" in fig.data[-1].hovertemplate
        assert fig.layout.annotations[0].text.startswith("Garis batas: Natural Earth (domain publik)")
        deck = mf.build_deck(counts, {"IDN"})
        assert "Acara: {n_events}" in deck._tooltip["html"]
        props = {f["properties"]["iso3"]: f["properties"] for f in deck.layers[0].data["features"]}
        assert props["NZL"]["name"] == "Selandia Baru" and props["USA"]["event_names"] == "Tidak ada acara tercatat"
        assert mf.shaded_countries_text(counts.iloc[0:0]) == "Tidak ada negara yang diarsir."
        one = mf.shaded_countries_text(counts[counts["iso3"] == "PHL"])
        assert one == "Diarsir, dengan jumlah acaranya (1 negara): Filipina (2)."
    # English as it was: the outline's own name, the data's names
    deck = mf.build_deck(mf.country_event_counts(parts, events), {"IDN"})
    props = {f["properties"]["iso3"]: f["properties"] for f in deck.layers[0].data["features"]}
    assert props["USA"]["event_names"] == "No recorded events"
    assert deck._tooltip["html"] == "<b>{name}</b><br/>Events: {n_events}<br/>{event_names}"


# --- the Sources reader's words (dashboard.queries) --------------------------------------------------------

def test_reader_words_in_indonesian() -> None:
    row = {"article_id": "a01", "event_id": "e1", "language": "id", "n_words": 1234, "source_file": "a01.txt"}
    with i18n.language("id"):
        cap = queries.reader_caption_html(row, "RCDD", "timeline?card=e1")
        assert cap == ('<div>Memberitakan: <a href="timeline?card=e1" target="_self" title="Buka kartu acara ini di '
                       'Lini masa">RCDD</a> · bahasa id · 1.234 kata · berkas a01.txt</div>')
        assert "tanpa acara" in queries.reader_caption_html({**row, "event_id": None}, None, None)
        assert queries.linked_sentence_html("x") == (
            "<div><b>Kalimat tertaut:</b> “x” (ditandai kuning di bawah)</div>")
        assert "<b>Ditolak:</b> tidak ada alasan yang dicatat" in queries.rejected_reason_html(None)
        assert queries.reader_header_html({}) == ("<div><b>Tanpa judul</b><br>media tidak disebutkan · "
                                                  "tanpa nama penulis · tidak disebutkan</div>")
        legend = queries.legend_html({}, [], quote=True)
        assert all(w in legend for w in ("kalimat tertaut", "tokoh", "negara peserta", "negara yang disebut sepintas"))
        assert queries.source_label({"article_id": "x9"}) == "artikel x9"
        assert queries.cue_spans("Ekonomi digital", ["digital"], "economy")[0].label == "kata kunci “digital”"
        assert queries.article_choice_label("a01", {"outlet": "Antara"}, True).startswith("🆕 baru · a01")
    assert queries.reader_caption_html(row, "RCDD", None) == (
        "<div>Reports: RCDD · language id · 1,234 words · file a01.txt</div>")


def test_country_summary_reads_in_the_language(tables: dict) -> None:
    parts, events, people = tables["participants"], tables["events"], tables["attendees"]
    with i18n.language("id"):
        summary = queries.country_summary(parts, events, people).set_index("iso3")
    assert summary.loc["PHL", "country"] == "Filipina" and summary.loc["IDN", "ASEAN"] == "ya"
    assert "Tuan rumah" in summary.loc["IDN", "roles"], "roles never raw"
    assert list(summary["ASEAN"]).index("tidak") > list(summary["ASEAN"]).index("ya"), "members first"
    english = queries.country_summary(parts, events, people)
    assert english["ASEAN"].iloc[0] == "yes" and set(english["ASEAN"]) == {"yes", "no"}
    assert set(english["iso3"]) == set(summary.index)


@pytest.mark.parametrize("event_type", ["meeting", "seminar"])
def test_other_seed_events_show_their_type(build_dir: Path, tables: dict, event_type: str) -> None:
    ev = tables["events"]
    event_id = str(ev.loc[ev["event_type"] == event_type, "event_id"].iloc[0])
    at = open_page("views/timeline.py", {"lang": "id", "card": event_id})
    want = {"meeting": "pertemuan", "seminar": "seminar"}[event_type]
    assert f"**Jenis**  \n{want}" in [m.value for m in at.markdown]
