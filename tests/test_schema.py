"""One schema (data_prep/data/schema.csv): the build writes exactly its columns, the codebook's column
tables are generated from it, and the dashboard reads every table it names."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from data_prep.build import INT_COLUMNS
from data_prep import codebook
from data_prep.schema import DATE_COLUMNS, FIELDS, SCHEMA, TABLES, columns_of_type

REPO = Path(__file__).resolve().parent.parent
KNOWN_SOURCES = {"shared codebook", "added in this project"}


def test_every_schema_row_is_complete_and_unique() -> None:
    assert SCHEMA and all(set(r) == set(FIELDS) for r in SCHEMA)
    blanks = [(r["table"], r["column"]) for r in SCHEMA if not all((r[f] or "").strip() for f in FIELDS)]
    assert not blanks, f"schema rows with an empty field: {blanks}"
    keys = [(r["table"], r["column"]) for r in SCHEMA]
    assert len(keys) == len(set(keys)), "a column is listed twice"
    assert {r["source"] for r in SCHEMA} <= KNOWN_SOURCES


def test_types_are_the_codebook_types() -> None:
    kinds = {r["type"].split(",")[0].strip() for r in SCHEMA}
    assert kinds <= {"str", "int", "float", "bool", "date"}
    assert all(r["type"] in (k, f"{k}, null") for r in SCHEMA for k in [r["type"].split(",")[0].strip()])


def test_date_columns_come_from_the_types() -> None:
    assert DATE_COLUMNS == {"articles": ["published_date"], "events": ["start_date", "end_date"]}


def test_int_columns_match_what_the_build_casts() -> None:
    assert columns_of_type("int") == INT_COLUMNS


def test_committed_codebook_matches_the_schema() -> None:
    text = codebook.CODEBOOK.read_text(encoding="utf-8")
    assert not codebook.drifted(text), (
        f"docs/CODEBOOK.md drifted from data_prep/data/schema.csv: {codebook.drifted(text)}; "
        "run `python -m data_prep codebook`")
    assert codebook.render(text) == text


def test_check_names_a_drifted_table_and_update_fixes_it(tmp_path: Path) -> None:
    stale = codebook.CODEBOOK.read_text(encoding="utf-8").replace("| file stem,", "| the file stem,")
    path = tmp_path / "CODEBOOK.md"
    path.write_text(stale, encoding="utf-8")
    assert codebook.drifted(stale) == ["articles"]
    check = subprocess.run([sys.executable, "-m", "data_prep", "codebook", "--check", "--file", str(path)],
                           capture_output=True, text=True, cwd=REPO)
    assert check.returncode == 1 and "articles" in check.stderr and "events" not in check.stderr
    assert path.read_text(encoding="utf-8") == stale, "--check must not write"
    fix = subprocess.run([sys.executable, "-m", "data_prep", "codebook", "--file", str(path)],
                         capture_output=True, text=True, cwd=REPO)
    assert fix.returncode == 0
    assert path.read_text(encoding="utf-8") == codebook.CODEBOOK.read_text(encoding="utf-8")


def test_a_missing_block_is_reported() -> None:
    text = codebook.CODEBOOK.read_text(encoding="utf-8")
    start = text.index("<!-- schema:themes -->")
    end = text.index("<!-- /schema:themes -->") + len("<!-- /schema:themes -->")
    assert codebook.drifted(text[:start] + text[end:]) == ["themes (no block)"]


def test_shown_codebook_has_no_markers() -> None:
    from dashboard.data import codebook_text

    shown = codebook_text()
    assert shown and "<!--" not in shown and "| article_id | str |" in shown


@pytest.mark.parametrize("name", list(TABLES))
def test_the_build_writes_exactly_the_schema_columns(build_dir: Path, name: str) -> None:
    assert list(pd.read_csv(build_dir / f"{name}.csv", nrows=0).columns) == TABLES[name]
    assert list(pd.read_parquet(build_dir / f"{name}.parquet").columns) == TABLES[name]


def test_the_build_writes_no_table_outside_the_schema(build_dir: Path) -> None:
    written = {p.stem for p in build_dir.glob("*.csv")}
    assert written == set(TABLES)


def test_the_dashboard_reads_every_schema_table(build_dir: Path) -> None:
    from dashboard.data import read_tables

    tables = read_tables(build_dir)
    assert list(tables) == list(TABLES)
    assert all(list(tables[n].columns) == cols for n, cols in TABLES.items())


def test_missing_tables_come_back_empty_with_the_schema_columns(tmp_path: Path) -> None:
    from dashboard.data import read_tables

    tables = read_tables(tmp_path)
    assert all(tables[n].empty and list(tables[n].columns) == cols for n, cols in TABLES.items())
