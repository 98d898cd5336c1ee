"""One provenance text: a chart exported from a dashboard page and the same chart in the briefing pack
carry the same source line (checked on the figures handed to the browser session), in one wording."""

from __future__ import annotations

import io
from datetime import date
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest

from dashboard import ui
from dashboard.exports import briefing, chart_export, export_ui
from dashboard.state.filters import Filters, apply_filters
from dashboard.exports.provenance import source_line
from dashboard.theme_measures import SHORT_NOTE

BUILT = "2026-01-02T03:04:05+00:00"
AUS_2018 = Filters(countries=("AUS",), date_from=date(2018, 1, 1))


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 4), "white").save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def sessions(monkeypatch) -> list[list[go.Figure]]:
    """Stand in for the one browser session (no Chromium needed): record the figures it is given."""
    calls: list[list[go.Figure]] = []
    png = _png()

    def fake(figs, fmt, page_html=None, **size):
        calls.append(list(figs))
        return [png] * len(figs), None

    monkeypatch.setattr(chart_export, "render_session", fake)
    return calls


def _source_text(fig: go.Figure) -> str:
    return fig.layout.annotations[-1].text


@pytest.mark.parametrize("key", ["timeline", "theme-totals"])
def test_page_export_and_pack_carry_the_same_source_line(tables, options, sessions, key: str) -> None:
    # The page's export control: ui.source_line for the page's context, plus the page's note on theme charts
    # (as ui._export_controls does), styled and rendered by export_ui's deferred renderer.
    ctx = SimpleNamespace(filtered=apply_filters(tables, AUS_2018), report={"built_at": BUILT})
    note = SHORT_NOTE if key in briefing.THEME_CHARTS else None
    source = ui.source_line(ctx) + (f"\n{note}" if note else "")
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    export_ui._chart_bytes(fig, briefing.CHARTS[key].title, briefing.filters_subtitle(AUS_2018, options),
                           source, "png")()
    briefing.build_briefing(tables, AUS_2018, [key], "pptx", built_at=BUILT)

    (page_fig,), (pack_fig,) = sessions
    assert _source_text(page_fig) == _source_text(pack_fig)
    assert page_fig.layout.title.subtitle.text == pack_fig.layout.title.subtitle.text, "same filters line"
    assert ui.source_line(ctx) == source_line(ctx.filtered, BUILT)


def test_source_line_wording(tables) -> None:
    filtered = apply_filters(tables, AUS_2018)
    arts = filtered["articles"]
    n = arts["article_id"].nunique()
    outlets = sorted(set(arts.loc[arts["status"] == "included", "outlet"].dropna().astype(str)))
    assert source_line(filtered, BUILT) == (f"Source: {n} news articles ({', '.join(outlets)}) · build 2026-01-02"
                                            " · ASEAN digital diplomacy dataset")
    one = {"articles": arts.head(1)}
    assert source_line(one, None).startswith("Source: 1 news article (") and "build unknown date" in \
        source_line(one, None)
