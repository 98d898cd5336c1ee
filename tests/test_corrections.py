"""Analysts' corrections (data_prep/corrections.py) and stable event ids (data_prep/identity.py): each
action applied by a real build of the seed articles, stale rows reported, corrections surviving new
articles and rebuilds, old ids kept as aliases, the `correct` command, and incremental rebuilds.
Facts checked here were read in the seeds: the 2019 RCDD (articles 000 and 001) names Australia among
the six non-ASEAN countries attending, and Wakil Menteri Luar Negeri Malaysia Marzuki Yahya speaking."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from data_prep import build
from data_prep.__main__ import main
from data_prep.corrections import Correction, read_corrections, record
from data_prep.identity import assign_ids
from data_prep.publish import cache_dir

REPO = Path(__file__).resolve().parent.parent
RCDD = "2019-09-10-rcdd"
SEMINAR = "2018-07-12-international-seminar-on-digital-diplomacy"
MARZUKI = ("Dalam kesempatan yang sama, Wakil Menteri Luar Negeri Malaysia Marzuki Yahya menilai bahwa harus "
           "ada upaya bersama untuk mengatur media sosial.")
# A report (own words) that names a meeting and its weekday date, `Kamis (12/5)`, but no year anywhere.
NO_YEAR = (REPO / "tests" / "waiting" / "id_no_year_jakarta.txt").read_text(encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The seed articles in a fresh folder, their build, and an empty corrections file's path."""
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    shutil.copytree(REPO / "seeds", seeds)
    build(seeds, out)
    return seeds, out, tmp_path / "corrections.csv"


def tables(out: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_csv(out / f"{n}.csv", dtype=str, keep_default_na=False)
            for n in ("events", "participants", "attendees", "evidence", "themes", "articles", "event_aliases",
                      "corrections")}


def correct(seeds: Path, out: Path, fixes: Path, *args: str) -> int:
    return main(["correct", "--seeds", str(seeds), "--out", str(out), "--corrections", str(fixes), *args])


def rows(df: pd.DataFrame, event_id: str) -> pd.DataFrame:
    return df[df["event_id"] == event_id]


# --- stable ids, pure ---------------------------------------------------------------------------

def test_an_event_keeps_its_id_when_its_key_changes_and_the_new_key_opens_it():
    ids, aliases = assign_ids([("2019-09-10-regional-conference", {"a", "b", "c"})], {"2019-09-10-rcdd": {"a", "b"}}, {})
    assert ids == ["2019-09-10-rcdd"]
    assert aliases == {"2019-09-10-regional-conference": "2019-09-10-rcdd"}


def test_two_earlier_events_joined_keep_the_bigger_ones_id_and_alias_the_other():
    ids, aliases = assign_ids([("k", {"a", "b", "c"})], {"x": {"a"}, "y": {"b", "c"}}, {"old-x": "x"})
    assert ids == ["y"] and aliases == {"k": "y", "old-x": "y", "x": "y"}


def test_new_events_get_their_key_and_two_with_the_same_key_are_told_apart():
    ids, _ = assign_ids([("2020-01-01-meeting", {"a"}), ("2020-01-01-meeting", {"b"})], {}, {})
    assert ids == ["2020-01-01-meeting", "2020-01-01-meeting-2"]


def test_an_undone_merge_gives_the_event_its_own_id_back():
    ids, aliases = assign_ids([("x", {"a"}), ("y", {"b"})], {"y": {"a", "b"}}, {"x": "y"})
    assert ids == ["x", "y"] and aliases == {}


# --- each action through a real build -----------------------------------------------------------

def test_removing_and_confirming_a_country_and_adding_it_back_with_its_evidence(corpus):
    seeds, out, fixes = corpus
    before = tables(out)
    assert "AUS" in set(rows(before["participants"], RCDD)["iso3"])
    n = int(before["events"].set_index("event_id").loc[RCDD, "n_countries"])
    assert correct(seeds, out, fixes, RCDD, "remove-country", "AUS", "--note", "only named as a partner") == 0
    after = tables(out)
    assert "AUS" not in set(rows(after["participants"], RCDD)["iso3"])
    assert int(after["events"].set_index("event_id").loc[RCDD, "n_countries"]) == n - 1
    assert "AUS" in set(rows(after["participants"], SEMINAR)["iso3"]), "other events keep their rows"
    assert read_corrections(fixes)[0].note == "only named as a partner"

    sentence = ("Menlu Retno menjelaskan bahwa RCDD dihadiri oleh 10 negara ASEAN dan enam negara lainnya yakni "
                "Australia, China, Jepang, Korea Selatan, India dan Selandia Baru.")
    assert correct(seeds, out, fixes, RCDD, "add-country", "AUS", "--evidence", sentence) == 0
    assert correct(seeds, out, fixes, RCDD, "confirm-country", "JPN") == 0
    p = rows(tables(out)["participants"], RCDD).set_index("iso3")
    assert p.loc["AUS", "origin"] == "corrected" and p.loc["AUS", "article_id"] == "001_d2417da6b8d2ae78"
    assert (p.loc["JPN", "origin"], p.loc["JPN", "confidence"]) == ("confirmed", "1.0")
    assert p.loc["CHN", "origin"] == "extracted"


