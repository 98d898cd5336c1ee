"""The tables' schema, read from one data file (data/schema.csv: table, column, type, meaning, source), so
the pipeline, the dashboard, the tests and the codebook (docs/CODEBOOK.md) share a single definition."""
from __future__ import annotations

from .resources import read_rows

FIELDS = ("table", "column", "type", "meaning", "source")
SCHEMA: tuple[dict[str, str], ...] = read_rows("schema")


def _tables(rows: tuple[dict[str, str], ...]) -> dict[str, list[str]]:
    """Table name -> column names, both in the file's order (the order the build writes)."""
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["table"], []).append(r["column"])
    return out


def _date_columns(rows: tuple[dict[str, str], ...]) -> dict[str, list[str]]:
    """Table name -> its columns typed `date` (nullable or not), for tables that have any."""
    out: dict[str, list[str]] = {}
    for r in rows:
        if r["type"].split(",")[0].strip() == "date":
            out.setdefault(r["table"], []).append(r["column"])
    return out


TABLES: dict[str, list[str]] = _tables(SCHEMA)
DATE_COLUMNS: dict[str, list[str]] = _date_columns(SCHEMA)


def columns_of_type(kind: str) -> set[str]:
    """Every column name (in any table) whose type is `kind`, e.g. "int" or "bool"."""
    return {r["column"] for r in SCHEMA if r["type"].split(",")[0].strip() == kind}


def _cell(text: str) -> str:
    """A value safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def _grouped(table: str) -> list[tuple[list[str], dict[str, str]]]:
    """The table's rows, consecutive columns with the same type, meaning and source joined into one."""
    groups: list[tuple[list[str], dict[str, str]]] = []
    for r in (r for r in SCHEMA if r["table"] == table):
        same = groups and all(groups[-1][1][k] == r[k] for k in ("type", "meaning", "source"))
        if same:
            groups[-1][0].append(r["column"])
        else:
            groups.append(([r["column"]], r))
    return groups


def markdown_table(table: str) -> str:
    """The codebook's column table for one table: column, type, meaning, source."""
    lines = ["| column | type | meaning | source |", "|---|---|---|---|"]
    for cols, r in _grouped(table):
        lines.append(f"| {', '.join(cols)} | {_cell(r['type'])} | {_cell(r['meaning'])} | {r['source']} |")
    return "\n".join(lines) + "\n"
