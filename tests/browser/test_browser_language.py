"""The interface in Bahasa Indonesia in a real browser (issue 21), at 1024 and 1440 px: with `lang=id`, no
page shows English of its own — in the page, the sidebar or the charts' SVG text — once the data's own
names, titles and sentences are set aside (the same detector as tests/test_i18n.py); switching the
language in the sidebar keeps every filter in the link."""

from __future__ import annotations

import re

import pytest

WIDTHS = (1024, 1440)
PAGES = ["/", "/timeline", "/trends", "/map", "/themes", "/people", "/compare", "/sources", "/search", "/data",
         "/review", "/briefing"]

TEXTS_JS = """() => { const out = [];
  for (const sel of ['[data-testid="stMain"]', '[data-testid="stSidebar"]']) {
    const el = document.querySelector(sel);
    if (el) out.push(...el.innerText.split('\\n'));
  }
  for (const t of document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')) out.push(t.textContent);
  return out.map(s => s.trim()).filter(Boolean); }"""


@pytest.fixture(scope="module")
def data_strings(build_dir):
    from dashboard.data import read_tables
    from dashboard.exports.briefing_plan import theme_labels_for
    from tests.test_i18n import data_values

    tables = read_tables(build_dir)
    return data_values(tables, theme_labels_for(tables))


@pytest.fixture(scope="module")
def queries(build_dir) -> dict[str, str]:
    """Each page's own parameters, so its richest state is read: an open card, an article with a marked
    sentence, a search with hits, two countries compared."""
    from dashboard.data import read_tables

    t = read_tables(build_dir)
    event = str(t["events"].sort_values("start_date")["event_id"].iloc[-1])
    article = str(t["articles"].sort_values("article_id")["article_id"].iloc[0])
    return {"/timeline": f"card={event}", "/sources": f"article={article}&hl=0-40", "/search": "q=perlindungan",
            "/compare": "compare=IDN&compare=AUS", "/trends": "country=IDN"}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES, ids=[p.strip("/") or "overview" for p in PAGES])
def test_no_english_interface_text_with_lang_id(app, data_strings, queries, path, width):
    from tests.test_i18n import english_left

    app.page.set_viewport_size({"width": width, "height": {1024: 768, 1440: 900}[width]})
    app.goto(path, "&".join(filter(None, ["lang=id", queries.get(path, "")])))
    app.page.wait_for_timeout(300)   # charts draw their SVG after the run ends
    texts = app.page.evaluate(TEXTS_JS)
    assert len(texts) > 10
    left = english_left(texts, data_strings)
    assert not left, f"English on {path} in Indonesian:\n" + "\n".join(left)
    assert app.query().get("lang") == ["id"]
    app.assert_clean()


def test_switching_language_in_the_sidebar_keeps_every_filter(app, queries):
    app.goto("/timeline", f"country=IDN&asean=1&{queries['/timeline']}")
    box = app.page.get_by_test_id("stSidebar").locator('[data-testid="stSelectbox"]').filter(has_text="Language")
    box.locator("input").click()
    box.locator("input").fill("Bahasa")
    box.locator("input").press("Enter")
    app.page.wait_for_url(re.compile(r"[?&]lang=id"))
    app.wait_for_run(title="Lini masa")
    q = app.query()
    assert q["country"] == ["IDN"] and q["asean"] == ["1"] and q["card"] == [queries["/timeline"].split("=")[1]]
    app.assert_clean()
