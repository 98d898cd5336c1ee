"""Provenance texts: the one source line under every exported chart, from a page or in the briefing pack.

No Streamlit here, so the dashboard pages and the briefing pack (and its CLI) share one wording, in the
interface's language (dashboard.i18n: the constants are msgids, translated where the text is made).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard import i18n
from dashboard.i18n import N_, _, ngettext

DATASET = N_("ASEAN digital diplomacy dataset")
UNKNOWN_BUILD = N_("unknown date")


def included_outlets(articles: pd.DataFrame) -> list[str]:
    """The outlets of the included articles, sorted: rejected files are not sources of any figure."""
    inc = articles[articles["status"] == "included"] if "status" in articles else articles
    return sorted(set(inc["outlet"].dropna().astype(str)))


def build_date(built_at: str | None) -> str:
    """The build time as `YYYY-MM-DD` (`unknown date` without one), so every text names the build alike."""
    if not built_at:
        return _(UNKNOWN_BUILD)
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
    num = i18n.format_number(n)
    if outlets:
        text = ngettext("Source: {n} news article ({outlets})", "Source: {n} news articles ({outlets})", n).format(
            n=num, outlets=", ".join(outlets))
    else:
        text = ngettext("Source: {n} news article", "Source: {n} news articles", n).format(n=num)
    return _("{source} · build {date} · {dataset}").format(source=text, date=build_date(built_at),
                                                           dataset=_(DATASET))


# The tables whose rows are facts an analyst can correct or confirm (each row says its `origin`).
FACT_TABLES = ("events", "participants", "attendees", "evidence")
CORRECTIONS_FILE = "corrections.csv"


def _did(verb: str, n: int, first: bool) -> str:
    """'corrected 3 facts' (the first of the list names the facts), then 'confirmed 2', 'removed 1'."""
    num = i18n.format_number(n)
    if verb == "corrected":
        text = ngettext("corrected {n} fact", "corrected {n} facts", n) if first else _("corrected {n}")
    elif verb == "confirmed":
        text = ngettext("confirmed {n} fact", "confirmed {n} facts", n) if first else _("confirmed {n}")
    else:
        text = ngettext("removed {n} fact", "removed {n} facts", n) if first else _("removed {n}")
    return text.format(n=num)


def join_and(parts: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the interface's language."""
    parts = list(parts)
    if len(parts) <= 1:
        return "".join(parts)
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


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
    did = join_and([_did(verb, n, i == 0) for i, (verb, n) in enumerate(done)])
    return _("Analysts {did} (the origin column says which; log: {log}); every other fact is as extracted.").format(
        did=did, log=CORRECTIONS_FILE)
