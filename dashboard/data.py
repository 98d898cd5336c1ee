"""Loading the build's tables: plain readers, no Streamlit (the app's cache is dashboard/state/context.py),
so command-line tools and tests import them without a Streamlit runtime."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd
import pyarrow as pa

from dashboard.i18n import DEFAULT_LANGUAGE, current_language, normalise
from data_prep import DATE_COLUMNS, TABLES, current_build, default_corrections_path, without_markers

REPO_ROOT = Path(__file__).resolve().parent.parent
CODEBOOK_MD = REPO_ROOT / "docs" / "CODEBOOK.md"
TEXT_TABLE = "articles_text"  # article_id, text: the cleaned text that evidence offsets point into
REPORT_FILE = "build_report.json"


def build_dir() -> Path:
    """The build folder the app reads: $DASHBOARD_BUILD_DIR, else <repo>/output."""
    return Path(os.environ.get("DASHBOARD_BUILD_DIR") or REPO_ROOT / "output")


def seeds_dir() -> Path:
    """The folder of input articles: $DASHBOARD_SEEDS_DIR, else <repo>/seeds."""
    return Path(os.environ.get("DASHBOARD_SEEDS_DIR") or REPO_ROOT / "seeds")


def corrections_path() -> Path:
    """The analysts' corrections file: $DASHBOARD_CORRECTIONS, else corrections.csv beside the seeds folder."""
    env = os.environ.get("DASHBOARD_CORRECTIONS")
    return Path(env) if env else default_corrections_path(seeds_dir())


def has_build(folder: Path) -> bool:
    """True when every codebook table exists in the folder (as Parquet or CSV)."""
    return all((folder / f"{n}.parquet").exists() or (folder / f"{n}.csv").exists() for n in TABLES)


def build_signature(folder: Path) -> str:
    """A hash of the current build's folder and files (names, sizes, mtimes): changes whenever the
    build changes (each build is a new folder the build folder links to)."""
    folder = current_build(folder)
    h = hashlib.sha256(str(folder).encode())
    if folder.is_dir():
        for p in sorted(folder.iterdir()):
            if p.is_file():
                st = p.stat()
                h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()[:16]


def read_build_report(folder: Path) -> dict:
    """build_report.json as a dict ({} when absent or unreadable)."""
    try:
        return json.loads((current_build(folder) / REPORT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _read_one(folder: Path, name: str) -> pd.DataFrame | None:
    pq, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if pq.exists():
        return _one_chunk(pd.read_parquet(pq))
    if csv.exists():
        return pd.read_csv(csv, keep_default_na=True)
    return None


def _one_chunk(df: pd.DataFrame) -> pd.DataFrame:
    """Each Arrow-backed column as one contiguous chunk: read_parquet hands them over in batches of 131,072
    rows, and taking a few rows of a chunked column concatenates the chunks first (at 100,000 articles,
    picking one article's evidence cost 20-200 ms instead of 2 ms). About a quarter second once per build."""
    for c in df.columns:
        arr = df[c].array
        if not hasattr(arr, "__arrow_array__"):
            continue
        chunked = arr.__arrow_array__()
        if isinstance(chunked, pa.ChunkedArray) and chunked.num_chunks > 1:
            df[c] = pd.Series(type(arr)(pa.chunked_array([chunked.combine_chunks()]), dtype=arr.dtype), index=df.index)
    return df


def _normalise(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Schema column order (missing columns added empty), dates as datetime64, flags as bool."""
    cols = TABLES.get(name, list(df.columns))
    for c in cols:
        if c not in df.columns:
            df[c] = pd.NA
    df = df[cols + [c for c in df.columns if c not in cols]].copy()
    for c in DATE_COLUMNS.get(name, []):
        df[c] = pd.to_datetime(df[c], errors="coerce")
    if name == "events":
        df["end_date"] = df["end_date"].fillna(df["start_date"])
        for c in ("n_countries", "n_attendees", "n_sources"):
            df[c] = pd.to_numeric(df[c], errors="coerce").fillna(0).astype(int)
    if name == "participants":
        df["is_asean"] = df["is_asean"].map(
            lambda v: str(v).strip().lower() in {"true", "1", "yes"} if not isinstance(v, bool) else v
        ).astype(bool)
    if name == "evidence":
        for c in ("char_start", "char_end"):
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
    if name == "themes":
        df["share"] = pd.to_numeric(df["share"], errors="coerce").fillna(0.0)
        df["n_evidence"] = pd.to_numeric(df["n_evidence"], errors="coerce").fillna(0).astype(int)
    return df.reset_index(drop=True)


def read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Read every table of the schema (data_prep/data/schema.csv) from a build folder, once each, uncached.

    Missing tables come back empty with the schema's columns, so callers never branch on presence.
    """
    folder = current_build(folder)   # resolved once: every table of this load comes from one build
    out: dict[str, pd.DataFrame] = {}
    for name, cols in TABLES.items():
        df = _read_one(folder, name)
        out[name] = _normalise(name, df if df is not None else pd.DataFrame(columns=cols))
    return out


# The theme catalogue's columns in another language than English: <column>_<language code> (the codebook's
# label_id, definition_id). A build without them (made before they existed) shows the English ones.
def _in_language(catalog: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """The catalogue's `column` in language `lang`: its `<column>_<lang>` column where that holds a value,
    else the English `column` (an older build, a theme not yet translated)."""
    english = catalog[column].astype(str)
    own = f"{column}_{lang}"
    if lang == DEFAULT_LANGUAGE or own not in catalog.columns:
        return english
    values = catalog[own].astype(object)
    given = values.notna() & values.astype(str).str.strip().ne("")
    return values.astype(str).where(given, english)


def theme_catalog(tables: dict[str, pd.DataFrame], lang: str | None = None) -> pd.DataFrame:
    """Theme codes with label and definition, as the build wrote them (its theme_catalog table), in the
    interface's language (`lang`, else the current one): Indonesian from label_id / definition_id, English
    where the build has none."""
    lang = normalise(lang or current_language())
    cat = tables["theme_catalog"]
    return pd.DataFrame({"code": cat["code"].astype(str), "label": _in_language(cat, "label", lang),
                         "definition": _in_language(cat, "definition", lang)}).reset_index(drop=True)


def theme_labels(tables: dict[str, pd.DataFrame], lang: str | None = None) -> dict[str, str]:
    """code -> label for every catalogued theme (catalogue order), in the interface's language (`lang`,
    else the current one; English where the build has no Indonesian label), plus any code found in the
    data without a catalogue row (label made from the code)."""
    cat = tables["theme_catalog"]
    labels = dict(zip(cat["code"].astype(str), _in_language(cat, "label", normalise(lang or current_language()))))
    for code in sorted(set(tables["themes"]["theme"].dropna().astype(str))):
        labels.setdefault(code, code.replace("_", " ").capitalize())
    return labels


def codebook_text() -> str | None:
    """The repository's codebook (docs/CODEBOOK.md) as Markdown without its generated-block markers, or None."""
    try:
        return without_markers(CODEBOOK_MD.read_text(encoding="utf-8"))
    except OSError:
        return None
