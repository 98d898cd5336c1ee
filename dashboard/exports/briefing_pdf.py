"""The briefing pack as a PDF: a BriefingPlan laid out as HTML pages, printed by Chromium; the evidence
behind the charts is one compact appendix table at the end (the deck has it in speaker notes).

The charts are SVGs (vector) drawn in the same browser session that prints the page
(chart_export.render_session), so no PDF library is needed. Its words are in the language the plan is
rendered in (`<html lang>` says which), so render under the same `i18n.language(...)` as the plan.
"""

from __future__ import annotations

import base64
import html

from dashboard import i18n
from dashboard.exports import chart_export
from dashboard.exports.briefing_plan import IMG_H_PX, IMG_TOP_IN, IMG_W_PX, PACK_TITLE, SLIDE_H_IN, SLIDE_W_IN, BriefingPlan
from dashboard.i18n import _


def render_pdf(plan: BriefingPlan) -> bytes:
    """The PDF bytes for `plan`: the charts as SVGs and the page printed, in one Chromium session."""
    _, pdf = chart_export.render_session(plan.figures, "svg", lambda images: briefing_html(plan, images),
                                         width=IMG_W_PX, height=IMG_H_PX)
    assert pdf is not None
    return pdf


_CSS = f"""
@page {{ size: {SLIDE_W_IN}in {SLIDE_H_IN}in; margin: 0; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: Arial, "DejaVu Sans", Helvetica, sans-serif; color: #222; }}
section {{ width: {SLIDE_W_IN}in; break-after: page; overflow: hidden; }}
section.slide {{ height: {SLIDE_H_IN}in; position: relative; }}
section.notes {{ padding: 0.5in 0.6in; font-size: 12pt; line-height: 1.45; }}
h1 {{ font-size: 30pt; margin: 0; padding: 0.3in 0.45in 0 0.45in; }}
.title h1 {{ font-size: 40pt; padding: 1.4in 0.8in 0.3in 0.8in; }}
.title p {{ margin: 0.12in 0.8in; font-size: 16pt; color: #555; }}
.title p:first-of-type {{ font-size: 20pt; color: #222; }}
img.chart {{ position: absolute; top: {IMG_TOP_IN}in; left: 0; width: {SLIDE_W_IN}in; }}
.caption {{ margin: 0.1in 0.5in; color: #555; font-size: 13pt; }}
table {{ margin: 0.1in 0.5in; width: 12.3in; border-collapse: collapse; font-size: 11.5pt; }}
th, td {{ border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }}
th {{ background: #eef1f5; }}
ul.findings {{ margin: 0.12in 0.5in 0 0.5in; padding-left: 0.25in; font-size: 13pt; line-height: 1.3; }}
ul.findings li {{ margin: 0 0 0.09in 0; }}
.src {{ display: block; font-size: 9.5pt; color: #666; line-height: 1.25; }}
table.card {{ font-size: 11pt; }}
table.card th {{ width: 1.7in; }}
.quotes {{ margin: 0.1in 0.5in; font-size: 10.5pt; }}
.quotes h2 {{ font-size: 12pt; margin: 0 0 0.05in 0; }}
.quotes blockquote {{ margin: 0 0 0.07in 0; padding-left: 0.12in; border-left: 3px solid #bbb; }}
section.appendix {{ padding-bottom: 0.4in; }}
table.appendix {{ font-size: 8.5pt; }}
table.appendix th, table.appendix td {{ padding: 2px 4px; }}
table.appendix thead {{ display: table-header-group; }}
table.appendix tr {{ break-inside: avoid; }}
"""


# Column widths of the appendix tables, by their number of columns: the evidence (charts, sentence, source)
# and the events, one row each (date, event, place, host, countries, people, outcomes, sources)
APPENDIX_WIDTHS = {3: ["2.3in", "7.2in", "2.8in"],
                   8: ["0.8in", "1.3in", "1.1in", "0.8in", "1.9in", "2.4in", "2.2in", "1.8in"]}


def _table(header: list[str], rows: list[list[str]], cls: str = "", widths: list[str] | None = None) -> str:
    e = html.escape
    cols = "".join(f"<col style='width:{w}'>" for w in widths) if widths else ""
    return (f"<table class='{cls}'>" + (f"<colgroup>{cols}</colgroup>" if cols else "") + "<thead><tr>"
            + "".join(f"<th>{e(h)}</th>" for h in header) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in rows)
            + "</tbody></table>")


def briefing_html(plan: BriefingPlan, images: list[bytes]) -> str:
    """The pack as one HTML page to print: a page per slide (SVG charts inline), then the evidence behind
    the charts as one compact appendix table (the deck carries it in its speaker notes instead)."""
    e = html.escape
    source, key_sentences, no_rows = _("Source: {source}"), _("Key sentences"), _("No rows for these filters.")
    parts = [f"<!doctype html><html lang='{e(i18n.current_language())}'><head><meta charset='utf-8'>"
             f"<title>{e(_(PACK_TITLE))}</title>"
             f"<style>{_CSS}</style></head><body>"]
    for s in plan.slides_for("pdf"):
        if s.kind == "title":
            parts.append(f"<section class='slide title'><h1>{e(s.title)}</h1>"
                         + "".join(f"<p>{e(x)}</p>" for x in s.lines) + "</section>")
            continue
        if s.kind == "appendix":
            parts.append(f"<section class='appendix'><h1>{e(s.title)}</h1><p class='caption'>{e(' '.join(s.lines))}</p>"
                         + _table(s.header, s.rows, "appendix", APPENDIX_WIDTHS.get(len(s.header)))
                         + "</section>")
            continue
        parts.append(f"<section class='slide {e(s.kind)}'><h1>{e(s.title)}</h1>")
        if s.kind == "chart" and s.image is not None:
            data = base64.b64encode(images[s.image]).decode()
            parts.append(f"<img class='chart' alt='{e(s.title)}' src='data:image/svg+xml;base64,{data}'>")
        elif s.kind == "findings":
            parts.append(f"<p class='caption'>{e(' '.join(s.lines))}</p><ul class='findings'>"
                         + "".join(f"<li>{e(text)}<span class='src'>{e(source.format(source=src))}</span></li>"
                                 for text, src in s.rows)
                         + "</ul>")
        elif s.kind == "event":
            parts.append("".join(f"<p class='caption'>{e(x)}</p>" for x in s.lines)
                         + "<table class='card'><tbody>"
                         + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in s.rows)
                         + "</tbody></table>")
            if s.quotes:
                parts.append(f"<div class='quotes'><h2>{e(key_sentences)}</h2>" + "".join(
                    f"<blockquote>“{e(q)}”<span class='src'>{e(src)}</span></blockquote>" for q, src in s.quotes)
                    + "</div>")
        else:
            parts.append(f"<p class='caption'>{e(' '.join(s.lines) if s.rows else no_rows)}</p>"
                         + _table(s.header, s.rows))
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)
