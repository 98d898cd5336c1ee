"""Table export: formula neutralisation, CSV with BOM, XLSX read back, Parquet and the zip bundle."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard.exports.table_export import (
    neutralize_formulas,
    to_csv_bytes,
    to_parquet_bytes,
    to_xlsx_bytes,
    to_zip_bytes,
)

INJECTIONS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"]


@pytest.fixture(scope="module")
def attendees() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["2019-10-08-rcdd"] * 3 + ["2019-10-08-rcdd"] * 6,
            "name": ["Retno Marsudi", "Phạm Bình Minh", "Abdul Kadir Jailani", *INJECTIONS],
            "title": ["Menteri Luar Negeri RI", "Phó Thủ tướng", None] + ["x"] * 6,
            "n_words": [-5, 0, 12, 1, 2, 3, 4, 5, 6],
            "share": [-0.25, 0.5, 1.0, 0, 0, 0, 0, 0, 0],
        }
    )


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "event_id": ["2019-10-08-rcdd"],
            "name": ["Regional Conference on Digital Diplomacy"],
            "start_date": ["2019-10-08"],
            "end_date": [dt.date(2019, 10, 9)],
            "n_countries": [12],
        }
    )


def test_neutralize_prefixes_formula_text_only(attendees: pd.DataFrame) -> None:
    out = neutralize_formulas(attendees)
    assert out["name"].tolist() == [
        "Retno Marsudi", "Phạm Bình Minh", "Abdul Kadir Jailani", *("'" + s for s in INJECTIONS)
    ]
    assert out["n_words"].tolist() == attendees["n_words"].tolist()
    assert out["share"].tolist() == [-0.25, 0.5, 1.0, 0, 0, 0, 0, 0, 0]
    assert pd.isna(out.loc[2, "title"])
    assert attendees.loc[3, "name"].startswith("=")  # input left alone


def test_csv_has_bom_roundtrips_non_ascii_and_is_neutralised(attendees: pd.DataFrame) -> None:
    raw = to_csv_bytes(attendees)
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)
    assert back.loc[0].tolist() == ["2019-10-08-rcdd", "Retno Marsudi", "Menteri Luar Negeri RI", -5, -0.25]
    assert back.loc[1, ["name", "title"]].tolist() == ["Phạm Bình Minh", "Phó Thủ tướng"]
    assert back.loc[3, "name"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert back.loc[4:6, "name"].tolist() == ["'+1", "'-2+3", "'@SUM(A1:A2)"]
    assert back["n_words"].dtype.kind == "i"


def test_xlsx_sheets_are_safe_typed_and_formatted(attendees, events) -> None:
    wb = load_workbook(io.BytesIO(to_xlsx_bytes({"events": events, "attendees": attendees})))
    assert wb.sheetnames == ["events", "attendees"]

    ws = wb["attendees"]
    assert [c.value for c in ws[1]] == ["event_id", "name", "title", "n_words", "share"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[2]] == ["2019-10-08-rcdd", "Retno Marsudi", "Menteri Luar Negeri RI", -5, -0.25]
    assert ws["D2"].data_type == "n"  # a negative number stays a number
    names = [ws.cell(row=r, column=2) for r in range(5, 11)]
    assert [c.value for c in names[:4]] == [
        "'=HYPERLINK(\"http://evil.example\",\"click\")", "'+1", "'-2+3", "'@SUM(A1:A2)"
    ]
    assert {c.data_type for c in names} == {"s"}  # no cell became a formula
    assert ws.cell(row=3, column=2).value == "Phạm Bình Minh"
    assert 12 <= ws.column_dimensions["B"].width <= 60

    ev = wb["events"]
    assert ev["C2"].value == dt.datetime(2019, 10, 8) and ev["C2"].number_format == "YYYY-MM-DD"
    assert ev["D2"].value == dt.datetime(2019, 10, 9) and ev["D2"].number_format == "YYYY-MM-DD"
    assert ev.column_dimensions["B"].width == len("Regional Conference on Digital Diplomacy") + 2


def test_parquet_keeps_original_values(attendees: pd.DataFrame) -> None:
    back = pd.read_parquet(io.BytesIO(to_parquet_bytes(attendees)))
    pd.testing.assert_frame_equal(back, attendees)


def test_zip_holds_exactly_the_listed_files(attendees, events) -> None:
    tables = {"events": events, "attendees": attendees}
    raw = to_zip_bytes(tables, "# Codebook\n", "# Export\n\nFilters: Australia, 2018-2019\n")
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        assert sorted(zf.namelist()) == sorted([
            "events.csv", "events.parquet", "attendees.csv", "attendees.parquet",
            "tables.xlsx", "CODEBOOK.md", "README.md",
        ])
        assert zf.read("CODEBOOK.md").decode() == "# Codebook\n"
        readme = zf.read("README.md").decode()
        assert readme.startswith("# Export\n\nFilters: Australia, 2018-2019\n")
        assert "- `attendees.csv`, `attendees.parquet`: 9 rows" in readme
        assert zf.read("attendees.csv") == to_csv_bytes(attendees)
        back = pd.read_parquet(io.BytesIO(zf.read("events.parquet")))
        assert back["name"].tolist() == ["Regional Conference on Digital Diplomacy"]
        assert load_workbook(io.BytesIO(zf.read("tables.xlsx"))).sheetnames == ["events", "attendees"]


def test_long_text_wraps_in_its_cell_and_short_text_does_not(build_dir) -> None:
    """The notes table pasted from Excel: a column of long cells (people, outcomes) is capped in width and
    wraps, top-aligned; a short column (the date) keeps one line."""
    from dashboard.data import read_tables
    from dashboard.exports.notes import notes_table
    notes = notes_table(read_tables(build_dir))
    ws = load_workbook(io.BytesIO(to_xlsx_bytes({"notes": notes})))["notes"]
    header = [c.value for c in ws[1]]
    wide = [c for c in notes.columns if notes[c].astype(str).str.len().max() + 2 > 60]
    assert wide, "the seeds' notes have long cells (the people, the outcomes)"
    for column in notes.columns:
        letter = ws.cell(row=1, column=header.index(column) + 1).column_letter
        cells = [ws[f"{letter}{r}"] for r in range(2, len(notes) + 2)]
        assert all(c.alignment.wrap_text for c in cells) == (column in wide), column
    assert all(ws.column_dimensions[ws.cell(row=1, column=header.index(c) + 1).column_letter].width == 60 for c in wide)
