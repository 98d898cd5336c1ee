"""ASEAN digital diplomacy dashboard: the entry script. It holds the navigation and the global
filters; each page in dashboard/views/ reads its data through dashboard.state.context.page_context().
The interface's language (dashboard.i18n, `lang=` in the URL) is set first on every run, so the page
titles in the navigation, the sidebar and the page all come out in it.

Run with `streamlit run dashboard/app.py` (the package is installed, so `dashboard` imports from
anywhere). The build folder is $DASHBOARD_BUILD_DIR (default <repo>/output); if it holds no tables,
they are built from the seeds on first start.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import data_prep
from dashboard import data, ui
from dashboard.i18n import _
from dashboard.safe_text import md
from dashboard.state import context
from dashboard.state.filter_state import sidebar_filters
from dashboard.state.language_state import apply_language, language_switch

apply_language()   # before any text: the navigation's page titles are made in this run's language
st.set_page_config(page_title=_("ASEAN Digital Diplomacy"), page_icon="🌏", layout="wide")

VIEWS = Path(__file__).resolve().parent / "views"
# A page's url_path is its file's stem, whatever the language: links and `card=`-style params stay valid.
PAGES = [
    st.Page(VIEWS / "overview.py", title=_("Overview"), icon=":material/dashboard:", default=True),
    st.Page(VIEWS / "timeline.py", title=_("Timeline"), icon=":material/timeline:"),
    st.Page(VIEWS / "trends.py", title=_("Trends"), icon=":material/trending_up:"),
    st.Page(VIEWS / "map.py", title=_("Map"), icon=":material/map:"),
    st.Page(VIEWS / "themes.py", title=_("Themes"), icon=":material/category:"),
    st.Page(VIEWS / "people.py", title=_("People and organisations"), icon=":material/groups:"),
    st.Page(VIEWS / "compare.py", title=_("Compare countries"), icon=":material/compare_arrows:"),
    st.Page(VIEWS / "sources.py", title=_("Sources"), icon=":material/article:"),
    st.Page(VIEWS / "search.py", title=_("Search"), icon=":material/search:"),
    st.Page(VIEWS / "data.py", title=_("Data"), icon=":material/table_view:"),
    st.Page(VIEWS / "review.py", title=_("Review and correct"), icon=":material/rule:"),
    st.Page(VIEWS / "briefing.py", title=_("Briefing pack"), icon=":material/slideshow:"),
]


def ensure_build(folder: Path) -> None:
    """Build the tables from the seeds on first start, showing progress; stop with a message on failure."""
    if data.has_build(folder):
        return
    with st.status(_("First start: building the tables from the seed articles…"), expanded=True) as status:
        bar = st.progress(0.0, text=_("Starting"))

        def progress(message: str, fraction: float) -> None:
            bar.progress(min(max(float(fraction), 0.0), 1.0), text=md(message))  # it names the files read

        try:
            data_prep.build(data.seeds_dir(), folder, progress=progress, corrections=data.corrections_path())
        except Exception as exc:  # show the failure plainly, with the traceback for the maintainer
            status.update(label=_("The build failed"), state="error")
            st.exception(exc)
            st.stop()
        status.update(label=_("Tables built"), state="complete", expanded=False)


ensure_build(data.build_dir())
_folder, _tables, _labels, options = context.base_context()

page = st.navigation(PAGES)
language_switch()   # first in the sidebar, under the navigation
with st.sidebar:
    st.caption(_("ASEAN digital diplomacy · events from news articles"))
sidebar_filters(options, page=page.url_path)  # keeps the page's own URL params

body = st.container()  # the page goes above the footer, even when it stops early
ui.footer(ui.page_context())
with body:
    page.run()
