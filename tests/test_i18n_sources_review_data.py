"""The Sources, Review and correct, and Data pages in Bahasa Indonesia (issue 21): their titles, tables'
headers, cell words of ours, the upload report and the build summary; English unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from dashboard import i18n, maintenance, review
from dashboard.i18n import _
from data_prep.intake import ALREADY_PRESENT, RENAMED, SAVED, SKIPPED
from tests.test_i18n import english_left, run_app, visible_texts

REPORT = {"built_at": "2026-01-02T03:04:05+00:00", "n_files": 1234, "n_included": 1200, "n_rejected": 34,
          "counts": {"events": 2001, "participants": 15, "attendees": 7, "evidence": 40}}
UPLOADS = [
    {"uploaded": "a.txt", "upload": SAVED, "file in seeds": "a.txt", "build": "included", "build reason": "",
     "contributed": "", "note": "saved as a.txt"},
    {"uploaded": "x.html", "upload": RENAMED, "file in seeds": "b.html", "build": "rejected",
     "build reason": "too short (5 words; need 40)", "contributed": "", "note": "saved as b.html"},
    {"uploaded": "c.txt", "upload": ALREADY_PRESENT, "file in seeds": "c.txt", "build": "included",
     "build reason": "", "contributed": "", "note": "already present as c.txt"},
    {"uploaded": "e.pdf", "upload": SKIPPED, "file in seeds": "", "build": "", "build reason": "",
     "contributed": "", "note": "unsupported file type '.pdf'"},
]


# A table without a selection is no widget, so AppTest knows no key for it: found by a column of its own.
MARKS = {"src_articles": "n_words", "src_upload_outcomes": "file in seeds", "dt_events": "host_iso3",
         "dt_attendees": "organization", "dt_articles": "sha256"}


def table(at, key: str):
    """The page's table with this key (a selectable one), or the one with its marking column."""
    found = [d for d in at.dataframe if d.key == key] or [d for d in at.dataframe if MARKS.get(key) in d.value.columns]
    assert len(found) == 1, (key, len(found))
    return found[0]


def headers(at, key: str) -> dict[str, str]:
    """A table's column -> the header a reader sees (its column_config label, else its name)."""
    df = table(at, key)
    config = json.loads(df.proto.columns or "{}")
    return {c: (config.get(str(c)) or {}).get("label") or c for c in df.value.columns}


# --- the build summary and the upload report (dashboard/maintenance.py) ------------------------------

def test_build_summary_in_both_languages() -> None:
    assert maintenance.summary(REPORT) == (
        "Built 2026-01-02T03:04:05+00:00: 1,234 files read, 1,200 included, 34 rejected; 2,001 events, "
        "15 participant rows, 7 attendees, 40 evidence sentences.")
    with i18n.language("id"):
        assert maintenance.summary(REPORT) == (
            "Disusun 2026-01-02T03:04:05+00:00: 1.234 berkas dibaca, 1.200 disertakan, 34 ditolak; 2.001 acara, "
            "15 baris peserta, 7 hadirin, 40 kalimat bukti.")
        assert maintenance.summary({}).startswith("Disusun baru saja: 0 berkas dibaca")


def test_upload_report_headers_and_statuses() -> None:
    # English: the rows' own words and keys, as before
    assert maintenance.outcomes_for_display(UPLOADS) == UPLOADS
    assert maintenance.outcome_headers() == {k: k for k in UPLOADS[0]}
    with i18n.language("id"):
        rows = maintenance.outcomes_for_display(UPLOADS)
        assert [(r["upload"], r["build"]) for r in rows] == [
            ("disimpan", "disertakan"), ("disimpan dengan nama baru", "ditolak"), ("sudah ada", "disertakan"),
            ("dilewati", "")]
        assert [r["note"] for r in rows] == [r["note"] for r in UPLOADS], "the pipeline's notes as written"
        assert maintenance.outcome_headers() == {
            "uploaded": "berkas diunggah", "upload": "unggahan", "file in seeds": "berkas di folder artikel awal",
            "build": "penyusunan data", "build reason": "alasan penyusunan data", "contributed": "sumbangan",
            "note": "catatan"}
    assert UPLOADS[0]["upload"] == SAVED, "the rows themselves are not changed"


# --- the Review page's rows (dashboard/review.py) ----------------------------------------------------

