"""The Streamlit export glue: the briefing page renders (AppTest), the chart control appears beside a
chart and says plainly when Chromium is missing, and the deferred renderers make real files."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from dashboard.exports import chart_export, export_ui
from dashboard.state.filters import Filters

REPO = Path(__file__).resolve().parent.parent
PAGE = str(REPO / "dashboard" / "views" / "briefing.py")
TIMEOUT = 60

def _page(build_dir: Path, countries=(), date_to=None) -> AppTest:
    """The briefing page run on its own (no app.py around it), its filters given in the URL."""
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    if countries:
        at.query_params["country"] = list(countries)
    if date_to:
        at.query_params["to"] = date_to.isoformat()
    return at.run()


def _buttons(at: AppTest) -> list:
    return at.get("download_button")


def test_briefing_page_renders(build_dir: Path) -> None:
    at = _page(build_dir)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Briefing pack"
    assert at.multiselect[0].value == list(export_ui.briefing.DEFAULT_CHARTS)
    assert len(_buttons(at)) >= 4, "table downloads (and the pack when Chromium is present)"


def test_briefing_page_is_in_the_app(build_dir: Path) -> None:
    app = REPO / "dashboard" / "app.py"
    at = AppTest.from_file(str(app), default_timeout=TIMEOUT).run()
    at.switch_page("views/briefing.py").run()
    assert not at.exception, [e.value for e in at.exception]


def test_briefing_page_with_no_data_says_why(build_dir: Path) -> None:
    at = _page(build_dir, countries=("AUS",), date_to=date(2017, 12, 31))
    assert not at.exception, [e.value for e in at.exception]
    assert any("Nothing to brief on" in i.value for i in at.info)


CHART_SCRIPT = """
import plotly.graph_objects as go
from dashboard.exports import export_ui
from dashboard.state.filters import Filters
fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
export_ui.chart_download_controls(fig, "test-chart", Filters(countries=("AUS",)), "Source: test", key="t")
"""


def open_menu(script: str) -> AppTest:
    """The chart script run with its Export menu opened (as a click on it does)."""
    at = AppTest.from_string(script, default_timeout=TIMEOUT).run()
    assert not _buttons(at), "a closed menu makes nothing"
    at.session_state["t_menu"] = True
    return at.run()


def test_chart_control_offers_three_formats(chromium) -> None:
    at = open_menu(CHART_SCRIPT)
    assert not at.exception, [e.value for e in at.exception]
    labels = [b.proto.label for b in _buttons(at)]
    assert labels == ["PNG (2×)", "SVG", "PDF"]
    assert chart_export.export_filename("test-chart", "AUS", "png") == "test-chart_AUS.png"


def test_chart_control_without_chromium_says_so(monkeypatch) -> None:
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(chart_export, "_FALLBACK", "/nonexistent/chromium")
    at = open_menu(CHART_SCRIPT)
    assert not at.exception
    assert not _buttons(at)
    assert any("needs Chromium" in c.value for c in at.caption)


def test_deferred_chart_renderers_make_real_files(chromium) -> None:
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    png = export_ui._chart_bytes(fig, "Title", "Filters: x", "Source: y", "png")()  # as the button calls it
    svg = export_ui._chart_bytes(fig, "Title", "Filters: x", "Source: y", "svg")()
    assert png.startswith(b"\x89PNG") and b"Title" in svg


def test_filters_readme_and_codebook() -> None:
    f = Filters(countries=("AUS",), date_from=date(2018, 1, 1))
    text = export_ui.filters_readme(f)
    assert "Countries: AUS" in text and "?country=AUS&from=2018-01-01" in text
    assert "--country AUS --from 2018-01-01" in text
    assert "none (all events)" in export_ui.filters_readme(Filters())
    assert "Codebook" in export_ui.codebook_markdown()


def test_zip_of_filtered_tables(tables) -> None:
    from dashboard.state.filters import apply_filters
    from dashboard.exports.table_export import to_zip_bytes

    f = Filters(countries=("AUS",))
    tabs = export_ui._downloadable(apply_filters(tables, f))
    data = to_zip_bytes(tabs, export_ui.codebook_markdown(), export_ui.filters_readme(f))
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert {"events.csv", "events.parquet", "tables.xlsx", "CODEBOOK.md", "README.md"} <= names


def test_an_exported_chart_is_titled_with_what_and_when(tables) -> None:
    """"Partners" alone does not say whose or when: the page's title wins over the slug, and the years of
    the filtered events follow it (the seeds' events run from July 2018 to September 2019)."""
    import plotly.graph_objects as go

    from dashboard.exports.export_ui import title_of
    from dashboard.ui import years_of
    bare = go.Figure(go.Bar(x=[1], y=["Australia"]))
    assert title_of(bare, "partners") == "Partners"
    assert title_of(bare, "partners", "Partners of Indonesia") == "Partners of Indonesia"
    assert years_of(tables["events"]) == "2018–2019"
    rcdd = tables["events"][tables["events"]["start_date"].dt.year == 2019]
    assert years_of(rcdd) == "2019"
