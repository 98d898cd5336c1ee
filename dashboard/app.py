"""ASEAN digital diplomacy dashboard: the entry script. It holds the navigation and the global
filters; each page in dashboard/views/ reads the prepared context.

Run with `streamlit run dashboard/app.py`. The build folder is $DASHBOARD_BUILD_DIR (default
<repo>/output); if it holds no tables, they are built from the seeds on first start.
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ on the path
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from dashboard import data, filters, ui  # noqa: E402
from dashboard.filter_state import sidebar_filters  # noqa: E402

st.set_page_config(page_title="ASEAN Digital Diplomacy", page_icon="🌏", layout="wide")

VIEWS = Path(__file__).resolve().parent / "views"
PAGES = [
    st.Page(VIEWS / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page(VIEWS / "timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page(VIEWS / "map.py", title="Map", icon=":material/map:"),
    st.Page(VIEWS / "themes.py", title="Themes", icon=":material/category:"),
    st.Page(VIEWS / "people.py", title="People and organisations", icon=":material/groups:"),
    st.Page(VIEWS / "sources.py", title="Sources", icon=":material/article:"),
    st.Page(VIEWS / "data.py", title="Data", icon=":material/table_view:"),
]
if (VIEWS / "briefing.py").exists():  # the export helper's page: one-click briefing pack
    PAGES.append(st.Page(VIEWS / "briefing.py", title="Briefing pack", icon=":material/slideshow:"))


def ensure_build(folder: Path) -> None:
    """Build the tables from the seeds on first start, showing progress; stop with a message on failure."""
    if data.has_build(folder):
        return
    try:
        from data_prep.build import build
    except ImportError:
        st.error(f"No tables in `{folder}` and the pipeline (data_prep.build) is not available. "
                 "Run `python -m data_prep build` and reload.")
        st.stop()
    with st.status("First start: building the tables from the seed articles…", expanded=True) as status:
        bar = st.progress(0.0, text="Starting")

        def progress(message: str, fraction: float) -> None:
            bar.progress(min(max(float(fraction), 0.0), 1.0), text=message)

        try:
            build(data.seeds_dir(), folder, progress=progress)
        except Exception as exc:  # show the failure plainly, with the traceback for the maintainer
            status.update(label="The build failed", state="error")
            st.exception(exc)
            st.stop()
        status.update(label="Tables built", state="complete", expanded=False)


build_dir = data.build_dir()
ensure_build(build_dir)

tables = data.load_tables(build_dir)
labels = data.theme_labels(sorted(set(tables["themes"]["theme"].dropna().astype(str))))
options = filters.filter_options(tables, labels)

page = st.navigation(PAGES)
with st.sidebar:
    st.caption("ASEAN digital diplomacy · events from news articles")
active = sidebar_filters(options, page=page.url_path)  # keeps the page's own URL params

ctx = ui.PageContext(
    build_dir=build_dir, tables=tables, filtered=filters.apply_filters(tables, active), filters=active,
    options=options, theme_labels=labels, report=data.load_build_report(build_dir),
    empty_reason=filters.empty_reason(tables, active, options),
)
ui.set_page_context(ctx)

body = st.container()  # the page goes above the footer, even when it stops early
ui.footer(ctx)
with body:
    page.run()