def _tables() -> dict:
    events = pd.DataFrame({"event_id": ["e1", "e2"], "name": ["Forum A", "Forum B"], "city": [None, "Jakarta"],
                           "host_iso3": [None, None], "start_date": [None, pd.Timestamp("2019-09-10")],
                           "method": ["m", "m"], "confidence": [0.5, 0.9], "evidence": ["s1", "s2"],
                           "article_id": ["a1", "a2"]})
    participants = pd.DataFrame({"event_id": ["e2"], "iso3": ["PHL"], "country": ["Philippines"],
                                 "role": ["co_chair"], "method": ["m"], "confidence": [0.7], "evidence": ["s3"],
                                 "article_id": ["a2"]})
    attendees = pd.DataFrame(columns=["event_id", "name", "title", "method", "confidence", "evidence", "article_id"])
    evidence = pd.DataFrame(columns=["event_id", "theme", "method", "confidence", "sentence", "article_id",
                                     "char_start"])
    return {"events": events, "participants": participants, "attendees": attendees, "evidence": evidence}


def test_review_rows_in_both_languages() -> None:
    t = _tables()
    assert list(review.events_missing(t)["missing"]) == ["place and host", "host"]
    q = review.fact_queue(t)
    assert set(q["fact"]) == {"Forum A · undated", "Forum B · 2019-09-10", "Philippines (Co-chair)"}
    with i18n.language("id"):
        assert list(review.events_missing(t)["missing"]) == ["tempat dan tuan rumah", "tuan rumah"]
        q = review.fact_queue(t)
        assert set(q["fact"]) == {"Forum A · tanpa tanggal", "Forum B · 2019-09-10", "Filipina (Ketua bersama)"}
        assert list(q["kind"].unique()) == ["event", "country"], "the queue keeps the codes"
        assert [review.kind_label(k) for k in ("event", "country", "person", "theme")] == [
            "acara", "negara", "tokoh", "tema"]
        assert review.origin_word("extracted") == "hasil ekstraksi" and review.origin_word("odd") == "odd"
    assert review.kind_label("country") == "country" and review.origin_word("confirmed") == "confirmed"


# --- the pages in Indonesian (AppTest) --------------------------------------------------------------

def test_sources_page_in_indonesian(build_dir: Path, tables: dict) -> None:
    at = run_app("views/sources.py", {"lang": "id"})
    assert at.title[0].value == "Sumber"
    assert [e.label for e in at.expander] == ["Tambah artikel dan susun ulang"]
    n = int((tables["articles"]["status"] == "included").sum())
    subheaders = [s.value for s in at.subheader]
    assert f"Artikel ({n})" in subheaders and "Berkas ditolak (0)" in subheaders
    assert "Tidak ada berkas yang ditolak." in [c.value for c in at.caption]
    assert at.button(key="src_rebuild").label == "Susun ulang tabel"
    assert at.selectbox(key="src_article").label == "Baca artikel"
    shown = headers(at, "src_articles")
    assert (shown["title"], shown["outlet"], shown["published_date"], shown["n_words"]) == (
        "judul artikel", "media", "terbit", "jumlah kata")
    assert shown["sha256"] == "sha256", "a code stays as written"
    # the page's own texts (the reader's header, caption and legend are dashboard/queries.py's)
    own = [t for t in visible_texts(at) if not t.startswith("<div")]
    assert not english_left(own, [str(build_dir), *tables["articles"]["title"].dropna()])


def test_sources_page_in_english_is_unchanged(build_dir: Path) -> None:
    at = run_app("views/sources.py")
    assert at.title[0].value == "Sources"
    assert [e.label for e in at.expander] == ["Add articles and rebuild"]
    shown = headers(at, "src_articles")
    assert shown["title"] == "title" and shown["published_date"] == "published" and shown["n_words"] == "n_words"


