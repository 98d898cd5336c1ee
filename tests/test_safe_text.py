"""dashboard.safe_text, the one set of escaping helpers (issue 18), and the builders that use it: what an
article, a file name, an address or an analyst's typing puts on screen is shown as written, never as
Markdown, HTML, maths, a directive or a link to anything but http(s). The real browser check is
tests/browser/test_browser_hostile.py."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import queries
from dashboard.figures import charts, map_figures, partners
from dashboard.safe_text import (html_block, html_line, html_text, http_url, md, md_code, newlines_to_html,
                                 one_line, plot_text, plot_texts)

PAYLOADS = [
    "<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "[click](javascript:alert(3))",
    "![x](http://127.0.0.1:9/x.png)", "<svg onload=alert(4)>", "$x^2$ and $y$", ":red[red] :smile: :material/home:",
    "**bold** _it_ ~~gone~~ `code`", "www.example.com a@b.co https://example.com", "&lt;b&gt; &amp;",
    "| a | b |\n|---|---|", "# heading", "> quote", "- item", "+ item", "1. first", "12) twelfth", "=== ",
    "line one\n\nline two\r\n\r\n  indented", "back\\slash \\[x]", "<https://example.com>", "[ref]: http://x.y",
]
# An escaped character in CommonMark: a backslash before ASCII punctuation.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_md(text: str) -> str:
    """What a reader sees of escaped inline Markdown text (backslash escapes resolved)."""
    return _ESCAPE.sub(r"\1", text)


def unescaped(text: str, chars: str) -> list[str]:
    """The characters of `chars` in `text` that no backslash escapes."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        if text[i] in chars:
            out.append(text[i])
        i += 1
    return out


# --- Markdown -------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_escapes_every_markup_character_and_reads_as_written(payload: str) -> None:
    out = md(payload)
    assert "\n" not in out and "\r" not in out, "one line: no block can start inside it"
    assert unescape_md(out) == one_line(payload), "the reader sees the text as written"
    assert unescaped(out, "\\`*_~[]<>&|$:@") == []
    assert not re.match(r"[#>+=-]|\d{1,9}[.)]", out), "nothing that starts a block at the start of a line"
    assert not re.search(r"(?i)(?<![\w.])www\.", out), "no www autolink"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_md_round_trips_any_text(text: str) -> None:
    out = md(text)
    assert unescape_md(out) == one_line(text)
    assert unescaped(out, "\\`*_~[]<>&|$:@") == []
    assert "\n" not in out and "\r" not in out


def test_md_leaves_plain_words_alone() -> None:
    assert md("Regional Conference on Digital Diplomacy (RCDD), 2019-09-10") == \
        "Regional Conference on Digital Diplomacy (RCDD), 2019-09-10"
    assert md(None) == "" and md("  a \n b ") == "a b"
    assert md("1. x") == "1\\. x" and md("12) y") == "12\\) y" and md("- a") == "\\- a"
    assert md("see www.x.org") == "see www\\.x.org"


@pytest.mark.parametrize("value", ["a", "a`b", "``x``", "`", "x ``` y", "Events: ASEAN <b>"])
def test_md_code_fence_is_longer_than_any_backtick_run(value: str) -> None:
    out = md_code(value)
    fence = re.match(r"`+", out).group(0)
    runs = [len(r) for r in re.findall(r"`+", value)]
    assert len(fence) > max(runs, default=0) and out.endswith(fence)
    inner = out[len(fence):-len(fence)]
    assert inner.strip(" ") == one_line(value).strip(" ") or inner == f" {one_line(value)} "
    assert md_code("") == "" and "\n" not in md_code("a\n\nb")


# --- HTML -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_helpers_escape_and_keep_one_line(payload: str) -> None:
    for out in (html_line(payload), html_text(payload), html_block(html_line(payload))):
        assert "<img" not in out and "<script" not in out and "<svg" not in out
        assert "\n" not in out and "\r" not in out
    assert html.unescape(html_line(payload)) == one_line(payload)
    assert '"' not in html_line('a "quoted" \'one\''), "safe inside an attribute"
    assert html_block("x").startswith("<div>") and html_block("x").endswith("</div>")