def test_people_and_themes_are_removed_and_added_with_a_sentence_of_the_article(corpus):
    seeds, out, fixes = corpus
    assert correct(seeds, out, fixes, RCDD, "remove-person", "Marzuki Yahya") == 0
    assert correct(seeds, out, fixes, RCDD, "add-person", "Marzuki Yahya", "--title", "Wakil Menteri Luar Negeri",
                   "--country", "MYS", "--evidence", MARZUKI) == 0
    assert correct(seeds, out, fixes, RCDD, "remove-theme", "capacity_building") == 0
    t = tables(out)
    person = rows(t["attendees"], RCDD).set_index("name").loc["Marzuki Yahya"]
    assert (person["title"], person["iso3"], person["origin"]) == ("Wakil Menteri Luar Negeri", "MYS", "corrected")
    assert "capacity_building" not in set(rows(t["evidence"], RCDD)["theme"])
    assert "capacity_building" not in set(rows(t["themes"], RCDD)["theme"])
    shares = rows(t["themes"], RCDD)["share"].astype(float)
    assert shares.sum() == pytest.approx(1.0, abs=1e-3), "shares are recomputed without the removed theme"

    assert correct(seeds, out, fixes, RCDD, "add-theme", "capacity_building", "--evidence", MARZUKI) == 0
    ev = rows(tables(out)["evidence"], RCDD)
    added = ev[(ev["theme"] == "capacity_building")]
    assert len(added) == 1 and added.iloc[0]["origin"] == "corrected"
    text = pd.read_csv(out / "articles_text.csv").set_index("article_id").loc[added.iloc[0]["article_id"], "text"]
    assert text[int(added.iloc[0]["char_start"]):int(added.iloc[0]["char_end"])] == MARZUKI


def test_setting_fields_keeps_the_id_and_a_new_host_gets_a_host_row(corpus):
    seeds, out, fixes = corpus
    for field, value in (("name", "Regional Conference on Digital Diplomacy 2019"), ("city", "Bandung"),
                         ("start_date", "2019-09-09"), ("venue", "Gedung Sate"), ("host_iso3", "MYS")):
        assert correct(seeds, out, fixes, RCDD, "set", field, value) == 0
    e = tables(out)["events"].set_index("event_id").loc[RCDD]
    assert (e["name"], e["city"], e["start_date"], e["venue"], e["host_iso3"], e["origin"]) == (
        "Regional Conference on Digital Diplomacy 2019", "Bandung", "2019-09-09", "Gedung Sate", "MYS", "corrected")
    assert e["lon"] == "", "Bandung is not in Malaysia: no point on the host's map"
    roles = rows(tables(out)["participants"], RCDD).set_index("iso3")["role"]
    assert roles["MYS"] == "host" and roles["IDN"] == "participant"


def test_merge_then_split_in_file_order_and_the_old_id_opens_the_merged_event(corpus):
    seeds, out, fixes = corpus
    assert correct(seeds, out, fixes, SEMINAR, "merge-into", RCDD) == 0
    t = tables(out)
    assert SEMINAR not in set(t["events"]["event_id"])
    assert dict(zip(t["event_aliases"]["alias"], t["event_aliases"]["event_id"]))[SEMINAR] == RCDD
    assert int(t["events"].set_index("event_id").loc[RCDD, "n_sources"]) == 4
    assert correct(seeds, out, fixes, SEMINAR, "remove-country", "DNK") == 0, "an alias names the event"
    assert "DNK" not in set(rows(tables(out)["participants"], RCDD)["iso3"])
    assert correct(seeds, out, fixes, RCDD, "split-article", "004_42897efdcd0646c3") == 0
    a = tables(out)["articles"].set_index("article_id")["event_id"]
    assert a["003_eebaebe9d4463690"] == RCDD and a["004_42897efdcd0646c3"] != RCDD
    # the split-out English report of the 2018 seminar takes back the seminar's own key
    assert a["004_42897efdcd0646c3"] == SEMINAR and SEMINAR not in set(tables(out)["event_aliases"]["alias"])


