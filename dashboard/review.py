"""What the Review page lists, from the build's tables alone (pure pandas, no Streamlit): the articles and
events waiting for one fact, every extracted fact weakest first, stale corrections, and the sentences
an analyst may cite when adding a fact. Words of ours in the rows (what is missing, an undated event,
roles, country names) are made in the interface's language (dashboard.i18n): call these inside a cache
keyed by the language (context.derived / per_build). KINDS and ORIGINS are msgids, shown with _()."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from dashboard import i18n
from dashboard.i18n import N_, _
from dashboard.labels import clean, role_label, undated
from data_prep import split_sentences

NO_YEAR = "gives no date with a year"   # the build's reason for a report whose year sits outside its text
FACT_COLUMNS = ["kind", "event_id", "event", "fact", "target", "method", "confidence", "origin", "evidence",
                "article_id"]
KINDS = {"event": "events", "country": "participants", "person": "attendees", "theme": "evidence"}
# How a kind of fact and a row's origin read (the queue's `kind` and `origin` keep the codes): msgids.
KIND_LABELS = {"event": N_("event"), "country": N_("country"), "person": N_("person"), "theme": N_("theme")}
ORIGINS = {"extracted": N_("extracted"), "confirmed": N_("confirmed"), "corrected": N_("corrected")}


def kind_label(kind) -> str:
    """A fact's kind in the current language ('country' -> 'negara'); an unknown one as written."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else str(kind)


def origin_word(origin) -> str:
    """A row's origin in the current language ('extracted' -> 'terekstraksi'); an unknown one as written."""
    return _(ORIGINS[origin]) if origin in ORIGINS else str(origin)


