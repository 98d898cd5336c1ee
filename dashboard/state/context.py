"""What every page reads: the build's tables (cached once per build content), the filters the sidebar
holds, and the filtered tables (cached per filter combination). A page calls page_context() itself,
so it runs and tests on its own; nothing is handed over through session_state.

The caches are st.cache_resource: one copy in the server, shared by every session, handed out without
unpickling (st.cache_data copied the whole build on every call: at 10,000 articles, most of a page run
and a copy per session). Pages get shallow copies of the frames; pandas' copy-on-write keeps a page's
changes out of the shared ones."""

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


@st.cache_resource(show_spinner=False, max_entries=4)
def _tables(folder: str, signature: str) -> dict[str, pd.DataFrame]:
    return data.read_tables(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _report(folder: str, signature: str) -> dict:
    return data.read_build_report(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _choices(folder: str, signature: str) -> tuple[dict[str, str], filters.FilterOptions]:
    tables = _tables(folder, signature)
    labels = data.theme_labels(tables)
    return labels, filters.filter_options(tables, labels)


@st.cache_resource(show_spinner=False, max_entries=16)
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
    return folder, _own(_tables(str(folder), signature)), labels, options


def _own(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The shared frames as this run's own (shallow copies: no data copied; a change stays here)."""
    return {name: df.copy(deep=False) for name, df in tables.items()}


def page_context() -> PageContext:
    """Everything a page shows, for the filters the sidebar (or, before it has run, the URL) holds."""
    folder = data.build_dir()
    signature = data.build_signature(folder)
    labels, options = _choices(str(folder), signature)
    active = filters.restrict_to_options(current_filters(options), options)
    filtered, reason = _filtered(str(folder), signature, active)
    return PageContext(
        build_dir=folder, tables=_own(_tables(str(folder), signature)), filtered=_own(filtered), filters=active,
        options=options, theme_labels=dict(labels), report=_report(str(folder), signature), empty_reason=reason,
    )
