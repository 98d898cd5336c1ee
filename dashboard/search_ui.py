"""What the Search page shows for each hit, as escaped HTML: the sentence with its matched words marked,
the event and the article it comes from, and a link that opens the article on the Sources page with the
sentence highlighted. Pure functions, no Streamlit (the search itself is data_prep.search).
Translated (docs/TRANSLATING.md): the words of ours are in the interface's language, made when a function
runs (the page caches article_sources and not_counted per build and language); HOW_IT_WORKS is a msgid
(N_), translated where shown. The data's values (outlets, titles, sentences, reasons) stay as written."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n, queries, safe_text
from dashboard.i18n import N_, _
from dashboard.labels import clean, empty_text
from data_prep import Hit

PER_PAGE = 20   # hits a page
MAX_QUERY_CHARS = 200

HOW_IT_WORKS = N_("Searches every sentence of every article, in Indonesian and English. Words match by "
                "family in either language (`melindungi` finds `perlindungan`, `scams` finds `scam`); every word "
                "you type must appear in the sentence; hits are ranked by relevance (BM25) and limited to the "
                "events the sidebar's filters keep. With no filter set, the articles not counted as an event's "
                "report (opinion pieces, reports without a dated meeting) are searched too, and marked.")


def article_sources(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> a one-line description of where the article comes from: outlet, date, title and the
    language its sentences are in (they are never translated), for every article (plain text: escape it
    where it is shown)."""
    arts = articles
    languages = arts["language"] if "language" in arts.columns else [None] * len(arts)
    out = {}
    for a, outlet, d, title, code in zip(arts["article_id"], arts["outlet"], arts["published_date"], arts["title"],
                                         languages):
        date_s = "" if d is None or pd.isna(d) else f"{pd.Timestamp(d):%Y-%m-%d}"
        language = i18n.language_name(code)
        parts = [clean(outlet) or _("outlet unknown"), date_s, clean(title) or "",
                 _("in {language}").format(language=language) if language else ""]
        out[str(a)] = " · ".join(p for p in parts if p)
    return out


def not_counted(articles: pd.DataFrame) -> dict[str, str]:
    """article_id -> why the build counted it under no event, for the articles it did not include
    (their search hits say so instead of naming an event)."""
    rejected = articles[articles["status"] != "included"]
    none = _("no reason recorded")
    return {str(a): clean(r) or none for a, r in zip(rejected["article_id"], rejected["reason"])}


def hit_html(hit: Hit, event_label: str | None, source: str | None, href: str, not_counted: str | None = None) -> str:
    """One hit as an HTML block: the sentence with the matched words marked, then its event (or, for an
    article counted under no event, why not), its article and a link to read it; every value from the
    data escaped."""
    spans = [queries.Span(s, e, "quote", _("matches your search")) for s, e in hit.marks]
    sentence = queries.highlight_html(hit.sentence, spans)
    if not_counted is not None:
        event = _("none: not counted as an event's report ({reason})").format(reason=safe_text.html_line(not_counted))
    else:
        event = safe_text.html_line(event_label or clean(hit.event_id) or empty_text())
    where = safe_text.html_line(source or hit.article_id)
    tip = safe_text.html_line(_("Open the article on the Sources page with this sentence highlighted"))
    words = safe_text.html_line(_("read it in the article"))
    link = f'<a href="{safe_text.html_line(href)}" target="_self" title="{tip}">{words}</a>'
    line = _("Event: {event} · source: {source} · {link}").format(event=event, source=where, link=link)
    return (f'<div style="margin-bottom:0.9rem">{sentence}'
            f'<div style="font-size:0.9rem;color:#555">{line}</div></div>')
