"""The zip download and the briefing pack say how many facts analysts corrected or confirmed
(provenance.corrections_line), checked on a real build of a copy of the seeds with real corrections
recorded through data_prep.record and applied by data_prep.build. Facts used here were read in the seeds:
the 2019 RCDD (articles 000 and 001) names Indonesia and Australia among its participants and Wakil Menteri
Luar Negeri Malaysia Marzuki Yahya speaking."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data import read_tables
from dashboard.exports import export_ui
from dashboard.exports.briefing_plan import plan_briefing
from dashboard.exports.provenance import corrections_line
from dashboard.exports.table_export import to_zip_bytes
from dashboard.state.filters import Filters, apply_filters
from data_prep import Correction, build, record

REPO = Path(__file__).resolve().parent.parent
RCDD = "2019-09-10-rcdd"
RCDD_ARTICLE = "000_01ad400b4e609927"
SEMINAR = "2018-07-12-international-seminar-on-digital-diplomacy"
MARZUKI = ("Dalam kesempatan yang sama, Wakil Menteri Luar Negeri Malaysia Marzuki Yahya menilai bahwa harus "
           "ada upaya bersama untuk mengatur media sosial.")


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    """The seeds built with four corrections of the RCDD: a country and a person confirmed, its venue set
    and a theme added with its sentence; a removal, which leaves no row behind, and a stale row."""
    tmp = tmp_path_factory.mktemp("corrected")
    seeds, out, fixes = tmp / "seeds", tmp / "out", tmp / "corrections.csv"
    shutil.copytree(REPO / "seeds", seeds)
    for c in (Correction("confirm-country", RCDD, RCDD_ARTICLE, "IDN", note="named as host"),
              Correction("confirm-person", RCDD, RCDD_ARTICLE, "Marzuki Yahya"),
              Correction("set", RCDD, RCDD_ARTICLE, "venue", "Gedung Pancasila", note="from the invitation"),
              Correction("add-theme", RCDD, RCDD_ARTICLE, "platform_governance", evidence=MARZUKI),
              Correction("remove-country", RCDD, RCDD_ARTICLE, "AUS"),
              Correction("remove-person", "1999-01-01-gone", "", "Nobody")):
        record(fixes, c)
    report = build(seeds, out, corrections=fixes)
    done = report["corrections"]
    assert (done["n"], done["applied"], len(done["stale"])) == (6, 5, 1)
    return read_tables(out)


def test_the_line_counts_corrected_and_confirmed_rows(corrected) -> None:
    origins = {n: corrected[n]["origin"].value_counts().to_dict()
               for n in ("events", "participants", "attendees", "evidence")}
    # what the corrections did, row by row: the venue and the theme's sentence corrected; IDN and Marzuki confirmed
    assert origins["events"].get("corrected") == 1 and origins["evidence"].get("corrected") == 1
    assert origins["participants"].get("confirmed") == 1 and origins["attendees"].get("confirmed") == 1
    assert corrections_line(corrected) == (
        "Analysts corrected 2 facts, confirmed 2 and removed 1 (the origin column says which; log: "
        "corrections.csv); every other fact is as extracted.")


def test_the_line_follows_the_filters_and_is_none_without_analysts(corrected, tables) -> None:
    assert corrections_line(apply_filters(corrected, Filters(events=(SEMINAR,)))) is None, "no correction there"
    assert corrections_line(tables) is None, "a build without corrections"
    only_people = {"attendees": corrected["attendees"], "events": corrected["events"].iloc[0:0]}
    assert corrections_line(only_people) == (
        "Analysts confirmed 1 fact (the origin column says which; log: corrections.csv); "
        "every other fact is as extracted.")
    one_fix = {"events": corrected["events"][corrected["events"]["event_id"] == RCDD]}
    assert corrections_line(one_fix).startswith("Analysts corrected 1 fact (")


def test_the_zip_readme_says_it(corrected, tables) -> None:
    f = Filters(countries=("IDN",))
    tabs = export_ui._downloadable(apply_filters(corrected, f))
    readme = export_ui.filters_readme(f)
    with zipfile.ZipFile(io.BytesIO(to_zip_bytes(tabs, "# Codebook\n", readme))) as zf:
        text = zf.read("README.md").decode()
    line = corrections_line(tabs)
    assert line and line in text
    assert text.index("## Filters used") < text.index(line) < text.index("## Files")
    with zipfile.ZipFile(io.BytesIO(to_zip_bytes(export_ui._downloadable(tables), "# Codebook\n", readme))) as zf:
        assert "Analysts" not in zf.read("README.md").decode(), "no analysts' line without corrections"


def test_the_briefing_pack_title_slide_says_it(corrected, tables) -> None:
    plan = plan_briefing(corrected, Filters(), ["timeline"], built_at="2026-01-02T03:04:05+00:00")
    title = plan.slides[0]
    line = corrections_line(corrected)
    assert title.kind == "title" and line in title.lines and line in title.notes
    assert title.lines.index(line) == next(i for i, x in enumerate(title.lines) if x.startswith("Prepared")) + 1
    # filtered to an event no analyst touched, and a build with no corrections: no such line
    seminar = plan_briefing(corrected, Filters(events=(SEMINAR,)), ["timeline"])
    assert not [x for x in seminar.slides[0].lines if x.startswith("Analysts")]
    assert not [x for x in plan_briefing(tables, Filters(), ["timeline"]).slides[0].lines if x.startswith("Analysts")]
