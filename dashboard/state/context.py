"""What every page reads: the build's tables (cached once per build content), the filters the sidebar
holds, and the filtered tables (cached per filter combination). A page calls page_context() itself,
so it runs and tests on its own; nothing is handed over through session_state.

The caches are st.cache_resource: one copy in the server, shared by every session, handed out without
unpickling (st.cache_data copied the whole build on every call: at 10,000 articles, most of a page run
and a copy per session). Pages get shallow copies of the frames; pandas' copy-on-write keeps a page's
changes out of the shared ones.

Whatever is cached with interface text in it (figure data with translated labels, tables with translated
headers, event labels, empty-data reasons) is cached per language: `derived` and `per_build` put
dashboard.i18n.current_language() into every key, and so do the caches below that hold text. Otherwise
one session's English figure would be served to another session reading Indonesian."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.i18n import current_language
from dashboard.state import filters
from dashboard.state.filter_state import current_filters


@dataclass
class PageContext:
    """Full and filtered tables, filters, options and build info for one run of a page."""

    build_dir: Path
    tables: dict[str, pd.DataFrame]
    filtered: Mapping[str, pd.DataFrame]   # filters.FilteredTables: each table narrowed when first read
    filters: filters.Filters
    options: filters.FilterOptions
    theme_labels: dict[str, str]
    report: dict = field(default_factory=dict)
    empty_reason: str | None = None
    signature: str = ""   # the build's (data.build_signature): with the filters, the key of what pages derive


@st.cache_resource(show_spinner=False, max_entries=4)
def _tables(folder: str, signature: str) -> dict[str, pd.DataFrame]:
    return data.read_tables(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=4)
def _report(folder: str, signature: str) -> dict:
    return data.read_build_report(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=8)   # per build and language: the labels are text
def _choices(folder: str, signature: str, lang: str) -> tuple[dict[str, str], filters.FilterOptions]:
    tables = _tables(folder, signature)
    labels = data.theme_labels(tables, lang)   # in the language: the catalogue's label_id for Indonesian
    return labels, filters.filter_options(tables, labels)


@st.cache_resource(show_spinner=False, max_entries=4)   # each holds the tables its pages read, narrowed
def _filtered(folder: str, signature: str, f: filters.Filters) -> filters.FilteredTables:
    return filters.FilteredTables(_tables(folder, signature), f)


@st.cache_resource(show_spinner=False, max_entries=16)   # a sentence: per language, apart from the tables
def _empty_reason(folder: str, signature: str, f: filters.Filters, lang: str) -> str | None:
    labels, options = _choices(folder, signature, lang)
    return filters.empty_reason(_tables(folder, signature), f, options)


def base_context(folder: Path | None = None) -> tuple[Path, dict[str, pd.DataFrame], dict[str, str], filters.FilterOptions]:
    """The build folder, its tables, theme labels and the filter options (what the sidebar needs); all
    cached once per build content, so a rerun only stats the build's files."""
    folder = folder or data.build_dir()
    signature = data.build_signature(folder)
    labels, options = _choices(str(folder), signature, current_language())
    return folder, _own(_tables(str(folder), signature)), labels, options


def _own(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The shared frames as this run's own (shallow copies: no data copied; a change stays here)."""
    return {name: df.copy(deep=False) for name, df in tables.items()}


def page_context() -> PageContext:
    """Everything a page shows, for the filters the sidebar (or, before it has run, the URL) holds."""
    folder = data.build_dir()
    signature = data.build_signature(folder)
    labels, options = _choices(str(folder), signature, current_language())
    active = filters.restrict_to_options(current_filters(options), options)
    filtered = _filtered(str(folder), signature, active)
    reason = _empty_reason(str(folder), signature, active, current_language())
    return PageContext(
        build_dir=folder, tables=_own(_tables(str(folder), signature)), filtered=filtered, filters=active,
        options=options, theme_labels=dict(labels), report=_report(str(folder), signature), empty_reason=reason,
        signature=signature,
    )


T = TypeVar("T")
MAX_DERIVED = 256   # figure data and summaries kept for the latest filter states, across sessions…
MAX_DERIVED_BYTES = 256 * 2**20   # …and no more than this much of tables among them (a queue can be large)
_derived: OrderedDict[tuple, object] = OrderedDict()
_derived_bytes: dict[tuple, int] = {}
_derived_lock = threading.Lock()


def derived(ctx: PageContext, name: str, compute: Callable[[], T], *key: Hashable) -> T:
    """What a page derives from the filtered tables (figure data, summaries), kept per build, filters,
    `name` and `key` and shared by every session: a second user with the same filters, or the same user
    back on a page, gets it at once. `compute` may depend on nothing else (the interface's language is
    part of every key, so text made inside `compute` is safe). A DataFrame comes back as a shallow copy,
    so a page's changes stay its own."""
    return _remembered((ctx.signature, ctx.filters, current_language(), name, key), compute)


def per_build(ctx: PageContext, name: str, compute: Callable[[], T], *key: Hashable) -> T:
    """What a page derives from the whole build whatever the filters (the footer's counts, the rejected
    files, name look-ups), kept once per build and shared like `derived`: at 100,000 articles one pass
    over a whole table costs tens of milliseconds, on every run otherwise. Per language, like `derived`."""
    return _remembered((ctx.signature, None, current_language(), name, key), compute)


def _remembered(k: tuple, compute: Callable[[], T]) -> T:
    with _derived_lock:
        if k in _derived:
            _derived.move_to_end(k)
            value = _derived[k]
            return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value
    value = compute()   # outside the lock: sessions computing other things are not held up
    size = int(value.memory_usage(deep=True).sum()) if isinstance(value, pd.DataFrame) else 0
    with _derived_lock:
        _derived[k], _derived_bytes[k] = value, size
        _derived.move_to_end(k)
        while len(_derived) > 1 and (len(_derived) > MAX_DERIVED or sum(_derived_bytes.values()) > MAX_DERIVED_BYTES):
            old, _ = _derived.popitem(last=False)
            _derived_bytes.pop(old, None)
    return value.copy(deep=False) if isinstance(value, pd.DataFrame) else value


def article_text(ctx: PageContext, article_id: str) -> str | None:
    """An article's cleaned text (articles_text), or None when the build kept none: looked up by a
    position index made once per build, not by scanning 100,000 texts on every call."""
    texts = ctx.tables.get("articles_text")
    if texts is None:
        return None
    where = per_build(ctx, "text_positions", lambda: {a: i for i, a in enumerate(texts["article_id"])})
    i = where.get(article_id)
    return None if i is None else str(texts["text"].iloc[i])
