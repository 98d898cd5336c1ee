"""Saved web pages (`.html`, `.htm`) as articles: trafilatura reduces a page to its main text (no
menus, scripts, comments or related links) and reads the title, site, author and publication date
from its meta tags, JSON-LD and bylines. The result is written as the plain-text article the rest of
the pipeline reads: headline, site, publication line, byline, then the body. On real pages the year
often sits only in the page's metadata, so keeping the publication line matters."""
from __future__ import annotations

from pathlib import Path

WEB_SUFFIXES = (".html", ".htm")


def is_web_page(name: str) -> bool:
    """Whether a file is a saved web page, by its suffix."""
    return Path(name).suffix.lower() in WEB_SUFFIXES


def page_to_article(html: str) -> str | None:
    """The article a saved page holds, as plain text with its header lines; None when the page has
    no main text (a menu page, an error page, a page of scripts)."""
    import trafilatura   # imported here: most builds read plain text only

    doc = trafilatura.bare_extraction(html, with_metadata=True, favor_precision=True,
                                      include_comments=False, include_tables=False)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        return None
    title = (doc.title or "").strip()
    lines = [title] if title else []
    site = doc.hostname or doc.sitename
    if site:
        lines.append(site.removeprefix("www."))
    if doc.date:
        lines.append(f"Published on {doc.date}")
    if doc.author:
        lines.append(f"By {doc.author}")
    if doc.url:
        lines.append(f"Source: {doc.url}")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]   # the headline repeated at the top of the body
    return "\n\n".join(lines + paragraphs)