def waiting_articles(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Rejected articles that name a meeting but give no year: setting their date makes them events."""
    a = tables["articles"]
    waiting = a[(a["status"] == "rejected") & a["reason"].fillna("").str.contains(NO_YEAR, regex=False)]
    return waiting[["article_id", "title", "outlet", "reason"]].reset_index(drop=True)


def events_missing(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Events with no place or no host, with what is missing in words."""
    ev = tables["events"]
    no_place = [clean(v) is None for v in ev["city"].to_numpy(object)]
    no_host = [clean(v) is None for v in ev["host_iso3"].to_numpy(object)]
    words = {(True, True): _("place and host"), (True, False): _("place"), (False, True): _("host")}
    missing = [{"event_id": e, "name": n, "missing": words[(p, h)]}
               for e, n, p, h in zip(ev["event_id"], ev["name"], no_place, no_host) if p or h]
    return pd.DataFrame(missing, columns=["event_id", "name", "missing"])


def fact_queue(tables: Mapping[str, pd.DataFrame], event_id: str | None = None, kind: str | None = None,
               method: str | None = None, theme_labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Every fact (an event itself, a participating country, an attendee, a theme, named by its label
    when `theme_labels` are given), weakest first by confidence, then by method and event; optionally
    one event, kind or method."""
    names = dict(zip(tables["events"]["event_id"], tables["events"]["name"]))
    parts = []
    ev = tables["events"]
    parts.append(pd.DataFrame({
        "kind": "event", "event_id": ev["event_id"], "fact": ev["name"] + " · " + _dates(ev["start_date"]),
        "target": ev["event_id"], "method": ev["method"], "confidence": ev["confidence"],
        "origin": ev.get("origin", "extracted"), "evidence": ev["evidence"], "article_id": ev["article_id"]}))
    p = tables["participants"]
    parts.append(pd.DataFrame({
        "kind": "country", "event_id": p["event_id"],
        "fact": pd.Series([i18n.country_name(i, c) for i, c in zip(p["iso3"], p["country"])], index=p.index,
                          dtype=object) + " (" + p["role"].map(role_label) + ")",
        "target": p["iso3"], "method": p["method"], "confidence": p["confidence"],
        "origin": p.get("origin", "extracted"), "evidence": p["evidence"], "article_id": p["article_id"]}))
    a = tables["attendees"]
    titled = a["name"] + a["title"].fillna("").map(lambda t: f", {t}" if t else "")
    parts.append(pd.DataFrame({
        "kind": "person", "event_id": a["event_id"], "fact": titled, "target": a["name"], "method": a["method"],
        "confidence": a["confidence"], "origin": a.get("origin", "extracted"), "evidence": a["evidence"],
        "article_id": a["article_id"]}))
    e = tables["evidence"].sort_values(["confidence", "char_start"], kind="stable")
    first = e.drop_duplicates(["event_id", "theme"])   # the theme's weakest sentence speaks for it
    parts.append(pd.DataFrame({
        "kind": "theme", "event_id": first["event_id"], "fact": first["theme"].map(lambda c: (theme_labels or {}).get(c, c)),
        "target": first["theme"],
        "method": first["method"], "confidence": first["confidence"], "origin": first.get("origin", "extracted"),
        "evidence": first["sentence"], "article_id": first["article_id"]}))
    q = pd.concat([x for x in parts if not x.empty], ignore_index=True) if any(not x.empty for x in parts) \
        else pd.DataFrame(columns=FACT_COLUMNS)
    q["event"] = q["event_id"].map(names)
    q["confidence"] = pd.to_numeric(q["confidence"], errors="coerce")
    if event_id:
        q = q[q["event_id"] == event_id]
    if kind:
        q = q[q["kind"] == kind]
    if method:
        q = q[q["method"] == method]
    return q.sort_values(["confidence", "method", "event_id", "kind", "fact"], kind="stable")[FACT_COLUMNS] \
        .reset_index(drop=True)


def _dates(col: pd.Series) -> pd.Series:
    return pd.to_datetime(col, errors="coerce").dt.strftime("%Y-%m-%d").fillna(undated())


def stale_corrections(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Corrections the build could not apply, with why."""
    c = tables.get("corrections")
    if c is None or c.empty:
        return pd.DataFrame(columns=["when", "who", "action", "event_id", "target", "detail", "note"])
    return c.loc[c["status"] == "stale", ["when", "who", "action", "event_id", "target", "detail", "note"]] \
        .reset_index(drop=True)


def event_sentences(tables: Mapping[str, pd.DataFrame], event_id: str, prefer: str = "") -> list[tuple[str, str]]:
    """(article id, sentence) for every sentence of the event's articles, those containing `prefer`
    (a name or country typed by the analyst, case-insensitive) first: the evidence an added fact cites."""
    arts = tables["articles"]
    ids = list(arts.loc[arts["event_id"] == event_id, "article_id"])
    txt = tables["articles_text"]
    texts = dict(zip(*(txt.loc[txt["article_id"].isin(ids), c] for c in ("article_id", "text"))))
    out = [(aid, s.text) for aid in ids if aid in texts for s in split_sentences(str(texts[aid]))]
    if prefer.strip():
        needle = prefer.strip().casefold()
        out.sort(key=lambda x: needle not in x[1].casefold())
    return out


def sentence_span(text: str, sentence: str) -> tuple[int, int] | None:
    """Offsets of a sentence in its article's text (for highlighting), or None."""
    at = text.find(sentence) if sentence else -1
    return (at, at + len(sentence)) if at >= 0 else None


def passage(text: str, span: tuple[int, int], around: int = 1) -> tuple[str, tuple[int, int], bool, bool]:
    """The paragraph holding a sentence with `around` paragraphs either side, the sentence's offsets in
    that passage, and whether text was cut before and after (so a long article shows its sentence)."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text)] or [(0, len(text))]
    k = next((i for i, (a, b) in enumerate(paras) if a <= span[0] < b), 0)
    lo = paras[max(k - around, 0)][0]
    hi = max(paras[min(k + around, len(paras) - 1)][1], span[1])
    return text[lo:hi], (span[0] - lo, span[1] - lo), lo > 0, hi < len(text)
