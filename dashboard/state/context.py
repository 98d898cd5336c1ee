"""What every page reads: the build's tables (cached once per build content), the filters the sidebar
holds, and the filtered tables (cached per filter combination). A page calls page_context() itself,
so it runs and tests on its own; nothing is handed over through session_state."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.state import filters
from dashboard.state.filter_state import current_filters


@dataclass
class PageContext:
    """Full and filtered tables, filters, options and build info for one run of a page."""

    build_dir: Path
    tables: dict[str, pd.DataFrame]
    filtered: dict[str, pd.DataFrame]
    filters: filters.Filters
    options: filters.FilterOptions
    theme_labels: dict[str, str]
    report: dict = field(default_factory=dict)
    empty_reason: str | None = None


@st.cache_data(show_spinner=False, max_entries=4)
def _tables(folder: str, signature: str) -> dict[str, pd.DataFrame]:
    return data.read_tables(Path(folder))


@st.cache_data(show_spinner=False, max_entries=4)
def _report(folder: str, signature: str) -> dict:
    return data.read_build_report(Path(folder))


@st.cache_data(show_spinner=False, max_entries=4)
def _choices(folder: str, signature: str) -> tuple[dict[str, str], filters.FilterOptions]:
    tables = _tables(folder, signature)
    labels = data.theme_labels(tables)
    return labels, filters.filter_options(tables, labels)


@st.cache_data(show_spinner=False, max_entries=32)
def _filtered(folder: str, signature: str, f: filters.Filters) -> tuple[dict[str, pd.DataFrame], str | None]:
    tables = _tables(folder, signature)
    labels, options = _choices(folder, signature)
    return filters.apply_filters(tables, f), filters.empty_reason(tables, f, options)


def base_context(folder: Path | None = None) -> tuple[Path, dict[str, pd.DataFrame], dict[str, str], filters.FilterOptions]:
    """The build folder, its tables, theme labels and the filter options (what the sidebar needs); all
    cached once per build content, so a rerun only stats the build's files."""
    folder = folder or data.build_dir()
    signature = data.build_signature(folder)
    labels, options = _choices(str(folder), signature)
    return folder, _tables(str(folder), signature), labels, options


def page_context() -> PageContext:
    """Everything a page shows, for the filters the sidebar (or, before it has run, the URL) holds."""
    folder = data.build_dir()
    signature = data.build_signature(folder)
    labels, options = _choices(str(folder), signature)
    active = filters.restrict_to_options(current_filters(options), options)
    filtered, reason = _filtered(str(folder), signature, active)
    return PageContext(
        build_dir=folder, tables=_tables(str(folder), signature), filtered=filtered, filters=active,
        options=options, theme_labels=labels, report=_report(str(folder), signature), empty_reason=reason,
    )