def test_a_year_less_report_becomes_an_event_when_its_date_is_set(corpus):
    seeds, out, fixes = corpus
    (seeds / "no_year.txt").write_text(NO_YEAR, encoding="utf-8")
    build(seeds, out, corrections=fixes)
    art = tables(out)["articles"].set_index("article_id").loc["no_year"]
    assert art["status"] == "rejected" and "gives no date with a year" in art["reason"]
    assert "no_year" in set(pd.read_csv(out / "articles_text.csv")["article_id"]), "a rejected text can be read"
    assert correct(seeds, out, fixes, "-", "set-article-date", "no_year", "2022-05-12") == 0
    t = tables(out)
    eid = t["articles"].set_index("article_id").loc["no_year", "event_id"]
    assert eid.startswith("2022-05-12-") and t["events"].set_index("event_id").loc[eid, "city"] == "Jakarta"


def test_stale_corrections_are_reported_never_dropped(corpus):
    seeds, out, fixes = corpus
    for c in (Correction("remove-country", RCDD, "000_01ad400b4e609927", "FRA"),
              Correction("remove-person", "1999-01-01-gone", "", "Nobody"),
              Correction("add-theme", RCDD, "000_01ad400b4e609927", "economy", evidence="Not in any article.")):
        record(fixes, c)
    report = build(seeds, out, corrections=fixes)
    stale = {r["target"]: r["detail"] for r in report["corrections"]["stale"]}
    assert stale == {"FRA": f"FRA is not a participant of {RCDD}", "Nobody": "event 1999-01-01-gone is not in this build",
                     "economy": f"the evidence “Not in any article.” is in none of the articles of {RCDD}"}
    assert list(tables(out)["corrections"]["status"]) == ["stale"] * 3
    assert sum("is stale" in w for w in report["warnings"]) == 3


def test_corrections_survive_a_new_article_and_a_fresh_build(corpus):
    """A new report of the RCDD joins it; the correction still applies, also in a build into an empty
    folder (found again through the event's first article)."""
    seeds, out, fixes = corpus
    assert correct(seeds, out, fixes, RCDD, "remove-country", "AUS") == 0
    shutil.copy(REPO / "tests" / "dev_corpus" / "articles" / "04_srm_ct_jakarta_working_group.txt", seeds)
    assert main(["add", str(REPO / "tests" / "articles" / "en_singapore_forum.txt"), "--seeds", str(seeds),
                 "--out", str(out), "--corrections", str(fixes)]) == 0
    assert "AUS" not in set(rows(tables(out)["participants"], RCDD)["iso3"])
    fresh = out.parent / "fresh"
    build(seeds, fresh, corrections=fixes)
    assert "AUS" not in set(rows(tables(fresh)["participants"], RCDD)["iso3"])
    assert tables(fresh)["corrections"]["status"].tolist() == ["applied"]


def test_correct_refuses_what_cannot_apply_and_records_nothing(corpus, capsys):
    seeds, out, fixes = corpus
    assert correct(seeds, out, fixes, RCDD, "remove-country", "XYZ") == 2
    assert correct(seeds, out, fixes, RCDD, "add-person", "Jane Roe", "--evidence", "A sentence nobody wrote.") == 2
    assert correct(seeds, out, fixes, "2030-01-01-nothing", "remove-theme", "economy") == 2
    assert correct(seeds, out, fixes, RCDD, "set", "tagline", "x") == 2
    assert correct(seeds, out, fixes, RCDD, "set", "start_date", "9999-12-31") == 2
    err = capsys.readouterr().err
    assert "'XYZ' is not an ISO 3166-1 alpha-3 country code" in err
    assert "the evidence is not a sentence of any article of 2019-09-10-rcdd" in err
    assert "no event '2030-01-01-nothing' in the build" in err and "cannot set 'tagline'" in err
    assert "9999-12-31 is outside the years an event may have" in err
    assert not fixes.exists()


def test_a_malformed_corrections_file_stops_the_build_with_its_line(corpus):
    seeds, out, fixes = corpus
    fixes.write_text("action,event_id,target\nremove-county,x,AUS\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"corrections.csv, line 2: unknown action 'remove-county'"):
        build(seeds, out, corrections=fixes)


# --- incremental rebuilds -----------------------------------------------------------------------

def test_a_rebuild_extracts_only_new_or_changed_articles_with_identical_tables(corpus):
    seeds, out, fixes = corpus
    first = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    again = build(seeds, out)
    assert again["extracted"] == {"articles": 0, "from_cache": 5, "on": "this process"}
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == first
    (seeds / "new.txt").write_bytes((REPO / "tests" / "articles" / "en_singapore_forum.txt").read_bytes())
    assert build(seeds, out)["extracted"] == {"articles": 1, "from_cache": 5, "on": "this process"}
    (seeds / "new.txt").unlink()
    assert build(seeds, out)["extracted"] == {"articles": 0, "from_cache": 5, "on": "this process"}
    assert len(list(cache_dir(out).glob("*.pickle"))) == 5, "entries no file uses are pruned"
    full = build(seeds, out, incremental=False)
    assert full["extracted"]["from_cache"] == 0
    assert json.loads((out / "build_report.json").read_text())["counts"] == again["counts"]