def test_sources_upload_report_in_indonesian(build_dir: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from tests.test_i18n import APP, TIMEOUT

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = "id"
    at.run()
    at.session_state["src_last_rebuild"] = {"report": REPORT, "uploads": UPLOADS}
    at.switch_page("views/sources.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value.startswith("Penyusunan ulang terakhir dalam sesi ini. Disusun ")
    report = table(at, "src_upload_outcomes")
    assert list(report.value["upload"]) == ["disimpan", "disimpan dengan nama baru", "sudah ada", "dilewati"]
    assert list(report.value["build"]) == ["disertakan", "ditolak", "disertakan", ""]
    assert headers(at, "src_upload_outcomes")["file in seeds"] == "berkas di folder artikel awal"
    assert any("“dilewati”" in c.value for c in at.caption)


def test_review_page_in_indonesian(build_dir: Path) -> None:
    at = run_app("views/review.py", {"lang": "id"})
    assert at.title[0].value == "Tinjau dan koreksi"
    subheaders = [s.value for s in at.subheader]
    assert subheaders[0] == "Menunggu satu fakta (0)" and "Fakta, yang terlemah lebih dahulu" in subheaders
    assert at.selectbox(key="rv_kind").label == "Jenis fakta"
    assert at.selectbox(key="rv_kind").options[:3] == ["Semua jenis", "acara (tabel events)",
                                                       "negara (tabel participants)"]
    assert at.selectbox(key="rv_method").options[0] == "Semua metode"
    queue = table(at, "rv_queue")
    assert set(queue.value["kind"]) <= {"acara", "negara", "tokoh", "tema"}
    assert set(queue.value["origin"]) <= {"hasil ekstraksi", "dikonfirmasi", "dikoreksi"}
    assert any(f.endswith("(Ketua bersama)") or f.endswith("(Tuan rumah)") for f in queue.value["fact"])
    assert headers(at, "rv_queue") == {
        "confidence": "tingkat keyakinan", "kind": "jenis", "fact": "fakta", "event": "acara", "method": "metode",
        "origin": "asal", "evidence": "kalimat", "article_id": "id artikel"}
    assert any(c.value.endswith("(buku kode memuat setiap metode).") and c.value.split()[1] == "fakta."
               for c in at.caption)


def test_review_page_in_english_is_unchanged(build_dir: Path) -> None:
    at = run_app("views/review.py")
    assert at.title[0].value == "Review and correct"
    assert at.selectbox(key="rv_kind").options[:2] == ["All kinds", "event (events table)"]
    queue = table(at, "rv_queue")
    assert set(queue.value["kind"]) <= {"event", "country", "person", "theme"}
    assert headers(at, "rv_queue")["evidence"] == "sentence" and headers(at, "rv_queue")["kind"] == "kind"


def test_data_page_in_indonesian(build_dir: Path, tables: dict) -> None:
    at = run_app("views/data.py", {"lang": "id"})
    n = len(tables["events"])
    tabs = [t.label for t in at.tabs]
    assert tabs[0] == f"Satu baris per acara, untuk catatan ({n})"
    assert f"acara ({n})" in tabs and tabs[-1] == "Buku kode" and tabs[-2].startswith("Log koreksi (")
    assert any(t.startswith("peserta (") for t in tabs) and any(t.startswith("hadirin (") for t in tabs)
    events = headers(at, "dt_events")
    assert (events["start_date"], events["host_iso3"], events["event_type"]) == (
        "tanggal mulai", "tuan rumah (ISO3)", "jenis acara")
    assert headers(at, "dt_attendees")["title"] == "jabatan" and headers(at, "dt_articles")["title"] == "judul artikel"
    config = json.loads(table(at, "dt_events").proto.columns)
    assert config["start_date"]["help"] == "`start_date`", "the codebook's name, in the header's help"
    assert table(at, "dt_events").value.columns[0] == "event_id", "the frame keeps the codebook's names"
    assert at.expander[0].label == "Unduh tabel hasil filter (CSV, Excel, Parquet, atau semuanya dalam satu zip)"
    assert any(c.value.startswith("Buku kode adalah rujukan teknis tabel") for c in at.caption)


def test_data_page_in_english_is_unchanged(build_dir: Path) -> None:
    at = run_app("views/data.py")
    tabs = [t.label for t in at.tabs]
    assert tabs[0].startswith("One row per event, for notes (") and tabs[-1] == "Codebook"
    assert "events (3)" in tabs
    events = headers(at, "dt_events")
    assert all(events[c] == c for c in events), "English headers are the column names, as before"
    assert not any(c.value.startswith("The codebook is the tables' technical reference") for c in at.caption)


def test_every_new_word_has_indonesian() -> None:
    """The msgids these pages show have Indonesian (the catalog's entries for them are not empty)."""
    with i18n.language("id"):
        for msgid in ("Rebuild tables", "Tables rebuilt", "Rejected files ({n})", "Codebook", "Facts, weakest first",
                      "start date", "position", "saved under a new name"):
            assert _(msgid) != msgid, msgid
