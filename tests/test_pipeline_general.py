"""End-to-end tests on short articles written for these tests (tests/articles/, not seeds), in
Indonesian and English, plus bad inputs made at test time. Expected facts come from reading the
articles, not from the pipeline's output."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from data_prep.build import build

ARTICLES = Path(__file__).parent / "articles"
REPO = Path(__file__).resolve().parent.parent
ASEAN_10 = {"BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"}

HANOI, BANGKOK = "id_hanoi_literasi_digital", "id_bangkok_menteri_digital"
SINGAPORE, MANILA = "en_singapore_forum", "en_manila_consular_seminar"


def _make_seeds(folder: Path) -> None:
    folder.mkdir()
    for f in ARTICLES.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    (folder / "zz_copy_of_hanoi.txt").write_bytes((ARTICLES / f"{HANOI}.txt").read_bytes())
    # An opinion piece: long enough, about digital diplomacy, but it reports no dated event.
    (folder / "opini_tanpa_acara.txt").write_text(
        "Diplomasi digital bukan lagi pilihan\n\n"
        "Di era media sosial, setiap kementerian luar negeri dituntut untuk hadir di ruang digital. "
        "Publik ingin mendapatkan informasi dengan cepat, dan diplomat harus mampu menjelaskan kebijakan "
        "luar negeri dengan bahasa yang mudah dipahami oleh warga biasa.\n\n"
        "Namun kehadiran di media sosial saja tidak cukup. Diplomat juga perlu memahami data, mengenali "
        "hoaks, dan membangun kepercayaan dengan warganet dari berbagai latar belakang.\n",
        encoding="utf-8")
    # A Windows-1252 file: an English report of a second, separate event.
    (folder / "cp1252_dili.txt").write_bytes(
        ("Dili hosts seminar on digital diplomacy\n\n"
         "DILI, May 21 - Timor-Leste’s foreign ministry hosted the Dili Seminar on Digital Diplomacy on "
         "Tuesday (May 20, 2025), attended by officials from Indonesia and Australia.\n\n"
         "Speakers said young diplomats needed training in “digital skills” to explain policy to the public, "
         "and that the café-style open sessions had drawn students from across the city.\n\n"
         "Organisers said the seminar would become an annual fixture of the ministry’s calendar.\n"
         ).encode("cp1252"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("general")
    seeds, out = root / "seeds", root / "out"
    _make_seeds(seeds)
    report = build(seeds, out)
    tables = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False, na_values=[""])
              for name in ("articles", "events", "participants", "attendees", "evidence", "articles_text")}
    return {"seeds": seeds, "out": out, "report": report, "tables": tables}


def _event_of(built, article_id: str) -> pd.Series:
    arts = built["tables"]["articles"].set_index("article_id")
    event_id = arts.loc[article_id, "event_id"]
    events = built["tables"]["events"].set_index("event_id")
    return events.loc[event_id].rename(event_id)


def _participants(built, article_id: str) -> dict[str, str]:
    ev = _event_of(built, article_id)
    p = built["tables"]["participants"]
    return dict(p.loc[p.event_id == ev.name, ["iso3", "role"]].itertuples(index=False))


def _attendees(built, article_id: str) -> pd.DataFrame:
    ev = _event_of(built, article_id)
    a = built["tables"]["attendees"]
    return a[a.event_id == ev.name].set_index("name")


def _themes(built, article_id: str) -> set[str]:
    e = built["tables"]["evidence"]
    return set(e.loc[e.article_id == article_id, "theme"])


# --- articles table -----------------------------------------------------------------------------

def test_every_file_is_accounted_for(built):
    arts = built["tables"]["articles"].set_index("article_id")
    names = sorted(p.stem for p in built["seeds"].iterdir())
    assert sorted(arts.index) == names
    included = {HANOI, BANGKOK, SINGAPORE, MANILA, "cp1252_dili"}
    assert set(arts.index[arts.status == "included"]) == included
    assert set(arts.index[arts.status == "rejected"]) == set(names) - included


def test_article_metadata(built):
    arts = built["tables"]["articles"].set_index("article_id")
    hanoi = arts.loc[HANOI]
    assert (hanoi.outlet, hanoi.author, hanoi.language) == ("kabarasean.id", "Rahmat Hidayat", "id")
    assert hanoi.published_date == "2024-03-14"
    assert hanoi.title == "Vietnam dan Jepang Pimpin Lokakarya ASEAN soal Literasi Digital di Hanoi"
    bangkok = arts.loc[BANGKOK]
    assert (bangkok.author, bangkok.published_date, bangkok.language) == ("Dewi Kartika", "2025-11-13", "id")
    manila = arts.loc[MANILA]
    assert (manila.outlet, manila.author, manila.language) == ("harbourpost.ph", "Maria Reyes", "en")
    assert manila.published_date == "2024-02-28"
    singapore = arts.loc[SINGAPORE]
    assert singapore.language == "en" and singapore.author == "James Tan"
    # The Singapore report names no outlet and its dateline has no year: both stay null.
    assert pd.isna(singapore.outlet) and pd.isna(singapore.published_date)


def test_furniture_and_bylines_are_not_in_the_text(built):
    texts = dict(built["tables"]["articles_text"][["article_id", "text"]].itertuples(index=False))
    for aid in (HANOI, MANILA):
        lines = texts[aid].split("\n\n")
        for junk in ("Sponsored", "Advertisement", "A", "Share", "Berita Lainnya"):
            assert junk not in lines, (aid, junk)
        assert not any(line.startswith(("Baca juga", "Read more", "logo", "Penulis:", "Editor:")) for line in lines)
    assert "Maria Reyes" not in texts[MANILA]
    assert "Rahmat Hidayat" not in texts[HANOI]


# --- events -------------------------------------------------------------------------------------

def test_events(built):
    hanoi = _event_of(built, HANOI)
    assert hanoi["name"] == "ASEAN-Japan Workshop on Digital Literacy"
    assert (hanoi.start_date, hanoi.city, hanoi.host_iso3, hanoi.event_type) == ("2024-03-13", "Hanoi", "VNM",
                                                                                "workshop")
    bangkok = _event_of(built, BANGKOK)
    assert bangkok["name"] == "ASEAN Ministerial Meeting on Digital Connectivity"
    assert bangkok.acronym == "AMMDC"
    assert (bangkok.start_date, bangkok.city, bangkok.host_iso3, bangkok.event_type) == (
        "2025-11-12", "Bangkok", "THA", "ministerial_meeting")
    singapore = _event_of(built, SINGAPORE)
    assert singapore["name"] == "Asia-Pacific Forum on Public Diplomacy"
    assert singapore.acronym == "APFPD"
    assert (singapore.start_date, singapore.city, singapore.host_iso3) == ("2023-10-09", "Singapore", "SGP")
    manila = _event_of(built, MANILA)
    assert manila["name"] == "Regional Seminar on Consular Services"
    assert (manila.start_date, manila.city, manila.host_iso3, manila.event_type) == ("2024-02-27", "Manila", "PHL",
                                                                                   "seminar")
    dili = _event_of(built, "cp1252_dili")
    assert dili["name"] == "Dili Seminar on Digital Diplomacy"
    assert (dili.start_date, dili.city) == ("2025-05-20", "Dili")


def test_separate_events_stay_separate(built):
    events = built["tables"]["events"]
    assert len(events) == 5
    assert set(events.n_sources) == {1}


# --- participants -------------------------------------------------------------------------------

def test_hanoi_co_chairs_and_participants(built):
    parts = _participants(built, HANOI)
    assert set(parts) == {"VNM", "JPN", "IDN", "MYS", "PHL", "THA"}
    assert parts["JPN"] == "co_chair"
    assert parts["VNM"] in ("co_chair", "host")
    assert all(parts[c] == "participant" for c in ("IDN", "MYS", "PHL", "THA"))


def test_bangkok_all_eleven_asean_members_after_timor_leste_joined(built):
    parts = _participants(built, BANGKOK)
    assert ASEAN_10 | {"TLS"} <= set(parts)
    assert parts["THA"] == "host"
    p = built["tables"]["participants"]
    rows = p[p.event_id == _event_of(built, BANGKOK).name].set_index("iso3")
    assert bool(rows.loc["TLS", "is_asean"])


def test_bangkok_passing_mention_of_korea_is_not_a_participant(built):
    # "Sebagai perbandingan, sejumlah peserta mencontohkan aturan keamanan siber yang sudah lama
    # diterapkan Korea Selatan." South Korea is an example, not a delegation.
    assert "KOR" not in _participants(built, BANGKOK)


def test_singapore_participants_exclude_passing_mention(built):
    parts = _participants(built, SINGAPORE)
    assert set(parts) == {"SGP", "AUS", "IND", "PHL", "THA"}
    assert parts["SGP"] == "host"
    mentions = pd.read_csv(built["out"] / "country_mentions.csv")
    est = mentions[(mentions.article_id == SINGAPORE) & (mentions.iso3 == "EST")]
    assert len(est) == 1 and not est.is_participant.any()


def test_manila_participants(built):
    assert _participants(built, MANILA) == {"PHL": "host", "IDN": "participant"}


def test_participant_evidence_names_the_country_sentence(built):
    p = built["tables"]["participants"]
    texts = dict(built["tables"]["articles_text"][["article_id", "text"]].itertuples(index=False))
    for row in p.itertuples():
        assert row.evidence in texts[row.article_id]


# --- attendees ----------------------------------------------------------------------------------

def test_attendees_with_titles(built):
    hanoi = _attendees(built, HANOI)
    assert set(hanoi.index) == {"Nguyen Thu Trang", "Andini Pratiwi"}
    assert hanoi.loc["Nguyen Thu Trang", "title"] == "Wakil Menteri Luar Negeri Vietnam"
    assert hanoi.loc["Nguyen Thu Trang", "iso3"] == "VNM"
    assert hanoi.loc["Andini Pratiwi", "title"] == "Direktur Diplomasi Publik Kemlu RI"
    assert hanoi.loc["Andini Pratiwi", "iso3"] == "IDN"
    bangkok = _attendees(built, BANGKOK)
    assert bangkok.loc["Prasert Chaiyaporn", "title"] == "Menteri Ekonomi Digital Thailand"
    assert bangkok.loc["Prasert Chaiyaporn", "iso3"] == "THA"
    manila = _attendees(built, MANILA)
    assert manila.loc["Arif Wicaksono", "title"] == "Indonesian Deputy Foreign Minister"
    assert manila.loc["Arif Wicaksono", "iso3"] == "IDN"
    singapore = _attendees(built, SINGAPORE)
    assert singapore.loc["Daniel Koh", "iso3"] == "SGP"
    assert "Foreign Minister" in singapore.loc["Daniel Koh", "title"]


def test_bylines_and_editors_are_not_attendees(built):
    names = set(built["tables"]["attendees"].name)
    assert not names & {"Rahmat Hidayat", "Siti Aminah", "Dewi Kartika", "Maria Reyes", "James Tan"}


def test_singapore_ambassador_is_an_attendee(built):
    singapore = _attendees(built, SINGAPORE)
    assert singapore.loc["Claire Donovan", "iso3"] == "AUS"


# --- themes and evidence ------------------------------------------------------------------------

@pytest.mark.parametrize("article_id, expected", [
    (HANOI, {"capacity_building", "digital_divide"}),
    (BANGKOK, {"digital_divide", "economy"}),
    (SINGAPORE, {"peace_messaging", "platform_governance", "capacity_building"}),
    (MANILA, {"citizen_protection", "capacity_building", "digital_divide"}),
])
def test_expected_themes(built, article_id, expected):
    assert expected <= _themes(built, article_id)


def test_every_evidence_sentence_is_verbatim_at_its_offsets(built):
    texts = dict(built["tables"]["articles_text"][["article_id", "text"]].itertuples(index=False))
    ev = built["tables"]["evidence"]
    assert len(ev) > 0
    for row in ev.itertuples():
        assert texts[row.article_id][row.char_start:row.char_end] == row.sentence
        assert texts[row.article_id][row.cue_start:row.cue_end].lower() == row.cue.lower()


def test_specific_evidence_sentence(built):
    ev = built["tables"]["evidence"]
    rows = ev[(ev.article_id == MANILA) & (ev.theme == "citizen_protection")]
    assert ("The seminar focused on how mobile apps and hotlines can help protect citizens abroad, especially "
            "migrant workers caught up in emergencies.") in set(rows.sentence)


# --- rejected files and the report ----------------------------------------------------------------

def test_rejected_files_have_clear_reasons(built):
    arts = built["tables"]["articles"].set_index("article_id")
    assert "empty" in arts.loc["empty", "reason"]
    assert "not text" in arts.loc["binary", "reason"]
    assert "unsupported file type '.pdf'" in arts.loc["report", "reason"]
    assert arts.loc["zz_copy_of_hanoi", "reason"] == f"duplicate of {HANOI}"
    assert "no event found" in arts.loc["opini_tanpa_acara", "reason"]


def test_build_report_lists_every_file(built):
    report = json.loads((built["out"] / "build_report.json").read_text(encoding="utf-8"))
    files = {f["file"]: f for f in report["files"]}
    assert set(files) == {p.name for p in built["seeds"].iterdir()}
    assert report["n_files"] == 10 and report["n_included"] == 5 and report["n_rejected"] == 5
    assert files["report.pdf"]["status"] == "rejected" and ".pdf" in files["report.pdf"]["reason"]
    assert files["empty.txt"]["reason"] == built["tables"]["articles"].set_index("article_id").loc["empty", "reason"]
    # The cp1252 file is read, with its decoding recorded as a warning naming the problem.
    assert files["cp1252_dili.txt"]["status"] == "included"
    assert any("Windows-1252" in w for w in files["cp1252_dili.txt"]["warnings"])
    assert any(w.startswith("cp1252_dili.txt:") and "not valid UTF-8" in w for w in report["warnings"])
    assert report["counts"]["events"] == 5


def test_cli_build_prints_summary(tmp_path, built):
    out = tmp_path / "cli_out"
    proc = subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(built["seeds"]),
                           "--out", str(out), "--quiet"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Read 10 files: 5 included, 5 rejected" in proc.stdout
    assert "rejected report.pdf" in proc.stdout
    assert (out / "events.csv").is_file() and (out / "build_report.json").is_file()


def test_cli_missing_seeds_folder_fails_cleanly(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(tmp_path / "nope"),
                           "--out", str(tmp_path / "o")], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 2
    assert "seeds folder not found" in proc.stderr


def test_a_named_meeting_without_any_year_is_rejected_with_a_reason_that_says_so(tmp_path):
    from data_prep.build import build
    import pandas as pd

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "no_year.txt").write_text(
        "Digital ministers meet online\n\nKUALA LUMPUR - The first ASEAN Digital Ministers Meeting (ADGMIN1) "
        "took place virtually on January 21, chaired by the Malaysian minister for communications, who said "
        "the region must build digital ecosystems together as it recovers from the pandemic and trade slows.",
        encoding="utf-8")
    build(seeds, tmp_path / "out")
    reason = pd.read_csv(tmp_path / "out" / "articles.csv")["reason"].iloc[0]
    assert "ASEAN Digital Ministers Meeting" in reason and "no date with a year" in reason
