"""End to end over the five seeds. Every expected value below was read off the articles by hand
(quotes in the comments), not copied from the pipeline's output."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from data_prep.build import build
from data_prep.schema import TABLES

REPO = Path(__file__).resolve().parent.parent
ASEAN10 = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"}


@pytest.fixture(scope="module")
def out(build_dir: Path) -> Path:
    return build_dir


def read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)


def event_by_date(out: Path, day: str) -> pd.Series:
    events = read(out, "events")
    rows = events[events["start_date"] == day]
    assert len(rows) == 1, f"expected one event on {day}, got {rows['event_id'].tolist()}"
    return rows.iloc[0]


def countries(out: Path, event_id: str) -> dict[str, str]:
    p = read(out, "participants")
    p = p[p["event_id"] == event_id]
    return dict(zip(p["iso3"], p["role"]))


def people(out: Path, event_id: str) -> dict[str, pd.Series]:
    a = read(out, "attendees")
    return {r["name"]: r for _, r in a[a["event_id"] == event_id].iterrows()}


def test_every_table_is_written_with_the_codebook_columns(out: Path) -> None:
    for name, columns in TABLES.items():
        assert list(pd.read_csv(out / f"{name}.csv", nrows=0).columns) == columns
        assert list(pd.read_parquet(out / f"{name}.parquet").columns) == columns


def test_three_events_each_with_its_articles_merged(out: Path) -> None:
    events = read(out, "events")
    assert sorted(events["start_date"]) == ["2018-07-12", "2018-11-06", "2019-09-10"]
    articles = read(out, "articles").set_index("article_id")
    assert (articles["status"] == "included").all()
    # 003 and 004 both report the seminar of 12 July 2018; 000 and 001 both report RCDD.
    seminar = event_by_date(out, "2018-07-12")["event_id"]
    rcdd = event_by_date(out, "2019-09-10")["event_id"]
    meeting = event_by_date(out, "2018-11-06")["event_id"]
    assert articles.loc["003_eebaebe9d4463690", "event_id"] == seminar
    assert articles.loc["004_42897efdcd0646c3", "event_id"] == seminar
    assert articles.loc["000_01ad400b4e609927", "event_id"] == rcdd
    assert articles.loc["001_d2417da6b8d2ae78", "event_id"] == rcdd
    assert articles.loc["002_dc5edf585ab250e2", "event_id"] == meeting
    assert events.set_index("event_id").loc[[seminar, rcdd, meeting], "n_sources"].tolist() == ["2", "2", "1"]


def test_rcdd_2019(out: Path) -> None:
    ev = event_by_date(out, "2019-09-10")
    # "membuka secara resmi Regional Conference on Digital Diplomacy (RCDD) ... di Jakarta, Selasa (10/9/2019)"
    # "dalam pembukaan Regional Conference on Digital Diplomacy (RCDD) di Hotel Mulia, Jakarta, Selasa (10/9)"
    assert (ev["name"], ev["acronym"], ev["city"], ev["venue"]) == (
        "Regional Conference on Digital Diplomacy", "RCDD", "Jakarta", "Hotel Mulia")
    assert (ev["event_type"], ev["host_iso3"], ev["end_date"]) == ("conference", "IDN", "2019-09-10")
    # "RCDD dihadiri oleh 10 negara ASEAN dan enam negara lainnya yakni Australia, China, Jepang,
    #  Korea Selatan, India dan Selandia Baru"
    c = countries(out, ev["event_id"])
    assert set(c) == ASEAN10 | {"AUS", "CHN", "JPN", "KOR", "IND", "NZL"}
    assert c["IDN"] == "host"
    # "Mantan Duta Besar RI untuk Belanda" and "perang dagang antara Amerika Serikat-China" are mentions only.
    assert "NLD" not in c and "USA" not in c
    p = people(out, ev["event_id"])
    assert p["Retno Marsudi"]["title"] == "Menteri Luar Negeri RI" and p["Retno Marsudi"]["iso3"] == "IDN"
    # "delegasi utusan Perdana Menteri Kamboja, Chhem Kieth Rethy" / "Wakil Menteri Luar Negeri Malaysia Marzuki Yahya"
    assert p["Chhem Kieth Rethy"]["iso3"] == "KHM"
    assert (p["Marzuki Yahya"]["title"], p["Marzuki Yahya"]["iso3"]) == ("Wakil Menteri Luar Negeri Malaysia", "MYS")
    # The byline "Valerie Dante" is the author, not an attendee.
    assert "Valerie Dante" not in p
    # Retno's four uses of digital diplomacy plus the tech-giant and capacity-building passages.
    themes = set(read(out, "themes").query("event_id == @ev.event_id")["theme"])
    assert themes == {"peace_messaging", "economy", "citizen_protection", "digital_divide",
                      "platform_governance", "capacity_building"}


def test_counter_terrorism_meeting_2018(out: Path) -> None:
    ev = event_by_date(out, "2018-11-06")
    # "pertemuan sub-regional mengenai terorisme. Pertemuan ini diketuai oleh Indonesia dan Australia,
    #  dan turut diikuti oleh Malaysia, Singapura, Selandia Baru, Filipina, Brunei Darussalam, Myanmar dan Thailand."
    assert ev["city"] == "Jakarta" and ev["host_iso3"] == "IDN" and ev["event_type"] == "meeting"
    assert "terorisme" in ev["name"].lower()
    c = countries(out, ev["event_id"])
    assert c == {"IDN": "co_chair", "AUS": "co_chair", "MYS": "participant", "SGP": "participant",
                 "NZL": "participant", "PHL": "participant", "BRN": "participant", "MMR": "participant",
                 "THA": "participant"}
    p = people(out, ev["event_id"])
    # "Menkopolhukam Wiranto ... bersama dengan Menteri Dalam Negeri Australia, Peter Dutton"
    assert set(p) == {"Wiranto", "Peter Dutton"}
    assert (p["Peter Dutton"]["title"], p["Peter Dutton"]["iso3"]) == ("Menteri Dalam Negeri Australia", "AUS")
    assert p["Wiranto"]["iso3"] == "IDN"
    themes = set(read(out, "themes").query("event_id == @ev.event_id")["theme"])
    assert {"peace_messaging", "platform_governance"} <= themes


def test_digital_diplomacy_seminar_2018(out: Path) -> None:
    ev = event_by_date(out, "2018-07-12")
    # "Menlu Retno Marsudi membuka International Seminar on Digital Diplomacy, di Kementerian Luar Negeri RI"
    assert ev["name"] == "International Seminar on Digital Diplomacy"
    assert (ev["city"], ev["host_iso3"], ev["event_type"]) == ("Jakarta", "IDN", "seminar")
    # "Allaster Cox, Wakil Duta Besar Kedutaan Australia; Rasmus Abildgaard Kristensen, Duta Besar Kedutaan Denmark"
    c = countries(out, ev["event_id"])
    assert c == {"IDN": "host", "AUS": "participant", "DNK": "participant"}
    p = people(out, ev["event_id"])
    assert {"Retno Marsudi", "Allaster Cox", "Rasmus Abildgaard Kristensen", "Jovan Kurbalija",
            "Derval Usher", "Achmad Ramadhan"} <= set(p)
    assert p["Allaster Cox"]["iso3"] == "AUS" and p["Rasmus Abildgaard Kristensen"]["iso3"] == "DNK"
    assert p["Jovan Kurbalija"]["organization"] == "DiploFoundation"
    # Untitled speakers: "Menurut Shita Laksmi, ..." and "..., Daniel Oscar Baskoro mengatakan ..."
    assert {"Shita Laksmi", "Daniel Oscar Baskoro"} <= set(p)
    assert p["Shita Laksmi"]["title"] == ""
    assert "Sonya Michaella" not in p  # byline and photo credit, not an attendee
    # "Safe Travel yang berguna untuk memproteksi warga negara kami di luar negeri", "meningkatkan ekonomi",
    # "semua diplomat harus meningkatkan kapasitasnya", "Smart Embassy"
    themes = set(read(out, "themes").query("event_id == @ev.event_id")["theme"])
    assert {"citizen_protection", "economy", "capacity_building"} <= themes


def test_article_metadata(out: Path) -> None:
    a = read(out, "articles").set_index("article_id")
    assert a.loc["001_d2417da6b8d2ae78", ["outlet", "author", "published_date", "language"]].tolist() == [
        "alinea.id", "Valerie Dante", "2019-09-10", "id"]
    assert a.loc["001_d2417da6b8d2ae78", "title"] == "Menlu Retno paparkan 4 cara manfaatkan diplomasi digital"
    assert a.loc["004_42897efdcd0646c3", ["author", "published_date"]].tolist() == ["Sonya Michaella", "2018-07-12"]
    assert a.loc["002_dc5edf585ab250e2", "published_date"] == "2018-11-06"
    assert a.loc["000_01ad400b4e609927", "outlet"] == "Harakatuna.com"
    assert a.loc["003_eebaebe9d4463690", "outlet"] == "Aktual.com"
    # 000 and 003 state no publication date and 000 has no headline: null, not guessed.
    assert a.loc["000_01ad400b4e609927", ["title", "author", "published_date"]].tolist() == ["", "", ""]
    assert a.loc["003_eebaebe9d4463690", "published_date"] == ""


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("table,column", [("evidence", "sentence"), ("participants", "evidence"),
                                          ("attendees", "evidence"), ("outcomes", "sentence"),
                                          ("events", "evidence"), ("events", "date_evidence")])
def test_every_evidence_sentence_stands_verbatim_in_its_article(out: Path, table: str, column: str) -> None:
    texts = dict(pd.read_parquet(out / "articles_text.parquet").itertuples(index=False))
    raw = {p.stem: _squash(p.read_text(encoding="utf-8").replace("\u00a0", " ")) for p in (REPO / "seeds").glob("*.txt")}
    df = pd.read_parquet(out / f"{table}.parquet")
    assert len(df) > 0
    for row in df.itertuples(index=False):
        sentence, aid = getattr(row, column), row.article_id
        assert sentence in texts[aid], f"{table}.{column} not in cleaned text of {aid}: {sentence!r}"
        assert _squash(sentence) in raw[aid], f"{table}.{column} not in source file {aid}: {sentence!r}"
    if "char_start" in df.columns:
        for row in df.itertuples(index=False):
            assert texts[row.article_id][row.char_start:row.char_end] == getattr(row, column)


def test_theme_cues_lie_inside_their_sentence(out: Path) -> None:
    texts = dict(pd.read_parquet(out / "articles_text.parquet").itertuples(index=False))
    ev = pd.read_parquet(out / "evidence.parquet")
    for row in ev.itertuples(index=False):
        assert row.char_start <= row.cue_start < row.cue_end <= row.char_end
        assert texts[row.article_id][row.cue_start:row.cue_end].lower() == row.cue.lower()


def test_theme_shares_sum_to_one_per_event(out: Path) -> None:
    themes = pd.read_parquet(out / "themes.parquet")
    ev = pd.read_parquet(out / "evidence.parquet")
    for event_id, group in themes.groupby("event_id"):
        assert group["share"].sum() == pytest.approx(1.0, abs=1e-3)
        assert group["n_evidence"].sum() == (ev["event_id"] == event_id).sum()


def test_build_is_deterministic(tmp_path: Path, out: Path) -> None:
    again = tmp_path / "again"
    build(REPO / "seeds", again)
    for name in TABLES:
        assert (again / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes(), name


def test_build_report_accounts_for_every_file(out: Path) -> None:
    report = json.loads((out / "build_report.json").read_text(encoding="utf-8"))
    assert sorted(f["file"] for f in report["files"]) == sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert report["counts"]["events"] == 3 and report["n_rejected"] == 0
    assert report["run_time_s"] >= 0


def test_nothing_in_code_or_data_names_a_seed_fact() -> None:
    """Rules, cue lists and gazetteers hold general knowledge only: no seed's event, attendee or id."""
    banned = ["Regional Conference on Digital Diplomacy", "RCDD", "International Seminar on Digital Diplomacy",
              "Hotel Mulia", "Retno", "Marsudi", "Wiranto", "Dutton", "Kurbalija", "Allaster", "Chhem",
              "Marzuki", "Harakatuna", "Valerie Dante", "Sonya Michaella", "01ad400b", "d2417da6",
              "dc5edf58", "eebaebe9", "42897efd", "2019-09-10", "2018-07-12", "2018-11-06"]
    files = [p for p in (REPO / "data_prep").rglob("*") if p.is_file() and p.suffix in {".py", ".csv"}]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.name == "schema.csv":  # its `meaning` column is the codebook's prose, whose examples quote the seeds
            text = "\n".join(",".join(v for k, v in r.items() if k != "meaning")
                              for r in csv.DictReader(text.splitlines()))
        for word in banned:
            assert not re.search(re.escape(word), text), f"{path.relative_to(REPO)} names {word!r}"


def test_cli_prints_a_summary(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(REPO / "seeds"),
                          "--out", str(tmp_path / "o"), "--quiet"], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "Read 5 files: 5 included, 0 rejected" in run.stdout
    assert (tmp_path / "o" / "events.csv").exists()


def test_cli_names_a_missing_seeds_folder(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "data_prep", "build", "--seeds", str(tmp_path / "nope"),
                          "--out", str(tmp_path / "o")], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2 and "seeds folder not found" in run.stderr and "nope" in run.stderr
