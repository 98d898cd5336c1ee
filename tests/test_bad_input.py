"""A corpus of bad input (issue 18): every file either builds or is rejected with a reason naming the
problem, in the build report and the command's output; the good articles always build; the command
exits 0 when some article was included. Made-up files, each a kind of input the tool will meet."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from data_prep import build
from data_prep.__main__ import main

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "tests" / "articles"
GOOD = (ARTICLES / "en_singapore_forum.txt").read_text(encoding="utf-8")
HANOI = (ARTICLES / "id_hanoi_literasi_digital.txt").read_text(encoding="utf-8")
BANGKOK = (ARTICLES / "id_bangkok_menteri_digital.txt").read_text(encoding="utf-8")
MANILA = (ARTICLES / "en_manila_consular_seminar.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("bad")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "spaces.txt").write_text(" \n\t\n   \n", encoding="utf-8")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (seeds / "latin1.txt").write_bytes((MANILA + "\nThe café next door served délégués.\n").encode("latin-1", "replace"))
    (seeds / "utf16.txt").write_bytes(BANGKOK.encode("utf-16"))   # with its BOM
    with open(seeds / "huge.txt", "w", encoding="utf-8") as fh:   # 50 MB
        fh.write(("kata " * 200 + "\n") * 50_000)
    (seeds / "scripts.html").write_text("<html><head><script>" + "var x = 1;" * 5000 + "</script></head><body>"
                                        + "<script>alert(1)</script>" * 100 + "<nav>Beranda | Politik</nav></body></html>",
                                        encoding="utf-8")
    (seeds / "no_date.txt").write_text("Forum Diplomasi Digital di Jakarta\n\n" + "Para diplomat membahas media sosial "
                                       "dan ekonomi digital di Forum Diplomasi Digital yang digelar di Jakarta. " * 6,
                                       encoding="utf-8")
    (seeds / "no_event.txt").write_text("Catatan tentang internet\n\n" + "Internet mengubah cara orang membaca "
                                        "berita dan berbicara satu sama lain setiap hari. " * 8, encoding="utf-8")
    (seeds / "duplicate.txt").write_text(GOOD, encoding="utf-8")
    (seeds / "near_duplicate.txt").write_text(GOOD.replace("Regional diplomats meet", "Diplomats of the region meet")
                                              + "\nSource: another outlet\n", encoding="utf-8")
    odd = "laporan <b>Jakarta<b> & \"é ü 中文\" ok.txt"   # spaces, HTML metacharacters, non-ASCII
    (seeds / odd).write_text(HANOI, encoding="utf-8")
    outside = root / "outside.txt"
    outside.write_text(HANOI, encoding="utf-8")
    os.symlink(outside, seeds / "link_out.txt")
    os.symlink(seeds / "a_good.txt", seeds / "link_in.txt")
    os.symlink(seeds / "gone.txt", seeds / "link_broken.txt")
    many = seeds / "many"
    many.mkdir()
    for i in range(10_000):
        (many / f"note_{i:05d}.txt").write_text(f"catatan {i}", encoding="utf-8")
    report = build(seeds, root / "out", corrections=root / "none.csv")
    arts = pd.read_csv(root / "out" / "articles.csv", keep_default_na=False).set_index("source_file")
    return {"seeds": seeds, "root": root, "report": report, "arts": arts, "odd": odd}


@pytest.mark.parametrize("file,status,reason", [
    ("a_good.txt", "included", ""),
    ("empty.txt", "rejected", "empty file"),
    ("spaces.txt", "rejected", "empty file"),
    ("binary.txt", "rejected", "binary"),
    ("huge.txt", "rejected", "too large (50."),
    ("scripts.html", "rejected", "too short to be an article (2 words"),   # only its menu is text
    ("no_date.txt", "rejected", "gives no date with a year"),
    ("no_event.txt", "rejected", "no event found"),
    ("duplicate.txt", "rejected", "duplicate of a_good"),
    ("link_out.txt", "rejected", "a link to a file outside the seeds folder"),
    ("link_in.txt", "rejected", "duplicate of a_good"),
    ("link_broken.txt", "rejected", "cannot read file"),
    ("many/note_00042.txt", "rejected", "too short to be an article"),
])
def test_each_bad_file_is_rejected_with_its_reason(bad, file, status, reason):
    row = bad["arts"].loc[file]
    assert row["status"] == status and reason in row["reason"], (row["status"], row["reason"])


def test_other_encodings_and_odd_names_build(bad):
    arts = bad["arts"]
    for name in ("utf16.txt", "latin1.txt", bad["odd"]):
        assert arts.loc[name, "status"] == "included", (name, arts.loc[name, "reason"])
    warned = {f["file"]: " ".join(f["warnings"]) for f in bad["report"]["files"]}
    assert "UTF-16" in warned["utf16.txt"] and "1252" in warned["latin1.txt"], warned
    # a report of the same meeting from another outlet, a few words changed: another source of one event
    assert arts.loc["near_duplicate.txt", "event_id"] == arts.loc["a_good.txt", "event_id"]


def test_every_file_is_in_the_report_and_none_is_lost(bad):
    files = {f["file"] for f in bad["report"]["files"]}
    on_disk = {p.relative_to(bad["seeds"]).as_posix() for p in bad["seeds"].rglob("*")
               if (p.is_file() or p.is_symlink()) and not p.is_dir()}
    assert files == on_disk and len(files) == 10_000 + 16
    assert bad["report"]["n_included"] >= 2


def test_the_command_prints_each_rejection_and_exits_0(bad, capsys):
    out = bad["root"] / "out_cli"
    assert main(["build", "--seeds", str(bad["seeds"]), "--out", str(out), "--quiet",
                 "--corrections", str(bad["root"] / "none.csv")]) == 0
    said = capsys.readouterr().out
    assert "rejected huge.txt: too large (50." in said
    assert "rejected link_out.txt: a link to a file outside the seeds folder" in said
