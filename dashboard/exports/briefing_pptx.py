"""The briefing pack as a PowerPoint deck: lays a BriefingPlan out on 16:9 slides with python-pptx.

The charts are PNGs (2x) drawn in one browser session (chart_export.render_session); the speaker notes
carry each slide's evidence and sources. Its own words ("Source:", "Key sentences") are in the language the
plan is rendered in: render under the same `i18n.language(...)` as the plan.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Inches, Pt

from dashboard import i18n
from dashboard.exports import chart_export
from dashboard.exports.briefing_plan import IMG_H_PX, IMG_TOP_IN, IMG_W_PX, PACK_TITLE, SLIDE_H_IN, SLIDE_W_IN, BriefingPlan
from dashboard.i18n import _


def render_pptx(plan: BriefingPlan) -> bytes:
    """The PPTX bytes for `plan`: every chart drawn as a PNG in one Chromium session, then the deck."""
    images, _ = chart_export.render_session(plan.figures, "png", width=IMG_W_PX, height=IMG_H_PX)
    return pptx_deck(plan, images)


def _text_box(slide, intro: str, size: int, colour):
    """A full-width text frame under the title that shrinks to fit when opened; its first line `intro`."""
    box = slide.shapes.add_textbox(Inches(0.5), Inches(1.0), Inches(12.3), Inches(6.2))
    tf = box.text_frame
    tf.word_wrap, tf.auto_size = True, MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # shrinks on open
    tf.text = intro
    tf.paragraphs[0].font.size, tf.paragraphs[0].font.color.rgb = Pt(size), colour
    return tf


def pptx_deck(plan: BriefingPlan, images: list[bytes]) -> bytes:
    """The deck for `plan`, each chart slide showing its PNG from `images` (python-pptx)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(SLIDE_W_IN), Inches(SLIDE_H_IN)
    grey = RGBColor(0x55, 0x55, 0x55)

    def place(shape, left, top, width, height):
        shape.left, shape.top, shape.width, shape.height = Inches(left), Inches(top), Inches(width), Inches(height)

    def style_title(shape, size: int) -> None:
        for p in shape.text_frame.paragraphs:
            p.alignment = 1  # left
            for r in p.runs:
                r.font.size, r.font.bold = Pt(size), True

    for s in plan.slides_for("pptx"):
        if s.kind == "title":
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = s.title
            place(slide.shapes.title, 0.8, 1.3, 11.7, 1.4)
            style_title(slide.shapes.title, 40)
            body = slide.placeholders[1]
            place(body, 0.8, 3.0, 11.7, 3.8)
            tf = body.text_frame
            tf.word_wrap = True
            for i, line in enumerate(s.lines):
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                p.text, p.alignment = line, 1
                p.font.size = Pt(20 if i == 0 else 16)
                p.font.color.rgb = RGBColor(0x22, 0x22, 0x22) if i == 0 else grey
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[5])  # Title Only
            slide.shapes.title.text = s.title
            place(slide.shapes.title, 0.45, 0.25, 12.4, 0.8)
            style_title(slide.shapes.title, 30)
            if s.kind == "chart" and s.image is not None:
                pic = slide.shapes.add_picture(io.BytesIO(images[s.image]), 0, Inches(IMG_TOP_IN),
                                               width=prs.slide_width)
                pic.name = _("Chart: {title}").format(title=s.title)
            elif s.kind == "findings":
                tf = _text_box(slide, " ".join(s.lines), 12, grey)
                for text, src in s.rows:
                    p = tf.add_paragraph()
                    p.text, p.font.size = "• " + text, Pt(14)
                    p.space_before = Pt(6)
                    q = tf.add_paragraph()
                    q.text, q.font.size, q.font.color.rgb = _("Source: {source}").format(source=src), Pt(10), grey
            elif s.kind == "event":
                tf = _text_box(slide, " · ".join(s.lines), 13, grey)
                for label, value in s.rows:
                    p = tf.add_paragraph()
                    p.space_before = Pt(4)
                    head, body = p.add_run(), p.add_run()
                    head.text, body.text = f"{label}: ", value
                    head.font.bold, head.font.size, body.font.size = True, Pt(13), Pt(13)
                if s.quotes:
                    p = tf.add_paragraph()
                    p.text, p.font.bold, p.font.size, p.space_before = _("Key sentences"), True, Pt(13), Pt(8)
                    for quote, src in s.quotes:
                        p = tf.add_paragraph()
                        q, r = p.add_run(), p.add_run()
                        q.text, r.text = f"“{quote}” ", f"— {src}"
                        q.font.size, r.font.size, r.font.color.rgb = Pt(11), Pt(10), grey
            elif s.kind == "table":
                cap = slide.shapes.add_textbox(Inches(0.5), Inches(1.0), Inches(12.3), Inches(0.4))
                cap.text_frame.text = " ".join(s.lines)
                cap.text_frame.paragraphs[0].font.size = Pt(13)
                cap.text_frame.paragraphs[0].font.color.rgb = grey
                n_rows = len(s.rows) + 1
                shape = slide.shapes.add_table(n_rows, len(s.header), Inches(0.5), Inches(1.5), Inches(12.3),
                                               Inches(0.4 * n_rows))
                table = shape.table
                for r, values in enumerate([s.header, *s.rows]):
                    for c, value in enumerate(values):
                        cell = table.cell(r, c)
                        cell.text = value if len(value) <= 160 else value[:157] + "…"
                        for p in cell.text_frame.paragraphs:
                            p.font.size = Pt(12 if r else 13)
                            p.font.bold = r == 0
                if not s.rows:
                    cap.text_frame.text = _("No rows for these filters.")
        slide.notes_slide.notes_text_frame.text = "\n".join(s.notes)
    buf = io.BytesIO()
    prs.core_properties.title = _(PACK_TITLE)
    prs.core_properties.language = "id-ID" if i18n.current_language() == "id" else "en-US"
    prs.core_properties.subject = (plan.slides[0].lines or [""])[0]
    prs.save(buf)
    return buf.getvalue()