def test_line_breaks_become_paragraphs_and_breaks() -> None:
    assert newlines_to_html("a\r\n\r\nb\rc\nd") == "a</p><p>b<br>c<br>d"
    assert html_text("<a>\n\nb") == "&lt;a&gt;</p><p>b"


# --- addresses ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://example.org/a?x=1&y=2", "http://antaranews.com/berita/1",
                                 "HTTPS://EXAMPLE.ORG", " https://example.org/padded "])
def test_http_urls_may_become_links(url: str) -> None:
    assert http_url(url) == url.strip()


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "jav&#x09;ascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd", "//evil.example.com",
    "/relative", "http:/one-slash", "https://", "http://:80", "https://exa mple.org", "https://x.org/\x00",
    "ftp://example.org", "mailto:a@b.c", "", None, 42, float("nan"),
])
def test_anything_else_never_becomes_a_link(url) -> None:
    assert http_url(url) is None


# --- plotly ---------------------------------------------------------------------------------------

def test_plot_text_escapes_the_tags_plotly_would_draw() -> None:
    assert plot_text('<a href="https://x.org">x</a> & <b>') == '&lt;a href="https://x.org"&gt;x&lt;/a&gt; &amp; &lt;b&gt;'
    assert plot_texts(["<br>", None, 3]) == ["&lt;br&gt;", "", "3"]
    assert charts.wrap_label(plot_text("Forum <b>on</b> & digital trust in the region"), width=12) == \
        "Forum<br>&lt;b&gt;on&lt;/b&gt; &amp;<br>digital<br>trust in the<br>region", "wrapped as the reader sees it"


# --- the builders, on hostile tables ---------------------------------------------------------------

EVIL = "<img src=x onerror=alert(1)> [click](javascript:alert(3)) <b>bold</b>"


@pytest.fixture(scope="module")
def hostile_tables(tables: dict) -> tuple[dict, str]:
    """The seeds' tables with payloads in an event's name, its articles' addresses, outlets and titles,
    a country's name and a theme label."""
    t = {k: v.copy() for k, v in tables.items()}
    event_id = str(t["events"]["event_id"].iloc[0])
    t["events"] = t["events"].astype({"name": object, "tagline": object})
    t["events"].loc[t["events"]["event_id"] == event_id, ["name", "tagline"]] = [f"Forum {EVIL}", EVIL]
    t["articles"] = t["articles"].astype({"url": object, "outlet": object, "title": object})
    t["articles"]["url"] = "javascript:alert(5)"
    t["articles"]["outlet"] = f"Outlet {EVIL}"
    t["articles"]["title"] = f"Title {EVIL}"
    t["participants"] = t["participants"].astype({"country": object})
    t["participants"]["country"] = t["participants"]["country"] + " <b>x</b>"
    return t, event_id


def test_event_card_offers_no_link_but_http(hostile_tables) -> None:
    t, event_id = hostile_tables
    card = queries.event_card(t, event_id, link=lambda a, s: f"sources?article={a}")
    assert card is not None and card.sources["url"].isna().all()
    assert all(e.url is None for e in card.event_evidence + card.country_evidence + card.attendee_evidence)
    t2 = {**t, "articles": t["articles"].assign(url="https://example.org/a")}
    card2 = queries.event_card(t2, event_id)
    assert set(card2.sources["url"]) == {"https://example.org/a"}


def test_evidence_list_html_escapes_and_links_only_http(hostile_tables) -> None:
    from dashboard import ui

    t, event_id = hostile_tables
    card = queries.event_card(t, event_id, link=lambda a, s: f"sources?article={a}&hl=1-2")
    items = card.event_evidence + card.country_evidence
    items.append(queries.Evidence(f"said {EVIL}\n\nmore", [EVIL], "a<1>", EVIL, 'sources?x="1"', "javascript:alert(6)"))
    out = ui.evidence_html(items)
    assert out.startswith("<ul") and "\n" not in out and "\r" not in out
    assert "<img" not in out and "<b>bold" not in out and "javascript:" not in out.lower().replace("javascript:alert(3)", "")
    assert 'href="sources?x=&quot;1&quot;"' in out
    assert "original ↗" not in out, "no link to a non-http address"


