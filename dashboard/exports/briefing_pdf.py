"""The briefing pack as a PDF: a BriefingPlan laid out as HTML pages, printed by Chromium.

The charts are SVGs (vector) drawn in the same browser session that prints the page
(chart_export.render_session), so no PDF library is needed.
"""

from __future__ import annotations

import base64
import html

from dashboard.exports import chart_export
from dashboard.exports.briefing_plan import IMG_H_PX, IMG_TOP_IN, IMG_W_PX, PACK_TITLE, SLIDE_H_IN, SLIDE_W_IN, BriefingPlan


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
h2 {{ font-size: 16pt; margin: 0 0 0.1in 0; }}
.notes p {{ margin: 0 0 0.08in 0; }}
"""


def briefing_html(plan: BriefingPlan, images: list[bytes]) -> str:
    """The pack as one HTML page to print: a page per slide (SVG charts inline), notes after each chart."""
    e = html.escape
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{e(PACK_TITLE)}</title>"
             f"<style>{_CSS}</style></head><body>"]
    for s in plan.slides:
        if s.kind == "title":
            parts.append(f"<section class='slide title'><h1>{e(s.title)}</h1>"
                         + "".join(f"<p>{e(x)}</p>" for x in s.lines) + "</section>")
            continue
        parts.append(f"<section class='slide'><h1>{e(s.title)}</h1>")
        if s.kind == "chart" and s.image is not None:
            data = base64.b64encode(images[s.image]).decode()
            parts.append(f"<img class='chart' alt='{e(s.title)}' src='data:image/svg+xml;base64,{data}'>")
        else:
            parts.append(f"<p class='caption'>{e(' '.join(s.lines)) if s.rows else 'No rows for these filters.'}</p>"
                         "<table><thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in s.header) + "</tr></thead><tbody>"
                         + "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in s.rows)
                         + "</tbody></table>")
        parts.append("</section>")
        if s.kind == "chart":  # the speaker notes, printed after their slide
            parts.append(f"<section class='notes'><h2>Notes: {e(s.title)}</h2>"
                         + "".join(f"<p>{e(x)}</p>" for x in s.notes if x) + "</section>")
    parts.append("</body></html>")
    return "".join(parts)
