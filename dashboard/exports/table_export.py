"""Table downloads (CSV, XLSX, Parquet, zip bundle) that open safely in Excel.

Pure Python, no Streamlit. Spreadsheet formats are neutralised against formula injection (OWASP
"CSV injection"): article text is untrusted, and a cell like `=HYPERLINK(...)` must stay text.

The tables keep their codebook names (files, Excel sheets) and column names in every language: they are the
data contract. Only the zip's README is in the interface's language (dashboard.i18n).
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from dashboard.exports.provenance import corrections_line
from dashboard.i18n import _, format_number, ngettext
from data_prep import DATE_COLUMNS

# OWASP: a cell starting with any of these may be run as a formula by a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_COL_WIDTH = 60
# Cells of a column wider than MAX_COL_WIDTH wrap (top-aligned), in sheets up to this many rows (styling each
# cell costs time: a sheet of evidence at 10^5 rows keeps one line per row)
WRAP_MAX_ROWS = 20_000
WRAP = Alignment(wrap_text=True, vertical="top")


def _neutralize(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralize_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy where text cells that a spreadsheet would read as a formula start with `'`.

    Only text is touched: numbers (negative ones included), dates and booleans are left as they are.
    """
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralize)
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV as UTF-8 with a BOM (so Excel detects the encoding), no index, formulas neutralised.

    CRLF line ends (RFC 4180) also make the writer quote any text holding a bare carriage return.
    """
    return neutralize_formulas(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_parquet_bytes(df: pd.DataFrame) -> bytes:
    """Parquet bytes with the original values and types (not a spreadsheet format, so not neutralised)."""
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()


def _for_excel(name: str, df: pd.DataFrame) -> pd.DataFrame:
    out = neutralize_formulas(df)
    for col in DATE_COLUMNS.get(name, []):
        if col in out.columns:
            # datetime.date cells get pandas' "YYYY-MM-DD" format (its openpyxl writer ignores
            # date_format/datetime_format, so Timestamps would show a time of day).
            out[col] = pd.to_datetime(out[col], errors="coerce").dt.date
    # openpyxl refuses control characters that XML cannot hold.
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
            )
    return out


def to_xlsx_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One workbook, one sheet per table: bold frozen header, fitted column widths, real date cells."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        for name, df in tables.items():
            sheet = name[:31]  # Excel's limit on sheet names
            data = _for_excel(name, df)
            data.to_excel(writer, sheet_name=sheet, index=False, freeze_panes=(1, 0))
            ws = writer.sheets[sheet]
            for i, col in enumerate(data.columns, start=1):
                ws.cell(row=1, column=i).font = Font(bold=True)
                longest = max(
                    [len(str(col))] + [len(str(v)) for v in data[col].head(500) if pd.notna(v)]
                )
                ws.column_dimensions[get_column_letter(i)].width = min(longest + 2, MAX_COL_WIDTH)
                if longest + 2 > MAX_COL_WIDTH and len(data) <= WRAP_MAX_ROWS:   # long text wraps in its cell
                    for (cell,) in ws.iter_rows(min_row=2, max_row=len(data) + 1, min_col=i, max_col=i):
                        cell.alignment = WRAP
    return buf.getvalue()


def _files_section(tables: dict[str, pd.DataFrame]) -> str:
    lines = ["", _("## Files"), ""]
    for name, df in tables.items():
        rows = ngettext("{n} row", "{n} rows", len(df)).format(n=format_number(len(df)))
        lines.append(f"- `{name}.csv`, `{name}.parquet`: {rows}")
    lines += [
        "- `tables.xlsx`: " + _("every table above, one sheet each"),
        "- `CODEBOOK.md`: " + _("what every column means"),
        "",
        _("In the CSV and XLSX files, text cells that begin with `=`, `+`, `-`, `@`, a tab or a "
          "carriage return start with an added `'` so that spreadsheets do not run them as "
          "formulas. The Parquet files hold the original values."),
        "",
    ]
    return "\n".join(lines)


def to_zip_bytes(tables: dict[str, pd.DataFrame], codebook_md: str, filters_readme: str) -> bytes:
    """Zip of every table as CSV and Parquet, plus tables.xlsx, CODEBOOK.md and README.md.

    README.md is `filters_readme` (filters used, build), then how many of these rows analysts corrected or
    confirmed (provenance.corrections_line, when any), then a list of the files.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, df in tables.items():
            zf.writestr(f"{name}.csv", to_csv_bytes(df))
            zf.writestr(f"{name}.parquet", to_parquet_bytes(df))
        zf.writestr("tables.xlsx", to_xlsx_bytes(tables))
        zf.writestr("CODEBOOK.md", codebook_md)
        note = corrections_line(tables)
        zf.writestr("README.md", filters_readme.rstrip("\n") + "\n" + (f"\n{note}\n" if note else "")
                    + _files_section(tables))
    return buf.getvalue()
