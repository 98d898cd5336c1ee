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


# The tables whose rows are facts an analyst can correct or confirm (each row says its `origin`).
FACT_TABLES = ("events", "participants", "attendees", "evidence")
CORRECTIONS_FILE = "corrections.csv"


def _facts(n: int) -> str:
    return f"{n} fact{'s' if n != 1 else ''}"


def corrections_line(filtered: Mapping[str, pd.DataFrame]) -> str | None:
    """One sentence on the analysts' part in `filtered` (the tables an export holds): the rows of
    FACT_TABLES whose origin is `corrected` or `confirmed`, and the facts analysts removed (applied
    `remove-*` rows of the corrections table, which leave no fact row), e.g. `Analysts corrected 3
    facts, confirmed 2 and removed 1 (the origin column says which; log: corrections.csv); every other
    fact is as extracted.` None when analysts touched none of these facts."""
    counts = {"corrected": 0, "confirmed": 0}
    for name in FACT_TABLES:
        df = filtered.get(name)
        if isinstance(df, pd.DataFrame) and "origin" in df.columns:
            origin = df["origin"].fillna("").astype(str).str.strip().str.lower()
            for k in counts:
                counts[k] += int((origin == k).sum())
    log = filtered.get("corrections")
    removed = 0
    if isinstance(log, pd.DataFrame) and {"action", "status"} <= set(log.columns):
        removed = int((log["action"].astype(str).str.startswith("remove-") & (log["status"] == "applied")).sum())
    done = [(verb, n) for verb, n in (("corrected", counts["corrected"]), ("confirmed", counts["confirmed"]),
                                      ("removed", removed)) if n]
    if not done:
        return None
    parts = [f"{done[0][0]} {_facts(done[0][1])}"] + [f"{verb} {n}" for verb, n in done[1:]]
    did = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Analysts {did} (the origin column says which; log: {CORRECTIONS_FILE}); every other fact is as extracted."
