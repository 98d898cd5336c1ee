"""Issue 21 for the exports: the briefing pack in either language (`python -m dashboard.brief --lang id`, the
page's language on the Briefing page), the findings written in Indonesian from the same tables, quotes left
as they were said and each marked with its language; the filter descriptions, download controls, file
names and the zip's README in Bahasa Indonesia; English unchanged."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.exports import briefing, export_ui, findings, notes, provenance
from dashboard.exports.briefing_pdf import briefing_html
from dashboard.exports.table_export import to_csv_bytes, to_zip_bytes
from dashboard.state.filters import Filters, apply_filters, describe_filters, empty_reason, ignored_in_link
from tests.test_i18n import english_left, run_app, visible_texts

REPO = Path(__file__).resolve().parent.parent
IDN = Filters(countries=("IDN",))
BUILT = "2026-01-02T03:04:05+00:00"


@pytest.fixture(scope="module")
def plans(tables):
    """The same pack planned in English and in Indonesian, from the same tables."""
    out = {}
    for lang in ("en", "id"):
        with i18n.language(lang):
            out[lang] = briefing.plan_briefing(tables, IDN, built_at=BUILT)
    return out


def _slides(plan, kind: str):
    return [s for s in plan.slides if s.kind == kind]


# --- the plan: same tables, two languages -----------------------------------------------------------

def test_the_indonesian_pack_opens_with_indonesian_findings(plans) -> None:
    en, idn = plans["en"], plans["id"]
    assert [s.kind for s in en.slides] == [s.kind for s in idn.slides], "the same slides in both languages"
    assert idn.slides[0].title == "Bahan paparan diplomasi digital ASEAN"
    assert idn.slides[1].title == "Temuan"
    assert idn.slides[0].lines[0] == "Filter: Negara: Indonesia"
    assert idn.slides[0].lines[1] == "3 acara · 17 negara · 5 artikel sumber"
    texts = [f.text for f in idn.findings]
    assert texts[0] == "3 acara dalam kurun 12 Jul 2018 – 10 Sep 2019, semuanya di Jakarta, semuanya dengan tuan rumah Indonesia."
    assert texts[1].startswith("Indonesia bertemu 16 negara (9 ASEAN) dalam 3 acara yang diikutinya: Australia (3 dari 3)")
    assert "Selandia Baru" in texts[1] and "Filipina" in texts[1], "partners named as CLDR names them in Indonesian"
    assert texts[2].startswith("Siapa mewakili siapa: Retno Marsudi, Menteri Luar Negeri RI (Indonesia, 2 acara)")
    themes = next(f for f in idn.findings if f.kind == "themes")
    assert themes.text.startswith("Tema utama: Ekonomi digital menyentuh 3 dari 3 acara (100%, 8 kalimat); Pesan perdamaian")
    assert themes.source == "tabel bukti (kalimat tema, masing-masing dihitung sekali per artikel)"
    assert idn.findings[0].source.startswith("tabel acara (3 baris), dilaporkan dalam 5 artikel sumber")
    # the same numbers in both: one finding each, of the same kinds, from the same tables
    assert [f.kind for f in en.findings] == [f.kind for f in idn.findings]
    assert en.findings[0].text.startswith("3 events from 12 Jul 2018 – 10 Sep 2019")


def test_quotes_stay_as_said_and_carry_their_language(plans, tables) -> None:
    en_events, id_events = _slides(plans["en"], "event"), _slides(plans["id"], "event")
    assert en_events and len(en_events) == len(id_events)
    langs = tables["articles"].set_index("article_id")["language"]
    for e, i in zip(en_events, id_events):
        assert [q for q, _ in e.quotes] == [q for q, _ in i.quotes], "quotes are never translated"
        for (_, en_src), (_, id_src) in zip(e.quotes, i.quotes):
            aid = id_src.rsplit("(artikel ", 1)[1].rstrip(")")
            assert langs[aid] == "id"
            assert ", dalam bahasa Indonesia (artikel " in id_src
            assert ", in Indonesian (article " in en_src
    outcome = next(f for f in plans["id"].findings if f.text.startswith("Disepakati ("))
    assert outcome.text.startswith("Disepakati (RCDD, 10 Sep 2019): “Selain itu, hasil akhir ketiga")
    assert "dalam bahasa Indonesia (artikel " in outcome.source
    appendix = plans["id"].slides[-1]
    assert appendix.title == "Lampiran: bukti di balik grafik"
    assert appendix.header == ["Grafik", "Kalimat", "Sumber"]
    assert all(", dalam bahasa Indonesia (artikel " in r[2] for r in appendix.rows)
    en_rows = {(r[1], r[2].replace(", in Indonesian (article ", " (")) for r in plans["en"].slides[-1].rows}
    id_rows = {(r[1], r[2].replace(", dalam bahasa Indonesia (artikel ", " (")) for r in appendix.rows}
    assert {s for s, _ in en_rows} == {s for s, _ in id_rows}, "the same sentences, as written"
    notes_text = "\n".join(n for s in _slides(plans["id"], "chart") for n in s.notes)
    assert "Bukti di balik grafik ini (kalimat — media, tanggal, id artikel):" in notes_text
    assert ", dalam bahasa Indonesia" in notes_text


def test_the_indonesian_pack_s_tables_and_titles(plans) -> None:
    idn = plans["id"]
    events = next(s for s in idn.slides if s.kind == "table")
    assert events.title == "Acara"
    assert events.header == ["Tanggal", "Acara", "Tempat", "Tuan rumah", "Jenis", "Negara", "Tokoh", "Sumber"]
    assert {r[4] for r in events.rows} >= {"konferensi"}, "event types as the codebook names them in Indonesian"
    assert all(r[0][:4].isdigit() and r[0][4] == "-" for r in events.rows), "ISO dates in tables, both languages"
    card = _slides(idn, "event")[0]
    assert [k for k, _ in card.rows] == ["Negara (3)", "Tokoh (8)", "Disepakati", "Tema utama"]
    assert "tuan rumah Indonesia (IDN)" in card.lines[0] and "2 artikel sumber" in card.lines[0]
    charts = [s.title for s in _slides(idn, "chart")]
    assert charts == ["Acara dari waktu ke waktu", "Porsi tema per acara", "Tema utama", "Tema × negara",
                      "Negara peserta", "Tokoh disebut di setiap acara, menurut negara"]
    sources = [s for s in idn.slides if s.kind == "table"][-1]
    assert sources.title == "Artikel sumber"
    assert sources.header == ["Id artikel", "Media", "Terbit", "Judul", "Acara"]
    notes_app = next(s for s in idn.slides if s.title == "Lampiran: setiap acara dalam satu baris")
    assert notes_app.header == ["Tanggal", "Acara", "Tempat", "Tuan rumah", "Negara", "Tokoh", "Hasil", "Sumber"]
    assert any("(tuan rumah)" in r[4] for r in notes_app.rows) and any("(ketua bersama)" in r[4] for r in notes_app.rows)


def test_pdf_page_says_its_language(plans) -> None:
    with i18n.language("id"):
        html_id = briefing_html(plans["id"], [b"<svg/>"] * len(plans["id"].figures))
    assert html_id.startswith("<!doctype html><html lang='id'>")
    assert "<title>Bahan paparan diplomasi digital ASEAN</title>" in html_id
    assert "<h2>Kalimat kunci</h2>" in html_id and "Sumber: tabel acara" in html_id
    html_en = briefing_html(plans["en"], [b"<svg/>"] * len(plans["en"].figures))
    assert html_en.startswith("<!doctype html><html lang='en'>") and "<h2>Key sentences</h2>" in html_en


def test_an_empty_pack_says_why_in_indonesian(tables) -> None:
    with i18n.language("id"), pytest.raises(briefing.EmptyBriefing) as err:
        briefing.plan_briefing(tables, Filters(countries=("AUS",), date_to=date(2017, 12, 31)))
    assert str(err.value) == ("Tidak ada bahan untuk dipaparkan: Tidak ada acara yang cocok dengan rentang tanggal "
                              "(sampai 2017-12-31). Perluas atau hapus filter tersebut.")


# --- the CLI -----------------------------------------------------------------------------------------

def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard.brief", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_cli_lang_id_writes_the_pack_in_indonesian(chromium, build_dir: Path, tmp_path: Path, tables) -> None:
    from pptx import Presentation
    from pypdf import PdfReader

    pptx, pdf = tmp_path / "brief.pptx", tmp_path / "brief.pdf"
    for out in (pptx, pdf):
        r = _cli("--out", str(out), "--build", str(build_dir), "--country", "IDN", "--lang", "id", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    slides = list(Presentation(str(pptx)).slides)
    assert slides[0].shapes.title.text == "Bahan paparan diplomasi digital ASEAN"
    assert slides[1].shapes.title.text == "Temuan"
    findings_text = " ".join(sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame)
    assert "3 acara dalam kurun 12 Jul 2018 – 10 Sep 2019" in findings_text
    assert "Indonesia bertemu 16 negara" in findings_text and "Sumber: tabel acara (3 baris)" in findings_text
    event = next(s for s in slides if s.shapes.title.text == "Regional Conference on Digital Diplomacy (RCDD)")
    card = " ".join(sh.text_frame.text for sh in event.shapes if sh.has_text_frame)
    assert "Kalimat kunci" in card
    sentence = tables["events"].set_index("event_id").loc["2019-09-10-rcdd", "evidence"]
    assert f"“{sentence}”" in card, "the key sentence as it was said"
    assert "dalam bahasa Indonesia (artikel 000_01ad400b4e609927)" in card
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in PdfReader(str(pdf)).pages]
    assert pages[0].startswith("Bahan paparan diplomasi digital ASEAN")
    assert pages[1].startswith("Temuan") and "Indonesia bertemu" in pages[1]
    assert any(p.startswith("Lampiran: bukti di balik grafik") for p in pages)


def test_cli_default_language_is_english() -> None:
    from dashboard.brief import parser

    assert parser().parse_args(["--out", "x.pdf"]).lang == "en"
    assert parser().parse_args(["--out", "x.pdf", "--lang", "id"]).lang == "id"


# --- filters, provenance, downloads --------------------------------------------------------------------

def test_filter_descriptions_and_reasons_in_indonesian(tables, options) -> None:
    f = Filters(countries=("NZL", "PHL"), asean_only=True, date_from=date(2018, 1, 1))
    with i18n.language("id"):
        parts = describe_filters(f, options)
        reason = empty_reason(tables, Filters(countries=("AUS",), date_to=date(2017, 12, 31)), options)
        ignored = ignored_in_link({"country": ["XXX", "YYY"], "from": ["2020-13-01"]}, options)
    assert parts == ["Negara: Selandia Baru, Filipina", "Hanya anggota ASEAN", "Tanggal: sejak 2018-01-01"]
    assert reason == ("Tidak ada acara yang cocok dengan rentang tanggal (sampai 2017-12-31). Perluas atau hapus "
                      "filter tersebut.")
    assert ignored == ["2 negara dalam tautan tidak ada dalam data dan diabaikan: XXX, YYY.",
                       "Tanggal mulai dalam tautan (2020-13-01) bukan tanggal (YYYY-MM-DD) dan diabaikan."]
    assert describe_filters(f, options) == ["Countries: New Zealand, Philippines", "ASEAN members only",
                                            "Dates: from 2018-01-01"], "English: an open end in words"


def test_source_line_numbers_in_the_locale_s_form() -> None:
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(1234)], "outlet": "Antara", "status": "included"})
    with i18n.language("id"):
        line = provenance.source_line({"articles": arts}, BUILT)
    assert line == "Sumber: 1.234 artikel berita (Antara) · penyusunan data 2026-01-02 · Dataset diplomasi digital ASEAN"
    assert provenance.source_line({"articles": arts.head(1)}, None) == \
        "Source: 1 news article (Antara) · build unknown date · ASEAN digital diplomacy dataset"


def test_corrections_line_in_indonesian() -> None:
    t = {"events": pd.DataFrame({"origin": ["corrected", "confirmed", "confirmed", "extracted"]})}
    with i18n.language("id"):
        line = provenance.corrections_line(t)
    assert line == ("Analis mengoreksi 1 fakta dan mengonfirmasi 2 (kolom origin menunjukkan yang mana; log: "
                    "corrections.csv); fakta lainnya sesuai hasil ekstraksi.")


def test_download_names_translate_but_the_data_contract_does_not(tables) -> None:
    filtered = apply_filters(tables, IDN)
    with i18n.language("id"):
        name = briefing.briefing_filename(IDN, "pptx", date(2026, 1, 2))
        label = export_ui.table_label("notes")
        readme = export_ui.filters_readme(IDN, build_note="2026-01-02")
        table = notes.notes_table(filtered)
        zipped = to_zip_bytes({"events": filtered["events"], "notes": table}, "# Codebook\n", readme)
    assert name == "bahan-paparan_IDN_2026-01-02.pptx"
    assert briefing.briefing_filename(IDN, "pptx", date(2026, 1, 2)) == "briefing_IDN_2026-01-02.pptx"
    assert label == "catatan" and export_ui.table_label("notes") == "notes"
    assert list(table.columns) == notes.NOTES_COLUMNS, "column names are codes in every language"
    assert to_csv_bytes(table).decode("utf-8-sig").splitlines()[0] == ",".join(notes.NOTES_COLUMNS)
    assert "--lang id" in readme and readme.startswith("# Diplomasi digital ASEAN: tabel hasil filter")
    with zipfile.ZipFile(io.BytesIO(zipped)) as z:
        assert {"events.csv", "notes.csv", "tables.xlsx", "README.md"} <= set(z.namelist()), "codebook names"
        text = z.read("README.md").decode()
    assert "## Filter yang digunakan" in text and "- Negara: Indonesia" in text and "## Berkas" in text
    assert "`events.csv`, `events.parquet`: 3 baris" in text


def test_findings_are_pure_functions_of_the_language(tables, theme_labels) -> None:
    filtered = apply_filters(tables, IDN)
    with i18n.language("id"):
        first = findings.findings(tables, filtered, IDN, theme_labels)
    again = findings.findings(tables, filtered, IDN, theme_labels)
    assert first[0].text.startswith("3 acara") and again[0].text.startswith("3 events"), "no text is cached"


# --- the page -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [{}, {"country": "IDN"}, {"country": "AUS", "to": "2017-12-31"}],
                         ids=["unfiltered", "country", "empty"])
def test_briefing_page_in_indonesian(build_dir: Path, data_strings, query: dict) -> None:
    at = run_app("views/briefing.py", {"lang": "id", **query})
    texts = visible_texts(at)
    assert not english_left(texts, data_strings), english_left(texts, data_strings)
    assert any(h.value == "Data hasil filter" for h in at.subheader)
    assert any(s.label == "Tabel" for s in at.selectbox)
    if query.get("to"):
        assert any(i.value.startswith("Tidak ada bahan untuk dipaparkan. Tidak ada acara yang cocok") for i in at.info)
    else:
        pick = next(m for m in at.multiselect if m.label == "Grafik dalam bahan paparan")
        assert "Tema × negara" in pick.options
        assert any("**slide judul**" in m.value for m in at.markdown)


@pytest.fixture(scope="module")
def data_strings(tables, theme_labels) -> list[str]:
    from tests.test_i18n import data_values

    return data_values(tables, theme_labels)