@pytest.mark.parametrize("build", [
    lambda: queries.reader_header_html({"title": EVIL, "outlet": EVIL, "author": EVIL, "url": "data:text/html,x"}),
    lambda: queries.reader_caption_html({"event_id": "e", "source_file": EVIL, "language": EVIL}, EVIL, "t?card=e"),
    lambda: queries.linked_sentence_html(EVIL + "\r\n\r\n" + EVIL),
    lambda: queries.rejected_reason_html(EVIL + "\n\n# x"),
    lambda: queries.app_link_html("review?a=1", EVIL),
    lambda: queries.legend_html({"economy": EVIL}, ["economy"], quote=True),
    lambda: queries.highlight_html(f"a {EVIL}\r\n\r\nb\rc", [queries.Span(2, 6, "economy", EVIL)], quote=(0, 1)),
])
def test_html_builders_make_one_block_with_nothing_raw(build) -> None:
    """Each starts with a block tag (so Markdown leaves it alone), holds no line break (so the block
    cannot end early) and no tag or link from the data."""
    out = build()
    assert re.match(r"<(div|ul|p)[\s>]", out), out[:80]
    assert "\n" not in out and "\r" not in out
    assert "<img" not in out and "<b>bold" not in out and "data:text" not in out


def test_figures_show_tags_from_the_data_as_text(hostile_tables, theme_labels) -> None:
    t, event_id = hostile_tables
    labels = {**theme_labels, "economy": f"Economy {EVIL}"}
    figs = [
        charts.timeline_figure(charts.timeline_data(t["events"], t["themes"], labels), color_by="leading_theme"),
        charts.theme_shares_figure(charts.theme_share_data(t["events"], t["evidence"], t["articles"], labels)),
        charts.theme_totals_figure(charts.theme_totals(t["events"], t["evidence"], t["articles"], labels)),
        charts.theme_country_heatmap(charts.theme_country_matrix(t["participants"], t["evidence"], t["articles"], labels)),
        charts.attendees_figure(charts.attendee_counts(t["attendees"], t["events"], t["participants"])),
        map_figures.build_static_map_figure(map_figures.country_event_counts(t["participants"], t["events"]),
                                            set(), f"Map {EVIL}"),
    ]
    iso = str(t["participants"]["iso3"].iloc[0])
    table = partners.partner_table(t["participants"], t["events"], [iso])
    figs.append(partners.partners_figure(table, f"Chosen {EVIL}"))
    figs.append(partners.co_attendance_figure(partners.co_attendance(t["participants"], list(t["participants"]["iso3"][:4]))))
    for fig in figs:
        blob = fig.to_json()
        for tag in ("<img", "<b>bold", "<b>x"):
            assert tag not in blob, (tag, fig.layout.title.text)
    timeline = figs[0]
    ids = {cd[0] for tr in timeline.data for cd in tr.customdata}
    assert event_id in ids, "the click target (event id) is left as it is"
    assert any("Forum &lt;img" in str(cd[1]) for tr in timeline.data for cd in tr.customdata)


def test_exported_chart_texts_are_escaped_and_the_title_read_back_plain() -> None:
    import plotly.graph_objects as go

    from dashboard.exports.chart_export import style_for_export
    from dashboard.exports.export_ui import title_of

    fig = map_figures.build_static_map_figure(pd.DataFrame(columns=["iso3", "country", "n_events", "event_names",
                                                                    "is_asean"]), set(), "Forum <b>x</b> & co")
    title = title_of(fig, "map")
    assert title == "Forum <b>x</b> & co", "read back as plain text, escaped once by style_for_export"
    out = style_for_export(go.Figure(), title, f"Filters: Events: {EVIL}", f"Source: 1 article (Outlet {EVIL})")
    texts = [out.layout.title.text, out.layout.title.subtitle.text, out.layout.annotations[-1].text]
    assert texts[0] == "<b>Forum &lt;b&gt;x&lt;/b&gt; &amp; co</b>"
    assert all("<img" not in x and "<b>bold" not in x for x in texts)
