"""Provenance texts: the one source line under every exported chart, from a page or in the briefing pack.

No Streamlit here, so the dashboard pages and the briefing pack (and its CLI) share one wording.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

DATASET = "ASEAN digital diplomacy dataset"
UNKNOWN_BUILD = "unknown date"


def included_outlets(articles: pd.DataFrame) -> list[str]:
    """The outlets of the included articles, sorted: rejected files are not sources of any figure."""
    inc = articles[articles["status"] == "included"] if "status" in articles else articles
    return sorted(set(inc["outlet"].dropna().astype(str)))


def build_date(built_at: str | None) -> str:
    """The build time as `YYYY-MM-DD` (`unknown date` without one), so every text names the build alike."""
    if not built_at:
        return UNKNOWN_BUILD
    try:
        return pd.Timestamp(built_at).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        return str(built_at)


def source_line(filtered: Mapping[str, pd.DataFrame], built_at: str | None = None) -> str:
    """The source line under a chart, e.g. `Source: 3 news articles (a.com, b.id) · build 2026-01-02 · …`.

    `filtered` are the filtered tables and `built_at` the build time (ISO text, or None when unknown):
    distinct articles, the outlets of the included ones, the build date.
    """
    arts = filtered["articles"]
    n = arts["article_id"].nunique()
    outlets = included_outlets(arts)
    text = f"Source: {n} news article{'s' if n != 1 else ''}"
    if outlets:
        text += " (" + ", ".join(outlets) + ")"
    return f"{text} · build {build_date(built_at)} · {DATASET}"
